/**
 * Expected failures: a kebab-case code, a Chinese message and the details. Findings are not errors: they
 * are data (see `checks`). One mapper at each edge (CLI, HTTP) turns these into exit codes or statuses.
 * @module
 */
export class DomainError extends Error {
  readonly code: string;
  readonly details: readonly string[];

  constructor(code: string, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

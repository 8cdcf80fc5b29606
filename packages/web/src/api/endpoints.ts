/**
 * One function per server endpoint (packages/server, hono, under `/api`).
 * @module
 */
import { download, request, setCsrfToken } from './client.ts';
import type {
  EvaluationKind, EvaluationRecord, EvaluationSummary, Evidence, ExportFormat, Status, User, Version, VersionSummary,
} from './types.ts';

type Session = { user: User; csrfToken?: string };

const q = (params: Record<string, string | number | boolean | null | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};
const id = (x: string) => encodeURIComponent(x);

// ---- 会话

export async function login(username: string, password: string): Promise<User> {
  const session = await request<Session>('POST', '/api/auth/login', { username, password }, { quietUnauthorized: true });
  setCsrfToken(session.csrfToken ?? null);
  return session.user;
}

export async function logout(): Promise<void> {
  await request<unknown>('POST', '/api/auth/logout', {});
  setCsrfToken(null);
}

/** The signed-in user, or null when there is no session. */
export async function currentUser(): Promise<User | null> {
  try {
    const session = await request<Session>('GET', '/api/auth/me', undefined, { quietUnauthorized: true });
    setCsrfToken(session.csrfToken ?? null);
    return session.user;
  } catch (e) {
    if ((e as { status?: number }).status === 401) return null;
    throw e;
  }
}

// ---- 自评（单位）

export type ListFilter = {
  year?: number | null;
  kind?: EvaluationKind | null;
  status?: Status | null;
  grade?: string | null;
  unit?: string | null;
  hasErrors?: boolean | null;
};

export const listEvaluations = (filter: ListFilter = {}): Promise<{ items: EvaluationSummary[] }> =>
  request('GET', `/api/evaluations${q(filter)}`);

export const getEvaluation = (evaluationId: string): Promise<EvaluationRecord> => request('GET', `/api/evaluations/${id(evaluationId)}`);

export type NewEvaluation = {
  year: number;
  kind: EvaluationKind;
  /** Start from last year's evaluation of the same unit and kind (prior-year columns filled). */
  fromPrior?: boolean;
  /** Or start from data (an import). */
  data?: Record<string, unknown>;
};

export const createEvaluation = (body: NewEvaluation): Promise<EvaluationRecord> => request('POST', '/api/evaluations', body);

/** Saves the draft; `version` is the one the editor started from (the server answers 409 when it moved on). */
export const saveDraft = (evaluationId: string, data: Record<string, unknown>, version: number): Promise<EvaluationRecord> =>
  request('PUT', `/api/evaluations/${id(evaluationId)}`, { data, version });

export const submitEvaluation = (evaluationId: string, justification: string | null): Promise<EvaluationRecord> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/submit`, { justification });

export const listVersions = (evaluationId: string): Promise<{ items: VersionSummary[] }> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/versions`);

export const getVersion = (evaluationId: string, version: number): Promise<Version> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/versions/${version}`);

export const exportUrl = (evaluationId: string, format: ExportFormat): string => `/api/evaluations/${id(evaluationId)}/export/${format}`;

export const downloadExport = (evaluationId: string, format: ExportFormat, name: string): Promise<void> =>
  download(exportUrl(evaluationId, format), `${name}.${format}`);

/** Reads a .docx/.xlsx/.txt report into evaluation data (not saved yet). */
export function importDocument(file: File, kind: EvaluationKind | null): Promise<{ data: Record<string, unknown>; warnings: string[] }> {
  const form = new FormData();
  form.set('file', file);
  if (kind) form.set('kind', kind);
  return request('POST', '/api/import', form);
}

export const listEvidence = (evaluationId: string): Promise<{ items: Evidence[] }> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/evidence`);

export function uploadEvidence(evaluationId: string, indicatorIndex: number, file: File): Promise<Evidence> {
  const form = new FormData();
  form.set('file', file);
  form.set('indicatorIndex', String(indicatorIndex));
  return request('POST', `/api/evaluations/${id(evaluationId)}/evidence`, form);
}

export const evidenceUrl = (evaluationId: string, evidenceId: string): string =>
  `/api/evaluations/${id(evaluationId)}/evidence/${id(evidenceId)}`;

export const deleteEvidence = (evaluationId: string, evidenceId: string): Promise<unknown> =>
  request('DELETE', evidenceUrl(evaluationId, evidenceId));

// ---- 审核（财政局）

export const listInbox = (filter: ListFilter = {}): Promise<{ items: EvaluationSummary[] }> => request('GET', `/api/reviews${q(filter)}`);

export type ReviewDecision = { opinion: string; scores: Record<string, string> };

export const returnEvaluation = (evaluationId: string, body: ReviewDecision): Promise<EvaluationRecord> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/return`, body);

export const approveEvaluation = (evaluationId: string, body: ReviewDecision): Promise<EvaluationRecord> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/approve`, body);

export const publishEvaluation = (evaluationId: string): Promise<EvaluationRecord> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/publish`, {});

// ---- 方案

export const listSchemes = (): Promise<{ items: { id: string; name: string; kind: EvaluationKind; year: number }[] }> => request('GET', '/api/schemes');

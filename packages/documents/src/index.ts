/**
 * @jixiao/documents — reading reports written by others (readers → layout mapping → model + facts →
 * audit) and writing the documents units file (.docx, .xlsx, PDF).
 * @module
 */
export * from './source.ts';
export * from './read/index.ts';
export { importEvaluation, type ImportOptions, type ImportResult } from './import/index.ts';
export { auditText, extractFacts, factChecks, textChecks } from './facts/index.ts';
export * from './audit/audit-document.ts';
export * from './write/index.ts';
export { DEFAULT_SCHEMES_DIR, loadSchemes } from './schemes.ts';

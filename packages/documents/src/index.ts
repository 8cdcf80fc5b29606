/**
 * @jixiao/documents — reading reports written by others (readers → layout mapping → model) and writing the
 * documents units file (.docx, .xlsx, PDF). The audit of what was read is @jixiao/audit.
 * @module
 */
export * from './source.ts';
export * from './read/index.ts';
export { importEvaluation, type ImportOptions, type ImportResult, isJunkLine, toSimplified } from './import/index.ts';
export * from './chars.ts';
export * from './write/index.ts';
export { DEFAULT_SCHEMES_DIR, loadSchemes } from './schemes.ts';

/**
 * Import: a read {@link SourceDocument} → the core model ({@link importEvaluation}), with the pieces the
 * narrative-facts and text checks build on: label normalisation, traditional characters, written numbers,
 * the outline of sections, web-page junk lines, table rows with merges resolved.
 * @module
 */
export * from './import-evaluation.ts';
export { ImportContext } from './context.ts';
export type { SourceRef } from './context.ts';
export * from './hanzi.ts';
export * from './normalize.ts';
export * from './numbers.ts';
export * from './outline.ts';
export * from './junk.ts';
export * from './rows.ts';
export {
  groupName, mapTables, metadataFromLine, parseSignOff, tableUnits,
  type Candidate, type EvaluationKind, type SignOff, type TableKind, type TableMeta, type TablesResult,
} from './tables.ts';

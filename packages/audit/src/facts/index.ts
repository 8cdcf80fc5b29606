/**
 * Facts from the narrative and the checks over them and over the text: `extractFacts` lists every figure
 * the text states; `factChecks` relate them to each other (same label two values, rate vs its terms,
 * count vs the list, difference vs its terms, total vs parts) and to the model's tables; `textChecks`
 * look at the words. `auditText` runs both over a document.
 * @module
 */
import type { Evaluation, Finding, Scheme } from '@jixiao/core';
import type { SourceDocument } from '@jixiao/documents';
import { textChecks } from '../text-checks/index.ts';
import { type AuditTextOptions, contextOf, dedupeFindings, runTextChecks } from './audit.ts';
import { factConflict } from './fact-conflict.ts';
import { factCountList } from './fact-count-list.ts';
import { factDifference } from './fact-difference.ts';
import { factRate } from './fact-rate.ts';
import { factTotalParts } from './fact-total-parts.ts';
import { factVsTable } from './fact-vs-table.ts';
import type { TextCheck } from './types.ts';

/**
 * Relations among narrative facts, then narrative against tables (the same error found twice is reported once).
 * One quantity stated twice (`fact-conflict`'s groups) is judged by the relation engine (`sentence-equal`), which
 * blames the odd statement of three and the likely typo of two.
 */
export const factChecks: readonly TextCheck[] = [factTotalParts, factCountList, factDifference, factRate, factVsTable];

/**
 * Audits a document's text: every fact and text check. `evaluation` (possibly partial) enables the
 * comparison with the tables and gives the year and unit; `scheme` lets section sums come from `derive`.
 */
export function auditText(doc: SourceDocument, evaluation: Evaluation | null, scheme: Scheme | null, options: AuditTextOptions = {}): Finding[] {
  const context = contextOf(doc, evaluation, scheme);
  return dedupeFindings(runTextChecks([...factChecks, ...textChecks], context, options));
}

export { textChecks };
export { extractFacts, analyzeLines } from './extract.ts';
export { reconcile, quantityOf } from './reconcile.ts';
export { reconcileWithModel } from './fact-vs-table.ts';
export { findBreakdowns } from './structure.ts';
export { buildContext, inferUnitName, inferYear, runTextChecks, type AuditTextOptions } from './audit.ts';
export { narrativeLines } from './text.ts';
export * from './types.ts';
export { factConflict, factCountList, factDifference, factRate, factTotalParts, factVsTable };

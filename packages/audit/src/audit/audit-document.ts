/**
 * The audit of a report written by others: read it, map what can be mapped into the model, run the
 * core's checks on that (partial) model and the fact and text checks on the document, and merge the
 * findings — one per problem, in the order of the document's lines.
 *
 * A partial document (an excerpt, a single table) gets every check its content allows and no alarm about
 * what it does not contain: checks that judge completeness or whole-table sums are switched off when
 * the part they need is not in the document.
 * @module
 */
import {
  CHECKS, cmp, constant, type Evaluation, eq, type Finding, normalizeName, runChecks, type Scheme, selectScheme, type Severity,
} from '@jixiao/core';
import { dedupeFindings } from '../facts/audit.ts';
import { deriveOnce } from '../facts/reconcile.ts';
import { auditText, inferYear, narrativeLines } from '../facts/index.ts';
import { numbersOf } from '../facts/audit.ts';
import { relationFindings } from '../relations/index.ts';
import { importEvaluation } from '@jixiao/documents';
import { type ReadOptions, readDocument } from '@jixiao/documents';
import type { SourceDocument, SourceFormat } from '@jixiao/documents';

export type DocumentAudit = {
  readonly file: string;
  readonly format: SourceFormat;
  readonly evaluation: Evaluation | null;
  readonly scheme: Scheme | null;
  readonly findings: Finding[];
  /** What could not be mapped into the model (Chinese, with lines). */
  readonly unmapped: readonly string[];
  /** What could not be read (Chinese). */
  readonly warnings: readonly string[];
};

export type AuditOptions = {
  readonly schemeId?: string;
  readonly read?: ReadOptions;
};

type Overrides = Record<string, Severity | 'off'>;

/** Whether a pattern with no line break in it matches a cell (as it would the cells joined by line breaks). */
function someCellMatches(doc: SourceDocument, re: RegExp): boolean {
  for (const table of doc.tables) for (const row of table.rows) for (const cell of row) if (re.test(cell.text)) return true;
  return false;
}

/**
 * Which core checks the document's content allows.
 *
 * The patterns are tried on each line and cell rather than on one text of them all (no string of the whole
 * document is built): none of them spans a line break. The document's text is its lines, then its cells,
 * with no break between the last line and the first cell: that junction is tried too.
 */
export function coreOverrides(doc: SourceDocument, evaluation: Evaluation, scheme?: Scheme): Overrides {
  const cells = (re: RegExp): boolean => someCellMatches(doc, re);
  const firstCell = doc.tables.flatMap((t) => t.rows).find((r) => r.length > 0)?.[0];
  const junction = `${doc.lines.at(-1)?.text ?? ''}${firstCell?.text ?? ''}`;
  const text = (re: RegExp): boolean => doc.lines.some((l) => re.test(l.text)) || cells(re) || re.test(junction);
  const off: Overrides = {
    // The text checks read the document's own lines (with line numbers): the model-level twin is not needed.
    'duplicate-sentence': 'off',
  };
  const table = evaluation.kind === 'department' ? evaluation.selfEvaluation : evaluation;
  const hasWholeReport = evaluation.kind === 'department' && !!evaluation.execution && !!evaluation.performance && !!evaluation.selfEvaluation && !!evaluation.basicData;
  if (!hasWholeReport) off['sections-present'] = 'off';
  // A sign-off block that is not in the document is not "unsigned". Its words are 填表人 and 单位负责人: a
  // 联系电话 alone is a contact in a notice or a header (意见收集人：…联系电话：…), not the table's sign-off.
  if (!text(/填表人|填报人|单位负责人/u)) off['sign-off'] = 'off';
  // A table cut before its total row: its level sums and counts cannot be judged.
  const tableComplete = !!table && (table.totalScore !== null || (table.grade ?? '').trim() !== '');
  if (!tableComplete) {
    off['weight-mismatch'] = 'off';
    off['narrative-score-mismatch'] = 'off';
    off['required-fields'] = 'off';
    off['target-setting'] = 'off';
    // neither a total nor a grade: the table is cut off or was not found; a grade cannot be missing from it
    off['grade-mismatch'] = 'off';
  }
  // A table of another template (another province's 决策/过程/产出/效益 with 分值 and 自评得分 only): what its
  // template has no column or section for cannot be missing, and this scheme cannot compute its weights and total.
  if (!cells(/偏差|原因分析|未完成原因/u)) off['deviation-explanation'] = 'off';
  // the national 项目支出绩效自评表 ends with 总分 and has no grade: a grade nowhere asked for is not missing
  if (!text(/等级|评级|评定/u)) off['grade-mismatch'] = 'off';
  if (!cells(/指标值|目标值|完成值/u) && !cells(/预算数|执行数|资金总额/u)) off['required-fields'] = 'off';
  // A report older than the scheme (a 2019 table judged by the rules of 2020, which its self-evaluation in
  // 2020 may or may not have followed): a weight that differs from the scheme's is a warning, not an error.
  if (scheme && evaluation.year < scheme.year) off['weight-mismatch'] = off['weight-mismatch'] ?? 'warning';
  // The table's points or first-level names were not read (every 分值 empty, a 一级指标 cell blank): its
  // blocks cannot be weighed nor its total recomputed.
  if (table && (table.indicators.some((x) => x.level1.trim() === '') || (table.indicators.length > 0 && table.indicators.every((x) => x.points === null || x.points.units === 0)))) {
    off['weight-mismatch'] = 'off';
    off['total-score-computed'] = 'off';
  }
  // A funds row read with its columns shifted (a 年初预算数 column the row has and the reading missed): its
  // 分值 is one of its amounts — above 100, or equal to both 全年预算数 and 全年执行数 while the rate says
  // they differ. What the checks would compare its rate, points and score with are not the unit's figures.
  if (fundsShifted(evaluation)) {
    for (const id of ['rate-mismatch', 'score-rule-mismatch', 'score-exceeds-points', 'execution-score-plausibility']) off[id] = 'off';
  }
  if (table && scheme) {
    const known = new Set(scheme.groups.filter((g) => g.source === 'unitIndicators').flatMap((g) => g.level1.map(normalizeName)));
    if (table.indicators.some((x) => x.level1.trim() !== '' && !known.has(normalizeName(x.level1)))) {
      off['weight-mismatch'] = off['weight-mismatch'] ?? 'warning';
      off['total-score-computed'] = 'off';
      off['grade-mismatch'] = 'off';
    }
  }
  return off;
}

/** Whether the funds row's 分值 is one of its amounts: read with its columns shifted (see {@link coreOverrides}). */
export function fundsShifted(evaluation: Evaluation): boolean {
  const row = evaluation.kind === 'project' ? evaluation.funds.total : evaluation.selfEvaluation?.funds;
  const points = row?.points;
  if (!row || !points) return false;
  if (cmp(points, constant(100)) > 0) return true;
  const { budget, actual, executionRate } = row;
  return !!budget && !!actual && !!executionRate && eq(points, budget) && eq(points, actual) && !eq(executionRate, constant(100));
}

/** Audits a document already read. */
export function auditSource(doc: SourceDocument, schemes: readonly Scheme[], options: AuditOptions = {}): DocumentAudit {
  const imported = importEvaluation(doc, options.schemeId ? { schemeId: options.schemeId } : {});
  const evaluation = imported.evaluation;
  let scheme: Scheme | null = null;
  let coreFindings: Finding[] = [];
  if (evaluation) {
    scheme = selectScheme(schemes, evaluation.kind, options.schemeId ?? evaluation.schemeId);
    const derived = deriveOnce(evaluation, scheme);
    coreFindings = runChecks(CHECKS, evaluation, derived, { severities: coreOverrides(doc, evaluation, scheme) }).map((f) => ({
      ...f,
      location: { ...f.location, ...(f.location.line !== undefined && !f.location.file ? { file: doc.file } : {}) },
    }));
  }
  const textFindings = auditText(doc, evaluation, scheme);
  const year = evaluation?.year ?? inferYear(narrativeLines(doc))?.year ?? null;
  const earlier = dedupeFindings([...coreFindings, ...textFindings]);
  // one finding per figure and error: a relation the core or a fact check already reported is not repeated
  const reported = new Set(earlier.filter((f) => f.stated !== undefined).map((f) => `${f.location.line}|${numbersOf(f.stated)}`));
  const relationOnes = relationFindings({ doc, evaluation, scheme, year }).filter((f) => !reported.has(`${f.location.line}|${numbersOf(f.stated)}`));
  return {
    file: doc.file,
    format: doc.format,
    evaluation,
    scheme,
    findings: dedupeFindings([...earlier, ...relationOnes]),
    unmapped: imported.unmapped,
    warnings: doc.warnings,
  };
}

/** Reads and audits a file's bytes. @throws DomainError when the file cannot be read at all. */
export async function auditDocument(bytes: Uint8Array, fileName: string, schemes: readonly Scheme[], options: AuditOptions = {}): Promise<DocumentAudit> {
  const doc = await readDocument(bytes, fileName, options.read ?? {});
  return auditSource(doc, schemes, options);
}

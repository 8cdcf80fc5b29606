/**
 * Running the text and fact checks over a document: the narrative is every line outside the tables, the
 * evaluated year and the unit come from the model when there is one and from the document otherwise, and
 * each check reports findings in the core's shape.
 * @module
 */
import { buildFinding, type Evaluation, type Finding, type Scheme, type Severity } from '@jixiao/core';
import type { SourceDocument, SourceLine } from '@jixiao/documents';
import { analyzeLines } from './extract.ts';
import { narrativeLines, selfYears } from './text.ts';
import type { TextCheck, TextContext, TextReport } from './types.ts';

export type AuditTextOptions = {
  /** Severity overrides by check id; `off` disables a check. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
};

const UNIT_ENDING = /(?:局|委员会|委|办公室|办|院|中心|站|所|学校|医院|卫生院|政府|部|厅|队|馆|社|联合会|协会|公司|小学|中学|幼儿园|党校|法院|检察院|街道|管委会)$/u;

/** The unit's name: 填报单位：… or a short first line ending like a unit. */
export function inferUnitName(lines: readonly SourceLine[]): string | null {
  for (const l of lines) {
    const m = /填报单位(?:（盖章）|\(盖章\))?\s*[:：]\s*([^\s\u3000：:]{2,30})/u.exec(l.text);
    if (m?.[1] && UNIT_ENDING.test(m[1])) return m[1];
  }
  const first = lines.find((l) => l.text.trim() !== '');
  const t = first?.text.replace(/[\s\u3000]/gu, '') ?? '';
  return t.length >= 3 && t.length <= 24 && UNIT_ENDING.test(t) ? t : null;
}


/**
 * The year the document evaluates, from what it says about itself: （2022年度）, 2022年度…绩效自评. The most
 * frequent such year, or null when there is none or no clear majority.
 */
export function inferYear(lines: readonly SourceLine[]): { year: number; source: string } | null {
  const counts = new Map<number, number>();
  for (const m of selfYears(lines)) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || (second && second[1] === best[1])) return null;
  return { year: best[0], source: '报告自述的评价年度' };
}

/** All text outside the narrative: table cells and the model's names, duties and indicators. */
function otherTextOf(doc: Pick<SourceDocument, 'tables'>, evaluation: Evaluation | null): string {
  const parts: string[] = [];
  for (const table of doc.tables) for (const row of table.rows) for (const cell of row) parts.push(cell.text);
  if (evaluation?.kind === 'department') {
    parts.push(evaluation.unit.name, ...(evaluation.duties ?? []), evaluation.unit.supervisingDepartment ?? '');
    for (const x of evaluation.selfEvaluation?.indicators ?? []) parts.push(x.name, x.level2, x.target ?? '', x.actual ?? '');
    parts.push(evaluation.selfEvaluation?.goals.expected ?? '', evaluation.selfEvaluation?.goals.achieved ?? '');
  } else if (evaluation?.kind === 'project') {
    parts.push(evaluation.project.name, evaluation.project.implementingUnit ?? '', evaluation.project.supervisingDepartment ?? '');
    for (const x of evaluation.indicators) parts.push(x.name, x.level2, x.target ?? '', x.actual ?? '');
    parts.push(evaluation.goals.expected ?? '', evaluation.goals.achieved ?? '');
  }
  return parts.join('\n');
}

export function buildContext(doc: SourceDocument, evaluation: Evaluation | null, scheme: Scheme | null): TextContext {
  const lines = narrativeLines(doc);
  const unitName =
    evaluation?.kind === 'department'
      ? evaluation.unit.name
      : evaluation?.kind === 'project'
        ? (evaluation.project.implementingUnit ?? null)
        : inferUnitName(lines);
  const inferred = evaluation ? null : inferYear(lines);
  const { blocks, facts } = analyzeLines(lines, { unitName });
  return {
    file: doc.file,
    lines,
    blocks,
    facts,
    year: evaluation?.year ?? inferred?.year ?? null,
    yearSource: evaluation ? '自评数据的评价年度' : (inferred?.source ?? ''),
    unitName,
    otherText: otherTextOf(doc, evaluation),
    evaluation,
    scheme,
  };
}

const contexts = new WeakMap<SourceDocument, TextContext>();
/** `buildContext`, once per document and model: the fact checks and the relation extractors read the same facts. */
export function contextOf(doc: SourceDocument, evaluation: Evaluation | null, scheme: Scheme | null): TextContext {
  let context = contexts.get(doc);
  if (!context || context.evaluation !== evaluation || context.scheme !== scheme) {
    context = buildContext(doc, evaluation, scheme);
    contexts.set(doc, context);
  }
  return context;
}

/**
 * A figure for a finding's `stated` / `expected`: a plain JSON number in the report's own unit (the unit is
 * in the message). "11,853.56万元" → 11853.56, "644人" → 644; text that is not a figure stays text.
 */
export function findingNumber(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const m = /^[\s\u3000]*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/u.exec(value.replace(/[０-９．，]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return m?.[1] ? Number(m[1].replace(/,/gu, '')) : value;
}

/** Runs checks over a prepared context. */
export function runTextChecks(checks: readonly TextCheck[], context: TextContext, options: AuditTextOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    const override = options.severities?.[check.id];
    if (override === 'off') continue;
    const report = (r: TextReport): void => {
      // buildFinding reads the report's fields (it does not copy the object): one copy with the figures as
      // numbers, and objects built field by field (conditional spreads cost a runtime call each)
      const figures: TextReport =
        r.stated === undefined && r.expected === undefined
          ? r
          : { ...r, stated: r.stated === undefined ? undefined : findingNumber(r.stated), expected: r.expected === undefined ? undefined : findingNumber(r.expected) };
      const location: { path: string; line: number; excerpt: string; file?: string } = { path: 'text', line: r.line, excerpt: r.excerpt };
      if (context.file) location.file = context.file;
      const related = r.path ? [{ path: r.path }, ...(r.related ?? [])] : [...(r.related ?? [])];
      findings.push(buildFinding(check.id, check.meta, override, figures, { location, related }));
    };
    check.run(context, report as (r: TextReport & { messageId: string }) => void);
  }
  return findings;
}

const NOT_NUMBER = /[^\d.-]/gu;
/** The digits, points and minus signs of a figure (a number as text mostly has nothing else: then no replace). */
export function numbersOf(v: number | string | undefined): string {
  const s = String(v ?? '');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && c !== 0x2e && c !== 0x2d) return s.replace(NOT_NUMBER, '');
  }
  return s;
}

/** One finding per line and figure: a relation in the text and the table may find the same error. */
export function dedupeFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = f.stated === undefined ? `${f.check}|${f.location.line}|${f.message}` : `${f.location.line}|${numbersOf(f.stated)}|${numbersOf(f.expected)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

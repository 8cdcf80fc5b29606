/**
 * The 绩效指标 block shared by 附件1-2 (部门整体) and the national 项目支出绩效自评表: one row per third-level
 * indicator, first- and second-level names merged over their rows, the score the engine counts (with a
 * live formula where the rule is a formula over the row's target, actual and points), and the formulas of
 * the total score and the grade.
 *
 * Reference: DOMAIN.md "附件1-2 自评表", "Scoring rules"; RULES.md §4.2 (merged first/second-level cells).
 * @module
 */
import { type Derived, eq, type IndicatorResult, normalizeName, parseDec, type Scheme, sum } from '@jixiao/core';
import { blank, header, label, measureCell, scoreCell, textCell } from './cells.ts';
import type { Cell, Formula } from './document-model.ts';
import { type CorrectionLog, groupName, plain } from './wording.ts';

export type IndicatorBlock = {
  /** Column headings: 一级指标 … 得分 [偏差原因分析及改进措施]. */
  readonly headerRow: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
  /** Ids of the score cells the engine counts in the total. */
  readonly countedScoreIds: readonly string[];
};

type RuleFormula = Extract<Formula, { kind: 'indicatorScore' }>['rule'];

/** The spreadsheet rule for an indicator's score, or null when the score is not a formula of its row. */
function ruleFormula(result: IndicatorResult, scheme: Scheme): RuleFormula | null {
  if (result.expected === null || result.indicator.points === null) return null;
  if (!result.target.value || !result.actual.value) return null;
  if (result.isOverAchieved && scheme.overAchievement.effect === 'reduce') return null;
  if (scheme.rounding.mode === 'halfEven') return null;
  const rule = result.rule;
  switch (rule.kind) {
    case 'proportional':
      return 'proportional';
    case 'reverse':
      return rule.formula === 'ratio' ? 'reverseRatio' : 'reverseLinear';
    case 'equals':
      if (result.target.value.units === 0) return 'equalsZero';
      return rule.otherwise === 'exact' ? 'equalsExact' : 'proportional';
    default:
      return null;
  }
}

/** Is the indicator counted in a scheme group (and so in the total)? */
export function isCounted(result: IndicatorResult, scheme: Scheme): boolean {
  if (result.indicator.notApplicable) return false;
  const key = normalizeName(result.indicator.level1);
  return scheme.groups.some((g) => g.source === 'unitIndicators' && g.level1.some((n) => normalizeName(n) === key));
}

/**
 * Rows of the indicator block. `pathBase` is the model path of the table (`selfEvaluation` or ``), for
 * corrections; `withDeviation` adds the 偏差原因分析及改进措施 column of the national table.
 */
export function indicatorBlock(derived: Derived, scheme: Scheme, log: CorrectionLog, pathBase: string, withDeviation: boolean): IndicatorBlock {
  const at = (key: string): string => (pathBase === '' ? key : `${pathBase}.${key}`);
  const headerRow = [
    header('一级指标'), header('二级指标'), header('三级指标'), header('年度指标值'), header('实际完成值'), header('分值'), header('得分'),
    ...(withDeviation ? [header('偏差原因分析及改进措施')] : []),
  ];
  const results = derived.indicators;
  const rows: Cell[][] = [];
  const countedScoreIds: string[] = [];
  const statedHeaders = derived.card?.level1 ?? [];

  // Runs of consecutive rows with the same first-level (and second-level) name are merged.
  const runLength = (start: number, same: (a: IndicatorResult, b: IndicatorResult) => boolean): number => {
    let end = start + 1;
    const first = results[start];
    while (first && end < results.length && same(first, results[end] as IndicatorResult)) end++;
    return end - start;
  };
  const sameLevel1 = (a: IndicatorResult, b: IndicatorResult): boolean => normalizeName(a.indicator.level1) === normalizeName(b.indicator.level1);
  const sameLevel2 = (a: IndicatorResult, b: IndicatorResult): boolean => sameLevel1(a, b) && normalizeName(a.indicator.level2) === normalizeName(b.indicator.level2);

  let level1End = 0;
  let level2End = 0;
  results.forEach((result, i) => {
    const row: Cell[] = [];
    if (i >= level1End) {
      const span = runLength(i, sameLevel1);
      level1End = i + span;
      const key = normalizeName(result.indicator.level1);
      const level = derived.levels.find((l) => l.key === key);
      const statedIndex = statedHeaders.findIndex((h) => normalizeName(h.name) === key);
      const stated = statedIndex >= 0 ? statedHeaders[statedIndex]?.points : null;
      const points = level
        ? log.figure(at(`level1[${statedIndex}].points`), stated, level.points, plain, `「${groupName(result.indicator.level1)}」的分值`, '其下三级指标分值之和')
        : null;
      row.push(label(points ? `${groupName(result.indicator.level1)}（${plain(points)}分）` : groupName(result.indicator.level1), { rowSpan: span, align: 'center' }));
    }
    if (i >= level2End) {
      const span = runLength(i, sameLevel2);
      level2End = i + span;
      row.push(label(result.indicator.level2.trim() === '' ? '' : groupName(result.indicator.level2), { rowSpan: span, align: 'center' }));
    }
    const id = `indicator${i}`;
    row.push(textCell(result.indicator.name.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, '')));
    row.push(measureCell(result.target, { id: `${id}.target` }));
    row.push(measureCell(result.actual, { id: `${id}.actual` }));
    row.push(scoreCell(result.indicator.points, { id: `${id}.points` }));
    if (result.indicator.notApplicable) {
      row.push(textCell('不适用', { align: 'center' }));
    } else {
      const score = log.figure(
        at(`indicators[${i}].score`), result.indicator.score, result.counted, plain,
        `指标「${result.indicator.name.trim()}」得分`, `按评分规则（${result.explanation}）`,
      );
      const rule = ruleFormula(result, scheme);
      const targetCell = row.find((c) => c.id === `${id}.target`);
      const actualCell = row.find((c) => c.id === `${id}.actual`);
      // Only over two numbers of the same kind (both percentages or both plain numbers).
      const sameKind = targetCell?.value && actualCell?.value && targetCell.value.numberFormat?.endsWith('%') === actualCell.value.numberFormat?.endsWith('%');
      const formula: Formula | undefined = rule && sameKind
        ? { kind: 'indicatorScore', rule, target: `${id}.target`, actual: `${id}.actual`, points: `${id}.points`, decimals: scheme.rounding.decimals, mode: scheme.rounding.mode }
        : undefined;
      row.push(scoreCell(score, { id: `${id}.score`, ...(formula ? { formula } : {}) }));
      if (isCounted(result, scheme)) countedScoreIds.push(`${id}.score`);
    }
    if (withDeviation) row.push(textCell(result.indicator.deviationExplanation));
    rows.push(row);
  });
  return { headerRow, rows, countedScoreIds };
}

/**
 * The 绩效指标 block with its label column: the label stands beside the column header row, which a page
 * continuing the table repeats (so every page reads 绩效指标 | 一级指标 | … | 得分), and an empty cell
 * merged down the indicator rows keeps the column.
 */
export function indicatorRows(block: IndicatorBlock): Cell[][] {
  return [
    [label('绩效指标', { align: 'center' }), ...block.headerRow],
    ...block.rows.map((r, i) => (i === 0 ? [blank({ rowSpan: block.rows.length }), ...r] : [...r])),
  ];
}

/**
 * Can the total be written as ROUND(funds score + Σ counted indicator scores)? Only when the scheme's
 * groups are the execution rate and the unit's indicators without rescaling (what the engine then sums).
 */
export function totalIsPlainSum(derived: Derived, scheme: Scheme): boolean {
  if (scheme.groups.some((g) => g.source === 'schemeIndicators')) return false;
  const rescaled = scheme.groups.some((g) => {
    if (g.source !== 'unitIndicators' || !g.rescale) return false;
    const group = derived.groups.find((x) => x.name === g.name);
    const keys = new Set(g.level1.map(normalizeName));
    const points = sum(derived.levels.filter((l) => keys.has(l.key)).map((l) => l.points));
    const groupPoints = parseDec(String(g.points));
    return group !== undefined && points.units !== 0 && groupPoints !== null && !eq(points, groupPoints);
  });
  if (rescaled) return false;
  if (scheme.notApplicable === 'rescale' && derived.indicators.some((r) => r.indicator.notApplicable && r.indicator.points && r.indicator.points.units > 0)) return false;
  return true;
}

export const gradeFormula = (scheme: Scheme, totalId: string): Formula => ({
  kind: 'grade',
  total: totalId,
  grades: scheme.grades.map((g) => ({ name: g.name, min: g.min })),
});

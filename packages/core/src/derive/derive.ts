/**
 * Derivation: every rate, score, group total, total and grade computed from the raw figures under a
 * scheme, each with a Chinese explanation of how it was reached. Pure and fast: a form recomputes it on
 * every keystroke.
 *
 * Reference: DOMAIN.md "Scoring rules"; RULES.md §1.1–1.3, §2.4.
 * @module
 */
import {
  type Dec, add, cmp, constant, divide, format, min, multiply, normalize, round, sub, sum, ZERO,
} from '../decimal.ts';
import { type Measure, parseMeasure } from '../measure.ts';
import type { Direction, Evaluation, Indicator } from '../model/evaluation.ts';
import { normalizeName } from '../names.ts';
import { evaluateExpression, parseExpression } from '../scheme/expression.ts';
import type { Rule, Scheme, SchemeGroup } from '../scheme/schema.ts';
import { inferDirection } from '../scoring/direction.ts';
import { type Rounding, applyRule, bandOfScore, qualitativeBand } from '../scoring/rules.ts';
import { type Figures, figuresOf } from './figures.ts';
import { type Scorecard, indicatorPath, scorecardOf } from './scorecard.ts';

export type IndicatorResult = {
  readonly index: number;
  readonly path: string;
  readonly indicator: Indicator;
  readonly target: Measure;
  readonly actual: Measure;
  readonly direction: Direction;
  readonly directionInferred: boolean;
  readonly rule: Rule;
  /** The score the rule gives (quantitative), null when it cannot be computed. */
  readonly expected: Dec | null;
  /** The score counted in the total: `expected`, or the unit's score kept within [0, points] when not computable. */
  readonly counted: Dec;
  /** actual / target in percent (正向 and 反向), null when not numeric. */
  readonly achievement: Dec | null;
  readonly isOverAchieved: boolean;
  /** Qualitative: the band the unit's score falls in, and the band of its stated grade. */
  readonly scoreBand: string | null;
  readonly explanation: string;
};

export type LevelSum = {
  readonly name: string;
  readonly key: string;
  /** The points the header states (产出指标（50分）), if any. */
  readonly statedPoints: Dec | null;
  readonly points: Dec;
  readonly statedScore: Dec;
  readonly counted: Dec;
  readonly indicatorIndexes: readonly number[];
  readonly level2: readonly { readonly name: string; readonly key: string; readonly points: Dec; readonly statedScore: Dec; readonly counted: Dec; readonly indicatorIndexes: readonly number[] }[];
};

export type ComputedIndicatorResult = {
  readonly level2: string;
  readonly name: string;
  readonly points: Dec;
  readonly value: Dec | null;
  readonly score: Dec;
  readonly explanation: string;
};

export type GroupResult = {
  readonly name: string;
  readonly source: SchemeGroup['source'];
  readonly points: Dec;
  readonly score: Dec;
  readonly explanation: string;
  readonly computed: readonly ComputedIndicatorResult[];
};

export type Derived = {
  readonly scheme: Scheme;
  readonly card: Scorecard | null;
  readonly figures: Figures;
  readonly funds: {
    readonly rate: Dec | null;
    readonly points: Dec;
    readonly score: Dec | null;
    /** The scores that amounts within the rounding of the written ones could give (low ≤ score ≤ high). */
    readonly scoreRange: { readonly low: Dec; readonly high: Dec } | null;
    readonly explanation: string;
  };
  readonly indicators: readonly IndicatorResult[];
  readonly levels: readonly LevelSum[];
  readonly groups: readonly GroupResult[];
  readonly total: {
    readonly points: Dec;
    /** Σ of the unit's own stated scores (funds score + every indicator score). */
    readonly statedSum: Dec | null;
    readonly computed: Dec;
    readonly explanation: string;
  };
  readonly grade: { readonly name: string; readonly explanation: string };
};

const show = (d: Dec): string => {
  const n = normalize(d);
  return format(n, n.scale, false);
};
const fromNumber = constant;

/** Grade name for a total under a scheme. */
export function gradeOf(scheme: Scheme, total: Dec): string {
  for (const g of scheme.grades) if (cmp(total, fromNumber(g.min)) >= 0) return g.name;
  return scheme.grades[scheme.grades.length - 1]?.name ?? '';
}

/** The scheme grade a written grade names (its name or an alias), or null. */
export function resolveGrade(scheme: Scheme, written: string): { name: string; isAlias: boolean } | null {
  const w = written.replace(/[\s\u3000]/gu, '');
  for (const g of scheme.grades) {
    if (g.name === w) return { name: g.name, isAlias: false };
    if (g.aliases.includes(w)) return { name: g.name, isAlias: true };
  }
  return null;
}

type Reduction = { readonly ratio: Dec; readonly trigger: number; readonly amount: Dec; readonly reduced: Dec };

/** One indicator's result; its explanation is written only when read (rechecks do not pay for it). */
class IndicatorScore implements IndicatorResult {
  constructor(
    readonly index: number,
    readonly path: string,
    readonly indicator: Indicator,
    readonly target: Measure,
    readonly actual: Measure,
    readonly direction: Direction,
    readonly directionInferred: boolean,
    readonly rule: Rule,
    readonly expected: Dec | null,
    readonly counted: Dec,
    readonly achievement: Dec | null,
    readonly isOverAchieved: boolean,
    readonly scoreBand: string | null,
    private readonly rounding: Rounding,
    private readonly reduction: Reduction | null,
  ) {}

  get explanation(): string {
    const points = this.indicator.points ?? ZERO;
    const stated = this.indicator.score;
    if (this.rule.kind === 'qualitative') {
      const grade = this.indicator.qualitativeGrade;
      const band = grade ? qualitativeBand(this.rule, grade, points) : null;
      return band
        ? `定性指标，所选等级「${band.label}」对应 ${show(band.low)}～${show(band.high)} 分；采用自评得分 ${stated ? show(stated) : '（未填）'}`
        : `定性指标（未选等级）；采用自评得分 ${stated ? show(stated) : '（未填）'}，须在分值 ${show(points)} 以内`;
    }
    const outcome = applyRule(this.rule, this.target.value, this.actual.value, points, this.rounding, true);
    const r = this.reduction;
    const reduced = r
      ? `；完成 ${show(r.ratio)}% 超过 ${r.trigger * 100}% 的目标偏低标准，调减 ${show(round(r.amount, 4))} 分，得 ${show(r.reduced)}`
      : '';
    return outcome.explanation + reduced;
  }
}

function scoreIndicator(card: Scorecard, scheme: Scheme, indicator: Indicator, index: number, rounding: Rounding): IndicatorResult {
  const target = parseMeasure(indicator.target);
  const actual = parseMeasure(indicator.actual);
  const { direction, inferred } = inferDirection(indicator, target, actual);
  const rule = scheme.directionRules[direction];
  const points = indicator.points ?? ZERO;
  const stated = indicator.score;
  const path = indicatorPath(card, index);
  const clamped = stated === null ? ZERO : cmp(stated, ZERO) < 0 ? ZERO : min(stated, points);

  if (rule.kind === 'qualitative') {
    const scoreBand = stated ? bandOfScore(rule, stated, points) : null;
    return new IndicatorScore(index, path, indicator, target, actual, direction, inferred, rule, null, clamped, null, false, scoreBand, rounding, null);
  }

  const outcome = applyRule(rule, target.value, actual.value, points, rounding, false);
  let expected = outcome.score;
  let reduction: Reduction | null = null;
  let achievement: Dec | null = null;
  let isOverAchieved = false;
  if (target.value && actual.value && target.value.units > 0 && (direction === 'higherIsBetter' || direction === 'equals')) {
    achievement = divide(actual.value, target.value, 2, 'halfUp', 100);
    const trigger = scheme.overAchievement.trigger;
    // Compared exactly (a ≥ trigger × t), not on the rounded percentage: 119.995 % is not 120 %.
    if (trigger !== null && achievement && cmp(actual.value, multiply(target.value, fromNumber(trigger))) >= 0) {
      isOverAchieved = true;
      if (scheme.overAchievement.effect === 'reduce' && expected) {
        const beyond = sub(achievement, fromNumber(trigger * 100));
        const share = min(fromNumber(scheme.overAchievement.maxReduction), multiply(beyond, fromNumber(scheme.overAchievement.reducePerPoint)));
        const amount = multiply(points, share);
        const reduced = round(sub(expected, amount), rounding.decimals, rounding.mode);
        reduction = { ratio: achievement, trigger, amount, reduced };
        expected = reduced;
      }
    }
  } else if (target.value && actual.value && actual.value.units > 0 && direction === 'lowerIsBetter') {
    achievement = divide(target.value, actual.value, 2, 'halfUp', 100);
  }
  if (expected && indicator.points === null) expected = null;
  return new IndicatorScore(index, path, indicator, target, actual, direction, inferred, rule, expected, expected ?? clamped, achievement, isOverAchieved, null, rounding, reduction);
}

function levelSums(card: Scorecard, results: readonly IndicatorResult[]): LevelSum[] {
  const levels = new Map<string, { name: string; indexes: number[]; level2: Map<string, { name: string; indexes: number[] }> }>();
  for (const r of results) {
    if (r.indicator.notApplicable) continue;
    const key = normalizeName(r.indicator.level1);
    let level = levels.get(key);
    if (!level) {
      level = { name: r.indicator.level1, indexes: [], level2: new Map() };
      levels.set(key, level);
    }
    level.indexes.push(r.index);
    const key2 = normalizeName(r.indicator.level2);
    let l2 = level.level2.get(key2);
    if (!l2) {
      l2 = { name: r.indicator.level2, indexes: [] };
      level.level2.set(key2, l2);
    }
    l2.indexes.push(r.index);
  }
  const sums = (indexes: readonly number[]) => {
    const rows = indexes.map((i) => results[i]).filter((r): r is IndicatorResult => r !== undefined);
    return {
      points: sum(rows.map((r) => r.indicator.points ?? ZERO)),
      statedScore: sum(rows.map((r) => r.indicator.score ?? ZERO)),
      counted: sum(rows.map((r) => r.counted)),
    };
  };
  return [...levels.entries()].map(([key, level]) => ({
    name: level.name,
    key,
    statedPoints: card.level1.find((h) => normalizeName(h.name) === key)?.points ?? null,
    ...sums(level.indexes),
    indicatorIndexes: level.indexes,
    level2: [...level.level2.entries()].map(([key2, l2]) => ({ name: l2.name, key: key2, ...sums(l2.indexes), indicatorIndexes: l2.indexes })),
  }));
}

function fundsScore(card: Scorecard | null, group: Extract<SchemeGroup, { source: 'executionRate' }> | undefined, scheme: Scheme, rounding: Rounding) {
  const points = fromNumber(group?.points ?? 0);
  if (!card || !group) return { rate: null, points, score: null, scoreRange: null, explanation: '方案不含预算执行率，或报告没有资金表' };
  const denominator = group.denominator === 'fundsReceived' ? card.funds.received : card.funds.budget;
  const denominatorName = group.denominator === 'fundsReceived' ? '实际到位资金' : '全年预算数';
  if (!denominator || !card.funds.actual) {
    return { rate: null, points, score: null, scoreRange: null, explanation: `缺少全年执行数或${denominatorName}，无法计算预算执行率` };
  }
  const rate = divide(card.funds.actual, denominator, scheme.rateDecimals, 'halfUp', 100);
  if (!rate) return { rate: null, points, score: null, scoreRange: null, explanation: `${denominatorName}为 0，无法计算预算执行率` };
  const exact = divide(card.funds.actual, denominator, 10, 'halfUp');
  const capped = exact && group.cap !== null ? min(exact, fromNumber(group.cap)) : exact;
  const score = capped ? round(multiply(capped, points), rounding.decimals, rounding.mode) : null;
  const capText = group.cap !== null && exact && cmp(exact, fromNumber(group.cap)) > 0 ? `（超过 ${group.cap * 100}% 按 ${group.cap * 100}% 计）` : '';
  // The written amounts are rounded: the scores any exact amounts behind them could give.
  const half = (d: Dec): Dec => ({ units: 5, scale: d.scale + 1 });
  const scoreAt = (n: Dec, d: Dec): Dec | null => {
    const r = divide(n, d, 10, 'halfUp');
    if (!r) return null;
    const c = group.cap !== null ? min(r, fromNumber(group.cap)) : r;
    return round(multiply(c, points), rounding.decimals, rounding.mode);
  };
  const low = scoreAt(sub(card.funds.actual, half(card.funds.actual)), add(denominator, half(denominator)));
  const high = cmp(denominator, half(denominator)) > 0 ? scoreAt(add(card.funds.actual, half(card.funds.actual)), sub(denominator, half(denominator))) : null;
  return {
    rate,
    points,
    score,
    scoreRange: low && high ? { low, high } : null,
    explanation: `预算执行率 = 全年执行数 ${show(card.funds.actual)} ÷ ${denominatorName} ${show(denominator)} = ${show(rate)}%${capText}；得分 = 执行率 × ${show(points)} = ${score ? show(score) : '—'}`,
  };
}

const expressionCache = new Map<string, ReturnType<typeof parseExpression>>();
function compiled(formula: string) {
  let e = expressionCache.get(formula);
  if (!e) {
    e = parseExpression(formula);
    expressionCache.set(formula, e);
  }
  return e;
}

export function derive(evaluation: Evaluation, scheme: Scheme): Derived {
  const rounding: Rounding = scheme.rounding;
  const card = scorecardOf(evaluation);
  const figures = figuresOf(evaluation);
  const fundsGroup = scheme.groups.find((g): g is Extract<SchemeGroup, { source: 'executionRate' }> => g.source === 'executionRate');
  const funds = fundsScore(card, fundsGroup, scheme, rounding);
  const indicators = card ? card.indicators.map((x, i) => scoreIndicator(card, scheme, x, i, rounding)) : [];
  const levels = card ? levelSums(card, indicators) : [];

  const groups: GroupResult[] = scheme.groups.map((group) => {
    const points = fromNumber(group.points);
    switch (group.source) {
      case 'executionRate':
        if (funds.score === null && card?.funds.score) {
          // The rate cannot be computed (no budget, or a budget of 0): count the unit's own score, kept within the points.
          const kept = cmp(card.funds.score, ZERO) < 0 ? ZERO : min(card.funds.score, points);
          return { name: group.name, source: group.source, points, score: kept, explanation: `${funds.explanation}；采用自评得分 ${show(kept)}`, computed: [] };
        }
        return { name: group.name, source: group.source, points, score: funds.score ?? ZERO, explanation: funds.explanation, computed: [] };
      case 'unitIndicators': {
        const keys = new Set(group.level1.map(normalizeName));
        const rows = indicators.filter((r) => !r.indicator.notApplicable && keys.has(normalizeName(r.indicator.level1)));
        const unitPoints = sum(rows.map((r) => r.indicator.points ?? ZERO));
        const counted = sum(rows.map((r) => r.counted));
        if (group.rescale && unitPoints.units !== 0 && cmp(unitPoints, points) !== 0) {
          const score = round(divide(multiply(counted, points), unitPoints, 10) ?? ZERO, rounding.decimals, rounding.mode);
          return {
            name: group.name, source: group.source, points, score, computed: [],
            explanation: `单位指标（${group.level1.join('、')}）得分 ${show(counted)} / ${show(unitPoints)}，折算到 ${show(points)} 分 = ${show(score)}`,
          };
        }
        return {
          name: group.name, source: group.source, points, score: round(counted, rounding.decimals, rounding.mode), computed: [],
          explanation: rows.length === 0 ? `没有「${group.level1.join('、')}」下的指标，得 0 分` : `${rows.length} 个指标得分之和 ${show(counted)}`,
        };
      }
      case 'schemeIndicators': {
        const computed = group.indicators.map((x): ComputedIndicatorResult => {
          const value = evaluateExpression(compiled(x.formula), (name) => figures[name] ?? null);
          const itemPoints = fromNumber(x.points);
          if (!value) {
            return { level2: x.level2, name: x.name, points: itemPoints, value: null, score: ZERO, explanation: `缺少计算所需数据（${x.formula}），得 0 分` };
          }
          const rounded = round(value, scheme.rateDecimals, 'halfUp');
          const outcome = applyRule(x.rule, null, rounded, itemPoints, rounding);
          return { level2: x.level2, name: x.name, points: itemPoints, value: rounded, score: outcome.score ?? ZERO, explanation: `${x.name} = ${show(rounded)}${x.unit}；${outcome.explanation}` };
        });
        const score = sum(computed.map((c) => c.score));
        return { name: group.name, source: group.source, points, score, computed, explanation: `${computed.length} 个方案指标得分之和 ${show(score)}` };
      }
    }
  });

  let computedTotal = round(sum(groups.map((g) => g.score)), rounding.decimals, rounding.mode);
  const totalPoints = fromNumber(scheme.totalPoints);
  let totalExplanation = `总分 = ${groups.map((g) => `${g.name} ${show(g.score)}`).join(' + ')} = ${show(computedTotal)}`;
  const notApplicablePoints = sum(indicators.filter((r) => r.indicator.notApplicable).map((r) => r.indicator.points ?? ZERO));
  if (scheme.notApplicable === 'rescale' && notApplicablePoints.units > 0 && cmp(notApplicablePoints, totalPoints) < 0) {
    const rescaled = round(divide(multiply(computedTotal, totalPoints), sub(totalPoints, notApplicablePoints), 10) ?? ZERO, rounding.decimals, rounding.mode);
    totalExplanation += `；不适用指标 ${show(notApplicablePoints)} 分，按百分制折算：${show(computedTotal)} × ${show(totalPoints)} ÷ ${show(sub(totalPoints, notApplicablePoints))} = ${show(rescaled)}`;
    computedTotal = rescaled;
  }
  const statedParts = card ? [card.funds.score, ...card.indicators.filter((x) => !x.notApplicable).map((x) => x.score)] : [];
  const statedSum = statedParts.some((s) => s !== null) ? sum(statedParts.filter((s): s is Dec => s !== null)) : null;
  const gradeName = gradeOf(scheme, computedTotal);
  const band = scheme.grades.find((g) => g.name === gradeName);
  return {
    scheme,
    card,
    figures,
    funds,
    indicators,
    levels,
    groups,
    total: { points: totalPoints, statedSum, computed: computedTotal, explanation: totalExplanation },
    grade: { name: gradeName, explanation: `总分 ${show(computedTotal)} ≥ ${band?.min ?? 0}，等级为「${gradeName}」（${scheme.name}）` },
  };
}


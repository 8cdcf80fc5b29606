/**
 * Scoring rules: a measured value against its target (or a bound) to a score, exactly, with the
 * scheme's rounding, and a Chinese account of how the score was reached.
 *
 * Reference: DOMAIN.md "Scoring rules"; RULES.md §1.2 (computesign rules), §2.2 (deduction, bands).
 * @module
 */
import {
  type Dec, type RoundingMode, cmp, constant, dec, divide, format, max, min, multiply, normalize, round, sub,
  toNumber, ZERO,
} from '../decimal.ts';
import type { Rule } from '../scheme/schema.ts';

export type Rounding = { readonly mode: RoundingMode; readonly decimals: number };
export type RuleOutcome = { readonly score: Dec | null; readonly explanation: string };

const show = (d: Dec): string => format(normalize(d), normalize(d).scale, false);
const fromFraction = constant;
const EXACT_SCALE = 10;

/** w × n / d rounded by the scheme. */
function share(points: Dec, n: Dec, d: Dec, rounding: Rounding): Dec | null {
  const exact = divide(multiply(points, n), d, EXACT_SCALE, 'halfUp');
  return exact && round(exact, rounding.decimals, rounding.mode);
}

/**
 * Applies a quantitative rule. `target` may be null for deduction and band rules (they use their bound).
 * With `explain` false the explanation is left empty (the hot path of a recheck on every keystroke).
 */
export function applyRule(rule: Rule, target: Dec | null, actualRaw: Dec | null, points: Dec, rounding: Rounding, explain = true): RuleOutcome {
  const outcome = applyRuleUnbounded(rule, target, actualRaw, points, rounding, explain);
  // Rounding never lifts a score above its points (points may be written finer than the scheme rounds).
  if (outcome.score && cmp(outcome.score, points) > 0) return { ...outcome, score: points };
  if (outcome.score && cmp(outcome.score, ZERO) < 0) return { ...outcome, score: ZERO };
  return outcome;
}

function applyRuleUnbounded(rule: Rule, target: Dec | null, actualRaw: Dec | null, points: Dec, rounding: Rounding, explain: boolean): RuleOutcome {
  if (actualRaw === null) return { score: null, explanation: explain ? ('实际完成值不是数字，无法按规则计分') : '' };
  const actual = cmp(actualRaw, ZERO) < 0 ? ZERO : actualRaw;
  const w = explain ? show(points) : '';
  switch (rule.kind) {
    case 'proportional': {
      if (target === null) return { score: null, explanation: explain ? ('年度指标值不是数字，无法按规则计分') : '' };
      if (cmp(actual, target) >= 0 || cmp(target, ZERO) <= 0) {
        return { score: round(points, rounding.decimals), explanation: explain ? (`正向指标：实际 ${show(actual)} ≥ 目标 ${show(target)}，得满分 ${w}`) : '' };
      }
      const score = share(points, actual, target, rounding);
      return { score, explanation: explain ? (`正向指标：实际 ${show(actual)} < 目标 ${show(target)}，得分 = ${show(actual)} ÷ ${show(target)} × ${w} = ${score ? show(score) : '—'}`) : '' };
    }
    case 'reverse': {
      if (target === null) return { score: null, explanation: explain ? ('年度指标值不是数字，无法按规则计分') : '' };
      if (cmp(actual, target) <= 0) {
        return { score: round(points, rounding.decimals), explanation: explain ? (`反向指标：实际 ${show(actual)} ≤ 目标 ${show(target)}，得满分 ${w}`) : '' };
      }
      if (rule.formula === 'ratio') {
        const score = share(points, target, actual, rounding);
        return { score, explanation: explain ? (`反向指标：实际 ${show(actual)} > 目标 ${show(target)}，得分 = ${show(target)} ÷ ${show(actual)} × ${w} = ${score ? show(score) : '—'}`) : '' };
      }
      const twice = multiply(target, dec(2));
      if (cmp(actual, twice) >= 0) {
        return { score: round(ZERO, rounding.decimals), explanation: explain ? (`反向指标：实际 ${show(actual)} ≥ 目标的 2 倍 ${show(twice)}，得 0 分`) : '' };
      }
      const score = share(points, sub(twice, actual), target, rounding);
      return {
        score,
        explanation: explain ? (`反向指标：得分 = (1 − (${show(actual)} − ${show(target)}) ÷ ${show(target)}) × ${w} = ${score ? show(score) : '—'}`) : '',
      };
    }
    case 'equals': {
      if (target === null) return { score: null, explanation: explain ? ('年度指标值不是数字，无法按规则计分') : '' };
      if (target.units === 0) {
        const full = cmp(actual, ZERO) <= 0;
        return {
          score: round(full ? points : ZERO, rounding.decimals),
          explanation: explain ? (full ? `等于指标（目标 0）：实际 ${show(actual)} ≤ 0，得满分 ${w}` : `等于指标（目标 0）：实际 ${show(actual)} > 0，得 0 分`) : '',
        };
      }
      if (rule.otherwise === 'exact') {
        const hit = cmp(actual, target) === 0;
        return { score: round(hit ? points : ZERO, rounding.decimals), explanation: explain ? (hit ? `等于指标：实际等于目标 ${show(target)}，得满分 ${w}` : `等于指标：实际 ${show(actual)} ≠ 目标 ${show(target)}，得 0 分`) : '' };
      }
      return applyRuleUnbounded({ kind: 'proportional' }, target, actual, points, rounding, explain);
    }
    case 'deduction': {
      const bound = fromFraction(rule.bound);
      const beyond = rule.side === 'above' ? sub(actualRaw, bound) : sub(bound, actualRaw);
      if (cmp(beyond, ZERO) <= 0) {
        return { score: round(points, rounding.decimals), explanation: explain ? (`${show(actualRaw)} 未${rule.side === 'above' ? '超过' : '低于'} ${show(bound)}，得满分 ${w}`) : '' };
      }
      const deduction = multiply(beyond, fromFraction(rule.perPoint));
      const floor = fromFraction(rule.floor);
      const score = round(max(floor, sub(points, deduction)), rounding.decimals, rounding.mode);
      return {
        score,
        explanation: explain ? (`${show(actualRaw)} ${rule.side === 'above' ? '超过' : '低于'} ${show(bound)} 共 ${show(round(beyond, 4))} 个百分点，每点扣 ${rule.perPoint} 分，得分 = max(${rule.floor}, ${w} − ${show(round(deduction, 4))}) = ${show(score)}`) : '',
      };
    }
    case 'bands': {
      const v = toNumber(actualRaw);
      for (const band of rule.bands) {
        const aboveMin = band.min === null || v >= band.min;
        const belowMax = band.max === null || v < band.max || (band.maxInclusive && v === band.max);
        if (aboveMin && belowMax) {
          const score = min(points, fromFraction(band.score));
          const range = `${band.min === null ? '−∞' : band.min}～${band.max === null ? '+∞' : band.max}`;
          return { score: round(score, rounding.decimals), explanation: explain ? (`${show(actualRaw)} 落在 ${range} 档，得 ${show(score)} 分`) : '' };
        }
      }
      return { score: round(ZERO, rounding.decimals), explanation: explain ? (`${show(actualRaw)} 不在任何档内，得 0 分`) : '' };
    }
    case 'qualitative':
      return { score: null, explanation: explain ? ('定性指标：由评价人按等级在区间内打分') : '' };
  }
}

/** The band of a qualitative grade, in points: [low, high] (high inclusive only for the top band). */
export function qualitativeBand(
  rule: Extract<Rule, { kind: 'qualitative' }>,
  grade: string,
  points: Dec,
): { low: Dec; high: Dec; highInclusive: boolean; label: string } | null {
  const band = rule.bands.find((b) => b.grade === grade);
  if (!band) return null;
  const top = Math.max(...rule.bands.map((b) => b.max));
  return {
    low: multiply(points, fromFraction(band.min)),
    high: multiply(points, fromFraction(band.max)),
    highInclusive: band.max === top,
    label: band.label,
  };
}

/** Which qualitative band a score falls in. */
export function bandOfScore(rule: Extract<Rule, { kind: 'qualitative' }>, score: Dec, points: Dec): string | null {
  for (const band of rule.bands) {
    const b = qualitativeBand(rule, band.grade, points);
    if (!b) continue;
    const aboveLow = cmp(score, b.low) >= 0;
    const belowHigh = b.highInclusive ? cmp(score, b.high) <= 0 : cmp(score, b.high) < 0;
    if (aboveLow && belowHigh) return band.grade;
  }
  return null;
}

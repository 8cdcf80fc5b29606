/**
 * Comparing a stated score with the engine's, under the scheme's rounding.
 * @module
 */
import { type Dec, cmp, divide, eq, multiply, round, sub, sum, writtenMatches, ZERO } from '../decimal.ts';
import type { Derived } from '../derive/derive.ts';
import type { Scheme } from '../scheme/schema.ts';

export type ScoreComparison = 'equal' | 'coarser' | 'different';

/**
 * `equal`: the same number (trailing zeros aside). `coarser`: the unit wrote fewer decimals than the
 * scheme asks and the computed score rounds to what it wrote. `different`: otherwise.
 */
export function compareScore(stated: Dec, expected: Dec, scheme: Scheme): ScoreComparison {
  if (eq(stated, expected)) return 'equal';
  if (stated.scale < scheme.rounding.decimals && writtenMatches(stated, expected)) return 'coarser';
  return 'different';
}

/** Σ points of the rows marked not applicable. */
export function notApplicablePoints(derived: Derived): Dec {
  return sum((derived.card?.indicators ?? []).filter((x) => x.notApplicable).map((x) => x.points ?? ZERO));
}

/**
 * The total the unit's own scores give: their sum, or — when the scheme rescales not-applicable
 * indicators — that sum rescaled to the total points as the scheme rescales its own total.
 */
export function statedTotal(derived: Derived): { readonly value: Dec; readonly rescaled: boolean } | null {
  const { scheme, total } = derived;
  if (!total.statedSum) return null;
  const na = notApplicablePoints(derived);
  if (scheme.notApplicable !== 'rescale' || na.units <= 0 || cmp(na, total.points) >= 0) return { value: total.statedSum, rescaled: false };
  const exact = divide(multiply(total.statedSum, total.points), sub(total.points, na), 10);
  return exact ? { value: round(exact, scheme.rounding.decimals, scheme.rounding.mode), rescaled: true } : { value: total.statedSum, rescaled: false };
}

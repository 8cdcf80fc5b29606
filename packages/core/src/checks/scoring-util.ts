/**
 * Comparing a stated score with the engine's, under the scheme's rounding.
 * @module
 */
import { type Dec, eq, writtenMatches } from '../decimal.ts';
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

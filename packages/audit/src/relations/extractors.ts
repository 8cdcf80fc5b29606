/**
 * The registry of relation extractors: every extractor (sentences of the narrative, grids of any table, the
 * model when a template was mapped) is one file with its table test, listed here. The engine judges what
 * they all read together, so one wrong figure read by two extractors is still one finding.
 * @module
 */
import { gridFunds } from './grid-funds.ts';
import { gridFundsSources } from './grid-funds-sources.ts';
import { gridIndicators } from './grid-indicators.ts';
import { gridPoints } from './grid-points.ts';
import { gridTotals } from './grid-totals.ts';
import { headingScores } from './heading-scores.ts';
import { nearRepeat } from './near-repeat.ts';
import { sentenceCount } from './sentence-count.ts';
import { sentenceEqual } from './sentence-equal.ts';
import { sentenceGrowth } from './sentence-growth.ts';
import { sentenceRate } from './sentence-rate.ts';
import { sentenceSum } from './sentence-sum.ts';
import { sentenceYear } from './sentence-year.ts';
import type { Extractor } from './types.ts';

export const EXTRACTORS: readonly Extractor[] = [
  sentenceSum, sentenceCount, sentenceRate, sentenceEqual, nearRepeat, sentenceYear, sentenceGrowth, gridFunds, gridFundsSources, gridIndicators, gridTotals, gridPoints, headingScores,
];

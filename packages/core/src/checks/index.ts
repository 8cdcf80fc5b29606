/**
 * The registry of checks. Every file in this folder that defines a check is listed here (a test keeps
 * the two in step).
 * @module
 */
import { deviationExplanation } from './deviation-explanation.ts';
import { differenceMismatch } from './difference-mismatch.ts';
import { duplicateSentence } from './duplicate-sentence.ts';
import { executionScorePlausibility } from './execution-score-plausibility.ts';
import { figureMismatch } from './figure-mismatch.ts';
import { gradeMismatch } from './grade-mismatch.ts';
import { impossibleValue } from './impossible-value.ts';
import { listedCountMismatch } from './listed-count-mismatch.ts';
import { narrativeScoreMismatch } from './narrative-score-mismatch.ts';
import { overAchievement } from './over-achievement.ts';
import { qualitativeScoreBand } from './qualitative-score-band.ts';
import { quantityUnit } from './quantity-unit.ts';
import { rateMismatch } from './rate-mismatch.ts';
import { reportDate } from './report-date.ts';
import { requiredFields } from './required-fields.ts';
import { scoreExceedsPoints } from './score-exceeds-points.ts';
import { scoreRuleMismatch } from './score-rule-mismatch.ts';
import { sectionsPresent } from './sections-present.ts';
import { signOff } from './sign-off.ts';
import { spendingOverBudget } from './spending-over-budget.ts';
import { staffOverEstablishment } from './staff-over-establishment.ts';
import { sumMismatch } from './sum-mismatch.ts';
import { targetSetting } from './target-setting.ts';
import { totalScoreComputed } from './total-score-computed.ts';
import { totalScoreMismatch } from './total-score-mismatch.ts';
import type { Check } from './types.ts';
import { unmeasuredActual } from './unmeasured-actual.ts';
import { weightMismatch } from './weight-mismatch.ts';

/** In report order: completeness, arithmetic, scoring, cross-document, plausibility, text. */
export const CHECKS: readonly Check[] = [
  sectionsPresent,
  requiredFields,
  quantityUnit,
  impossibleValue,
  signOff,
  sumMismatch,
  rateMismatch,
  differenceMismatch,
  totalScoreMismatch,
  weightMismatch,
  scoreExceedsPoints,
  scoreRuleMismatch,
  totalScoreComputed,
  gradeMismatch,
  qualitativeScoreBand,
  overAchievement,
  deviationExplanation,
  figureMismatch,
  narrativeScoreMismatch,
  listedCountMismatch,
  spendingOverBudget,
  staffOverEstablishment,
  executionScorePlausibility,
  targetSetting,
  unmeasuredActual,
  reportDate,
  duplicateSentence,
] as Check[];

import { describe } from 'vitest';
import type { Scheme } from '../scheme/schema.ts';
import { scoreRuleMismatch } from './score-rule-mismatch.ts';
import { CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** Hunan with over-achievement reducing the score: 1 % of the points per percentage point above 120 %, at most half. */
const REDUCE: Scheme = { ...HUNAN, overAchievement: { trigger: 1.2, effect: 'reduce', reducePerPoint: 0.01, maxReduction: 0.5 } };

/** A reverse indicator in place of 造林面积: ≤1.7万元 per 亩, 2.0万元 spent, 25 points. */
const cost = (score: string) => departmentWithIndicator(0, { name: '单位造林成本', level2: '成本指标', target: '≤1.7万元', actual: '2.0万元', score });
const projectFunds = (patch: Record<string, unknown>) => project({ funds: { total: { ...CLEAN_PROJECT.funds.total, ...patch } } });

describe('score-rule-mismatch', () => {
  testCheck(scoreRuleMismatch, HUNAN, {
    valid: [
      // 980.00 ÷ 1,000.00 × 10 = 9.8; targets met → full points
      { name: 'every computable score of the clean department follows the Hunan rules', evaluation: department() },
      // 500 ÷ 500 × 10 = 10; 成本 1.6 ≤ 1.7 → 10
      { name: 'every computable score of the clean project follows the national rules', evaluation: project(), scheme: NATIONAL },
      // 520 ÷ 500 = 104 %, capped at 100 % → 10
      { name: 'the execution rate above 100% is capped', evaluation: projectFunds({ actual: '520.00', executionRate: '104.00%' }), scheme: NATIONAL },
      // 1,000 and 980 stand for 999.5 … 1,000.5 and 979.5 … 980.5: 979.5 ÷ 1,000.5 × 10 = 9.79 … 980.5 ÷ 999.5 × 10 = 9.81
      {
        name: 'the funds score differs within the rounding of whole-万元 amounts',
        evaluation: department({ selfEvaluation: { funds: { budget: '1,000', actual: '980', score: '9.79' } } }),
      },
      // 900 ÷ 1000 × 25 = 22.5
      { name: 'a missed target is scored in proportion', evaluation: departmentWithIndicator(0, { actual: '900亩', score: '22.5' }) },
      // Hunan ratio: 1.7 ÷ 2.0 × 25 = 21.25
      { name: 'a reverse indicator over its bound by the Hunan ratio formula', evaluation: cost('21.25') },
      // national linear: (1 − (2.0 − 1.7) ÷ 1.7) × 25 = 1.4 ÷ 1.7 × 25 = 20.588… → 20.59
      { name: 'a reverse indicator over its bound by the national linear formula', evaluation: cost('20.59'), scheme: NATIONAL },
      // legacy truncation: 999 ÷ 1000 × 25 = 24.975 → 24.97
      { name: 'the legacy scheme truncates (24.975 → 24.97)', evaluation: departmentWithIndicator(0, { actual: '999亩', score: '24.97' }), scheme: LEGACY },
      // = 0 met: 0 ≤ 0 → 25
      { name: 'an equals-zero target is met', evaluation: departmentWithIndicator(0, { name: '安全事故', target: '=0起', actual: '0起' }) },
      // Hunan equals, otherwise proportional: 4 ÷ 5 × 25 = 20
      { name: 'an equals target missed is scored in proportion under the Hunan scheme', evaluation: departmentWithIndicator(0, { target: '=5次', actual: '4次', score: '20' }) },
      // requireExplanation does not change the score: 1300 ≥ 1000 → 25
      { name: 'over-achievement under the Hunan scheme keeps the full score', evaluation: departmentWithIndicator(0, { actual: '1300亩' }) },
      { name: 'a qualitative score is not computed by rule', evaluation: departmentWithIndicator(2, { score: '24' }) },
      { name: 'a score above the points is left to score-exceeds-points', evaluation: departmentWithIndicator(0, { actual: '900亩', score: '26' }) },
      { name: 'a not-applicable row is not scored', evaluation: departmentWithIndicator(0, { actual: '900亩', notApplicable: true }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 980.00 ÷ 1,000.00 × 10 = 9.8
        name: 'the 预算执行率 score does not follow the rate',
        evaluation: department({ selfEvaluation: { funds: { score: '9.5' } } }),
        findings: [{ messageId: 'fundsScore', path: 'selfEvaluation.funds.score', stated: 9.5, expected: 9.8, severity: 'error' }],
      },
      {
        // 420.55 ÷ 500.00 = 84.11 % → 8.411 → 8.41; a full 10 is not a rounding of 8.41
        name: 'a full 预算执行率 score at 84.11%',
        evaluation: projectFunds({ actual: '420.55', executionRate: '84.11%' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'fundsScore', path: 'funds.total.score', stated: 10, expected: 8.41 }],
      },
      {
        // 9.8 written as a whole number: 10 stands for 9.5 … 10.5
        name: 'the 预算执行率 score is written in whole points',
        evaluation: department({ selfEvaluation: { funds: { score: '10' } } }),
        findings: [{ messageId: 'coarser', path: 'selfEvaluation.funds.score', stated: 10, expected: 9.8, severity: 'warning' }],
      },
      {
        // 900 ÷ 1000 × 25 = 22.5
        name: 'a missed target kept its full score',
        evaluation: departmentWithIndicator(0, { actual: '900亩' }),
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 25, expected: 22.5, severity: 'error' }],
      },
      {
        // 976 ÷ 1000 × 25 = 24.4; 24 stands for 23.5 … 24.5
        name: 'a proportional score is written in whole points',
        evaluation: departmentWithIndicator(0, { actual: '976亩', score: '24' }),
        findings: [{ messageId: 'coarser', path: 'selfEvaluation.indicators[0].score', stated: 24, expected: 24.4, severity: 'warning' }],
      },
      {
        // Hunan ratio: 1.7 ÷ 2.0 × 25 = 21.25
        name: 'the Hunan scheme does not score a reverse indicator linearly',
        evaluation: cost('20.59'),
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 20.59, expected: 21.25 }],
      },
      {
        // national linear: 1.4 ÷ 1.7 × 25 = 20.588… → 20.59
        name: 'the national scheme does not score a reverse indicator by ratio',
        evaluation: cost('21.25'),
        scheme: NATIONAL,
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 21.25, expected: 20.59 }],
      },
      {
        // national linear on the project: (2 × 1.7 − 2.0) ÷ 1.7 × 10 = 8.235… → 8.24
        name: 'a project cost indicator over its bound kept its full score',
        evaluation: projectWithIndicator(3, { actual: '2.0万元' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'indicatorScore', path: 'indicators[3].score', stated: 10, expected: 8.24 }],
      },
      {
        // legacy truncation: 999 ÷ 1000 × 25 = 24.975 → 24.97
        name: 'the legacy scheme does not round half-up',
        evaluation: departmentWithIndicator(0, { actual: '999亩', score: '24.98' }),
        scheme: LEGACY,
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 24.98, expected: 24.97 }],
      },
      {
        // Hunan half-up: 24.975 → 24.98
        name: 'the Hunan scheme does not truncate',
        evaluation: departmentWithIndicator(0, { actual: '999亩', score: '24.97' }),
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 24.97, expected: 24.98 }],
      },
      {
        // = 0 missed: 1 > 0 → 0
        name: 'an equals-zero target is missed',
        evaluation: departmentWithIndicator(0, { name: '安全事故', target: '=0起', actual: '1起' }),
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 25, expected: 0 }],
      },
      {
        // legacy equals is exact: 4 ≠ 5 → 0 (Hunan gives 4 ÷ 5 × 25 = 20)
        name: 'the legacy scheme gives nothing for an equals target missed',
        evaluation: departmentWithIndicator(0, { target: '=5次', actual: '4次', score: '20' }),
        scheme: LEGACY,
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 20, expected: 0 }],
      },
      {
        // stated direction: target 1.7 without a sign, scored as reverse by ratio: 1.7 ÷ 2.0 × 25 = 21.25
        name: 'a stated direction overrides how the target is written',
        evaluation: departmentWithIndicator(0, { target: '1.7万元', actual: '2.0万元', direction: 'lowerIsBetter' }),
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 25, expected: 21.25 }],
      },
      {
        // 1300 ÷ 1000 = 130 %: 10 points above 120 % × 1 % = 10 % of 25 = 2.5 off → 22.5
        name: 'a scheme that reduces over-achieved scores',
        evaluation: departmentWithIndicator(0, { actual: '1300亩' }),
        scheme: REDUCE,
        findings: [{ messageId: 'indicatorScore', path: 'selfEvaluation.indicators[0].score', stated: 25, expected: 22.5 }],
      },
    ],
  });
});

import { describe } from 'vitest';
import { totalScoreComputed } from './total-score-computed.ts';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** 每公里养护成本: target ≤1.7万元, actual 2.0万元, 10 points, scored 8.5 (Hunan's ratio formula), total 98.5. */
const overCost = project({
  indicators: CLEAN_PROJECT.indicators.map((x, i) => (i === 3 ? { ...x, actual: '2.0万元', score: '8.5' } : x)),
  totalScore: '98.5',
});
/** 造林面积 999 of 1000亩, scored 24.97 (legacy truncation of 24.975). */
const almost = (totalScore: string) =>
  department({
    selfEvaluation: {
      indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 0 ? { ...x, actual: '999亩', score: '24.97' } : x)),
      totalScore,
    },
  });

describe('total-score-computed', () => {
  testCheck(totalScoreComputed, HUNAN, {
    valid: [
      // 9.8 + 50 + 30 + 10 = 99.8
      { name: 'the clean department total is what the Hunan scheme gives', evaluation: department() },
      // 10 + 50 + 30 + 10 = 100
      { name: 'the clean project total is what the national scheme gives', evaluation: project(), scheme: NATIONAL },
      // 100 stands for 99.5 … 100.5 and the scheme asks for 2 decimals: a coarser total, not a different one
      { name: 'the total is written in whole points (100 for 99.8)', evaluation: department({ selfEvaluation: { totalScore: '100' } }) },
      // the scores add up to 99.8 = the scheme's total; total-score-mismatch reports the mis-added 98.8
      { name: 'the stated scores give the scheme total but the total is mis-added', evaluation: department({ selfEvaluation: { totalScore: '98.8' } }) },
      {
        // 1,000 and 980 stand for 999.5 … 1,000.5 and 979.5 … 980.5: the funds score may be 9.79 … 9.81, total 99.79
        name: 'the funds score differs within the rounding of whole-万元 amounts',
        evaluation: department({ selfEvaluation: { funds: { budget: '1,000', actual: '980', score: '9.79' }, totalScore: '99.79' } }),
      },
      // 10 + 20 + 15 + 5 + 10 + 30 = 90 without the 10-point row, × 100 ÷ 90 = 100
      {
        name: 'a not-applicable row under the national scheme rescales the total to 100',
        evaluation: projectWithIndicator(5, { notApplicable: true, actual: null, score: null }),
        scheme: NATIONAL,
      },
      {
        // the scores rescale to 100 = the scheme total; total-score-mismatch reports the unrescaled 90
        name: 'the unit forgot to rescale but its scores are right',
        evaluation: project({ indicators: CLEAN_PROJECT.indicators.map((x, i) => (i === 5 ? { ...x, notApplicable: true, actual: null, score: null } : x)), totalScore: '90' }),
        scheme: NATIONAL,
      },
      // Hunan ratio: 1.7 ÷ 2.0 × 10 = 8.5; total 10 + (20 + 15 + 5 + 8.5) + 30 + 10 = 98.5
      { name: 'a reverse indicator over its bound, scored by the Hunan ratio formula', evaluation: overCost },
      {
        // legacy: 999 ÷ 1000 × 25 = 24.975 → 24.97 (truncate); 产出 (24.97 + 25) × 35 ÷ 50 = 34.979 → 34.97;
        // 投入 10 + 过程 29 + 34.97 + 效果 25 = 98.97
        name: 'the legacy scheme truncates (34.979 → 34.97)',
        evaluation: almost('98.97'),
        scheme: LEGACY,
      },
      {
        // drop: 10 + 20 + 15 + 5 + 10 + 30 = 90 is both the scheme total and the stated scores' sum, so the
        // total written as 100 is total-score-mismatch's to report
        name: 'under the Hunan scheme a not-applicable row is dropped and the scores say so',
        evaluation: projectWithIndicator(5, { notApplicable: true, actual: null, score: null }),
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 造林面积 900 ÷ 1000 × 25 = 22.5; 9.8 + 22.5 + 25 + 30 + 10 = 97.3 (the stated scores give 99.8)
        name: 'an indicator kept its full score though its target was missed',
        evaluation: departmentWithIndicator(0, { actual: '900亩' }),
        findings: [{ messageId: 'totalComputed', path: 'selfEvaluation.totalScore', stated: 99.8, expected: 97.3, severity: 'error' }],
      },
      {
        // 投入: 在职人员控制率 48 ÷ 50 = 96% ≤ 100% → 5; 三公变动率 (9.00 − 9.50) ÷ 9.50 = −5.26% ≤ 0 → 5
        // 过程: 预算完成率 980 ÷ 1,000 = 98% ≥ 95% → 10; 结转结余率 20 ÷ 1,000 = 2% → 6 − 2 × 0.5 = 5;
        //       公用经费控制率 100 ÷ 100 = 100% → 6; 三公控制率 9 ÷ 10 = 90% → 8  (29)
        // 产出 50 ÷ 50 × 35 = 35; 效果 40 ÷ 40 × 25 = 25; total 10 + 29 + 35 + 25 = 99
        name: 'the clean department under the legacy deduction scheme scores 99, not 99.8',
        evaluation: department(),
        scheme: LEGACY,
        findings: [{ messageId: 'totalComputed', path: 'selfEvaluation.totalScore', stated: 99.8, expected: 99 }],
      },
      {
        // as the truncation case above: 98.97 under truncation, 98.98 would be half-up
        name: 'a legacy total rounded half-up instead of truncated',
        evaluation: almost('98.98'),
        scheme: LEGACY,
        findings: [{ messageId: 'totalComputed', path: 'selfEvaluation.totalScore', stated: 98.98, expected: 98.97 }],
      },
      {
        // national linear: (1 − (2.0 − 1.7) ÷ 1.7) × 10 = 1.4 ÷ 1.7 × 10 = 8.235… → 8.24; 10 + (20 + 15 + 5 + 8.24) + 30 + 10 = 98.24
        name: 'the same reverse indicator under the national linear formula',
        evaluation: overCost,
        scheme: NATIONAL,
        findings: [{ messageId: 'totalComputed', path: 'totalScore', stated: 98.5, expected: 98.24 }],
      },
    ],
  });
});

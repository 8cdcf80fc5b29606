import { describe } from 'vitest';
import { totalScoreMismatch } from './total-score-mismatch.ts';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('total-score-mismatch', () => {
  testCheck(totalScoreMismatch, HUNAN, {
    valid: [
      // scores 9.8 + 25 + 25 + 30 + 10 = 99.8; points 10 + 25 + 25 + 30 + 10 = 100
      { name: 'the clean department total is the sum of its scores', evaluation: department() },
      // the stated sum does not depend on the scheme
      { name: 'the clean department under the legacy scheme (its stated scores still add up)', evaluation: department(), scheme: LEGACY },
      // scores 10 + 20 + 15 + 5 + 10 + 30 + 10 = 100; points the same
      { name: 'the clean project total is the sum of its scores', evaluation: project(), scheme: NATIONAL },
      // 100 stands for 99.5 … 100.5, which holds 99.8
      { name: 'the total is written as a whole number that rounds the sum (100 for 99.8)', evaluation: department({ selfEvaluation: { totalScore: '100' } }) },
      { name: 'the total points are not written', evaluation: department({ selfEvaluation: { totalPoints: '　' } }) },
      {
        name: 'a row without points leaves the total points unchecked',
        evaluation: departmentWithIndicator(0, { points: null }),
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
      {
        // national (rescale): scores 10 + 20 + 15 + 5 + 10 + 30 = 90 without the 10-point row, × 100 ÷ (100 − 10) = 100;
        // points 10 + 20 + 15 + 5 + 10 + 30 + 10 = 100 as written
        name: 'a not-applicable row under the national scheme: the rest is rescaled to 100',
        evaluation: projectWithIndicator(5, { notApplicable: true, actual: null, score: null }),
        scheme: NATIONAL,
      },
      {
        // national (rescale): 10 + 18 + 15 + 5 + 10 + 30 = 88, × 100 ÷ 90 = 97.777… → 97.78
        name: 'a rescaled total that is not a whole number (88 × 100 ÷ 90 = 97.78)',
        evaluation: project({
          indicators: CLEAN_PROJECT.indicators.map((x, i) =>
            i === 0 ? { ...x, actual: '270公里', score: '18' } : i === 5 ? { ...x, notApplicable: true, actual: null, score: null } : x),
          totalScore: '97.78',
        }),
        scheme: NATIONAL,
      },
      {
        // Hunan (drop): the row's points stay in the table, its score is lost: 9.8 + 25 + 25 + 30 = 89.8; points 100
        name: 'a not-applicable row under the Hunan scheme: its score is dropped, its points stay written',
        evaluation: department({
          selfEvaluation: { indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 3 ? { ...x, notApplicable: true, score: null } : x)), totalScore: '89.8' },
        }),
      },
    ],
    invalid: [
      {
        // 9.8 + 25 + 25 + 30 + 10 = 99.8
        name: 'the total score is not the sum of the scores',
        evaluation: department({ selfEvaluation: { totalScore: '98.8' } }),
        findings: [{ messageId: 'totalMismatch', path: 'selfEvaluation.totalScore', stated: 98.8, expected: 99.8, severity: 'error' }],
      },
      {
        // 10 + 20 + 15 + 5 + 10 + 30 + 10 = 100; 99 stands for 98.5 … 99.5 (the seed: 97 for 98)
        name: 'a whole-number total is one point short of the sum (the seed: 97 for 98)',
        evaluation: project({ totalScore: '99' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'totalMismatch', path: 'totalScore', stated: 99, expected: 100 }],
      },
      {
        // 10 + 25 + 25 + 30 + 10 = 100
        name: 'the total points are not the sum of the points',
        evaluation: department({ selfEvaluation: { totalPoints: '90' } }),
        findings: [{ messageId: 'pointsMismatch', path: 'selfEvaluation.totalPoints', stated: 90, expected: 100, severity: 'error' }],
      },
      {
        // points 10 + 25 + 15 + 5 + 10 + 30 + 10 = 105; scores 10 + 25 + 15 + 5 + 10 + 30 + 10 = 105
        name: 'a row weighted 25 instead of 20 breaks both totals of the project',
        evaluation: projectWithIndicator(0, { points: '25', score: '25' }),
        scheme: NATIONAL,
        findings: [
          { messageId: 'totalMismatch', path: 'totalScore', stated: 100, expected: 105 },
          { messageId: 'pointsMismatch', path: 'totalPoints', stated: 100, expected: 105 },
        ],
      },
      {
        // a blank score counts as nothing: 9.8 + 25 + 30 + 10 = 74.8
        name: 'a blank score leaves the stated total unexplained',
        evaluation: departmentWithIndicator(1, { score: '　' }),
        findings: [{ messageId: 'totalMismatch', path: 'selfEvaluation.totalScore', stated: 99.8, expected: 74.8 }],
      },
      {
        // national (rescale): 10 + 18 + 15 + 5 + 10 + 30 = 88, × 100 ÷ 90 = 97.78
        name: 'under the national scheme the total is not rescaled for a not-applicable row',
        evaluation: project({
          indicators: CLEAN_PROJECT.indicators.map((x, i) =>
            i === 0 ? { ...x, actual: '270公里', score: '18' } : i === 5 ? { ...x, notApplicable: true, actual: null, score: null } : x),
          totalScore: '88',
        }),
        scheme: NATIONAL,
        findings: [{ messageId: 'rescaledMismatch', path: 'totalScore', stated: 88, expected: 97.78 }],
      },
      {
        // Hunan (drop): 10 + 20 + 15 + 5 + 10 + 30 = 90, no rescaling; the same table is right under the national scheme
        name: 'under the Hunan scheme a total rescaled for a not-applicable row is not the sum',
        evaluation: projectWithIndicator(5, { notApplicable: true, actual: null, score: null }),
        findings: [{ messageId: 'totalMismatch', path: 'totalScore', stated: 100, expected: 90 }],
      },
      {
        // Hunan (drop): the not-applicable row's 10 does not count: 9.8 + 25 + 25 + 30 = 89.8
        name: "under the Hunan scheme a not-applicable row's score is counted in the total",
        evaluation: departmentWithIndicator(3, { notApplicable: true }),
        findings: [{ messageId: 'totalMismatch', path: 'selfEvaluation.totalScore', stated: 99.8, expected: 89.8 }],
      },
      {
        // 10 + 25 + 25 + 30 + 10 = 100; a not-applicable row without points does not stop the check
        name: 'the total points are wrong next to a blank not-applicable row',
        evaluation: department({
          selfEvaluation: {
            indicators: [...CLEAN_DEPARTMENT.selfEvaluation.indicators, { level1: '效益指标', level2: '可持续影响指标', name: '　', notApplicable: true }],
            totalPoints: '90',
          },
        }),
        findings: [{ messageId: 'pointsMismatch', path: 'selfEvaluation.totalPoints', stated: 90, expected: 100 }],
      },
    ],
  });
});

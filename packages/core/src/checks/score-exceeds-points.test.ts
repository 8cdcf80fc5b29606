import { describe } from 'vitest';
import { scoreExceedsPoints } from './score-exceeds-points.ts';
import { CLEAN_PROJECT, HUNAN, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('score-exceeds-points', () => {
  testCheck(scoreExceedsPoints, HUNAN, {
    valid: [
      { name: 'every score of the clean department is within its points', evaluation: department() },
      { name: 'every score of the clean project is within its points', evaluation: project(), scheme: NATIONAL },
      { name: 'a score equals its points written with decimals (25.00 of 25)', evaluation: departmentWithIndicator(0, { score: '25.00' }) },
      { name: 'a score of 0', evaluation: departmentWithIndicator(1, { actual: '0%', score: '0' }) },
      { name: 'a row without points cannot be exceeded', evaluation: departmentWithIndicator(0, { points: '　', score: '30' }) },
      { name: 'a blank score', evaluation: departmentWithIndicator(0, { score: null }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: 'an indicator scores 26 of 25',
        evaluation: departmentWithIndicator(0, { score: '26' }),
        findings: [{ messageId: 'exceeds', path: 'selfEvaluation.indicators[0].score', stated: 26, expected: 25, severity: 'error' }],
      },
      {
        name: 'an indicator scores 25.01 of 25',
        evaluation: departmentWithIndicator(1, { score: '25.01' }),
        findings: [{ messageId: 'exceeds', path: 'selfEvaluation.indicators[1].score', stated: 25.01, expected: 25 }],
      },
      {
        name: 'the 预算执行率 scores 11 of 10',
        evaluation: department({ selfEvaluation: { funds: { score: '11' } } }),
        findings: [{ messageId: 'exceeds', path: 'selfEvaluation.funds.score', stated: 11, expected: 10 }],
      },
      {
        name: 'a negative score',
        evaluation: projectWithIndicator(2, { score: '-1' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'negative', path: 'indicators[2].score', stated: -1, expected: 0, severity: 'error' }],
      },
      {
        name: 'a negative project funds score and an indicator over its points, in table order',
        evaluation: project({ funds: { total: { ...CLEAN_PROJECT.funds.total, score: '-0.5' } }, indicators: CLEAN_PROJECT.indicators.map((x, i) => (i === 5 ? { ...x, score: '12' } : x)) }),
        scheme: NATIONAL,
        findings: [
          { messageId: 'negative', path: 'funds.total.score', stated: -0.5, expected: 0 },
          { messageId: 'exceeds', path: 'indicators[5].score', stated: 12, expected: 10 },
        ],
      },
      {
        name: 'a not-applicable row is still held to its points',
        evaluation: departmentWithIndicator(3, { notApplicable: true, score: '15' }),
        findings: [{ messageId: 'exceeds', path: 'selfEvaluation.indicators[3].score', stated: 15, expected: 10 }],
      },
    ],
  });
});

import { describe, expect, it } from 'vitest';
import { requiredFields } from './required-fields.ts';
import { interpolate } from './run.ts';
import { CLEAN_PROJECT, HUNAN, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { collect, testCheck } from './testing/tester.ts';

describe('required-fields', () => {
  testCheck(requiredFields, HUNAN, {
    valid: [
      { name: 'the clean department has every field', evaluation: department() },
      { name: 'the clean project has every field', evaluation: project(), scheme: NATIONAL },
      {
        name: 'a not-applicable row is left blank',
        evaluation: departmentWithIndicator(2, { target: '　', actual: null, points: '', score: '—', notApplicable: true }),
      },
      { name: 'a score of 0 is a filled score', evaluation: departmentWithIndicator(1, { actual: '0%', score: '0' }) },
      { name: 'a partial report has no self-evaluation table to check', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: 'the target is only a dash (—) and the actual a slash',
        evaluation: departmentWithIndicator(0, { target: '—', actual: '／' }),
        findings: [
          { messageId: 'indicatorField', path: 'selfEvaluation.indicators[0].target', severity: 'warning' },
          { messageId: 'indicatorField', path: 'selfEvaluation.indicators[0].actual', severity: 'warning' },
        ],
      },
      {
        name: 'a target is only a full-width space',
        evaluation: departmentWithIndicator(0, { target: '　' }),
        findings: [{ messageId: 'indicatorField', path: 'selfEvaluation.indicators[0].target', severity: 'warning' }],
      },
      {
        name: 'an actual value is absent',
        evaluation: departmentWithIndicator(1, { actual: undefined }),
        findings: [{ messageId: 'indicatorField', path: 'selfEvaluation.indicators[1].actual', severity: 'warning' }],
      },
      {
        name: 'the points cell is empty',
        evaluation: departmentWithIndicator(2, { points: '' }),
        findings: [{ messageId: 'indicatorField', path: 'selfEvaluation.indicators[2].points', severity: 'error' }],
      },
      {
        name: 'the score cell holds a dash placeholder',
        evaluation: departmentWithIndicator(3, { score: '—' }),
        findings: [{ messageId: 'indicatorField', path: 'selfEvaluation.indicators[3].score', severity: 'error' }],
      },
      {
        name: 'a whole row is blank (the seed 可持续影响指标 row), fields in column order',
        evaluation: projectWithIndicator(4, { target: '', actual: '　', points: null, score: '　' }),
        scheme: NATIONAL,
        findings: [
          { messageId: 'indicatorField', path: 'indicators[4].target', severity: 'warning' },
          { messageId: 'indicatorField', path: 'indicators[4].actual', severity: 'warning' },
          { messageId: 'indicatorField', path: 'indicators[4].points', severity: 'error' },
          { messageId: 'indicatorField', path: 'indicators[4].score', severity: 'error' },
        ],
      },
      {
        name: 'the table has no indicators at all',
        evaluation: department({ selfEvaluation: { indicators: [] } }),
        findings: [{ messageId: 'noIndicators', path: 'selfEvaluation.indicators', severity: 'error' }],
      },
      {
        name: 'the funds block has no budget',
        evaluation: department({ selfEvaluation: { funds: { budget: '　' } } }),
        findings: [{ messageId: 'fundsField', path: 'selfEvaluation.funds.budget', severity: 'error' }],
      },
      {
        name: 'the project funds row lacks the actual and the points',
        evaluation: project({ funds: { total: { ...CLEAN_PROJECT.funds.total, actual: null, points: '' } } }),
        scheme: NATIONAL,
        findings: [
          { messageId: 'fundsField', path: 'funds.total.actual', severity: 'error' },
          { messageId: 'fundsField', path: 'funds.total.points', severity: 'error' },
        ],
      },
      {
        name: 'the project funds score is blank',
        evaluation: project({ funds: { total: { ...CLEAN_PROJECT.funds.total, score: '—' } } }),
        scheme: NATIONAL,
        findings: [{ messageId: 'fundsField', path: 'funds.total.score', severity: 'error' }],
      },
      {
        name: 'the department total score is blank',
        evaluation: department({ selfEvaluation: { totalScore: '　' } }),
        findings: [{ messageId: 'totalField', path: 'selfEvaluation.totalScore', severity: 'error' }],
      },
      {
        name: 'the project total score is absent',
        evaluation: project({ totalScore: undefined }),
        scheme: NATIONAL,
        findings: [{ messageId: 'totalField', path: 'totalScore', severity: 'error' }],
      },
    ],
  });

  it('names a row without a name by its position', () => {
    const reports = collect(requiredFields, projectWithIndicator(2, { name: '', score: null }), NATIONAL);
    expect(reports.map((r) => interpolate(requiredFields.meta.messages[r.messageId as 'indicatorField'], r.data))).toEqual(['「第 3 行」未填写得分']);
  });
});

import { describe } from 'vitest';
import { impossibleValue } from './impossible-value.ts';
import { HUNAN, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('impossible-value', () => {
  testCheck(impossibleValue, HUNAN, {
    valid: [
      { name: 'the clean department', evaluation: department() },
      { name: 'the clean project', evaluation: project(), scheme: NATIONAL },
      { name: 'a qualitative actual under a qualitative target', evaluation: projectWithIndicator(4, { actual: '已完成' }), scheme: NATIONAL },
      { name: 'a blank actual is left to required-fields', evaluation: departmentWithIndicator(0, { actual: '' }) },
      { name: 'a not-applicable row', evaluation: departmentWithIndicator(0, { actual: '已完成', notApplicable: true }) },
      { name: 'a measured value with a long unit', evaluation: departmentWithIndicator(0, { actual: '1020亩' }) },
    ],
    invalid: [
      {
        name: 'a quantitative indicator done as 「已完成」',
        evaluation: departmentWithIndicator(0, { actual: '已完成' }),
        findings: [{ messageId: 'notNumeric', path: 'selfEvaluation.indicators[0].actual', severity: 'error' }],
      },
      {
        name: 'NaN万亩',
        evaluation: departmentWithIndicator(0, { actual: 'NaN万亩' }),
        findings: [{ messageId: 'notNumeric', path: 'selfEvaluation.indicators[0].actual' }],
      },
      {
        name: 'scientific notation 1e3万亩',
        evaluation: departmentWithIndicator(0, { actual: '1e3万亩' }),
        findings: [{ messageId: 'unreadable', path: 'selfEvaluation.indicators[0].actual' }],
      },
      {
        name: 'two decimal points',
        evaluation: projectWithIndicator(0, { actual: '300.5.1公里' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'unreadable', path: 'indicators[0].actual' }],
      },
      {
        name: 'an integer of 2^53 and more',
        evaluation: departmentWithIndicator(0, { actual: '9007199254740993亩' }),
        findings: [{ messageId: 'tooPrecise', path: 'selfEvaluation.indicators[0].actual' }],
      },
      {
        name: 'a negative budget (-3,060.00), and the score it gave',
        evaluation: project({ funds: { total: { budget: '-3,060.00', score: '-9.74' } } }),
        scheme: NATIONAL,
        findings: [
          { messageId: 'negative', path: 'funds.total.budget', stated: '-3060.00' },
          { messageId: 'negative', path: 'funds.total.score', stated: '-9.74' },
        ],
      },
      {
        name: 'a negative actual of the department funds',
        evaluation: department({ selfEvaluation: { funds: { actual: '-1.00' } } }),
        findings: [{ messageId: 'negative', path: 'selfEvaluation.funds.actual', stated: '-1.00' }],
      },
    ],
  });
});

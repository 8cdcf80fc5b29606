import { describe } from 'vitest';
import { sumMismatch } from './sum-mismatch.ts';
import { CLEAN_PROJECT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('sum-mismatch', () => {
  testCheck(sumMismatch, HUNAN, {
    valid: [
      { name: 'the clean department adds up', evaluation: department() },
      { name: 'the clean project adds up', evaluation: project(), scheme: NATIONAL },
      {
        name: 'rounded parts differ from the total by less than their rounding (13,749.75 + 2,280.89 + 1,454.52 vs 17,485.15)',
        evaluation: department({
          selfEvaluation: {
            funds: { budget: '17,485.15', actual: '980.00', executionRate: null, score: null },
            income: { generalBudget: '13,749.75', governmentFund: '2,280.89', other: '1,454.52' },
          },
        }),
      },
      {
        name: 'a narrative part is not stated at all',
        evaluation: department({ execution: { basicSpending: { total: '600.00', personnel: '500.00', operating: null, personnelParts: [] } } }),
      },
    ],
    invalid: [
      {
        name: 'the narrative basic spending is not personnel + operating',
        evaluation: department({ execution: { basicSpending: { total: '610.00' } } }),
        findings: [{ messageId: 'sumMismatch', path: 'execution.basicSpending.total', stated: 610, expected: 600 }],
      },
      {
        name: 'the listed projects do not add up to project spending',
        evaluation: department({ execution: { projectSpending: { projects: [{ label: '森林防火', amount: '200.00' }, { label: '植树造林', amount: '170.00' }] } } }),
        findings: [{ messageId: 'sumMismatch', path: 'execution.projectSpending.total', stated: 380, expected: 370 }],
      },
      {
        name: 'the income classification misses its total by more than rounding (a blank cell counts as zero)',
        evaluation: department({ selfEvaluation: { income: { generalBudget: '990.00' } } }),
        findings: [{ messageId: 'sumMismatch', path: 'selfEvaluation.funds.budget', stated: 1000, expected: 990 }],
      },
      {
        // 19 + 30 = 49 people; counts are exact, so a difference of one person is not rounding
        name: 'the staff breakdown misses its total by one person',
        evaluation: department({ staffing: { actual: { total: '48', parts: [{ label: '行政人员', count: '19' }, { label: '事业人员', count: '30' }] } } }),
        findings: [{ messageId: 'sumMismatch', path: 'staffing.actual.total', stated: 48, expected: 49 }],
      },
      {
        name: 'the basic-data 三公 row is not vehicle + reception',
        evaluation: department({ basicData: { threePublic: { actual: '10.00', budget: '10.00', priorActual: '9.50' } } }),
        findings: [{ messageId: 'sumMismatch', path: 'basicData.threePublic.actual', stated: 10, expected: 9 }],
      },
      {
        name: 'a project fund row total is not fiscal + carryover + other',
        scheme: NATIONAL,
        evaluation: project({ funds: { total: { ...CLEAN_PROJECT.funds.total, budget: '520.00' } } }),
        findings: [{ messageId: 'sumMismatch', path: 'funds.total.budget', stated: 520, expected: 500 }],
      },
    ],
  });
});

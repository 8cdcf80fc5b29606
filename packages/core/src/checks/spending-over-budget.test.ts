import { describe } from 'vitest';
import { spendingOverBudget } from './spending-over-budget.ts';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const [reception, vehicleOperation] = CLEAN_DEPARTMENT.execution.threePublic.items;

describe('spending-over-budget', () => {
  testCheck(spendingOverBudget, HUNAN, {
    valid: [
      // 980 ≤ 1,000; 600 ≤ 600; 4 ≤ 4; 5 ≤ 6; 380 ≤ 400; 50 ≤ 60
      { name: 'nothing of the clean department is spent over budget', evaluation: department() },
      { name: 'the clean project spent its budget exactly', evaluation: project(), scheme: NATIONAL },
      {
        // the seed: 压缩一般性支出 100.86 with no budget written
        name: 'a row without a budget',
        evaluation: department({ basicData: { generalSpendingCut: { actual: '100.86', budget: '　', priorActual: '33.16' } } }),
      },
      { name: 'a row spent exactly to its budget written with other precision (600.0 of 600.00)', evaluation: department({ basicData: { basicSpending: { actual: '600.0' } } }) },
      { name: 'a partial report without the tables', evaluation: department({ basicData: undefined, selfEvaluation: undefined, execution: undefined }) },
    ],
    invalid: [
      {
        // 600 ÷ 500 = 120 % (the seed: 基本支出 7,514.90 against a budget of 5,947.80)
        name: 'the basic-data basic spending exceeds its budget',
        evaluation: department({ basicData: { basicSpending: { budget: '500.00' } } }),
        findings: [{ messageId: 'overBudget', path: 'basicData.basicSpending.actual', stated: 600, expected: 500, severity: 'warning' }],
      },
      {
        name: 'the department funds block spent more than its budget',
        evaluation: department({ selfEvaluation: { funds: { actual: '1,020.00' } } }),
        findings: [{ messageId: 'overBudget', path: 'selfEvaluation.funds.actual', stated: 1020, expected: 1000 }],
      },
      {
        name: 'the project spent more than its budget',
        evaluation: project({ funds: { total: { ...CLEAN_PROJECT.funds.total, actual: '520.00' } } }),
        scheme: NATIONAL,
        findings: [{ messageId: 'overBudget', path: 'funds.total.actual', stated: 520, expected: 500 }],
      },
      {
        name: 'procurement with a zero budget',
        evaluation: department({ basicData: { procurement: { budget: '0.00' } } }),
        findings: [{ messageId: 'noBudget', path: 'basicData.procurement.actual', stated: 50, expected: 0, severity: 'warning' }],
      },
      {
        name: 'a listed project exceeds its budget',
        evaluation: department({
          basicData: {
            projectCategories: [{ ...CLEAN_DEPARTMENT.basicData.projectCategories[0], items: [{ name: '森林防火', row: { actual: '210.00', budget: '200.00', priorActual: null } }] }],
          },
        }),
        findings: [{ messageId: 'overBudget', path: 'basicData.projectCategories[0].items[0].row.actual', stated: 210, expected: 200 }],
      },
      {
        name: 'a project category exceeds its budget',
        evaluation: department({ basicData: { projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '410.00', budget: '400.00' } }] } }),
        findings: [{ messageId: 'overBudget', path: 'basicData.projectCategories[0].total.actual', stated: 410, expected: 400 }],
      },
      {
        // the basic-data row and the narrative item both say 5.00 of 4.00
        name: 'the reception spending exceeds its budget in both the basic data and the text',
        evaluation: department({
          basicData: { reception: { actual: '5.00', budget: '4.00' } },
          execution: { threePublic: { items: [{ ...reception, budget: '4.00' }, vehicleOperation] } },
        }),
        findings: [
          { messageId: 'overBudget', path: 'basicData.reception.actual', stated: 5, expected: 4 },
          { messageId: 'overBudget', path: 'execution.threePublic.items[0].actual', stated: 5, expected: 4 },
        ],
      },
    ],
  });
});

import { describe } from 'vitest';
import { figureMismatch } from './figure-mismatch.ts';
import { CLEAN_DEPARTMENT, HUNAN, LEGACY, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const category = (total: Record<string, string>) => ({
  projectCategories: [{ category: 'business', label: '业务工作专项', total: { ...CLEAN_DEPARTMENT.basicData.projectCategories[0].total, ...total } }],
});

describe('figure-mismatch', () => {
  testCheck(figureMismatch, HUNAN, {
    valid: [
      {
        // exact 6.0049 + 0.0049 + 4.0049 + 1.0049 = 11.0196 → the text writes 11.02; the four rows are written
        // 6.00 + 0.00 + 4.00 + 1.00 = 11.00. Four rounded rows may each be 0.005 off: 0.02 ≤ 0.005 + 4 × 0.005.
        name: 'a total read against four rounded rows differs by their rounding (11.02 vs 11.00)',
        evaluation: department({
          execution: { threePublic: { budgetTotal: '11.02', items: [] } },
          approvedBudget: { threePublicBudget: '11.02' },
          basicData: {
            reception: { budget: '6.00', actual: '5.00', priorActual: '6.00' },
            vehiclePurchase: { budget: '0.00', actual: '0.00', priorActual: '0.00' },
            vehicleOperation: { budget: '4.00', actual: '4.00', priorActual: '3.50' },
            overseasTravel: { budget: '1.00', actual: '0.00', priorActual: '0.00' },
          },
        }),
      },
      { name: 'every figure of the clean department agrees across text and tables', evaluation: department() },
      { name: 'the clean department under the legacy scheme', evaluation: department(), scheme: LEGACY },
      { name: 'a project evaluation has no narrative figures to compare', evaluation: project(), scheme: NATIONAL },
      {
        // 500 stands for 499.5 … 500.5, which holds 500.40
        name: 'the text writes whole 万元 that round the table figure (500 vs 500.40)',
        evaluation: department({ execution: { basicSpending: { personnel: '500' } }, selfEvaluation: { spending: { personnel: '500.40' } } }),
      },
      {
        // 13,749.75 + 2,280.89 = 16,030.64, within the rounding of 16,030.63 (the seed)
        name: 'the text 财政拨款 differs from the table sources by rounding only (16,030.63 vs 13,749.75 + 2,280.89)',
        evaluation: department({
          approvedBudget: { generalBudgetIncome: undefined },
          execution: { income: { fiscalAppropriation: '16,030.63', generalBudget: undefined } },
          selfEvaluation: { income: { generalBudget: '13,749.75', governmentFund: '2,280.89' } },
        }),
      },
      { name: 'one side of a pair is blank', evaluation: department({ selfEvaluation: { spending: { personnel: '　' } } }) },
      { name: 'a narrative-only excerpt has no tables to compare with', evaluation: department({ basicData: undefined, selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: 'the text 人员经费 differs from the self-evaluation table',
        evaluation: department({ execution: { basicSpending: { personnel: '510.00' } } }),
        findings: [{ messageId: 'differs', path: 'execution.basicSpending.personnel', stated: 510, expected: 500, severity: 'error' }],
      },
      {
        // 500.4 stands for 500.35 … 500.45, which does not hold 500.00
        name: 'a figure written with one decimal does not round to the table figure',
        evaluation: department({ execution: { basicSpending: { personnel: '500.4' } } }),
        findings: [{ messageId: 'differs', path: 'execution.basicSpending.personnel', stated: 500.4, expected: 500 }],
      },
      {
        name: 'the text 公务接待费 budget differs from the basic-data table (the seed: 60.11 vs 62.11)',
        evaluation: department({ execution: { threePublic: { items: [{ ...CLEAN_DEPARTMENT.execution.threePublic.items[0], budget: '5.50' }, CLEAN_DEPARTMENT.execution.threePublic.items[1]] } } }),
        findings: [{ messageId: 'differs', path: 'execution.threePublic.items[0].budget', stated: 5.5, expected: 6 }],
      },
      {
        name: 'the text counts 644 staff, the basic-data table 645 (the seed; people are counted exactly)',
        evaluation: department({ staffing: { actual: { total: '644', parts: [] } }, basicData: { staffing: { actual: '645', controlRate: undefined } } }),
        findings: [{ messageId: 'differs', path: 'staffing.actual.total', stated: 644, expected: 645 }],
      },
      {
        name: 'the text 编制数 differs from the basic-data table',
        evaluation: department({ basicData: { staffing: { authorized: '51', controlRate: undefined } } }),
        findings: [{ messageId: 'differs', path: 'staffing.authorized.total', stated: 50, expected: 51 }],
      },
      {
        // basic data: 公务接待 5.00 + 公车运行维护 4.00 = 9.00
        name: 'the self-evaluation 三公经费 is not the basic-data 三公 rows',
        evaluation: department({ selfEvaluation: { spending: { threePublic: '10.00' } } }),
        findings: [{ messageId: 'differs', path: 'selfEvaluation.spending.threePublic', stated: 10, expected: 9 }],
      },
      {
        // basic data: 公务接待 5.00 + 公车运行维护 4.00 = 9.00
        name: 'the text 三公经费 total is not the basic-data 三公 rows',
        evaluation: department({ execution: { threePublic: { actualTotal: '9.50' } } }),
        findings: [{ messageId: 'differs', path: 'execution.threePublic.actualTotal', stated: 9.5, expected: 9 }],
      },
      {
        // basic data: 基本支出预算 700.00 + 项目支出预算 400.00 = 1,100.00 (the seed: 5,947.80 + 11,853.56 = 17,801.36 vs 17,485.15)
        name: 'the table 全年预算数 is not the basic-data budgets',
        evaluation: department({ basicData: { basicSpending: { budget: '700.00' } } }),
        findings: [{ messageId: 'differs', path: 'selfEvaluation.funds.budget', stated: 1000, expected: 1100 }],
      },
      {
        // basic data project actual 390.00; 基本支出 600.00 + 390.00 = 990.00
        name: 'the basic-data project actual differs from the table, the narrative and the funds block',
        evaluation: department({ basicData: category({ actual: '390.00' }) }),
        findings: [
          { messageId: 'differs', path: 'selfEvaluation.spending.project', stated: 380, expected: 390 },
          { messageId: 'differs', path: 'performance.projectExecution.actual', stated: 380, expected: 390 },
          { messageId: 'differs', path: 'selfEvaluation.funds.actual', stated: 980, expected: 990 },
        ],
      },
      {
        name: 'the narrative project budget differs from the basic-data project budget',
        evaluation: department({ performance: { projectExecution: { budget: '11,853.56', surplus: undefined, executionRate: undefined } } }),
        findings: [{ messageId: 'differs', path: 'performance.projectExecution.budget', stated: 11853.56, expected: 400 }],
      },
      {
        name: 'the approved basic spending differs from the executed basic spending',
        evaluation: department({ approvedBudget: { basicSpending: '610.00' } }),
        findings: [{ messageId: 'differs', path: 'approvedBudget.basicSpending', stated: 610, expected: 600 }],
      },
      {
        // table 财政拨款 = 一般公共预算 1,000.00 + 政府性基金 2,280.98 = 3,280.98
        name: 'the 政府性基金 section differs from the table, which then misses the text 财政拨款 too',
        evaluation: department({ governmentFund: { income: '2,280.89', spending: '2,280.89' }, selfEvaluation: { income: { governmentFund: '2,280.98' } } }),
        findings: [
          { messageId: 'differs', path: 'governmentFund.income', stated: 2280.89, expected: 2280.98 },
          { messageId: 'differs', path: 'execution.income.fiscalAppropriation', stated: 1000, expected: 3280.98 },
        ],
      },
      {
        name: 'a 公务用车 item of the text differs from the basic-data 公务用车购置和维护 row',
        evaluation: department({
          execution: { threePublic: { items: [...CLEAN_DEPARTMENT.execution.threePublic.items, { category: 'vehicle', budget: '4.00', actual: '4.00' }] } },
          basicData: { vehicle: { actual: '4.50', budget: '4.00', priorActual: null } },
        }),
        findings: [{ messageId: 'differs', path: 'execution.threePublic.items[2].actual', stated: 4, expected: 4.5 }],
      },
    ],
  });
});

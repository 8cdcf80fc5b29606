import { describe } from 'vitest';
import type { Scheme } from '../scheme/schema.ts';
import { executionScorePlausibility } from './execution-score-plausibility.ts';
import { CLEAN_PROJECT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const RECEIVED: Scheme = {
  ...NATIONAL,
  groups: NATIONAL.groups.map((g) => (g.source === 'executionRate' ? { ...g, denominator: 'fundsReceived' as const } : g)),
};

const projectFunds = (patch: Record<string, unknown>) => project({ funds: { total: { ...CLEAN_PROJECT.funds.total, ...patch } } });
/** The department spending its whole 1,000.00, with the basic-data project category and basic row as given. */
const fullyExecuted = (projectRow: Record<string, string>, basicRow: Record<string, string> = {}) =>
  department({
    selfEvaluation: { funds: { actual: '1,000.00', executionRate: '100.00%', score: '10' } },
    basicData: { basicSpending: basicRow, projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '380.00', budget: '400.00', ...projectRow } }] },
  });

describe('execution-score-plausibility', () => {
  testCheck(executionScorePlausibility, HUNAN, {
    valid: [
      // 980 ÷ 1,000 = 98 %: neither low nor full
      { name: 'the clean department', evaluation: department() },
      { name: 'the clean project', evaluation: project(), scheme: NATIONAL },
      // 900 ÷ 1,000 = 90.00 %, not below 90 %
      { name: 'a full score at exactly 90%', evaluation: department({ selfEvaluation: { funds: { actual: '900.00', score: '10' } } }) },
      // 800 ÷ 1,000 = 80 %, scored 8
      { name: 'a low rate with a reduced score', evaluation: department({ selfEvaluation: { funds: { actual: '800.00', score: '8' } } }) },
      // 1,000 ÷ 1,000 = 100 %; project 380 ÷ 400 = 95 %, basic 600 ÷ 600 = 100 %
      { name: 'full execution with every component at 90% or more', evaluation: fullyExecuted({}) },
      // 994 ÷ 1,000 = 99.40 % < 99.5 %: the component comparison does not apply; project 300 ÷ 400 = 75 %
      {
        name: 'nearly full execution (99.4%) with a low component',
        evaluation: department({
          selfEvaluation: { funds: { actual: '994.00', score: '9.94' } },
          basicData: { projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '300.00', budget: '400.00' } }] },
        }),
      },
      {
        name: 'under a 实际到位资金 scheme without the funds received no rate is known',
        evaluation: projectFunds({ actual: '400.00', score: '10' }),
        scheme: RECEIVED,
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 800 ÷ 1,000 = 80 %
        name: 'a full score at 80%',
        evaluation: department({ selfEvaluation: { funds: { actual: '800.00', score: '10' } } }),
        findings: [{ messageId: 'lowRateFullScore', path: 'selfEvaluation.funds.score', stated: 10, expected: 80, severity: 'warning' }],
      },
      {
        // 320 ÷ 500 = 64 % over 全年预算数
        name: 'a project with a full score at 64% of its budget',
        evaluation: projectFunds({ actual: '320.00', score: '10' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'lowRateFullScore', path: 'funds.total.score', stated: 10, expected: 64 }],
      },
      {
        // 320 ÷ 400 = 80 % over 实际到位资金
        name: 'the same project under a 实际到位资金 scheme, at 80% of the funds received',
        evaluation: projectFunds({ received: '400.00', actual: '320.00', score: '10' }),
        scheme: RECEIVED,
        findings: [{ messageId: 'lowRateFullScore', path: 'funds.total.score', stated: 10, expected: 80 }],
      },
      {
        // the seed: 17,485.15 ÷ 17,485.15 = 100 %; projects 9,970.25 ÷ 11,853.56 = 84.11 %; basic 7,514.90 ÷ 5,947.80 = 126.35 %
        name: 'the seed: the funds block at 100% while projects executed 84.11%',
        evaluation: department({
          selfEvaluation: { funds: { budget: '17,485.15', actual: '17,485.15', executionRate: '100%', score: '10' } },
          basicData: {
            basicSpending: { actual: '7,514.90', budget: '5,947.80', priorActual: '6,468.11' },
            projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '9,970.25', budget: '11,853.56', priorActual: '11,947.15' } }],
          },
        }),
        findings: [{ messageId: 'componentLow', path: 'selfEvaluation.funds.executionRate', stated: 100, expected: 84.11, severity: 'warning' }],
      },
      {
        // basic 600 ÷ 700 = 85.714… → 85.71 %
        name: 'full execution while basic spending executed 85.71%',
        evaluation: fullyExecuted({}, { budget: '700.00' }),
        findings: [{ messageId: 'componentLow', path: 'selfEvaluation.funds.executionRate', stated: 100, expected: 85.71 }],
      },
      {
        // 995 ÷ 1,000 = 99.5 %; projects 300 ÷ 400 = 75 %, basic 600 ÷ 700 = 85.71 %
        name: 'execution at 99.5% with both components low, projects first',
        evaluation: department({
          selfEvaluation: { funds: { actual: '995.00', score: '9.95' } },
          basicData: { basicSpending: { budget: '700.00' }, projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '300.00', budget: '400.00' } }] },
        }),
        findings: [
          { messageId: 'componentLow', path: 'selfEvaluation.funds.executionRate', stated: 99.5, expected: 75 },
          { messageId: 'componentLow', path: 'selfEvaluation.funds.executionRate', stated: 99.5, expected: 85.71 },
        ],
      },
    ],
  });
});

import { describe } from 'vitest';
import type { Scheme } from '../scheme/schema.ts';
import { rateMismatch } from './rate-mismatch.ts';
import { CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** The national scheme with the 10号 framework's denominator: 实际支出 / 实际到位资金. */
const RECEIVED: Scheme = {
  ...NATIONAL,
  groups: NATIONAL.groups.map((g) => (g.source === 'executionRate' ? { ...g, denominator: 'fundsReceived' as const } : g)),
};

const projectTotal = (patch: Record<string, unknown>) => project({ funds: { total: { ...CLEAN_PROJECT.funds.total, ...patch } } });

describe('rate-mismatch', () => {
  testCheck(rateMismatch, HUNAN, {
    valid: [
      // 980.00 / 1,000.00 = 98.00 %; 48 / 50 = 96.00 %; 380.00 / 400.00 = 95.00 %
      { name: 'the clean department rates are right', evaluation: department() },
      { name: 'the clean department under the legacy scheme', evaluation: department(), scheme: LEGACY },
      // 500.00 / 500.00 = 100.00 %
      { name: 'the clean project rate is right', evaluation: project(), scheme: NATIONAL },
      {
        // 9,970.25 / 11,853.56 = 0.841118… → 84.11 %
        name: 'the seed project execution rate is correctly rounded (9,970.25 / 11,853.56 = 84.11%)',
        evaluation: department({ performance: { projectExecution: { budget: '11,853.56', actual: '9,970.25', surplus: '1,883.31', executionRate: '84.11%' } } }),
      },
      { name: 'a rate is written without decimals (98%)', evaluation: department({ selfEvaluation: { funds: { executionRate: '98%' } } }) },
      {
        // 645 / 716 = 0.900837… → 90.08 %
        name: 'the seed staff control rate computed from the basic-data counts (645 / 716 = 90.08%)',
        evaluation: department({ basicData: { staffing: { authorized: '716', actual: '645', controlRate: '90.08%' } } }),
      },
      { name: 'the rate cell is blank', evaluation: department({ basicData: { staffing: { controlRate: '　' } } }) },
      {
        name: 'the denominator is zero, so no rate can be checked',
        evaluation: department({ performance: { projectExecution: { budget: '0.00', actual: '0.00', surplus: '0.00', executionRate: '0%' } } }),
      },
      {
        // 380.00 / 400.00 = 95.00 % (实际到位资金); against 全年预算数 500.00 it would be 76 %
        name: 'under a 实际到位资金 scheme the rate is over the funds received',
        evaluation: projectTotal({ received: '400.00', actual: '380.00', executionRate: '95.00%', score: '9.5' }),
        scheme: RECEIVED,
      },
      {
        // 500.00 / 500.00 = 100.00 % over 全年预算数: the funds received do not matter
        name: 'under the national scheme the rate is over the budget whatever was received',
        evaluation: projectTotal({ received: '400.00' }),
        scheme: NATIONAL,
      },
      {
        name: 'under a 实际到位资金 scheme without the funds received nothing can be checked',
        evaluation: projectTotal({ actual: '380.00', executionRate: '95.00%' }),
        scheme: RECEIVED,
      },
    ],
    invalid: [
      {
        // 645 / 716 × 100 = 90.0837… → 90.08 (the seed writes 87.15 %)
        name: 'the seed staff control rate 87.15% is not 645 / 716',
        evaluation: department({ basicData: { staffing: { authorized: '716', actual: '645', controlRate: '87.15%' } } }),
        findings: [{ messageId: 'rateMismatch', path: 'basicData.staffing.controlRate', stated: 87.15, expected: 90.08, severity: 'error' }],
      },
      {
        // 48 / 50 = 96.00 %; people are counted exactly, so 48 is not "47.5 to 48.5"
        name: 'a staff control rate is off by one percentage point (counts are exact, not rounded)',
        evaluation: department({ basicData: { staffing: { controlRate: '97.00%' } } }),
        findings: [{ messageId: 'rateMismatch', path: 'basicData.staffing.controlRate', stated: 97, expected: 96 }],
      },
      {
        // 980.00 / 1,000.00 = 98.00 %
        name: 'the funds block claims 100% while 980 of 1,000 were spent',
        evaluation: department({ selfEvaluation: { funds: { executionRate: '100%' } } }),
        findings: [{ messageId: 'rateMismatch', path: 'selfEvaluation.funds.executionRate', stated: 100, expected: 98 }],
      },
      {
        // 380.00 / 400.00 = 95.00 %
        name: 'the narrative project execution rate does not follow its budget and actual',
        evaluation: department({ performance: { projectExecution: { executionRate: '84.11%' } } }),
        findings: [{ messageId: 'rateMismatch', path: 'performance.projectExecution.executionRate', stated: 84.11, expected: 95 }],
      },
      {
        // 450.00 / 500.00 = 90.00 %
        name: 'a project sub-row rate is wrong',
        evaluation: project({ funds: { fiscalAppropriation: { initialBudget: '500.00', budget: '500.00', actual: '450.00', executionRate: '100.00%' } } }),
        scheme: NATIONAL,
        findings: [{ messageId: 'rateMismatch', path: 'funds.fiscalAppropriation.executionRate', stated: 100, expected: 90 }],
      },
      {
        // 500.00 / 400.00 = 125.00 % under 实际到位资金; the same report is right under 全年预算数 (500 / 500)
        name: 'under a 实际到位资金 scheme a rate over the budget is wrong',
        evaluation: projectTotal({ received: '400.00' }),
        scheme: RECEIVED,
        findings: [{ messageId: 'rateMismatch', path: 'funds.total.executionRate', stated: 100, expected: 125 }],
      },
      {
        // 380.00 / 400.00 = 95.000 % at the three decimals written
        name: 'a rate written with three decimals is compared at its own precision',
        evaluation: department({ performance: { projectExecution: { executionRate: '95.125%' } } }),
        findings: [{ messageId: 'rateMismatch', path: 'performance.projectExecution.executionRate', stated: 95.125, expected: 95 }],
      },
    ],
  });
});

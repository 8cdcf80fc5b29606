import { describe } from 'vitest';
import { differenceMismatch } from './difference-mismatch.ts';
import { CLEAN_DEPARTMENT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const [reception, vehicleOperation] = CLEAN_DEPARTMENT.execution.threePublic.items;
const items = (...list: Record<string, unknown>[]) => department({ execution: { threePublic: { items: list } } });

describe('difference-mismatch', () => {
  testCheck(differenceMismatch, HUNAN, {
    valid: [
      // 5.00 − 6.00 = −1.00; 4.00 − 3.50 = 0.50; 400.00 − 380.00 = 20.00
      { name: 'the clean department differences are right', evaluation: department() },
      {
        // 40.11 − 24.93 = 15.18; 11.52 − 6.93 = 4.59
        name: 'the seed 三公 changes on the prior year are right',
        evaluation: items(
          { category: 'reception', budget: '62.11', actual: '40.11', priorActual: '24.93', changeFromPrior: '15.18' },
          { category: 'vehicleOperation', budget: '11.52', actual: '11.52', priorActual: '6.93', changeFromPrior: '4.59' },
        ),
      },
      {
        // 40.11 − 24.93 = 15.18, inside 14.5 … 15.5
        name: 'a change written in whole 万元 rounds the exact difference',
        evaluation: items({ category: 'reception', actual: '40.11', priorActual: '24.93', changeFromPrior: '15' }),
      },
      { name: 'no change on the prior year is stated', evaluation: items({ ...reception, changeFromPrior: undefined }) },
      {
        name: 'the prior year is given nowhere (the seed 出国（境） row)',
        evaluation: items({ category: 'overseasTravel', budget: '0', actual: '0', changeFromPrior: '0' }),
      },
      { name: 'the narrative states no surplus', evaluation: department({ performance: { projectExecution: { surplus: undefined } } }) },
      { name: 'a project evaluation states no differences', evaluation: project(), scheme: NATIONAL },
    ],
    invalid: [
      {
        // 11,853.56 − 9,970.25 = 1,883.31
        name: 'the seed calls the whole project budget a surplus (盈余11,853.56万元)',
        evaluation: department({ performance: { projectExecution: { budget: '11,853.56', actual: '9,970.25', surplus: '11,853.56', executionRate: '84.11%' } } }),
        findings: [{ messageId: 'differenceMismatch', path: 'performance.projectExecution.surplus', stated: 11853.56, expected: 1883.31, severity: 'error' }],
      },
      {
        // 5.00 − 6.00 (basic-data prior year) = −1.00: the text says an increase
        name: 'a decrease is written as an increase',
        evaluation: items({ ...reception, changeFromPrior: '1.00' }, vehicleOperation),
        findings: [{ messageId: 'differenceMismatch', path: 'execution.threePublic.items[0].changeFromPrior', stated: 1, expected: -1 }],
      },
      {
        // 4.00 − 3.00 (the item's own prior year, not the basic-data 3.50) = 1.00
        name: "the item's own prior-year figure is used before the basic-data one",
        evaluation: items(reception, { ...vehicleOperation, priorActual: '3.00' }),
        findings: [{ messageId: 'differenceMismatch', path: 'execution.threePublic.items[1].changeFromPrior', stated: 0.5, expected: 1 }],
      },
      {
        // 4.00 − 3.50 (basic-data 公务用车购置和维护 prior year) = 0.50
        name: 'a 公务用车 item is compared with the basic-data 公务用车购置和维护 row',
        evaluation: department({
          execution: { threePublic: { items: [reception, vehicleOperation, { category: 'vehicle', actual: '4.00', changeFromPrior: '1.00' }] } },
          basicData: { vehicle: { actual: '4.00', budget: '4.00', priorActual: '3.50' } },
        }),
        findings: [{ messageId: 'differenceMismatch', path: 'execution.threePublic.items[2].changeFromPrior', stated: 1, expected: 0.5 }],
      },
    ],
  });
});

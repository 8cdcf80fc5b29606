import { describe } from 'vitest';
import { staffOverEstablishment } from './staff-over-establishment.ts';
import { HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('staff-over-establishment', () => {
  testCheck(staffOverEstablishment, HUNAN, {
    valid: [
      // 48 ≤ 50 in both places
      { name: 'the clean department is within its establishment', evaluation: department() },
      { name: 'a project has no staffing', evaluation: project(), scheme: NATIONAL },
      { name: 'staff exactly at the establishment', evaluation: department({ basicData: { staffing: { actual: '50' } }, staffing: { actual: { total: '50' } } }) },
      // the seed: 645 and 644 of 716
      { name: 'the seed staffing, 645 of 716', evaluation: department({ basicData: { staffing: { authorized: '716', actual: '645' } } }) },
      { name: 'the establishment is not stated', evaluation: department({ basicData: { staffing: { authorized: '　' } }, staffing: { authorized: undefined } }) },
    ],
    invalid: [
      {
        name: 'the basic-data table counts 51 staff for 50 posts',
        evaluation: department({ basicData: { staffing: { actual: '51' } } }),
        findings: [{ messageId: 'over', path: 'basicData.staffing.actual', stated: 51, expected: 50, severity: 'warning' }],
      },
      {
        name: 'the text counts 52 staff for 50 posts',
        evaluation: department({ staffing: { actual: { total: '52' } } }),
        findings: [{ messageId: 'over', path: 'staffing.actual.total', stated: 52, expected: 50 }],
      },
      {
        name: 'both places are over, the basic-data table first',
        evaluation: department({ basicData: { staffing: { authorized: '40' } }, staffing: { authorized: { total: '40' } } }),
        findings: [
          { messageId: 'over', path: 'basicData.staffing.actual', stated: 48, expected: 40 },
          { messageId: 'over', path: 'staffing.actual.total', stated: 48, expected: 40 },
        ],
      },
    ],
  });
});

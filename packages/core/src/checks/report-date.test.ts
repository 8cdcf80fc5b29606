import { describe } from 'vitest';
import { reportDate } from './report-date.ts';
import { HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('report-date', () => {
  testCheck(reportDate, HUNAN, {
    valid: [
      // 2022 evaluated, dated 2023-02-20
      { name: 'the clean department is dated in the next year', evaluation: department() },
      // 2023 evaluated, dated 2024-02-28
      { name: 'the clean project is dated in the next year', evaluation: project(), scheme: NATIONAL },
      { name: 'dated on the first day after the year', evaluation: department({ selfEvaluation: { preparedOn: '2023年1月1日' } }) },
      { name: 'dated late in the next year', evaluation: department({ basicData: { preparedOn: '2023-12-31' } }) },
      { name: 'no dates at all', evaluation: department({ signature: undefined, basicData: { preparedOn: null }, selfEvaluation: { preparedOn: '　' } }) },
    ],
    invalid: [
      {
        name: 'the self-evaluation table is dated inside the evaluated year',
        evaluation: department({ selfEvaluation: { preparedOn: '2022-12-31' } }),
        findings: [{ messageId: 'tooEarly', path: 'selfEvaluation.preparedOn', severity: 'warning' }],
      },
      {
        name: 'the signature is dated two years later',
        evaluation: department({ signature: { date: '2024年2月20日' } }),
        findings: [{ messageId: 'tooLate', path: 'signature.date', severity: 'warning' }],
      },
      {
        name: 'the report is dated a year early everywhere (the year was mistyped)',
        evaluation: department({ year: 2023 }),
        findings: [
          { messageId: 'tooEarly', path: 'signature.date' },
          { messageId: 'tooEarly', path: 'basicData.preparedOn' },
          { messageId: 'tooEarly', path: 'selfEvaluation.preparedOn' },
        ],
      },
      {
        name: 'the project table is dated inside the evaluated year',
        evaluation: project({ preparedOn: '2023-12-01' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'tooEarly', path: 'preparedOn' }],
      },
      {
        name: 'the project table is dated two years later',
        evaluation: project({ preparedOn: '2025年3月1日' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'tooLate', path: 'preparedOn' }],
      },
    ],
  });
});

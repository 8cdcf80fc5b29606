import { describe } from 'vitest';
import { unmeasuredActual } from './unmeasured-actual.ts';
import { HUNAN, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('unmeasured-actual', () => {
  testCheck(unmeasuredActual, HUNAN, {
    valid: [
      { name: 'every actual of the clean department is measured', evaluation: department() },
      { name: 'every actual of the clean project is measured', evaluation: project(), scheme: NATIONAL },
      { name: 'a measured satisfaction rate (93.5%)', evaluation: departmentWithIndicator(3, { actual: '93.5%' }) },
      { name: 'a blank actual is left to required-fields', evaluation: departmentWithIndicator(3, { actual: '　' }) },
      { name: 'a not-applicable row', evaluation: departmentWithIndicator(3, { actual: '≥90%', notApplicable: true }) },
      { name: 'a short qualitative target repeated (提升 / 提升)', evaluation: departmentWithIndicator(2, { actual: '提升' }) },
      { name: 'a qualitative actual that reports what was done', evaluation: projectWithIndicator(4, { actual: '路况明显改善，群众出行时间平均缩短10分钟' }), scheme: NATIONAL },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: 'the seed satisfaction: 90%以上',
        evaluation: departmentWithIndicator(3, { actual: '90%以上' }),
        findings: [{ messageId: 'bound', path: 'selfEvaluation.indicators[3].actual', severity: 'warning' }],
      },
      {
        name: 'the actual restates the target sign (≥90%)',
        evaluation: departmentWithIndicator(3, { actual: '≥90%' }),
        findings: [{ messageId: 'bound', path: 'selfEvaluation.indicators[3].actual' }],
      },
      {
        name: 'a reverse actual written as a bound (1.7万元以下)',
        evaluation: projectWithIndicator(3, { actual: '1.7万元以下' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'bound', path: 'indicators[3].actual' }],
      },
      {
        name: 'a reverse actual written as a bound (5%以内)',
        evaluation: departmentWithIndicator(1, { name: '苗木损耗率', target: '≤5%', actual: '5%以内' }),
        findings: [{ messageId: 'bound', path: 'selfEvaluation.indicators[1].actual' }],
      },
      {
        name: 'a qualitative actual copied from the target',
        evaluation: projectWithIndicator(4, { actual: '明显改善' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'copied', path: 'indicators[4].actual', severity: 'info' }],
      },
    ],
  });
});

import { describe } from 'vitest';
import { signOff } from './sign-off.ts';
import { HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const blankSignOff = { preparer: '　', phone: null, unitHead: '' };

describe('sign-off', () => {
  testCheck(signOff, HUNAN, {
    valid: [
      { name: 'the clean department is signed off in both tables and dated', evaluation: department() },
      { name: 'the clean project table is signed off', evaluation: project(), scheme: NATIONAL },
      { name: 'a partial report without attachments or signature has nothing to sign', evaluation: department({ basicData: undefined, selfEvaluation: undefined, signature: undefined }) },
    ],
    invalid: [
      {
        name: 'the basic-data table has no preparer',
        evaluation: department({ basicData: { signOff: { preparer: '　' } } }),
        findings: [{ messageId: 'blank', path: 'basicData.signOff.preparer', severity: 'warning' }],
      },
      {
        name: 'the self-evaluation table has no phone number',
        evaluation: department({ selfEvaluation: { signOff: { phone: undefined } } }),
        findings: [{ messageId: 'blank', path: 'selfEvaluation.signOff.phone' }],
      },
      {
        name: 'both tables are unsigned, as in the seed (填表人／联系电话／单位负责人签字 all blank)',
        evaluation: department({ basicData: { signOff: blankSignOff }, selfEvaluation: { signOff: blankSignOff } }),
        findings: [
          { messageId: 'blank', path: 'basicData.signOff.preparer' },
          { messageId: 'blank', path: 'basicData.signOff.phone' },
          { messageId: 'blank', path: 'basicData.signOff.unitHead' },
          { messageId: 'blank', path: 'selfEvaluation.signOff.preparer' },
          { messageId: 'blank', path: 'selfEvaluation.signOff.phone' },
          { messageId: 'blank', path: 'selfEvaluation.signOff.unitHead' },
        ],
      },
      {
        name: 'the project table has no unit head signature',
        evaluation: project({ signOff: { unitHead: '　　' } }),
        scheme: NATIONAL,
        findings: [{ messageId: 'blank', path: 'signOff.unitHead' }],
      },
      {
        name: 'the report is signed by the unit but not dated',
        evaluation: department({ signature: { date: undefined } }),
        findings: [{ messageId: 'noDate', path: 'signature.date', severity: 'warning' }],
      },
      {
        name: 'the report is dated but not signed by the unit',
        evaluation: department({ signature: { unit: '　' } }),
        findings: [{ messageId: 'noUnit', path: 'signature.unit', severity: 'warning' }],
      },
      {
        name: 'the signature block is empty',
        evaluation: department({ signature: { unit: undefined, date: undefined } }),
        findings: [
          { messageId: 'noUnit', path: 'signature.unit' },
          { messageId: 'noDate', path: 'signature.date' },
        ],
      },
    ],
  });
});

import { describe } from 'vitest';
import { sectionsPresent } from './sections-present.ts';
import { HUNAN, LEGACY, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('sections-present', () => {
  testCheck(sectionsPresent, HUNAN, {
    valid: [
      { name: 'the clean department has every section', evaluation: department() },
      { name: 'the clean department is checked under the legacy scheme', evaluation: department(), scheme: LEGACY },
      { name: 'a project evaluation has no department sections to check', evaluation: project(), scheme: NATIONAL },
      { name: 'the problems section has text after leading blanks', evaluation: department({ problems: '　 个别项目进度偏慢。' }) },
    ],
    invalid: [
      {
        name: 'the self-evaluation table (附件1-2) is missing',
        evaluation: department({ selfEvaluation: undefined }),
        findings: [{ messageId: 'missing', path: 'selfEvaluation', severity: 'error' }],
      },
      {
        name: 'the basic-data table (附件1-1) is missing',
        evaluation: department({ basicData: undefined }),
        findings: [{ messageId: 'missing', path: 'basicData', severity: 'error' }],
      },
      {
        name: 'the budget execution section is missing',
        evaluation: department({ execution: undefined }),
        findings: [{ messageId: 'missing', path: 'execution', severity: 'warning' }],
      },
      {
        name: 'the performance section is missing',
        evaluation: department({ performance: undefined }),
        findings: [{ messageId: 'missing', path: 'performance', severity: 'warning' }],
      },
      {
        name: 'the problems section holds only a full-width space',
        evaluation: department({ problems: '　' }),
        findings: [{ messageId: 'missing', path: 'problems', severity: 'warning' }],
      },
      {
        name: 'the problems section is absent',
        evaluation: department({ problems: undefined }),
        findings: [{ messageId: 'missing', path: 'problems', severity: 'warning' }],
      },
      {
        name: 'there are no improvement measures',
        evaluation: department({ measures: [] }),
        findings: [{ messageId: 'missing', path: 'measures', severity: 'warning' }],
      },
      {
        name: 'the duties are not listed',
        evaluation: department({ duties: [] }),
        findings: [{ messageId: 'missing', path: 'duties', severity: 'warning' }],
      },
      {
        name: 'a narrative-only excerpt lacks both attachments, in template order',
        evaluation: department({ basicData: undefined, selfEvaluation: undefined, measures: [] }),
        findings: [
          { messageId: 'missing', path: 'selfEvaluation', severity: 'error' },
          { messageId: 'missing', path: 'basicData', severity: 'error' },
          { messageId: 'missing', path: 'measures', severity: 'warning' },
        ],
      },
    ],
  });
});

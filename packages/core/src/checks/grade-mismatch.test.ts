import { describe } from 'vitest';
import { gradeMismatch } from './grade-mismatch.ts';
import { CLEAN_DEPARTMENT, HUNAN, LEGACY, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** The department with 造林面积 (25 points, target 1000亩) at `actual`, its score, and the grade written in both places. */
const forest = (actual: string, score: string, grade: string) =>
  department({
    performance: { conclusion: { grade } },
    selfEvaluation: { grade, indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 0 ? { ...x, actual, score } : x)) },
  });

describe('grade-mismatch', () => {
  testCheck(gradeMismatch, HUNAN, {
    valid: [
      // 9.8 + 50 + 30 + 10 = 99.8 ≥ 90 → 优秀
      { name: 'the clean department is 优秀 in the table and the conclusion', evaluation: department() },
      // 10 + 50 + 30 + 10 = 100 → 优
      { name: 'the clean project is 优 under the national scheme', evaluation: project(), scheme: NATIONAL },
      // legacy: 10 + 29 + 35 + 25 = 99 → 优秀
      { name: 'the clean department is 优秀 under the legacy scheme', evaluation: department(), scheme: LEGACY },
      // 608 ÷ 1000 × 25 = 15.2; 9.8 + 15.2 + 25 + 30 + 10 = 90.0: the lower bound is inclusive
      { name: 'a total of exactly 90 is 优秀', evaluation: forest('608亩', '15.2', '优秀') },
      {
        // Hunan 9.8 + 0 + 25 + 30 + 10 = 74.8 (较差); legacy 10 + 29 + (0 + 25) × 35 ÷ 50 + 25 = 81.5 ≥ 75 → 良好
        name: 'the legacy scheme calls 81.5 良好 (its band starts at 75)',
        evaluation: forest('0亩', '0', '良好'),
        scheme: LEGACY,
      },
      { name: 'the grade is written with a full-width space (优　秀)', evaluation: department({ selfEvaluation: { grade: '优　秀' } }) },
      { name: 'the conclusion states no grade', evaluation: department({ performance: { conclusion: { grade: null } } }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 500 ÷ 1000 × 25 = 12.5; 9.8 + 12.5 + 25 + 30 + 10 = 87.3 → 良好 (80 ≤ S < 90)
        name: 'both places say 优秀 for a total of 87.3',
        evaluation: forest('500亩', '12.5', '优秀'),
        findings: [
          { messageId: 'wrongBand', path: 'selfEvaluation.grade', stated: '优秀', expected: '良好', severity: 'error' },
          { messageId: 'wrongBand', path: 'performance.conclusion.grade', stated: '优秀', expected: '良好', severity: 'error' },
        ],
      },
      {
        // national: 87.3 → 良; 优秀 is the national 优
        name: 'under the national scheme 优秀 for 87.3 is the wrong band, not just another name',
        evaluation: forest('500亩', '12.5', '优秀'),
        scheme: NATIONAL,
        findings: [
          { messageId: 'wrongBand', path: 'selfEvaluation.grade', stated: '优秀', expected: '良' },
          { messageId: 'wrongBand', path: 'performance.conclusion.grade', stated: '优秀', expected: '良' },
        ],
      },
      {
        // 607 ÷ 1000 × 25 = 15.175 → 15.18; 9.8 + 15.18 + 65 = 89.98 < 90
        name: 'a total of 89.98 is not 优秀',
        evaluation: forest('607亩', '15.18', '优秀'),
        findings: [
          { messageId: 'wrongBand', path: 'selfEvaluation.grade', stated: '优秀', expected: '良好' },
          { messageId: 'wrongBand', path: 'performance.conclusion.grade', stated: '优秀', expected: '良好' },
        ],
      },
      {
        // Hunan 74.8 → 较差 (60 ≤ S < 80), where the legacy scheme says 良好
        name: 'the Hunan scheme calls 74.8 较差, not 良好',
        evaluation: forest('0亩', '0', '良好'),
        findings: [
          { messageId: 'wrongBand', path: 'selfEvaluation.grade', stated: '良好', expected: '较差' },
          { messageId: 'wrongBand', path: 'performance.conclusion.grade', stated: '良好', expected: '较差' },
        ],
      },
      {
        // national 74.8 → 中; 良好 is the national 良
        name: 'the national scheme calls 74.8 中',
        evaluation: forest('0亩', '0', '良好'),
        scheme: NATIONAL,
        findings: [
          { messageId: 'wrongBand', path: 'selfEvaluation.grade', stated: '良好', expected: '中' },
          { messageId: 'wrongBand', path: 'performance.conclusion.grade', stated: '良好', expected: '中' },
        ],
      },
      {
        name: 'the table says 优 where the Hunan scheme says 优秀 (the seed)',
        evaluation: department({ selfEvaluation: { grade: '优' } }),
        findings: [{ messageId: 'alias', path: 'selfEvaluation.grade', stated: '优', expected: '优秀', severity: 'warning' }],
      },
      {
        name: 'the department says 优秀 where the national scheme says 优',
        evaluation: department(),
        scheme: NATIONAL,
        findings: [
          { messageId: 'alias', path: 'selfEvaluation.grade', stated: '优秀', expected: '优', severity: 'warning' },
          { messageId: 'alias', path: 'performance.conclusion.grade', stated: '优秀', expected: '优', severity: 'warning' },
        ],
      },
      {
        // Hunan 74.8 → 较差, whose other name is 中
        name: 'the national 中 under the Hunan scheme',
        evaluation: forest('0亩', '0', '中'),
        findings: [
          { messageId: 'alias', path: 'selfEvaluation.grade', stated: '中', expected: '较差' },
          { messageId: 'alias', path: 'performance.conclusion.grade', stated: '中', expected: '较差' },
        ],
      },
      {
        name: 'the grade is not one of the scheme',
        evaluation: department({ selfEvaluation: { grade: 'A' } }),
        findings: [{ messageId: 'unknown', path: 'selfEvaluation.grade', stated: 'A', expected: '优秀', severity: 'error' }],
      },
      {
        name: 'the table grade is blank',
        evaluation: department({ selfEvaluation: { grade: '　' } }),
        findings: [{ messageId: 'missing', path: 'selfEvaluation.grade', expected: '优秀', severity: 'warning' }],
      },
      {
        // 10 + 50 + 30 + 10 = 100 → 优
        name: 'the project says 良 for a total of 100',
        evaluation: project({ grade: '良' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'wrongBand', path: 'grade', stated: '良', expected: '优' }],
      },
    ],
  });
});

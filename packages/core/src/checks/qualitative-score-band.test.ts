import { describe } from 'vitest';
import type { Scheme } from '../scheme/schema.ts';
import { qualitativeScoreBand } from './qualitative-score-band.ts';
import { HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** A stricter scheme: 达成 only from 90 % of the points. */
const STRICT: Scheme = {
  ...HUNAN,
  directionRules: {
    ...HUNAN.directionRules,
    qualitative: {
      kind: 'qualitative',
      bands: [
        { grade: 'achieved', label: '达成年度指标', min: 0.9, max: 1 },
        { grade: 'partiallyAchieved', label: '部分达成年度指标并具有一定效果', min: 0.6, max: 0.9 },
        { grade: 'notAchieved', label: '未达成年度指标且效果较差', min: 0, max: 0.6 },
      ],
    },
  },
};

/** 森林覆盖率提升: qualitative, 30 points → 达成 [24, 30], 部分达成 [18, 24), 未达成 [0, 18). */
const cover = (score: string, qualitativeGrade?: string) => departmentWithIndicator(2, { score, qualitativeGrade });

describe('qualitative-score-band', () => {
  testCheck(qualitativeScoreBand, HUNAN, {
    valid: [
      { name: 'the clean department scores its 达成 indicator 30 of 30', evaluation: department() },
      { name: 'the clean project scores its 达成 indicators in full', evaluation: project(), scheme: NATIONAL },
      { name: 'the clean department under the legacy scheme', evaluation: department(), scheme: LEGACY },
      // 0.8 × 30 = 24, inclusive
      { name: '达成 at the bottom of its band (24 of 30)', evaluation: cover('24', 'achieved') },
      // 0.6 × 30 = 18, inclusive
      { name: '部分达成 at the bottom of its band (18 of 30)', evaluation: cover('18', 'partiallyAchieved') },
      // below 0.8 × 30 = 24
      { name: '部分达成 just below the top of its band (23.99 of 30)', evaluation: cover('23.99', 'partiallyAchieved') },
      { name: '未达成 with 0', evaluation: cover('0', 'notAchieved') },
      // below 0.6 × 30 = 18
      { name: '未达成 just below 60% (17.99 of 30)', evaluation: cover('17.99', 'notAchieved') },
      { name: 'no grade chosen and a full score', evaluation: cover('30') },
      {
        // a numeric target with a text actual is scored as qualitative: 20 of 25 = 0.8 → 达成
        name: 'a numeric target with a text actual, 达成 with 80%',
        evaluation: departmentWithIndicator(0, { target: '120个', actual: '已全部完成', score: '20', qualitativeGrade: 'achieved' }),
      },
      { name: 'a row without points', evaluation: departmentWithIndicator(2, { points: null, score: '20', qualitativeGrade: undefined }) },
      { name: 'a not-applicable row', evaluation: departmentWithIndicator(2, { score: '5', notApplicable: true }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: '达成 below 80% of the points (23 of 30)',
        evaluation: cover('23', 'achieved'),
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 23, severity: 'error' }],
      },
      {
        // 0.8 × 30 = 24 belongs to 达成
        name: '部分达成 at 80% of the points (24 of 30)',
        evaluation: cover('24', 'partiallyAchieved'),
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 24 }],
      },
      {
        name: '部分达成 below 60% (17 of 30)',
        evaluation: cover('17', 'partiallyAchieved'),
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 17 }],
      },
      {
        // 0.6 × 30 = 18 belongs to 部分达成
        name: '未达成 at 60% of the points (18 of 30)',
        evaluation: cover('18', 'notAchieved'),
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 18 }],
      },
      {
        name: '达成 above its points (31 of 30)',
        evaluation: cover('31', 'achieved'),
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 31 }],
      },
      {
        // 0.9 × 30 = 27 under the stricter scheme
        name: 'a stricter scheme puts 达成 from 90% (25 of 30 is not enough)',
        evaluation: cover('25', 'achieved'),
        scheme: STRICT,
        findings: [{ messageId: 'outsideBand', path: 'selfEvaluation.indicators[2].score', stated: 25 }],
      },
      {
        // 20 of 30 lies in [18, 24): 部分达成
        name: 'a deducted score without a chosen grade',
        evaluation: cover('20'),
        findings: [{ messageId: 'noGrade', path: 'selfEvaluation.indicators[2].score', severity: 'info' }],
      },
      {
        // 4 of 5 lies in [4, 5]; the time indicator is scored 80 % without a grade
        name: 'a deducted time indicator without a grade or an admitted delay',
        evaluation: projectWithIndicator(2, { actual: '2023年12月完成', score: '4', qualitativeGrade: undefined }),
        scheme: NATIONAL,
        findings: [{ messageId: 'noGrade', path: 'indicators[2].score', severity: 'info' }],
      },
      {
        // the seed's 时效 indicator: 本年完成 / 2023基本完成 in a 2022 report, 4 of 5 = 80 % (达成) — here a 2023 project done in 2024
        name: 'an actual completed after the evaluated year is scored in the 达成 band (the seed)',
        evaluation: projectWithIndicator(2, { actual: '2024基本完成', score: '4', qualitativeGrade: undefined }),
        scheme: NATIONAL,
        findings: [{ messageId: 'lateOrUnmet', path: 'indicators[2].score', stated: 4, severity: 'warning' }],
      },
      {
        name: 'an actual that says 部分完成 keeps the full score',
        evaluation: departmentWithIndicator(2, { actual: '部分完成', qualitativeGrade: undefined }),
        findings: [{ messageId: 'lateOrUnmet', path: 'selfEvaluation.indicators[2].score', stated: 30, severity: 'warning' }],
      },
      {
        // 20 of 30 is already below 达成: the delay is reflected, only the grade is missing
        name: 'an admitted delay scored in the 部分达成 band',
        evaluation: departmentWithIndicator(2, { actual: '项目延期，部分完成', score: '20', qualitativeGrade: undefined }),
        findings: [{ messageId: 'noGrade', path: 'selfEvaluation.indicators[2].score', severity: 'info' }],
      },
    ],
  });
});

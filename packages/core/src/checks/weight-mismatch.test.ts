import { describe } from 'vitest';
import { weightMismatch } from './weight-mismatch.ts';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const level1 = CLEAN_DEPARTMENT.selfEvaluation.level1;

describe('weight-mismatch', () => {
  testCheck(weightMismatch, HUNAN, {
    valid: [
      // 产出 25 + 25 = 50, 效益 30, 满意度 10, 预算执行率 10
      { name: 'the clean department weights add up', evaluation: department() },
      // 产出 20 + 15 + 5 + 10 = 50, 效益 30, 满意度 10
      { name: 'the clean project weights add up', evaluation: project(), scheme: NATIONAL },
      { name: 'the legacy scheme rescales the unit groups and has no 预算执行率 weight to match', evaluation: department(), scheme: LEGACY },
      {
        // 产出 20 + 25 = 45 ≠ 35 of the legacy 产出 group, which rescales; the header says 45
        name: 'under the legacy scheme the unit weights need not equal the group points',
        evaluation: department({
          selfEvaluation: {
            level1: [{ name: '产出指标', points: '45' }, level1[1], level1[2]],
            indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 0 ? { ...x, points: '20', score: '20' } : x)),
          },
        }),
        scheme: LEGACY,
      },
      {
        name: 'a header is written over line breaks with its points (产出\\n指标\\n（50分）)',
        evaluation: department({ selfEvaluation: { level1: [{ name: '产出\n\n指标\n\n（50分）', points: '50' }, level1[1], level1[2]] } }),
      },
      { name: 'a row names its first level without 指标', evaluation: departmentWithIndicator(0, { level1: '产出' }) },
      { name: 'a header without points', evaluation: department({ selfEvaluation: { level1: [{ name: '产出指标', points: '　' }, level1[1], level1[2]] } }) },
      {
        // 20 + 15 (not applicable) + 5 + 10 = 50 as written
        name: 'a not-applicable row keeps its points in the weights (national, rescale)',
        evaluation: projectWithIndicator(1, { notApplicable: true, actual: null, score: null }),
        scheme: NATIONAL,
      },
      {
        // 25 + 25 (not applicable) = 50 as written
        name: 'a not-applicable row keeps its points in the weights (Hunan, drop)',
        evaluation: departmentWithIndicator(1, { notApplicable: true, score: null }),
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 25 + 25 = 50 under a header of 40
        name: 'a header states other points than its rows',
        evaluation: department({ selfEvaluation: { level1: [{ name: '产出指标', points: '40' }, level1[1], level1[2]] } }),
        findings: [{ messageId: 'headerSum', path: 'selfEvaluation.level1[0].points', stated: 40, expected: 50, severity: 'error' }],
      },
      {
        // 20 + 25 = 45: not the header's 50, not the Hunan scheme's 50
        name: 'the output rows weigh 45 under a header of 50 and a scheme of 50',
        evaluation: departmentWithIndicator(0, { points: '20', score: '20' }),
        findings: [
          { messageId: 'headerSum', path: 'selfEvaluation.level1[0].points', stated: 50, expected: 45 },
          { messageId: 'schemeLevel', path: 'selfEvaluation.indicators[0].points', stated: 45, expected: 50, severity: 'error' },
        ],
      },
      {
        // 20 + 25 = 45 under a header of 50; the legacy 产出 group rescales, so only the header is wrong
        name: 'under the legacy scheme only the header is held to its rows',
        evaluation: departmentWithIndicator(0, { points: '20', score: '20' }),
        scheme: LEGACY,
        findings: [{ messageId: 'headerSum', path: 'selfEvaluation.level1[0].points', stated: 50, expected: 45 }],
      },
      {
        // 25 + 15 + 5 + 10 = 55 against the national 50; no headers written
        name: 'a project without headers weighs its outputs 55',
        evaluation: project({ level1: [], indicators: CLEAN_PROJECT.indicators.map((x, i) => (i === 0 ? { ...x, points: '25', score: '25' } : x)) }),
        scheme: NATIONAL,
        findings: [{ messageId: 'schemeLevel', path: 'indicators[0].points', stated: 55, expected: 50 }],
      },
      {
        name: 'the 预算执行率 is weighted 20',
        evaluation: department({ selfEvaluation: { funds: { points: '20' } } }),
        findings: [{ messageId: 'fundsPoints', path: 'selfEvaluation.funds.points', stated: 20, expected: 10, severity: 'error' }],
      },
      {
        name: 'a first-level name is not in the Hunan scheme',
        evaluation: departmentWithIndicator(3, { level1: '服务对象指标' }),
        findings: [{ messageId: 'unknownLevel', path: 'selfEvaluation.indicators[3].level1', severity: 'warning' }],
      },
      {
        name: 'a first-level name is not in the legacy scheme either',
        evaluation: departmentWithIndicator(3, { level1: '服务对象指标' }),
        scheme: LEGACY,
        findings: [{ messageId: 'unknownLevel', path: 'selfEvaluation.indicators[3].level1', severity: 'warning' }],
      },
    ],
  });
});


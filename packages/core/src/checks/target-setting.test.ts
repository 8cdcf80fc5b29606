import { describe, expect, it } from 'vitest';
import { interpolate } from './run.ts';
import { targetSetting } from './target-setting.ts';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, HUNAN, LEGACY, NATIONAL, department, project } from './testing/fixtures.ts';
import { collect, testCheck } from './testing/tester.ts';

const rows = (patches: Record<number, Record<string, unknown>>, extra: Record<string, unknown>[] = []) =>
  department({ selfEvaluation: { indicators: [...CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => ({ ...x, ...patches[i] })), ...extra] } });
const quantity = (name: string, target: string, actual: string) => ({ level1: '产出指标', level2: '数量指标', name, target, actual, points: '5', score: '5' });

/** The seed's six 数量 indicators and its 满意度 (≥90% / 90%以上). */
const SEED = department({
  selfEvaluation: {
    indicators: [
      quantity('摸排化解房地产历史遗留办证', '　10', '13'),
      quantity('办理不动产登记证', '　800', '1008'),
      quantity('绿色矿山建设', '4', '4'),
      quantity('拆违控建', '200', '242'),
      quantity('自然资源违法违规案件结案', '　50', '60'),
      quantity('月清三地两矿工作', '10', '14'),
      { level1: '满意度指标', level2: '社会公众或服务对象满意度指标', name: '公众满意度', target: '≥90%', actual: '90%以上', points: '10', score: '10' },
    ],
  },
});

describe('target-setting', () => {
  testCheck(targetSetting, HUNAN, {
    valid: [
      // 1000/1000, 90 vs 85 (105.88 %), 95 vs 90 (105.56 %)
      { name: 'the clean department: not all exact, none far above', evaluation: department() },
      // 300/300, 82 vs 80, 1.6 vs ≤1.7, 93 vs 90
      { name: 'the clean project: not all exact, none far above', evaluation: project(), scheme: NATIONAL },
      { name: 'the clean department under the legacy scheme', evaluation: department(), scheme: LEGACY },
      {
        // two quantitative rows only (苗木成活率 is now text): too few to judge
        name: 'only two quantitative indicators, both met exactly',
        evaluation: rows({ 1: { target: '成活率达标', actual: '达标' }, 3: { actual: '90%' } }),
      },
      {
        // 130 %, 128.57 %, 105.56 %, 100 %: two of four far above is not most
        name: 'exactly half of the positive indicators far above target',
        evaluation: rows({ 0: { actual: '1300亩' }, 1: { target: '≥70%' } }, [quantity('抚育面积', '500亩', '500亩')]),
      },
      {
        name: 'a not-applicable row does not count',
        evaluation: rows({ 0: { actual: '1300亩' }, 1: { target: '≥70%', notApplicable: true } }),
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 1000 = 1000, 85 = 85, 90 = 90
        name: 'every quantitative actual equals its target',
        evaluation: rows({ 1: { actual: '85%' }, 3: { actual: '90%' } }),
        findings: [{ messageId: 'allExact', path: 'selfEvaluation.indicators', severity: 'warning' }],
      },
      {
        // 300 = 300, 80 = 80, 1.7 = 1.7 (反向), 90 = 90
        name: 'every quantitative actual of the project equals its target, reverse ones included',
        evaluation: project({
          indicators: CLEAN_PROJECT.indicators.map((x, i) => (i === 1 ? { ...x, actual: '80%' } : i === 3 ? { ...x, actual: '1.7万元' } : i === 5 ? { ...x, actual: '90%' } : x)),
        }),
        scheme: NATIONAL,
        findings: [{ messageId: 'allExact', path: 'indicators' }],
      },
      {
        // 1300 ÷ 1000 = 130 %, 90 ÷ 70 = 128.57 %, 95 ÷ 90 = 105.56 %: two of three ≥ 120 %
        name: 'most positive indicators exceed their targets by 20% or more',
        evaluation: rows({ 0: { actual: '1300亩' }, 1: { target: '≥70%' } }),
        findings: [{ messageId: 'mostFar', path: 'selfEvaluation.indicators', severity: 'warning' }],
      },
      {
        // 130 %, 126 %, 100 %, 121 %, 120 %, 140 %, and 90 of ≥90 (100 %): five of seven ≥ 120 %
        name: 'the seed targets: five of seven far below the results',
        evaluation: SEED,
        findings: [{ messageId: 'mostFar', path: 'selfEvaluation.indicators' }],
      },
    ],
  });

  it('names the far-exceeded indicators of the seed', () => {
    const [report] = collect(targetSetting, SEED, HUNAN);
    expect(report && interpolate(targetSetting.meta.messages.mostFar, report.data)).toBe(
      '5/7 个正向定量指标超额 20% 以上（摸排化解房地产历史遗留办证、办理不动产登记证、拆违控建、自然资源违法违规案件结案、月清三地两矿工作），目标可能设定偏低',
    );
  });
});

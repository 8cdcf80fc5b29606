/**
 * The three shipped schemes score the same report differently, each as its rules say (figures worked
 * out by hand in the comments).
 */
import { describe, expect, it } from 'vitest';
import seed from '../../../../examples/hengyang-natural-resources-2022.json' with { type: 'json' };
import { HUNAN, LEGACY, NATIONAL } from '../checks/testing/fixtures.ts';
import { format, normalize } from '../decimal.ts';
import { derive } from '../derive/derive.ts';
import { parseEvaluation } from '../model/parse.ts';

const show = (d: { units: number; scale: number }) => format(normalize(d), normalize(d).scale, false);
const evaluation = parseEvaluation(seed);

describe('the seed under each scheme', () => {
  it('Hunan county 2022: 10 + 48 + 30 + 10 = 98, 优秀', () => {
    const d = derive(evaluation, HUNAN);
    expect(show(d.total.computed)).toBe('98');
    expect(d.grade.name).toBe('优秀');
    expect(d.groups.map((g) => [g.name, show(g.score)])).toEqual([['预算执行率', '10'], ['产出指标', '48'], ['效益指标', '30'], ['满意度指标', '10']]);
  });

  it('national 2020: the same 98, named 优', () => {
    const d = derive(evaluation, NATIONAL);
    expect(show(d.total.computed)).toBe('98');
    expect(d.grade.name).toBe('优');
  });

  it('legacy 2013 framework: 投入 5 + 过程 30 + 产出 33.6 + 效果 25 = 93.6, 优秀', () => {
    const d = derive(evaluation, LEGACY);
    // 在职人员控制率 645 / 716 = 90.08 % ≤ 100 → 5; 三公经费变动率 (51.63 − 31.86) / 31.86 = 62.05 % → 5 − 31.03 → 0
    // 预算完成率 100 % → 10; 结转结余率 0 → 6; 公用经费控制率 1,008.64 / 1,008.64 = 100 % → 6; 三公控制率 51.63 / 73.63 = 70.12 % → 8
    // 产出 48 / 50 × 35 = 33.6; 效果 (30 + 10) / 40 × 25 = 25
    expect(d.groups.map((g) => [g.name, show(g.score)])).toEqual([['投入', '5'], ['过程', '30'], ['产出', '33.6'], ['效果', '25']]);
    const computed = d.groups.flatMap((g) => g.computed.map((c) => [c.name, c.value ? show(c.value) : null, show(c.score)]));
    expect(computed).toEqual([
      ['在职人员控制率', '90.08', '5'],
      ['“三公经费”变动率', '62.05', '0'],
      ['预算完成率', '100', '10'],
      ['结转结余率', '0', '6'],
      ['公用经费控制率', '100', '6'],
      ['“三公经费”控制率', '70.12', '8'],
    ]);
    expect(show(d.total.computed)).toBe('93.6');
    expect(d.grade.name).toBe('优秀');
  });
});

describe('a partially met report under each scheme', () => {
  // One 反向 indicator: target ≤ 100, actual 150, 10 points.
  const report = parseEvaluation({
    kind: 'project',
    year: 2023,
    project: { name: '测试项目' },
    funds: { total: { budget: '200.00', actual: '190.00', points: '10', score: '9.5' } },
    indicators: [
      { level1: '产出指标', level2: '成本指标', name: '单位成本', target: '≤100元', actual: '150元', points: '50', score: '25' },
      { level1: '效益指标', level2: '社会效益指标', name: '效益', target: '≥10个', actual: '13个', points: '30', score: '30' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '95%', points: '10', score: '10' },
    ],
  });

  it('scores 反向 by t/a × w in Hunan (33.33) and linearly nationally (25), and grades by each scheme', () => {
    const hunan = derive(report, HUNAN);
    const national = derive(report, NATIONAL);
    // Hunan: 100 / 150 × 50 = 33.333… → 33.33; total 9.5 + 33.33 + 30 + 10 = 82.83 → 良好
    expect(show(hunan.indicators[0]?.expected ?? { units: 0, scale: 0 })).toBe('33.33');
    expect(show(hunan.total.computed)).toBe('82.83');
    expect(hunan.grade.name).toBe('良好');
    // National: (1 − (150 − 100) / 100) × 50 = 25; total 9.5 + 25 + 30 + 10 = 74.5 → 中
    expect(show(national.indicators[0]?.expected ?? { units: 0, scale: 0 })).toBe('25');
    expect(show(national.total.computed)).toBe('74.5');
    expect(national.grade.name).toBe('中');
    // Over-achievement: 13 / 10 = 130 % reaches the national trigger (1.3) and the Hunan one (1.2).
    expect(national.indicators[1]?.isOverAchieved).toBe(true);
    expect(hunan.indicators[1]?.isOverAchieved).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { GROUP_SENTENCE } from '../write/wording.ts';
import { projectExecutionIn, readStatement } from './statements.ts';

describe('the unit’s statements of 六（二）', () => {
  it.each([
    ['⒈部门资金情况总分10分，得分9.67分。年度资金总额8,642.30万元，全年执行8,356.48万元，执行率为96.69%。', null,
      { scope: { funds: true, level1: [], level2: null }, points: '10', score: '9.67', amount: '8,642.30', executionRate: '96.69%' }],
    ['⒉产出及效益指标总分为80分，得分77分，主要情况如下：', null, { scope: { funds: false, level1: ['产出指标', '效益指标'], level2: null }, points: '80', score: '77' }],
    ['效益指标总分30分，得分30分。', null, { scope: { funds: false, level1: ['效益指标'], level2: null }, points: '30', score: '30' }],
    ['一是数量5个均完成指标值。分别是：①甲年度指标10个楼盘，实际完成13个楼盘；②乙800本；③丙。', '产出指标',
      { scope: { funds: false, level1: ['产出指标'], level2: '数量指标' }, indicatorCount: '5', deductedCount: '0', listedItems: ['甲年度指标10个楼盘，实际完成13个楼盘', '乙800本', '丙'] }],
    ['一是数量指标4个，3个完成指标值，1个有扣分。', '产出指标', { scope: { funds: false, level1: ['产出指标'], level2: '数量指标' }, indicatorCount: '4', deductedCount: '1' }],
    ['可持续影响指标1个有扣分：管护机制部分达成，18个乡镇中尚有5个未建立管护台账。', null,
      { scope: { funds: false, level1: ['效益指标'], level2: '可持续影响指标' }, indicatorCount: '1', deductedCount: '1' }],
    ['（2）质量指标两个均有扣分', '产出指标', { scope: { funds: false, level1: ['产出指标'], level2: '质量指标' }, indicatorCount: '2', deductedCount: '2' }],
  ])('%s', (text, level1Above, expected) => {
    expect(readStatement(text, level1Above)).toEqual({ ...expected, text });
  });

  it.each([
    // not a known group, or no count right after the name
    '全年共立案查处各类自然资源违法违规案件64件，结案60件。',
    '我单位工作公众满意度≥90%。',
    '经济效益',
    '项目总分为100分，得分95分。',
    '18个乡镇中已有13个建立管护台账。',
  ])('not a statement: %s', (text) => {
    expect(readStatement(text, '产出指标')).toBeNull();
  });

  it('the sentence the writer makes where the unit wrote none is not read as the unit’s statement', () => {
    const made = GROUP_SENTENCE.fill({ number: '1', group: '数量指标', count: '2', summary: '其中1个得满分，1个有扣分', items: '①甲，年度指标值2个；②乙' });
    expect(made).toBe('（1）数量指标2个，其中1个得满分，1个有扣分：①甲，年度指标值2个；②乙。');
    expect(readStatement(made, '产出指标')).toBeNull();
  });

  it('reads the narrative’s project execution figures as written', () => {
    expect(projectExecutionIn('2022年度本局项目预算11,853.56万元，实际支出9,970.25万元，盈余11,853.56万元，执行率84.11%。'))
      .toEqual({ budget: '11,853.56', actual: '9,970.25', surplus: '11,853.56', executionRate: '84.11%' });
    expect(projectExecutionIn('项目预算100万元。')).toBeNull();
  });
});

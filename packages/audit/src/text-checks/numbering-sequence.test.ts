import { describe, expect, it } from 'vitest';
import { runOn } from '../facts/testing.ts';
import { markerText, numberingSequence, toChinese } from './numbering-sequence.ts';

const run = (text: string) => runOn(numberingSequence, text).map((f) => [f.location.line, f.message.match(/缺少|重复|颠倒/u)?.[0]]);

describe('numbering-sequence', () => {
  it.each([
    ['a clean outline', '一、概况\n（一）机构\n（二）人员\n1.在职\n2.退休\n二、支出\n（一）基本支出\n（二）项目支出'],
    ['a list that starts again at 1 (部门职责 under 一、)', '一、部门基本情况\n（一）机构设置：内设20个机构。\n部门职责：\n（一）承担保护责任。\n（二）承担规范责任。\n二、支出'],
    ['inline ①…⑥ then ①② in the next item (seed)', '一是数量5个。分别是：①甲；②乙；③丙；④丁；⑤戊；⑥己。\n二是质量指标2个。分别是：①甲。②乙。\n三是时效。\n四是成本。'],
    ['an excerpt starting in the middle', '（三）三公经费\n（四）结转结余'],
    ['说明：1. … 2. after a table', '\t表格\n\t9\n说明：1.分值设定100分。\n2.综合评价等级分为优秀。\n3.三级指标按需增减。'],
    ['a table ends the lists', '1.甲\n\t单元格\n\t格\n1.乙'],
    ['numbers that are not markers', '增长1.5%，完成2.3万元，第1批。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['a skipped level-two number', '四、绩效情况\n（一）结论\n（二）产出\n（四）效益', [[4, '缺少']]],
    ['a repeated circled number', '存在问题：①前期准备不足。②目标不细。②其他问题。', [[1, '重复']]],
    ['a repeated 一、', '一、概况\n二、支出\n二、绩效', [[3, '重复']]],
    ['numbers out of order', '（一）甲\n（三）丙\n（二）乙', [[2, '缺少'], [3, '颠倒']]],
    ['一是…三是', '一是加强培训；三是强化考核。', [[1, '缺少']]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('writes markers in their own style', () => {
    expect([toChinese(3), toChinese(10), toChinese(18), toChinese(21)]).toEqual(['三', '十', '十八', '二十一']);
    expect(['cnComma', 'cnParen', 'arabic', 'arabicDotted', 'arabicParen', 'circled', 'cnIs'].map((s) => markerText(s as never, 3))).toEqual(['三、', '（三）', '3.', '⒊', '⑶', '③', '三是']);
  });
});

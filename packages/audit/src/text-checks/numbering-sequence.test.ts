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
    ['column numbers in formulas', '年初预算① 年中调整② 小计 支出实现率(%)⑤=④/③ 结余⑥=③-④\n③=①+②\n④ = ①+② +③\n⑧=④*⑦'],
    ['each cell of a | row has its own list', '1.建设村庄;2.整治村庄;3.改厕。 | 1.启动示范村;2.整治村庄202个。 | ||\n| (10) | 明确性 | 5 |\n| (特性指标70分) | (20) | 完成数量 | 5 |'],
    ['a file name repeated on every page of a preview', '自评表(4).docx\n第1页 / 共15页\n自评表(4).docx_第2页\n第2页 / 共15页\n《自评表(4).docx》由会员分享'],
    ['a number alone on its line, its caption on the next', '1.机构设置\n内设股室7个。\n2.\n人员编制\n3.职责职能\n    1.\n贯彻执行方针政策。\n2.负责指导工作。'],
    ['a mirror\'s 1、2、3、 around the report\'s own 1. 2.', '1、项目概况。做法1.高位推动。\n2、、取水口760立方米。\n3、领导负总责。2.规划引领抓脱贫。'],
    ['a missing number written where the scan cannot take it (figures run together before it)', '1、单位财务管理制度 1 分; 财务制度 3 3 2、项目管理制度 1 分; 3、有制度执行佐证'],
    ['a form\'s options run together', '項目類別1、上級專項 2、本級專項 項目屬性1、持續性項目 2、新增性項目'],
    ['1. 2、 3. in one list', '1.项目单位基本情况\n中共某市委党校始建于1964年。\n2、项目实施依据\n根据通知安排经费。\n3.项目经费基本性质'],
    ['1. after a blank in lines a PDF ran together', '一、项目基本情况 (一)项目概况 1.项目立项情况 安排资金。 2.项目执行情况 完成。 (二)项目绩效目标 1.年度总体目标 提升能力。 2. 总体目标完成情况 完成。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['a skipped level-two number', '四、绩效情况\n（一）结论\n（二）产出\n（四）效益', [[4, '缺少']]],
    ['a repeated circled number', '存在问题：①前期准备不足。②目标不细。②其他问题。', [[1, '重复']]],
    ['a repeated 一、', '一、概况\n二、支出\n二、绩效', [[3, '重复']]],
    ['numbers out of order', '（一）甲\n（三）丙\n（二）乙', [[2, '缺少'], [3, '颠倒']]],
    ['一是…三是', '一是加强培训；三是强化考核。', [[1, '缺少']]],
    ['a skip inside one cell of a | row', '1.建设村庄;3.改厕。 | 完成 |', [[1, '缺少']]],
    ['a skip after a number alone on its line', '1.机构设置\n2.\n人员编制\n4.职责职能', [[4, '缺少']]],
    ['a skip with the missing number only inside a figure', '1、甲；乙12、丙；3、丁。', [[1, '缺少']]],
    ['a skip in 1、 then 1. alike', '1、甲\n2.乙\n4、丁', [[3, '缺少']]],
    ['a circled list beside a formula elsewhere', '①甲；③乙。\n⑤=④/③', [[1, '缺少']]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('writes markers in their own style', () => {
    expect([toChinese(3), toChinese(10), toChinese(18), toChinese(21)]).toEqual(['三', '十', '十八', '二十一']);
    expect(['cnComma', 'cnParen', 'arabic', 'arabicDotted', 'arabicParen', 'circled', 'cnIs'].map((s) => markerText(s as never, 3))).toEqual(['三、', '（三）', '3.', '⒊', '⑶', '③', '三是']);
  });
});

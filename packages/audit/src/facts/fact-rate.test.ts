import { describe, expect, it } from 'vitest';
import { factRate } from './fact-rate.ts';
import { runOn } from './testing.ts';

const run = (text: string) => runOn(factRate, text).map((f) => [f.location.line, f.stated, f.expected]);

describe('fact-rate', () => {
  it.each([
    ['结案率 = 结案 / 立案 (seed)', '全年共立案查处各类自然资源违法违规案件64件，结案60件，结案率93.75%，行政处罚罚没款464.6万元。'],
    ['执行率 = 实际 / 预算 (seed)', '项目预算11,853.56万元，实际支出9,970.25万元，盈余11,853.56万元，执行率84.11%。'],
    ['a rate written with fewer decimals', '预算100万元，实际支出84.6万元，执行率85%。'],
    ['a rate with only one figure beside it', '年度资金金额17,485.15万元，执行率为100%。'],
    ['the figures before an earlier rate are that rate\'s', '中央资金完成636.75万元，预算执行率81.97%，省级资金完成288.26万元，预算执行率99.28%。'],
    ['a bound, not a measured rate', '发放问卷100份，收回90份，满意度≥90%。'],
    ['a rate the sentence does not give the terms of', '发放问卷1,200份，收回1,150份，满意度96.50%。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['执行率 against 预算 and 实际支出', '项目预算100.00万元，实际支出80.00万元，执行率85.00%。', [[1, 85, 80]]],
    ['结案率 against 立案 and 结案', '立案查处案件64件，结案60件，结案率95.00%。', [[1, 95, 93.75]]],
    ['完成率 against 计划 and 实际完成', '教师培训计划1,800人次，实际完成1,926人次，完成率105.00%。', [[1, 105, 107]]],
    ['到位率 against 应到位 and 实际到位', '森林防火补助应到位68万元，实际到位21万元，到位率32.88%。', [[1, 32.88, 30.88]]],
    ['a rate named by its numerator in its ；-segment', '管理高血压患者48,600人，其中规范管理33,534人，规范管理率68.00%；管理糖尿病患者15,200人，其中规范管理10,184人，规范管理率67.00%。', [[1, 68, 69]]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

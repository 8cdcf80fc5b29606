import { describe, expect, it } from 'vitest';
import { sentenceRate } from './sentence-rate.ts';
import { readRelations } from './testing.ts';

describe('sentenceRate', () => {
  it.each([
    ['the pair that gives the rate', ['立案64件，结案60件，结案率93.75%。'], ['rate? 93.75% 60件 64件']],
    ['the pair the rate names, when none gives it', ['预算100万元，实际支出80万元，执行率85%。'], ['rate 85% 80万元 100万元']],
    ['A占B的N%', ['项目支出16,185.22万元，占支出总计18,502.07万元的87.48%。'], ['rate 87.48% 16,185.22万元 18,502.07万元']],
    ['完成目标任务N人的100%', ['全年培训120人，完成目标任务120人的100%。'], ['rate 100% 120人 120人']],
    ['the figures before an earlier rate are not this one\'s terms', ['中央资金完成636.75万元，预算执行率81.97%，省级资金完成288.26万元，预算执行率99.28%。'], []],
    ['a growth rate is not a rate of its terms', ['支出100万元，比上年增长10%。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceRate, ...lines)).toEqual(expected);
  });
});

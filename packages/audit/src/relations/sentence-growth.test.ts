import { describe, expect, it } from 'vitest';
import { sentenceGrowth } from './sentence-growth.ts';
import { readRelations } from './testing.ts';

describe('sentenceGrowth', () => {
  it.each([
    // this year and last year named by their years, the change after them
    ['我县2021年县本级预算安排衔接资金7700万元，2020年县本级专项扶贫资金7650万元，比去年增加50万元。', ['difference? 50万元 7700万元 7650万元']],
    // last year first, named 上年
    ['上年公用经费支出20万元，本年公用经费支出18万元，比上年减少2万元。', ['difference? 2万元 20万元 18万元']],
    ['2022年培训经费支出120万元，2021年培训经费支出100万元，比上年增长20%。', ['growth? 20% 120万元 100万元']],
    // negative cases: no last year named, three amounts, the change alone
    ['预算安排7700万元，实际支出7650万元，比年初增加50万元。', []],
    ['2022年支出10万元、20万元，2021年支出25万元，比上年增加5万元。', []],
    ['公务接待费比上年增加1.5万元。', []],
  ] as const)('%s', (text, expected) => {
    expect(readRelations(sentenceGrowth, text)).toEqual(expected);
  });
});

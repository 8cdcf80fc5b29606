import { describe, expect, it } from 'vitest';
import { frequentYear, majorityYear, yearMentions } from './sentence-year.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

describe('yearMentions', () => {
  it.each([
    ['衡阳县自然资源局2022年度部门整体支出绩效自评报告', [[2022, true]]],
    ['（2022年度）', [[2022, true]]],
    ['2022年1月起至2022年12月止', [[2022, false], [2022, false]]],
    ['2022年，我局共支出1211.89万元', [[2022, false]]],
    ['2022年共支出1211.89万元。', [[2022, false]]],
    ['根据《关于开展2023年市级财政资金绩效自评工作的通知》（茂财绩函〔2023〕2号）', []],
    ['截至2022年12月31日，已支付', []],
    ['2021年受疫情影响严重，比上年减少', []],
    ['同时争取2023年计划项目1个', []],
    ['2019-2022年连续三年', []],
    ['（二）2023年起全面推行绩效目标与预算同步编报。', []],
  ] as const)('%s', (text, expected) => {
    expect(yearMentions(lines(text)).map((m) => [m.year, m.title])).toEqual(expected);
  });
});

describe('frequentYear', () => {
  it('is the year the text names most, clearly', () => {
    expect(frequentYear(lines('2023年度绩效自评报告', '2022年，我局收到资金。', '2022年支出10万元。', '2022年完成。'))).toBe(2022);
    expect(frequentYear(lines('2022年', '2022年', '2021年', '2021年'))).toBeNull();
    expect(frequentYear(lines('《2022年资金管理办法》', '《2022年资金管理办法》', '《2022年资金管理办法》'))).toBeNull();
  });
});

describe('majorityYear', () => {
  it('needs a clear majority of at least two', () => {
    const m = (...years: number[]) => years.map((year, i) => ({ year, line: i, written: `${year}年`, excerpt: '', title: true }));
    expect(majorityYear(m(2022, 2022, 2023))).toBe(2022);
    expect(majorityYear(m(2022, 2023))).toBeNull();
    expect(majorityYear(m(2022))).toBeNull();
  });
});

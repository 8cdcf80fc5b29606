import { describe, expect, it } from 'vitest';
import { factDifference } from './fact-difference.ts';
import { runOn } from './testing.ts';

const run = (text: string) => runOn(factDifference, text).map((f) => [f.location.line, f.stated, f.expected]);

describe('fact-difference', () => {
  it.each([
    ['结余 = 预算 − 实际', '项目预算12,700.00万元，实际支出12,295.70万元，结余404.30万元。'],
    ['结余 with the budget in the sentence before', '全年预算数3,088.00万元。全年执行数2,995.36万元，结余92.64万元。'],
    ['比上年减少 = 上年 − 本年', '公务接待费实际支出6.20万元，上年支出7.40万元，比上年减少1.20万元。'],
    ['比上年增加 without last year stated', '公务接待费实际使用40.11万元，比上年度增加15.18万元。'],
    ['a percentage change', '三公经费支出15.82万元，比上年减少3.06万元，下降16.21%。上年三公经费支出18.88万元。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['盈余 written as the budget (seed)', '项目预算11,853.56万元，实际支出9,970.25万元，盈余11,853.56万元，执行率84.11%。', [[1, 11853.56, 1883.31]]],
    ['比上年减少 miscomputed', '公务接待费实际支出6.20万元，上年支出7.40万元，比上年减少2.20万元。', [[1, 2.2, 1.2]]],
    // the figure that belongs in place of the stated one, in the stated's own direction: 增加 −4.64
    ['比上年增加 when it went down', '上年项目支出3,000.00万元，本年项目支出2,995.36万元，比上年增加4.64万元。', [[1, 4.64, -4.64]]],
    ['比上年增加 miscomputed, with thousands', '上年项目支出1,000.00万元，本年项目支出2,995.36万元，比上年增加1,985.36万元。', [[1, 1985.36, 1995.36]]],
    ['a percentage change miscomputed', '三公经费支出15.82万元，比上年减少3.06万元，下降17.21%。上年三公经费支出18.88万元。', [[1, 17.21, 16.21]]],
    ['增长 when it went down', '三公经费支出15.82万元，增长16.21%。上年三公经费支出18.88万元。', [[1, 16.21, -16.21]]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('states and expects numbers, never worded text (the JSON contract of check --format json)', () => {
    const texts = [
      '公务接待费实际支出6.20万元，上年支出7.40万元，比上年减少2.20万元。',
      '三公经费支出15.82万元，比上年减少3.06万元，下降17.21%。上年三公经费支出18.88万元。',
      '项目预算12,700.00万元，实际支出12,295.70万元，结余1,404.30万元。',
    ];
    for (const f of texts.flatMap((t) => runOn(factDifference, t))) {
      expect(typeof f.stated).toBe('number');
      expect(typeof f.expected).toBe('number');
    }
  });
});

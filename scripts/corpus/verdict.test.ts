import { describe, expect, it } from 'vitest';
import type { Figure, Relation } from './schema.ts';
import { explain, verdictOf } from './verdict.ts';

const f = (text: string, more: Partial<Figure> = {}): Figure => ({ text, line: 1, ...more });
const base = { id: 'r1', note: '测试', verdict: 'holds' as const };
const check = (r: Relation, year = 2022): string => verdictOf(r, year);

describe('verdicts recomputed with exact decimals at the written precision', () => {
  it.each<[string, Relation, string]>([
    ['sum exact', { ...base, kind: 'sum', total: f('792.22'), parts: [f('434.89'), f('77.4'), f('279.93')] }, 'holds'],
    ['sum within rounding (each part ±0.005)', { ...base, kind: 'sum', total: f('100.01'), parts: [f('33.33'), f('33.33'), f('33.33')] }, 'holds'],
    ['sum at the rounding boundary: 0.02 off with 4 half-cents of slack', { ...base, kind: 'sum', total: f('100.01'), parts: [f('33.33'), f('33.33'), f('33.33')] }, 'holds'],
    ['sum just beyond the boundary', { ...base, kind: 'sum', total: f('100.02'), parts: [f('33.33'), f('33.33'), f('33.33')] }, 'violated'],
    ['sum with exact parts: no slack', { ...base, kind: 'sum', total: f('21', { exact: true }), parts: [f('10', { exact: true }), f('12', { exact: true })] }, 'violated'],
    ['sum with thousands separators', { ...base, kind: 'sum', total: f('17,485.15'), parts: [f('17,000.00'), f('485.15')] }, 'holds'],
    ['score-sum', { ...base, kind: 'score-sum', total: f('90'), parts: [f('20'), f('50'), f('30')] }, 'violated'],
    ['rate rounded: 2113.63 ÷ 2179 = 97.0000…%, written 97', { ...base, kind: 'rate', rate: f('97'), numerator: f('2113.63'), denominator: f('2179') }, 'holds'],
    ['rate rounded: 59.58 for 171/287', { ...base, kind: 'rate', rate: f('59.58'), numerator: f('171'), denominator: f('287') }, 'holds'],
    ['rate: 60 for 171/287 at whole percent (59.58 → 60)', { ...base, kind: 'rate', rate: f('60'), numerator: f('171'), denominator: f('287') }, 'holds'],
    ['rate: 60.00 for 171/287', { ...base, kind: 'rate', rate: f('60.00'), numerator: f('171', { exact: true }), denominator: f('287', { exact: true }) }, 'violated'],
    ['rate: 0 for 1.8/1.8', { ...base, kind: 'rate', rate: f('0'), numerator: f('1.8'), denominator: f('1.8') }, 'violated'],
    ['rate truncated: 99.99 for 99.996…%', { ...base, kind: 'rate', rate: f('99.99'), numerator: f('99996', { exact: true }), denominator: f('100000', { exact: true }), rounding: 'truncate' }, 'holds'],
    ['rate rounded: 99.99 for exactly 99.996%', { ...base, kind: 'rate', rate: f('99.99'), numerator: f('99996', { exact: true }), denominator: f('100000', { exact: true }) }, 'violated'],
    ['rate truncated: the top of the interval is excluded (100.00 is not 99.99)', { ...base, kind: 'rate', rate: f('99.99'), numerator: f('1', { exact: true }), denominator: f('1', { exact: true }), rounding: 'truncate' }, 'violated'],
    ['rate rounded: exactly half way (84.105) belongs to 84.11', { ...base, kind: 'rate', rate: f('84.11'), numerator: f('84105', { exact: true }), denominator: f('100000', { exact: true }) }, 'holds'],
    ['rate with a zero denominator', { ...base, kind: 'rate', rate: f('100'), numerator: f('5'), denominator: f('0') }, 'violated'],
    ['growth: 792.22 on 602.97 is 31.39%', { ...base, kind: 'growth', rate: f('31.39'), current: f('792.22'), previous: f('602.97') }, 'holds'],
    ['growth written as a decrease', { ...base, kind: 'growth', rate: f('20'), current: f('80'), previous: f('100'), direction: 'decrease' }, 'holds'],
    ['growth with the wrong direction', { ...base, kind: 'growth', rate: f('20'), current: f('80'), previous: f('100') }, 'violated'],
    ['difference 7700 − 7650 = 50', { ...base, kind: 'difference', result: f('50'), minuend: f('7700'), subtrahend: f('7650') }, 'holds'],
    ['difference 189.25 for 792.22 − 602.96', { ...base, kind: 'difference', result: f('189.25'), minuend: f('792.22'), subtrahend: f('602.96') }, 'holds'],
    ['difference off by 0.03', { ...base, kind: 'difference', result: f('189.29'), minuend: f('792.22'), subtrahend: f('602.96') }, 'violated'],
    ['product: 10 × 59.58% = 5.96', { ...base, kind: 'product', result: f('5.96'), factors: [f('10'), f('59.58', { percent: true })] }, 'holds'],
    ['product: 10 × 59.58% is not 6.00', { ...base, kind: 'product', result: f('6.00'), factors: [f('10', { exact: true }), f('59.58', { percent: true })] }, 'violated'],
    ['product capped by its own factor: 10 × 105% capped at 10', { ...base, kind: 'product', result: f('10'), factors: [f('10'), f('105', { percent: true })], cap: f('10') }, 'holds'],
    ['product without the cap: 10 × 105% is 10.5', { ...base, kind: 'product', result: f('10.0'), factors: [f('10', { exact: true }), f('105', { percent: true })] }, 'violated'],
    ['product capped by another figure', { ...base, kind: 'product', result: f('20'), factors: [f('30'), f('1')], cap: f('20', { line: 2 }) }, 'holds'],
    ['cap: 10 ≤ 10', { ...base, kind: 'cap', score: f('10'), points: f('10') }, 'holds'],
    ['cap: 10.5 > 10 beyond rounding', { ...base, kind: 'cap', score: f('10.5', { exact: true }), points: f('10', { exact: true }) }, 'violated'],
    ['cap: 102.964 over 100', { ...base, kind: 'cap', score: f('102.964'), points: f('100', { exact: true }) }, 'violated'],
    ['count: 3 items', { ...base, kind: 'count', count: f('3'), items: ['甲', '乙', '丙'], itemLines: [2] }, 'holds'],
    ['count: 十二 written, 11 listed', { ...base, kind: 'count', count: f('十二'), items: Array.from({ length: 11 }, (_, i) => String(i)), itemLines: [2] }, 'violated'],
    ['equal within rounding', { ...base, kind: 'equal', a: f('16.2'), b: f('16.20') }, 'holds'],
    ['equal: 105 and 104 meet at 104.5 (the boundary is inside both)', { ...base, kind: 'equal', a: f('105'), b: f('104') }, 'holds'],
    ['equal: 105 and 103', { ...base, kind: 'equal', a: f('105'), b: f('103') }, 'violated'],
    ['equal: 105 and 104 when one is exact', { ...base, kind: 'equal', a: f('105', { exact: true }), b: f('104') }, 'violated'],
    ['unit: 1,234,500 元 = 123.45 万元', { ...base, kind: 'unit', a: f('1,234,500'), b: f('123.45') }, 'holds'],
    ['unit: 1,234,600 元 ≠ 123.45 万元 (the 万元 figure stands for ±50 元)', { ...base, kind: 'unit', a: f('1,234,600'), b: f('123.45') }, 'violated'],
    ['year', { ...base, kind: 'year', year: f('2022') }, 'holds'],
    ['year one off', { ...base, kind: 'year', year: f('2021') }, 'violated'],
    ['year in Chinese', { ...base, kind: 'year', year: f('二〇二二') }, 'holds'],
  ])('%s → %s', (_name, r, verdict) => {
    expect(check(r)).toBe(verdict);
  });

  const bands = [{ grade: '优', min: '90' }, { grade: '良', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }];
  it.each<[string, string, string, string]>([
    ['90', '优', 'holds', 'the lower bound is inclusive'],
    ['89.99', '良', 'holds', 'just below 90'],
    ['89.99', '优', 'violated', 'just below 90 is not 优'],
    ['89.5', '优', 'violated', '89.5 stands for 89.45–89.55, below 90'],
    ['90', '良', 'holds', '90 written as an integer may stand for 89.5'],
    ['100', '良', 'violated', 'far from the band'],
    ['59', '差', 'holds', 'the last band reaches 0'],
    ['80', '中', 'holds', '80 rounded stands for 79.5–80.5, and 79.5 is 中'],
    ['80.0', '中', 'holds', '80.0 stands for 79.95–80.05, and 79.95 is still 中'],
  ])('grade: %s is %s → %s (%s)', (score, grade, verdict) => {
    const r: Relation = { ...base, kind: 'grade', score: f(score), grade: { text: grade, line: 1 }, bands, bandsSource: '测试' };
    expect(check(r)).toBe(verdict);
  });

  it('grade: an exact 80 is 良, never 中', () => {
    const r: Relation = { ...base, kind: 'grade', score: f('80', { exact: true }), grade: { text: '中', line: 1 }, bands, bandsSource: '测试' };
    expect(check(r)).toBe('violated');
    expect(check({ ...r, grade: { text: '良', line: 1 } })).toBe('holds');
  });

  it('explains a recomputation for messages', () => {
    expect(explain({ ...base, kind: 'sum', total: f('10'), parts: [f('3', { exact: true }), f('4', { exact: true })] }, 2022)).toBe('9.5…10.5 对 7（中值 7）');
  });
});

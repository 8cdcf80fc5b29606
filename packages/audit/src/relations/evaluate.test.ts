import { dec } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { evaluateRelation } from './evaluate.ts';
import { fig } from './testing.ts';
import type { Relation, Verdict } from './types.ts';

const base = { source: 'test', confidence: 'certain' } as const;
const rows: readonly [string, Relation, Verdict][] = [
  ['sum within rounding', { ...base, kind: 'sum', total: fig('100.00'), parts: [fig('33.33'), fig('33.33'), fig('33.33')] }, 'holds'],
  ['sum 0.015 off at 2 decimals (the half units of four figures allow 0.02)', { ...base, kind: 'sum', total: fig('100.00'), parts: [fig('33.33'), fig('33.33'), fig('33.32')] }, 'holds'],
  ['sum beyond rounding', { ...base, kind: 'sum', total: fig('100.00'), parts: [fig('33.33'), fig('33.33'), fig('33.30')] }, 'violated'],
  ['a coarse total (1.2亿 = 12000 ± 500)', { ...base, kind: 'sum', total: fig('12000', 1, { tolerance: dec(500) }), parts: [fig('11,800.00')] }, 'holds'],
  ['partial 其中 short of the total', { ...base, kind: 'sum', partial: true, total: fig('100'), parts: [fig('30'), fig('40')] }, 'holds'],
  ['partial 其中 over the total, no subset meets it', { ...base, kind: 'sum', partial: true, total: fig('100'), parts: [fig('70'), fig('40')] }, 'violated'],
  ['partial 其中 over the total, one part is the total', { ...base, kind: 'sum', partial: true, total: fig('100'), parts: [fig('100'), fig('40')] }, 'holds'],
  ['score-sum is exact: 48 + 30 is not 79', { ...base, kind: 'score-sum', total: fig('79'), parts: [fig('48'), fig('30')] }, 'violated'],
  ['rate rounded', { ...base, kind: 'rate', rate: fig('93.75%'), numerator: fig('60', 1, { exact: true }), denominator: fig('64', 1, { exact: true }) }, 'holds'],
  ['rate wrong', { ...base, kind: 'rate', rate: fig('85%'), numerator: fig('80'), denominator: fig('100') }, 'violated'],
  ['rate truncated: 92.9 for 92.99', { ...base, kind: 'rate', rate: fig('92.9%', 1, { truncated: true }), numerator: fig('1847.85'), denominator: fig('1987.08') }, 'holds'],
  ['rate rounded: 92.9 for 92.99 is wrong', { ...base, kind: 'rate', rate: fig('92.9%'), numerator: fig('1847.85'), denominator: fig('1987.08') }, 'violated'],
  ['rate ‰', { ...base, kind: 'rate', rate: fig('5‰'), numerator: fig('5', 1, { exact: true }), denominator: fig('1000', 1, { exact: true }), factor: 1000 }, 'holds'],
  ['rate over a zero denominator', { ...base, kind: 'rate', rate: fig('50%'), numerator: fig('5'), denominator: fig('0') }, 'not-evaluable'],
  ['growth', { ...base, kind: 'growth', rate: fig('10%'), current: fig('110'), previous: fig('100') }, 'holds'],
  ['decline', { ...base, kind: 'growth', rate: fig('10%'), current: fig('90'), previous: fig('100'), decrease: true }, 'holds'],
  ['decline written as growth', { ...base, kind: 'growth', rate: fig('10%'), current: fig('90'), previous: fig('100') }, 'violated'],
  ['difference', { ...base, kind: 'difference', result: fig('20.00'), minuend: fig('100.00'), subtrahend: fig('80.00') }, 'holds'],
  ['difference wrong', { ...base, kind: 'difference', result: fig('21.00'), minuend: fig('100.00'), subtrahend: fig('80.00') }, 'violated'],
  ['product: 10 × 97.80% = 9.78', { ...base, kind: 'product', result: fig('9.78'), factors: [fig('10', 1, { exact: true }), { ...fig('97.80%'), percent: true }] }, 'holds'],
  ['product: 10 × 97.80% is not 9', { ...base, kind: 'product', result: fig('9', 1, { exact: true }), factors: [fig('10', 1, { exact: true }), { ...fig('97.80%'), percent: true }] }, 'violated'],
  ['product capped by its own factor: 10 × 105% → 10', (() => { const p = fig('10', 1, { exact: true }); return { ...base, kind: 'product', result: fig('10', 2, { exact: true }), factors: [p, { ...fig('105%'), percent: true }], cap: p } as Relation; })(), 'holds'],
  ['product over its cap', (() => { const p = fig('10', 1, { exact: true }); return { ...base, kind: 'product', result: fig('10.5', 2), factors: [p, { ...fig('105%'), percent: true }], cap: p } as Relation; })(), 'violated'],
  ['cap holds at the points', { ...base, kind: 'cap', score: fig('10'), points: fig('10') }, 'holds'],
  ['cap: 10.5 over 10', { ...base, kind: 'cap', score: fig('10.5'), points: fig('10') }, 'violated'],
  ['grade in its band', { ...base, kind: 'grade', score: fig('90'), grade: { text: '优秀', line: 1 }, bands: [{ grade: '优秀', min: dec(90) }, { grade: '良好', min: dec(80) }] }, 'holds'],
  ['a rounded score 90 may be 89.6: 良好 holds', { ...base, kind: 'grade', score: fig('90'), grade: { text: '良好', line: 1 }, bands: [{ grade: '优秀', min: dec(90) }, { grade: '良好', min: dec(80) }] }, 'holds'],
  ['grade out of its band (the upper end is open)', { ...base, kind: 'grade', score: fig('90', 1, { exact: true }), grade: { text: '良好', line: 1 }, bands: [{ grade: '优秀', min: dec(90) }, { grade: '良好', min: dec(80) }] }, 'violated'],
  ['count', { ...base, kind: 'count', count: fig('3个'), items: ['甲', '乙', '丙'] }, 'holds'],
  ['count wrong', { ...base, kind: 'count', count: fig('4个'), items: ['甲', '乙', '丙'] }, 'violated'],
  ['equal within rounding', { ...base, kind: 'equal', a: fig('12.3'), b: fig('12.30') }, 'holds'],
  ['equal wrong', { ...base, kind: 'equal', a: fig('12.3'), b: fig('12.40') }, 'violated'],
  ['unit', { ...base, kind: 'unit', a: fig('2026400元'), b: fig('202.64万元') }, 'holds'],
  ['unit wrong', { ...base, kind: 'unit', a: fig('2026400元'), b: fig('202.46万元') }, 'violated'],
  ['year', { ...base, kind: 'year', year: fig('2022年'), evaluatedYear: 2022 }, 'holds'],
  ['year wrong', { ...base, kind: 'year', year: fig('2023年'), evaluatedYear: 2022 }, 'violated'],
];

describe('evaluateRelation', () => {
  it.each(rows)('%s', (_name, relation, verdict) => {
    expect(evaluateRelation(relation)).toBe(verdict);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add, cmp, fromNumber, iDiv, iMul, iSub, meet, parseChineseNumeral, parseDecimal, parseWritten, point, q, rounded, show, truncated,
} from './exact.ts';

describe('exact rationals', () => {
  it('0.1 + 0.2 is exactly 0.3', () => {
    expect(show(add(parseDecimal('0.1'), parseDecimal('0.2')))).toBe('0.3');
    expect(cmp(add(parseDecimal('0.1'), parseDecimal('0.2')), parseDecimal('0.3'))).toBe(0);
  });

  it('a JSON number is the decimal it prints as', () => {
    expect(fromNumber(15.18)).toEqual(q(1518, 100));
    expect(fromNumber(-0.5)).toEqual(q(-1, 2));
    expect(fromNumber(1e21)).toEqual(q(10n ** 21n));
    expect(fromNumber(1e-7)).toEqual(q(1, 10_000_000));
  });

  it('show rounds half away from zero', () => {
    expect(show(q(1, 3), 2)).toBe('0.33');
    expect(show(q(5, 1000), 2)).toBe('0.01');
    expect(show(q(-5, 1000), 2)).toBe('-0.01');
    expect(show(q(2), 2)).toBe('2');
  });

  it('adding is commutative and subtracting undoes it (property)', () => {
    const rat = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n })).map(([n, d]) => q(n, d));
    fc.assert(fc.property(rat, rat, (a, b) => cmp(add(a, b), add(b, a)) === 0 && cmp(iSub(point(add(a, b)), point(b)).lo, a) === 0));
  });
});

describe('written figures', () => {
  it.each([
    ['17,485.15', '17485.15', 2],
    ['１２３．４', '123.4', 1],
    ['１，２３４', '1234', 0],
    ['-3.50', '-3.5', 2],
    ['0', '0', 0],
    ['十二', '12', 0],
    ['二十', '20', 0],
    ['一百零五', '105', 0],
    ['二〇二二', '2022', 0],
    ['两', '2', 0],
  ])('%s is %s with %i decimals', (text, value, decimals) => {
    const w = parseWritten(text);
    expect(show(w.value)).toBe(value);
    expect(w.decimals).toBe(decimals);
  });

  it.each(['1,23', '12,3456', '1.2.3', '', '12%', 'abc'])('「%s」 is no written figure', (text) => {
    expect(() => parseWritten(text)).toThrow();
  });

  it('Chinese numerals', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('三十五')).toBe(35);
  });
});

describe('intervals', () => {
  it('a rounded figure stands for v ± ½·10⁻ᵈ, the ends included', () => {
    const i = rounded(parseWritten('84.11'));
    expect([show(i.lo, 4), show(i.hi, 4)]).toEqual(['84.105', '84.115']);
    expect(meet(i, point(parseDecimal('84.115')))).toBe(true);
    expect(meet(i, point(parseDecimal('84.1151')))).toBe(false);
  });

  it('a truncated figure stands for [v, v + 10⁻ᵈ), the top excluded', () => {
    const i = truncated(parseWritten('97'));
    expect(meet(i, point(parseDecimal('97.999')))).toBe(true);
    expect(meet(i, point(parseDecimal('98')))).toBe(false);
    expect(meet(i, point(parseDecimal('96.9999')))).toBe(false);
  });

  it('products and quotients of intervals', () => {
    const a = { lo: q(2), hi: q(3) };
    const b = { lo: q(-1), hi: q(4) };
    expect(iMul(a, b)).toMatchObject({ lo: q(-3), hi: q(12) });
    expect(iDiv(a, b)).toBeNull();
    expect(iDiv(a, { lo: q(1), hi: q(2) })).toMatchObject({ lo: q(1), hi: q(3) });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, parseDec } from './decimal.ts';

/** parseDec as it is specified: full-width units to ASCII, blanks dropped, then exactly one number. */
function specifiedParseDec(input: string): { units: number; scale: number } | null {
  const text = input.replace(/[０-９．，－＋％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000\u00a0]/gu, '');
  const match = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = fraction.slice(0, 8);
  const units = Number(whole.replace(/,/gu, '') + digits);
  if (!Number.isSafeInteger(units)) return null;
  return { units: sign === '-' ? -units : units, scale: digits.length };
}

describe('parseDec', () => {
  it('reads written numbers', () => {
    expect(parseDec('17,485.15')).toEqual(dec(1748515, 2));
    expect(parseDec(' １２３．４ ')).toEqual(dec(1234, 1));
    expect(parseDec('-0.50')).toEqual(dec(-50, 2));
    expect(parseDec('1,23')).toBeNull();
    expect(parseDec('')).toBeNull();
  });

  it('reads plain ASCII text (its fast path) exactly as the specification does any text', () => {
    const units = fc.constantFrom(...'0123456789.,+-', ' ', '\u3000', '\u00a0', '\ufeff', '\t', '１', '．', '，', '－', '％', 'e', '万');
    const text = fc.oneof(
      fc.array(units, { maxLength: 14 }).map((cs) => cs.join('')),
      fc.array(fc.constantFrom(...'0123456789.,+-'), { maxLength: 22 }).map((cs) => cs.join('')),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(parseDec(s)).toEqual(specifiedParseDec(s));
      }),
      { numRuns: 5000 },
    );
  });
});

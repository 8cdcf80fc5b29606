import { describe, expect, it } from 'vitest';
import { isBlankUnit } from './chars.ts';

describe('chars', () => {
  it('isBlankUnit is \\s over every UTF-16 unit, and NaN (past the text) is not blank', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isBlankUnit(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
    expect(isBlankUnit(Number.NaN)).toBe(false);
    expect(isBlankUnit('\u3000'.charCodeAt(0)) && isBlankUnit(0xa0)).toBe(true);
  });
});

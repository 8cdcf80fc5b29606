import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLANK, COMPARE_DROPPED, buildBlocks, halfWidth, isHeadingText, normalizeForCompare } from './text.ts';

describe('native trims', () => {
  it('String#trim drops exactly the units the regular expressions call blank (\\s, U+3000, U+00A0)', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (BLANK.test(ch) !== (ch.trim() === '') || BLANK.test(ch) !== (`a${ch}`.trimEnd() === 'a') || BLANK.test(ch) !== (`${ch}a`.trimStart() === 'a')) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('a heading: short, no clause punctuation, no figure after its marker', () => {
    expect(isHeadingText('\u3000一、基本情况：')).toBe(true);
    expect(isHeadingText('（二）部门预算执行情况。 ')).toBe(true);
    expect(isHeadingText('1、一般公共预算收入16,030.63万元')).toBe(false);
    expect(isHeadingText('本局认真开展自评工作，完成了各项任务')).toBe(false);
    expect(isHeadingText('。')).toBe(false);
    expect(isHeadingText(' \u3000')).toBe(false);
    expect(isHeadingText('甲'.repeat(26))).toBe(true);
    expect(isHeadingText(`${'甲'.repeat(26)}：`)).toBe(true);
    expect(isHeadingText('甲'.repeat(27))).toBe(false);
  });
});

describe('normalizeForCompare', () => {
  it('drops exactly the characters of its regular expression', () => {
    const re = /[\s\u3000\u00a0，,。．.；;：:、！？!?“”"‘’'（）()《》〈〉「」『』【】\-—–…·]/u;
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if ((COMPARE_DROPPED[c] === 1) !== re.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });

  it('keeps words, drops the list marker, blanks and punctuation', () => {
    expect(normalizeForCompare('一、 我们（测试）,完成了 “任务”。')).toBe('我们测试完成了任务');
    expect(normalizeForCompare('１２．５％')).toBe('125%');
    expect(normalizeForCompare('，')).toBe('');
  });
});

describe('halfWidth', () => {
  it('= the replace of every full-width digit, point and percent', () => {
    const units = fc.constantFrom(...'０１９．％，－＋ｆ１2.%甲\uff04\uff1a'.split(''));
    fc.assert(
      fc.property(fc.array(units, { maxLength: 20 }).map((cs) => cs.join('')), (text) => {
        expect(halfWidth(text)).toBe(text.replace(/[０-９．％]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
      }),
      { numRuns: 500 },
    );
    for (let c = 0xff00; c <= 0xff20; c++) {
      const ch = String.fromCharCode(c);
      expect(halfWidth(ch)).toBe(ch.replace(/[０-９．％]/gu, (f) => String.fromCharCode(f.charCodeAt(0) - 0xfee0)));
    }
  });
});

describe('buildBlocks', () => {
  it('keeps the source line of every offset of a joined paragraph, the indent and trailing blanks dropped', () => {
    const [block] = buildBlocks([
      { line: 3, text: '\u3000\u3000本局认真开展自评，' },
      { line: 4, text: ' 按照要求，逐项' },
      { line: 5, text: '完成了全部任务，效果良好。  ' },
    ]);
    expect(block?.text).toBe('本局认真开展自评，按照要求，逐项完成了全部任务，效果良好。');
    expect(block?.lineAt).toEqual([...Array<number>(9).fill(3), ...Array<number>(7).fill(4), ...Array<number>(13).fill(5)]);
  });
});


import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INLINE_STYLES, type Marker, MarkerStyle, allInlineMarkers, inlineMarkers, lineMarker, markerAt } from './markers.ts';
import { chineseNumber } from './text.ts';

/** The patterns tried in turn at every offset, as `markerAt` did before it looked at the first unit. */
function markerAtByCascade(text: string, offset: number): Marker | null {
  const c = text.charCodeAt(offset);
  if (c >= 0x2460 && c <= 0x2473) return { style: 'circled', n: c - 0x245f, start: offset, length: 1, text: text[offset] ?? '' };
  if (c >= 0x2474 && c <= 0x2487) return { style: 'arabicParen', n: c - 0x2473, start: offset, length: 1, text: text[offset] ?? '' };
  if (c >= 0x2488 && c <= 0x249b) return { style: 'arabicDotted', n: c - 0x2487, start: offset, length: 1, text: text[offset] ?? '' };
  const cascade: [MarkerStyle, RegExp, boolean][] = [
    ['cnParen', /[（(]([一二三四五六七八九十]{1,3})[)）]/uy, true],
    ['arabicParen', /[（(](\d{1,2})[)）]/uy, false],
    ['cnIs', /([一二三四五六七八九十]{1,3})是/uy, true],
    ['cnComma', /([一二三四五六七八九十]{1,3})[、]/uy, true],
    ['arabic', /(\d{1,2})(?:[.．](?![\d])|、)(?=[\s\u3000\u3400-\u9fff“"《（(【])/uy, false],
  ];
  for (const [style, re, chinese] of cascade) {
    re.lastIndex = offset;
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const n = chinese ? chineseNumber(m[1]) : Number(m[1]);
    if (n !== null) return { style, n, start: offset, length: m[0].length, text: m[0] };
  }
  return null;
}

describe('markers', () => {
  it.each([
    ['①', 'circled', 1],
    ['⑵', 'arabicParen', 2],
    ['⒊', 'arabicDotted', 3],
    ['（十二）', 'cnParen', 12],
    ['(3)', 'arabicParen', 3],
    ['三是', 'cnIs', 3],
    ['四、', 'cnComma', 4],
    ['5.甲', 'arabic', 5],
  ])('reads %s', (text, style, n) => {
    expect(markerAt(text, 0)).toMatchObject({ style, n, start: 0 });
  });

  it('is not a marker: a decimal, a number of things, plain text', () => {
    expect(markerAt('1.5万元', 0)).toBeNull();
    expect(markerAt('12个', 0)).toBeNull();
    expect(markerAt('甲', 0)).toBeNull();
    expect(lineMarker('说明：1.分值')).toMatchObject({ style: 'arabic', n: 1, start: 3 });
  });

  it('inline markers: 一是 after a boundary only, (1) not after a digit', () => {
    expect(inlineMarkers('统一是关键；二是培训', 'cnIs').map((m) => m.n)).toEqual([2]);
    expect(inlineMarkers('甲⑴乙(2)丙3(4)', 'arabicParen').map((m) => m.n)).toEqual([1, 2]);
  });

  it('all inline styles in one scan = each style scanned on its own, merged by position', () => {
    const alphabet = fc.constantFrom(...'①②③⑴⑵⒈⒉(（)）一二三十是、.，；12甲 '.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')), fc.nat(5), (text, from) => {
        const each = [...INLINE_STYLES].flatMap((s) => inlineMarkers(text, s, from)).sort((a, b) => a.start - b.start);
        expect(allInlineMarkers(text, from)).toEqual(each);
      }),
      { numRuns: 500 },
    );
  });

  it('markerAt = the patterns tried in turn; a scan for some styles = markerAt filtered by style', () => {
    const alphabet = fc.constantFrom(...'①⑳⑴⒇⒈⒛(（)）一二三四十两是、.．，。；0129甲“ \u3000'.split(''));
    const styles = fc.subarray(Object.values(MarkerStyle));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), styles, (text, wanted) => {
        for (let i = 0; i <= text.length; i++) expect(markerAt(text, i)).toEqual(markerAtByCascade(text, i));
        const set = new Set(wanted);
        const each = wanted.flatMap((s) => inlineMarkers(text, s)).sort((a, b) => a.start - b.start);
        expect(allInlineMarkers(text, 0, set)).toEqual(each);
      }),
      { numRuns: 1000 },
    );
  });
});


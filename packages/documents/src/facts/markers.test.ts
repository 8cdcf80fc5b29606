import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INLINE_STYLES, allInlineMarkers, inlineMarkers, lineMarker, markerAt } from './markers.ts';

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
});

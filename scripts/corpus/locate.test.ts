import { describe, expect, it } from 'vitest';
import { linesOf, locate, wholeOccurrences } from './locate.ts';

describe('figure locator', () => {
  it.each([
    ['收入12.5万元，支出12万元', '12', [11]],
    ['合计1,234.56，其中234.56', '234.56', [13]],
    ['123 12 312 12.0', '12', [4]],
    ['执行率97%（97.00）', '97', [3]],
    ['1.2022年预算收入2022万元', '2022', [2, 11]],
    ['合计3.45与45', '45', [7]],
    ['共十二个，十个', '十', [5]],
    ['共十二个，十个', '十二', [1]],
    ['１２３．４和１２３', '１２３', [6]],
    ['完成12，3个未完成', '12', [2]],
  ])('「%s」: 「%s」 at %j', (line, text, offsets) => {
    expect(wholeOccurrences(line, text)).toEqual(offsets);
  });

  it('the nth occurrence on the line, or a message naming line and figure', () => {
    const lines = linesOf('标题\r\n本年12万元，上年12万元\n');
    expect(locate(lines, { text: '12', line: 2, nth: 1 })).toEqual({ line: 2, offset: 9, length: 2 });
    expect(locate(lines, { text: '12', line: 2, nth: 2 })).toMatch(/第 2 行的「12」只有 2 处/u);
    expect(locate(lines, { text: '13', line: 2 })).toMatch(/第 2 行没有独立的数字「13」/u);
    expect(locate(lines, { text: '13', line: 9 })).toMatch(/第 9 行不存在/u);
  });
});

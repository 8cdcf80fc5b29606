import { describe, expect, it } from 'vitest';
import { COMPARE_DROPPED, normalizeForCompare } from './text.ts';

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

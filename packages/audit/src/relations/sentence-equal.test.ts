import { describe, expect, it } from 'vitest';
import { sentenceEqual } from './sentence-equal.ts';
import { readRelations } from './testing.ts';

describe('sentenceEqual', () => {
  it.each([
    ['one quantity in two sentences', ['公务接待费预算5.20万元。', '全年公务接待费预算5.20万元，实际支出3.10万元。'], ['equal? 5.20万元 5.20万元']],
    ['two quantities in one sentence are different things', ['甲村资金10万元，乙村资金12万元。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceEqual, ...lines)).toEqual(expected);
  });
});

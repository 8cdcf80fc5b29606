import { describe, expect, it } from 'vitest';
import { sentenceEqual } from './sentence-equal.ts';
import { judgeRelations } from './index.ts';
import { readRelations, textDocument } from './testing.ts';

describe('sentenceEqual', () => {
  it.each([
    ['one quantity in two sentences', ['公务接待费预算5.20万元。', '全年公务接待费预算5.20万元，实际支出3.10万元。'], ['equal? 5.20万元 5.20万元']],
    ['two quantities in one sentence are different things', ['甲村资金10万元，乙村资金12万元。'], []],
    ['one label of two documents', ['一、资金', '根据〔2023〕10号文件，下达中央水利发展资金2263万元。', '根据〔2023〕19号文件，下达中央水利发展资金791万元。'], []],
    ['one label of two projects', ['一、项目情况', '1、甲村农田道路建设项目，下达财政专项扶贫资金197万元。', '2、乙村旅游市场建设项目，下达财政专项扶贫资金108万元。'], []],
    ['one label of one document restated', ['一、资金', '根据〔2023〕10号文件，下达中央水利发展资金2263万元。', '根据〔2023〕10号文件，下达中央水利发展资金2236万元。'], ['equal? 2263万元 2236万元']],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceEqual, ...lines)).toEqual(expected);
  });
});

describe('sentenceEqual blames', () => {
  it('the number the document writes less often', () => {
    const doc = textDocument('一、资金', '下达中央水利发展资金2236万元。', '下达中央水利发展资金2263万元，已全部到位。', '| 中央水利发展资金 | 2263 | 2263 |');
    const relations = sentenceEqual.extract({ doc, evaluation: null, scheme: null, year: null });
    expect(judgeRelations(relations)).toMatchObject([{ check: 'relation-equal', severity: 'warning', stated: 2236, expected: 2263, location: { line: 2 } }]);
  });
});

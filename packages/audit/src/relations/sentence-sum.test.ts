import { describe, expect, it } from 'vitest';
import { sentenceSum } from './sentence-sum.ts';
import { readRelations } from './testing.ts';

describe('sentenceSum', () => {
  it.each([
    ['a 其中 list of most of the total: a likely complete breakdown', ['2022年度支出总计18,502.07万元，其中：基本支出2,316.85万元，项目支出16,185.22万元。'], ['sum? 18,502.07万元 2,316.85万元 16,185.22万元']],
    ['a 其中 list with 其他: certain', ['收入预算17,485.15万元，其中财政拨款16,030.63万元，其他收入1,454.52万元。'], ['sum 17,485.15万元 16,030.63万元 1,454.52万元']],
    ['a 其中 list far short of the total: a selection', ['支出总计1,000万元，其中：培训费30万元，会议费40万元。'], ['sum?(partial) 1,000万元 30万元 40万元']],
    ['parts before their 共计', ['分配甲区24.6万元，乙县56.5万元，丙县74.1万元，共计155.2万元。'], ['sum? 155.2万元 24.6万元 56.5万元 74.1万元']],
    ['levels are no parts', ['该项目共编制指标15个，其中一级指标3个，二级指标6个，三级指标6个。'], []],
    ['rates are no parts', ['支出总计1,000万元，其中：基本支出占12.52%，项目支出占87.48%。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceSum, ...lines)).toEqual(expected);
  });
});

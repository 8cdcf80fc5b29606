import { describe, expect, it } from 'vitest';
import { sentenceSum } from './sentence-sum.ts';
import { readRelations } from './testing.ts';

describe('sentenceSum', () => {
  it.each([
    ['a 其中 list of most of the total: a likely complete breakdown', ['2022年度支出总计18,502.07万元，其中：基本支出2,316.85万元，项目支出16,185.22万元。'], ['sum? 18,502.07万元 2,316.85万元 16,185.22万元']],
    ['a 其中 list with 其他: certain', ['收入预算17,485.15万元，其中财政拨款16,030.63万元，其他收入1,454.52万元。'], ['sum 17,485.15万元 16,030.63万元 1,454.52万元']],
    ['a 其中 list far short of the total: a selection', ['支出总计1,000万元，其中：培训费30万元，会议费40万元。'], ['sum?(partial) 1,000万元 30万元 40万元']],
    ['parts before their 共计', ['分配甲区24.6万元，乙县56.5万元，丙县74.1万元，共计155.2万元。'], ['sum? 155.2万元 24.6万元 56.5万元 74.1万元']],
    ['a total closing its sentence, the parts opening the next', ['2、支出：799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元，项目支出286.83万元。'], ['sum? 799.12万元 434.89万元 77.4万元 286.83万元']],
    ['the next sentence after a clause that goes on is no breakdown', ['支出799.12万元，保障了正常运转。其中：人员经费支出434.89万元。'], []],
    ['parts in brackets opened with 其中', ['共下达补助资金246.2万元（其中：中央补助资金226.7万元，省级补助资金19.5万元）。'], ['sum? 246.2万元 226.7万元 19.5万元']],
    ['two parts in brackets', ['年末实有人数41人（行政编制20人，事业编制21人）。'], ['sum? 41人 20人 21人']],
    ['one figure in brackets is another measure', ['机关现有干部职工128人（编制169人）。'], []],
    ['brackets naming a selection', ['项目支出500万元（含培训费100万元，会议费50万元）。'], ['sum?(partial) 500万元 100万元 50万元']],
    ['parts before 共计 after a standard in 元', ['每村补助4400元，分配至甲县93万元，乙县52万元，共计145万元。'], ['sum? 145万元 93万元 52万元']],
    ['a 共计 restating the total closes the 其中 list (and is a total of its own)', ['项目批复总投资61.8万元。其中：下达中央财政资金30.9万元，县财政资金30.9万元，共计下达61.8万元。'], ['sum? 61.8万元 30.9万元 30.9万元', 'sum? 61.8万元 30.9万元 30.9万元']],
    ['the next sentence with a part larger than the total is no breakdown', ['本级在职人数41人。其中行政编制13人，事业单位55人。'], []],
    ['levels are no parts', ['该项目共编制指标15个，其中一级指标3个，二级指标6个，三级指标6个。'], []],
    ['rates are no parts', ['支出总计1,000万元，其中：基本支出占12.52%，项目支出占87.48%。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceSum, ...lines)).toEqual(expected);
  });
});

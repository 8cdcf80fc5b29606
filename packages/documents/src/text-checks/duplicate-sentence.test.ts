import { describe, expect, it } from 'vitest';
import { runOn } from '../facts/testing.ts';
import { duplicateSentence } from './duplicate-sentence.ts';

const run = (text: string) => runOn(duplicateSentence, text).map((f) => f.location.line);

describe('duplicate-sentence', () => {
  it.each([
    ['different sentences', '加强预算绩效管理，提高资金使用效益。规范资金管理，确保资金安全。'],
    ['short repeated sentences (headings, 无)', '四、国有资本经营预算支出情况\n无。\n五、社会保险基金预算支出情况\n无。'],
    ['repeated text in the attachments (tables and notes repeat the report)', '七、存在的主要问题\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。\n附件1-2\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。'],
    ['a short repeat in another section', '一、情况\n完成了年度目标任务。\n二、问题\n完成了年度目标任务。'],
    ['similar but not equal clauses', '开展了地质灾害调查，编制了防治方案，开展了地质灾害排危除险工作。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['clauses repeated inside one sentence (seed)', '地质灾害防治扎实有效。开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》，开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》。', [1]],
    ['a sentence written twice', '一、情况\n通过发放问卷开展满意度调查，共发放问卷1,200份。\n家长满意度96.50%。通过发放问卷开展满意度调查，共发放问卷1,200份。', [3]],
    ['a long sentence repeated in another section', '一、情况\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。\n二、管理\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。', [4]],
  ])('invalid: %s', (_, text, lines) => {
    expect(run(text)).toEqual(lines);
  });
});

import { describe, expect, it } from 'vitest';
import { factConflict } from './fact-conflict.ts';
import { runOn } from './testing.ts';

const run = (text: string) => runOn(factConflict, text).map((f) => [f.location.line, f.stated, f.expected]);

describe('fact-conflict', () => {
  it.each([
    ['the same value twice', '一、基本情况\n人员经费6,506.26万元。\n基本支出中人员经费6,506.26万元。'],
    ['rounded the same', '一、基本情况\n人员经费6,506.26万元。\n人员经费6,506.3万元。'],
    ['budget and actual of one quantity', '公务接待费预算60.11万元，实际使用40.11万元。'],
    ['unqualified figures in different sections (a 预算 section and an 执行 section)', '一、预算\n人员经费6,000.00万元。\n二、执行\n人员经费6,506.26万元。'],
    ['unqualified figures under different headings (局机关, 下属单位)', '一、支出\n（一）局机关\n人员经费600.00万元。\n（二）下属单位\n人员经费900.00万元。'],
    ['figures of different months', '一、进度\n3月底完成改造20公里。12月底完成改造126公里。'],
    ['累计 is not the year’s figure', '一、进度\n累计完成改造300公里。全年完成改造126公里。'],
    ['another year', '一、情况\n2021年人员经费6,000.00万元。2022年人员经费6,506.26万元。'],
    ['parallel statements in one sentence', '管理高血压患者48,600人，规范管理率69.00%；管理糖尿病患者15,200人，规范管理率67.00%。'],
    ['rates of different things in different sentences', '管理高血压患者48,600人，规范管理率69.00%。管理糖尿病患者15,200人，规范管理率67.00%。'],
    ['a generic rate without a subject', '一、情况\n执行率为100%。\n执行率84.11%。'],
    ['parts of different totals', '一、情况\n基本支出500.00万元，其中人员经费300.00万元。项目支出200.00万元，其中人员经费50.00万元。'],
    ['approximations', '一、情况\n培训约300人次。培训320人次。'],
    // 安徽 怀远县 2021: each item has its own 分值 and 自评 score
    ['the self-assessed scores of an item and of its sub-item', '二、自评情况\n(一)资金保障情况(分值10分),自评10分。\n1、县级预算安排衔接资金情况(分值5分),自评5分。\n2、资金匹配项目进度(分值5分),自评5分。'],
    ['different documents cited', '一、资金\n财政局〔2023〕10号文件下达中央水利发展资金2263万元。其中：中小河流治理工程1435万元。\n财政局〔2023〕19号文件下达衔接资金791万元。其中：中小河流治理工程491万元。'],
    ['different batches', '一、项目\n第一批项目建设道路311520平方米。第二批项目建设道路71634平方米。'],
    ['numbered items naming their own projects', '一、项目情况\n1、甲村农田道路建设项目，2021年下达财政专项扶贫资金197万元，实际已支付186.98万元。\n2、乙村旅游市场建设项目，2021年下达财政专项扶贫资金108万元，实际已支付101.59万元。'],
    ['allocation lists of different funds to the same places', '一、分配\n给予甲市运行维护费34.7万元，乙区16.2万元，丙县31.2万元。\n开展送戏活动，分配至甲市93万元，乙区23万元，丙县52万元。'],
    ['differently worded labels are not matched (silence over guessing)', '一、基本情况\n实有在职人员644人。\n年末实有在职人员645人。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['one quantity, two values in one section', '一、基本情况\n基本支出32,410.50万元。\n基本支出32,140.50万元全部按规定使用。', [[3, 32140.5, 32410.5]]],
    ['one budget, two values across sections', '一、预算\n公务接待费预算60.11万元。\n二、执行\n公务接待费预算62.11万元，实际使用40.11万元。', [[4, 62.11, 60.11]]],
    ['one project restated under its own item', '一、项目情况\n1、甲村农田道路建设项目，下达财政专项扶贫资金197万元。\n项目完工，下达财政专项扶贫资金179万元。', [[3, 179, 197]]],
    ['one document restated', '一、资金\n根据〔2023〕10号文件，下达中央水利发展资金2263万元。\n根据〔2023〕10号文件，下达中央水利发展资金2236万元。', [[3, 2236, 2263]]],
    ['the same staff label stated twice', '一、基本情况\n实有在职人员644人。\n全局实有在职人员645人。', [[3, 645, 644]]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

import { format } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { extractFacts } from './extract.ts';
import { narrativeLines } from './text.ts';
import { documentOf, seedText } from './testing.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
const facts = (text: string, unitName: string | null = null) =>
  extractFacts(lines(text), { unitName }).map((f) => ({
    label: f.label, subject: f.subject, qualifier: f.qualifier ?? null, value: format(f.value), unit: f.unit, kind: f.kind,
  }));

describe('extractFacts: labels', () => {
  it('takes the noun phrase before the figure, without markers, years and the unit name', () => {
    expect(facts('2、一般公共预算基本支出7,514.90万元，其中：人员经费6,506.26万元，公用经费1,008.64万元，三公经费预算73.63万元。')).toEqual([
      { label: '一般公共预算基本支出', subject: '一般公共预算基本支出', qualifier: null, value: '7,514.90', unit: '万元', kind: 'amount' },
      { label: '人员经费', subject: '人员经费', qualifier: null, value: '6,506.26', unit: '万元', kind: 'amount' },
      { label: '公用经费', subject: '公用经费', qualifier: null, value: '1,008.64', unit: '万元', kind: 'amount' },
      { label: '三公经费预算', subject: '三公经费', qualifier: 'budget', value: '73.63', unit: '万元', kind: 'amount' },
    ]);
    expect(facts('衡阳县自然资源局2022年收入预算17,485.15万元', '衡阳县自然资源局')[0]).toMatchObject({ label: '收入预算', subject: '收入', qualifier: 'budget' });
  });

  it('completes generic words with the subject of the clause group', () => {
    const found = facts('公务接待费预算60.11万元，实际使用40.11万元，比上年度增加15.18万元；公务用车运行维护费预算11.52万元，实际使用11.52万元。');
    expect(found.map((f) => [f.label, f.subject, f.qualifier])).toEqual([
      ['公务接待费预算', '公务接待费', 'budget'],
      ['公务接待费实际使用', '公务接待费', 'actual'],
      ['公务接待费比上年度增加', '公务接待费', 'increase'],
      ['公务用车运行维护费预算', '公务用车运行维护费', 'budget'],
      ['公务用车运行维护费实际使用', '公务用车运行维护费', 'actual'],
    ]);
  });

  it('reads points, scores, rates and counts with their subjects', () => {
    expect(facts('⑴产出指标总分为50分，得分48分。').map((f) => [f.label, f.qualifier, f.kind])).toEqual([
      ['产出指标总分', 'points', 'score'],
      ['产出指标得分', 'score', 'score'],
    ]);
    expect(facts('(一)资金保障情况(分值10分),自评10分。').map((f) => [f.label, f.qualifier, f.kind])).toEqual([
      ['分值', 'points', 'score'],
      ['自评', 'score', 'score'],
    ]);
    expect(facts('共立案查处案件64件，结案60件，结案率93.75%')[2]).toMatchObject({ label: '结案率', kind: 'rate', value: '93.75' });
    expect(facts('项目预算11,853.56万元，实际支出9,970.25万元，盈余11,853.56万元，执行率84.11%').map((f) => [f.label, f.qualifier])).toEqual([
      ['项目预算', 'budget'], ['项目实际支出', 'actual'], ['项目盈余', 'balance'], ['项目执行率', null],
    ]);
    expect(facts('一是数量5个均完成指标值。')[0]).toMatchObject({ label: '数量', value: '5', unit: '个', kind: 'count' });
    expect(facts('内设20个机构，4个群团组织').map((f) => f.label)).toEqual(['内设', '群团组织']);
  });

  it('skips a bracketed note between the name and the figure', () => {
    expect(facts('公用经费（一般商品服务支出）1,008.64万元')[0]).toMatchObject({ label: '公用经费', value: '1,008.64' });
  });

  it('does not call a programme named …计划 a target when it is money', () => {
    expect(facts('营养改善计划1,974.30万元，教师培训计划1,800人次')).toMatchObject([
      { label: '营养改善计划', qualifier: null },
      { subject: '教师培训', qualifier: 'target' },
    ]);
  });

  it('gives every fact its line and an excerpt of its clause', () => {
    const found = extractFacts(lines('第一行\n实有在职人员644人，其中：行政人员29人'));
    expect(found.map((f) => [f.line, f.excerpt.includes(f.written)])).toEqual([[2, true], [2, true]]);
  });
});

describe('extractFacts on the seed narrative', () => {
  const all = extractFacts(narrativeLines(documentOf(seedText())), { unitName: '衡阳县自然资源局' });
  const labelled = (label: string) => all.filter((f) => f.label === label).map((f) => format(f.value));

  it('finds the figures a reviewer reads', () => {
    expect(labelled('人员经费')).toEqual(['6,506.26', '6,506.26']);
    expect(labelled('实有在职人员')).toEqual(['644']);
    expect(labelled('公务接待费预算')).toEqual(['60.11']);
    expect(labelled('结案率')).toEqual(['93.75']);
    expect(labelled('产出及效益指标得分')).toEqual(['77']);
    expect(labelled('数量')).toEqual(['5']);
  });

  it('takes no figure from the tables, years, dates or list markers', () => {
    expect(all.some((f) => f.line > 130 && f.line < 520)).toBe(false);
    expect(all.every((f) => !(f.value.units >= 2019 && f.value.units <= 2023 && f.unit === ''))).toBe(true);
    expect(all.filter((f) => f.unit === '万本').map((f) => format(f.value))).toEqual(['6.45']);
  });
});

import { parseEvaluation } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halfWidth } from '../facts/text.ts';
import { runOn } from '../facts/testing.ts';
import { HAS_YEAR, yearMismatch } from './year-mismatch.ts';

const model = (year: number) => parseEvaluation({ kind: 'department', year, unit: { name: '某县教育局' } });
const run = (text: string, year: number | null = 2022) =>
  runOn(yearMismatch, text, year === null ? null : model(year)).map((f) => [f.location.line, f.stated ?? null]);

describe('year-mismatch', () => {
  it.each([
    ['the evaluated year', '根据《关于开展2022年度财政支出绩效自评工作的通知》，我局对2022年预算支出绩效情况进行了评价。\n（2022年度）\n填报时间：2023年2月20日'],
    ['plans and history', '2021年增减挂钩项目资金3,200.00万元。县级国土空间总体规划于2023年6月底前全面完成。计划到2025年新增学位3,000个。'],
    ['a reference to an earlier evaluation', '对2021年度绩效评价中发现的问题进行了整改。'],
    ['a date in the next year', '2023年3月10日'],
    ['no year known and none stated twice', '2019年度部门整体支出绩效自评报告', null],
    ['a fund named by the year it was allocated, as the project\'s name', '某区2021年中央化肥减量增效示范县项目补助资金绩效自评\n2022年度项目支出绩效自评表\n项目名称 | 某区2021年中央化肥减量增效示范县项目补助资金 | ||'],
    ['a file name with the evaluated year', '《某局2022年度部门整体绩效自评表.docx》由会员分享\n某局2022年度部门整体绩效自评表'],
  ] as const)('valid: %s', (_, text, year: number | null = 2022) => {
    expect(run(text, year)).toEqual([]);
  });

  it.each([
    ['the report naming another year', '2019年度部门整体支出绩效自评得分94分。', 2022, [[1, 2019]]],
    ['a table year', '部门整体支出绩效自评表\n（2021年度）', 2022, [[2, 2021]]],
    ['a report date two years off', '青石县教育局\n2021年2月28日', 2022, [[2, 2021]]],
    ['work done in a year that has not come', '截至2025年底已全面完成改造任务。', 2022, [[1, 2025]]],
    ['two years the report gives itself (no model)', '2022年度基本公共卫生服务项目支出绩效自评报告\n（2021年度）', null, [[2, null]]],
    ['another year than the project\'s name says, where the name has none', '2021年度项目支出绩效自评\n项目名称 | 化肥减量增效示范县项目 | ||', 2022, [[1, 2021]]],
  ])('invalid: %s', (_, text, year, expected) => {
    expect(run(text, year)).toEqual(expected);
  });

  it('a table headed with another year than the file name written in the text: the heading, as a warning', () => {
    const text = '《某局2022年度部门整体绩效自评表.docx》由会员分享,更多相关《某局2022年度部门整体绩效自评表.docx(2页)》\n1、某局2023年度部门整体绩效自评表主管部门某局自评总分97.93';
    const findings = runOn(yearMismatch, text, model(2023));
    expect(findings.map((f) => [f.location.line, f.stated, f.expected, f.severity])).toEqual([[2, 2023, 2022, 'warning']]);
    expect(findings[0]?.message).toContain('文件名');
  });
});

describe('year-mismatch: which text is scanned', () => {
  it('finds a year in the text as written exactly when /(?:19|20)\\d{2}/u finds one in its half-width copy', () => {
    const unit = fc.constantFrom('1', '2', '9', '0', '5', '１', '２', '９', '０', '５', '．', '％', '年', ' ', 'a', '٢');
    fc.assert(
      fc.property(fc.oneof(fc.array(unit, { maxLength: 10 }).map((units) => units.join('')), fc.string({ maxLength: 10 })), (text) => {
        expect(HAS_YEAR.test(text)).toBe(/(?:19|20)\d{2}/u.test(halfWidth(text)));
      }),
      { numRuns: 5000 },
    );
  });
});

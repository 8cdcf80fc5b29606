/**
 * The dashboard as a workbook (exceljs): one sheet per figure, scores and rates as numbers with two
 * decimals (the stored numeric text converted once, for the cell only).
 * @module
 */
import { checkName } from '@jixiao/core';
import ExcelJS from 'exceljs';
import type { Dashboard, RankingRow } from './dashboard.ts';

/** A ranking row as the workbook shows it (names, not ids or codes). */
export type ExportRow = Omit<RankingRow, 'id' | 'unitId' | 'kind' | 'status'>;

/** A stored numeric (text) as a cell value; the text stays exact in the database, the cell shows 2 decimals. */
const cell = (value: string | null): number | null => (value === null ? null : Number(value));

function sheet(book: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number; numFmt?: string }[], data: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(data);
  return ws;
}

export async function dashboardWorkbook(d: Dashboard, ranking: readonly ExportRow[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  const where = d.region?.name ?? '全部地区';
  sheet(book, '汇总', [{ header: '项目', key: 'k', width: 28 }, { header: '数值', key: 'v', width: 24 }], [
    { k: '地区', v: where },
    { k: '年度', v: d.year },
    { k: '单位数', v: d.totals.units },
    { k: '自评份数', v: d.totals.evaluations },
    { k: '平均得分（计算）', v: cell(d.totals.averageScore) },
    { k: '平均预算执行率（%）', v: cell(d.totals.averageExecutionRate) },
    { k: '有错误的自评', v: d.totals.withErrors },
    { k: `执行率低于 ${d.execution.threshold}% 却得满分`, v: d.execution.flagged },
  ]);
  sheet(book, '状态', [{ header: '状态', key: 'name', width: 12 }, { header: '份数', key: 'count', width: 10 }], d.statuses.map((x) => ({ ...x })));
  sheet(book, '等级', [{ header: '等级（计算）', key: 'grade', width: 14 }, { header: '份数', key: 'count', width: 10 }], d.grades.map((x) => ({ ...x })));
  sheet(book, '分数分布', [{ header: '得分区间', key: 'range', width: 14 }, { header: '份数', key: 'count', width: 10 }],
    d.histogram.map((h) => ({ range: `${h.from}–${h.to === 100 ? '100' : `<${h.to}`}`, count: h.count })));
  sheet(book, '审核规则', [
    { header: '规则', key: 'check', width: 28 }, { header: '说明', key: 'name', width: 60 }, { header: '问题数', key: 'findings', width: 10 }, { header: '涉及自评', key: 'evaluations', width: 10 },
  ], d.topChecks.map((x) => ({ ...x, check: checkName(x.check) })));
  sheet(book, '自评与计算差距', [
    { header: '单位', key: 'unitName', width: 30 }, { header: '项目', key: 'projectName', width: 36 }, { header: '类型', key: 'kindName', width: 22 },
    { header: '自评总分', key: 'statedScore', width: 10, numFmt: '0.00' }, { header: '计算总分', key: 'computedTotal', width: 10, numFmt: '0.00' }, { header: '差距', key: 'gap', width: 10, numFmt: '0.00' },
  ], d.gaps.map((g) => ({ ...g, statedScore: cell(g.statedScore), computedTotal: cell(g.computedTotal), gap: cell(g.gap) })));
  sheet(book, '排名', [
    { header: '名次', key: 'rank', width: 6 }, { header: '地区', key: 'regionName', width: 22 }, { header: '单位', key: 'unitName', width: 30 }, { header: '类型', key: 'kindName', width: 22 },
    { header: '项目', key: 'projectName', width: 36 }, { header: '状态', key: 'statusName', width: 8 }, { header: '计算总分', key: 'computedTotal', width: 10, numFmt: '0.00' },
    { header: '等级', key: 'computedGrade', width: 8 }, { header: '自评总分', key: 'statedScore', width: 10, numFmt: '0.00' }, { header: '复核得分', key: 'reviewScore', width: 10, numFmt: '0.00' },
    { header: '预算执行率（%）', key: 'executionRate', width: 14, numFmt: '0.00' }, { header: '错误', key: 'errorCount', width: 6 }, { header: '警告', key: 'warningCount', width: 6 },
  ], ranking.map((x) => ({ ...x, computedTotal: cell(x.computedTotal), statedScore: cell(x.statedScore), reviewScore: cell(x.reviewScore), executionRate: cell(x.executionRate) })));
  sheet(book, '逐年对比', [
    { header: '年度', key: 'year', width: 8 }, { header: '自评份数', key: 'evaluations', width: 10 }, { header: '平均得分', key: 'averageScore', width: 10, numFmt: '0.00' },
    { header: '平均执行率（%）', key: 'averageExecutionRate', width: 14, numFmt: '0.00' }, { header: '有错误的', key: 'withErrors', width: 10 }, { header: '90 分以上', key: 'excellent', width: 10 },
  ], d.years.map((y) => ({ ...y, averageScore: cell(y.averageScore), averageExecutionRate: cell(y.averageExecutionRate) })));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BatchDetail } from '../batch/commands.ts';
import { batchWorkbook } from '../batch/xlsx.ts';
import type { Dashboard } from './dashboard.ts';
import { dashboardWorkbook } from './dashboard-xlsx.ts';

const ID = /\b[a-z]+(?:-[a-z]+)+\b/u; // a check id such as fact-vs-table

async function sheetText(data: Uint8Array, name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  const ws = book.getWorksheet(name);
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('\n');
}

describe('exports name checks in Chinese, never by id', () => {
  it('the batch workbook', async () => {
    const batch = {
      items: [],
      byCheck: [{ check: 'fact-vs-table', name: '正文所写的数据应与附表中的同一数据一致', severity: 'error', findings: 2, files: 1 }, { check: 'sign-off', name: '附表须签字', severity: 'warning', findings: 1, files: 1 }],
    } as unknown as BatchDetail;
    const files = [{ fileName: '衡阳.txt', findings: [{ check: 'fact-vs-table', category: 'consistency', severity: 'error', message: '不一致', path: 'basicData', stated: null, expected: null, line: 3, excerpt: null }] }] as never;
    const data = await batchWorkbook(batch, files, new Map([['fact-vs-table', '正文所写的数据应与附表一致']]));
    const byCheck = await sheetText(data, '按规则');
    expect(byCheck).toContain('正文与附表数据不一致');
    expect(byCheck).toContain('签字落款缺失');
    expect(byCheck).not.toMatch(ID);
    const list = await sheetText(data, '问题清单');
    expect(list).toContain('正文与附表数据不一致');
    expect(list).not.toMatch(ID);
  });

  it('the dashboard workbook', async () => {
    const d = {
      year: 2023, availableYears: [], region: null, totals: { units: 1, evaluations: 1, averageScore: null, averageExecutionRate: null, withErrors: 0 },
      statuses: [], grades: [], histogram: [], execution: { threshold: 60, flagged: 0, total: 0, points: [] },
      topChecks: [{ check: 'sum-mismatch', name: '合计数应等于各组成部分之和', findings: 3, evaluations: 2 }], gaps: [], ranking: null, years: [],
    } as Dashboard;
    const text = await sheetText(await dashboardWorkbook(d, []), '审核规则');
    expect(text).toContain('合计与分项之和不符');
    expect(text).not.toMatch(ID);
  });
});

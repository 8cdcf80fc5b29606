/**
 * A batch's results as a workbook (exceljs): 汇总 (one row per file), 问题清单 (one row per finding),
 * 按规则 (counts by check).
 * @module
 */
import { checkName, SEVERITY_NAMES, type Severity } from '@jixiao/core';
import ExcelJS from 'exceljs';
import type { StoredFinding } from '../storage/schema.ts';
import type { BatchDetail, ItemStatus } from './commands.ts';

const ITEM_STATUS_NAMES: Record<ItemStatus, string> = { queued: '排队中', running: '审核中', done: '已完成', failed: '失败' };
const KIND_NAMES: Record<string, string> = { department: '部门整体支出', project: '项目支出' };
const severityName = (s: string) => SEVERITY_NAMES[s as Severity] ?? s;

function sheet(book: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[], data: Record<string, unknown>[]) {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(data);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

export async function batchWorkbook(
  batch: BatchDetail,
  files: readonly { readonly fileName: string; readonly findings: readonly StoredFinding[] }[],
  checkNames: ReadonlyMap<string, string>,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'jixiao';
  sheet(book, '汇总', [
    { header: '序号', key: 'seq', width: 6 }, { header: '文件', key: 'fileName', width: 48 }, { header: '状态', key: 'status', width: 8 },
    { header: '类型', key: 'kind', width: 16 }, { header: '单位', key: 'unitName', width: 30 },
    { header: '错误', key: 'error', width: 6 }, { header: '警告', key: 'warning', width: 6 }, { header: '提示', key: 'info', width: 6 },
    { header: '失败原因', key: 'failure', width: 60 },
  ], batch.items.map((i) => ({
    seq: i.seq, fileName: i.fileName, status: ITEM_STATUS_NAMES[i.status] ?? i.status, kind: i.kind ? KIND_NAMES[i.kind] : i.status === 'done' ? '未识别出自评表（仅审核正文）' : '', unitName: i.unitName ?? '',
    ...(i.status === 'done' ? i.counts : {}), failure: i.error?.message ?? '',
  })));
  sheet(book, '问题清单', [
    { header: '文件', key: 'fileName', width: 40 }, { header: '行', key: 'line', width: 6 }, { header: '规则', key: 'check', width: 24 },
    { header: '规则说明', key: 'checkName', width: 36 }, { header: '严重程度', key: 'severity', width: 8 }, { header: '问题', key: 'message', width: 80 },
    { header: '所填', key: 'stated', width: 14 }, { header: '应为', key: 'expected', width: 14 }, { header: '原文', key: 'excerpt', width: 50 },
  ], files.flatMap((file) => file.findings.map((f) => ({
    fileName: file.fileName, line: f.line, check: checkName(f.check), checkName: checkNames.get(f.check) ?? '', severity: severityName(f.severity), message: f.message,
    stated: f.stated ?? '', expected: f.expected ?? '', excerpt: f.excerpt ?? '',
  }))));
  sheet(book, '按规则', [
    { header: '规则', key: 'check', width: 28 }, { header: '说明', key: 'name', width: 60 }, { header: '严重程度', key: 'severity', width: 8 },
    { header: '问题数', key: 'findings', width: 8 }, { header: '涉及文件', key: 'files', width: 8 },
  ], batch.byCheck.map((c) => ({ ...c, check: checkName(c.check), severity: severityName(c.severity) })));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

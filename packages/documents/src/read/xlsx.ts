/**
 * .xlsx through exceljs, after the zip has been checked and expanded under the limits (exceljs itself
 * would expand a zip bomb). Each visible worksheet becomes one table over the range of its non-empty
 * cells, with merged ranges as spans; each sheet row becomes one line (its non-empty cells joined by tabs).
 * Numbers are shown with their number format ("17,485.15", "87.15%"), formulas by their cached result.
 * @module
 */
import { isDomainError } from '@jixiao/core';
import ExcelJS from 'exceljs';
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { CellBudget, type Deadline, type Limits, ReadErrorCode, readError } from './limits.ts';
import { formatDate, formatGeneral, formatNumber } from './number-format.ts';
import { checkXml } from './xml.ts';
import { type InflateBudget, openZip, readEntry } from './zip.ts';

/** Every entry expanded under the limits and every XML part checked, before exceljs sees the file. */
export function checkOfficeZip(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): void {
  const zip = openZip(bytes, file, limits);
  const budget: InflateBudget = { expanded: 0 };
  const utf8 = new TextDecoder('utf-8');
  for (const entry of zip.entries) {
    if (entry.name.endsWith('/')) continue;
    const data = readEntry(bytes, entry, file, limits, deadline, budget);
    if (/\.(xml|rels)$/iu.test(entry.name)) {
      if (data.length > limits.maxXmlBytes) {
        throw readError(ReadErrorCode.tooLarge, file, `中的「${entry.name}」过大，超过上限`);
      }
      checkXml(utf8.decode(data), file, entry.name, limits, deadline);
    }
  }
}

type Value = ExcelJS.CellValue;

const columnName = (n: number): string => {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** The text a person sees in a cell. */
export function cellText(value: Value, numFmt: string | undefined, warn: (w: string) => void, address: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value, numFmt);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) {
        warn(`${address} 是公式，但文件中没有保存计算结果，按空白处理`);
        return '';
      }
      if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: unknown }).error);
      return cellText(result as Value, numFmt, warn, address);
    }
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return typeof value === 'object' ? '' : formatGeneral(Number(value));
}

type Range = { top: number; left: number; bottom: number; right: number };

const parseAddress = (a: string): { row: number; col: number } | null => {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/u.exec(a.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
};

const parseRange = (r: string): Range | null => {
  const [a, b] = r.split(':');
  const p = parseAddress(a ?? '');
  const q = parseAddress(b ?? a ?? '');
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
};

/** Reads an .xlsx. @throws DomainError file-corrupt / file-encrypted / zip-bomb / xml-* / file-timeout */
export async function readXlsx(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): Promise<SourceDocument> {
  checkOfficeZip(bytes, file, limits, deadline);
  const workbook = new ExcelJS.Workbook();
  try {
    await deadline.race(workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer));
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw readError(ReadErrorCode.corrupt, file, '不是有效的 Excel 工作簿，或已损坏', [error instanceof Error ? error.message : String(error)]);
  }
  const budget = new CellBudget(file, limits.maxCells);
  const lines: SourceLine[] = [];
  const tables: SourceTable[] = [];
  const warnings: string[] = [];
  for (const sheet of workbook.worksheets) {
    deadline.check();
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
      warnings.push(`工作表「${sheet.name}」是隐藏的，未读取`);
      continue;
    }
    // the range of non-empty cells
    const texts = new Map<string, string>();
    let box: Range | null = null;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const text = cellText(cell.value, cell.numFmt, (w) => warnings.push(`工作表「${sheet.name}」${w}`), `${columnName(c)}${r}`);
        if (text.trim() === '') return;
        budget.add();
        texts.set(`${r}:${c}`, text);
        box = box
          ? { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) }
          : { top: r, left: c, bottom: r, right: c };
      });
    });
    const area = box as Range | null;
    if (!area) continue;
    // merges, clipped to the range
    const covered = new Map<string, { master: boolean; rowSpan: number; colSpan: number }>();
    const merges = (sheet.model as { merges?: string[] }).merges ?? [];
    for (const m of merges) {
      const range = parseRange(m);
      if (!range) continue;
      const top = Math.max(range.top, area.top);
      const left = Math.max(range.left, area.left);
      const bottom = Math.min(range.bottom, area.bottom);
      const right = Math.min(range.right, area.right);
      if (top > bottom || left > right || top !== range.top || left !== range.left) continue;
      budget.add((bottom - top + 1) * (right - left + 1));
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) covered.set(`${r}:${c}`, { master: r === top && c === left, rowSpan: bottom - top + 1, colSpan: right - left + 1 });
      }
    }
    budget.add((area.bottom - area.top + 1) * (area.right - area.left + 1));
    const index = tables.length;
    const rows: SourceCell[][] = [];
    const firstLine = lines.length + 1;
    for (let r = area.top; r <= area.bottom; r++) {
      deadline.check();
      const line = lines.length + 1;
      const row: SourceCell[] = [];
      const rowTexts: string[] = [];
      for (let c = area.left; c <= area.right; c++) {
        const merge = covered.get(`${r}:${c}`);
        if (merge && !merge.master) continue;
        const text = texts.get(`${r}:${c}`) ?? '';
        if (text.trim() !== '') rowTexts.push(text.replace(/[\t\r\n]+/gu, ' '));
        row.push({
          text, row: r - area.top, col: c - area.left, rowSpan: merge?.rowSpan ?? 1, colSpan: merge?.colSpan ?? 1,
          line, ref: `${sheet.name}!${columnName(c)}${r}`,
        });
      }
      rows.push(row);
      lines.push({ line, text: rowTexts.join('\t'), table: index, where: `工作表「${sheet.name}」第 ${r} 行` });
    }
    tables.push({ index, line: firstLine, rows, sheet: sheet.name });
  }
  if (lines.length === 0) throw readError(ReadErrorCode.empty, file, '中的工作表都是空的');
  return { file, format: 'xlsx', lines, tables, warnings };
}

/**
 * PDF text layer, best effort (pdfjs-dist 4, legacy build for Node 20). Text items are grouped into lines
 * by their baseline and ordered left to right; a wide horizontal gap becomes a tab, so table rows come out
 * tab-separated and the text reader's table detection applies. Scanned pages (no text) are named in a
 * warning; a PDF with no text at all is refused with `pdf-no-text`.
 * @module
 */
import { fileURLToPath } from 'node:url';
import { constants, inflateSync } from 'node:zlib';
import { isDomainError } from '@jixiao/core';
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { CellBudget, type Deadline, formatBytes, type Limits, ReadErrorCode, readError } from './limits.ts';
import { type Grid, type GridCell, type Ops, cellAt, gridsFrom, joinWrapped, rulings } from './pdf-tables.ts';
import { linesAndTables } from './text.ts';

type TextItem = { readonly str: string; readonly transform: readonly number[]; readonly width: number; readonly height: number };

const resourceDir = (name: string): string | undefined => {
  try {
    return fileURLToPath(new URL(`../../${name}/`, import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));
  } catch {
    return undefined;
  }
};

const LIST_TAB = /^((?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．]|[⒈-⒛⑴-⒇①-⑳]))\t(?=\S)(?![^\t]*\t)/u;

const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const LONE_SPACE_BY_WIDE = new RegExp(`(?<=[${WIDE}]) (?=[${WIDE}])|(?<=[\\u2460-\\u24ff]) (?=[^ \\t])`, 'gu');

const isWide = (ch: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(ch);

/** Lines of one page with their baseline: items grouped by baseline (top to bottom), gaps turned into spaces or tabs. */
export function placedLines(items: readonly TextItem[]): PlacedLine[] {
  type Placed = { text: string; x: number; y: number; w: number; size: number };
  const placed: Placed[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str === '') continue;
    const [a = 1, b = 0, , d = 1, x = 0, y = 0] = it.transform;
    const size = Math.max(1, Math.hypot(a, b), Math.abs(d), it.height || 0);
    placed.push({ text: it.str, x, y, w: it.width || it.str.length * size * 0.5, size });
  }
  placed.sort((p, q) => q.y - p.y || p.x - q.x);
  const rows: Placed[][] = [];
  for (const p of placed) {
    const row = rows[rows.length - 1];
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - p.y) <= Math.min(ref.size, p.size) * 0.5) row.push(p);
    else rows.push([p]);
  }
  return rows.map((row) => {
    row.sort((p, q) => p.x - q.x);
    let out = '';
    let end: number | null = null;
    let prev: Placed | null = null;
    for (const p of row) {
      if (prev && end !== null) {
        const gap = p.x - end;
        const size = Math.min(prev.size, p.size);
        const wideLeft = isWide(out.slice(-1));
        const wideRight = isWide(p.text[0] ?? '');
        if (gap > size * 1.8) out += '\t';
        else if (wideLeft && wideRight) out += '';
        else if (gap > size * (wideLeft || wideRight ? 0.6 : 0.2)) out += ' ';
      }
      out += p.text;
      end = Math.max(end ?? p.x + p.w, p.x + p.w);
      prev = p;
    }
    const first = row[0];
    // justified Chinese lines: the PDF's text runs carry the stretched gaps as single spaces (万 元， 其 中 财 政);
    // a lone space between two Chinese characters or full-width marks, or after a list mark (⑥ ⒈), is not the
    // unit's (runs of spaces may part columns; 1. 高位 may be the unit's own full-width space)
    out = out.replace(LONE_SPACE_BY_WIDE, '');
    // a list number followed by Word's tab is not a column boundary
    out = out.replace(LIST_TAB, '$1 ');
    return { text: out.replace(/[ \u00a0]+$/u, ''), y: first?.y ?? 0, left: first?.x ?? 0, right: end ?? 0, size: Math.max(...row.map((p) => p.size)) };
  });
}

/** Lines of one page, top to bottom. */
export const pageLines = (items: readonly TextItem[]): string[] => placedLines(items).map((l) => l.text);

export type PlacedLine = { readonly text: string; readonly y: number; readonly left: number; readonly right: number; readonly size: number };

type Entry =
  | { readonly kind: 'text'; readonly text: string; readonly page: number; readonly line: PlacedLine }
  | { readonly kind: 'table'; readonly rows: { text: string; row: number; col: number; rowSpan: number; colSpan: number }[][]; readonly page: number };

const LIST_START = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d)|[⒈-⒛⑴-⒇①-⑳])/u;

/** Page numbers printed in headers or footers: — 1 —, - 2 -, 第 3 页 共 9 页, 3/9. */
const PAGE_NUMBER = /^[\s\-—–－·]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})[\s\-—–－·]*$/u;

/**
 * Text lines joined into paragraphs: a line that reaches the right margin goes on in the next line when
 * that one starts at the left margin (a paragraph's first line is indented, a heading is short).
 */
function paragraphs(entries: readonly Entry[]): Entry[] {
  type Text = Extract<Entry, { kind: 'text' }>;
  const text = entries.filter((e): e is Text => e.kind === 'text');
  const pages = new Map<number, { left: number; right: number; full: number }>();
  for (const e of text) {
    const m = pages.get(e.page) ?? { left: Number.POSITIVE_INFINITY, right: Number.NEGATIVE_INFINITY, full: 0 };
    m.left = Math.min(m.left, e.line.left);
    m.right = Math.max(m.right, e.line.right);
    pages.set(e.page, m);
  }
  const reaches = (e: Text): boolean => {
    const m = pages.get(e.page);
    return m !== undefined && e.line.right >= m.right - e.line.size * 2.5;
  };
  for (const e of text) if (reaches(e)) (pages.get(e.page) as { full: number }).full++;
  const firstOnPage = new Set<Text>();
  const lastOnPage = new Map<number, Text>();
  for (const e of text) {
    if (!lastOnPage.has(e.page)) firstOnPage.add(e);
    lastOnPage.set(e.page, e);
  }
  /** A paragraph going on over a page break: same text block, last line of one page, first of the next. */
  const overPage = (from: Text, to: Text): boolean => {
    const a = pages.get(from.page);
    const b = pages.get(to.page);
    return to.page === from.page + 1 && firstOnPage.has(to) && lastOnPage.get(from.page) === from &&
      a !== undefined && b !== undefined && a.full >= 3 && Math.abs(a.left - b.left) < 2 && Math.abs(a.right - b.right) < 2 * to.line.size;
  };
  const out: Entry[] = [];
  /** The paragraph being built: its first entry (page, where), text, first line's left, and its last line. */
  let open: { entry: Text; text: string; firstLeft: number; last: Text } | null = null;
  const close = () => {
    if (open) out.push({ ...open.entry, text: open.text });
    open = null;
  };
  for (const e of entries) {
    if (e.kind !== 'text') {
      close();
      out.push(e);
      continue;
    }
    const m = pages.get(e.page);
    const current: { entry: Text; text: string; firstLeft: number; last: Text } | null = open;
    const size = e.line.size;
    const joinable = current !== null && m !== undefined && (current.last.page === e.page || overPage(current.last, e)) && m.full >= 3 &&
      reaches(current.last) && current.firstLeft <= m.left + size * 3 &&
      !LIST_START.test(e.text) && !e.text.includes('\t') && !current.text.includes('\t') &&
      // at the margin (after an indented first line) or deeper than a first line at the margin (a hanging list item)
      (e.line.left <= m.left + size * 0.5 || (current.firstLeft <= m.left + size * 0.5 && e.line.left > current.firstLeft + size * 0.5));
    if (current && joinable) {
      const glue = /[A-Za-z0-9]$/u.test(current.text) && /^[A-Za-z0-9]/u.test(e.text) ? ' ' : '';
      current.text += glue + e.text;
      current.last = e;
      continue;
    }
    close();
    open = { entry: e, text: e.text, firstLeft: e.line.left, last: e };
  }
  close();
  return out;
}

/** A page's text and ruled tables in reading order. */
function pageEntries(items: readonly TextItem[], grids: readonly Grid[], page: number): Entry[] {
  const inTable = new Map<Grid, Map<GridCell, TextItem[]>>();
  const outside: TextItem[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str.trim() === '') continue; // spacing is measured, not read
    const [a = 1, b = 0, , d = 1, x = 0, y = 0] = it.transform;
    const size = Math.max(1, Math.hypot(a, b), Math.abs(d));
    const cx = x + (it.width || 0) / 2;
    const cy = y + size * 0.35;
    let placed = false;
    for (const g of grids) {
      const cell = cellAt(g, cx, cy);
      if (!cell) continue;
      const byCell = inTable.get(g) ?? new Map<GridCell, TextItem[]>();
      inTable.set(g, byCell);
      byCell.set(cell, [...(byCell.get(cell) ?? []), it]);
      placed = true;
      break;
    }
    if (!placed) outside.push(it);
  }
  const blocks: { y: number; entries: Entry[] }[] = placedLines(outside)
    .filter((l) => !PAGE_NUMBER.test(l.text))
    .map((l) => ({ y: l.y, entries: [{ kind: 'text', text: l.text, page, line: l }] }));
  for (const g of grids) {
    const byCell = inTable.get(g);
    if (!byCell) continue; // ruling lines with no text: a frame or a drawing
    const rows: { text: string; row: number; col: number; rowSpan: number; colSpan: number }[][] = [];
    for (const cell of g.cells) {
      const text = joinWrapped(pageLines(byCell.get(cell) ?? []));
      (rows[cell.row] ??= []).push({ text, row: cell.row, col: cell.col, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
    }
    blocks.push({ y: g.ys[0] ?? 0, entries: [{ kind: 'table', rows: Array.from(rows, (r) => r ?? []), page }] });
  }
  return blocks.sort((p, q) => q.y - p.y).flatMap((b) => b.entries);
}

const isZlibHeader = (data: Uint8Array): boolean => data.length >= 2 && ((data[0] ?? 0) & 0x0f) === 8 && (((data[0] ?? 0) << 8) | (data[1] ?? 0)) % 31 === 0;

/**
 * pdf.js expands flate streams with no limit (a 1 MB file can expand to gigabytes, outside the JS heap a
 * worker's memory limit covers). So every zlib stream of the file (`stream` … `endstream`, in objects or
 * not, filters chained up to 4 deep) is expanded here first with zlib's `maxOutputLength`: one past
 * `maxStreamBytes`, or all past `maxUncompressedBytes`, refuses the file before pdf.js sees it.
 * @throws DomainError zip-bomb
 */
export function checkPdfStreams(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let count = 0;
  for (let at = buf.indexOf('stream', 0, 'latin1'); at !== -1; at = buf.indexOf('stream', at, 'latin1')) {
    const isEnd = at >= 3 && buf[at - 3] === 0x65 && buf[at - 2] === 0x6e && buf[at - 1] === 0x64; // "endstream"
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (isEnd || (buf[start] !== 0x0a && buf[start - 1] !== 0x0d)) {
      at += 6;
      continue;
    }
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf('endstream', start, 'latin1');
    const stop = end === -1 ? buf.length : end;
    at = stop;
    count++;
    let data: Uint8Array = buf.subarray(start, stop);
    for (let layer = 0; layer < 4 && isZlibHeader(data); layer++) {
      deadline.check();
      let out: Buffer;
      try {
        out = inflateSync(data, { maxOutputLength: limits.maxStreamBytes, finishFlush: constants.Z_SYNC_FLUSH });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw readError(ReadErrorCode.zipBomb, file, `中第 ${count} 个压缩数据流解压后超过单个数据流 ${formatBytes(limits.maxStreamBytes)} 的上限（文件只有 ${formatBytes(bytes.length)}），疑似压缩炸弹，已拒绝`);
        }
        break; // not flate after all, or damaged: pdf.js decides
      }
      total += out.length;
      if (total > limits.maxUncompressedBytes) {
        throw readError(ReadErrorCode.zipBomb, file, `的压缩数据流解压后合计超过 ${formatBytes(limits.maxUncompressedBytes)} 的上限（文件只有 ${formatBytes(bytes.length)}），疑似压缩炸弹，已拒绝`);
      }
      data = out;
    }
  }
}

/** Reads a PDF's text layer. @throws DomainError file-encrypted / file-corrupt / pdf-no-text / file-timeout / zip-bomb */
export async function readPdf(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): Promise<SourceDocument> {
  checkPdfStreams(bytes, file, limits, deadline);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const cMapUrl = resourceDir('cmaps');
  const standardFontDataUrl = resourceDir('standard_fonts');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
  });
  const entries: Entry[] = [];
  const warnings: string[] = [];
  const emptyPages: number[] = [];
  try {
    const doc = await deadline.race(task.promise, () => void task.destroy());
    const pages = Math.min(doc.numPages, limits.maxPdfPages);
    if (doc.numPages > pages) warnings.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${pages} 页`);
    for (let n = 1; n <= pages; n++) {
      deadline.check();
      const page = await deadline.race(doc.getPage(n), () => void task.destroy());
      const content = await deadline.race(page.getTextContent(), () => void task.destroy());
      const items: TextItem[] = [];
      for (const i of content.items) if ('str' in i) items.push(i);
      if (items.every((i) => i.str.trim() === '')) emptyPages.push(n);
      const operators = await deadline.race(page.getOperatorList(), () => void task.destroy());
      const grids = gridsFrom(rulings(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as Ops));
      entries.push(...pageEntries(items, grids, n));
      page.cleanup();
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw readError(ReadErrorCode.encrypted, file, '已加密（PDF 设置了打开密码），请去掉密码后再导入');
    throw readError(ReadErrorCode.corrupt, file, '不是有效的 PDF，或已损坏', [error instanceof Error ? error.message : String(error)]);
  } finally {
    void task.destroy();
  }
  if (!entries.some((e) => (e.kind === 'text' ? e.text.trim() !== '' : e.rows.some((r) => r.some((c) => c.text.trim() !== ''))))) {
    throw readError(ReadErrorCode.pdfNoText, file, '没有文字层（可能是扫描件或图片），无法读取文字；请提供 Word/Excel 原件，或先做文字识别（OCR）');
  }
  if (emptyPages.length > 0) warnings.push(`第 ${emptyPages.join('、')} 页没有文字层（可能是扫描页），其内容未读取`);
  const budget = new CellBudget(file, limits.maxCells);
  const lines: SourceLine[] = [];
  const tables: SourceTable[] = [];
  // text between ruled tables: its own tab-separated tables are found as in plain text
  let run: { text: string; page: number }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const pages = run.map((r) => r.page);
    const part = linesAndTables(run.map((r) => r.text), budget, deadline, (i) => `第 ${pages[i] ?? '?'} 页`);
    const lineOffset = lines.length;
    const tableOffset = tables.length;
    for (const l of part.lines) lines.push({ ...l, line: l.line + lineOffset, ...(l.table !== undefined ? { table: l.table + tableOffset } : {}) });
    for (const t of part.tables) {
      tables.push({
        index: t.index + tableOffset, line: t.line + lineOffset,
        rows: t.rows.map((r) => r.map((c) => ({ ...c, ...(c.line !== undefined ? { line: c.line + lineOffset } : {}) }))),
      });
    }
    run = [];
  };
  for (const e of paragraphs(entries)) {
    if (e.kind === 'text') {
      run.push({ text: e.text, page: e.page });
      continue;
    }
    flush();
    const index = tables.length;
    const first = lines.length + 1;
    const rows: SourceCell[][] = e.rows.map((r) =>
      r.map((c) => {
        const parts = c.text.split('\n');
        const line = lines.length + 1;
        for (const p of parts) {
          budget.add();
          lines.push({ line: lines.length + 1, text: p, table: index, where: `第 ${e.page} 页` });
        }
        return { ...c, line };
      }),
    );
    tables.push({ index, line: first, rows });
  }
  flush();
  return { file, format: 'pdf', lines, tables, warnings };
}

/**
 * A table running over several pages prints its header row again on each (the .docx's repeated header rows),
 * but a cell merged down over the page break (一级指标 产出指标, 二级指标 质量指标, the 绩效指标 label) prints its
 * text only on the page where it starts: the continuation page shows blank 一级/二级 cells. Word and LibreOffice
 * cannot repeat it, so the PDF is laid out once, the rows each continuation page starts with are read from the
 * PDF's own ruled tables, and every merge spanning such a row is split there, the lower part printed with the
 * same text; then it is laid out again (until the breaks stay where they are).
 *
 * The table's cells and merged regions as a reader sees them are the same (a merged region's text belongs to
 * every row it spans): only where a page ends does the label appear again.
 * @module
 */
import { readDocument } from '../read/read-document.ts';
import { type SourceTable, toGrid } from '../source.ts';
import type { Cell, ReportDocument, TableModel } from './document-model.ts';
import { cellPositions } from './render-xlsx.ts';

const squeeze = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

/** The table with every vertical merge spanning one of `breaks` (row indices) split there, the text repeated. */
export function splitMergesAt(table: TableModel, breaks: readonly number[]): TableModel {
  if (breaks.length === 0) return table;
  const cuts = [...new Set(breaks)].sort((a, b) => a - b);
  const placed: { cell: Cell; row: number; col: number }[] = [];
  for (const { cell, row, col } of cellPositions(table.rows)) {
    const span = cell.rowSpan ?? 1;
    const inside = cuts.filter((b) => b > row && b < row + span);
    if (inside.length === 0) {
      placed.push({ cell, row, col });
      continue;
    }
    const edges = [row, ...inside, row + span];
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = edges[i] as number;
      const to = edges[i + 1] as number;
      // the continued part is a plain label: no formula, id or note of its own (those stay with the first part)
      const { formula: _f, id: _i, note: _n, ...plain } = cell;
      const part: Cell = i === 0 ? cell : plain;
      placed.push({ cell: { ...part, rowSpan: to - from }, row: from, col });
    }
  }
  const rows: Cell[][] = table.rows.map(() => []);
  for (const p of [...placed].sort((a, b) => a.row - b.row || a.col - b.col)) rows[p.row]?.push(p.cell);
  return { ...table, rows };
}

const sourceOf = (table: TableModel): SourceTable => ({
  index: 0,
  line: 0,
  rows: [cellPositions(table.rows).map(({ cell, row, col }) => ({ text: cell.text, row, col, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 }))],
});

/** Does a row read from a page match a row of the table (a blank on the page: a merge carried over)? */
function sameRow(page: readonly string[], model: readonly string[]): boolean {
  let matched = 0;
  for (let c = 0; c < Math.max(page.length, model.length); c++) {
    const p = squeeze(page[c] ?? '');
    if (p === '') continue;
    if (p !== squeeze(model[c] ?? '')) return false;
    matched++;
  }
  return matched > 0;
}

/**
 * For each attachment table (by id), the rows its continuation pages start with, read from the PDF's ruled
 * tables (one per page): a page's table that starts with the attachment's header rows continues it.
 */
export async function pageBreaksOf(document: ReportDocument, pdf: Uint8Array): Promise<Map<string, number[]>> {
  const read = await readDocument(pdf, 'layout.pdf');
  const tables = document.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'attachment' ? [b.table] : [])));
  const grids = tables.map((t) => toGrid(sourceOf(t)));
  const out = new Map<string, number[]>();
  let current = -1;
  let next = 0;
  for (const pageTable of read.tables) {
    const page = toGrid(pageTable);
    const table = tables[current];
    const grid = grids[current];
    const header = table?.headerRows;
    const continues = table && grid && header && next < grid.length &&
      page.length > header.count &&
      Array.from({ length: header.count }, (_, k) => sameRow(page[k] ?? [], grid[header.start + k] ?? [])).every(Boolean);
    if (continues && table && grid && header) {
      const first = page[header.count] ?? [];
      const from = Math.max(next, header.start + header.count);
      const at = grid.findIndex((row, r) => r >= from && sameRow(first, row));
      if (at > 0) {
        out.set(table.id, [...(out.get(table.id) ?? []), at]);
        next = at + Math.max(1, page.length - header.count);
      }
      continue;
    }
    // the first page of the next attachment's table
    const following = grids[current + 1];
    if (following && sameRow(page[0] ?? [], following[0] ?? [])) {
      current++;
      next = page.length;
    }
  }
  return out;
}

/** The document with each attachment table's merges split at the given rows. */
export function withBreaks(document: ReportDocument, breaks: ReadonlyMap<string, readonly number[]>): ReportDocument {
  return {
    ...document,
    sections: document.sections.map((s) => ({
      ...s,
      blocks: s.blocks.map((b) => (b.kind === 'attachment' && breaks.has(b.table.id) ? { ...b, table: splitMergesAt(b.table, breaks.get(b.table.id) ?? []) } : b)),
    })),
  };
}

/** Does any break fall inside a vertical merge (so that the continuation page would show a blank)? */
export function splitsAMerge(document: ReportDocument, breaks: ReadonlyMap<string, readonly number[]>): boolean {
  return document.sections.some((s) => s.blocks.some((b) => {
    if (b.kind !== 'attachment') return false;
    const cuts = breaks.get(b.table.id) ?? [];
    return cellPositions(b.table.rows).some(({ cell, row }) => cuts.some((x) => x > row && x < row + (cell.rowSpan ?? 1)));
  }));
}

/**
 * Tables as the importer walks them: rows of master cells with their grid position, plus which cell
 * covers any position (a cell merged down from a row above). Also tables the readers could not see:
 * rows of a table written with single spaces between columns (PDF copy, web page), recognised from a
 * header line, with run-together numbers split where the boundary is certain.
 * @module
 */
import type { SourceDocument, SourceTable } from '../source.ts';
import { isSpaceCode, label } from './normalize.ts';
import { splitRunTogether } from './numbers.ts';

export type Cell = {
  /** The text as written. */
  readonly text: string;
  /** Normalised for comparison (simplified, half-width, no blanks). */
  readonly label: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly line?: number;
  readonly ref?: string;
  /** Left over after splitting run-together numbers: maybe several values, maybe one. */
  readonly ambiguous?: boolean;
};

export type Row = {
  /** Table index, or a negative id for a table rebuilt from text lines. */
  readonly table: number;
  readonly index: number;
  /** Cells that start in this row, by column. */
  readonly cells: readonly Cell[];
  /** Every position of the row, merged cells from above included (by grid column). */
  readonly covering: readonly (Cell | undefined)[];
  readonly line: number;
  /** Right edge of the row's own cells. */
  readonly width: number;
  readonly synthetic: boolean;
};

const makeCell = (c: Omit<Cell, 'label'>): Cell => ({ ...c, label: label(c.text) });

const inColumnOrder = (cells: readonly Cell[]): boolean => {
  for (let i = 1; i < cells.length; i++) if ((cells[i - 1] as Cell).col > (cells[i] as Cell).col) return false;
  return true;
};

/** Rows of a table, with vertical merges visible in `covering`. */
export function rowsOf(table: SourceTable, splitNumbers = false): Row[] {
  const byRow = new Map<number, Cell[]>();
  let maxRow = -1;
  for (const sourceRow of table.rows) {
    for (const c of sourceRow) {
      // built in place, fields in the order makeCell gives them (label last)
      const cell = { text: c.text, row: c.row, col: c.col, rowSpan: Math.max(1, c.rowSpan), colSpan: Math.max(1, c.colSpan) } as { -readonly [K in keyof Cell]: Cell[K] };
      if (c.line !== undefined) cell.line = c.line;
      if (c.ref) cell.ref = c.ref;
      cell.label = label(c.text);
      const list = byRow.get(c.row) ?? [];
      list.push(cell);
      byRow.set(c.row, list);
      maxRow = Math.max(maxRow, c.row);
    }
  }
  const covering: (Cell | undefined)[][] = [];
  for (const cells of byRow.values()) {
    for (const c of cells) {
      for (let r = c.row; r < c.row + c.rowSpan && r <= maxRow; r++) {
        const target = (covering[r] ??= []);
        for (let k = c.col; k < c.col + c.colSpan && k < c.col + 1000; k++) target[k] = c;
      }
    }
  }
  const rows: Row[] = [];
  for (let r = 0; r <= maxRow; r++) {
    let cells = byRow.get(r) ?? [];
    // readers give cells in column order: sorted (a stable sort, the same order) only when they are not
    if (!inColumnOrder(cells)) cells.sort((a, b) => a.col - b.col);
    if (splitNumbers) cells = expandNumbers(cells);
    if (cells.length === 0 && !covering[r]) continue;
    const line = cells.find((c) => c.line !== undefined)?.line ?? covering[r]?.find((c) => c?.line !== undefined)?.line ?? table.line;
    rows.push({
      table: table.index, index: r, cells, covering: covering[r] ?? [], line,
      width: cells.reduce((w, c) => Math.max(w, c.col + c.colSpan), 0), synthetic: false,
    });
  }
  return rows;
}

/** Cells holding several numbers (PDF columns too close to be split by the reader) become several cells. */
function expandNumbers(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  let shift = 0;
  for (const c of cells) {
    const parts = tokens(c.text);
    if (parts.length <= 1 || !parts.every((p) => /^[\d,.%]+$/u.test(p.text) || p.ambiguous)) {
      out.push({ ...c, col: c.col + shift });
      continue;
    }
    parts.forEach((p, i) => out.push(makeCell({ ...c, text: p.text, col: c.col + shift + i, colSpan: 1, ...(p.ambiguous ? { ambiguous: true } : {}) })));
    shift += parts.length - 1;
  }
  return out;
}

/** Whitespace-separated tokens, run-together numbers split. */
function tokens(text: string): { text: string; ambiguous: boolean }[] {
  const out: { text: string; ambiguous: boolean }[] = [];
  for (const t of text.trim().split(/[\s\u3000\u00a0]+/u)) {
    if (t === '') continue;
    const { pieces, rest } = splitRunTogether(t);
    for (const p of pieces) out.push({ text: p, ambiguous: false });
    if (rest !== null) out.push({ text: rest, ambiguous: true });
  }
  return out;
}

/** Header words of the tables this importer knows; three on one line make a header. */
const HEADER_WORDS = [
  '一级指标', '二级指标', '三级指标', '年度指标值', '指标值', '实际完成值', '实际值', '分值', '得分', '权重',
  '全年预算数', '全年执行数', '预算执行率', '执行率', '年初预算数', '编制数', '年末实际在职人数', '实际在职人数', '控制率',
  '当年决算数', '当年预算数', '上年决算数', '偏差原因分析及改进措施',
];

/** How many runs of non-blank characters (words split at blanks) `text` has, counted up to `max`. */
export const runsUpTo = (text: string, max: number): number => {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length && runs < max; i++) {
    const blank = isSpaceCode(text.charCodeAt(i));
    if (!blank && !inRun) runs++;
    inRun = !blank;
  }
  return runs;
};

const isHeaderLine = (text: string): boolean => {
  // most lines are sentences without blanks inside: fewer than three words, nothing to split
  if (runsUpTo(text, 3) < 3) return false;
  const parts = text.trim().split(/[\s\u3000\u00a0]+/u).map(label);
  if (parts.length < 3) return false;
  return parts.filter((p) => HEADER_WORDS.includes(p)).length >= 3;
};

/**
 * Tables written with spaces between columns, found in lines outside the readers' tables: a header line
 * with three known header words starts one; it goes on while lines have at least two tokens.
 */
export function textTables(doc: SourceDocument, skip: ReadonlySet<number>): Row[] {
  const rows: Row[] = [];
  let id = -1;
  const lines = doc.lines;
  for (let i = 0; i < lines.length; i++) {
    const start = lines[i];
    if (!start || start.table !== undefined || skip.has(start.line) || !isHeaderLine(start.text)) continue;
    let r = 0;
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l || l.table !== undefined || skip.has(l.line)) break;
      const parts = tokens(l.text);
      if (parts.length < 2) break;
      const cells = parts.map((p, col) =>
        makeCell({ text: p.text, row: r, col, rowSpan: 1, colSpan: 1, line: l.line, ...(p.ambiguous ? { ambiguous: true } : {}) }),
      );
      rows.push({ table: id, index: r, cells, covering: cells, line: l.line, width: cells.length, synthetic: true });
      r++;
    }
    id--;
    i = j - 1;
  }
  return rows;
}

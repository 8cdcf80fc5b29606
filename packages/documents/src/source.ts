/**
 * What every reader returns: the document's text as numbered lines and its tables as cell grids with
 * merges. Importers and audits work on this, whatever the file format was.
 * @module
 */

export const SourceFormat = {
  txt: 'txt',
  docx: 'docx',
  doc: 'doc',
  xlsx: 'xlsx',
  xls: 'xls',
  pdf: 'pdf',
  /** A saved web page (.html/.htm, or a single-file .mht/.mhtml). */
  html: 'html',
} as const;
export type SourceFormat = (typeof SourceFormat)[keyof typeof SourceFormat];

/** A line of text (a paragraph in .docx, a text line in .txt/.pdf, a row in .xlsx), 1-based. */
export type SourceLine = {
  readonly line: number;
  readonly text: string;
  /** Index of the table this line belongs to (a cell's paragraph, a flattened or tab-separated row). */
  readonly table?: number;
  /** Outline level from the document's own styles (.docx 标题 1 → 1), when it says so. */
  readonly heading?: number;
  /** Where the line is in the file, for people: 第 3 页, 工作表「附件1-2」第 5 行. */
  readonly where?: string;
};

/** A cell as written: its text, its position in the grid and how far it spans. */
export type SourceCell = {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** The source line of the cell's text, when known. */
  readonly line?: number;
  /** The cell's address in a spreadsheet (附件1-2!C5). */
  readonly ref?: string;
};

export type SourceTable = {
  readonly index: number;
  /** First source line of the table. */
  readonly line: number;
  /** Rows of cells as written (a merged cell appears once, at its top-left position). */
  readonly rows: readonly (readonly SourceCell[])[];
  /** The worksheet's name (.xlsx/.xls). */
  readonly sheet?: string;
};

export type SourceDocument = {
  readonly file: string;
  readonly format: SourceFormat;
  readonly lines: readonly SourceLine[];
  readonly tables: readonly SourceTable[];
  /** What could not be read, in Chinese (e.g. 第 3 页没有文字层). */
  readonly warnings: readonly string[];
};

/**
 * The table as a rectangular grid of texts with every merged region filled with its master cell's text
 * (as a person reads a merged cell: it belongs to every row and column it spans).
 */
export function toGrid(table: SourceTable): string[][] {
  const grid: string[][] = [];
  for (const row of table.rows) {
    for (const cell of row) {
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
        const target = (grid[r] ??= []);
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) target[c] = cell.text;
      }
    }
  }
  const width = Math.max(0, ...grid.map((r) => r?.length ?? 0));
  return Array.from({ length: grid.length }, (_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''));
}

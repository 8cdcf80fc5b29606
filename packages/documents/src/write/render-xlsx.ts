/**
 * The attachments of a document as a workbook, one sheet each: the label, title and header line, the table
 * with its merged cells, thin borders, `#,##0.00` amounts and `0.00%` rates, the lines under it, and A4
 * landscape print setup (one page wide, the column header rows repeated as print titles, an absolute print
 * area, page numbers "— 1 —" right on odd and left on even pages). Text stays text (≥90%, 2023基本完成);
 * numbers are numbers, and cells that expect a number accept only one (data validation). Totals, rates,
 * scores and the grade are live formulas — only over cells holding numbers, and only where the printed
 * figure is the computed one — so Excel, WPS or LibreOffice recompute them when a figure is changed; each
 * carries the printed value as its cached result.
 *
 * Reference: STACK.md §2 (exceljs 4.4.0 checks) and pitfall 14 (exceljs neither evaluates formulas nor
 * formats numbers: the cached results and number formats are written here).
 * @module
 */
import ExcelJS from 'exceljs';
import { type Dec, type RoundingMode, toNumber } from '@jixiao/core';
import { type AttachmentBlock, attachmentsOf, type Cell, type Formula, type ReportDocument } from './document-model.ts';
import { GB_T_9704, type PageProfile, pageGeometry } from './page-profile.ts';

export type XlsxOptions = {
  readonly profile?: PageProfile;
  /**
   * Write each formula's cached result (the engine's value). Default true, so readers that do not calculate
   * (importers, previews) see the figures; false leaves the calculation to the spreadsheet program.
   */
  readonly cachedResults?: boolean;
};

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Grid positions of a table's cells (merged cells at their top-left), as the docx renderer lays them out. */
export function cellPositions(rows: readonly (readonly Cell[])[]): { cell: Cell; row: number; col: number }[] {
  const covered: Set<number>[] = [];
  const out: { cell: Cell; row: number; col: number }[] = [];
  rows.forEach((cells, r) => {
    const taken = (covered[r] ??= new Set());
    let col = 0;
    for (const cell of cells) {
      while (taken.has(col)) col++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let k = 0; k < rowSpan; k++) {
        const set = (covered[r + k] ??= new Set());
        for (let c = col; c < col + colSpan; c++) set.add(c);
      }
      out.push({ cell, row: r, col });
      col += colSpan;
    }
  });
  return out;
}

const roundFn = (mode: RoundingMode): string => (mode === 'truncate' ? 'TRUNC' : 'ROUND');

/** The formula text (without "=") of a cell, with ids resolved to addresses. */
export function formulaText(formula: Formula, address: (id: string) => string): string {
  const a = address;
  switch (formula.kind) {
    case 'sum':
      return `${roundFn(formula.mode)}(SUM(${formula.of.map(a).join(',')}),${formula.decimals})`;
    case 'difference':
      return `ROUND(${a(formula.minuend)}-${a(formula.subtrahend)},${formula.decimals})`;
    case 'ratio':
      return `ROUND(${a(formula.numerator)}/${a(formula.denominator)},${formula.decimals})`;
    case 'executionScore': {
      const rate = `${a(formula.actual)}/${a(formula.denominator)}`;
      const capped = formula.cap === null ? rate : `MIN(${rate},${formula.cap})`;
      return `${roundFn(formula.mode)}(${capped}*${a(formula.points)},${formula.decimals})`;
    }
    case 'indicatorScore': {
      const t = a(formula.target);
      const w = a(formula.points);
      const x = `MAX(${a(formula.actual)},0)`;
      const r = (e: string): string => `${roundFn(formula.mode)}(${e},${formula.decimals})`;
      switch (formula.rule) {
        case 'proportional':
          return `IF(OR(${x}>=${t},${t}<=0),${w},${r(`${x}/${t}*${w}`)})`;
        case 'reverseRatio':
          return `IF(${x}<=${t},${w},${r(`${t}/${x}*${w}`)})`;
        case 'reverseLinear':
          return `IF(${x}<=${t},${w},IF(${x}>=2*${t},0,${r(`(2*${t}-${x})/${t}*${w}`)}))`;
        case 'equalsZero':
          return `IF(${x}<=0,${w},0)`;
        case 'equalsExact':
          return `IF(${x}=${t},${w},0)`;
      }
      break;
    }
    case 'grade': {
      const grades = formula.grades;
      const last = grades[grades.length - 1];
      let text = `"${last?.name ?? ''}"`;
      for (let i = grades.length - 2; i >= 0; i--) {
        const g = grades[i];
        if (g) text = `IF(${a(formula.total)}>=${g.min},"${g.name}",${text})`;
      }
      return text;
    }
  }
  throw new Error(`未知公式类型：${JSON.stringify(formula)}`);
}

const NUMBER_FORMATS = { money: '#,##0.00', percent: '0.00%', score: 'General' } as const;

const numberOf = (d: Dec): number => toNumber(d);

/** Sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[[\]:*?/\\]/gu, '').slice(0, 31) || '表';
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base.slice(0, 28)}(${i})`;
  return candidate;
}

/** Display width of a text in Excel column units (a CJK character is about two). */
const widthUnits = (text: string): number => {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 1 : 2;
  return w;
};

export async function renderXlsx(document: ReportDocument, options: XlsxOptions = {}): Promise<Uint8Array> {
  const profile = options.profile ?? GB_T_9704;
  const cached = options.cachedResults ?? true;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  workbook.title = document.title;
  workbook.calcProperties.fullCalcOnLoad = true;
  const taken = new Set<string>();
  for (const attachment of attachmentsOf(document)) {
    const name = sheetName(attachment.sheetName, taken);
    taken.add(name);
    addSheet(workbook, name, attachment, profile, cached);
  }
  if (taken.size === 0) workbook.addWorksheet('说明').getCell('A1').value = '本报告没有附表';
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The sheet row (1-based) where an attachment's table starts: after the label, title, subtitle and header line. */
export const tableOrigin = (block: AttachmentBlock): number => (block.subtitle ? 5 : 4);

function addSheet(workbook: ExcelJS.Workbook, name: string, block: AttachmentBlock, profile: PageProfile, cached: boolean): void {
  const page = pageGeometry(profile, 'landscape');
  const inches = (twips: number): number => Math.round((twips / 1440) * 100) / 100;
  const columnCount = block.table.columns.length;
  const last = columnLetter(columnCount - 1);
  const sheet = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        top: inches(page.margin.top), bottom: inches(page.margin.bottom), left: inches(page.margin.left), right: inches(page.margin.right),
        header: inches(page.margin.top / 2), footer: inches(page.footer),
      },
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: true,
      oddFooter: `&R${profile.pageNumber.template.replace('{n}', '&P')}`,
      evenFooter: `&L${profile.pageNumber.template.replace('{n}', '&P')}`,
    } as Partial<ExcelJS.HeaderFooter>,
  });
  const totalWeight = block.table.columns.reduce((s, w) => s + w, 0);
  const totalWidth = 118;
  const widths = block.table.columns.map((w) => Math.max(6, Math.round((w / totalWeight) * totalWidth)));
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const fontOf = (style: { font: string; size: number; bold?: boolean }, bold = style.bold ?? false) => ({ name: style.font, size: style.size / 2, bold });
  const styles = profile.styles;

  // Label, title, subtitle, header line.
  let row = 1;
  sheet.getCell(`A${row}`).value = block.label;
  sheet.getCell(`A${row}`).font = fontOf(styles.attachmentLabel);
  row += 1;
  sheet.mergeCells(`A${row}:${last}${row}`);
  sheet.getCell(`A${row}`).value = block.title;
  sheet.getCell(`A${row}`).font = fontOf(styles.attachmentTitle, true);
  sheet.getCell(`A${row}`).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(row).height = styles.attachmentTitle.size * 0.9;
  if (block.subtitle) {
    row += 1;
    sheet.mergeCells(`A${row}:${last}${row}`);
    sheet.getCell(`A${row}`).value = block.subtitle;
    sheet.getCell(`A${row}`).font = fontOf(styles.attachmentNote);
    sheet.getCell(`A${row}`).alignment = { horizontal: 'center' };
  }
  row += 1;
  const half = Math.max(1, Math.floor(columnCount / 2));
  sheet.mergeCells(`A${row}:${columnLetter(half - 1)}${row}`);
  sheet.mergeCells(`${columnLetter(half)}${row}:${last}${row}`);
  sheet.getCell(`A${row}`).value = block.headerLine[0];
  sheet.getCell(`${columnLetter(half)}${row}`).value = block.headerLine[1];
  sheet.getCell(`A${row}`).font = fontOf(styles.attachmentNote);
  sheet.getCell(`${columnLetter(half)}${row}`).font = fontOf(styles.attachmentNote);
  sheet.getCell(`${columnLetter(half)}${row}`).alignment = { horizontal: 'right' };
  const titleRows = row;

  // The table.
  const first = row + 1;
  if (first !== tableOrigin(block)) throw new Error('表格起始行与 tableOrigin 不一致');
  const positions = cellPositions(block.table.rows);
  const addressOf = new Map<string, string>();
  for (const { cell, row: r, col } of positions) if (cell.id) addressOf.set(cell.id, `${columnLetter(col)}${first + r}`);
  const address = (id: string): string => {
    const found = addressOf.get(id);
    if (!found) throw new Error(`公式引用了表中不存在的单元格「${id}」`);
    return found;
  };
  // Cells that hold a number (or a formula giving one): what formulas may reference.
  const numericIds = new Set(positions.filter(({ cell }) => cell.id && cell.value).map(({ cell }) => cell.id as string));
  const blankIds = new Set(positions.filter(({ cell }) => cell.id && !cell.value && cell.text === '').map(({ cell }) => cell.id as string));
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const border = { top: thin, bottom: thin, left: thin, right: thin };
  const tableRows = block.table.rows.length;
  for (let r = 0; r < tableRows; r++) {
    for (let c = 0; c < columnCount; c++) sheet.getCell(first + r, c + 1).border = border;
  }
  const lines = new Array<number>(tableRows).fill(1);
  for (const { cell, row: r, col } of positions) {
    const colSpan = cell.colSpan ?? 1;
    const rowSpan = cell.rowSpan ?? 1;
    const top = first + r;
    const target = sheet.getCell(top, col + 1);
    if (colSpan > 1 || rowSpan > 1) sheet.mergeCells(top, col + 1, top + rowSpan - 1, col + colSpan);
    const style = cell.role === 'header' ? styles.tableHeader : styles.tableBody;
    target.font = fontOf(style);
    target.alignment = { horizontal: cell.align ?? (cell.role === 'header' ? 'center' : 'left'), vertical: 'middle', wrapText: true };
    target.border = border;
    const result = cell.value ? numberOf(cell.value.value) : cell.text;
    const writeFormula = cell.formula !== undefined && formulaOverNumbers(cell.formula, numericIds, blankIds, address);
    if (cell.formula && writeFormula) {
      const formula = formulaText(cell.formula, address);
      target.value = cached ? { formula, result } : { formula };
    } else if (cell.value) {
      target.value = numberOf(cell.value.value);
    } else if (cell.formula) {
      target.value = cell.text;
    } else {
      target.value = cell.text;
    }
    if (cell.value) target.numFmt = cell.value.numberFormat ?? NUMBER_FORMATS[cell.value.kind === 'number' ? 'score' : cell.value.kind];
    if (!writeFormula && cell.role === 'value' && (cell.value || cell.text === '')) target.dataValidation = NUMBER_VALIDATION;
    if (cell.note) target.note = cell.note;
    // Row height: lines of wrapped text spread over the rows the cell spans.
    const width = widths.slice(col, col + colSpan).reduce((s, w) => s + w, 0);
    const needed = cell.text.split('\n').reduce((s, t) => s + Math.max(1, Math.ceil(widthUnits(t) / Math.max(1, width - 1))), 0);
    const perRow = Math.ceil(needed / rowSpan);
    for (let k = 0; k < rowSpan; k++) lines[r + k] = Math.max(lines[r + k] ?? 1, perRow);
  }
  const lineHeight = (styles.tableBody.size / 2) * 1.35;
  lines.forEach((n, r) => {
    sheet.getRow(first + r).height = Math.round((n * lineHeight + 4) * 10) / 10;
  });

  // Lines under the table.
  let next = first + tableRows;
  for (const line of block.footerLines) {
    sheet.mergeCells(`A${next}:${last}${next}`);
    const cell = sheet.getCell(`A${next}`);
    cell.value = line;
    cell.font = fontOf(styles.attachmentNote);
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    const n = Math.max(1, Math.ceil(widthUnits(line) / (widths.reduce((s, w) => s + w, 0) * 0.85)));
    sheet.getRow(next).height = n * (styles.attachmentNote.size / 2) * 1.4 + 2;
    next += 1;
  }
  // exceljs writes `$` + each end of the range: "A$1:H$40" becomes the absolute $A$1:$H$40.
  sheet.pageSetup.printArea = `A$1:${last}$${next - 1}`;
  // A page continuing the table starts with its column header (the indicator header of a 自评表), or, for a
  // table without one, with the title rows.
  const header = block.table.headerRows;
  sheet.pageSetup.printTitlesRow = header ? `${first + header.start}:${first + header.start + header.count - 1}` : `1:${titleRows}`;
}

/** Every cell a formula reads (by id). */
export function formulaReferences(formula: Formula): string[] {
  switch (formula.kind) {
    case 'sum': return [...formula.of];
    case 'difference': return [formula.minuend, formula.subtrahend];
    case 'ratio': return [formula.numerator, formula.denominator];
    case 'executionScore': return [formula.actual, formula.denominator, formula.points];
    case 'indicatorScore': return [formula.target, formula.actual, formula.points];
    case 'grade': return [formula.total];
  }
}

/**
 * A formula is written only over cells that hold numbers (a text cell would make it #VALUE! or a silent 0);
 * a sum may also read blank cells (counted as 0). @throws Error for a reference to a cell the table lacks.
 */
function formulaOverNumbers(formula: Formula, numericIds: ReadonlySet<string>, blankIds: ReadonlySet<string>, address: (id: string) => string): boolean {
  const references = formulaReferences(formula);
  for (const id of references) address(id);
  return references.every((id) => numericIds.has(id) || (formula.kind === 'sum' && blankIds.has(id)));
}

/** Cells that expect a number accept only a number (typing 95% gives 0.95, which is what the cell means). */
const NUMBER_VALIDATION: ExcelJS.DataValidation = {
  type: 'decimal',
  operator: 'between',
  allowBlank: true,
  formulae: [-1e12, 1e12],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '请输入数字',
  error: '此单元格应填数字（金额、比率、分值或得分），请勿输入文字或符号。',
};

/**
 * Cell constructors for the attachment tables: each cell carries the text a reader sees and, for numbers,
 * the value (and number format) a spreadsheet keeps, so the .docx and the .xlsx show the same thing.
 * @module
 */
import { type Dec, dec, format, type Measure } from '@jixiao/core';
import type { Cell, Formula } from './document-model.ts';
import { isDivergent, markOf, money, percent, plain } from './wording.ts';

type Span = { readonly rowSpan?: number; readonly colSpan?: number };
type Extra = Span & { readonly id?: string; readonly formula?: Formula; readonly align?: Cell['align'] };

const spans = (o: Span): Span => ({
  ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
  ...(o.colSpan && o.colSpan > 1 ? { colSpan: o.colSpan } : {}),
});
/**
 * Span, id, formula and alignment of a cell. A figure printed as the unit wrote it where the engine computes
 * another gets no formula (a spreadsheet would show the computed figure instead); a corrected figure
 * carries its mark as a note as well.
 */
const extra = (o: Extra, d: Dec | null = null): Omit<Extra, 'rowSpan' | 'colSpan'> & Span & { note?: string } => ({
  ...spans(o),
  ...(o.id ? { id: o.id } : {}),
  ...(o.formula && !isDivergent(d) ? { formula: o.formula } : {}),
  ...(o.align ? { align: o.align } : {}),
  ...(d && markOf(d) ? { note: markOf(d) } : {}),
});

/** A column or block heading (bold, centred). */
export const header = (text: string, o: Span = {}): Cell => ({ text, role: 'header', align: 'center', ...spans(o) });
/** A row label. */
export const label = (text: string, o: Extra = {}): Cell => ({ text, role: 'label', align: 'left', ...extra(o) });
/** Free text (goals, explanations, measures). */
export const textCell = (text: string | null | undefined, o: Extra = {}): Cell => ({ text: text ?? '', role: 'text', align: 'left', ...extra(o) });
/** An empty cell. */
export const blank = (o: Extra = {}): Cell => ({ text: '', role: 'value', ...extra(o) });

/** A blank value cell: no formula either (a spreadsheet would show a figure the document does not). */
const blankValue = (align: Cell['align'], o: Extra): Cell => {
  const { formula: _formula, ...rest } = o;
  return { text: '', role: 'value', align, ...extra(rest) };
};

/** An amount: 17,485.15 (blank when null). */
export function moneyCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return blankValue('right', o);
  return { text: money(d), role: 'value', align: 'right', value: { kind: 'money', value: d }, ...extra(o, d) };
}

/** A rate in percent (84.11 → "84.11%", kept as the fraction 0.8411). */
export function percentCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return blankValue('center', o);
  const numberFormat = `0${d.scale > 0 ? `.${'0'.repeat(d.scale)}` : ''}%`;
  return { text: percent(d), role: 'value', align: 'center', value: { kind: 'percent', value: dec(d.units, d.scale + 2), numberFormat }, ...extra(o, d) };
}

/** Points or a score (10, 4.21). */
export function scoreCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return blankValue('center', o);
  return { text: plain(d), role: 'value', align: 'center', value: { kind: 'score', value: d }, ...extra(o, d) };
}

/** A count (716 人). */
export function countCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return blankValue('center', o);
  return { text: plain(d), role: 'value', align: 'center', value: { kind: 'number', value: d, numberFormat: numberPattern(d, false) }, ...extra(o, d) };
}

function numberPattern(d: Dec, grouped: boolean): string {
  return `${grouped ? '#,##0' : '0'}${d.scale > 0 ? `.${'0'.repeat(d.scale)}` : ''}`;
}

/**
 * The spreadsheet number of a target or actual value and the format that shows it exactly as written — only
 * for a bare number ("800", "1,008", "96.3") or a bare percentage ("96.3%", kept as the fraction 0.963 so that
 * typing 95% into the cell means the same). Anything with a sign, a unit or words ("≥90%", "10个楼盘",
 * "2023基本完成") stays text: a number format would hide the words and change what typing in the cell means.
 */
export function measureNumber(measure: Measure): { value: Dec; numberFormat: string } | null {
  const v = measure.value;
  if (!v || v.units < 0) return null;
  const percent = /^([0-9]+(?:\.[0-9]+)?)%$/u.exec(measure.text);
  if (percent) {
    if (format(v, v.scale, false) !== percent[1]) return null;
    return { value: dec(v.units, v.scale + 2), numberFormat: `0${v.scale > 0 ? `.${'0'.repeat(v.scale)}` : ''}%` };
  }
  if (!/^[0-9][0-9,]*(?:\.[0-9]+)?$/u.test(measure.text)) return null;
  const grouped = measure.text.includes(',');
  if (format(v, v.scale, grouped) !== measure.text) return null;
  return { value: v, numberFormat: numberPattern(v, grouped) };
}

/** A target or actual value: its text as written, and its number when the text is a bare number or percentage. */
export function measureCell(measure: Measure, o: Extra = {}): Cell {
  const number = measureNumber(measure);
  if (number === null) return { text: measure.text, role: 'text', align: measure.text.length > 12 ? 'left' : 'center', ...extra(o) };
  return { text: measure.text, role: 'value', align: 'center', value: { kind: 'number', ...number }, ...extra(o) };
}

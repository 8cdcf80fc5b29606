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

/** An amount: 17,485.15 (blank when null). */
export function moneyCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return { text: '', role: 'value', align: 'right', ...extra(o) };
  return { text: money(d), role: 'value', align: 'right', value: { kind: 'money', value: d }, ...extra(o, d) };
}

/** A rate in percent (84.11 → "84.11%", kept as the fraction 0.8411). */
export function percentCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return { text: '', role: 'value', align: 'center', ...extra(o) };
  return { text: percent(d), role: 'value', align: 'center', value: { kind: 'percent', value: dec(d.units, d.scale + 2) }, ...extra(o, d) };
}

/** Points or a score (10, 4.21). */
export function scoreCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return { text: '', role: 'value', align: 'center', ...extra(o) };
  return { text: plain(d), role: 'value', align: 'center', value: { kind: 'score', value: d }, ...extra(o, d) };
}

/** A count (716 人). */
export function countCell(d: Dec | null, o: Extra = {}): Cell {
  if (d === null) return { text: '', role: 'value', align: 'center', ...extra(o) };
  return { text: plain(d), role: 'value', align: 'center', value: { kind: 'number', value: d, numberFormat: numberPattern(d, false) }, ...extra(o, d) };
}

function numberPattern(d: Dec, grouped: boolean): string {
  return `${grouped ? '#,##0' : '0'}${d.scale > 0 ? `.${'0'.repeat(d.scale)}` : ''}`;
}

const quoted = (s: string): string => (s === '' ? '' : `"${s}"`);

/**
 * A spreadsheet number format that shows `measure.value` exactly as the unit wrote it ("≥90%" →
 * `"≥"0"%"`, "1,008本" → `#,##0"本"`), or null when the text cannot be reproduced that way.
 */
export function measureFormat(measure: Measure): string | null {
  if (!measure.value || measure.value.units < 0) return null;
  const m = /[0-9][0-9,]*(?:\.[0-9]+)?/u.exec(measure.text);
  if (!m) return null;
  const prefix = measure.text.slice(0, m.index);
  const suffix = measure.text.slice(m.index + m[0].length);
  if (/["\\]/u.test(prefix + suffix)) return null;
  const grouped = m[0].includes(',');
  const shown = format(measure.value, measure.value.scale, grouped);
  if (shown !== m[0]) return null;
  return `${quoted(prefix)}${numberPattern(measure.value, grouped)}${quoted(suffix)}`;
}

/** A target or actual value: its text as written, and its number when the text is one number. */
export function measureCell(measure: Measure, o: Extra = {}): Cell {
  const numberFormat = measureFormat(measure);
  if (numberFormat === null || !measure.value) return { text: measure.text, role: 'text', align: measure.text.length > 12 ? 'left' : 'center', ...extra(o) };
  return { text: measure.text, role: 'value', align: 'center', value: { kind: 'number', value: measure.value, numberFormat }, ...extra(o) };
}

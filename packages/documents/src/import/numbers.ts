/**
 * Numbers as written in a cell, read for the model without losing their written precision: thousands
 * separators, full-width digits, %, units 元 / 万元 / 亿元 / 千元 (converted exactly to the model's unit by
 * moving the decimal point), 人/个/分 after counts and scores. Columns run together by PDF or Excel
 * conversion are split only where the boundary is certain (amounts with two decimals, percentages).
 * @module
 */
import { toSimplified } from './hanzi.ts';
import { cleanValue, halfWidth, isBlankValue, isPlainLabel } from './normalize.ts';

export type MoneyUnit = '元' | '万元';
export type WrittenUnit = '元' | '万元' | '亿元' | '千元';

export type NumberRead =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly value: string; readonly converted?: string }
  | { readonly kind: 'invalid'; readonly text: string };

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/u;

/** The text simplified, half-width, without blanks, ， as a comma; most figures ("17,485.15", "87.15%") have nothing to rewrite. */
export const compact = (s: string): string =>
  isPlainLabel(s) ? s : halfWidth(toSimplified(s)).replace(/[\s\u3000\u00a0]+/gu, '').replace(/，/gu, ',');

/** Powers of ten from a written unit to the model's unit. */
const EXPONENT: Record<WrittenUnit, Record<MoneyUnit, number>> = {
  元: { 元: 0, 万元: -4 },
  千元: { 元: 3, 万元: -1 },
  万元: { 元: 4, 万元: 0 },
  亿元: { 元: 8, 万元: 4 },
};

/** Moves the decimal point of a written number exactly ("3,868,800.00", -4 → "386.880000"). */
export function shiftDecimal(written: string, exponent: number): string {
  if (exponent === 0) return written;
  const negative = written.startsWith('-');
  const bare = written.replace(/^[+-]/u, '').replace(/,/gu, '');
  const [whole = '0', frac = ''] = bare.split('.');
  let digits = whole + frac;
  let point = whole.length + exponent;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/u, '');
  const fracPart = digits.slice(point);
  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

/** The unit written after a number or in a header: （万元）, 单位：元, 金额单位：万元. */
export function unitIn(text: string): WrittenUnit | null {
  // every unit ends in 元, which no rewriting makes: most cells are refused without it
  if (!text.includes('元')) return null;
  const t = compact(text);
  const m = /(?:单位[:：]|[（(])\s*(亿元|万元|千元|元)\s*[)）]?/u.exec(t);
  return m ? (m[1] as WrittenUnit) : null;
}

/** An amount; `unit` is the unit the table declares, `modelUnit` the evaluation's. */
export function readAmount(text: string, modelUnit: MoneyUnit = '万元', unit: WrittenUnit | null = null): NumberRead {
  if (isBlankValue(text)) return { kind: 'blank' };
  let t = compact(cleanValue(text)).replace(/^[¥￥]/u, '');
  let written: WrittenUnit | null = unit;
  const m = /(亿元|万元|千元|元)$/u.exec(t);
  if (m) {
    written = m[1] as WrittenUnit;
    t = t.slice(0, -written.length);
  }
  if (!NUMBER.test(t)) return { kind: 'invalid', text: cleanValue(text) };
  const exponent = written ? EXPONENT[written][modelUnit] : 0;
  return exponent === 0 ? { kind: 'number', value: t } : { kind: 'number', value: shiftDecimal(t, exponent), converted: `${t}${written}` };
}

/** A rate in percent: "87.15%", "87.15", "８７．１５％". */
export function readRate(text: string): NumberRead {
  if (isBlankValue(text)) return { kind: 'blank' };
  const t = compact(cleanValue(text));
  const bare = t.replace(/%$/u, '');
  if (!NUMBER.test(bare)) return { kind: 'invalid', text: cleanValue(text) };
  return { kind: 'number', value: t };
}

/** A count (716, 716人, 20个) or points/score (5, 5分). */
export function readCount(text: string, suffixes = /(?:人|个|名|家|项|件|分|户|本|次)$/u): NumberRead {
  if (isBlankValue(text)) return { kind: 'blank' };
  const t = compact(cleanValue(text)).replace(suffixes, '');
  if (!NUMBER.test(t)) return { kind: 'invalid', text: cleanValue(text) };
  return { kind: 'number', value: t };
}

export const readPoints = (text: string): NumberRead => readCount(text, /分$/u);

/** Pieces whose end is certain: a percentage with at most two decimals, an amount with exactly two. */
const PIECE = /^(?:\d+(?:\.\d{1,2})?%|\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})/u;

/**
 * Splits a token in which several numbers ran together ("17,485.1517,485.15100%") where the boundaries
 * are certain: amounts with exactly two decimals and percentages. What is left after them (an integer
 * like "1010" that may be "10" + "10") is returned as `rest`, to be used only when the row's shape
 * confirms it. A token that is one number is returned as it is.
 */
export function splitRunTogether(token: string): { pieces: string[]; rest: string | null } {
  const t = compact(token);
  if (t === '' || NUMBER.test(t) || NUMBER.test(t.replace(/%$/u, '')) || !/^[\d,.%]+$/u.test(t)) return { pieces: [token], rest: null };
  const pieces: string[] = [];
  let rest = t;
  for (let m = PIECE.exec(rest); m && rest !== ''; m = PIECE.exec(rest)) {
    pieces.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  if (pieces.length === 0) return { pieces: [token], rest: null };
  return { pieces, rest: rest === '' ? null : rest };
}

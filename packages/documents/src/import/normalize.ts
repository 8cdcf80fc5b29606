/**
 * Text as the importer compares it (labels) and as it keeps it (values): traditional characters read as
 * simplified, full-width letters and digits as half-width, blanks and zero-width characters removed for
 * labels; values keep their wording, lose only surrounding blanks and empty lines.
 * @module
 */
import { isPlaceholder } from '@jixiao/core';
import { SIMPLIFIED_UNITS, TRADITIONAL_UNITS, clearSimplifiedMemo, toSimplified } from './hanzi.ts';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
const BLANKS = /[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu;

/** A UTF-16 unit that `\s` matches (JavaScript's white space and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isZeroWidthCode = (c: number): boolean => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
const isFullWidthAscii = (c: number): boolean => c >= 0xff01 && c <= 0xff5e;

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．，％（）：) to half-width. */
export const halfWidth = (s: string): string => {
  for (let i = 0; i < s.length; i++) if (isFullWidthAscii(s.charCodeAt(i))) return halfWidthFrom(s, i);
  return s;
};

/**
 * {@link halfWidth} from the first full-width unit at `first` on: the runs between converted units are
 * copied as slices (most Chinese text has a full-width ，：（） every few characters; a replace with a
 * callback per match costs several times more).
 */
function halfWidthFrom(s: string, first: number): string {
  let out = '';
  let start = 0;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isFullWidthAscii(c)) continue;
    out += s.slice(start, i) + String.fromCharCode(c - 0xfee0);
    start = i + 1;
  }
  return out + s.slice(start);
}

/** What {@link label} does with a UTF-16 unit: keeps it (0), drops it (1: blank, zero-width), makes it half-width (2) or simplified (3). */
const LABEL_ACTION = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isSpaceCode(c) || isZeroWidthCode(c)) LABEL_ACTION[c] = 1;
  else if (isFullWidthAscii(c)) LABEL_ACTION[c] = 2;
  else if (TRADITIONAL_UNITS[c] === 1) LABEL_ACTION[c] = 3;
}

/** A label for comparison: simplified, half-width, no blanks, （）→(), ：→: . */
const labels = new Map<string, string>();
/** Cleaned values within one document (the importer cleans the same cells many times). */
const cleaned = new Map<string, string>();

/**
 * Starts a new document: the memo of labels is kept within one document (the importer compares the same
 * lines many times) and never carried into the next.
 */
export function beginDocument(): void {
  labels.clear();
  cleaned.clear();
  clearSimplifiedMemo();
}

/** Whether {@link label} leaves `s` as it is: no blank, zero-width, full-width or traditional unit in it. */
export function isPlainLabel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (LABEL_ACTION[s.charCodeAt(i)] !== 0) return false;
  return true;
}

export function label(s: string): string {
  let first = 0;
  while (first < s.length && LABEL_ACTION[s.charCodeAt(first)] === 0) first++;
  if (first === s.length) return s;
  let out = labels.get(s);
  if (out === undefined) {
    out = relabel(s, first);
    if (labels.size < 100_000) labels.set(s, out);
  }
  return out;
}

/**
 * {@link label} in one pass from the first unit it changes: each unit is dropped, made half-width or simplified
 * on its own (no step can make a unit another step changes), so this is the same as removing the zero-width
 * units, simplifying, making half-width and removing the blanks one after the other.
 */
function relabel(s: string, first: number): string {
  let out = '';
  let start = 0;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const action = LABEL_ACTION[c];
    if (action === 0) continue;
    // a traditional form of more than one unit (none in the table today): the regular expressions
    if (action === 3 && SIMPLIFIED_UNITS[c] === 0) return halfWidth(toSimplified(s.replace(ZERO_WIDTH, ''))).replace(BLANKS, '');
    out += s.slice(start, i);
    if (action === 2) out += String.fromCharCode(c - 0xfee0);
    else if (action === 3) out += String.fromCharCode(SIMPLIFIED_UNITS[c] ?? c);
    start = i + 1;
  }
  return out + s.slice(start);
}

/** Whether {@link cleanValue} changes the text: blanks around it, a line break or a zero-width character in it. */
function needsCleaning(s: string): boolean {
  if (s.length === 0) return false;
  if (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1))) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || isZeroWidthCode(c)) return true;
  }
  return false;
}

/** Whether {@link cleanValue} leaves nothing: every unit a blank or zero-width (found out at the first written one). */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isSpaceCode(c) && !isZeroWidthCode(c)) return false;
  }
  return true;
}

/** Longer texts than this are looked up before they are scanned (lines and paragraphs are cleaned many times each). */
const SCAN_LENGTH = 32;

/** A written value kept as written: trailing blanks and empty lines removed, surrounding blanks trimmed. */
export function cleanValue(s: string): string {
  if (s.length <= SCAN_LENGTH && !needsCleaning(s)) return s;
  let out = cleaned.get(s);
  if (out === undefined) {
    out = needsCleaning(s) ? clean(s) : s;
    if (cleaned.size < 100_000) cleaned.set(s, out);
  }
  return out;
}

function clean(s: string): string {
  // one line without zero-width characters (most values): only the blanks around it go
  let plain = true;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = c !== 0x0a && !isZeroWidthCode(c);
  }
  if (plain) {
    let start = 0;
    let end = s.length;
    while (start < end && isSpaceCode(s.charCodeAt(start))) start++;
    while (end > start && isSpaceCode(s.charCodeAt(end - 1))) end--;
    return s.slice(start, end);
  }
  return s
    .replace(ZERO_WIDTH, '')
    .split('\n')
    .map((l) => l.replace(/[\s\u3000\u00a0]+$/u, ''))
    .filter((l) => l.replace(BLANKS, '') !== '')
    .join('\n')
    .replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '');
}

/** One-line form of a value, for messages and excerpts. */
export const oneLine = (s: string, max = 60): string => {
  const c = cleanValue(s);
  const t = c.includes('\n') ? c.replace(/\n+/gu, ' ') : c;
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/** The characters a blank value can start with once its blanks and zero-width characters are gone. */
const BLANK_STARTS = new Set(Array.from('-—–－―/／\\…．.·无空略暂不', (c) => c.charCodeAt(0)));

/** Blank, 　, —, /, ……, 无 and the like: nothing written. Also "……拨款"-style template rows count as labels, not values. */
export const isBlankValue = (s: string): boolean => {
  // most cells start with a figure or a word no placeholder starts with: decided without cleaning the text
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) || isZeroWidthCode(c)) continue;
    if (!BLANK_STARTS.has(c)) return false;
    break;
  }
  const t = cleanValue(s);
  return t === '' || isPlaceholder(t) || /^[…．.·\-—－/／\\]+$/u.test(t.replace(BLANKS, '')) || /^(?:无|空|略|暂无|不适用|\/|—)$/u.test(t);
};

/** Removes a leading list marker: （一）, 一、, 1. 1、 ⒈ ⑴ ① (1). */
export const stripMarker = (s: string): string =>
  s.replace(/^[\s\u3000]*(?:[（(][一二三四五六七八九十百\d]{1,3}[)）]|[一二三四五六七八九十百]{1,3}[、.．]|\d{1,3}[、.．](?!\d)|[⒈-⒛⑴-⒇①-⑳])[\s\u3000]*/u, '');

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二十 → 20, 十二 → 12, 二十一 → 21, digits as they are. */
function cnNumber(s: string): number | null {
  if (/^\d+$/u.test(s)) return Number(s);
  if (s === '') return null;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
  const tens = ten === 0 ? 1 : (CN_DIGIT[s.slice(0, ten)] ?? null);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGIT[s.slice(ten + 1)] ?? null);
  return tens === null || ones === null ? null : tens * 10 + ones;
}

/**
 * A date written anywhere in `text` as 2023年2月20日, 2023-02-20, 2023.2.20, 2023/2/20 or
 * 二〇二三年二月二十日, normalised to 2023年2月20日; null when there is none or it is not a real date.
 */
export function findDate(text: string): { written: string; normalized: string; year: number } | null {
  const t = halfWidth(toSimplified(text));
  const m =
    /((?:19|20)\d{2})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?/u.exec(t) ??
    /([〇零一二三四五六七八九oO]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u.exec(t);
  if (!m) return null;
  const [written = '', ys = '', ms = '', ds = ''] = m;
  const year = /^\d+$/u.test(ys) ? Number(ys) : Number(Array.from(ys, (c) => String(CN_DIGIT[c] ?? '')).join(''));
  const month = cnNumber(ms);
  const day = cnNumber(ds);
  if (!Number.isInteger(year) || year < 1990 || year > 2100 || !month || !day || month > 12 || day > 31) return null;
  return { written, normalized: `${year}年${month}月${day}日`, year };
}

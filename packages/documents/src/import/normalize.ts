/**
 * Text as the importer compares it (labels) and as it keeps it (values): traditional characters read as
 * simplified, full-width letters and digits as half-width, blanks and zero-width characters removed for
 * labels; values keep their wording, lose only surrounding blanks and empty lines.
 * @module
 */
import { isPlaceholder } from '@jixiao/core';
import { clearSimplifiedMemo, toSimplified } from './hanzi.ts';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
const BLANKS = /[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu;

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．，％（）：) to half-width. */
export const halfWidth = (s: string): string =>
  s.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A label for comparison: simplified, half-width, no blanks, （）→(), ：→: . */
const labels = new Map<string, string>();

/**
 * Starts a new document: the memo of labels is kept within one document (the importer compares the same
 * lines many times) and never carried into the next.
 */
export function beginDocument(): void {
  labels.clear();
  clearSimplifiedMemo();
}

export function label(s: string): string {
  let out = labels.get(s);
  if (out === undefined) {
    out = halfWidth(toSimplified(s.replace(ZERO_WIDTH, ''))).replace(BLANKS, '');
    if (labels.size < 100_000) labels.set(s, out);
  }
  return out;
}

/** A written value kept as written: trailing blanks and empty lines removed, surrounding blanks trimmed. */
const NEEDS_CLEANING = /[\n\u200b-\u200d\u2060\ufeff\u00ad]|^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/u;

export function cleanValue(s: string): string {
  return NEEDS_CLEANING.test(s) ? clean(s) : s;
}

function clean(s: string): string {
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
  const t = cleanValue(s).replace(/\n+/gu, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/** Blank, 　, —, /, ……, 无 and the like: nothing written. Also "……拨款"-style template rows count as labels, not values. */
export const isBlankValue = (s: string): boolean => {
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

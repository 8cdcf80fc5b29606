/**
 * Finding a labelled figure in the text: its `text` on its `line` as a whole number — not inside a longer
 * number — and its `nth` such occurrence (0-based).
 * @module
 */
import type { Figure } from './schema.ts';

const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9０-９]/u.test(c);
const isCn = (c: string | undefined): boolean => c !== undefined && /[〇零一二两三四五六七八九十百千]/u.test(c);

const POINT = /[.．]/u;
const COMMA = /[,，]/u;
/** A list number at the start of a line ("1.2022年…"): the point after it does not join it to the figure. */
const LIST_NUMBER = /^[\s\u3000]*[0-9０-９]{1,2}[.．]$/u;

/** Whether the characters before `at` make the figure the tail of a longer number (3.45, 1,234). */
function continuesBefore(line: string, at: number, text: string): boolean {
  const before = line[at - 1];
  if (before === undefined || !isDigit(line[at - 2])) return false;
  if (POINT.test(before)) return !LIST_NUMBER.test(line.slice(0, at));
  // 1,234: the figure starts with a group of exactly three digits
  return COMMA.test(before) && /^[0-9０-９]{3}(?![0-9０-９])/u.test(text);
}

/** Whether the characters from `end` continue the figure into a longer number (12.5, 12,345). */
function continuesAfter(line: string, end: number): boolean {
  const after = line[end];
  if (after === undefined || !isDigit(line[end + 1])) return false;
  if (POINT.test(after)) return true;
  return COMMA.test(after) && /^[0-9０-９]{3}(?![0-9０-９])/u.test(line.slice(end + 1));
}

/**
 * Offsets in `line` where `text` occurs as a whole number: the characters around it do not continue it
 * (a digit, or a point or thousands separator between it and a digit; for a Chinese numeral, another
 * Chinese numeral).
 */
export function wholeOccurrences(line: string, text: string): number[] {
  const out: number[] = [];
  const cn = isCn(text[0]);
  for (let at = line.indexOf(text); at !== -1; at = line.indexOf(text, at + 1)) {
    const before = line[at - 1];
    const after = line[at + text.length];
    if (cn) {
      if (isCn(before) || isCn(after)) continue;
    } else {
      if (isDigit(before) || isDigit(after)) continue;
      if (continuesBefore(line, at, text) || continuesAfter(line, at + text.length)) continue;
    }
    out.push(at);
  }
  return out;
}

export type Located = { readonly line: number; readonly offset: number; readonly length: number };

/** Where the figure is in the document's lines (1-based `line`), or a Chinese message why it is not. */
export function locate(lines: readonly string[], f: Figure): Located | string {
  const text = lines[f.line - 1];
  if (text === undefined) return `第 ${f.line} 行不存在（文档共 ${lines.length} 行）`;
  const all = wholeOccurrences(text, f.text);
  const nth = f.nth ?? 0;
  const offset = all[nth];
  if (offset === undefined) {
    return all.length === 0
      ? `第 ${f.line} 行没有独立的数字「${f.text}」`
      : `第 ${f.line} 行的「${f.text}」只有 ${all.length} 处，没有第 ${nth} 处（nth 从 0 数起）`;
  }
  return { line: f.line, offset, length: f.text.length };
}

/** The document's lines as the audit numbers them for .txt (split at LF; a CR before it is dropped). */
export const linesOf = (text: string): string[] => text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));

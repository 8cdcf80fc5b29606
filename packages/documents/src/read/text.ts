/**
 * Plain text: encoding detection (UTF-8 / UTF-16 with or without BOM / GB18030) and tables rebuilt from
 * the two ways text carries them:
 *
 * - flattened, one cell per line starting with a tab, rows separated by blank lines (the seed; a cell
 *   may continue on following lines, with single blank lines between its paragraphs);
 * - tab-separated rows, one row per line (copied from Excel, Word or a web page; Excel's quoted cells
 *   with line breaks are understood);
 * - rows whose cells are set apart by blanks, one row per line (a table copied from a web page or a PDF
 *   viewer): one blank (space, full-width space or no-break space) between cells, an empty cell written as
 *   one blank. Taken as a table only where it cannot be narrative: several such rows in a run, short cells
 *   without sentence punctuation, a row of known table words (分值, 得分, 年初预算数, 一级指标…); a short
 *   line between rows (a cell's second line, "(万元)") is kept as a row of its own. A header whose captions
 *   continue on the line right under it ("年度 实际" over "指标值 完成值") is joined with it where one way
 *   only makes known captions of the header's unknown ones ("年度\n指标值"). A row wider than the header
 *   row above it by empty leading cells only (a web page's indentation) is aligned from the right where
 *   that, and not its alignment from the left, puts numbers under the header's number captions (分值, 得分,
 *   预算数…); any other row wider than the header ends the table (its cells cannot be placed);
 * - one cell per line ending with " |" (a web page saved as text): a line "|" opens a row, a line "|" inside
 *   it is an empty cell, a line of several "|" closes it (padding the row to the table's width, the padding
 *   not being cells), and a row that has reached the width closes by itself. Taken only where the width is
 *   known and the same for every padded row; without padding (rows could not be told apart) it is no table.
 *
 * Merges cannot be seen in text: every cell has span 1 and keeps its position in its row.
 * @module
 */
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { isBlankUnit } from '../chars.ts';
import { CellBudget, type Deadline, type Limits, ReadErrorCode, readError } from './limits.ts';

// ---------------------------------------------------------------------------------------------------------
// Decoding

export type Decoded = { readonly text: string; readonly encoding: string };

const zeroShare = (bytes: Uint8Array, parity: number, sample: number): number => {
  let zeros = 0;
  let total = 0;
  for (let i = parity; i < sample; i += 2) {
    total++;
    if (bytes[i] === 0) zeros++;
  }
  return total === 0 ? 0 : zeros / total;
};

/** Control characters other than tab, line feed, carriage return and form feed, or U+FFFD. */
const isJunkChar = (code: number): boolean =>
  (code <= 0x08) || code === 0x0b || (code >= 0x0e && code <= 0x1f) || code === 0x7f || code === 0xfffd;
const junkCount = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isJunkChar(text.charCodeAt(i))) n++;
  return n;
};

/** UTF-16 code units to a string natively (the mark U+FEFF kept): a Uint16Array is little-endian on this machine. */
const utf16 = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le', { ignoreBOM: true }) : null;
/** UTF-16 units of the last report of up to 64 KiB {@link utf8OrNull} decoded (the string is copied out of it). */
const scratch = new Uint16Array(1 << 16);
/** Code units per `String.fromCharCode` call where the decoder cannot be used (its arguments go on the stack). */
const CHUNK = 8192;

/**
 * `new TextDecoder('utf-8', { fatal: true }).decode(bytes)`, or null where it throws: a byte that starts no
 * sequence, a sequence cut short, an overlong form, a surrogate, a code point above U+10FFFF (the WHATWG
 * decoder's byte ranges); a leading byte-order mark is dropped as it drops it. Checking and converting to
 * UTF-16 here and making the string with the UTF-16 decoder is about twice as fast as Node's UTF-8 decoder
 * (measured 45 µs against 83 µs for the seed).
 */
export function utf8OrNull(bytes: Uint8Array): string | null {
  const n = bytes.length;
  // never more UTF-16 units than bytes; a report of up to 64 KiB reuses one buffer (no allocation and zero-filling per file)
  const out = n <= scratch.length ? scratch : new Uint16Array(n);
  let o = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out[o++] = b;
      i++;
      continue;
    }
    // the second byte's range depends on the first (no overlong forms, surrogates or values past U+10FFFF)
    const c1 = bytes[i + 1] ?? 0;
    if (b >= 0xe0 && b <= 0xef) {
      const low = b === 0xe0 ? 0xa0 : 0x80;
      const high = b === 0xed ? 0x9f : 0xbf;
      const c2 = bytes[i + 2] ?? 0;
      if (c1 < low || c1 > high || c2 < 0x80 || c2 > 0xbf) return null;
      out[o++] = ((b & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      i += 3;
    } else if (b >= 0xc2 && b <= 0xdf) {
      if (c1 < 0x80 || c1 > 0xbf) return null;
      out[o++] = ((b & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const low = b === 0xf0 ? 0x90 : 0x80;
      const high = b === 0xf4 ? 0x8f : 0xbf;
      const c2 = bytes[i + 2] ?? 0;
      const c3 = bytes[i + 3] ?? 0;
      if (c1 < low || c1 > high || c2 < 0x80 || c2 > 0xbf || c3 < 0x80 || c3 > 0xbf) return null;
      const cp = (((b & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f)) - 0x10000;
      out[o++] = 0xd800 + (cp >> 10);
      out[o++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
    } else {
      return null;
    }
  }
  if (utf16) return utf16.decode(out.subarray(0, o));
  let text = '';
  for (let k = 0; k < o; k += CHUNK) text += String.fromCharCode.apply(null, out.subarray(k, Math.min(o, k + CHUNK)) as unknown as number[]);
  return text;
}

/**
 * Decodes text bytes. @throws DomainError file-unsupported for binary content, file-empty for no text.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  let text: string;
  let encoding: string;
  const sample = Math.min(bytes.length, 4096);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'UTF-8';
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'UTF-16LE';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'UTF-16BE';
  } else if (sample >= 4 && zeroShare(bytes, 1, sample) > 0.3 && zeroShare(bytes, 0, sample) < 0.05) {
    text = new TextDecoder('utf-16le').decode(bytes);
    encoding = 'UTF-16LE';
  } else if (sample >= 4 && zeroShare(bytes, 0, sample) > 0.3 && zeroShare(bytes, 1, sample) < 0.05) {
    text = new TextDecoder('utf-16be').decode(bytes);
    encoding = 'UTF-16BE';
  } else {
    if (bytes.subarray(0, sample).includes(0)) {
      throw readError(ReadErrorCode.unsupported, file, '不是文本文件，也不是可识别的文档格式（支持 .txt、.docx、.doc、.xlsx、.xls、.pdf、.html）');
    }
    const utf8 = utf8OrNull(bytes);
    if (utf8 !== null) {
      text = utf8;
      encoding = 'UTF-8';
    } else {
      text = new TextDecoder('gb18030').decode(bytes);
      encoding = 'GB18030';
    }
  }
  const junk = text.length === 0 ? 0 : junkCount(text) / text.length;
  if (junk > 0.02) {
    throw readError(ReadErrorCode.unsupported, file, '不是文本文件，也不是可识别的文档格式（支持 .txt、.docx、.doc、.xlsx、.xls、.pdf、.html）');
  }
  if (text.trim() === '') throw readError(ReadErrorCode.empty, file, '没有文字内容');
  return { text, encoding };
}

// ---------------------------------------------------------------------------------------------------------
// Tables in text

/** Blanks only (`/^[\s\u3000\u00a0]*$/u`, by character code). */
const isBlank = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isBlankUnit(s.charCodeAt(i))) return false;
  return true;
};
/** A flattened cell: one tab at the start, no other tab. */
const isCellLine = (s: string): boolean => s.startsWith('\t') && !s.includes('\t', 1);
/** A tab-separated row: a tab after the start, or several tabs. */
const isTsvLine = (s: string): boolean => s.includes('\t') && !isCellLine(s) && !isListLine(s);
/** "1.\t加强…", "（一）\t承担…": a Word list item copied as text, not a row. */
const isListLine = (s: string): boolean => {
  const parts = s.split('\t');
  return parts.length === 2 && /^[\s\u3000]*[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?[\s\u3000]*$/u.test(parts[0] ?? '') && (parts[1] ?? '').trim() !== '';
};
/** Lines that end a flattened table even when no blank line comes before them. */
const ENDS_TABLE = /^[\s\u3000]*(?:填表人|填报人|单位负责人|财务负责人|附件\s*\d|说明[:：]\s*\d|注[:：]\s*\d)/u;
/** Lines that end a flattened table after a blank line. */
const ENDS_TABLE_AFTER_BLANK = /^[\s\u3000]*(?:说明|注|备注)[:：]|^[\s\u3000]*[一二三四五六七八九十]+、|^[\s\u3000]*[（(][一二三四五六七八九十]+[)）]/u;

type Cell = { text: string; line: number };

const trimCellEnd = (lines: string[]): string => {
  while (lines.length > 0 && isBlank(lines[lines.length - 1] ?? '')) lines.pop();
  return lines.join('\n');
};

const SHORT = 24;

/** `s.trim().length`, counted without making the trimmed string. */
export const trimmedLength = (s: string): number => {
  let start = 0;
  let end = s.length;
  while (start < end && isBlankUnit(s.charCodeAt(start))) start++;
  while (end > start && isBlankUnit(s.charCodeAt(end - 1))) end--;
  return end - start;
};

/** Two rows of two cells or more, and half the cells short. */
const looksLikeTable = (rows: readonly (readonly Cell[])[]): boolean => {
  let wide = 0;
  let cells = 0;
  let short = 0;
  for (const r of rows) {
    if (r.length >= 2) wide++;
    cells += r.length;
    for (const c of r) if (trimmedLength(c.text) <= SHORT) short++;
  }
  return wide >= 2 && short / cells >= 0.5;
};

type Region = { start: number; end: number; rows: Cell[][] };

/** A flattened table starting at index `i` of `raw` (0-based); null when it is not a table. */
function flattenedAt(raw: readonly string[], i: number): Region | null {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cellLines: string[] | null = null;
  let cellLine = 0;
  let blanks = 0;
  let end = i;
  const closeCell = () => {
    if (cellLines) row.push({ text: trimCellEnd(cellLines), line: cellLine });
    cellLines = null;
  };
  const closeRow = () => {
    closeCell();
    if (row.length > 0) rows.push(row);
    row = [];
  };
  let j = i;
  for (; j < raw.length; j++) {
    const s = raw[j] ?? '';
    if (isCellLine(s)) {
      if (blanks > 0) closeRow();
      else closeCell();
      cellLines = [s.slice(1)];
      cellLine = j + 1;
      blanks = 0;
      end = j;
    } else if (isBlank(s)) {
      blanks++;
    } else if (s.includes('\t')) {
      break;
    } else if (cellLines && blanks <= 1 && !ENDS_TABLE.test(s) && !(blanks === 1 && ENDS_TABLE_AFTER_BLANK.test(s))) {
      for (let b = 0; b < blanks; b++) cellLines.push('');
      cellLines.push(s);
      blanks = 0;
      end = j;
    } else {
      break;
    }
  }
  closeRow();
  return looksLikeTable(rows) ? { start: i, end, rows } : null;
}

/** Splits a tab-separated region, joining Excel's quoted cells that span lines. */
function tsvAt(raw: readonly string[], i: number): Region | null {
  const rows: Cell[][] = [];
  let j = i;
  let end = i;
  while (j < raw.length) {
    const s = raw[j] ?? '';
    if (isBlank(s) && !s.includes('\t')) {
      // one blank line between rows is allowed when the table goes on
      if (isTsvLine(raw[j + 1] ?? '')) {
        j++;
        continue;
      }
      break;
    }
    // inside the region any line with a tab is a row (also "\t\"产出" opening a quoted cell)
    if (!s.includes('\t') || isListLine(s)) break;
    const line = j + 1;
    const cells: Cell[] = [];
    let rest = s;
    let k = j;
    for (;;) {
      if (rest.startsWith('"')) {
        // quoted cell: up to the closing quote, possibly on a later line
        let body = '';
        let text = rest.slice(1);
        let closed = false;
        let guard = 0;
        while (!closed && guard++ < 200) {
          const q = /"(?!")/u.exec(text);
          if (q) {
            body += text.slice(0, q.index);
            rest = text.slice(q.index + 1);
            closed = true;
          } else if (k + 1 < raw.length) {
            body += `${text}\n`;
            k++;
            text = raw[k] ?? '';
          } else {
            body += text;
            rest = '';
            closed = true;
          }
        }
        cells.push({ text: body.replace(/""/gu, '"'), line });
        const tab = rest.indexOf('\t');
        if (tab === -1) break;
        rest = rest.slice(tab + 1);
      } else {
        const tab = rest.indexOf('\t');
        cells.push({ text: tab === -1 ? rest : rest.slice(0, tab), line });
        if (tab === -1) break;
        rest = rest.slice(tab + 1);
      }
    }
    rows.push(cells);
    end = k;
    j = k + 1;
  }
  return rows.length >= 2 && looksLikeTable(rows) ? { start: i, end, rows } : null;
}

const isBlankChar = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0xa0;
/** The first blank (space, full-width space, no-break space) at or after `from`, or −1 (native searches: most lines have none). */
const nextBlank = (s: string, from: number): number => {
  let p = s.indexOf(' ', from);
  const q = s.indexOf('\u3000', from);
  if (q !== -1 && (p === -1 || q < p)) p = q;
  const r = s.indexOf('\u00a0', from);
  if (r !== -1 && (p === -1 || r < p)) p = r;
  return p;
};
/**
 * Whether a blank comes within `limit` characters after the leading blanks: a row's first cell is short, so
 * a line is no row without one (most lines of a report: the search stops after `limit` characters).
 */
const blankWithin = (s: string, limit: number): boolean => {
  let i = 0;
  while (i < s.length && isBlankChar(s.charCodeAt(i))) i++;
  const stop = Math.min(s.length, i + limit);
  for (let j = i; j < stop; j++) if (isBlankChar(s.charCodeAt(j))) return true;
  return false;
};
/** A blank between two written characters, and no tab. */
const hasInnerBlank = (s: string): boolean => {
  if (s.includes('\t')) return false;
  let i = 0;
  while (i < s.length && isBlankChar(s.charCodeAt(i))) i++;
  const p = nextBlank(s, i);
  if (p === -1) return false;
  let j = p;
  while (j < s.length && isBlankChar(s.charCodeAt(j))) j++;
  // a written character after the first run of blanks after a written one
  return j < s.length;
};
/**
 * Cells of a line whose cells are set apart by one blank, an empty cell being one blank: "a b" → a|b,
 * "a   b" → a||b, "  a" → |a. Null for a line with a tab, without a blank between two written characters,
 * or whose runs of blanks cannot be so read (an odd run before the first cell, an even run between two).
 */
export function blankCells(s: string): string[] | null {
  if (!hasInnerBlank(s)) return null;
  const cells: string[] = [];
  const n = s.length;
  let i = 0;
  let written = 0;
  while (i < n) {
    let j = i;
    while (j < n && isBlankChar(s.charCodeAt(j))) j++;
    const run = j - i;
    if (run > 0) {
      // before the first cell each empty cell is two blanks, between two cells one blank and two per
      // empty cell, so an odd run before or an even run between is no such row (fixed-width text)
      if (j === n) {
        for (let e = 0; e < run >> 1; e++) cells.push('');
        break;
      }
      if (written === 0 ? run % 2 === 1 : run % 2 === 0) return null;
      for (let e = 0; e < run >> 1; e++) cells.push('');
      i = j;
    }
    while (j < n && !isBlankChar(s.charCodeAt(j))) j++;
    cells.push(s.slice(i, j));
    written++;
    i = j;
  }
  return written >= 2 ? cells : null;
}

/** Words of a table's header or label cells: a row with two of them opens a blank-separated table. */
const TABLE_WORD = /^(?:项目名称|主管部门|实施单位|项目资金|年初预算数?|全年预算数?|调整后预算数?|全年执行数?|预算数|执行数|决算数|执行率|分值|得分|自评得分|权重|一级指标|二级指标|三级指标|指标名称|年度指标值|指标值|实际完成值|完成值|偏差原因.*|年度总体目标|预期目标|实际完成情况|总分|合计|序号|编制数|实有人数|金额|计量单位|指标方向|指标性质)$/u;
/** Names of indicator levels, which a cell's second line may complete ("社会效益" over "指标"). */
const LEVEL_WORD = /^(?:产出|效益|满意度|服务对象满意度|社会效益|经济效益|生态效益|环境效益|可持续影响|数量|质量|时效|成本)指标$/u;
/** A caption or a level name. */
const isKnownWord = (c: string): boolean => TABLE_WORD.test(c) || LEVEL_WORD.test(c);
/** A sentence, not a cell. */
const SENTENCE = /[。；;！？!?]|[，,].{6}/u;
/** Longest cell of a blank-separated row, and of a line kept between its rows. */
const BLANK_CELL = 20;
const BLANK_GAP = 10;
/** Blank or short lines allowed between two rows. */
const GAP_LINES = 2;
/** Table words that make a row a header: a row wider than the header above it ends the table (unless {@link alignedRight} places it). */
const HEADER_WORDS = 3;
/** Header captions of columns holding numbers, and the numbers they hold: points without %, amounts, a rate. */
const POINTS_CAPTION = /^(?:分值|得分|自评得分|权重)$/u;
const AMOUNT_CAPTION = /^(?:年初预算数?|全年预算数?|调整后预算数?|全年执行数?|预算数|执行数|决算数|编制数|实有人数|金额)$/u;
const RATE_CAPTION = /^执行率$/u;
const isPoints = (c: string): boolean => /^\d+(?:\.\d+)?$/u.test(c);
const isAmount = (c: string): boolean => /^[-+]?[\d,]+(?:\.\d+)?$/u.test(c);

type BlankRow = { cells: string[]; index: number };
/** A blank-separated row: two non-empty cells or more, all short, none a sentence. */
const blankRow = (s: string, index: number): BlankRow | null => {
  if (!blankWithin(s, BLANK_CELL + 1)) return null;
  const cells = blankCells(s);
  if (!cells) return null;
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2 || filled.some((c) => c.length > BLANK_CELL || SENTENCE.test(c))) return null;
  return { cells, index };
};
const isNumberCell = (c: string): boolean => /^[-+]?[\d,]+(?:\.\d+)?%?$/u.test(c);
const tableWords = (r: BlankRow): number => r.cells.filter((c) => TABLE_WORD.test(c)).length;
/** A short line without blanks between rows (a cell's second line). */
const isGapLine = (s: string): boolean => {
  const t = s.trim();
  return t.length > 0 && t.length <= BLANK_GAP && !SENTENCE.test(t) && !/[\t \u3000\u00a0]/u.test(t) && !/[:：]/u.test(t);
};

/**
 * Whether `cells` put a number under every number caption of `header` that they fill (points under 分值 and
 * 得分, amounts under 预算数…, a rate under 执行率), and under one at least.
 */
const numbersUnderCaptions = (cells: readonly string[], header: readonly string[]): boolean => {
  let numbers = 0;
  for (let k = 0; k < header.length; k++) {
    const caption = (header[k] ?? '').replace(/\s/gu, '');
    const test = POINTS_CAPTION.test(caption) ? isPoints : AMOUNT_CAPTION.test(caption) ? isAmount : RATE_CAPTION.test(caption) ? isNumberCell : null;
    const c = cells[k] ?? '';
    if (!test || c === '') continue;
    if (!test(c)) return false;
    numbers++;
  }
  return numbers > 0;
};

/**
 * The cells of a row wider than its header placed under it from the right: its surplus leading cells are
 * empty, and so placed its numbers fall under the header's number captions while placed from the left
 * they do not. Null otherwise (no way to place it without guessing).
 */
export function alignedRight(cells: readonly string[], header: readonly string[]): string[] | null {
  const surplus = cells.length - header.length;
  if (surplus <= 0 || cells.slice(0, surplus).some((c) => c !== '')) return null;
  const right = cells.slice(surplus);
  return numbersUnderCaptions(right, header) && !numbersUnderCaptions(cells.slice(0, header.length), header) ? right : null;
}

/** Words of a line set apart by blanks, or null where it has a tab, a long word or a sentence. */
const wordsOf = (s: string): string[] | null => {
  if (s.includes('\t')) return null;
  const words = s.trim().split(/[ \u3000\u00a0]+/u).filter((w) => w !== '');
  return words.length > 0 && words.every((w) => w.length <= BLANK_CELL && !SENTENCE.test(w)) ? words : null;
};

/**
 * A row whose cells continue on the line right under it (a header "年度 实际" over "指标值 完成值", a level
 * name "社会效益" over "指标"): the row's cells with that line's words appended ("年度\n指标值"), where each
 * word, appended in order to a non-empty cell that is no known caption or level name alone, makes one, and
 * the words can be so placed in one way only. Null otherwise (a row of data under a header, words placed in
 * several ways or in none).
 */
export function joinedCells(cells: readonly string[], next: string): string[] | null {
  const words = wordsOf(next);
  if (!words) return null;
  const open = cells.map((c) => c !== '' && !isKnownWord(c));
  const ways: number[][] = [];
  const place = (w: number, from: number, at: number[]): void => {
    if (ways.length > 1) return;
    if (w === words.length) {
      ways.push(at);
      return;
    }
    for (let k = from; k < cells.length; k++) {
      if (open[k] && isKnownWord(`${cells[k] ?? ''}${words[w] ?? ''}`)) place(w + 1, k + 1, [...at, k]);
    }
  };
  place(0, 0, []);
  const way = ways.length === 1 ? ways[0] : undefined;
  if (!way) return null;
  const out = [...cells];
  way.forEach((k, w) => {
    out[k] = `${cells[k] ?? ''}\n${words[w] ?? ''}`;
  });
  return out;
}

/** A blank-separated table starting at index `i` of `raw`; null where it could be narrative. */
function blankAt(raw: readonly string[], i: number): Region | null {
  const first = blankRow(raw[i] ?? '', i);
  if (!first) return null;
  // a table starts where its run of rows starts: rows after one cut short are not a table of their own
  let b = i - 1;
  while (b >= 0 && i - b <= GAP_LINES && (isBlank(raw[b] ?? '') || isGapLine(raw[b] ?? ''))) b--;
  if (b >= 0 && i - b <= GAP_LINES + 1 && blankRow(raw[b] ?? '', b)) return null;
  const rows: BlankRow[] = [first];
  let header = 0;
  /** The last header row's cells. */
  let captions: string[] = [];
  let end = i;
  let j = i + 1;
  /** A header row: the line under it joined to it where it continues its captions. */
  const headerRow = (r: BlankRow): void => {
    if (tableWords(r) < HEADER_WORDS) return;
    const joined = r.index + 1 < raw.length ? joinedCells(r.cells, raw[r.index + 1] ?? '') : null;
    if (joined) {
      r.cells = joined;
      end = r.index + 1;
      j = r.index + 2;
    }
    header = Math.max(header, r.cells.length);
    captions = r.cells;
  };
  headerRow(first);
  while (j < raw.length) {
    // blank lines and short lines are taken only when a row follows
    let k = j;
    while (k < raw.length && k - j < GAP_LINES && (isBlank(raw[k] ?? '') || isGapLine(raw[k] ?? ''))) k++;
    const next = blankRow(raw[k] ?? '', k);
    if (!next) break;
    if (header > 0 && next.cells.length > header) {
      // placed from the right only under the widest header, whose captions say where the numbers go
      const right = captions.length === header ? alignedRight(next.cells, captions) : null;
      if (!right) break;
      next.cells = right;
    }
    for (let g = j; g < k; g++) {
      const s = raw[g] ?? '';
      if (isBlank(s)) continue;
      // a cell's second line, right under its row: joined to the cell it completes, else a row of its own
      const above = rows[rows.length - 1];
      const joined = above && above.index === g - 1 && above.cells.length > 1 ? joinedCells(above.cells, s) : null;
      if (above && joined) above.cells = joined;
      else rows.push({ cells: [s.trim()], index: g });
    }
    rows.push(next);
    end = k;
    j = k + 1;
    headerRow(next);
  }
  const full = rows.filter((r) => r.cells.filter((c) => c !== '').length >= 2);
  if (full.length < 3) return null;
  const worded = full.some((r) => tableWords(r) >= 2);
  const numeric = full.length >= 3 && full.every((r) => r.cells.length === first.cells.length && r.cells.filter(isNumberCell).length >= 2);
  // an empty cell before a written one shows cells written in place (a web page's copy); without one,
  // columns may be run together and the importer's reading of text lines (which splits numbers only
  // where the boundary is certain) is left to do it
  const placed = full.some((r) => r.cells.some((c, k) => c === '' && r.cells.slice(k + 1).some((d) => d !== '')));
  if ((!worded && !numeric) || !placed) return null;
  return { start: i, end, rows: rows.map((r) => r.cells.map((text) => ({ text, line: r.index + 1 }))) };
}

/** Lines searched for the first padded row of a " |" table. */
const PIPE_SEARCH = 64;
const isPipeCell = (s: string): boolean => s.trimEnd().endsWith('|') && !/^\|+$/u.test(s.trim());

/** A " |" table (one cell per line) opened by the "|" line at index `i`; null where its rows cannot be told apart. */
function pipeAt(raw: readonly string[], i: number): Region | null {
  const rows: Cell[][] = [];
  let width = 0;
  let padded = 0;
  let end = i;
  let j = i;
  while (j < raw.length && (raw[j] ?? '').trim() === '|') {
    j++;
    const row: Cell[] = [];
    for (;;) {
      const t = (raw[j] ?? '').trim();
      if (width > 0 && row.length === width) break;
      if (/^\|{2,}$/u.test(t)) {
        // the padding closes the row: the same width for every padded row, or no table
        if (width === 0) width = row.length + t.length;
        else if (row.length + t.length !== width) return null;
        padded++;
        end = j;
        j++;
        break;
      }
      if (width === 0 && j - i > PIPE_SEARCH) return null;
      if (t === '|') row.push({ text: '', line: j + 1 });
      else if (isPipeCell(t)) row.push({ text: t.slice(0, -1).trimEnd(), line: j + 1 });
      else break;
      end = j;
      j++;
    }
    if (row.length > 0) rows.push(row);
    if (width === 0) return null;
  }
  if (width < 3 || padded < 2 || rows.length < 3 || !looksLikeTable(rows)) return null;
  return { start: i, end, rows };
}

/**
 * Numbered lines and the tables found in them. Lines inside a table carry its index.
 */
export function linesAndTables(
  raw: readonly string[], budget: CellBudget, deadline: Deadline, where?: (index: number) => string | undefined,
): { lines: SourceLine[]; tables: SourceTable[] } {
  const tableOf = new Map<number, number>();
  const tables: SourceTable[] = [];
  for (let i = 0; i < raw.length; i++) {
    if ((i & 0x3ff) === 0) deadline.check();
    const s = raw[i] ?? '';
    const region = isCellLine(s) ? flattenedAt(raw, i) : isTsvLine(s) ? tsvAt(raw, i) : trimmedLength(s) === 1 && s.includes('|') ? pipeAt(raw, i) : blankAt(raw, i);
    if (!region) continue;
    const index = tables.length;
    const rows: SourceCell[][] = region.rows.map((cells, r) =>
      cells.map((c, col) => ({ text: c.text, row: r, col, rowSpan: 1, colSpan: 1, line: c.line })),
    );
    budget.add(rows.reduce((n, r) => n + r.length, 0));
    tables.push({ index, line: region.start + 1, rows });
    for (let k = region.start; k <= region.end; k++) tableOf.set(k, index);
    i = region.end;
  }
  budget.add(raw.length);
  const lines = raw.map((text, i): SourceLine => {
    const table = tableOf.get(i);
    const w = where?.(i);
    return { line: i + 1, text, ...(table !== undefined ? { table } : {}), ...(w ? { where: w } : {}) };
  });
  return { lines, tables };
}

/** Lines, split at \r\n, \r, \n, U+2028 and U+2029; a leading byte-order mark dropped. */
export const splitLines = (text: string): string[] => {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // most files break lines with \n alone: a split on a string is several times cheaper than on a pattern
  if (!t.includes('\r') && !t.includes('\u2028') && !t.includes('\u2029')) return t.split('\n');
  return t.split(/\r\n|\r|\n|\u2028|\u2029/u);
};

/** Reads a .txt file. */
export function readText(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): SourceDocument {
  const { text } = decodeText(bytes, file);
  const budget = new CellBudget(file, limits.maxCells);
  const raw = splitLines(text);
  while (raw.length > 0 && isBlank(raw[raw.length - 1] ?? '') && raw.length > 1) raw.pop();
  const { lines, tables } = linesAndTables(raw, budget, deadline);
  return { file, format: 'txt', lines, tables, warnings: [] };
}

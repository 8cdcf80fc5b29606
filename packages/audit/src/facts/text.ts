/**
 * The narrative as passages: lines joined into paragraphs (a .pdf line is part of a paragraph, a .docx or
 * .txt line is one), split into sentences, with the source line of every character kept.
 * @module
 */
import type { SourceDocument, SourceLine } from '@jixiao/documents';
import type { Block } from './types.ts';

const FULL_WIDTH = /[０-９．％]/gu;
/** Full-width digits, point and percent to ASCII; the length of the text does not change. */
export function halfWidth(s: string): string {
  // most texts have none: a scan by code unit (０-９ U+FF10-FF19, ． U+FF0E, ％ U+FF05) instead of a replace
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff05 && c <= 0xff19 && (c >= 0xff10 || c === 0xff0e || c === 0xff05)) return s.replace(FULL_WIDTH, (f) => String.fromCharCode(f.charCodeAt(0) - 0xfee0));
  }
  return s;
}

export const BLANK = /^[\s\u3000\u00a0]*$/u;
/**
 * `String#trim` drops exactly what `\s` matches (WhiteSpace and LineTerminator; U+3000 and U+00A0 are among
 * them), so the trims below are the native ones instead of a regular expression (text.test.ts checks the
 * equivalence over every UTF-16 unit).
 */
export const isBlankText = (s: string): boolean => s.trim() === '';
const trimAll = (s: string): string => s.trim();

export { isBlankUnit } from '@jixiao/documents';

export const CN_DIGITS = '一二三四五六七八九十';
/** 一 … 九十九 as a number; null when the text is not a Chinese numeral. */
export function chineseNumber(text: string): number | null {
  const digits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^[一二两三四五六七八九]$/u.test(text)) return digits[text] ?? null;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (!m) return null;
  return (m[1] ? (digits[m[1]] ?? 0) : 1) * 10 + (m[2] ? (digits[m[2]] ?? 0) : 0);
}

/** Markers at the start of a line: 一、 （一） 1. 1、 ⒈ ⑴ (1) ① 一是. */
export const LINE_MARKER =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|[（(]\d{1,2}[)）]|\d{1,2}(?:[.．](?!\d)|、)|[\u2460-\u2473\u2474-\u2487\u2488-\u249b]|[一二三四五六七八九十]是)/u;

/** A top-level heading 一、 … at the start of a line. */
export const TOP_HEADING = /^[\s\u3000]*[一二三四五六七八九十]+、/u;

/** The line that starts the attachments (附件1-1, 附件2, 附表1): what follows belongs to the tables. */
export const ATTACHMENT_START = /^[\s\u3000]*附\s*[件表]\s*[\d一二三四五六七八九十]+(?:\s*[-－—]\s*\d+)?[\s\u3000]*(?:[:：].{0,30})?$/u;

/** A report naming its own year: 2022年度部门整体支出绩效自评, 2022年度基本公共卫生服务项目支出绩效自评. */
export const SELF_YEAR = /((?:19|20)\d{2})\s*年度?[^，,。；;\d]{0,24}?绩效\s*(?:自评|评价|自查)/gu;
/** A line that is only a year: （2022年度） under a table's title. */
export const TABLE_YEAR = /^[\s\u3000]*[（(]\s*((?:19|20)\d{2})\s*年度\s*[)）][\s\u3000]*$/u;

/** Words that make a year a reference to other years' evaluations, not a claim about this one. */
export const OTHER_YEARS = /上年|去年|往年|历年|以前|此前|前期|上一年|整改|连续|对比|相比|比较|发现|指出|反馈/u;

/** The clause around a match: from the previous ，。； to the next. */
export function clauseAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('，', start), text.lastIndexOf('。', start), text.lastIndexOf('；', start), 0);
  const next = text.slice(end).search(/[，。；]/u);
  return text.slice(from, next === -1 ? text.length : end + next);
}

/** Whether an offset lies inside 《…》: the title of a cited notice or plan (《关于开展2022年…绩效自评工作的通知》). */
export function insideBookTitle(text: string, index: number): boolean {
  return text.lastIndexOf('《', index) > text.lastIndexOf('》', index);
}

export type Mention = { year: number; line: number; text: string };

/** Years the report gives itself: （2022年度） lines and 2022年度…绩效自评 phrases. */
export function selfYears(lines: readonly { line: number; text: string }[]): Mention[] {
  const out: Mention[] = [];
  for (const l of lines) {
    const t = halfWidth(l.text);
    const own = TABLE_YEAR.exec(t);
    if (own?.[1]) out.push({ year: Number(own[1]), line: l.line, text: t.trim() });
    for (const m of t.matchAll(SELF_YEAR)) {
      if (m[1] && !insideBookTitle(t, m.index) && !OTHER_YEARS.test(clauseAround(t, m.index, m.index + m[0].length))) out.push({ year: Number(m[1]), line: l.line, text: m[0] });
    }
  }
  return out;
}

/** A table of UTF-16 units (all of them below U+10000) for one-lookup tests in character loops. */
export const codeTable = (chars: string): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
};
const SENTENCE_END = codeTable('。！？!?');
/** Closing quotes and brackets that stay with the sentence they follow. */
const CLOSING = codeTable('”’」』）)');
/** The last character of a line that ends its paragraph (the line trimmed). */
const ENDS_PARAGRAPH = codeTable('。！？!?；;：:');
const HEADING_END = codeTable('。:：');

/** A heading: short, and no clause punctuation inside. */
export function isHeadingText(text: string): boolean {
  const trimmed = trimAll(text);
  // a trailing 。 : ： does not count; most lines are long and end here, before any regular expression
  const t = HEADING_END[trimmed.charCodeAt(trimmed.length - 1)] === 1 ? trimmed.slice(0, -1) : trimmed;
  if (t.length === 0 || t.length > 26) return false;
  if (/[，,；;。！？!?]/u.test(t)) return false;
  // a figure makes it a statement ("1、一般公共预算收入16,030.63万元")
  const withoutMarker = t.replace(LINE_MARKER, '');
  return !/\d/u.test(withoutMarker);
}

/**
 * Lines of the narrative: every line not inside a table. A line belongs to a table when the reader says
 * so (`table` on the line) or when it lies between a table's first line and its last cell's line.
 */
export function narrativeLines(doc: Pick<SourceDocument, 'lines' | 'tables'>): SourceLine[] {
  const inTable = new Set<number>();
  for (const table of doc.tables) {
    let last = table.line;
    for (const row of table.rows) for (const cell of row) if (cell.line !== undefined && cell.line > last) last = cell.line;
    // a cell's text may run over several lines: the next cell's line or the region end bounds it
    for (let l = table.line; l <= last; l++) inTable.add(l);
    for (const row of table.rows) {
      for (const cell of row) {
        if (cell.line === undefined) continue;
        let extra = 0;
        for (let at = cell.text.indexOf('\n'); at !== -1; at = cell.text.indexOf('\n', at + 1)) extra++;
        for (let l = cell.line; l <= cell.line + extra; l++) inTable.add(l);
      }
    }
  }
  return doc.lines.filter((l) => !inTable.has(l.line) && l.table === undefined);
}

/** Whether a line's last visible character ends its paragraph: 。！？；： */
function endsParagraph(text: string): boolean {
  const t = trimAll(text);
  return ENDS_PARAGRAPH[t.charCodeAt(t.length - 1)] === 1;
}

/** The source line of each offset of a block of `length`, from its lines' start offsets and numbers (in pairs). */
function lineAtOf(starts: readonly number[], length: number): number[] {
  const lineAt = new Array<number>(length);
  for (let i = 0; i < starts.length; i += 2) {
    const from = starts[i] ?? 0;
    if (from >= length) break;
    lineAt.fill(starts[i + 1] ?? 0, from, Math.min(starts[i + 2] ?? length, length));
  }
  return lineAt;
}

/** Joins lines into paragraph blocks. */
export function buildBlocks(lines: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let text = '';
  // where each joined line starts in `text` and its line number, in pairs: the block's lineAt is filled
  // from them once, at its final length (not pushed a character at a time and cut to the trimmed text)
  let starts: number[] = [];
  let firstLine = 0;
  let section = -1;
  let inAttachments = false;
  let blockSection = -1;
  let blockAttachments = false;
  let subsection = 0;
  let blockSubsection = 0;

  const flush = (): void => {
    if (text === '') return;
    const t = text.trimEnd();
    const sentences: [number, number][] = [];
    let start = 0;
    for (let i = 0; i < t.length; i++) {
      if (SENTENCE_END[t.charCodeAt(i)] === 1) {
        // closing quotes and brackets right after the stop belong to the sentence
        let end = i + 1;
        while (end < t.length && CLOSING[t.charCodeAt(end)] === 1) end++;
        sentences.push([start, end]);
        start = end;
        i = end - 1;
      }
    }
    if (start < t.length && !isBlankText(t.slice(start))) sentences.push([start, t.length]);
    blocks.push({
      index: blocks.length,
      text: t,
      firstLine,
      lineAt: lineAtOf(starts, t.length),
      sentences,
      isHeading: isHeadingText(t),
      section: blockSection,
      subsection: blockSubsection,
      inAttachments: blockAttachments,
    });
    text = '';
    starts = [];
  };

  let previous: SourceLine | null = null;
  let previousHeading = false;
  for (const line of lines) {
    const raw = line.text.includes('\t') ? line.text.replace(/\t/gu, ' ') : line.text;
    if (isBlankText(raw)) {
      flush();
      previous = null;
      continue;
    }
    if (TOP_HEADING.test(raw)) section++;
    if (ATTACHMENT_START.test(raw)) inAttachments = true;
    const heading = isHeadingText(raw);
    const startsNew =
      previous === null ||
      previous.line + 1 !== line.line ||
      heading ||
      previousHeading ||
      endsParagraph(previous.text) ||
      LINE_MARKER.test(raw) ||
      /^[\s\u3000]{2,}/u.test(raw);
    if (startsNew) flush();
    if (text === '') {
      if (heading) subsection++;
      firstLine = line.line;
      blockSection = section;
      blockSubsection = subsection;
      blockAttachments = inAttachments;
      // drop the indent but keep offsets meaningful for excerpts
      const body = raw.trimStart();
      text = body;
      starts = [0, line.line];
    } else {
      const body = raw.trimStart();
      text += body;
      starts.push(text.length - body.length, line.line);
    }
    previous = line;
    previousHeading = heading;
  }
  flush();
  return blocks;
}

/** The sentence index of an offset in a block. */
export function sentenceAt(block: Block, offset: number): number {
  for (let i = 0; i < block.sentences.length; i++) {
    const s = block.sentences[i];
    if (s && offset >= s[0] && offset < s[1]) return i;
  }
  return Math.max(0, block.sentences.length - 1);
}

export const lineOf = (block: Block, offset: number): number => block.lineAt[Math.min(Math.max(offset, 0), block.lineAt.length - 1)] ?? block.firstLine;

/** A short excerpt around [start, end) within its sentence. */
export function excerptOf(block: Block, start: number, end: number, width = 28): string {
  const s = block.sentences[sentenceAt(block, start)] ?? [0, block.text.length];
  const from = Math.max(s[0], start - width);
  const to = Math.min(s[1], end + width);
  return `${from > s[0] ? '…' : ''}${block.text.slice(from, to)}${to < s[1] ? '…' : ''}`;
}

/** What {@link normalizeForCompare} drops, by UTF-16 unit: blanks (`\s`), punctuation, quotes, brackets. */
export const COMPARE_DROPPED = new Uint8Array(0x10000);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) COMPARE_DROPPED[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) COMPARE_DROPPED[c] = 1;
for (const ch of '，,。．.；;：:、！？!?“”"‘’\'（）()《》〈〉「」『』【】-—–…·') COMPARE_DROPPED[ch.charCodeAt(0)] = 1;

/** Normalises a sentence or clause for comparison: no blanks, punctuation, quotes or list markers. */
export function normalizeForCompare(text: string): string {
  const t = halfWidth(text).replace(LINE_MARKER, '');
  // the kept runs joined: one pass, no regular expression per character
  let out = '';
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    if (COMPARE_DROPPED[t.charCodeAt(i)] !== 1) continue;
    if (i > from) out += t.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? t : out + t.slice(from);
}

/**
 * Numbering that skips or repeats within one level: （一）（二）（四）, ①②②, 一是…三是, 1.…。2.…。2.… run on in one
 * paragraph. Each marker style is a
 * level; a marker of an outer level closes the inner ones, and any list may start again at 1 (a new list).
 * The first marker of a style may be any number (an excerpt can start in the middle). Tables and the
 * start of the attachments end all lists; so does each cell of a row written with `|`, where every cell
 * (预期目标 | 实际完成情况) has its own list.
 * What only looks like a marker is left out: a column's number in a formula (⑤=④/③, ④ = ①+② +③), a copy
 * number in a file name (自评表(4).docx), and a site's page furniture (第2页 / 共15页). 1、 and 1. are read
 * both as one list and as two (a mirror numbering its pages 1、2、3、 around a report's own 1. 2.; a unit
 * writing 1. 2、 3. in one list): a break is reported only when both readings have it. A number alone at the start of
 * a line (2. with its caption on the next line, as a PDF breaks it) is a marker; so is 1. right after a
 * blank inside a line (a PDF's lines run together: （一）项目概况 1.项目立项情况 …).
 * @module
 */
import { isJunkLine } from '@jixiao/documents';
import { defineTextCheck, type TextReport } from '../facts/types.ts';
import { INLINE_STYLES, type Marker, type MarkerStyle, allInlineMarkers, lineMarker, markerAt } from '../facts/markers.ts';
import { ATTACHMENT_START } from '../facts/text.ts';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function toChinese(n: number): string {
  if (n < 10) return CN[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CN[tens] ?? '')}十${CN[ones] ?? ''}`;
}

/** How a number is written in a style (for messages). */
export function markerText(style: MarkerStyle, n: number): string {
  switch (style) {
    case 'cnComma':
      return `${toChinese(n)}、`;
    case 'cnParen':
      return `（${toChinese(n)}）`;
    case 'arabic':
      return `${n}.`;
    case 'arabicDotted':
      return n <= 20 ? String.fromCodePoint(0x2487 + n) : `${n}.`;
    case 'arabicParen':
      return n <= 20 ? String.fromCodePoint(0x2473 + n) : `(${n})`;
    case 'circled':
      return n <= 20 ? String.fromCodePoint(0x245f + n) : `(${n})`;
    case 'cnIs':
      return `${toChinese(n)}是`;
  }
}

/** Inline markers a list may continue with; 1. 2. counts only right after a sentence ends (1.…。2.…。4.…). */
const NUMBERED_INLINE: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>([...INLINE_STYLES, 'arabic']);

/** Operators a column number stands beside in a formula (⑤=④/③). */
const OPERATOR = /[=＝+＋\-－*＊×/／÷]/u;
/** A file name's extension right after a marker: (4).docx. */
const EXTENSION = /^\.(?:docx?|pdf|xlsx?|wps|pptx?|txt)\b/iu;
/** A number alone at the start of a line, or before punctuation: 2. or 2、、 (a PDF broke the line after it). */
const BARE_ARABIC = /^[\s\u3000]*(\d{1,2})[.．、](?=[\s\u3000]*$|[、，,；;：:])/u;

/** Whether the next or previous non-blank unit around [start, end) is an operator: the marker is a column's number in a formula. */
export function inFormula(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && /\s/u.test(text[i] ?? '')) i--;
  if (i >= 0 && OPERATOR.test(text[i] ?? '')) return true;
  let j = end;
  while (j < text.length && /\s/u.test(text[j] ?? '')) j++;
  return j < text.length && OPERATOR.test(text[j] ?? '');
}

/** A list level read with 1. and 1、 as two lists (a mirror's 1、2、3、 around a report's 1. 2.). */
const levelOf = (m: Marker): string => (m.style === 'arabic' ? `arabic${m.text.includes('、') ? '、' : '.'}` : m.style);

/**
 * 1. 2. inside a line right after a blank (a line break a PDF lost), where the shared scan takes them only
 * after 。；. Not 1、 2、: after a blank those are mostly a form's options run together (项目类别1、上级专项 2、本级专项).
 */
function arabicAfterBlank(text: string, from: number): Marker[] {
  const out: Marker[] = [];
  for (let i = Math.max(from, 1); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39 || !/[\s\u3000]/u.test(text[i - 1] ?? '')) continue;
    const m = markerAt(text, i);
    if (m?.style === 'arabic' && !m.text.includes('、')) out.push(m);
  }
  return out;
}

/** The markers of a piece of a line (a whole line or one `|` cell), in order; `head` whether it starts a line. */
export function markersOf(text: string, head: boolean): Marker[] {
  const out: Marker[] = [];
  let from = 0;
  const first = lineMarker(text);
  if (first) {
    out.push(first);
    from = first.start + first.length;
  } else if (head) {
    const bare = BARE_ARABIC.exec(text);
    if (bare?.[1]) {
      const start = bare[0].length - bare[0].trimStart().length;
      out.push({ style: 'arabic', n: Number(bare[1]), start, length: bare[0].length - start, text: bare[0].trim() });
      from = bare[0].length;
    }
  }
  const inline = allInlineMarkers(text, from, NUMBERED_INLINE);
  const seen = new Set(inline.map((m) => m.start));
  for (const m of arabicAfterBlank(text, from)) if (!seen.has(m.start)) inline.push(m);
  inline.sort((a, b) => a.start - b.start);
  for (const m of inline) out.push(m);
  return out.filter((m) => !inFormula(text, m.start, m.start + m.length) && !EXTENSION.test(text.slice(m.start + m.length)));
}

/** A marker with its line, its offset in the line's text and an id unique in the document. */
type Placed = Marker & { readonly line: number; readonly at: number; readonly id: string };

/** How a number of a style may be written: 2. 2、 2． for 1.; （二） (二) for （一）; the marker itself for the others. */
export function writings(style: MarkerStyle, n: number): string[] {
  if (style === 'arabic') return [`${n}.`, `${n}、`, `${n}．`];
  if (style === 'cnParen') return [`（${toChinese(n)}）`, `(${toChinese(n)})`];
  if (style === 'arabicParen') return [markerText(style, n), `(${n})`, `（${n}）`];
  return [markerText(style, n)];
}

/**
 * Whether every missing number is written between two markers (where the scan could not take it for a
 * marker: 3 3 2、项目管理制度, a table's figures run together before it): the numbering is whole, the reading missed it.
 */
function writtenBetween(text: string, style: MarkerStyle, from: number, to: number): boolean {
  for (let n = from; n < to; n++) {
    const found = writings(style, n).some((w) => {
      for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + 1)) if (style !== 'arabic' || !/\d/u.test(text[i - 1] ?? '')) return true;
      return false;
    });
    if (!found) return false;
  }
  return true;
}

type Level = {
  key: string;
  style: MarkerStyle;
  n: number;
  line: number;
  text: string;
  /** The level's last marker. */
  at: Placed;
  /** Sequences of this style interrupted by a list that started again at 1 (a nested list in the same style). */
  suspended: { n: number; line: number }[];
};

export const numberingSequence = defineTextCheck({
  id: 'numbering-sequence',
  meta: {
    category: 'text',
    description: '同一级编号跳号、重复或颠倒（（一）（二）（四）、①②②）',
    basis: 'GB/T 9704-2012 结构层次序数（一、（一）1.（1））；DOMAIN.md「What a reviewer checks」6',
    defaultSeverity: 'warning',
    messages: {
      skip: '第{{line}}行编号「{{marker}}」的前一个同级编号是第{{previousLine}}行的「{{previous}}」，缺少「{{missing}}」；请核对编号。',
      repeat: '第{{line}}行编号「{{marker}}」与第{{previousLine}}行重复；请核对编号。',
      order: '第{{line}}行编号「{{marker}}」排在第{{previousLine}}行的「{{previous}}」之后，顺序颠倒；请核对编号。',
    },
  },
  run(context, report) {
    // the markers in order, with the places where every list ends (a table, a cell, the attachments)
    const list: (Placed | null)[] = [];
    let previousLine = -1;
    for (const l of context.lines) {
      if (previousLine !== -1 && l.line !== previousLine + 1) list.push(null); // a table was here
      previousLine = l.line;
      if (ATTACHMENT_START.test(l.text)) {
        list.push(null);
        continue;
      }
      const line: (Placed | null)[] = [];
      const cells = l.text.includes('|') || l.text.includes('｜') ? l.text.split(/[|｜]/u) : [];
      if (cells.length < 3) {
        for (const m of markersOf(l.text, true)) line.push({ ...m, line: l.line, at: m.start, id: `${l.line}:${m.start}` });
      } else {
        // a row of cells: each cell's list is its own
        let offset = 0;
        cells.forEach((cell, c) => {
          line.push(null);
          for (const m of markersOf(cell, true)) line.push({ ...m, line: l.line, at: offset + m.start, id: `${l.line}:${c}:${m.start}` });
          offset += cell.length + 1;
        });
        line.push(null);
      }
      // a site's furniture between two pages of a report (第2页 / 共15页, 自评表(4).docx_第3页): neither an item
      // nor the end of a list
      if (line.some((m) => m !== null) && isJunkLine(l.text)) continue;
      for (const m of line) list.push(m);
    }
    // 1. and 1、 read as one list and as two: a break is reported only when both readings have it
    const texts = new Map(context.lines.map((l) => [l.line, l.text]));
    /** The text from one marker's end to another's start. */
    const between = (a: Placed, b: Placed): string => {
      if (a.line === b.line) return (texts.get(a.line) ?? '').slice(a.at + a.length, b.at);
      const parts = [(texts.get(a.line) ?? '').slice(a.at + a.length)];
      for (let l = a.line + 1; l < b.line; l++) parts.push(texts.get(l) ?? '');
      parts.push((texts.get(b.line) ?? '').slice(0, b.at));
      return parts.join('\n');
    };
    const asOne = breaksOf(list, (m) => m.style, between);
    const asTwo = breaksOf(list, levelOf, between);
    for (const [id, r] of asOne) if (asTwo.has(id)) report(r);
  },
});

type Break = TextReport & { messageId: 'skip' | 'repeat' | 'order' };

/** The breaks of numbering in a run of markers (null: every list ends), by marker id, levels told apart by `keyOf`. */
function breaksOf(events: readonly (Placed | null)[], keyOf: (m: Marker) => string, between: (a: Placed, b: Placed) => string): Map<string, Break> {
  const out = new Map<string, Break>();
  let stack: Level[] = [];
  for (const m of events) {
    if (m === null) {
      stack = [];
      continue;
    }
    const { line } = m;
    const key = keyOf(m);
    const at = stack.findIndex((l) => l.key === key);
    if (at === -1) {
      stack.push({ key, style: m.style, n: m.n, line, text: m.text, at: m, suspended: [] });
      continue;
    }
    stack = stack.slice(0, at + 1);
    const level = stack[at];
    if (!level) continue;
    if (m.n === 1 && level.n !== 0) {
      // a new list, perhaps inside an item of the old one (1.…3. then 1. 2. then 4.)
      stack[at] = { ...level, n: 1, line, text: m.text, at: m, suspended: [...level.suspended, { n: level.n, line: level.line }] };
      continue;
    }
    const resumed = m.n !== level.n + 1 ? level.suspended.findLastIndex((s) => s.n + 1 === m.n) : -1;
    if (resumed !== -1) {
      stack[at] = { ...level, n: m.n, line, text: m.text, at: m, suspended: level.suspended.slice(0, resumed) };
      continue;
    }
    const last = level.n;
    const marker = markerText(m.style, m.n);
    const previous = markerText(m.style, last);
    if (m.n !== 1 && m.n !== last + 1 && !(m.n > last + 1 && writtenBetween(between(level.at, m), m.style, last + 1, m.n))) {
      if (m.n === last) {
        out.set(m.id, { messageId: 'repeat', data: { line, marker, previousLine: level.line }, line, excerpt: marker });
      } else if (m.n > last + 1) {
        const missing = Array.from({ length: Math.min(m.n - last - 1, 5) }, (_, i) => markerText(m.style, last + 1 + i)).join('」「');
        out.set(m.id, { messageId: 'skip', data: { line, marker, previous, previousLine: level.line, missing }, line, excerpt: marker });
      } else {
        out.set(m.id, { messageId: 'order', data: { line, marker, previous, previousLine: level.line }, line, excerpt: marker });
      }
    }
    stack[at] = { ...level, n: m.n, line, text: m.text, at: m };
  }
  return out;
}

/**
 * Numbering that skips or repeats within one level: （一）（二）（四）, ①②②, 一是…三是, 1.…。2.…。2.… run on in one
 * paragraph. Each marker style is a
 * level; a marker of an outer level closes the inner ones, and any list may start again at 1 (a new list).
 * The first marker of a style may be any number (an excerpt can start in the middle). Tables and the
 * start of the attachments end all lists.
 * @module
 */
import { defineTextCheck } from '../facts/types.ts';
import { INLINE_STYLES, type Marker, type MarkerStyle, allInlineMarkers, lineMarker } from '../facts/markers.ts';
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

type Level = {
  style: MarkerStyle;
  n: number;
  line: number;
  text: string;
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
    let stack: Level[] = [];
    let previousLine = -1;
    const visit = (m: Marker, line: number): void => {
      const at = stack.findIndex((l) => l.style === m.style);
      if (at === -1) {
        stack.push({ style: m.style, n: m.n, line, text: m.text, suspended: [] });
        return;
      }
      stack = stack.slice(0, at + 1);
      const level = stack[at];
      if (!level) return;
      if (m.n === 1 && level.n !== 0) {
        // a new list, perhaps inside an item of the old one (1.…3. then 1. 2. then 4.)
        stack[at] = { ...level, n: 1, line, text: m.text, suspended: [...level.suspended, { n: level.n, line: level.line }] };
        return;
      }
      const resumed = m.n !== level.n + 1 ? level.suspended.findLastIndex((s) => s.n + 1 === m.n) : -1;
      if (resumed !== -1) {
        stack[at] = { ...level, n: m.n, line, text: m.text, suspended: level.suspended.slice(0, resumed) };
        return;
      }
      const last = level.n;
      const marker = markerText(m.style, m.n);
      const previous = markerText(m.style, last);
      if (m.n !== 1 && m.n !== last + 1) {
        if (m.n === last) {
          report({ messageId: 'repeat', data: { line, marker, previousLine: level.line }, line, excerpt: marker });
        } else if (m.n > last + 1) {
          const missing = Array.from({ length: Math.min(m.n - last - 1, 5) }, (_, i) => markerText(m.style, last + 1 + i)).join('」「');
          report({ messageId: 'skip', data: { line, marker, previous, previousLine: level.line, missing }, line, excerpt: marker });
        } else {
          report({ messageId: 'order', data: { line, marker, previous, previousLine: level.line }, line, excerpt: marker });
        }
      }
      stack[at] = { ...level, n: m.n, line, text: m.text };
    };
    for (const l of context.lines) {
      if (previousLine !== -1 && l.line !== previousLine + 1) stack = []; // a table was here
      previousLine = l.line;
      if (ATTACHMENT_START.test(l.text)) {
        stack = [];
        continue;
      }
      const head = lineMarker(l.text);
      let from = 0;
      if (head) {
        visit(head, l.line);
        from = head.start + head.length;
      }
      for (const m of allInlineMarkers(l.text, from, NUMBERED_INLINE)) visit(m, l.line);
    }
  },
});

/**
 * List markers: 一、 （一） 1. 1、 ⒈ ⑴ (1) ① 一是. Each style is one level of numbering; a marker has a
 * style, a number and a length.
 * @module
 */
import { chineseNumber } from './text.ts';

export const MarkerStyle = {
  /** 一、 */
  cnComma: 'cnComma',
  /** （一） */
  cnParen: 'cnParen',
  /** 1. 1、 1． */
  arabic: 'arabic',
  /** ⒈ */
  arabicDotted: 'arabicDotted',
  /** ⑴ (1) （1） */
  arabicParen: 'arabicParen',
  /** ① */
  circled: 'circled',
  /** 一是 */
  cnIs: 'cnIs',
} as const;
export type MarkerStyle = (typeof MarkerStyle)[keyof typeof MarkerStyle];

export type Marker = { readonly style: MarkerStyle; readonly n: number; readonly start: number; readonly length: number; readonly text: string };

/** Styles that appear inside a paragraph, not only at its start. */
export const INLINE_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>(['circled', 'arabicParen', 'arabicDotted', 'cnIs']);

const CN = '[一二三四五六七八九十]{1,3}';
const CN_PAREN = new RegExp(`^[（(](${CN})[)）]`, 'u');
const CN_IS = new RegExp(`^(${CN})是`, 'u');
const CN_COMMA = new RegExp(`^(${CN})[、]`, 'u');
/** Characters a marker can start with. */
const MARKER_START = /[\u2460-\u249b（(一二三四五六七八九十0-9]/u;

/** The marker starting at `offset`, if any. */
export function markerAt(text: string, offset: number): Marker | null {
  if (!MARKER_START.test(text[offset] ?? '')) return null;
  const rest = text.slice(offset, offset + 12);
  const c = rest.codePointAt(0) ?? 0;
  const single = (style: MarkerStyle, n: number): Marker => ({ style, n, start: offset, length: 1, text: rest.slice(0, 1) });
  if (c >= 0x2460 && c <= 0x2473) return single('circled', c - 0x245f);
  if (c >= 0x2474 && c <= 0x2487) return single('arabicParen', c - 0x2473);
  if (c >= 0x2488 && c <= 0x249b) return single('arabicDotted', c - 0x2487);
  let m = CN_PAREN.exec(rest);
  if (m?.[1]) {
    const n = chineseNumber(m[1]);
    if (n !== null) return { style: 'cnParen', n, start: offset, length: m[0].length, text: m[0] };
  }
  m = /^[（(](\d{1,2})[)）]/u.exec(rest);
  if (m?.[1]) return { style: 'arabicParen', n: Number(m[1]), start: offset, length: m[0].length, text: m[0] };
  m = CN_IS.exec(rest);
  if (m?.[1]) {
    const n = chineseNumber(m[1]);
    if (n !== null) return { style: 'cnIs', n, start: offset, length: m[0].length, text: m[0] };
  }
  m = CN_COMMA.exec(rest);
  if (m?.[1]) {
    const n = chineseNumber(m[1]);
    if (n !== null) return { style: 'cnComma', n, start: offset, length: m[0].length, text: m[0] };
  }
  m = /^(\d{1,2})(?:[.．](?![\d])|、)(?=[\s\u3000\u3400-\u9fff“"《（(【])/u.exec(rest);
  if (m?.[1]) return { style: 'arabic', n: Number(m[1]), start: offset, length: m[0].length, text: m[0] };
  return null;
}

/** The text that is allowed before a line-start marker: indent, 说明：, 注：, 附件：. */
export const LINE_PREFIX = /^[\s\u3000]*(?:(?:说明|注|备注|附件|附)[:：]\s*)?/u;

/** The marker that starts a line or block, if any. */
export function lineMarker(text: string): Marker | null {
  const prefix = LINE_PREFIX.exec(text)?.[0].length ?? 0;
  return markerAt(text, prefix);
}

/** Every inline marker of one style in a text, in order. */
export function inlineMarkers(text: string, style: MarkerStyle, from = 0): Marker[] {
  const out: Marker[] = [];
  for (let i = from; i < text.length; i++) {
    const prev = text[i - 1] ?? '';
    // 一是 only after a boundary; ⑴ and ① anywhere
    if (style === 'cnIs' && i > 0 && !/[\s\u3000，,。；;：:！？!?）)]/u.test(prev)) continue;
    if (style === 'arabicParen' && /[（(]/u.test(text[i] ?? '') && /\d/u.test(prev)) continue;
    const m = markerAt(text, i);
    if (m && m.style === style) {
      out.push(m);
      i += m.length - 1;
    }
  }
  return out;
}

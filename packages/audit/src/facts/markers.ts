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
// Sticky: matched at an offset of the whole text, without slicing it.
const CN_PAREN = new RegExp(`[（(](${CN})[)）]`, 'uy');
const ARABIC_PAREN = /[（(](\d{1,2})[)）]/uy;
const CN_IS = new RegExp(`(${CN})是`, 'uy');
const CN_COMMA = new RegExp(`(${CN})[、]`, 'uy');
const ARABIC = /(\d{1,2})(?:[.．](?![\d])|、)(?=[\s\u3000\u3400-\u9fff“"《（(【])/uy;

const CN_DIGIT_CODES: ReadonlySet<number> = new Set(Array.from('一二三四五六七八九十', (ch) => ch.charCodeAt(0)));
/** The UTF-16 units a marker can start with: ①-⒛ ⑴-⒇ ⒈-⒛, （ (, 一 … 十, 0-9 (a scan skips the rest with one lookup). */
const MARKER_START = new Uint8Array(0x10000);
for (let c = 0x2460; c <= 0x249b; c++) MARKER_START[c] = 1;
for (let c = 0x30; c <= 0x39; c++) MARKER_START[c] = 1;
for (const c of [0x28, 0xff08, ...CN_DIGIT_CODES]) MARKER_START[c] = 1;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** 是 and 、: what ends 一是 and 一、. */
const CN_IS_END = 0x662f;
const CN_COMMA_END = 0x3001;
const ALL_STYLES: ReadonlySet<MarkerStyle> = new Set<MarkerStyle>(Object.values(MarkerStyle));

function execAt(re: RegExp, text: string, offset: number): RegExpExecArray | null {
  re.lastIndex = offset;
  return re.exec(text);
}

/** The marker starting at `offset`, if any. */
export function markerAt(text: string, offset: number): Marker | null {
  return markerOfStyles(text, offset, ALL_STYLES);
}

/**
 * `markerAt` when only `styles` are wanted: null where `markerAt` would give a marker of another style.
 *
 * The first unit decides which patterns can match at all: a bracket only （一） or (1) (told apart by the
 * unit after it), a Chinese digit only 一是 or 一、 (told apart by the unit after the digits), an ASCII digit
 * only 1. — so at most one pattern can match, and a pattern whose style is not wanted need not be tried.
 */
function markerOfStyles(text: string, offset: number, styles: ReadonlySet<MarkerStyle>): Marker | null {
  const c = text.charCodeAt(offset);
  if (c >= 0x2460 && c <= 0x249b) {
    if (c <= 0x2473) return styles.has('circled') ? { style: 'circled', n: c - 0x245f, start: offset, length: 1, text: text[offset] ?? '' } : null;
    if (c <= 0x2487) return styles.has('arabicParen') ? { style: 'arabicParen', n: c - 0x2473, start: offset, length: 1, text: text[offset] ?? '' } : null;
    return styles.has('arabicDotted') ? { style: 'arabicDotted', n: c - 0x2487, start: offset, length: 1, text: text[offset] ?? '' } : null;
  }
  let m: RegExpExecArray | null;
  if (c === 0x28 || c === 0xff08) {
    // both need a digit right after the bracket
    const next = text.charCodeAt(offset + 1);
    if (!isDigit(next) && !CN_DIGIT_CODES.has(next)) return null;
    if (styles.has('cnParen')) {
      m = execAt(CN_PAREN, text, offset);
      if (m?.[1]) {
        const n = chineseNumber(m[1]);
        return n === null ? null : { style: 'cnParen', n, start: offset, length: m[0].length, text: m[0] };
      }
    }
    if (!styles.has('arabicParen')) return null;
    m = execAt(ARABIC_PAREN, text, offset);
    return m?.[1] ? { style: 'arabicParen', n: Number(m[1]), start: offset, length: m[0].length, text: m[0] } : null;
  }
  if (CN_DIGIT_CODES.has(c)) {
    // both need 是 or 、 right after at most three Chinese digits: most 一 … 十 in a text are words (统一, 十分)
    let end = offset + 1;
    while (end < offset + 3 && CN_DIGIT_CODES.has(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end);
    if (after !== CN_IS_END && after !== CN_COMMA_END) return null;
    if (styles.has('cnIs')) {
      m = execAt(CN_IS, text, offset);
      if (m?.[1]) {
        const n = chineseNumber(m[1]);
        return n === null ? null : { style: 'cnIs', n, start: offset, length: m[0].length, text: m[0] };
      }
    }
    if (!styles.has('cnComma')) return null;
    m = execAt(CN_COMMA, text, offset);
    if (!m?.[1]) return null;
    const n = chineseNumber(m[1]);
    return n === null ? null : { style: 'cnComma', n, start: offset, length: m[0].length, text: m[0] };
  }
  if (isDigit(c) && styles.has('arabic')) {
    // it needs . ． or 、 right after one or two digits: most digits in a text are figures
    const second = text.charCodeAt(offset + 1);
    const after = isDigit(second) ? text.charCodeAt(offset + 2) : second;
    if (after !== 0x2e && after !== 0xff0e && after !== CN_COMMA_END) return null;
    m = execAt(ARABIC, text, offset);
    if (m?.[1]) return { style: 'arabic', n: Number(m[1]), start: offset, length: m[0].length, text: m[0] };
  }
  return null;
}

/** The text that is allowed before a line-start marker: indent, 说明：, 注：, 附件：. */
export const LINE_PREFIX = /^[\s\u3000]*(?:(?:说明|注|备注|附件|附)[:：]\s*)?/u;

/** The marker that starts a line or block, if any. */
export function lineMarker(text: string): Marker | null {
  const prefix = LINE_PREFIX.exec(text)?.[0].length ?? 0;
  return markerAt(text, prefix);
}

/** Characters after which 一是 starts an item (a boundary). */
const CN_IS_BOUNDARY = /[\s\u3000，,。；;：:！？!?）)]/u;

/** Whether an inline marker of its style may be taken at `i`: 一是 only after a boundary; ⑴ and ① anywhere, (1) not right after a digit. */
function inlineAllowed(text: string, style: MarkerStyle, i: number): boolean {
  if (style === 'cnIs') return i === 0 || CN_IS_BOUNDARY.test(text[i - 1] ?? '');
  // 1. 2. inside a paragraph only right after a sentence ends (…协调工作。2.做好…), never inside a figure
  if (style === 'arabic') return /[。；;]$/u.test(text.slice(Math.max(0, i - 3), i).trimEnd());
  if (style === 'arabicParen') {
    const c = text.charCodeAt(i);
    const prev = text.charCodeAt(i - 1);
    return !((c === 0x28 || c === 0xff08) && prev >= 0x30 && prev <= 0x39);
  }
  return true;
}

/**
 * Every inline marker in a text from `from` on, each inline style scanned on its own (a marker of one
 * style does not hide a marker of another style inside it), in order of position.
 */
export function allInlineMarkers(text: string, from = 0, styles: ReadonlySet<MarkerStyle> = INLINE_STYLES): Marker[] {
  const out: Marker[] = [];
  // per style, the first offset its scan may look at again (after its last marker)
  const next = new Map<MarkerStyle, number>();
  for (let i = from; i < text.length; i++) {
    if (MARKER_START[text.charCodeAt(i)] !== 1) continue;
    const m = markerOfStyles(text, i, styles);
    if (!m || i < (next.get(m.style) ?? 0) || !inlineAllowed(text, m.style, i)) continue;
    out.push(m);
    next.set(m.style, i + m.length);
  }
  return out;
}

/** Every inline marker of one style in a text, in order. */
export function inlineMarkers(text: string, style: MarkerStyle, from = 0): Marker[] {
  return allInlineMarkers(text, from, new Set([style]));
}

/**
 * The outline of a report's text: list markers (一、（一）1. ⒈ ⑴ ① (1)), headings (a marker and a short
 * text, or a heading style in .docx), and the sections of the 部门整体 template recognised by their words
 * whatever their numbering (一、部门基本情况 … 八、改进措施和有关建议), plus the sign-off (unit and date).
 * @module
 */
import type { SourceLine } from '../source.ts';
import { toSimplified } from './hanzi.ts';
import { cleanValue, findDate, halfWidth, isSpaceCode, label } from './normalize.ts';

export type Marker = { readonly level: number; readonly marker: string; readonly rest: string };

/** The list markers by level, tried in order (markerOf's first-character test must agree with them: normalize.test.ts). */
export const MARKERS: readonly (readonly [RegExp, number])[] = [
  [/^([一二三四五六七八九十]{1,3}[、．.])/u, 1],
  [/^([（(][一二三四五六七八九十]{1,3}[)）][、．.]?)/u, 2],
  // 3.2024年6月… is item 3 about a year; 3.5 is a number
  [/^(\d{1,2}[、．.](?!\d(?!\d{3}年)))/u, 3],
  [/^([⒈-⒛])/u, 3],
  [/^([（(]\d{1,2}[)）]|[⑴-⒇])/u, 4],
  [/^([①-⑳])/u, 5],
];

/** Whether a UTF-16 unit can start a list marker: 一…十, （ (, a digit, ①-⑳ ⑴-⒇ ⒈-⒛ (see MARKERS). */
const isMarkerStart = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || c === 0x28 || c === 0xff08 || (c >= 0x2460 && c <= 0x249b) || '一二三四五六七八九十'.includes(String.fromCharCode(c));

/** The list marker a line starts with, and its level. */
export function markerOf(text: string): Marker | null {
  let start = 0;
  while (start < text.length && isSpaceCode(text.charCodeAt(start))) start++;
  // most lines start with a word: no pattern to try
  if (!isMarkerStart(text.charCodeAt(start))) return null;
  const t = text.slice(start);
  for (const [re, level] of MARKERS) {
    const m = re.exec(t);
    if (m?.[1]) return { level, marker: m[1], rest: t.slice(m[1].length).trim() };
  }
  return null;
}

export const SectionKey = {
  profile: 'profile',
  spending: 'spending',
  governmentFund: 'governmentFund',
  stateCapital: 'stateCapital',
  socialInsurance: 'socialInsurance',
  performance: 'performance',
  problems: 'problems',
  measures: 'measures',
} as const;
export type SectionKey = (typeof SectionKey)[keyof typeof SectionKey];

const SECTION_WORDS: readonly (readonly [RegExp, SectionKey])[] = [
  [/政府性基金/u, 'governmentFund'],
  [/国有资本/u, 'stateCapital'],
  [/社会保险基金|社保基金/u, 'socialInsurance'],
  [/存在的?(?:主要)?问题|主要问题|问题及原因|存在不足/u, 'problems'],
  [/改进(?:措施|意见|建议)|整改措施|下一步|有关建议|意见建议|工作建议/u, 'measures'],
  [/绩效(?:情况|自评|评价|分析)|整体支出绩效|评价结论|自评结果|绩效目标(?:完成|实现)/u, 'performance'],
  [/基本情况|部门概况|单位概况|基本概况|单位基本|部门基本/u, 'profile'],
  [/支出管理|预算执行|收支|使用情况|资金情况|预决算/u, 'spending'],
];

export type Section = {
  readonly key: SectionKey | null;
  readonly heading: SourceLine;
  /** The section's lines after its heading. */
  readonly body: readonly SourceLine[];
};

export type Outline = {
  /** Lines before the first section (title, salutation, opening paragraph). */
  readonly preamble: readonly SourceLine[];
  readonly sections: readonly Section[];
  /** Lines after the last section's text: the list of attachments, the sign-off, attachment titles. */
  readonly closing: readonly SourceLine[];
};

/** A first-level heading: 一、… with a short text, or a .docx heading of level 1. */
export function isSectionHeading(l: SourceLine): boolean {
  const m = markerOf(l.text);
  const t = cleanValue(l.text);
  if (m?.level === 1 && t.length <= 40 && !/[。；;]$/u.test(t.slice(0, -1))) return true;
  return l.heading === 1 && t.length <= 40 && !m;
}

/** Where the report's own text ends: 报告应包括以下附件 / 附件： / 附件1 / the attachment tables. */
const CLOSING = /^(?:报告应包括以下附件|附件[:：]|附件\s*\d|附表\s*\d|附：)/u;

export function outline(lines: readonly SourceLine[]): Outline {
  const preamble: SourceLine[] = [];
  const sections: { key: SectionKey | null; heading: SourceLine; body: SourceLine[] }[] = [];
  const closing: SourceLine[] = [];
  let closed = false;
  for (const l of lines) {
    if (closed) {
      closing.push(l);
      continue;
    }
    const t = label(l.text);
    if (CLOSING.test(t) && sections.length > 0) {
      closed = true;
      closing.push(l);
      continue;
    }
    if (isSectionHeading(l)) {
      const key = SECTION_WORDS.find(([re]) => re.test(t))?.[1] ?? null;
      sections.push({ key, heading: l, body: [] });
      continue;
    }
    const current = sections[sections.length - 1];
    if (current) current.body.push(l);
    else preamble.push(l);
  }
  // the sign-off right after the last section belongs to the closing part
  const last = sections[sections.length - 1];
  if (last) {
    const sign = signatureIn(last.body);
    if (sign) {
      const at = last.body.findIndex((l) => l.line === sign.unitLine.line);
      closing.unshift(...last.body.splice(at));
    }
  }
  return { preamble, sections, closing };
}

export type Signature = { readonly unitLine: SourceLine; readonly dateLine: SourceLine; readonly unit: string; readonly date: string };

const ORG = /(?:局|委员会|委|办公室|办|中心|院|站|所|馆|队|部|厅|处|会|司|公司|学校|学院|大学|中学|小学|幼儿园|医院|政府|街道|党校|集团|室|科|股|社|场|园|台|段|署)$/u;

/** A line that names an organisation (short, no sentence punctuation, ends like one). */
export const looksLikeOrg = (text: string): boolean => {
  const t = cleanValue(text);
  return t.length >= 3 && t.length <= 40 && ORG.test(t) && !/[，。；：:,;！？]/u.test(t);
};

/**
 * At most as many characters other than blanks and zero-width ones as a line that holds a date alone can have:
 * the date written (2023年12月31日 or 二〇二三年十二月三十一日, 12 at most) and （盖章） (4).
 */
const DATE_LINE_MAX = 16;
const printedLength = (text: string, max: number): number => {
  let n = 0;
  for (let i = 0; i < text.length && n <= max; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && !((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xad)) n++;
  }
  return n;
};

/** The unit's name on one line and the date alone on the next non-blank one. */
export function signatureIn(lines: readonly SourceLine[]): Signature | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const dateLine = lines[i];
    // a line with more written than a date and 盖章 is no date line: not searched for a date
    if (!dateLine || printedLength(dateLine.text, DATE_LINE_MAX) > DATE_LINE_MAX) continue;
    const date = findDate(dateLine.text);
    if (!date) continue;
    const rest = halfWidth(toSimplified(cleanValue(dateLine.text))).replace(date.written, '').replace(/[（(]?盖章[)）]?/u, '').trim();
    if (rest !== '') continue;
    let j = i - 1;
    while (j >= 0 && cleanValue(lines[j]?.text ?? '') === '') j--;
    const unitLine = lines[j];
    if (unitLine && looksLikeOrg(unitLine.text)) {
      return { unitLine, dateLine, unit: cleanValue(unitLine.text), date: date.normalized };
    }
  }
  return null;
}

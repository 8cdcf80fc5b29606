/**
 * How figures are written in a report (万元 with two decimals and thousands separators, rates with two
 * decimals and %, dates as 2023年2月20日), the corrections log, and small text helpers for merging the
 * unit's own text with sentences generated from the figures.
 *
 * Reference: DOMAIN.md "Amounts are 万元 with two decimals …", GB/T 9704-2012 §7.3.5 (成文日期).
 * @module
 */
import { type Dec, format, normalize, sum, writtenMatches } from '@jixiao/core';
import type { Correction } from './document-model.ts';

/** 17,485.15 */
export const money = (d: Dec): string => format(d, 2);
/** 84.11% (the value is in percent). */
export const percent = (d: Dec, decimals = 2): string => `${format(d, decimals)}%`;
/** 716, 4.5 — no grouping, no trailing zeros. */
export const plain = (d: Dec): string => {
  const n = normalize(d);
  return format(n, n.scale, false);
};

/** 2023-02-20 → 2023年2月20日; null stays a blank to fill by hand. */
export function chineseDate(iso: string | null | undefined): string {
  if (!iso) return '　　年　月　日';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Σ of the values present, or null when none is. */
export function sumPresent(values: readonly (Dec | null | undefined)[]): Dec | null {
  const present = values.filter((v): v is Dec => v !== null && v !== undefined);
  return present.length === 0 ? null : sum(present);
}

const DIGIT = /[0-9０-９]/u;
/** Years and dates (2022年, 2023年2月20日, 12月) are not figures. */
const DATES = /(?:(?:19|20)[0-9]{2}\s*年度?)|(?:[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)/gu;
/** Does the sentence state a figure (a number other than a year or a date)? */
export const statesFigure = (sentence: string): boolean => DIGIT.test(sentence.replace(DATES, ''));

/** Splits Chinese text into sentences, keeping the end punctuation. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？；\n])/u)
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((s) => s !== '');
}

/**
 * The sentences of the unit's text that state no figure: where the document writes the figures itself, the
 * unit's sentences with numbers are replaced by generated ones, its explanations are kept.
 */
export function sentencesWithoutFigures(text: string | null | undefined, alsoDrop: readonly RegExp[] = []): string {
  if (!text) return '';
  return sentences(text)
    .filter((s) => !statesFigure(s) && !alsoDrop.some((re) => re.test(s)))
    .join('');
}

/** Paragraphs of free text, as the unit wrote them (blank lines dropped). */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n+/u)
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
    .filter((s) => s !== '');
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** ①…⑳, then (21), (22) … */
export const circled = (i: number): string => CIRCLED[i] ?? `(${i + 1})`;

const CHINESE_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (CHINESE_NUMERALS[tens] ?? '')}十${ones === 0 ? '' : (CHINESE_NUMERALS[ones] ?? '')}`;
}

/** An indicator group name as a heading: 数量 → 数量指标, 产出指标（50分） → 产出指标. */
export function groupName(name: string): string {
  const n = name.replace(/[\s\u3000]+/gu, '').replace(/[（(][^（()）]*分[^（()）]*[)）]$/u, '');
  return n.endsWith('指标') ? n : `${n}指标`;
}

/** A written value for a sentence: trimmed, or （未填）. */
export const written = (text: string | null | undefined): string => {
  const t = (text ?? '').replace(/^[\s\u3000]+|[\s\u3000。；，]+$/gu, '');
  return t === '' ? '（未填）' : t;
};

export type CorrectionLog = {
  readonly items: Correction[];
  /**
   * The figure the document uses: `computed` (or `stated` when nothing could be computed). Records a
   * correction when the stated figure is written differently.
   */
  figure(
    path: string,
    stated: Dec | null | undefined,
    computed: Dec | null,
    show: (d: Dec) => string,
    what: string,
    basis: string,
  ): Dec | null;
  /** Records a replaced text (grade names, omitted breakdowns). */
  text(path: string, stated: string, used: string, message: string): void;
};

export function correctionLog(): CorrectionLog {
  const items: Correction[] = [];
  const seen = new Set<string>();
  const push = (c: Correction): void => {
    const key = `${c.path}\u0000${c.used}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(c);
  };
  return {
    items,
    figure(path, stated, computed, show, what, basis) {
      if (computed === null) return stated ?? null;
      if (stated === null || stated === undefined) return computed;
      const s = show(stated);
      const u = show(computed);
      if (s !== u) {
        const rounding = writtenMatches(stated, computed) ? '（属舍入差异）' : '';
        push({ path, stated: s, used: u, message: `${what}填报为 ${s}，${basis}为 ${u}${rounding}，文档采用 ${u}` });
      }
      return computed;
    },
    text(path, stated, used, message) {
      push({ path, stated, used, message });
    },
  };
}

/**
 * How figures are written in a report (万元 with two decimals and thousands separators, rates with two
 * decimals and %, dates as 2023年2月20日), the corrections log, and small text helpers for merging the
 * unit's own text with sentences generated from the figures.
 *
 * Reference: DOMAIN.md "Amounts are 万元 with two decimals …", GB/T 9704-2012 §7.3.5 (成文日期).
 * @module
 */
import { type Dec, eq, format, normalize, sum, writtenMatches } from '@jixiao/core';
import type { Correction } from './document-model.ts';

/**
 * How a document treats a figure the unit wrote that differs from the computed one:
 * - `asWritten` (default): the unit's figure is printed as written; the difference goes to the review
 *   (审核意见及更正建议), never into the unit's text, and no live formula overwrites it in a spreadsheet;
 * - `corrected`: the computed figure is printed, marked in place with the unit's figure and the reason.
 */
export const RenderMode = { asWritten: 'asWritten', corrected: 'corrected' } as const;
export type RenderMode = (typeof RenderMode)[keyof typeof RenderMode];

type Annotation = {
  /** In `corrected` mode: the in-place mark printed after the figure (〔原填 87.15%；…〕). */
  readonly mark: string | null;
  /** In `asWritten` mode: the figure is the unit's and the engine computes another (so no formula). */
  readonly divergent: boolean;
};
/**
 * Figures the log returned, by identity: each returned figure is a fresh object, so a mark follows exactly
 * that figure wherever it is printed, and nothing else.
 */
const ANNOTATIONS = new WeakMap<Dec, Annotation>();
function annotated(d: Dec, annotation: Annotation): Dec {
  const copy: Dec = { units: d.units, scale: d.scale };
  ANNOTATIONS.set(copy, annotation);
  return copy;
}
/** The in-place correction mark of a figure ('' when it has none). */
export const markOf = (d: Dec): string => ANNOTATIONS.get(d)?.mark ?? '';
/** Is the figure the unit's own where the engine computes another (a spreadsheet keeps it, no formula)? */
export const isDivergent = (d: Dec | null | undefined): boolean => (d ? (ANNOTATIONS.get(d)?.divergent ?? false) : false);

/** 17,485.15 (with its correction mark, if any). */
export const money = (d: Dec): string => `${format(d, 2)}${markOf(d)}`;
/** 84.11% (the value is in percent), with the decimals it was written with (100% stays 100%). */
export const percent = (d: Dec, decimals = d.scale): string => `${format(d, decimals)}%${markOf(d)}`;
/** 716, 4.5 — no grouping, no trailing zeros. */
export const plain = (d: Dec): string => {
  const n = normalize(d);
  return `${format(n, n.scale, false)}${markOf(d)}`;
};
/** The figure without its mark (for the review's own lists). */
const bare = (show: (d: Dec) => string, d: Dec): string => show({ units: d.units, scale: d.scale });

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

/** A written value for a sentence: trimmed, without end punctuation ('' when there is none). */
export const written = (text: string | null | undefined): string => (text ?? '').replace(/^[\s\u3000]+|[\s\u3000。；，]+$/gu, '');

export type CorrectionLog = {
  readonly mode: RenderMode;
  readonly items: Correction[];
  /**
   * The figure the document prints. As written: the stated figure (blank where nothing was stated).
   * Corrected: the computed one (the stated one where nothing could be computed), marked in place.
   * Either way a stated figure written differently from the computed one is recorded for the review.
   */
  figure(
    path: string,
    stated: Dec | null | undefined,
    computed: Dec | null,
    show: (d: Dec) => string,
    what: string,
    basis: string,
  ): Dec | null;
  /**
   * A text the document prints where the unit wrote `stated` and the engine suggests `used` (grade names,
   * breakdowns that do not add up): as written `stated`; corrected `used` with the mark. Recorded for the review.
   */
  text(path: string, stated: string, used: string, message: string): string;
};

/** The in-place mark of a corrected figure or text: 〔原填 87.15%；年末实际在职人数 ÷ 编制数为 90.08%〕. */
export const correctionMark = (stated: string, reason: string): string => `〔更正：原填${stated}；${reason}〕`;

export function correctionLog(mode: RenderMode = RenderMode.asWritten): CorrectionLog {
  const items: Correction[] = [];
  const seen = new Set<string>();
  const push = (c: Correction): void => {
    const key = `${c.path}\u0000${c.used}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(c);
  };
  return {
    mode,
    items,
    figure(path, stated, computed, show, what, basis) {
      if (computed === null) return stated ?? null;
      // As written, a figure the unit left blank stays blank (the review says what it would be).
      if (stated === null || stated === undefined) return mode === RenderMode.asWritten ? null : computed;
      const s = bare(show, stated);
      const u = bare(show, computed);
      // the same figure written with other decimals (100% for 100.00%) is no difference
      if (s === u || eq(stated, computed)) return mode === RenderMode.asWritten ? stated : computed;
      const rounding = writtenMatches(stated, computed) ? '（属舍入差异）' : '';
      push({ path, stated: s, used: u, message: `${what}填报为 ${s}，${basis}为 ${u}${rounding}` });
      return mode === RenderMode.asWritten
        ? annotated(stated, { mark: null, divergent: true })
        : annotated(computed, { mark: correctionMark(s, `${basis}为 ${u}${rounding}`), divergent: false });
    },
    text(path, stated, used, message) {
      push({ path, stated, used, message });
      return mode === RenderMode.asWritten ? stated : `${used}${correctionMark(`「${stated}」`, message)}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The writer's sentences, written and read by one definition

/** What a slot of a sentence matches when the sentence is read back. */
const SLOT_PATTERNS: Readonly<Record<string, string>> = {
  amount: '-?\\d[\\d,]*(?:\\.\\d+)?',
  moneyUnit: '万元|元',
  year: '\\d{4}',
  number: '\\d+',
  count: '\\d+',
  /** what follows a main clause (，其中：…), possibly nothing */
  rest: '.*',
};
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * A sentence the writer generates, with named slots: `fill` builds it, `read` recognises it and returns the
 * slots' text (a slot named twice must read the same text both times). The importer reads our own documents
 * back with the same definitions the writer printed them with, so the wording lives in one place.
 */
export type Sentence<K extends string> = {
  fill(values: Readonly<Record<K, string>>): string;
  read(text: string): Record<K, string> | null;
};

/** sentence`一般公共预算收入${'amount'}${'moneyUnit'}。` — a slot named amount, moneyUnit or year reads only such text. */
export function sentence<K extends string>(strings: TemplateStringsArray, ...slots: K[]): Sentence<K> {
  const seen = new Set<string>();
  let source = `^${escapeRegExp(strings[0] ?? '')}`;
  slots.forEach((slot, i) => {
    source += seen.has(slot) ? `\\k<${slot}>` : `(?<${slot}>${SLOT_PATTERNS[slot] ?? '.+?'})`;
    seen.add(slot);
    source += escapeRegExp(strings[i + 1] ?? '');
  });
  const re = new RegExp(`${source}$`, 'u');
  return {
    fill: (values) => strings.reduce((out, s, i) => `${out}${i > 0 ? (values[slots[i - 1] as K] ?? '') : ''}${s}`, ''),
    read: (text) => {
      const groups = re.exec(text)?.groups;
      return groups ? ({ ...groups } as Record<K, string>) : null;
    },
  };
}

/** The opening sentence printed when the unit wrote none (部门整体). */
export const OPENING = sentence`根据财政部门关于开展${'year'}年度预算绩效自评工作的要求，${'unitName'}对${'year'}年度部门整体支出绩效情况进行了自评。现将自评情况报告如下。`;

/**
 * 六（二）, made from the figures where the unit wrote no statements: one sentence per second-level group,
 * （1）数量指标4个，其中3个得满分，1个有扣分：①…；②…。 (not a statement of the unit's when read back).
 */
export const GROUP_SENTENCE = sentence`（${'number'}）${'group'}${'count'}个，${'summary'}：${'items'}。`;

/** 二（一）经批复的预、决算情况: each line numbered (1.…), as the writer prints them. */
export const NUMBERED_LINE = sentence`${'number'}.${'line'}`;
export const APPROVED_INCOME = sentence`一般公共预算收入${'amount'}${'moneyUnit'}。`;
/** 一般公共预算基本支出7,514.90万元，其中：人员经费…，公用经费…，三公经费预算… (`rest` holds 其中 and its parts). */
export const APPROVED_BASIC = sentence`一般公共预算基本支出${'amount'}${'moneyUnit'}${'rest'}。`;
export const PARTS_INTRO = '，其中：';
/** A part of a breakdown, or a labelled amount of its own line (人员经费6,506.26万元). */
export const LABELLED_AMOUNT = sentence`${'label'}${'amount'}${'moneyUnit'}`;
export const APPROVED_ITEM = sentence`${'label'}${'amount'}${'moneyUnit'}。`;
/** The fields of 批复的基本支出's parts, by the label the writer prints. */
export const APPROVED_PARTS = { personnel: '人员经费', operating: '公用经费', threePublicBudget: '三公经费预算' } as const;

/** 二（二）3.三公经费: 2022年三公经费预算…，实际支出…。其中：公务接待费预算…，实际使用…，比上年增加…，原因；…。 */
export const THREE_PUBLIC_TOTALS = sentence`${'year'}年三公经费${'rest'}`;
export const THREE_PUBLIC_ITEMS_INTRO = '。其中：';
/** The labels of the totals and of each item's figures, by field. */
export const THREE_PUBLIC_TOTAL_LABELS = { budgetTotal: '预算', actualTotal: '实际支出' } as const;
export const THREE_PUBLIC_ITEM_LABELS = { budget: '预算', actual: '实际使用', priorActual: '上年决算数' } as const;
/** 比上年增加 15.18 万元 / 比上年减少 … / 与上年持平. */
export const CHANGE_WORDS = { up: '比上年增加', down: '比上年减少', none: '与上年持平' } as const;
/** The 三公经费 items as the narrative names them, by category. */
export const THREE_PUBLIC_NAMES = {
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  vehicle: '公务用车购置及运行维护费',
  reception: '公务接待费',
  overseasTravel: '因公出国（境）费',
} as const;

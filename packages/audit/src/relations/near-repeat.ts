/**
 * One amount written twice, once with a slip: two figures of one unit that differ by one edit of their
 * digits (a digit changed, two adjacent digits swapped, the point shifted) are read as one quantity with
 * a typo in the rarer of them (Scholtus: such a difference is very likely a typing error, not two
 * quantities). Only figures that say much: amounts with their unit (万元, 元, 亿元) or figures with two
 * decimals, with at least three digits between the leading and trailing zeros — short or round figures coincide too easily. A likely
 * reading (a warning that says so); when both are written equally often the engine's tie-breaks decide.
 * @module
 */
import { parseDec } from '@jixiao/core';
import { halfWidth } from '../facts/text.ts';
import type { EqualRelation, Extractor, Figure } from './types.ts';

const AMOUNT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d.]|,\d)\s*(万元|亿元|萬元|億元|元|万亩|萬畝|平方米|立方米|公里|人次|户|戶|人|个|個|座|亩|畝|米|宗|处|處|家|件|本|辆|輛|台|套|株|吨|噸|头|頭)?/gu;
/** Money units (the traditional characters as the simplified): amounts say more than a count of things. */
const MONEY: Readonly<Record<string, string>> = { 万元: '万元', 萬元: '万元', 亿元: '亿元', 億元: '亿元', 元: '元' };
/** Measure words written alike in traditional characters. */
const SAME_UNIT: Readonly<Record<string, string>> = { 戶: '户', 個: '个', 畝: '亩', 萬畝: '万亩', 處: '处', 輛: '辆', 噸: '吨', 頭: '头' };
/** Things counted: exact, no rounding interval. */
const COUNTED = new Set(['人次', '户', '人', '个', '座', '宗', '处', '家', '件', '本', '辆', '台', '套', '株', '头']);
/** Any number as written (commas dropped), for how often the document writes it. */
const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d.]|,\d)/gu;

type Written = {
  readonly figure: Figure;
  readonly key: string;
  readonly before: string;
  /** Where it is written: the line's text and the figure's offset in it. */
  readonly text: string;
  readonly at: number;
  /** Fewer than three telling digits (56万元, 850万元, 53户): said twice only when named alike. */
  readonly short: boolean;
  /** The project item it is under ('' when none). */
  readonly item: string;
  /** The words of its clause before it. */
  readonly name: string;
  /** One of three or more figures of its unit in one sentence. */
  readonly listed: boolean;
};

/** The stage a figure's words name last: what was planned or given, or what was done with it. */
const STAGE = /(预算|下达|下達|安排|计划|計劃|批复|结转|結轉|目标|目標)|(完成|支出|执行|執行|使用|支付|拨付|撥付|发放|發放|实际|實際)/gu;
function stageOf(before: string): string {
  let stage = '';
  for (const m of before.matchAll(STAGE)) stage = m[1] ? 'plan' : 'done';
  return stage;
}

/** A numbered line naming a project or works of its own (1、甲村道路建设项目，…): its figures and the lines after it are that project's. */
const ITEM = /^[\s\u3000]*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）]|[\u2460-\u2473])([^。：:；;|]{0,40})/u;
const OWN_THING = /(?:项目|項目|工程)(?:[，,]|$)/u;

/**
 * The names of both figures (the words of their clause) are one name of four characters or more, the longer
 * one only adding words in front (项目总投资 / 该项目总投资; not 局机关现有职工 / 林场现有职工): one thing.
 */
function sameName(a: Written, b: Written): boolean {
  const [x, y] = a.name.length <= b.name.length ? [a.name, b.name] : [b.name, a.name];
  return x.length >= 4 && y.endsWith(x);
}

/** Two figures of one line are two statements only when a sentence ends between them, and neither is in a list. */
function apart(a: Written, b: Written): boolean {
  if (a.figure.line !== b.figure.line) return true;
  if (a.listed || b.listed) return false;
  const [x, y] = a.at < b.at ? [a, b] : [b, a];
  const between = x.text.slice(x.at, y.at);
  // cells of one table row (a tab, a bar or a run of spaces between) are different columns: 预期目标 and 实际完成
  return /[。！？]/u.test(between) && !/[\t|]|[ \u3000]{2,}/u.test(between);
}

/** The words of the figure's own clause before it, without the verb joining them (为, 是, 达 …). */
function nameBefore(t: string, at: number): string {
  const before = t.slice(Math.max(0, at - 24), at);
  const clause = before.slice(Math.max(...[...'，,、；;。：:（）()|！？ \t'].map((c) => before.lastIndexOf(c))) + 1);
  return clause.replace(/[^\u4e00-\u9fff]/gu, '').replace(/[为是达共计约了有到]+$/u, '');
}

/** Sentences of a line (split at 。！？) with three or more figures of one unit are lists of different things. */
function listedAt(t: string, at: number, unit: string, units: readonly { at: number; unit: string }[]): boolean {
  const start = Math.max(t.lastIndexOf('。', at), t.lastIndexOf('！', at), t.lastIndexOf('？', at));
  const ends = [t.indexOf('。', at), t.indexOf('！', at), t.indexOf('？', at)].filter((i) => i !== -1);
  const end = ends.length > 0 ? Math.min(...ends) : t.length;
  const inSentence = units.filter((u) => u.unit === unit && u.at > start && u.at < end);
  // three or more, or two in clauses set apart by ；(甲村挡墙360立方米；乙村挡墙600立方米)
  return inSentence.length >= 3 || (inSentence.length === 2 && /[；;]/u.test(t.slice(inSentence[0]?.at ?? 0, inSentence[1]?.at ?? 0)));
}

/** The words before a figure share a pair of characters with the other's: they may name one thing. */
function sameWords(a: Written, b: Written): boolean {
  for (let i = 0; i + 1 < a.before.length; i++) if (b.before.includes(a.before.slice(i, i + 2))) return true;
  return false;
}

/** Digits that say something: 20000.00 says 2, 1,253.40 says 12534. */
const significant = (digits: string): number => digits.replace(/^0+/u, '').replace(/0+$/u, '').length;

/** The telling figures of the lines, by their value and unit. */
function tellingFigures(lines: readonly { readonly line: number; readonly text: string }[]): Written[] {
  const out: Written[] = [];
  let item = '';
  for (const l of lines) {
    const from = out.length;
    const t = halfWidth(l.text);
    const numbered = ITEM.exec(t);
    if (numbered) item = OWN_THING.test(numbered[1] ?? '') ? `${l.line}` : '';
    if (!/\d{2}/u.test(t.replace(/[,.]/gu, ''))) continue;
    for (const m of t.matchAll(AMOUNT)) {
      const whole = m[1] ?? '';
      const fraction = m[2] ?? '';
      const unit = MONEY[m[3] ?? ''] ?? SAME_UNIT[m[3] ?? ''] ?? m[3] ?? '';
      if (!unit && fraction.length < 3) continue; // ".xx" is 3 characters with the point
      const telling = significant(whole.replace(/,/gu, '') + fraction.slice(1));
      const short = telling < 3;
      if (short && (!unit || telling < 2)) continue;
      // a date, a file number, an ordinal or a code is not an amount
      if (/[-/〔【[（(年第号]/u.test(t.slice(Math.max(0, m.index - 1), m.index)) && (!unit || short)) continue;
      // 1.2021: a date or a code, not an amount
      if (!unit && /^\.(?:19|20)\d{2}$/u.test(fraction)) continue;
      const value = parseDec(whole + fraction);
      if (!value) continue;
      const written = `${whole}${fraction}${m[3] ?? ''}`;
      const before = t.slice(Math.max(0, m.index - 12), m.index).replace(/[^\u4e00-\u9fff]/gu, '');
      out.push({ before, text: t, at: m.index, short, item, name: nameBefore(t, m.index), listed: false, figure: { value, written, label: `第${l.line}行 ${written}`, line: l.line, excerpt: t.slice(Math.max(0, m.index - 12), m.index + written.length + 8).trim(), ...(COUNTED.has(unit) && !fraction ? { exact: true } : {}) }, key: `${value.units}e${value.scale}|${unit}` });
    }
    if (out.length - from === 0) continue;
    // every figure with its unit on the line (telling or not), for lists
    const units: { at: number; unit: string }[] = [];
    for (const m of t.matchAll(AMOUNT)) if (m[3]) units.push({ at: m.index, unit: MONEY[m[3]] ?? SAME_UNIT[m[3]] ?? m[3] });
    if (units.length < 3) continue;
    for (let i = from; i < out.length; i++) {
      const w = out[i];
      if (w) out[i] = { ...w, listed: listedAt(t, w.at, w.key.slice(w.key.indexOf('|') + 1), units) };
    }
  }
  return out;
}

/** How often the lines write each number (commas dropped), tables too: the rarer of two statements is the slip. */
const countsOf = new WeakMap<readonly { readonly text: string }[], ReadonlyMap<string, number>>();
export function numberCounts(lines: readonly { readonly text: string }[]): ReadonlyMap<string, number> {
  // near-repeat and sentence-equal both ask, for the same lines: counted once per document
  const known = countsOf.get(lines);
  if (known) return known;
  const written = new Map<string, number>();
  countsOf.set(lines, written);
  for (const l of lines) {
    for (const m of halfWidth(l.text).matchAll(NUMBER)) {
      const k = m[0].replace(/,/gu, '');
      written.set(k, (written.get(k) ?? 0) + 1);
    }
  }
  return written;
}

/** The number as digits with its point ("1253.40"), for edits as strings. */
const plain = (w: Written): string => w.figure.written.replace(/[^\d.]/gu, '');

/** Strings one swap or one shifted point away (strong slips). */
function strongEdits(x: string): string[] {
  const point = x.indexOf('.');
  const digits = x.replace('.', '');
  const at = point === -1 ? digits.length : point;
  const put = (d: string, p: number): string => (p >= d.length ? d : `${d.slice(0, p)}.${d.slice(p)}`);
  const out: string[] = [];
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] !== digits[i + 1]) out.push(put(digits.slice(0, i) + (digits[i + 1] ?? '') + (digits[i] ?? '') + digits.slice(i + 2), at));
  }
  if (at > 1) out.push(put(digits, at - 1));
  if (at < digits.length) out.push(put(digits, at + 1));
  return out;
}

/** Buckets of strings that differ in one digit: the string with that digit masked. */
const masks = (x: string): string[] => [...x].map((c, i) => (c === '.' ? '' : `${x.slice(0, i)}?${x.slice(i + 1)}`)).filter((m) => m !== '');

export const nearRepeat: Extractor = {
  id: 'near-repeat',
  description: '同一金额两处书写，其中一处与另一处仅差一处笔误（改一位、相邻对调、小数点移位）',
  extract({ doc }) {
    const figures = tellingFigures(doc.lines);
    if (figures.length < 2) return [];
    const written = numberCounts(doc.lines);
    // statements by what is written (digits and unit)
    const byText = new Map<string, Written[]>();
    const unitOf = (w: Written): string => w.key.slice(w.key.indexOf('|') + 1);
    for (const w of figures) {
      const k = `${plain(w)}|${unitOf(w)}`;
      const list = byText.get(k);
      if (list) list.push(w);
      else byText.set(k, [w]);
    }
    const pairs: [Written[], Written[], boolean][] = [];
    const seen = new Set<string>();
    const pair = (k1: string, k2: string, strong: boolean): void => {
      const a = byText.get(k1);
      const b = byText.get(k2);
      if (!a || !b || k1 === k2) return;
      const id = k1 < k2 ? `${k1}/${k2}` : `${k2}/${k1}`;
      if (seen.has(id)) return;
      seen.add(id);
      pairs.push([a, b, strong]);
    };
    const buckets = new Map<string, string[]>();
    for (const k of byText.keys()) {
      const [x = '', unit = ''] = k.split('|');
      for (const e of strongEdits(x)) pair(k, `${e}|${unit}`, true);
      for (const m of masks(x)) {
        const bucket = `${m}|${unit}`;
        const list = buckets.get(bucket);
        if (list) list.push(k);
        else buckets.set(bucket, [k]);
      }
    }
    for (const list of buckets.values()) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pair(list[i] ?? '', list[j] ?? '', false);
    }
    const out: EqualRelation[] = [];
    /** Whether two statements may be one quantity written twice, one of them with a slip. */
    const alike = (x: Written, y: Written, strong: boolean): boolean => {
      // figures of two projects, or one planned and one done (结转44.89万元, 结转资金完成44.85万元), are two quantities
      if (x.item !== '' && y.item !== '' && x.item !== y.item) return false;
      const stages = [stageOf(x.before), stageOf(y.before)];
      if (stages[0] !== '' && stages[1] !== '' && stages[0] !== stages[1]) return false;
      // a short figure (56万元, 53户) coincides too easily: only of figures named alike, in two statements
      if (x.short || y.short) return sameName(x, y) && apart(x, y);
      // a changed digit is a coincidence between figures as often as a slip (most of all between the columns
      // of one row): only of figures named alike on different lines (or named the same in two sentences)
      if (!strong && !((x.figure.line !== y.figure.line && sameWords(x, y)) || (sameName(x, y) && apart(x, y)))) return false;
      // a count of things (户, 个, 公里) is told apart by its words, however it differs: only of figures named alike
      if (!MONEY[unitOf(x)] && unitOf(x) !== '' && !sameWords(x, y)) return false;
      return true;
    };
    for (const [listA, listB, strong] of pairs) {
      let first: Written | undefined;
      let twin: Written | undefined;
      search: for (const x of listA.slice(0, 6)) {
        for (const y of listB.slice(0, 6)) {
          if (alike(x, y, strong)) {
            first = x;
            twin = y;
            break search;
          }
        }
      }
      if (!first || !twin) continue;
      // the rarer one is the slip (as often as the document writes its number anywhere, tables too), else the later one:
      // it is b (the figure the engine blames on a tie)
      const countA = Math.max(listA.length, written.get(plain(first)) ?? 0);
      const countB = Math.max(listB.length, written.get(plain(twin)) ?? 0);
      const firstIsSlip = countB > countA || (countB === countA && first.figure.line > twin.figure.line);
      const [a, b] = firstIsSlip ? [twin, first] : [first, twin];
      out.push({ kind: 'equal', source: 'near-repeat', confidence: 'likely', assumption: `按两处为同一金额（${a.figure.written} 与 ${b.figure.written} 仅差一处书写）`, a: { ...a.figure }, b: { ...b.figure } });
    }
    return out;
  },
};

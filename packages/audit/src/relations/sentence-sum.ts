/**
 * Totals and their parts in sentences, as `facts/structure.ts` finds them: a total with 其中 (in the same
 * sentence or opening the next: 「…699.12万元。其中：人员经费…」), parts in brackets, a list ending with
 * 其他…, a 如下 list, a composite name (A及B), the standard compositions (三公经费, 基本支出).
 *
 * A complete breakdown (其他…, 分别…, a composite name) is a certain sum: an error when it does not add up.
 * A 其中 list of two or more parts is read as complete but only likely so: a warning that says so and by how
 * much it falls short; a 其中 with one part may leave the rest out and is wrong only when it exceeds the total.
 * @module
 */
import { cmp, dec, multiply, sum } from '@jixiao/core';
import { type Breakdown, breakdownsOf } from '../facts/structure.ts';
import type { PlacedFact, TextContext } from '../facts/types.ts';
import { beforeRestatement } from '../facts/fact-total-parts.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { Extractor, SumRelation } from './types.ts';

export const sentenceSum: Extractor = {
  id: 'sentence-sum',
  description: '句子中的合计与分项（其中、括号、其他、如下、合称、三公经费与基本支出的构成）',
  extract(input) {
    const context = sentenceContext(input);
    const out: SumRelation[] = [];
    for (let b of breakdownsOf(context.blocks, context.facts)) {
      // a rate is no total of rates; levels (一级指标3个、二级指标9个) are no parts of a whole
      if (b.total.kind === 'rate' || b.parts.some((p) => p.kind === 'rate')) continue;
      if (b.parts.filter((p) => LEVEL.test(p.label)).length >= 2) continue;
      if (b.how === 'partOf') b = { ...b, parts: beforeRestatement(context, b.total, b.parts) };
      if (b.parts.length === 0) continue;
      // one figure in brackets without 其中 is another measure of the same thing: 干部职工128人（编制169人）
      if (b.how === 'brackets' && b.parts.length === 1 && !openedWithPartOf(context, b)) continue;
      out.push(relationOf(b, b.how !== 'brackets' || !openedWithSelection(context, b)));
    }
    out.push(...totalsAfter(context), ...partsInNextSentence(context));
    return out;
  },
};

const LEVEL = /[一二三四1-4]级/u;

const TOTAL_AFTER = /(?:共计|合计|总计|累计|共)(?:下达|安排|拨付|投入|支出|完成|建成|分配|到位)?(?:资金)?$/u;

/**
 * Parts before their total: 「分配甲24.6万元，乙56.5万元，丙74.1万元，共计155.2万元」 — the figures of one unit
 * from the start of the sentence (or its last ：/；) up to a figure named 共计/合计/总计. A likely reading.
 */
function totalsAfter(context: TextContext): SumRelation[] {
  const out: SumRelation[] = [];
  for (const total of context.facts) {
    if (total.kind === 'rate' || total.approximate || total.comparison || total.upper) continue;
    const block = context.blocks[total.block];
    const sentence = block?.sentences[total.sentence];
    if (!block || !sentence) continue;
    const before = block.text.slice(sentence[0], total.start);
    const lead = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('、')) + 1);
    if (!TOTAL_AFTER.test(lead.replace(/[\s\u3000]/gu, ''))) continue;
    const from = sentence[0] + Math.max(before.lastIndexOf('：'), before.lastIndexOf(':'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
    const earlier = context.facts.filter((f) => f.block === total.block && f.start >= from && f.end <= total.start && f.parenOf === undefined);
    // the figures of the total's unit right before it (a rate or a standard in 元 further back is not a part)
    let first = earlier.length;
    while (first > 0 && sameUnit(earlier[first - 1], total)) first--;
    const parts = earlier.slice(first);
    if (parts.length < 2 || parts.some((p) => p.approximate || p.comparison || p.upper)) continue;
    out.push({ kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '按“共计”之前所列为其全部分项', total: figureOf(total), parts: parts.map((p) => figureOf(p)) });
  }
  return out;
}

/** The unit as written (4400元 is no part of a total in 万元, whatever its value in 万元). */
const writtenUnit = (f: PlacedFact): string => f.written.replace(/[-+\d.,，．０-９\s\u3000]/gu, '');
const sameUnit = (p: PlacedFact | undefined, total: PlacedFact): boolean =>
  !!p && p.kind === total.kind && p.unit === total.unit && writtenUnit(p) === writtenUnit(total);

/** The rest of a whole (其他收入, 其他资金): naming it makes a breakdown complete (as `facts/structure.ts`). */
const OTHER = /^其[他它](?:资金)?(?:收入|资金|项目(?:支出|资金)?|支出|资金来源|来源)$/u;

/**
 * A total closing one sentence and its parts opening the next: 「2、支出：799.12万元。其中：人员经费支出434.89万元，
 * 公用经费支出77.4万元，项目支出286.83万元。」 — the parts up to the first ； (as a 其中 in the same sentence).
 */
function partsInNextSentence(context: TextContext): SumRelation[] {
  const out: SumRelation[] = [];
  const byBlock = new Map<number, PlacedFact[]>();
  for (const f of context.facts) {
    const list = byBlock.get(f.block);
    if (list) list.push(f);
    else byBlock.set(f.block, [f]);
  }
  for (const [index, facts] of byBlock) {
    const block = context.blocks[index];
    if (!block || !block.text.includes('其中')) continue;
    for (let s = 1; s < block.sentences.length; s++) {
      const [a = 0, b = 0] = block.sentences[s] ?? [];
      if (!/^[\s\u3000]*其中/u.test(block.text.slice(a, a + 8))) continue;
      const previous = facts.filter((f) => f.sentence === s - 1 && f.parenOf === undefined);
      const total = previous[previous.length - 1];
      if (!total || total.kind === 'rate' || total.approximate || total.comparison || total.upper) continue;
      // nothing but the total's noun after it: 「实有人数3人。」「下达资金791万元。」
      const tail = block.text.slice(total.end, block.sentences[s - 1]?.[1] ?? total.end).replace(/[\s\u3000。；;，,！]/gu, '');
      if (tail.length > 4 || /\d/u.test(tail)) continue;
      const semi = block.text.slice(a, b).search(/[；;]/u);
      const stop = semi === -1 ? b : a + semi;
      // up to a second 其中 (the parts of a part)
      const nested = block.text.slice(a + 2, stop).search(/其中/u);
      const end = nested === -1 ? stop : a + 2 + nested;
      const inside = facts.filter((f) => f.sentence === s && f.start < end && f.parenOf === undefined);
      const parts = beforeRestatement(context, total, inside.filter((f) => (total.kind === 'amount' ? f.kind === 'amount' : sameUnit(f, total))));
      if (parts.length === 0 || parts.some((p) => p.approximate || p.comparison || p.upper || p.kind === 'rate')) continue;
      // a part larger than the whole: the next sentence is not its breakdown
      if (parts.some((p) => cmp(p.value, total.value) > 0)) continue;
      if (parts.filter((p) => LEVEL.test(p.label)).length >= 2) continue;
      out.push(relationOf({ total, parts, exhaustive: parts.some((p) => OTHER.test(p.label)), how: 'partOf' }));
    }
  }
  return out;
}

/** Parts that make at least half the total: a list that may be the whole (a shorter one is a selection). */
const mostOf = (b: Breakdown): boolean => cmp(multiply(sum(b.parts.map((p) => p.value)), dec(2)), b.total.value) >= 0;

/** Brackets opened with 其中: 「246.2万元（其中：中央226.7万元，省级19.5万元）」. */
function openedWithPartOf(context: TextContext, b: Breakdown): boolean {
  if (b.how !== 'brackets') return false;
  const first = b.parts[0];
  const block = context.blocks[b.total.block];
  if (!first || !block) return false;
  const between = block.text.slice(b.total.end, first.start);
  return /[（(][\s\u3000]*其中/u.test(between);
}

/** Brackets that name a selection: 「（含A…、B…）」「（主要是…）」. */
function openedWithSelection(context: TextContext, b: Breakdown): boolean {
  const first = b.parts[0];
  const block = context.blocks[b.total.block];
  if (!first || !block) return true;
  return /[（(][\s\u3000]*(?:含|包括|主要|如|例如|其中主要)/u.test(block.text.slice(b.total.end, first.start));
}

/** `listed`: the parts are listed as the whole's (其中, brackets listing them); else they may be a selection. */
function relationOf(b: Breakdown, listed = true): SumRelation {
      const total = figureOf(b.total);
      const parts = b.parts.map((p) => figureOf(p));
      if (b.exhaustive) return { kind: 'sum', source: 'sentence-sum', confidence: 'certain', total, parts };
      if (b.parts.length >= 2 && listed && (b.total.kind === 'amount' || b.total.kind === 'count') && mostOf(b))
        return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '按“其中”所列分项为全部分项', total, parts };
      return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '“其中”所列可能不是全部分项，只在分项之和已超过合计时报出', total, parts, partial: true };
}

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
import type { TextContext } from '../facts/types.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { Extractor, SumRelation } from './types.ts';

export const sentenceSum: Extractor = {
  id: 'sentence-sum',
  description: '句子中的合计与分项（其中、括号、其他、如下、合称、三公经费与基本支出的构成）',
  extract(input) {
    const context = sentenceContext(input);
    const out: SumRelation[] = [];
    for (const b of breakdownsOf(context.blocks, context.facts)) {
      // a rate is no total of rates; levels (一级指标3个、二级指标9个) are no parts of a whole
      if (b.total.kind === 'rate' || b.parts.some((p) => p.kind === 'rate')) continue;
      if (b.parts.filter((p) => LEVEL.test(p.label)).length >= 2) continue;
      out.push(relationOf(b));
    }
    out.push(...totalsAfter(context));
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
    const parts = context.facts.filter((f) => f.block === total.block && f.start >= from && f.end <= total.start);
    if (parts.length < 2 || parts.some((p) => p.kind !== total.kind || p.unit !== total.unit || p.approximate || p.comparison || p.upper || p.parenOf !== undefined)) continue;
    out.push({ kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '按“共计”之前所列为其全部分项', total: figureOf(total), parts: parts.map((p) => figureOf(p)) });
  }
  return out;
}

/** Parts that make at least half the total: a list that may be the whole (a shorter one is a selection). */
const mostOf = (b: Breakdown): boolean => cmp(multiply(sum(b.parts.map((p) => p.value)), dec(2)), b.total.value) >= 0;

function relationOf(b: Breakdown): SumRelation {
      const total = figureOf(b.total);
      const parts = b.parts.map((p) => figureOf(p));
      if (b.exhaustive) return { kind: 'sum', source: 'sentence-sum', confidence: 'certain', total, parts };
      if (b.parts.length >= 2 && b.how !== 'brackets' && (b.total.kind === 'amount' || b.total.kind === 'count') && mostOf(b))
        return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '按“其中”所列分项为全部分项', total, parts };
      return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '“其中”所列可能不是全部分项，只在分项之和已超过合计时报出', total, parts, partial: true };
}

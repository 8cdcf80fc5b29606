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
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { Extractor, SumRelation } from './types.ts';

export const sentenceSum: Extractor = {
  id: 'sentence-sum',
  description: '句子中的合计与分项（其中、括号、其他、如下、合称、三公经费与基本支出的构成）',
  extract(input) {
    const context = sentenceContext(input);
    const out: SumRelation[] = [];
    for (const b of breakdownsOf(context.blocks, context.facts)) {
      // a rate is no total of rates
      if (b.total.kind === 'rate' || b.parts.some((p) => p.kind === 'rate')) continue;
      out.push(relationOf(b));
    }
    return out;
  },
};

/** Parts that make at least half the total: a list that may be the whole (a shorter one is a selection). */
const mostOf = (b: Breakdown): boolean => cmp(multiply(sum(b.parts.map((p) => p.value)), dec(2)), b.total.value) >= 0;

function relationOf(b: Breakdown): SumRelation {
      const total = figureOf(b.total);
      const parts = b.parts.map((p) => figureOf(p));
      if (b.exhaustive) return { kind: 'sum', source: 'sentence-sum', confidence: 'certain', total, parts };
      if (b.parts.length >= 2 && b.how !== 'brackets' && b.total.kind === 'amount' && mostOf(b))
        return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '按“其中”所列分项为全部分项', total, parts };
      return { kind: 'sum', source: 'sentence-sum', confidence: 'likely', assumption: '“其中”所列可能不是全部分项，只在分项之和已超过合计时报出', total, parts, partial: true };
}

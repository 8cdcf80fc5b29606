/**
 * Changes on another year in sentences: 「2021年…7700万元，2020年…7650万元，比去年增加50万元」 (a
 * difference: this year − last year), 「…增长/下降 N%」 (a growth rate on last year).
 *
 * The terms are the two amounts of the change's unit written before it in the same sentence, and only two:
 * the one whose clause names last year (上年, 去年, 同期 or the earlier of two years) is last year's, the
 * other this year's. A sentence with more amounts, or with neither naming last year, is not read (a change
 * may be against a figure the sentence does not give). The reading is likely: a warning that says so.
 * @module
 */
import { usable } from '../facts/fact-rate.ts';
import type { PlacedFact } from '../facts/types.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { DifferenceRelation, Extractor, GrowthRelation } from './types.ts';

const LAST_YEAR = /上年|去年|上一年|上年度|同期/u;
const YEAR = /((?:19|20)\d{2})\s*年/gu;

/** The year a fact's clause names (the last one before it), or 'last' for 上年/去年, or null. */
function yearOf(text: string, from: number, fact: PlacedFact): number | 'last' | null {
  const before = text.slice(from, fact.start);
  if (LAST_YEAR.test(before)) return 'last';
  const years = [...before.matchAll(YEAR)];
  const y = years[years.length - 1];
  return y ? Number(y[1]) : null;
}

/** Which of two amounts is last year's: [current, previous], or null when the text does not say. */
function ordered(text: string, sentenceStart: number, a: PlacedFact, b: PlacedFact): [PlacedFact, PlacedFact] | null {
  const ya = yearOf(text, sentenceStart, a);
  const yb = yearOf(text, a.end, b);
  if (ya === 'last' && yb !== 'last') return [b, a];
  if (yb === 'last' && ya !== 'last') return [a, b];
  if (typeof ya === 'number' && typeof yb === 'number' && ya !== yb) return ya > yb ? [a, b] : [b, a];
  return null;
}

export const sentenceGrowth: Extractor = {
  id: 'sentence-growth',
  description: '句子中的比上年增减（金额之差、增长率）与同句所写的本年数、上年数',
  extract(input) {
    const context = sentenceContext(input);
    const out: (DifferenceRelation | GrowthRelation)[] = [];
    for (const f of context.facts) {
      if ((f.qualifier !== 'increase' && f.qualifier !== 'decrease') || !usable(f)) continue;
      const block = context.blocks[f.block];
      const span = block?.sentences[f.sentence];
      if (!block || !span) continue;
      const percent = f.kind === 'rate' && f.unit === '%';
      if (!percent && f.kind !== 'amount') continue;
      const terms = context.facts.filter(
        (g) => g.block === f.block && g.sentence === f.sentence && g.start < f.start && g.kind === 'amount' && usable(g) && g.qualifier !== 'increase' && g.qualifier !== 'decrease' && (percent || g.unit === f.unit),
      );
      const [a, b] = terms;
      if (terms.length !== 2 || !a || !b || a.unit !== b.unit) continue;
      const pair = ordered(block.text, span[0], a, b);
      if (!pair) continue;
      const [current, previous] = pair;
      const decrease = f.qualifier === 'decrease';
      const assumption = `按同句的${current.label} ${current.written} 为本年数、${previous.label} ${previous.written} 为上年数`;
      if (percent) {
        out.push({ kind: 'growth', source: 'sentence-growth', confidence: 'likely', assumption, rate: figureOf(f), current: figureOf(current), previous: figureOf(previous), ...(decrease ? { decrease: true } : {}) });
      } else {
        out.push({
          kind: 'difference',
          source: 'sentence-growth',
          confidence: 'likely',
          assumption,
          result: figureOf(f),
          minuend: figureOf(decrease ? previous : current),
          subtrahend: figureOf(decrease ? current : previous),
        });
      }
    }
    return out;
  },
};

/**
 * Rates in sentences with their terms: 结案率93.75% after 立案64件、结案60件; 执行率 after the budget and
 * what was spent; 「A占B的N%」; 「完成B的N%」「完成目标任务N人的100%」 (what was done over the target).
 *
 * The terms: those the phrasing names (占…的, 完成…的); else the pair of the sentence that gives the rate as
 * written (the reading that holds); else the pair the rate's name picks out (`fact-rate`: 执行率 → 支出 over
 * 预算; 规范管理率 → 规范管理… over the other figure of its clause); else, for a rate of the budget's
 * vocabulary, the only two figures of one unit before it (likely: the later over the earlier).
 * Changes on last year (增长/下降 N%) are `sentence-growth`'s.
 * @module
 */
import { keywordPair, segmentPair, sinceRateBefore, usable } from '../facts/fact-rate.ts';
import { rateMatches } from '../facts/intervals.ts';
import type { PlacedFact, TextContext } from '../facts/types.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { Extractor, RateRelation } from './types.ts';

const PHRASED = /(占|完成|达到|为)((?:[^，,。；;！？]|(?<=\d),(?=\d)){0,30}?)的\s*$/u;
const BUDGET_RATE = /执行率|支出率|支付率|使用率|拨付率|到位率|完成率|支出进度|拨付进度|结案率|办结率|兑现率|发放率/u;

type Terms = { n: PlacedFact; d: PlacedFact; confidence: 'certain' | 'likely' };

function rateOf(rate: PlacedFact, t: Terms): RateRelation {
  return {
    kind: 'rate',
    source: 'sentence-rate',
    confidence: t.confidence,
    ...(t.confidence === 'likely' ? { assumption: `按${t.n.label} ÷ ${t.d.label}计算` } : {}),
    rate: figureOf(rate),
    numerator: figureOf(t.n),
    denominator: figureOf(t.d),
  };
}

/** 「A占B的N%」「完成B的N%」: B inside the phrase, A the last figure of its unit before the verb. */
function phrased(text: string, rate: PlacedFact, sentence: readonly PlacedFact[]): Terms | null {
  const m = PHRASED.exec(text.slice(Math.max(0, rate.start - 40), rate.start));
  if (!m) return null;
  const phraseStart = rate.start - m[0].length;
  const inside = sentence.filter((f) => f.start >= phraseStart + (m[1]?.length ?? 0) && f.end <= rate.start);
  const d = inside[inside.length - 1];
  if (!d) return null;
  const before = sentence.filter((f) => f.end <= phraseStart && f.unit === d.unit && f.kind === d.kind);
  const n = before[before.length - 1];
  return n ? { n, d, confidence: 'certain' } : null;
}

function termsOf(context: TextContext, rate: PlacedFact, sentence: readonly PlacedFact[]): Terms | null {
  const text = context.blocks[rate.block]?.text ?? '';
  const p = phrased(text, rate, sentence);
  if (p) return p;
  // the reading that holds
  for (const n of sentence) {
    for (const d of sentence) {
      if (n === d || n.unit !== d.unit || n.kind !== d.kind) continue;
      if (rateMatches(rate, n, d)) return { n, d, confidence: 'likely' };
    }
  }
  const own = sinceRateBefore(context.facts, rate, sentence);
  const pair = segmentPair(text, rate, own) ?? keywordPair(rate, own);
  if (pair) return { n: pair[0], d: pair[1], confidence: 'certain' };
  if (!BUDGET_RATE.test(rate.label)) return null;
  const two = own.filter((f) => f.kind === 'amount' && f.start < rate.start);
  const [d, n] = two;
  if (two.length !== 2 || !n || !d || n.unit !== d.unit) return null;
  return { n, d, confidence: 'likely' };
}

export const sentenceRate: Extractor = {
  id: 'sentence-rate',
  description: '句子中的比率与其分子、分母（…率N%、占…的N%、完成…的N%）',
  extract(input) {
    const context = sentenceContext(input);
    const out: RateRelation[] = [];
    for (const rate of context.facts) {
      if (rate.kind !== 'rate' || rate.unit !== '%' || !usable(rate)) continue;
      if (rate.qualifier === 'increase' || rate.qualifier === 'decrease') continue;
      const sentence = context.facts.filter(
        (f) => f.block === rate.block && f.sentence === rate.sentence && f !== rate && f.kind !== 'rate' && f.kind !== 'score' && usable(f) && f.value.units > 0,
      );
      if (sentence.length < 2 && !/的\s*$/u.test((context.blocks[rate.block]?.text ?? '').slice(0, rate.start))) continue;
      const t = termsOf(context, rate, sentence);
      if (t) out.push(rateOf(rate, t));
    }
    return out;
  },
};

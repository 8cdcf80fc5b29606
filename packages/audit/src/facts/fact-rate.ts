/**
 * A stated rate against the numerator and denominator stated in the same sentence: 立案64件，结案60件，
 * 结案率93.75% (right); 预算100万元，实际支出80万元，执行率85% (wrong: 80.00%). When any two figures of
 * the sentence give the rate it is taken as right; otherwise it is wrong only when the rate's name picks
 * out exactly one numerator and one denominator.
 * @module
 */
import { divide } from '@jixiao/core';
import { rateMatches, show } from './intervals.ts';
import { defineTextCheck, type PlacedFact } from './types.ts';

type Terms = { readonly rate: RegExp; readonly numerator: RegExp; readonly denominator: RegExp };

/** Rates of the budget-performance vocabulary and the words of their terms. */
const RATE_TERMS: readonly Terms[] = [
  { rate: /执行率|支出率|支付率|使用率|拨付率|支出进度/u, numerator: /实际|支出|执行|使用|拨付|决算|完成/u, denominator: /预算|计划|下达|批复|安排|应(?:支出|支付|拨付|使用)/u },
  { rate: /结案率|办结率|处置率|查处率|办理率/u, numerator: /结案|办结|处置|办理完|已办/u, denominator: /立案|受理|案件|收到|接到|登记|发现|交办/u },
  { rate: /到位率/u, numerator: /到位|拨付/u, denominator: /预算|计划|下达|批复|应到位|应拨付/u },
  { rate: /控制率/u, numerator: /在职|实有|实际/u, denominator: /编制|定编|核定/u },
  { rate: /完成率/u, numerator: /完成|实际/u, denominator: /计划|目标|指标|任务|下达/u },
];
const DUE = /应(?:到位|拨付|支付|支出|使用)/u;
const GENERIC_DENOMINATOR = /总|共|应|全部|计划|目标|任务|抽检|检查|检测|受理|登记|常住|适龄|辖区|服务对象|参加|覆盖/u;

export const usable = (f: PlacedFact): boolean => !f.approximate && !f.comparison && !f.upper && f.value.units > 0;

function termsOf(rate: PlacedFact): { numerator: RegExp; denominator: RegExp } | null {
  const name = rate.label;
  const known = RATE_TERMS.find((t) => t.rate.test(name));
  if (known) return known;
  const stem = /([\u3400-\u9fff]{2})率$/u.exec(name)?.[1];
  if (!stem) return null;
  return { numerator: new RegExp(stem, 'u'), denominator: GENERIC_DENOMINATOR };
}

const named = (f: PlacedFact): string => `${f.label}${f.noun ?? ''}`;

/**
 * In the rate's ；-segment, exactly two figures of one unit, one of them named by the rate (规范管理33,534人
 * … 规范管理率): that one over the other.
 */
export function segmentPair(text: string, rate: PlacedFact, sentence: readonly PlacedFact[]): [PlacedFact, PlacedFact] | null {
  const before = text.slice(0, rate.start);
  const segmentStart = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'), before.lastIndexOf('。')) + 1;
  const inSegment = sentence.filter((f) => f.start >= segmentStart && f.start < rate.start);
  if (inSegment.length !== 2) return null;
  const [a, b] = inSegment;
  if (!a || !b || a.unit !== b.unit) return null;
  const stem = rate.subject.replace(/率$/u, '');
  if (stem.length < 2) return null;
  const hasA = named(a).includes(stem);
  const hasB = named(b).includes(stem);
  if (hasA === hasB) return null;
  return hasA ? [a, b] : [b, a];
}

/** The rate's vocabulary picks exactly one numerator and one denominator in the sentence. */
export function keywordPair(rate: PlacedFact, sentence: readonly PlacedFact[]): [PlacedFact, PlacedFact] | null {
  const terms = termsOf(rate);
  if (!terms) return null;
  // 应到位 / 应拨付 is what was due: a denominator although it names the numerator's verb
  // (a label carries its paragraph's subject: 「补助应到位实际到位」 is what arrived, after what was due)
  const own = (f: PlacedFact): string => (f.label.startsWith(f.subject) && f.label.length > f.subject.length ? f.label.slice(f.subject.length) : f.label);
  const due = (f: PlacedFact): boolean => DUE.test(own(f));
  const numerators = sentence.filter(
    (f) => terms.numerator.test(named(f)) && (!terms.denominator.test(named(f)) || (DUE.test(named(f)) && !due(f) && !terms.denominator.test(own(f)))),
  );
  const denominators = sentence.filter((f) => terms.denominator.test(named(f)) && (!terms.numerator.test(named(f)) || due(f)));
  const n = numerators[0];
  const d = denominators[0];
  if (numerators.length !== 1 || denominators.length !== 1 || !n || !d || n.unit !== d.unit) return null;
  return [n, d];
}

/**
 * The figures of the sentence after the rate before this one: 「甲完成636.75万元，执行率81.97%，乙完成288.26万元，执行率
 * 99.28%」 — 636.75 is the first rate's, not a term of the second.
 */
export function sinceRateBefore(facts: readonly PlacedFact[], rate: PlacedFact, sentence: readonly PlacedFact[]): PlacedFact[] {
  let from = -1;
  for (let i = rate.index - 1; i >= 0; i--) {
    const f = facts[i];
    if (!f || f.block !== rate.block || f.sentence !== rate.sentence) break;
    if (f.kind === 'rate' && f.end <= rate.start) {
      from = f.end;
      break;
    }
  }
  return from === -1 ? [...sentence] : sentence.filter((f) => f.start >= from);
}

/** More figures than this in one sentence: not a rate with its numerator and denominator. */
const MAX_SENTENCE_FIGURES = 40;

export const factRate = defineTextCheck({
  id: 'fact-rate',
  meta: {
    category: 'arithmetic',
    description: '正文所写的比率应等于同一句中所写的分子除以分母（结案率、执行率、完成率、控制率等）',
    basis: 'DOMAIN.md「What a reviewer checks」2：比率等于分子除以分母；三个数都按书写精度作区间比较',
    defaultSeverity: 'error',
    messages: {
      mismatch: '第{{line}}行「{{label}}」写为 {{stated}}，但同句的{{numeratorLabel}} {{numerator}} ÷ {{denominatorLabel}} {{denominator}} = {{expected}}%；请核对比率或其分子、分母。',
    },
  },
  run(context, report) {
    // The figures of each sentence, indexed once: looking them up for each rate by scanning every fact made
    // the check quadratic in the report (40,000 repeated sentences: minutes).
    const bySentence = new Map<string, PlacedFact[]>();
    for (const f of context.facts) {
      if (f.kind === 'rate' || f.kind === 'score' || !usable(f)) continue;
      const key = `${f.block}:${f.sentence}`;
      const list = bySentence.get(key);
      if (list) list.push(f);
      else bySentence.set(key, [f]);
    }
    for (const rate of context.facts) {
      if (rate.kind !== 'rate' || rate.unit !== '%' || !usable(rate) || !/率$/u.test(rate.label)) continue;
      const sentence = bySentence.get(`${rate.block}:${rate.sentence}`) ?? [];
      // every pair is tried below: a "sentence" of hundreds of figures (a run-on line) is no rate statement
      if (sentence.length < 2 || sentence.length > MAX_SENTENCE_FIGURES) continue;
      let consistent = false;
      for (const n of sentence) {
        for (const d of sentence) {
          if (n === d || n.unit !== d.unit) continue;
          if (rateMatches(rate, n, d)) consistent = true;
        }
      }
      if (consistent) continue;
      const own = sinceRateBefore(context.facts, rate, sentence);
      const pair = segmentPair(context.blocks[rate.block]?.text ?? '', rate, own) ?? keywordPair(rate, own);
      if (!pair) continue;
      const [n, d] = pair;
      const expected = divide(n.value, d.value, Math.max(2, rate.value.scale), 'halfUp', 100);
      if (!expected) continue;
      report({
        messageId: 'mismatch',
        data: {
          line: rate.line,
          label: rate.label,
          stated: rate.written,
          numeratorLabel: n.label,
          numerator: n.written,
          denominatorLabel: d.label,
          denominator: d.written,
          expected: show(expected, expected.scale),
        },
        line: rate.line,
        excerpt: rate.excerpt,
        stated: rate.written,
        expected: `${show(expected, expected.scale)}%`,
      });
    }
  },
});

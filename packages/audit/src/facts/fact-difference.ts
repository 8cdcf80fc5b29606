/**
 * A stated difference against its terms in the same passage:
 * - what is left (结余/盈余/节余/结转结余) = 预算 − 实际 (项目预算11,853.56万元，实际支出9,970.25万元，
 *   盈余11,853.56万元 is wrong: 1,883.31);
 * - a change on last year (比上年增加/减少) = this year − last year, or as a percentage of last year.
 * When some pair of the passage's figures gives the difference it is taken as right.
 * @module
 */
import { abs, divide, sub } from '@jixiao/core';
import { isGenericSubject, normalizeSubject } from './labels.ts';
import { differenceMatches, inDirection, rateMatches, show, shownNumber } from './intervals.ts';
import { defineTextCheck, type PlacedFact } from './types.ts';

const usable = (f: PlacedFact): boolean => !f.approximate && !f.comparison && !f.upper;

const sameSubject = (a: PlacedFact, b: PlacedFact): boolean =>
  normalizeSubject(a.subject) === normalizeSubject(b.subject) || isGenericSubject(normalizeSubject(a.subject));

export const factDifference = defineTextCheck({
  id: 'fact-difference',
  meta: {
    category: 'arithmetic',
    description: '正文所写的差额应等于同一处所写的两项之差：结余/盈余 = 预算 − 实际；比上年增加/减少 = 本年 − 上年',
    basis: 'DOMAIN.md「What a reviewer checks」2：差额（结余 = 预算 − 执行；比上年增加 = 本年 − 上年）应正确',
    defaultSeverity: 'error',
    messages: {
      balance: '第{{line}}行「{{label}}」写为 {{stated}}，但同处{{budgetLabel}} {{budget}} − {{actualLabel}} {{actual}} = {{expected}}万元；请核对。',
      change: '第{{line}}行「{{label}}」写为 {{stated}}，但同处本年 {{current}} − 上年 {{prior}} = {{expected}}{{unit}}；请核对。',
      changeSign: '第{{line}}行写「{{label}}」{{stated}}，但同处本年 {{current}}、上年 {{prior}}，实际是{{direction}} {{expected}}{{unit}}；请核对增减方向。',
      changeRate: '第{{line}}行「{{label}}」写为 {{stated}}，但同处（本年 {{current}} − 上年 {{prior}}）÷ 上年，是{{direction}} {{expected}}%；请核对。',
    },
  },
  run(context, report) {
    const passage = (f: PlacedFact): PlacedFact[] => {
      const sentence = context.facts.filter((g) => g.block === f.block && g.sentence === f.sentence && g !== f && usable(g));
      return sentence;
    };

    for (const f of context.facts) {
      if (!usable(f)) continue;
      if (f.qualifier === 'balance' && f.kind === 'amount') {
        const inSentence = passage(f).filter((g) => g.kind === 'amount' && sameSubject(f, g));
        // the budget may be stated in the paragraph's previous sentence (全年预算数…。全年执行数…，结余…)
        const peers = inSentence.some((g) => g.qualifier === 'budget') && inSentence.some((g) => g.qualifier === 'actual')
          ? inSentence
          : context.facts.filter((g) => g.block === f.block && g.start < f.start && usable(g) && g.kind === 'amount' && sameSubject(f, g));
        const budgets = peers.filter((g) => g.qualifier === 'budget');
        const actuals = peers.filter((g) => g.qualifier === 'actual');
        if (budgets.length === 0 || actuals.length === 0) continue;
        if (budgets.some((b) => actuals.some((a) => differenceMatches(f, b, a)))) continue;
        const b = budgets[0];
        const a = actuals[0];
        if (budgets.length !== 1 || actuals.length !== 1 || !b || !a) continue;
        const expected = sub(b.value, a.value);
        report({
          messageId: 'balance',
          data: {
            line: f.line, label: f.label, stated: f.written, budgetLabel: b.label, budget: b.written,
            actualLabel: a.label, actual: a.written, expected: show(expected, Math.max(b.value.scale, a.value.scale)),
          },
          line: f.line,
          excerpt: f.excerpt,
          stated: f.written,
          expected: shownNumber(show(expected, Math.max(b.value.scale, a.value.scale))),
        });
        continue;
      }
      if (f.qualifier !== 'increase' && f.qualifier !== 'decrease') continue;
      // last year's figure in the sentence, else in the paragraph (…下降16.21%。…上年三公经费支出18.88万元)
      const sentencePriors = passage(f).filter((g) => g.qualifier === 'prior' && sameSubject(f, g));
      const blockPeers = context.facts.filter((g) => g.block === f.block && g !== f && usable(g));
      const peers = sentencePriors.length > 0 ? passage(f) : blockPeers;
      const priors = sentencePriors.length > 0 ? sentencePriors : blockPeers.filter((g) => g.qualifier === 'prior' && sameSubject(f, g));
      const prior = priors[0];
      if (priors.length !== 1 || !prior) continue;
      const currents = peers
        .filter((g) => g.start < f.start && g.qualifier !== 'prior' && g.qualifier !== 'increase' && g.qualifier !== 'decrease' && g.qualifier !== 'balance')
        .filter((g) => g.kind === prior.kind && g.unit === prior.unit && sameSubject(f, g));
      const current = currents[currents.length - 1];
      if (!current) continue;
      const sign = f.qualifier === 'increase' ? 1 : -1;
      if (f.kind === 'rate' && f.unit === '%') {
        const delta = sub(current.value, prior.value);
        const stated = { value: sign === 1 ? f.value : { units: -f.value.units, scale: f.value.scale } };
        if (rateMatches(stated, { value: delta }, prior)) continue;
        const expected = divide(delta, prior.value, 2, 'halfUp', 100);
        if (!expected) continue;
        report({
          messageId: 'changeRate',
          data: {
            line: f.line, label: f.label, stated: f.written, current: current.written, prior: prior.written,
            expected: show(abs(expected), 2), direction: expected.units >= 0 ? '增长' : '下降',
          },
          line: f.line,
          excerpt: f.excerpt,
          stated: f.written,
          // the figure in the stated's own direction (负数 when the direction word is the wrong one)
          expected: inDirection(sign, expected.units >= 0, show(abs(expected), 2)),
        });
        continue;
      }
      if (f.kind !== current.kind || f.unit !== current.unit) continue;
      const [minuend, subtrahend] = sign === 1 ? [current, prior] : [prior, current];
      if (differenceMatches(f, minuend, subtrahend)) continue;
      const delta = sub(current.value, prior.value);
      const decimals = Math.max(current.value.scale, prior.value.scale);
      const flipped = differenceMatches(f, subtrahend, minuend);
      report({
        messageId: flipped ? 'changeSign' : 'change',
        data: {
          line: f.line, label: f.label, stated: f.written, current: current.written, prior: prior.written,
          expected: show(flipped ? abs(delta) : sign === 1 ? delta : sub(prior.value, current.value), decimals),
          unit: f.unit,
          direction: delta.units >= 0 ? '增加' : '减少',
        },
        line: f.line,
        excerpt: f.excerpt,
        stated: f.written,
        expected: inDirection(sign, delta.units >= 0, show(abs(delta), decimals)),
      });
    }
  },
});

/**
 * The stated total equals the total the scheme gives. Reported only where it differs from the sum of the
 * stated scores too (otherwise total-score-mismatch already says it).
 * @module
 */
import { add, cmp, eq, sub } from '../decimal.ts';
import { pathIn } from '../derive/scorecard.ts';
import { compareScore, statedTotal } from './scoring-util.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const totalScoreComputed = defineCheck({
  id: 'total-score-computed',
  meta: {
    category: 'scoring',
    description: '自评总分应等于按评价方案重新计算的总分',
    basis: '各省评价方案（一级指标分值、计分规则、不适用指标处理、舍入）',
    defaultSeverity: 'error',
    messages: {
      totalComputed: '总得分写为 {{stated}}，按「{{scheme}}」计算应为 {{expected}}：{{explanation}}',
    },
  },
  run(ctx) {
    const { card, total, scheme } = ctx.derived;
    if (!card?.totalScore) return;
    if (compareScore(card.totalScore, total.computed, scheme) !== 'different') return;
    // The funds score may legitimately differ within the rounding of the written amounts.
    const range = ctx.derived.funds.scoreRange;
    const fundsScore = ctx.derived.funds.score;
    if (range && fundsScore) {
      const low = add(sub(total.computed, fundsScore), range.low);
      const high = add(sub(total.computed, fundsScore), range.high);
      if (cmp(card.totalScore, low) >= 0 && cmp(card.totalScore, high) <= 0) return;
    }
    // When the stated scores themselves add up to the scheme's total, total-score-mismatch reports it.
    const stated = statedTotal(ctx.derived);
    if (stated && eq(stated.value, total.computed)) return;
    ctx.report({
      messageId: 'totalComputed',
      path: pathIn(card, 'totalScore'),
      data: { stated: showAmount(card.totalScore), expected: showComputed(total.computed), scheme: scheme.name, explanation: total.explanation },
      stated: num(card.totalScore),
      expected: num(total.computed),
    });
  },
});

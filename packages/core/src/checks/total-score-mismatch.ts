/**
 * The stated total score equals the sum of the stated scores (预算执行率 score + every indicator score),
 * rescaled to the total points when the scheme rescales not-applicable indicators; the total points equal
 * the sum of the points as written (not-applicable rows keep their points in the table).
 * @module
 */
import { type Dec, sum, sumConsistent } from '../decimal.ts';
import { pathIn } from '../derive/scorecard.ts';
import { notApplicablePoints, statedTotal } from './scoring-util.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const totalScoreMismatch = defineCheck({
  id: 'total-score-mismatch',
  meta: {
    category: 'arithmetic',
    description: '自评表的总得分应等于预算执行率得分与各三级指标得分之和',
    basis: 'DOMAIN.md 审核要点3“总分为各项之和”；自评表“总分”栏',
    defaultSeverity: 'error',
    messages: {
      totalMismatch: '总得分写为 {{stated}}，但预算执行率得分与各指标得分之和为 {{expected}}',
      rescaledMismatch: '总得分写为 {{stated}}，但预算执行率得分与各指标得分之和 {{sum}} 扣除不适用指标 {{notApplicable}} 分后按百分制折算应为 {{expected}}',
      pointsMismatch: '总分值写为 {{stated}}，但预算执行率分值与各指标分值之和为 {{expected}}',
    },
  },
  run(ctx) {
    const card = ctx.derived.card;
    if (!card) return;
    const stated = statedTotal(ctx.derived);
    if (card.totalScore && stated && !sumConsistent(card.totalScore, [stated.value], true)) {
      ctx.report({
        messageId: stated.rescaled ? 'rescaledMismatch' : 'totalMismatch',
        path: pathIn(card, 'totalScore'),
        data: {
          stated: showAmount(card.totalScore),
          expected: showComputed(stated.value),
          sum: showComputed(ctx.derived.total.statedSum ?? stated.value),
          notApplicable: showComputed(notApplicablePoints(ctx.derived)),
        },
        stated: num(card.totalScore),
        expected: num(stated.value),
      });
    }
    const pointParts = [card.funds.points, ...card.indicators.filter((x) => !x.notApplicable || x.points !== null).map((x) => x.points)];
    const present = pointParts.filter((p): p is Dec => p !== null);
    if (card.totalPoints && present.length === pointParts.length && present.length > 1) {
      const pointsSum = sum(present);
      if (!sumConsistent(card.totalPoints, [pointsSum], true)) {
        ctx.report({
          messageId: 'pointsMismatch',
          path: pathIn(card, 'totalPoints'),
          data: { stated: showAmount(card.totalPoints), expected: showComputed(pointsSum) },
          stated: num(card.totalPoints),
          expected: num(pointsSum),
        });
      }
    }
  },
});

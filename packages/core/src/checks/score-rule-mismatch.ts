/**
 * Each computable score follows its rule: the 预算执行率 score and every quantitative indicator's score
 * are recomputed under the scheme (direction, formula, cap, over-achievement, rounding).
 * @module
 */
import { cmp, type Dec } from '../decimal.ts';
import { indicatorPath } from '../derive/scorecard.ts';
import { compareScore } from './scoring-util.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const scoreRuleMismatch = defineCheck({
  id: 'score-rule-mismatch',
  meta: {
    category: 'scoring',
    description: '可计算的得分（预算执行率得分、定量指标得分）应与按评价方案规则计算的结果一致',
    basis: '财预〔2020〕10号：定量指标完成目标得满分，未完成按比例计分；预算执行率得分 = 执行率 × 分值；各省评价方案的方向、舍入与超额规则',
    defaultSeverity: 'error',
    messages: {
      fundsScore: '预算执行率得分写为 {{stated}}，按方案应为 {{expected}}（{{explanation}}）',
      indicatorScore: '「{{name}}」得分写为 {{stated}}，按方案应为 {{expected}}（{{explanation}}）',
      coarser: '「{{name}}」得分写为 {{stated}}，方案要求保留 {{decimals}} 位小数，应为 {{expected}}',
    },
  },
  run(ctx) {
    const { card, scheme, funds, indicators } = ctx.derived;
    if (!card) return;
    const withinRounding = (d: Dec): boolean =>
      funds.scoreRange !== null && cmp(d, funds.scoreRange.low) >= 0 && cmp(d, funds.scoreRange.high) <= 0;
    if (card.funds.score && funds.score && !withinRounding(card.funds.score)) {
      const c = compareScore(card.funds.score, funds.score, scheme);
      if (c !== 'equal') {
        ctx.report({
          messageId: c === 'coarser' ? 'coarser' : 'fundsScore',
          path: `${card.fundsPath}.score`,
          data: { name: '预算执行率', stated: showAmount(card.funds.score), expected: showComputed(funds.score), explanation: funds.explanation, decimals: scheme.rounding.decimals },
          stated: num(card.funds.score),
          expected: num(funds.score),
          ...(c === 'coarser' ? { severity: 'warning' as const } : {}),
        });
      }
    }
    for (const r of indicators) {
      const stated = r.indicator.score;
      if (!stated || !r.expected || r.indicator.notApplicable) continue;
      // A score above the points is reported by score-exceeds-points.
      if (r.indicator.points && cmp(stated, r.indicator.points) > 0) continue;
      const c = compareScore(stated, r.expected, scheme);
      if (c === 'equal') continue;
      ctx.report({
        messageId: c === 'coarser' ? 'coarser' : 'indicatorScore',
        path: indicatorPath(card, r.index, 'score'),
        data: { name: r.indicator.name, stated: showAmount(stated), expected: showComputed(r.expected), explanation: r.explanation, decimals: scheme.rounding.decimals },
        stated: num(stated),
        expected: num(r.expected),
        ...(c === 'coarser' ? { severity: 'warning' as const } : {}),
      });
    }
  },
});

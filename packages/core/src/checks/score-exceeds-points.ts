/**
 * No score may exceed its points (得分 ≤ 分值), nor be negative.
 * @module
 */
import { cmp, ZERO } from '../decimal.ts';
import { indicatorPath } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { num, showAmount } from './util.ts';

export const scoreExceedsPoints = defineCheck({
  id: 'score-exceeds-points',
  meta: {
    category: 'scoring',
    description: '得分不得超过分值，也不得为负',
    basis: '财预〔2020〕10号 自评表；预算管理一体化绩效模块校验“得分必须小于等于权重”',
    defaultSeverity: 'error',
    messages: {
      exceeds: '「{{name}}」得分 {{score}} 超过分值 {{points}}',
      negative: '「{{name}}」得分 {{score}} 为负数',
    },
  },
  run(ctx) {
    const card = ctx.derived.card;
    if (!card) return;
    const rows = [
      { name: '预算执行率', points: card.funds.points, score: card.funds.score, path: `${card.fundsPath}.score` },
      ...card.indicators.map((x, i) => ({ name: x.name, points: x.points, score: x.score, path: indicatorPath(card, i, 'score') })),
    ];
    for (const row of rows) {
      if (!row.score) continue;
      if (cmp(row.score, ZERO) < 0) {
        ctx.report({ messageId: 'negative', path: row.path, data: { name: row.name, score: showAmount(row.score) }, stated: num(row.score), expected: 0 });
      } else if (row.points && cmp(row.score, row.points) > 0) {
        ctx.report({ messageId: 'exceeds', path: row.path, data: { name: row.name, score: showAmount(row.score), points: showAmount(row.points) }, stated: num(row.score), expected: num(row.points) });
      }
    }
  },
});

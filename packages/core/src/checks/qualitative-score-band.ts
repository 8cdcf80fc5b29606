/**
 * A qualitative indicator's score lies in the band of the grade the unit chose (达成 80–100 %, 部分达成
 * 60–80 %, 未达成 0–60 %). Without a chosen grade, a deducted score is told which band it implies.
 * @module
 */
import { cmp } from '../decimal.ts';
import { indicatorPath } from '../derive/scorecard.ts';
import { qualitativeBand } from '../scoring/rules.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const qualitativeScoreBand = defineCheck({
  id: 'qualitative-score-band',
  meta: {
    category: 'scoring',
    description: '定性指标得分应落在所选等级的分数区间内',
    basis: '财预〔2020〕10号：定性指标“达成年度指标”“部分达成年度指标并具有一定效果”“未达成年度指标且效果较差”分别按100%–80%（含）、80%–60%（含）、60%–0%计分',
    defaultSeverity: 'error',
    messages: {
      outsideBand: '「{{name}}」选择「{{label}}」，得分应在 {{low}}～{{high}} 分之间，实际为 {{score}}',
      noGrade: '「{{name}}」为定性指标且扣了分（{{score}}/{{points}}），但未说明达成等级；该得分对应「{{label}}」档',
    },
  },
  run(ctx) {
    const { card, indicators } = ctx.derived;
    if (!card) return;
    for (const r of indicators) {
      if (r.rule.kind !== 'qualitative' || r.indicator.notApplicable) continue;
      const { score, points, qualitativeGrade, name } = r.indicator;
      if (!score || !points) continue;
      const path = indicatorPath(card, r.index, 'score');
      if (qualitativeGrade) {
        const band = qualitativeBand(r.rule, qualitativeGrade, points);
        if (!band) continue;
        const inside = cmp(score, band.low) >= 0 && (band.highInclusive ? cmp(score, band.high) <= 0 : cmp(score, band.high) < 0);
        if (!inside) {
          ctx.report({
            messageId: 'outsideBand',
            path,
            data: { name, label: band.label, low: showComputed(band.low), high: showComputed(band.high), score: showAmount(score) },
            stated: num(score),
          });
        }
      } else if (cmp(score, points) < 0 && r.scoreBand) {
        const band = r.rule.bands.find((b) => b.grade === r.scoreBand);
        ctx.report({
          messageId: 'noGrade',
          path,
          data: { name, score: showAmount(score), points: showAmount(points), label: band?.label ?? '' },
          stated: num(score),
          severity: 'info',
        });
      }
    }
  },
});

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

const SHORTFALL = /未完成|未达到|未达成|未能|尚未|部分完成|延期|推迟|滞后|未按期/u;

/**
 * Does the actual admit the target was not (fully) met within the evaluated year: it names a later year
 * as the completion date ("2023基本完成" in a 2022 evaluation), or says 未完成 / 延期 / 部分完成?
 */
export function admitsShortfall(actual: string, year: number): boolean {
  if (SHORTFALL.test(actual)) return true;
  for (const m of actual.matchAll(/(20\d\d)\s*年?(?:底|末|前|上半年|下半年|\d{1,2}月)?\s*(?:基本)?(?:完成|完工|竣工|建成|结项|达成)/gu)) {
    if (Number(m[1]) > year) return true;
  }
  return false;
}

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
      lateOrUnmet: '「{{name}}」实际完成情况「{{actual}}」表明未在 {{year}} 年度内完全达成，得分 {{score}} 却落在「{{label}}」档（≥{{low}} 分）；应按「部分达成」或「未达成」计分',
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
      } else if (r.scoreBand === 'achieved' && admitsShortfall(r.actual.text, ctx.evaluation.year)) {
        const band = qualitativeBand(r.rule, 'achieved', points);
        ctx.report({
          messageId: 'lateOrUnmet',
          path,
          data: { name, actual: r.actual.text, year: ctx.evaluation.year, score: showAmount(score), label: band?.label ?? '', low: band ? showComputed(band.low) : '' },
          stated: num(score),
          severity: 'warning',
        });
      } else if (cmp(score, points) < 0 && r.scoreBand) {
        const band = r.rule.bands.find((b) => b.grade === r.scoreBand);
        ctx.report({
          messageId: 'noGrade',
          path,
          data: { name, score: showAmount(score), points: showAmount(points), label: band?.label ?? '' },
          severity: 'info',
        });
      }
    }
  },
});

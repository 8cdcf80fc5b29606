/**
 * Actual far above target suggests a target set too low: at the scheme's trigger (120 % or 130 %) the
 * unit must explain, or the score is reduced, as the scheme says.
 * @module
 */
import { indicatorPath } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { isBlankText, showAmount, showComputed } from './util.ts';

export const overAchievement = defineCheck({
  id: 'over-achievement',
  meta: {
    category: 'scoring',
    description: '实际完成值远超年度指标值（达到方案的超额标准）时，应说明原因；目标明显偏低的应调减得分',
    basis: '财预〔2020〕10号：超额完成较多的应分析原因，目标设定明显偏低的按偏离度适度调减分值；广西 130%、河北/天津 120% 的系统规则',
    defaultSeverity: 'warning',
    messages: {
      needsExplanation: '「{{name}}」实际 {{actual}} 为目标 {{target}} 的 {{ratio}}%，达到超额标准 {{trigger}}%，须说明超额原因（目标是否偏低）',
      flagged: '「{{name}}」实际 {{actual}} 为目标 {{target}} 的 {{ratio}}%，达到超额标准 {{trigger}}%，请核实目标是否偏低',
    },
  },
  run(ctx) {
    const { card, indicators, scheme } = ctx.derived;
    if (!card || scheme.overAchievement.trigger === null) return;
    const trigger = scheme.overAchievement.trigger * 100;
    for (const r of indicators) {
      if (!r.isOverAchieved || !r.achievement || !r.target.value || !r.actual.value) continue;
      const data = { name: r.indicator.name, actual: showAmount(r.actual.value), target: showAmount(r.target.value), ratio: showComputed(r.achievement), trigger };
      const explained = !isBlankText(r.indicator.deviationExplanation);
      if (scheme.overAchievement.effect === 'requireExplanation' && !explained) {
        ctx.report({ messageId: 'needsExplanation', path: indicatorPath(card, r.index, 'deviationExplanation'), data, related: [indicatorPath(card, r.index, 'actual'), indicatorPath(card, r.index, 'target')] });
      } else if (scheme.overAchievement.effect !== 'requireExplanation') {
        ctx.report({ messageId: 'flagged', path: indicatorPath(card, r.index, 'actual'), data, related: [indicatorPath(card, r.index, 'target')], severity: 'info' });
      }
    }
  },
});

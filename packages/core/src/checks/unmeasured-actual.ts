/**
 * An actual value must be a measurement: "90%以上", "5%以内" or "≥90%" in the 实际完成值 column restates the target
 * instead of reporting what was measured.
 * @module
 */
import { indicatorPath } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';

export const unmeasuredActual = defineCheck({
  id: 'unmeasured-actual',
  meta: {
    category: 'plausibility',
    description: '实际完成值应是实测数值，不能只写“≥90%”“90%以上”这类区间或照抄目标',
    basis: 'DOMAIN.md 审核要点5（“≥90%”而无实测值）；财预〔2020〕10号 自评应如实填写实际完成值并留存佐证',
    defaultSeverity: 'warning',
    messages: {
      bound: '「{{name}}」实际完成值写为「{{actual}}」，只是一个区间，没有实测数值（如满意度调查结果）',
      copied: '「{{name}}」实际完成值与年度指标值一字不差（「{{actual}}」），请填写实际完成情况',
    },
  },
  run(ctx) {
    const { card, indicators } = ctx.derived;
    if (!card) return;
    for (const r of indicators) {
      if (r.indicator.notApplicable || r.actual.isBlank) continue;
      const data = { name: r.indicator.name, actual: r.actual.text };
      const path = indicatorPath(card, r.index, 'actual');
      if (r.actual.value && (r.actual.qualifier !== null || r.actual.comparison !== null)) {
        ctx.report({ messageId: 'bound', path, data });
      } else if (r.rule.kind === 'qualitative' && r.target.text.length >= 4 && r.actual.text === r.target.text && r.target.value === null) {
        ctx.report({ messageId: 'copied', path, data, severity: 'info' });
      }
    }
  },
});

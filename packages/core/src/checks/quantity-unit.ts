/**
 * A quantitative target carries its unit of measure (个, 本, 公里, %), in the cell or in the unit column.
 * @module
 */
import { indicatorPath } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { isBlankText } from './util.ts';

export const quantityUnit = defineCheck({
  id: 'quantity-unit',
  meta: {
    category: 'completeness',
    description: '定量指标的年度指标值应写明计量单位',
    basis: '一体化系统校验“定量指标计量单位必填”；DOMAIN.md 审核要点1（数量须有单位）',
    defaultSeverity: 'warning',
    messages: {
      missingUnit: '「{{name}}」的年度指标值「{{target}}」没有计量单位',
    },
  },
  run(ctx) {
    const card = ctx.derived.card;
    if (!card) return;
    for (const r of ctx.derived.indicators) {
      if (r.indicator.notApplicable || r.rule.kind === 'qualitative') continue;
      if (r.target.value && !r.target.unit && isBlankText(r.indicator.unit)) {
        ctx.report({ messageId: 'missingUnit', path: indicatorPath(card, r.index, 'target'), data: { name: r.indicator.name, target: r.target.text } });
      }
    }
  },
});

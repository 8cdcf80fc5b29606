/**
 * Completeness of the self-evaluation table: every indicator row has its target, actual, points and
 * score; quantities carry a unit; the funds block and total are filled.
 * @module
 */
import { indicatorPath, pathIn } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { isBlankText } from './util.ts';

const FIELDS = [
  ['target', '年度指标值'],
  ['actual', '实际完成值'],
  ['points', '分值'],
  ['score', '得分'],
] as const;

export const requiredFields = defineCheck({
  id: 'required-fields',
  meta: {
    category: 'completeness',
    description: '自评表每个三级指标须填写年度指标值、实际完成值、分值和得分；资金栏和总分须填写',
    basis: '财预〔2020〕10号 项目支出绩效自评表；DOMAIN.md 审核要点1（每个指标有目标、实际、分值、得分）',
    defaultSeverity: 'error',
    messages: {
      indicatorField: '「{{name}}」未填写{{field}}',
      fundsField: '资金栏未填写{{field}}',
      totalField: '未填写{{field}}',
      noIndicators: '自评表没有任何绩效指标',
    },
  },
  run(ctx) {
    const card = ctx.derived.card;
    if (!card) return;
    if (card.indicators.length === 0) {
      ctx.report({ messageId: 'noIndicators', path: pathIn(card, 'indicators') });
    }
    card.indicators.forEach((x, i) => {
      if (x.notApplicable) return;
      for (const [key, field] of FIELDS) {
        const value = x[key];
        // A dash, slash or ellipsis is a placeholder, not a value ("无" can be a real target: 无事故).
        const blank = typeof value === 'string' || value === null ? isBlankText(value as string | null) || /^[\s\u3000]*[-—–－―/／\\…．.·]+[\s\u3000]*$/u.test(value ?? '') : false;
        if (blank) {
          ctx.report({ messageId: 'indicatorField', path: indicatorPath(card, i, key), data: { name: x.name || `第 ${i + 1} 行`, field }, severity: key === 'target' || key === 'actual' ? 'warning' : 'error' });
        }
      }
    });
    for (const [key, field] of [['budget', '全年预算数'], ['actual', '全年执行数'], ['points', '分值'], ['score', '得分']] as const) {
      if (card.funds[key] === null) ctx.report({ messageId: 'fundsField', path: `${card.fundsPath}.${key}`, data: { field } });
    }
    if (card.totalScore === null) ctx.report({ messageId: 'totalField', path: pathIn(card, 'totalScore'), data: { field: '总得分' } });
  },
});

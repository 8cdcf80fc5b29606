/**
 * The report and its tables are dated after the evaluated year closes, and not years later.
 * @module
 */
import { defineCheck } from './types.ts';

export const reportDate = defineCheck({
  id: 'report-date',
  meta: {
    category: 'plausibility',
    description: '自评日期应在评价年度结束之后（通常为次年一至三月）',
    basis: 'DOMAIN.md：预算年度结束后（1–3月）开展自评',
    defaultSeverity: 'warning',
    messages: {
      tooEarly: '{{where}}日期 {{date}} 早于 {{year}} 年度结束，不可能已完成全年自评',
      tooLate: '{{where}}日期 {{date}} 距 {{year}} 年度结束已超过一年，请核实评价年度',
    },
  },
  run(ctx) {
    const e = ctx.evaluation;
    const dates: [string, string, string | null | undefined][] =
      e.kind === 'project'
        ? [['自评表', 'preparedOn', e.preparedOn]]
        : [
            ['报告落款', 'signature.date', e.signature?.date],
            ['基础数据表', 'basicData.preparedOn', e.basicData?.preparedOn],
            ['自评表', 'selfEvaluation.preparedOn', e.selfEvaluation?.preparedOn],
          ];
    for (const [where, path, date] of dates) {
      if (!date) continue;
      const year = Number(date.slice(0, 4));
      const data = { where, date, year: e.year };
      if (year <= e.year) ctx.report({ messageId: 'tooEarly', path, data });
      else if (year > e.year + 1) ctx.report({ messageId: 'tooLate', path, data });
    }
  },
});

/**
 * Actual staff above the authorized establishment (在职人员控制率 > 100 %).
 * @module
 */
import { cmp, type Dec } from '../decimal.ts';
import { defineCheck } from './types.ts';
import { num, showAmount } from './util.ts';

export const staffOverEstablishment = defineCheck({
  id: 'staff-over-establishment',
  meta: {
    category: 'plausibility',
    description: '实有在职人数不应超过编制数',
    basis: '财政部2013共性指标框架“在职人员控制率 = 在职人员数 ÷ 编制数”，超过100%扣分',
    defaultSeverity: 'warning',
    messages: {
      over: '{{where}}实有在职 {{actual}} 人，超过编制数 {{authorized}} 人',
    },
  },
  run(ctx) {
    const e = ctx.evaluation;
    if (e.kind !== 'department') return;
    const places: [string, string, Dec | null | undefined, Dec | null | undefined][] = [
      ['基础数据表', 'basicData.staffing.actual', e.basicData?.staffing.actual, e.basicData?.staffing.authorized],
      ['正文', 'staffing.actual.total', e.staffing?.actual?.total, e.staffing?.authorized?.total],
    ];
    for (const [where, path, actual, authorized] of places) {
      if (actual && authorized && cmp(actual, authorized) > 0) {
        ctx.report({ messageId: 'over', path, data: { where, actual: showAmount(actual), authorized: showAmount(authorized) }, stated: num(actual), expected: num(authorized) });
      }
    }
  },
});

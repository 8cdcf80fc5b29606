/**
 * A stated count agrees with the items listed with it: 内设20个机构 (then the names), 数量指标5个 (then ①…⑥).
 * @module
 */
import { cmp, dec } from '../decimal.ts';
import { defineCheck } from './types.ts';
import { num, showAmount } from './util.ts';

const LISTS = [
  ['divisions', '内设机构'],
  ['massOrganizations', '群团组织'],
  ['subordinateUnits', '下设二级机构'],
  ['branchOffices', '派出机构'],
] as const;

export const listedCountMismatch = defineCheck({
  id: 'listed-count-mismatch',
  meta: {
    category: 'crossDocument',
    description: '文中所说的个数应与随后列举的项目数一致',
    basis: 'DOMAIN.md 审核要点4（某类事项的个数前后一致）',
    defaultSeverity: 'error',
    messages: {
      unitList: '正文称{{what}} {{stated}} 个，但列出了 {{expected}} 个',
      statementList: '正文称{{what}} {{stated}} 个，随后列举了 {{expected}} 项',
    },
  },
  run(ctx) {
    const e = ctx.evaluation;
    if (e.kind !== 'department') return;
    for (const [key, what] of LISTS) {
      const list = e.unit[key];
      if (!list?.count || list.names.length === 0) continue;
      if (cmp(list.count, dec(list.names.length)) !== 0) {
        ctx.report({ messageId: 'unitList', path: `unit.${key}.count`, data: { what, stated: showAmount(list.count), expected: list.names.length }, stated: num(list.count), expected: list.names.length, related: [`unit.${key}.names`] });
      }
    }
    (e.performance?.statements ?? []).forEach((s, i) => {
      if (!s.indicatorCount || s.listedItems.length === 0) return;
      if (cmp(s.indicatorCount, dec(s.listedItems.length)) === 0) return;
      const what = `${s.scope.level2 ?? s.scope.level1.join('、')}`;
      ctx.report({
        messageId: 'statementList',
        path: `performance.statements[${i}].indicatorCount`,
        data: { what, stated: showAmount(s.indicatorCount), expected: s.listedItems.length },
        stated: num(s.indicatorCount),
        expected: s.listedItems.length,
        related: [`performance.statements[${i}].listedItems`],
      });
    });
  },
});

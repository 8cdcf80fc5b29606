/**
 * Spending above its budget is possible (a supplementary appropriation) but must be explained: each
 * actual against its budget in the basic-data table, the 三公 narrative and the funds block.
 * @module
 */
import { cmp, type Dec, divide } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

type Row = { readonly label: string; readonly path: string; readonly actual: Dec | null; readonly budget: Dec | null };

function rows(e: Evaluation): Row[] {
  if (e.kind === 'project') {
    return [{ label: '年度资金总额', path: 'funds.total.actual', actual: e.funds.total.actual, budget: e.funds.total.budget }];
  }
  const out: Row[] = [];
  if (e.selfEvaluation) out.push({ label: '部门资金', path: 'selfEvaluation.funds.actual', actual: e.selfEvaluation.funds.actual, budget: e.selfEvaluation.funds.budget });
  const b = e.basicData;
  if (b) {
    const named = [
      ['basicSpending', '部门基本支出'],
      ['threePublic', '三公经费'],
      ['vehicle', '公务用车购置和维护经费'],
      ['vehiclePurchase', '公车购置'],
      ['vehicleOperation', '公车运行维护'],
      ['reception', '公务接待'],
      ['overseasTravel', '出国（境）经费'],
      ['projectSpending', '部门项目支出'],
      ['procurement', '政府采购金额'],
    ] as const;
    for (const [key, label] of named) out.push({ label: `基础数据表“${label}”`, path: `basicData.${key}.actual`, actual: b[key].actual, budget: b[key].budget });
    b.projectCategories.forEach((c, i) => {
      out.push({ label: `基础数据表“${c.label}”`, path: `basicData.projectCategories[${i}].total.actual`, actual: c.total.actual, budget: c.total.budget });
      c.items.forEach((item, j) => out.push({ label: `项目“${item.name}”`, path: `basicData.projectCategories[${i}].items[${j}].row.actual`, actual: item.row.actual, budget: item.row.budget }));
    });
  }
  (e.execution?.threePublic?.items ?? []).forEach((item, i) => {
    out.push({ label: `正文三公经费第 ${i + 1} 项`, path: `execution.threePublic.items[${i}].actual`, actual: item.actual, budget: item.budget });
  });
  return out;
}

export const spendingOverBudget = defineCheck({
  id: 'spending-over-budget',
  meta: {
    category: 'plausibility',
    description: '实际支出超过预算的，应核实是否有追加预算并作出说明',
    basis: 'DOMAIN.md 审核要点5（支出超预算）；财政部2013框架“预算完成率”“公用经费控制率”“三公经费控制率”',
    defaultSeverity: 'warning',
    messages: {
      overBudget: '{{label}}实际 {{actual}} 超过预算 {{budget}}（为预算的 {{ratio}}%），请核实追加预算并说明原因',
      noBudget: '{{label}}有实际支出 {{actual}} 但预算为 0',
    },
  },
  run(ctx) {
    for (const row of rows(ctx.evaluation)) {
      if (!row.actual || !row.budget || cmp(row.actual, row.budget) <= 0) continue;
      if (row.budget.units === 0) {
        ctx.report({ messageId: 'noBudget', path: row.path, data: { label: row.label, actual: showAmount(row.actual) }, stated: num(row.actual), expected: 0 });
        continue;
      }
      const ratio = divide(row.actual, row.budget, 2, 'halfUp', 100);
      ctx.report({
        messageId: 'overBudget',
        path: row.path,
        data: { label: row.label, actual: showAmount(row.actual), budget: showAmount(row.budget), ratio: ratio ? showComputed(ratio) : '—' },
        stated: num(row.actual),
        expected: num(row.budget),
      });
    }
  },
});

/**
 * Every total equals the sum of its parts — in the narrative and in both attachments — read as intervals
 * of their written precision, so correctly rounded figures never raise an error.
 * @module
 */
import { type Dec, abs, eq, sub, sum, sumConsistent } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { decAt, num, showAmount, showComputed } from './util.ts';

/**
 * `blanksAreZero`: in a table a blank cell means nothing was spent; in prose a missing part is just not stated.
 * `exact`: counts (people) are exact as written, not rounded figures.
 */
export type SumRelation = { readonly label: string; readonly total: string; readonly parts: readonly string[]; readonly blanksAreZero?: boolean; readonly exact?: boolean };

const COLUMNS = [
  ['actual', '决算数'],
  ['budget', '预算数'],
  ['priorActual', '上年决算数'],
] as const;

/** The relations that hold in a report of this shape (paths into the model). */
export function sumRelations(e: Evaluation): SumRelation[] {
  const relations: SumRelation[] = [];
  if (e.kind === 'project') {
    for (const [key, name] of [['initialBudget', '年初预算数'], ['budget', '全年预算数'], ['actual', '全年执行数']] as const) {
      relations.push({
        label: `项目资金${name}：年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金`,
        total: `funds.total.${key}`,
        blanksAreZero: true,
        parts: [`funds.fiscalAppropriation.${key}`, `funds.priorCarryover.${key}`, `funds.otherFunds.${key}`],
      });
    }
    return relations;
  }
  relations.push(
    { label: '收入合计 = 财政拨款 + 其他收入', total: 'execution.income.total', parts: ['execution.income.fiscalAppropriation', 'execution.income.other'] },
    { label: '财政拨款 = 一般公共预算 + 政府性基金', total: 'execution.income.fiscalAppropriation', parts: ['execution.income.generalBudget', 'execution.income.governmentFund'] },
    { label: '基本支出 = 人员经费 + 公用经费', total: 'execution.basicSpending.total', parts: ['execution.basicSpending.personnel', 'execution.basicSpending.operating'] },
    { label: '项目支出 = 财政资金 + 其他资金', total: 'execution.projectSpending.total', parts: ['execution.projectSpending.fiscal', 'execution.projectSpending.other'] },
    { label: '三公经费预算 = 各项预算之和', total: 'execution.threePublic.budgetTotal', parts: (e.execution?.threePublic?.items ?? []).map((_, i) => `execution.threePublic.items[${i}].budget`) },
    { label: '三公经费支出 = 各项支出之和', total: 'execution.threePublic.actualTotal', parts: (e.execution?.threePublic?.items ?? []).map((_, i) => `execution.threePublic.items[${i}].actual`) },
    { label: '经批复的基本支出 = 人员经费 + 公用经费', total: 'approvedBudget.basicSpending', parts: ['approvedBudget.personnel', 'approvedBudget.operating'] },
  );
  for (const [key, name] of [['authorized', '编制数'], ['actual', '实有在职人数']] as const) {
    const parts = e.staffing?.[key]?.parts ?? [];
    if (parts.length > 0) relations.push({ label: `${name}合计 = 各类人数之和`, total: `staffing.${key}.total`, parts: parts.map((_, i) => `staffing.${key}.parts[${i}].count`), exact: true });
  }
  const personnelParts = e.execution?.basicSpending?.personnelParts ?? [];
  if (personnelParts.length > 0) {
    relations.push({ label: '人员经费 = 其明细之和', total: 'execution.basicSpending.personnel', parts: personnelParts.map((_, i) => `execution.basicSpending.personnelParts[${i}].amount`) });
  }
  const projects = e.execution?.projectSpending?.projects ?? [];
  if (projects.length > 0) {
    relations.push({ label: '项目支出 = 所列各项目金额之和', total: 'execution.projectSpending.total', parts: projects.map((_, i) => `execution.projectSpending.projects[${i}].amount`) });
  }
  const table = e.selfEvaluation;
  if (table) {
    relations.push({
      label: '自评表：全年预算数 = 按收入性质分类之和',
      blanksAreZero: true,
      total: 'selfEvaluation.funds.budget',
      parts: ['generalBudget', 'governmentFund', 'nonTaxIncome', 'other'].map((k) => `selfEvaluation.income.${k}`)
        .concat(table.income.additional.map((_, i) => `selfEvaluation.income.additional[${i}].amount`)),
    });
    relations.push({
      label: '自评表：全年执行数 = 基本支出 + 项目支出',
      blanksAreZero: true,
      total: 'selfEvaluation.funds.actual',
      parts: table.spending.basic ? ['selfEvaluation.spending.basic', 'selfEvaluation.spending.project'] : ['selfEvaluation.spending.personnel', 'selfEvaluation.spending.operating', 'selfEvaluation.spending.project'],
    });
    relations.push({ label: '自评表：基本支出 = 人员经费 + 公用经费', total: 'selfEvaluation.spending.basic', parts: ['selfEvaluation.spending.personnel', 'selfEvaluation.spending.operating'], blanksAreZero: true });
  }
  const basic = e.basicData;
  if (basic) {
    for (const [key, name] of COLUMNS) {
      const vehicleParts = basic.vehicle[key] ? ['basicData.vehicle'] : ['basicData.vehiclePurchase', 'basicData.vehicleOperation'];
      relations.push({
        label: `基础数据表${name}：三公经费 = 公务用车 + 公务接待 + 出国（境）`,
        total: `basicData.threePublic.${key}`,
        parts: [...vehicleParts, 'basicData.reception', 'basicData.overseasTravel'].map((p) => `${p}.${key}`),
        blanksAreZero: true,
      });
      relations.push({ label: `基础数据表${name}：公务用车购置和维护 = 购置 + 运行维护`, total: `basicData.vehicle.${key}`, parts: [`basicData.vehiclePurchase.${key}`, `basicData.vehicleOperation.${key}`], blanksAreZero: true });
      relations.push({ label: `基础数据表${name}：部门项目支出 = 各类专项之和`, total: `basicData.projectSpending.${key}`, parts: basic.projectCategories.map((_, i) => `basicData.projectCategories[${i}].total.${key}`), blanksAreZero: true });
      basic.projectCategories.forEach((c, i) => {
        if (c.items.length === 0) return;
        relations.push({ label: `基础数据表${name}：${c.label} = 所列项目之和`, total: `basicData.projectCategories[${i}].total.${key}`, parts: c.items.map((_, j) => `basicData.projectCategories[${i}].items[${j}].row.${key}`), blanksAreZero: true });
      });
    }
  }
  return relations;
}

export const sumMismatch = defineCheck({
  id: 'sum-mismatch',
  meta: {
    category: 'arithmetic',
    description: '合计数应等于各组成部分之和（按书写精度的区间比较，四舍五入造成的尾差不报错）',
    basis: 'DOMAIN.md 审核要点2“每个合计等于其各部分之和”；XBRL Calculations 1.1 区间一致性方法',
    defaultSeverity: 'error',
    messages: {
      sumMismatch: '{{label}}不成立：合计写为 {{stated}}，各部分之和为 {{expected}}（相差 {{difference}}）',
    },
  },
  run(ctx) {
    for (const relation of sumRelations(ctx.evaluation)) {
      const total = decAt(ctx.evaluation, relation.total);
      if (!total || relation.parts.length === 0) continue;
      const parts = relation.parts.map((p) => decAt(ctx.evaluation, p));
      const present = parts.filter((p): p is Dec => p !== null);
      if (present.length === 0) continue;
      if (!relation.blanksAreZero && present.length < parts.length) continue;
      if (relation.exact ? eq(total, sum(present)) : sumConsistent(total, present)) continue;
      const expected = sum(present);
      ctx.report({
        messageId: 'sumMismatch',
        path: relation.total,
        data: { label: relation.label, stated: showAmount(total), expected: showComputed(expected), difference: showComputed(abs(sub(expected, total))) },
        stated: num(total),
        expected: num(expected),
        related: relation.parts.filter((_, i) => parts[i] !== null),
      });
    }
  },
});

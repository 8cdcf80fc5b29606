/**
 * Every stated difference equals its terms: 结余 = 预算 − 支出, 比上年增加 = 本年 − 上年.
 * @module
 */
import { type Dec, sub, sumConsistent } from '../decimal.ts';
import type { Evaluation, ThreePublicCategory } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { decAt, num, showAmount, showComputed } from './util.ts';

const CATEGORY_NAMES: Record<ThreePublicCategory, string> = {
  reception: '公务接待费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  vehicle: '公务用车购置及运行维护费',
  overseasTravel: '因公出国（境）费',
};

type Difference = { label: string; path: string; stated: Dec; minuend: Dec; minuendPath: string; subtrahend: Dec; subtrahendPath: string };

function differences(e: Evaluation): Difference[] {
  if (e.kind !== 'department') return [];
  const out: Difference[] = [];
  const items = e.execution?.threePublic?.items ?? [];
  items.forEach((item, i) => {
    const path = `execution.threePublic.items[${i}]`;
    if (!item.changeFromPrior || !item.actual) return;
    const priorPath = item.priorActual ? `${path}.priorActual` : `basicData.${item.category}.priorActual`;
    const prior = item.priorActual ?? decAt(e, priorPath);
    if (!prior) return;
    out.push({
      label: `${CATEGORY_NAMES[item.category]}比上年增减额`,
      path: `${path}.changeFromPrior`,
      stated: item.changeFromPrior,
      minuend: item.actual,
      minuendPath: `${path}.actual`,
      subtrahend: prior,
      subtrahendPath: priorPath,
    });
  });
  const pe = e.performance?.projectExecution;
  if (pe?.surplus && pe.budget && pe.actual) {
    out.push({
      label: '项目资金结余（预算 − 实际支出）',
      path: 'performance.projectExecution.surplus',
      stated: pe.surplus,
      minuend: pe.budget,
      minuendPath: 'performance.projectExecution.budget',
      subtrahend: pe.actual,
      subtrahendPath: 'performance.projectExecution.actual',
    });
  }
  return out;
}

export const differenceMismatch = defineCheck({
  id: 'difference-mismatch',
  meta: {
    category: 'arithmetic',
    description: '差额应等于两项之差：结余 = 预算 − 支出，比上年增减 = 本年 − 上年',
    basis: 'DOMAIN.md 审核要点2“每个差额（结余 = 预算 − 执行；比上年增加 = 本年 − 上年）正确”',
    defaultSeverity: 'error',
    messages: {
      differenceMismatch: '{{label}}写为 {{stated}}，按 {{minuend}} − {{subtrahend}} 应为 {{expected}}',
    },
  },
  run(ctx) {
    for (const d of differences(ctx.evaluation)) {
      // minuend = subtrahend + difference, as intervals
      if (sumConsistent(d.minuend, [d.subtrahend, d.stated])) continue;
      const expected = sub(d.minuend, d.subtrahend);
      ctx.report({
        messageId: 'differenceMismatch',
        path: d.path,
        data: { label: d.label, stated: showAmount(d.stated), minuend: showAmount(d.minuend), subtrahend: showAmount(d.subtrahend), expected: showComputed(expected) },
        stated: num(d.stated),
        expected: num(expected),
        related: [d.minuendPath, d.subtrahendPath],
      });
    }
  },
});

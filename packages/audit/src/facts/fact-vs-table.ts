/**
 * Narrative figures against the same figures in the model's tables (see `reconcile.ts`): 公务接待费预算
 * 60.11万元 in the text, 62.11 in 附件1-1; 实有在职人员644人 vs 年末实际在职人数 645; 数量指标5个 vs six rows;
 * 产出及效益指标得分77分 vs 48 + 30 in the 自评表.
 * @module
 */
import { type Evaluation, type Finding, type Scheme, interpolate } from '@jixiao/core';
import { findingNumber } from './audit.ts';
import { type Discrepancy, reconcile } from './reconcile.ts';
import { defineTextCheck, type Fact } from './types.ts';

const dataOf = (d: Discrepancy) => ({
  line: d.fact.line, label: d.fact.label, stated: d.fact.written, table: d.figure.table, name: d.figure.name, expected: d.figure.expected,
});

export const factVsTable = defineTextCheck({
  id: 'fact-vs-table',
  meta: {
    category: 'crossDocument',
    description: '正文所写的数据应与附表（基础数据表、自评表）中的同一数据一致：经费、三公经费、人员、资金、各部分分值与得分、指标个数、指标值',
    basis: 'DOMAIN.md「What a reviewer checks」4：正文数字与表格一致；RULES.md §3.7 第8条、§3.8',
    defaultSeverity: 'error',
    messages: {
      mismatch: '正文第{{line}}行「{{label}}」为 {{stated}}，而{{table}}中「{{name}}」为 {{expected}}；请核对后统一。',
    },
  },
  run(context, report) {
    if (!context.evaluation) return;
    for (const d of reconcile(context.facts, context.evaluation, context.scheme)) {
      report({
        messageId: 'mismatch',
        data: dataOf(d),
        line: d.fact.line,
        excerpt: d.fact.excerpt,
        stated: d.fact.written,
        expected: d.figure.value ?? d.figure.expected,
        path: d.figure.path,
      });
    }
  },
});

/**
 * Narrative facts against the model's tables, as findings in the core's shape (check `fact-vs-table`).
 * The model may be partial: whatever it lacks is not compared. `scheme` lets section sums come from
 * `derive`.
 */
export function reconcileWithModel(facts: readonly Fact[], evaluation: Evaluation, scheme: Scheme | null = null): Finding[] {
  return reconcile(facts, evaluation, scheme).map((d) => ({
    check: factVsTable.id,
    category: factVsTable.meta.category,
    severity: factVsTable.meta.defaultSeverity,
    message: interpolate(factVsTable.meta.messages.mismatch, dataOf(d)),
    stated: findingNumber(d.fact.written),
    expected: d.figure.value ?? findingNumber(d.figure.expected),
    location: { path: 'text', line: d.fact.line, excerpt: d.fact.excerpt },
    related: [{ path: d.figure.path }],
  }));
}

/**
 * Narrative figures against the same figures in the model's tables (see `reconcile.ts`): 公务接待费预算
 * 60.11万元 in the text, 62.11 in 附件1-1; 实有在职人员644人 vs 年末实际在职人数 645; 数量指标5个 vs six rows;
 * 产出及效益指标得分77分 vs 48 + 30 in the 自评表.
 * @module
 */
import { reconcile } from './reconcile.ts';
import { defineTextCheck } from './types.ts';

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
        data: { line: d.fact.line, label: d.fact.label, stated: d.fact.written, table: d.figure.table, name: d.figure.name, expected: d.figure.expected },
        line: d.fact.line,
        excerpt: d.fact.excerpt,
        stated: d.fact.written,
        expected: d.figure.expected,
        path: d.figure.path,
      });
    }
  },
});

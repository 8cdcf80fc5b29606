/**
 * A complete 部门整体 report has the template's sections and both attachments. (Audits of partial
 * documents switch this check off: an excerpt is not expected to be whole.)
 * @module
 */
import { defineCheck } from './types.ts';
import { isBlankText } from './util.ts';

export const sectionsPresent = defineCheck({
  id: 'sections-present',
  meta: {
    category: 'completeness',
    description: '部门整体自评应包含报告各部分和两张附表（基础数据表、自评表）',
    basis: '湖南部门整体支出绩效自评报告模板：一至八部分，附件1-1 基础数据表、附件1-2 自评表',
    defaultSeverity: 'warning',
    messages: {
      missing: '缺少{{section}}',
    },
  },
  run(ctx) {
    const e = ctx.evaluation;
    if (e.kind !== 'department') return;
    const required: [boolean, string, string, 'error' | 'warning'][] = [
      [!e.selfEvaluation, 'selfEvaluation', '附件1-2 部门整体支出绩效自评表', 'error'],
      [!e.basicData, 'basicData', '附件1-1 部门整体支出绩效评价基础数据表', 'error'],
      [!e.execution, 'execution', '“部门整体支出管理及使用情况”（预算执行情况）', 'warning'],
      [!e.performance, 'performance', '“部门整体支出绩效情况”', 'warning'],
      [isBlankText(e.problems), 'problems', '“存在的主要问题”', 'warning'],
      [e.measures.length === 0, 'measures', '“改进措施和有关建议”', 'warning'],
      [e.duties.length === 0, 'duties', '部门职责', 'warning'],
    ];
    for (const [missing, path, section, severity] of required) {
      if (missing) ctx.report({ messageId: 'missing', path, data: { section }, severity });
    }
  },
});

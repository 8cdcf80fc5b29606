/**
 * Every stated rate equals its numerator over its denominator (预算执行率, 在职人员控制率 …), all three read
 * as intervals of their written precision.
 * @module
 */
import { divide, ratioConsistent, writtenMatches } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { decAt, num, showAmount } from './util.ts';

/** `exactTerms`: numerator and denominator are counts (people), exact as written, not rounded figures. */
export type RateRelation = { readonly label: string; readonly rate: string; readonly numerator: string; readonly denominator: string; readonly exactTerms?: boolean };

export function rateRelations(e: Evaluation, denominator: 'budget' | 'fundsReceived'): RateRelation[] {
  const base = denominator === 'fundsReceived' ? 'received' : 'budget';
  const baseName = denominator === 'fundsReceived' ? '实际到位资金' : '全年预算数';
  if (e.kind === 'project') {
    return (['total', 'fiscalAppropriation', 'priorCarryover', 'otherFunds'] as const).map((row) => ({
      label: `执行率 = 全年执行数 ÷ ${baseName}`,
      rate: `funds.${row}.executionRate`,
      numerator: `funds.${row}.actual`,
      denominator: `funds.${row}.${base}`,
    }));
  }
  return [
    { label: `预算执行率 = 全年执行数 ÷ ${baseName}`, rate: 'selfEvaluation.funds.executionRate', numerator: 'selfEvaluation.funds.actual', denominator: `selfEvaluation.funds.${base}` },
    { label: '在职人员控制率 = 年末实际在职人数 ÷ 编制数', rate: 'basicData.staffing.controlRate', numerator: 'basicData.staffing.actual', denominator: 'basicData.staffing.authorized', exactTerms: true },
    { label: '项目执行率 = 实际支出 ÷ 项目预算', rate: 'performance.projectExecution.executionRate', numerator: 'performance.projectExecution.actual', denominator: 'performance.projectExecution.budget' },
  ];
}

export const rateMismatch = defineCheck({
  id: 'rate-mismatch',
  meta: {
    category: 'arithmetic',
    description: '百分比应等于分子除以分母（按书写精度的区间比较）',
    basis: 'DOMAIN.md 审核要点2“每个比率等于其分子除以分母”；财政部2013共性指标框架中的比率定义',
    defaultSeverity: 'error',
    messages: {
      rateMismatch: '{{label}}：写为 {{stated}}%，按 {{numerator}} ÷ {{denominator}} 应为 {{expected}}%',
    },
  },
  run(ctx) {
    const group = ctx.derived.scheme.groups.find((g) => g.source === 'executionRate');
    const denominator = group?.source === 'executionRate' ? group.denominator : 'budget';
    for (const relation of rateRelations(ctx.evaluation, denominator)) {
      const rate = decAt(ctx.evaluation, relation.rate);
      const n = decAt(ctx.evaluation, relation.numerator);
      const d = decAt(ctx.evaluation, relation.denominator);
      if (!rate || !n || !d || d.units === 0) continue;
      if (relation.exactTerms) {
        const exact = divide(n, d, rate.scale + 6, 'halfUp', 100);
        if (exact && writtenMatches(rate, exact)) continue;
      } else if (ratioConsistent(rate, n, d, 100)) continue;
      const expected = divide(n, d, Math.max(2, rate.scale), 'halfUp', 100);
      if (!expected) continue;
      ctx.report({
        messageId: 'rateMismatch',
        path: relation.rate,
        data: { label: relation.label, stated: showAmount(rate), numerator: showAmount(n), denominator: showAmount(d), expected: showAmount(expected) },
        stated: num(rate),
        expected: num(expected),
        related: [relation.numerator, relation.denominator],
      });
    }
  },
});

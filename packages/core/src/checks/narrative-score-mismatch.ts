/**
 * What the narrative says about the scores — a section's points and score, how many indicators of a kind,
 * how many lost points, the funds block's amount and rate — agrees with the self-evaluation table.
 * @module
 */
import { cmp, type Dec, dec, sum, sumConsistent, ZERO } from '../decimal.ts';
import { normalizeName } from '../names.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const narrativeScoreMismatch = defineCheck({
  id: 'narrative-score-mismatch',
  meta: {
    category: 'crossDocument',
    description: '正文“综合评价情况”中的分值、得分、指标个数应与自评表一致',
    basis: 'DOMAIN.md 审核要点4（得分、某类指标个数在正文与表中一致）；湖南部门整体自评报告模板 六（二）',
    defaultSeverity: 'error',
    messages: {
      points: '正文称{{scope}}总分 {{stated}} 分，自评表中为 {{expected}} 分',
      score: '正文称{{scope}}得分 {{stated}} 分，自评表中为 {{expected}} 分',
      count: '正文称{{scope}} {{stated}} 个，自评表中有 {{expected}} 个',
      deducted: '正文称{{scope}} {{stated}} 个有扣分，自评表中扣分的有 {{expected}} 个',
      amount: '正文称年度资金 {{stated}}，自评表全年预算数为 {{expected}}',
      rate: '正文称预算执行率 {{stated}}%，自评表中为 {{expected}}%',
    },
  },
  run(ctx) {
    const { card, funds } = ctx.derived;
    const e = ctx.evaluation;
    if (!card || e.kind !== 'department') return;
    (e.performance?.statements ?? []).forEach((s, i) => {
      const path = `performance.statements[${i}]`;
      if (s.scope.funds) {
        const scope = '部门资金';
        if (s.points && card.funds.points && cmp(s.points, card.funds.points) !== 0) {
          ctx.report({ messageId: 'points', path: `${path}.points`, data: { scope, stated: showAmount(s.points), expected: showAmount(card.funds.points) }, stated: num(s.points), expected: num(card.funds.points) });
        }
        if (s.score && card.funds.score && !sumConsistent(s.score, [card.funds.score], true)) {
          ctx.report({ messageId: 'score', path: `${path}.score`, data: { scope, stated: showAmount(s.score), expected: showAmount(card.funds.score) }, stated: num(s.score), expected: num(card.funds.score) });
        }
        const budget = card.funds.budget;
        if (s.amount && budget && !sumConsistent(s.amount, [budget]) && !(card.funds.actual && sumConsistent(s.amount, [card.funds.actual]))) {
          ctx.report({ messageId: 'amount', path: `${path}.amount`, data: { stated: showAmount(s.amount), expected: showAmount(budget) }, stated: num(s.amount), expected: num(budget) });
        }
        const tableRate = card.funds.executionRate ?? funds.rate;
        if (s.executionRate && tableRate && !sumConsistent(s.executionRate, [tableRate])) {
          ctx.report({ messageId: 'rate', path: `${path}.executionRate`, data: { stated: showAmount(s.executionRate), expected: showComputed(tableRate) }, stated: num(s.executionRate), expected: num(tableRate) });
        }
        return;
      }
      const level1 = new Set(s.scope.level1.map(normalizeName));
      const level2 = s.scope.level2 ? normalizeName(s.scope.level2) : null;
      if (level1.size === 0 && !level2) return;
      const rows = card.indicators.filter(
        (x) => !x.notApplicable && (level1.size === 0 || level1.has(normalizeName(x.level1))) && (!level2 || normalizeName(x.level2) === level2),
      );
      const scope = [...s.scope.level1.map((n) => normalizeName(n)), ...(s.scope.level2 ? [normalizeName(s.scope.level2)] : [])].join('·') + '指标';
      if (rows.length === 0) {
        // The text speaks of a kind of indicator the table does not have.
        if (s.indicatorCount && s.indicatorCount.units > 0 && card.indicators.length > 0) {
          ctx.report({ messageId: 'count', path: `${path}.indicatorCount`, data: { scope, stated: showAmount(s.indicatorCount), expected: 0 }, stated: num(s.indicatorCount), expected: 0 });
        }
        return;
      }
      const points: Dec = sum(rows.map((x) => x.points ?? ZERO));
      const scores: Dec = sum(rows.map((x) => x.score ?? ZERO));
      if (s.points && cmp(s.points, points) !== 0) {
        ctx.report({ messageId: 'points', path: `${path}.points`, data: { scope, stated: showAmount(s.points), expected: showComputed(points) }, stated: num(s.points), expected: num(points) });
      }
      if (s.score && !sumConsistent(s.score, [scores], true)) {
        ctx.report({ messageId: 'score', path: `${path}.score`, data: { scope, stated: showAmount(s.score), expected: showComputed(scores) }, stated: num(s.score), expected: num(scores) });
      }
      if (s.indicatorCount && cmp(s.indicatorCount, dec(rows.length)) !== 0) {
        ctx.report({ messageId: 'count', path: `${path}.indicatorCount`, data: { scope, stated: showAmount(s.indicatorCount), expected: rows.length }, stated: num(s.indicatorCount), expected: rows.length });
      }
      const deducted = rows.filter((x) => x.score && x.points && cmp(x.score, x.points) < 0).length;
      if (s.deductedCount && cmp(s.deductedCount, dec(deducted)) !== 0) {
        ctx.report({ messageId: 'deducted', path: `${path}.deductedCount`, data: { scope, stated: showAmount(s.deductedCount), expected: deducted }, stated: num(s.deductedCount), expected: deducted });
      }
    });
  },
});

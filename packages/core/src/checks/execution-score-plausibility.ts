/**
 * A full 预算执行率 score while money stayed unspent: the funds block claims (nearly) full execution but a
 * component (basic or project spending in the basic-data table) executed far less, or the rate is low
 * and the score full anyway.
 * @module
 */
import { cmp, divide, parseDec, ZERO } from '../decimal.ts';
import { defineCheck } from './types.ts';
import { num, showComputed } from './util.ts';

const LOW = parseDec('90') ?? ZERO;
const FULL = parseDec('99.5') ?? ZERO;

export const executionScorePlausibility = defineCheck({
  id: 'execution-score-plausibility',
  meta: {
    category: 'plausibility',
    description: '执行率低却得满分，或部门资金执行率满额而项目支出执行率明显偏低，应核实预算口径',
    basis: 'DOMAIN.md 审核要点5（执行率低而得满分）；财政部2013框架“预算完成率 = 预算完成数 ÷ 预算数”',
    defaultSeverity: 'warning',
    messages: {
      lowRateFullScore: '预算执行率仅 {{rate}}%，预算执行率却得满分 {{score}}',
      componentLow: '部门资金执行率为 {{rate}}%，但{{component}}执行率仅 {{componentRate}}%（{{actual}} ÷ {{budget}}），两者预算口径不一致，请核实全年预算数',
    },
  },
  run(ctx) {
    const { card, funds, figures } = ctx.derived;
    if (!card || !funds.rate) return;
    if (card.funds.score && card.funds.points && cmp(card.funds.score, card.funds.points) >= 0 && cmp(funds.rate, LOW) < 0) {
      ctx.report({ messageId: 'lowRateFullScore', path: `${card.fundsPath}.score`, data: { rate: showComputed(funds.rate), score: showComputed(card.funds.score) }, stated: num(card.funds.score), expected: num(funds.rate) });
    }
    if (cmp(funds.rate, FULL) < 0) return;
    for (const [component, key, path] of [['项目支出', 'project', 'basicData.projectSpending'], ['基本支出', 'basic', 'basicData.basicSpending']] as const) {
      const actual = figures[`${key}.actual`];
      const budget = figures[`${key}.budget`];
      if (!actual || !budget || budget.units === 0) continue;
      const rate = divide(actual, budget, 2, 'halfUp', 100);
      if (rate && cmp(rate, LOW) < 0) {
        ctx.report({
          messageId: 'componentLow',
          path: `${card.fundsPath}.executionRate`,
          data: { rate: showComputed(funds.rate), component, componentRate: showComputed(rate), actual: showComputed(actual), budget: showComputed(budget) },
          stated: num(funds.rate),
          expected: num(rate),
          related: [path],
        });
      }
    }
  },
});

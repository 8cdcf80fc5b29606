/**
 * The same figure stated in two places is the same: the narrative against the attachments, and the two
 * attachments against each other (人员经费, 项目支出, 三公经费 by category, 在职人数, 收入 by source …).
 * Compared as intervals of their written precision.
 * @module
 */
import { type Dec, eq, sub, sum, sumConsistent } from '../decimal.ts';
import type { Derived } from '../derive/derive.ts';
import type { Evaluation, ThreePublicCategory } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { decAt, num, showAmount, showComputed } from './util.ts';

/** `terms`: how many rounded figures a computed side adds up (each brings its own rounding). */
type Side = { readonly where: string; readonly path: string; readonly value: Dec | null; readonly terms?: number };
/** `exact`: counts (people) are exact as written, not rounded figures. */
type Pair = { readonly label: string; readonly a: Side; readonly b: Side; readonly exact?: boolean };

const CATEGORY: Record<ThreePublicCategory, string> = {
  reception: '公务接待费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  vehicle: '公务用车购置及运行维护费',
  overseasTravel: '因公出国（境）费',
};
const COLUMN = { budget: '预算', actual: '实际支出', priorActual: '上年支出' } as const;

const TEXT = '报告正文';
const TABLE = '自评表';
const BASIC = '基础数据表';

export function figurePairs(e: Evaluation, derived: Derived): Pair[] {
  if (e.kind !== 'department') return [];
  const at = (where: string, path: string): Side => ({ where, path, value: decAt(e, path) });
  const computed = (where: string, path: string, value: Dec | null, terms = 1): Side => ({ where, path, value, terms });
  const plus = (...values: (Dec | null)[]): Dec | null => {
    const present = values.filter((v): v is Dec => v !== null);
    return present.length > 0 ? sum(present) : null;
  };
  const count = (...values: (Dec | null | undefined)[]): number => Math.max(1, values.filter((v) => v !== null && v !== undefined).length);
  const b = e.basicData;
  const vehicleRows = b && (b.vehiclePurchase.actual ?? b.vehicleOperation.actual ?? b.vehiclePurchase.budget ?? b.vehicleOperation.budget) ? [b.vehiclePurchase, b.vehicleOperation] : b ? [b.vehicle] : [];
  const threePublicTerms = (key: 'actual' | 'budget'): number =>
    b?.threePublic[key] && ![b.reception, b.overseasTravel, ...vehicleRows].some((r) => r[key]) ? 1 : count(...[b?.reception, b?.overseasTravel, ...vehicleRows].map((r) => r?.[key]));
  const projectTerms = (key: 'actual' | 'budget'): number => (b?.projectSpending[key] ? 1 : count(...(b?.projectCategories ?? []).map((c) => c.total[key])));
  const f = derived.figures;
  const pairs: Pair[] = [
    { label: '人员经费', a: at(TEXT, 'execution.basicSpending.personnel'), b: at(TABLE, 'selfEvaluation.spending.personnel') },
    { label: '公用经费', a: at(TEXT, 'execution.basicSpending.operating'), b: at(TABLE, 'selfEvaluation.spending.operating') },
    { label: '基本支出', a: at(TEXT, 'execution.basicSpending.total'), b: at(BASIC, 'basicData.basicSpending.actual') },
    { label: '基本支出', a: at(TEXT, 'execution.basicSpending.total'), b: at(TABLE, 'selfEvaluation.spending.basic') },
    { label: '经批复的基本支出', a: at(TEXT + '（经批复的预、决算情况）', 'approvedBudget.basicSpending'), b: at(TEXT + '（基本支出情况）', 'execution.basicSpending.total') },
    { label: '项目支出', a: at(TEXT, 'execution.projectSpending.total'), b: at(TABLE, 'selfEvaluation.spending.project') },
    { label: '项目支出', a: at(TABLE, 'selfEvaluation.spending.project'), b: computed(BASIC, 'basicData.projectSpending.actual', f['project.actual'] ?? null, projectTerms('actual')) },
    { label: '项目实际支出', a: at(TEXT + '（成本指标）', 'performance.projectExecution.actual'), b: computed(BASIC, 'basicData.projectSpending.actual', f['project.actual'] ?? null, projectTerms('actual')) },
    { label: '项目预算', a: at(TEXT + '（成本指标）', 'performance.projectExecution.budget'), b: computed(BASIC, 'basicData.projectSpending.budget', f['project.budget'] ?? null, projectTerms('budget')) },
    { label: '收入预算', a: at(TEXT, 'execution.income.total'), b: at(TABLE, 'selfEvaluation.funds.budget') },
    { label: '支出预算', a: at(TEXT, 'execution.spendingBudget'), b: at(TABLE, 'selfEvaluation.funds.budget') },
    { label: '其他资金', a: at(TEXT, 'execution.income.other'), b: at(TABLE, 'selfEvaluation.income.other') },
    { label: '政府性基金', a: at(TEXT + '（政府性基金预算支出情况）', 'governmentFund.income'), b: at(TABLE, 'selfEvaluation.income.governmentFund') },
    { label: '一般公共预算收入', a: at(TEXT, 'approvedBudget.generalBudgetIncome'), b: at(TABLE, 'selfEvaluation.income.generalBudget') },
    { label: '一般公共预算收入', a: at(TEXT, 'execution.income.generalBudget'), b: at(TABLE, 'selfEvaluation.income.generalBudget') },
    {
      label: '财政拨款（一般公共预算 + 政府性基金 + 纳入管理的非税收入）',
      a: at(TEXT, 'execution.income.fiscalAppropriation'),
      b: computed(TABLE, 'selfEvaluation.income', e.selfEvaluation ? plus(e.selfEvaluation.income.generalBudget, e.selfEvaluation.income.governmentFund, e.selfEvaluation.income.nonTaxIncome) : null, count(e.selfEvaluation?.income.generalBudget, e.selfEvaluation?.income.governmentFund, e.selfEvaluation?.income.nonTaxIncome)),
    },
    { label: '三公经费预算', a: at(TEXT, 'execution.threePublic.budgetTotal'), b: computed(BASIC, 'basicData.threePublic.budget', f['threePublic.budget'] ?? null, threePublicTerms('budget')) },
    { label: '三公经费预算', a: at(TEXT + '（经批复的预、决算情况）', 'approvedBudget.threePublicBudget'), b: computed(BASIC, 'basicData.threePublic.budget', f['threePublic.budget'] ?? null, threePublicTerms('budget')) },
    { label: '三公经费支出', a: at(TABLE, 'selfEvaluation.spending.threePublic'), b: computed(BASIC, 'basicData.threePublic.actual', f['threePublic.actual'] ?? null, threePublicTerms('actual')) },
    { label: '三公经费支出', a: at(TEXT, 'execution.threePublic.actualTotal'), b: computed(BASIC, 'basicData.threePublic.actual', f['threePublic.actual'] ?? null, threePublicTerms('actual')) },
    { label: '年末实际在职人数', a: at(TEXT + '（人员编制）', 'staffing.actual.total'), b: at(BASIC, 'basicData.staffing.actual'), exact: true },
    { label: '编制数', a: at(TEXT + '（人员编制）', 'staffing.authorized.total'), b: at(BASIC, 'basicData.staffing.authorized'), exact: true },
    {
      label: '全年预算数（基本支出预算 + 项目支出预算）',
      a: at(TABLE, 'selfEvaluation.funds.budget'),
      b: computed(BASIC, 'basicData', f['basic.budget'] && f['project.budget'] ? plus(f['basic.budget'], f['project.budget']) : null, 1 + projectTerms('budget')),
    },
    {
      label: '全年执行数（基本支出 + 项目支出）',
      a: at(TABLE, 'selfEvaluation.funds.actual'),
      b: computed(BASIC, 'basicData', f['basic.actual'] && f['project.actual'] ? plus(f['basic.actual'], f['project.actual']) : null, 1 + projectTerms('actual')),
    },
  ];
  (e.execution?.threePublic?.items ?? []).forEach((item, i) => {
    for (const key of ['budget', 'actual', 'priorActual'] as const) {
      pairs.push({
        label: `${CATEGORY[item.category]}${COLUMN[key]}`,
        a: at(TEXT, `execution.threePublic.items[${i}].${key}`),
        b: at(BASIC, `basicData.${item.category}.${key}`),
      });
    }
  });
  return pairs;
}

export const figureMismatch = defineCheck({
  id: 'figure-mismatch',
  meta: {
    category: 'crossDocument',
    description: '同一数字在正文和附表（或两张附表）中应一致',
    basis: 'DOMAIN.md 审核要点4“正文中的数字与表中的同一数字相等（金额、人数、比率、得分）”',
    defaultSeverity: 'error',
    messages: {
      differs: '{{label}}：{{whereA}}为 {{a}}，{{whereB}}为 {{b}}（相差 {{difference}}）',
    },
  },
  run(ctx) {
    for (const pair of figurePairs(ctx.evaluation, ctx.derived)) {
      const { a, b } = pair;
      if (!a.value || !b.value) continue;
      // A computed side adds up `terms` rounded figures: its interval is that many half-units wide.
      const bParts = [b.value, ...Array.from({ length: (b.terms ?? 1) - 1 }, () => ({ units: 0, scale: b.value?.scale ?? 0 }))];
      if (pair.exact ? eq(a.value, b.value) : sumConsistent(a.value, bParts)) continue;
      const difference = sub(a.value, b.value);
      ctx.report({
        messageId: 'differs',
        path: a.path,
        data: { label: pair.label, whereA: a.where, whereB: b.where, a: showAmount(a.value), b: showAmount(b.value), difference: showComputed(difference.units < 0 ? { units: -difference.units, scale: difference.scale } : difference) },
        stated: num(a.value),
        expected: num(b.value),
        related: [b.path],
      });
    }
  },
});

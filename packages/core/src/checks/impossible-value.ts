/**
 * Values a table cannot hold as written: a quantitative indicator (a numeric target scored by a formula)
 * whose actual is no number (「已完成」, 「NaN万亩」) or a number that cannot be read (「1e3万亩」, more digits
 * than can be kept exactly), and a negative amount, rate, score or points where the field cannot be
 * negative (a budget of -3,060.00 scored -9.74). Such a row was scored by whatever the program made of
 * it; the finding says what is wrong in the cell.
 * @module
 */
import { indicatorPath } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';

/** Fields that hold an amount, rate or score that cannot be below zero. */
const NON_NEGATIVE = new Set(['budget', 'initialBudget', 'received', 'actual', 'priorActual', 'budgetTotal', 'actualTotal', 'points', 'score', 'executionRate', 'totalPoints', 'totalScore']);

/** More significant digits than a figure keeps exactly (15: below 2⁵³ for every value). */
const MAX_DIGITS = 15;

const isDec = (v: unknown): v is { units: number; scale: number } =>
  typeof v === 'object' && v !== null && typeof (v as { units?: unknown }).units === 'number' && typeof (v as { scale?: unknown }).scale === 'number' && Object.keys(v).length === 2;

/** Every negative value under a non-negative field, with its path. */
function negatives(value: unknown, path: string, out: { path: string; units: number; scale: number }[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => negatives(v, `${path}[${i}]`, out));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (isDec(v)) {
      if (v.units < 0 && NON_NEGATIVE.has(key)) out.push({ path: at, ...v });
    } else {
      negatives(v, at, out);
    }
  }
}

const FIELD_NAMES: Readonly<Record<string, string>> = {
  budget: '预算数', initialBudget: '年初预算数', received: '实际到位资金', actual: '执行数（实际支出）', priorActual: '上年数',
  budgetTotal: '预算合计', actualTotal: '实际支出合计', points: '分值', score: '得分', executionRate: '执行率', totalPoints: '总分值', totalScore: '总得分',
};
const SECTION_NAMES: Readonly<Record<string, string>> = {
  selfEvaluation: '自评表', funds: '项目资金表', basicData: '基本情况表', narrative: '自评报告', level1: '一级指标',
};

/** The field in words: 自评表「造林面积」的得分, 项目资金表的年初预算数. */
function fieldName(evaluation: unknown, path: string): string {
  const key = path.split('.').pop() ?? '';
  const field = FIELD_NAMES[key] ?? '数值';
  const indicator = /^(?:selfEvaluation\.)?indicators\[(\d+)\]\.\w+$/u.exec(path);
  if (indicator) {
    const list = ((evaluation as { selfEvaluation?: { indicators?: unknown } }).selfEvaluation?.indicators ?? (evaluation as { indicators?: unknown }).indicators) as { name?: string }[] | undefined;
    return `指标「${list?.[Number(indicator[1])]?.name ?? ''}」的${field}`;
  }
  const section = SECTION_NAMES[path.split(/[.[]/u)[0] ?? ''];
  return section ? `${section}中的${field}` : field;
}

const show = (units: number, scale: number): string => (scale === 0 ? String(units) : (units / 10 ** scale).toFixed(scale));

export const impossibleValue = defineCheck({
  id: 'impossible-value',
  meta: {
    category: 'completeness',
    description: '定量指标的实际完成值须是可读的数值；预算、执行数、执行率、分值、得分不能为负数；数值位数不能超出精确范围',
    basis: '财预〔2020〕10号 附件自评表：定量指标按实际完成值与年度指标值计算得分；金额、执行率、得分均为非负数',
    defaultSeverity: 'error',
    messages: {
      notNumeric: '「{{name}}」是定量指标（年度指标值为「{{target}}」），实际完成值却写为「{{actual}}」，没有数值，无法计算得分；请填写实际完成的数值',
      unreadable: '「{{name}}」的实际完成值「{{actual}}」不是可以读取的数值（如科学计数法、多个小数点或其他符号），无法计算得分；请写成普通数字加单位，如「1000万亩」',
      tooPrecise: '「{{name}}」的实际完成值「{{actual}}」有超过 15 位有效数字，超出能精确计算的范围；请核对数值或改用更大的单位',
      negative: '{{field}}为 {{stated}}，是负数；这一栏不能为负，请核对',
    },
  },
  run(ctx) {
    const { card, indicators } = ctx.derived;
    if (card) {
      for (const r of indicators) {
        // quantitative: the target is a number (the rule may have been taken as qualitative because the actual is not)
        if (r.indicator.notApplicable || r.actual.isBlank || r.target.value === null || r.actual.value !== null) continue;
        const data = { name: r.indicator.name, target: r.target.text, actual: r.actual.text };
        const path = indicatorPath(card, r.index, 'actual');
        const digits = (r.actual.text.match(/[0-9０-９]/gu) ?? []).length;
        if (digits === 0) ctx.report({ messageId: 'notNumeric', path, data });
        else if (digits > MAX_DIGITS && /^[^0-9０-９]*[0-9０-９][0-9０-９,，.．]*[^0-9０-９]*$/u.test(r.actual.text)) ctx.report({ messageId: 'tooPrecise', path, data });
        else if (/[0-9０-９][eE][+-]?[0-9０-９]|NaN|Infinity|[0-9０-９][.．][0-9０-９]*[.．]/u.test(r.actual.text)) ctx.report({ messageId: 'unreadable', path, data });
      }
    }
    const found: { path: string; units: number; scale: number }[] = [];
    negatives(ctx.evaluation, '', found);
    for (const n of found) {
      ctx.report({ messageId: 'negative', path: n.path, data: { field: fieldName(ctx.evaluation, n.path), stated: show(n.units, n.scale) }, stated: show(n.units, n.scale) });
    }
  },
});

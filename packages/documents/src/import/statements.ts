/**
 * The unit's own statements about its indicator groups in 六（二）综合评价情况, read back into
 * `performance.statements`: 部门资金情况总分10分，得分9.67分（with 年度资金总额 and 执行率）; 产出及效益指标总分为80分，
 * 得分77分; 一是数量指标5个均完成指标值。分别是：①…②…; 可持续影响指标1个有扣分.
 *
 * Only what the sentence says for certain is taken: a count right after the group's name, a 有扣分 count or
 * 均完成 (none deducted), listed items only where they are numbered ①②… (a list run together with ； may hold
 * one item's own ；, so its length is not taken as the number of items). A paragraph whose group name is not a
 * known first- or second-level group stays a paragraph. The writer's own sentences (made where the unit wrote
 * none) are not statements of the unit: they are recognised by the wording the writer prints them with.
 * @module
 */
import type { Mutable } from './context.ts';
import { GROUP_SENTENCE } from '../write/wording.ts';

/** ⒈ ⑴ ① 1. 1、（1） (1) 一、（一） 一是 … at the start of a paragraph. */
const MARKER = /^(?:[⒈-⒛⑴-⒇]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}[、是])\s*/u;

const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const COUNT = '(\\d{1,3}|[一二两三四五六七八九十])';
const countOf = (s: string): string => (/^\d+$/u.test(s) ? s : String(CHINESE_DIGITS[s] ?? s));

/** First-level groups a statement may name (产出及效益指标 names two). */
const LEVEL1 = /^(?:产出|效益|满意度|投入|过程|效果|决策|管理)(?:指标)?$/u;
/** Second-level groups, with the first-level group they belong to in the standard tables. */
const LEVEL2: readonly (readonly [RegExp, string])[] = [
  [/^(?:数量|质量|时效|成本)(?:指标)?$/u, '产出指标'],
  [/^(?:经济效益|社会效益|生态效益|环境效益|可持续影响)(?:指标)?$/u, '效益指标'],
  [/^(?:服务对象)?满意度(?:指标)?$/u, '满意度指标'],
];

const withSuffix = (name: string): string => (name.endsWith('指标') ? name : `${name}指标`);

/** 部门资金情况总分10分，得分9.67分 / 产出及效益指标总分为80分，得分77分. */
const GROUP_TOTAL = /^(?<name>[\u4e00-\u9fa5]{2,12}?)(?:情况)?(?:总分|满分|分值)(?:为|是)?(?<points>\d+(?:\.\d+)?)分[，,、]?(?:实际)?(?:得分|自评得分|评分)(?:为|是)?(?<score>\d+(?:\.\d+)?)分/u;
/** 数量指标5个… / 可持续影响指标1个有扣分 — the group's name, then its count. */
const GROUP_COUNT = new RegExp(`^(?<name>[\\u4e00-\\u9fa5]{2,8}?)${COUNT}个`, 'u');
const CIRCLED = /[①-⑳]/gu;

/**
 * A statement read from one paragraph of 六（二）, or null when the paragraph is not one (or is the writer's
 * own sentence). `level1` is the first-level group of the nearest statement above it about one group.
 */
export function readStatement(paragraph: string, level1Above: string | null): Mutable | null {
  const text = paragraph.trim();
  if (GROUP_SENTENCE.read(text)) return null;
  const body = text.replace(MARKER, '');
  const total = GROUP_TOTAL.exec(body);
  if (total?.groups) {
    const { name = '', points = '', score = '' } = total.groups;
    if (/资金/u.test(name)) {
      const statement: Mutable = { scope: { funds: true, level1: [], level2: null }, points, score };
      const amount = /年度资金(?:总额|金额|总量)(?:为|是)?(\d[\d,]*(?:\.\d+)?)万元/u.exec(body);
      if (amount?.[1]) statement.amount = amount[1];
      const rate = /执行率(?:为|是|达到?)?(\d+(?:\.\d+)?%)/u.exec(body);
      if (rate?.[1]) statement.executionRate = rate[1];
      statement.text = text;
      return statement;
    }
    const names = name.split(/及|和|与|、/u).map((n) => n.trim());
    if (names.length === 0 || !names.every((n) => LEVEL1.test(n))) return null;
    return { scope: { funds: false, level1: names.map(withSuffix), level2: null }, points, score, text };
  }
  const counted = GROUP_COUNT.exec(body);
  const name = counted?.groups?.['name'];
  const count = counted?.[2];
  if (!name || !count) return null;
  const level2 = LEVEL2.find(([re]) => re.test(name));
  if (!level2) return null;
  const indicatorCount = countOf(count);
  const after = body.slice(counted[0].length);
  let deductedCount: string | null = null;
  const deducted = new RegExp(`^[，,、]?(?:[^。；;]*?[，,、])?${COUNT}个(?:指标)?(?:有扣分|扣分|未(?:全部)?完成)`, 'u').exec(after);
  if (/^[，,、]?(?:均|全部|都)(?:已)?(?:完成|达到|实现|得满分)/u.test(after)) deductedCount = '0';
  else if (/^[，,、]?(?:均|全部|都)有扣分/u.test(after)) deductedCount = indicatorCount;
  else if (/^[，,、]?有扣分/u.test(after) && indicatorCount === '1') deductedCount = '1';
  else if (deducted?.[1]) deductedCount = countOf(deducted[1]);
  const statement: Mutable = {
    scope: { funds: false, level1: [level1Above ?? level2[1]], level2: withSuffix(name) },
    indicatorCount,
  };
  if (deductedCount !== null) statement.deductedCount = deductedCount;
  const marks = [...body.matchAll(CIRCLED)];
  if (marks.length > 0) {
    statement.listedItems = marks.map((m, i) => {
      const end = marks[i + 1]?.index ?? body.length;
      return body.slice((m.index ?? 0) + 1, end).replace(/[\s\u3000；;，,。]+$/u, '');
    });
  }
  statement.text = text;
  return statement;
}

/** The one first-level group a statement is about, for the second-level statements below it. */
export function level1Of(statement: Mutable): string | null {
  const scope = statement['scope'] as { funds?: boolean; level1?: string[] } | undefined;
  return !scope?.funds && scope?.level1?.length === 1 ? (scope.level1[0] ?? null) : null;
}

/**
 * The narrative's own account of project execution: 项目预算11,853.56万元，实际支出9,970.25万元，盈余11,853.56万元，
 * 执行率84.11% (the figures as written; what they should be is the audit's business).
 */
export function projectExecutionIn(text: string): Mutable | null {
  const m = /项目(?:总)?预算(?:数|资金)?(?:为)?(?<budget>\d[\d,]*(?:\.\d+)?)万元[，,](?:实际)?(?:支出|执行)(?:数)?(?:为)?(?<actual>\d[\d,]*(?:\.\d+)?)万元[，,](?:结余|盈余|节余)(?<surplus>\d[\d,]*(?:\.\d+)?)万元[，,](?:预算)?执行率(?:为)?(?<rate>\d+(?:\.\d+)?%)/u.exec(text);
  if (!m?.groups) return null;
  const { budget, actual, surplus, rate } = m.groups;
  return { budget, actual, surplus, executionRate: rate };
}

/**
 * Findings from localized relations: one per figure to report, at that figure's line, with `stated` the
 * number as written and `expected` the number that restores the relations it is blamed for (both in the
 * figure's written unit), a Chinese message naming the figure, its line, what it was compared with, the
 * assumption of a likely reading, and the likely typo when the correction is one edit away.
 *
 * Each relation kind is a check of its own (`relation-sum`, `relation-rate` …) with metadata like the
 * other checks, so the check list and the UI can name them.
 * @module
 */
import { buildFinding, type CheckMeta, format, type Finding } from '@jixiao/core';
import { expectedGrade, sameFigure } from './evaluate.ts';
import { shiftDec, writtenShift } from './localize.ts';
import type { Figure, Localized, Relation, RelationKind } from './types.ts';

type Meta = CheckMeta<'mismatch'>;
const meta = (description: string, basis: string, template: string): Meta => ({
  category: 'arithmetic',
  description,
  basis,
  defaultSeverity: 'error',
  messages: { mismatch: template },
});

const TAIL = '{{assumption}}{{typo}}';
const BASE = '第{{line}}行「{{label}}」写为 {{stated}}，';

/** One check per relation kind: id, Chinese description and basis, the message. */
export const RELATION_CHECKS: Readonly<Record<RelationKind, { readonly id: string; readonly meta: Meta }>> = {
  sum: { id: 'relation-sum', meta: meta('合计应等于各分项之和（句子与任何表格；按书写精度的区间比较，“其中”列举可能不全时只在分项已超过合计时报错）', 'DOMAIN.md 审核要点2“每个合计等于其各部分之和”；XBRL Calculations 1.1 区间一致性方法', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  'score-sum': { id: 'relation-score-sum', meta: meta('分值、得分应等于下级各项之和（指标块表头、总分；分值与得分为精确数）', '财预〔2020〕10号 自评表：一级指标分值为所属指标之和，总分为各项得分之和', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  rate: { id: 'relation-rate', meta: meta('比率应等于分子除以分母（执行率、到位率、完成率、占比等；按书写精度与截断写法的区间比较）', 'DOMAIN.md 审核要点2“每个比率等于其分子除以分母”', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  growth: { id: 'relation-growth', meta: meta('增长率、下降率应等于本期与上期之比减一（或一减之）', 'DOMAIN.md 审核要点2（比上年增减）', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  difference: { id: 'relation-difference', meta: meta('差额应等于两项之差：结余 = 预算 − 支出，比上年增减 = 本年 − 上年', 'DOMAIN.md 审核要点2“每个差额正确”', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  product: { id: 'relation-product', meta: meta('得分应等于分值乘以比率（以分值为上限），如预算执行率得分 = 分值 × 执行率', '财预〔2020〕10号：预算执行率得分 = 执行率 × 分值', `${BASE}按{{relation}}应为 {{expected}}${TAIL}`) },
  cap: { id: 'relation-cap', meta: meta('得分不得超过分值', '财预〔2020〕10号 自评表；一体化系统校验“得分必须小于等于权重”', `${BASE}超过了{{relation}}，应不超过 {{expected}}${TAIL}`) },
  grade: { id: 'relation-grade', meta: meta('评价等级应与总分所在的分数段一致', '评价方案的等级与分数段', '第{{line}}行等级写为「{{stated}}」，按{{relation}}应为「{{expected}}」{{assumption}}') },
  count: { id: 'relation-count', meta: meta('所说的个数应等于列出的项目数（列在个数之前或之后）', 'DOMAIN.md 审核要点4（某类事项的个数前后一致）', `${BASE}但{{relation}}，应为 {{expected}}${TAIL}`) },
  equal: { id: 'relation-equal', meta: meta('同一数量在报告中两处所写应一致（同一所指；全部到位、全部拨付等于所说金额）', 'DOMAIN.md 审核要点4“正文中的数字与表中的同一数字相等”', `${BASE}与{{relation}}不一致，应为 {{expected}}${TAIL}`) },
  unit: { id: 'relation-unit', meta: meta('同一金额以元和万元两种单位写出时应相符（元 = 万元 × 10000）', 'DOMAIN.md：金额单位与换算', `${BASE}与{{relation}}不相符，应为 {{expected}}${TAIL}`) },
  year: { id: 'relation-year', meta: meta('标题、附件表头和文件名中的年度应为评价年度（引用其他年度文件的除外）', 'DOMAIN.md：自评针对一个预算年度', `${BASE}但{{relation}}为 {{expected}} 年${TAIL}`) },
};

/** Every relation check, for check lists. */
export const relationChecks: readonly { readonly id: string; readonly meta: Meta }[] = Object.values(RELATION_CHECKS);

/** The number written in a figure's text, as a JSON number, and the text after it (its unit). */
function writtenParts(f: Figure): { number: number | null; unit: string; decimals: number } {
  const text = f.written.replace(/[０-９．，－]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)(.*)$/u.exec(text);
  if (!m?.[1]) return { number: null, unit: '', decimals: 0 };
  return { number: Number(m[1].replace(/,/gu, '')), unit: (m[3] ?? '').trim(), decimals: m[2]?.length ?? 0 };
}

const named = (f: Figure): string => `${f.label}${f.written}`;

/** The relation in words, from the reported figure's side. */
function relationText(r: Relation, f: Figure): string {
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return sameFigure(f, r.total)
        ? `各分项 ${r.parts.map(named).join(' + ')} 之和`
        : `「${r.total.label}」${r.total.written} 减去其余分项`;
    case 'rate':
      return `${r.numerator.label} ${r.numerator.written} ÷ ${r.denominator.label} ${r.denominator.written}${r.factor === 1000 ? ' × 1000‰' : ''}`;
    case 'growth':
      return `本期 ${r.current.written} 与上期 ${r.previous.written} 相比的${r.decrease ? '下降' : '增长'}幅度`;
    case 'difference':
      return `${r.minuend.label} ${r.minuend.written} − ${r.subtrahend.label} ${r.subtrahend.written}`;
    case 'product':
      return `${r.factors.map(named).join(' × ')}${r.cap ? `（以 ${r.cap.written} 为上限）` : ''}`;
    case 'cap':
      return `分值 ${r.points.written}`;
    case 'grade':
      return `总分 ${r.score.written} 所在的分数段`;
    case 'count':
      return `所列为 ${r.items.length} 项（${r.items.slice(0, 8).join('、')}${r.items.length > 8 ? '等' : ''}）`;
    case 'equal': {
      const other = sameFigure(f, r.a) ? r.b : r.a;
      return `第${other.line}行「${other.label}」${other.written}`;
    }
    case 'unit': {
      const other = sameFigure(f, r.a) ? r.b : r.a;
      return `第${other.line}行所写的 ${other.written}`;
    }
    case 'year':
      return '评价年度';
  }
}

/** A localized figure as one finding. */
export function findingOf(l: Localized, file: string | undefined): Finding {
  const r = l.relations[0] as Relation;
  const check = RELATION_CHECKS[r.kind];
  const w = writtenParts(l.figure);
  const shift = writtenShift(l.figure) ?? 0;
  const expectedWritten = shiftDec(l.expected, -shift);
  const decimals = Math.max(w.decimals, expectedWritten.scale > w.decimals && (r.kind === 'rate' || r.kind === 'growth') ? Math.min(expectedWritten.scale, 2) : w.decimals);
  const shown = format(expectedWritten, decimals, l.figure.written.includes(','));
  const others = l.relations.slice(1).map((x) => relationText(x, l.figure));
  const assumptions = [...new Set(l.relations.filter((x) => x.confidence === 'likely' && x.assumption).map((x) => x.assumption as string))];
  const data = {
    line: l.figure.line,
    label: l.figure.label,
    stated: l.figure.written,
    relation: relationText(r, l.figure) + (others.length > 0 ? `，也不符合${others.join('、')}` : ''),
    expected: r.kind === 'year' ? shown : `${shown}${w.unit}`,
    assumption: assumptions.length > 0 ? `（此处${assumptions.join('；')}）` : '',
    typo: l.typo ? `；疑似录入错误：${l.figure.written} 应为 ${shown}${r.kind === 'year' ? '' : w.unit}` : '；请核对',
  };
  const location = { path: 'text', line: l.figure.line, ...(l.figure.excerpt ? { excerpt: l.figure.excerpt } : {}), ...(file ? { file } : {}) };
  return buildFinding(check.id, check.meta, undefined, {
    messageId: 'mismatch',
    data,
    stated: w.number ?? l.figure.written,
    expected: Number(format(expectedWritten, Math.max(expectedWritten.scale, 0), false)),
    severity: l.severity,
  }, { location });
}

/** A violated grade relation as one finding at the grade. */
export function gradeFinding(r: Extract<Relation, { kind: 'grade' }>, file: string | undefined): Finding | null {
  const expected = expectedGrade(r);
  if (!expected || expected === r.grade.text) return null;
  const check = RELATION_CHECKS.grade;
  return buildFinding(check.id, check.meta, undefined, {
    messageId: 'mismatch',
    data: { line: r.grade.line, stated: r.grade.text, expected, relation: relationText(r, r.score), assumption: r.confidence === 'likely' && r.assumption ? `（此处${r.assumption}）` : '' },
    stated: r.grade.text,
    expected,
    severity: r.confidence === 'certain' ? 'error' : 'warning',
  }, { location: { path: 'text', line: r.grade.line, ...(file ? { file } : {}) } });
}

/**
 * Printing findings and scores for people: grouped, aligned, coloured on a terminal.
 * @module
 */
import { styleText } from 'node:util';
import {
  CATEGORY_NAMES, type Category, type Derived, type Finding, format, normalize, SEVERITY_NAMES, type Dec,
} from '@jixiao/core';
import { renderTable, truncate } from './text-table.ts';

export type Style = (format: Parameters<typeof styleText>[0], text: string) => string;
export const plainStyle: Style = (_f, text) => text;
export const colourStyle: Style = (f, text) => styleText(f, text);

const SEVERITY_MARK = { error: '✖', warning: '▲', info: '●' } as const;
const SEVERITY_COLOUR = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
const CATEGORY_ORDER: Category[] = ['completeness', 'arithmetic', 'scoring', 'crossDocument', 'plausibility', 'text'];

export type FileReport = { readonly file: string; readonly title?: string; readonly findings: readonly Finding[] };

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

const where = (f: Finding): string => {
  const parts = f.location.path ? [f.location.path] : [];
  if (f.location.line !== undefined) parts.push(`${f.location.file ? `${f.location.file} ` : ''}第 ${f.location.line} 行`);
  return parts.join(' · ');
};

export function formatReport(report: FileReport, style: Style): string {
  const out: string[] = [style('bold', report.file) + (report.title ? `  ${style('dim', report.title)}` : '')];
  if (report.findings.length === 0) {
    out.push(`  ${style('green', '✔ 未发现问题')}`);
    return out.join('\n');
  }
  for (const category of CATEGORY_ORDER) {
    const group = report.findings.filter((f) => f.category === category);
    if (group.length === 0) continue;
    out.push(`  ${style('bold', CATEGORY_NAMES[category])}`);
    for (const f of group) {
      const mark = style(SEVERITY_COLOUR[f.severity], `${SEVERITY_MARK[f.severity]} ${SEVERITY_NAMES[f.severity]}`);
      out.push(`    ${mark}  ${f.message}`);
      const detail = [where(f), style('dim', f.check)].filter((d) => d !== '');
      if (f.stated !== undefined || f.expected !== undefined) {
        detail.unshift(`写为 ${f.stated ?? '—'} ／ 应为 ${f.expected ?? '—'}`);
      }
      out.push(`          ${style('dim', detail.join('  ·  '))}`);
      if (f.location.excerpt) out.push(`          ${style('dim', `「${truncate(f.location.excerpt, 70)}」`)}`);
    }
  }
  const c = countBySeverity(report.findings);
  out.push(`  共 ${style('red', `${c.error} 个错误`)}、${style('yellow', `${c.warning} 个警告`)}、${c.info} 个提示`);
  return out.join('\n');
}

const show = (d: Dec | null | undefined): string => {
  if (!d) return '';
  const n = normalize(d);
  return format(n, n.scale);
};

export function formatScore(title: string, derived: Derived, style: Style): string {
  const { card, scheme, funds, indicators, groups, total, grade } = derived;
  const out: string[] = [style('bold', title), style('dim', `评价方案：${scheme.name}（${scheme.id}）`), ''];
  const rows: string[][] = [];
  if (card) {
    rows.push(['预算执行率', '', '', show(card.funds.budget), show(card.funds.actual), show(card.funds.points), show(card.funds.score), show(funds.score), funds.explanation]);
    for (const r of indicators) {
      const x = r.indicator;
      const mark = x.score && (r.expected ?? r.counted) && show(x.score) !== show(r.expected ?? r.counted) ? style('red', show(r.expected ?? r.counted)) : show(r.expected ?? r.counted);
      rows.push([
        truncate(x.level1.replace(/\s+/gu, ''), 10),
        truncate(x.level2.replace(/\s+/gu, ''), 12),
        truncate(x.name.trim(), 16),
        truncate(r.target.text, 12),
        truncate(r.actual.text, 12),
        show(x.points),
        show(x.score),
        x.notApplicable ? '不适用' : mark,
        truncate(r.explanation, 60),
      ]);
    }
    out.push(renderTable(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '自评得分', '计算得分', '计分依据'], rows, ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'right', 'left']));
    out.push('');
  }
  out.push(style('bold', '按评价方案的一级分组'));
  const groupRows: string[][] = [];
  for (const g of groups) {
    groupRows.push([g.name, show(g.points), show(g.score), g.explanation]);
    for (const c of g.computed) groupRows.push([`  ${c.name}`, show(c.points), show(c.score), c.explanation]);
  }
  out.push(renderTable(['分组', '分值', '得分', '说明'], groupRows, ['left', 'right', 'right', 'left']));
  out.push('');
  const statedTotal = card?.totalScore ? show(card.totalScore) : '（未填）';
  out.push(`总分：${show(total.points)}    自评总得分：${statedTotal}    各项自评得分之和：${show(total.statedSum)}    ${style('bold', `按方案计算：${show(total.computed)}`)}`);
  out.push(style('dim', total.explanation));
  out.push(`等级：自评「${card?.grade?.trim() || '（未填）'}」    ${style('bold', `按方案：「${grade.name}」`)}`);
  out.push(style('dim', grade.explanation));
  return out.join('\n');
}

/**
 * The 审核意见及更正建议: a document of its own, printed apart from the unit's report, that says what the
 * engine computes differently from what the unit wrote (each figure: as written → as computed, why) and
 * what the audit finds. The unit's report itself is printed as written; this is where the reviewer's side goes.
 *
 * Reference: issue 14 ("as written, by default"); STYLE.md (Chinese for people, no rule ids in a document).
 * @module
 */
import { audit, CATEGORY_NAMES, CHECKS, type Evaluation, type Finding, type Scheme, SEVERITY_NAMES } from '@jixiao/core';
import type { Correction, ParagraphBlock, ParagraphRole, ReportDocument } from './document-model.ts';
import { chineseNumeral } from './wording.ts';

const p = (role: ParagraphRole, text: string): ParagraphBlock => ({ kind: 'paragraph', role, text });
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** The review of a report: its corrections (from `buildDocument`) and the audit's findings on the model. */
export function buildReview(evaluation: Evaluation, scheme: Scheme, corrections: readonly Correction[], findings?: readonly Finding[]): ReportDocument {
  const name = evaluation.kind === 'project' ? evaluation.project.name : evaluation.unit.name;
  const what = evaluation.kind === 'project' ? '项目支出绩效自评报告' : '部门整体支出绩效自评报告';
  const found = [...(findings ?? audit(CHECKS, evaluation, scheme).findings)]
    .filter((f) => f.severity !== 'info')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const blocks: ParagraphBlock[] = [
    p('title', '审核意见及更正建议'),
    p('plain', `${name}${evaluation.year}年度${what}（按「${scheme.name}」）`),
    p('blank', ''),
    p('body', '本意见与报告分开印制，不是报告的一部分。报告中的数字和文字均按单位填报原样印出；以下列出计算结果与填报不一致之处及审核发现的问题，请单位核对后自行决定是否修改。'),
  ];
  let section = 0;
  const heading = (text: string): void => {
    section += 1;
    blocks.push(p('heading1', `${chineseNumeral(section)}、${text}`));
  };
  heading('与计算结果不一致的填报数字和文字');
  if (corrections.length === 0) blocks.push(p('body', '无。'));
  corrections.forEach((c, i) => {
    const suggestion = c.used === '' ? '' : `建议更正为 ${c.used}。`;
    blocks.push(p('body', `${i + 1}.${c.message}。${suggestion}`));
  });
  heading('审核发现的问题');
  if (found.length === 0) blocks.push(p('body', '未发现错误或警告。'));
  found.forEach((f, i) => {
    const figures = f.stated !== undefined && f.expected !== undefined ? `（填报 ${f.stated}，应为 ${f.expected}）` : '';
    blocks.push(p('body', `${i + 1}.【${SEVERITY_NAMES[f.severity]}·${CATEGORY_NAMES[f.category]}】${f.message}${figures}`));
  });
  return {
    kind: evaluation.kind,
    title: `${name}${evaluation.year}年度${what}审核意见及更正建议`,
    sections: [{ orientation: 'portrait', blocks }],
    corrections: [],
  };
}

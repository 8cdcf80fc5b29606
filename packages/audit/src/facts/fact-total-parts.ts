/**
 * A total the text states against the parts it lists with it. A complete breakdown (其他…, a composite
 * name, 三公经费 by its categories) must add up; a 其中 list may leave parts out, so it is wrong only when
 * its parts already exceed the total and no selection of them makes the total (三公经费 listed under 基本支出
 * is part of 公用经费, not a third part).
 * @module
 */
import { cmp, sub } from '@jixiao/core';
import { precisionOf, show, sumMatches, totalOf } from './intervals.ts';
import { breakdownsOf, type Breakdown } from './structure.ts';
import { defineTextCheck, type PlacedFact, type TextContext } from './types.ts';

const unitText = (f: PlacedFact): string => f.unit;

export const partsText = (parts: readonly PlacedFact[]): string =>
  parts.map((p) => `${p.label}${show(p.value)}`).join(' + ');

/**
 * The parts of a 其中 list up to one that restates the total or starts another statement: 「…，共计下达61.8万元」
 * closes the list; 「其中项目管理费3万元，目前项目资金已拨付270万元」 — what was paid so far is no part of what
 * was allocated.
 */
export function beforeRestatement(context: TextContext, total: PlacedFact, parts: readonly PlacedFact[]): PlacedFact[] {
  const text = context.blocks[total.block]?.text ?? '';
  const out: PlacedFact[] = [];
  let from = total.end;
  for (const p of parts) {
    if (p.block === total.block && /共计|合计|总计|累计|[，,、]共|目前|截至|截止|现已|已经/u.test(text.slice(from, p.start))) break;
    out.push(p);
    from = p.end;
  }
  return out;
}

/** Is some selection (two or more, or one) of the parts equal to the total? */
function someSelectionMatches(b: Breakdown): boolean {
  const n = b.parts.length;
  if (n > 14) return true; // too many to try: stay silent
  for (let mask = 1; mask < 1 << n; mask++) {
    const chosen = b.parts.filter((_, i) => (mask & (1 << i)) !== 0);
    if (sumMatches(b.total, chosen)) return true;
  }
  return false;
}

export const factTotalParts = defineTextCheck({
  id: 'fact-total-parts',
  meta: {
    category: 'arithmetic',
    description: '正文中的合计数应等于同处列出的分项之和（其中…、括号内分项、…其他…、如下列表、“A及B”合称、三公经费与基本支出的构成）',
    basis: 'DOMAIN.md「What a reviewer checks」2：合计等于分项之和；舍入按 XBRL Calculations 1.1 区间法判断',
    defaultSeverity: 'error',
    messages: {
      mismatch: '第{{line}}行「{{label}}」为{{stated}}，但所列分项 {{parts}} 合计 {{expected}}{{unit}}，相差 {{difference}}{{unit}}；请核对合计数或分项。',
      exceeds: '第{{line}}行「{{label}}」为{{stated}}，但其中所列分项 {{parts}} 合计已达 {{expected}}{{unit}}，超过了合计数；请核对。',
    },
  },
  run(context, report) {
    for (const found of breakdownsOf(context.blocks, context.facts)) {
      const b = found.how === 'partOf' ? { ...found, parts: beforeRestatement(context, found.total, found.parts) } : found;
      if (b.parts.length === 0 || sumMatches(b.total, b.parts)) continue;
      // one figure in brackets without 其中 is another measure of the same thing: 干部职工128人（编制169人）
      const first = b.parts[0];
      const opening = first ? (context.blocks[b.total.block]?.text ?? '').slice(b.total.end, first.start) : '';
      if (b.how === 'brackets' && b.parts.length === 1 && !/其中/u.test(opening)) continue;
      const partSum = totalOf(b.parts);
      const decimals = Math.max(precisionOf(b.parts), b.total.value.scale);
      if (!b.exhaustive) {
        if (cmp(partSum, b.total.value) < 0) continue;
        if (someSelectionMatches(b)) continue;
      }
      const data = {
        line: b.total.line,
        label: b.total.label,
        stated: b.total.written,
        parts: partsText(b.parts),
        expected: show(partSum, decimals),
        unit: unitText(b.total),
        difference: show(sub(b.total.value, partSum), decimals).replace(/^-/u, ''),
      };
      report({
        messageId: b.exhaustive ? 'mismatch' : 'exceeds',
        data,
        line: b.total.line,
        excerpt: b.total.excerpt,
        stated: b.total.written,
        expected: `${show(partSum, decimals)}${unitText(b.total)}`,
        related: b.parts.filter((p) => p.line !== b.total.line).map((p) => ({ path: 'text', line: p.line, excerpt: p.excerpt })),
      });
    }
  },
});

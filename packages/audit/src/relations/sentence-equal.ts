/**
 * One quantity stated twice: the statements `fact-conflict` groups as one quantity (same subject, qualifier,
 * unit, year, period, topic, parent total; a standard figure of the unit across the report, anything else
 * under one heading), each against the first statement in another sentence — other funds, years,
 * documents or allocations are other quantities and never grouped. Parallel statements inside one sentence
 * are about different things. A likely reading: a warning that says so.
 *
 * With three statements or more the odd one is blamed (changing it restores every pair); with two, the
 * engine's tie-breaks decide (a likely typo, a figure that other relations hold, the later statement).
 * @module
 */
import { quantityGroups, sameSentence } from '../facts/fact-conflict.ts';
import { halfWidth } from '../facts/text.ts';
import { numberCounts } from './near-repeat.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { EqualRelation, Extractor } from './types.ts';

/** Statements compared per quantity: a report repeating one sentence thousands of times stays linear. */
const MAX_STATEMENTS = 12;

export const sentenceEqual: Extractor = {
  id: 'sentence-equal',
  description: '正文中同一数量（同一名称、口径、单位、年份）两处所写的数',
  extract(input) {
    const context = sentenceContext(input);
    const out: EqualRelation[] = [];
    let counts: ReadonlyMap<string, number> | undefined;
    const digits = (written: string): string => halfWidth(written).replace(/[^\d.]/gu, '');
    for (const group of quantityGroups(context)) {
      const list = group.slice(0, MAX_STATEMENTS);
      const first = list[0];
      if (!first || list.length < 2) continue;
      const a = figureOf(first);
      for (const f of list.slice(1)) {
        if (sameSentence(f, first)) continue;
        const b = figureOf(f);
        // of two statements, the number the document writes less often (tables too) is the likelier slip: it is b,
        // the figure the engine blames on a tie
        counts ??= numberCounts(input.doc.lines);
        const swap = f.value.units !== first.value.units || f.value.scale !== first.value.scale ? (counts.get(digits(f.written)) ?? 0) > (counts.get(digits(first.written)) ?? 0) : false;
        out.push({ kind: 'equal', source: 'sentence-equal', confidence: 'likely', assumption: `按两处「${f.label}」为同一数量`, ...(swap ? { a: b, b: a } : { a, b }) });
      }
    }
    return out;
  },
};

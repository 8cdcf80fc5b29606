/**
 * Scores written in the headings of the narrative — 二、预算执行情况(自评得分10分), (一)产出指标(自评得分50分),
 * 1.数量指标(自评得分20分): — each heading's score against the scores of the headings under it.
 *
 * Levels come from the numbering (一、 above (一) above 1. above (1)); a heading closes the headings open at
 * its level and below. A heading is checked only when every heading under it of the next level carries a
 * score of the same kind (得分 with 得分, 分值 with 分值), and its section has ended (a heading of its level
 * or above follows): a sub-heading without a score, or one of another kind, leaves it unchecked.
 * @module
 */
import { parseDec } from '@jixiao/core';
import { notJudgedByModel } from './grid-tokens.ts';
import type { Extractor, ExtractorInput, Figure, Relation } from './types.ts';

/** The numbering of a heading and its level (0 the highest). */
const NUMBERING: readonly { re: RegExp; level: number }[] = [
  { re: /^[一二三四五六七八九十]{1,3}[、.．]/u, level: 0 },
  { re: /^[(（][一二三四五六七八九十]{1,3}[)）][、.．]?/u, level: 1 },
  { re: /^\d{1,2}(?:[、．]|\.(?!\d))/u, level: 2 },
  { re: /^[(（]\d{1,2}[)）][、.．]?/u, level: 3 },
];
/** The bracket of points or score right after the heading's name: (自评得分10分), （分值20分）, (10分). */
const SCORE = /^([^(（)）。，,；;:：]{2,30}?)[(（](自评得分|得分|分值|满分|权重)?[:：]?\s*(\d{1,3}(?:\.\d{1,2})?)分[)）]/u;

type Heading = { level: number; kind: string; figure: Figure | null; children: Heading[]; closed: boolean };

export function extractHeadingScores(input: ExtractorInput, source = 'heading-scores'): Relation[] {
  const out: Relation[] = [];
  const open: (Heading | undefined)[] = [];
  const all: Heading[] = [];
  for (const l of input.doc.lines) {
    if (l.table !== undefined) continue;
    const text = l.text.trim();
    const num = NUMBERING.find((n) => n.re.test(text));
    if (!num) continue;
    const rest = text.replace(num.re, '');
    const m = SCORE.exec(rest);
    const value = m?.[3] ? parseDec(m[3]) : null;
    const kind = m ? (/得分/u.test(m[2] ?? '') ? 'score' : m[2] ? 'points' : 'bare') : '';
    const figure: Figure | null = m?.[3] && value
      ? { value, written: `${m[3]}分`, label: `「${(m[1] ?? '').trim()}」${kind === 'points' ? '分值' : '得分'}`, line: l.line, exact: true }
      : null;
    const h: Heading = { level: num.level, kind, figure, children: [], closed: false };
    // the headings open at this level and below end here
    for (let k = num.level; k < open.length; k++) {
      const o = open[k];
      if (o) o.closed = true;
      open[k] = undefined;
    }
    const parent = open.slice(0, num.level).reverse().find((o) => o !== undefined);
    if (parent) parent.children.push(h);
    open[num.level] = h;
    all.push(h);
  }
  for (const h of all) {
    if (!h.closed || !h.figure || h.children.length === 0) continue;
    // the children of the next level under it only (a deeper heading with no heading between belongs to it too)
    const level = Math.min(...h.children.map((c) => c.level));
    const parts = h.children.filter((c) => c.level === level);
    if (parts.length !== h.children.length || !parts.every((c) => c.figure && c.kind === h.kind)) continue;
    out.push({ kind: 'score-sum', source, confidence: 'certain', total: h.figure, parts: parts.map((c) => c.figure as Figure) });
  }
  return out;
}

export const headingScores: Extractor = {
  id: 'heading-scores',
  description: '正文各级标题中写明的得分或分值：上级标题的得分等于其下一级各标题得分之和',
  extract: (input) => notJudgedByModel(input, extractHeadingScores(input)),
};

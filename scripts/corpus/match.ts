/**
 * The matching rule of the eval: when a finding of the audit is the finding of a labelled figure.
 *
 * A finding matches a figure when
 * - its line is the figure's line (a finding without a line: its stated value occurs once as a number in
 *   the whole text, and that occurrence is on the figure's line);
 * - its `stated` is the figure's value (a number, compared exactly as the decimal it prints as);
 * - and, to *find* a relation, its `expected` put in place of the figure (written at the figure's precision)
 *   makes the relation hold. A grade relation is also found by its grade word (stated the written grade,
 *   expected the grade the score calls for).
 * @module
 */
import type { Finding } from '@jixiao/core';
import { cmp, fromNumber, parseWritten, show, type Q } from './exact.ts';
import { figuresOf, withFigure, type Figure, type Relation } from './schema.ts';
import { verdictOf } from './verdict.ts';

const NUMBER = /[0-9０-９][0-9０-９,，.．]*/gu;

/** Values of every number written in a text (figures that do not parse are skipped), with their lines. */
export function numbersIn(lines: readonly string[]): { value: Q; line: number }[] {
  const out: { value: Q; line: number }[] = [];
  lines.forEach((text, i) => {
    for (const m of text.matchAll(NUMBER)) {
      const t = m[0].replace(/[,，.．]+$/u, '');
      try {
        out.push({ value: parseWritten(t).value, line: i + 1 });
      } catch {
        // a run like 1,23,4 is not a figure
      }
    }
  });
  return out;
}

/** The line a finding stands for: its own, or where its stated value is the only such number in the text. */
export function findingLine(f: Finding, numbers: readonly { value: Q; line: number }[]): number | null {
  if (f.location.line !== undefined) return f.location.line;
  if (typeof f.stated !== 'number') return null;
  const stated = fromNumber(f.stated);
  const at = numbers.filter((n) => cmp(n.value, stated) === 0);
  return at.length === 1 ? (at[0]?.line ?? null) : null;
}

const valueOf = (f: Figure): Q | null => {
  try {
    return parseWritten(f.text).value;
  } catch {
    return null;
  }
};

/** Whether the finding is about this figure: its line and its stated value. */
export function aboutFigure(f: Finding, line: number | null, figure: Figure): boolean {
  if (line !== figure.line || typeof f.stated !== 'number') return false;
  const v = valueOf(figure);
  return v !== null && cmp(v, fromNumber(f.stated)) === 0;
}

/** `value` written at the precision of `like` (half away from zero), keeping a sign. */
export function writtenLike(value: Q, like: string): string {
  const decimals = parseWritten(like).decimals;
  const s = show(value, decimals);
  if (decimals === 0) return s;
  const [int, frac = ''] = s.split('.');
  return `${int}.${frac.padEnd(decimals, '0')}`;
}

/** Whether `expected`, put in place of the figure of `role`, makes the relation hold. */
export function restores(r: Relation, year: number | null, role: string, figure: Figure, expected: number): boolean {
  let text: string;
  try {
    text = writtenLike(fromNumber(expected), figure.text);
  } catch {
    return false;
  }
  return verdictOf(withFigure(r, role, { ...figure, text, exact: figure.exact }), year) === 'holds';
}

/** Whether the finding finds the relation through the figure of `role` (a violated relation, or a mutant's). */
export function findsThrough(f: Finding, line: number | null, r: Relation, year: number | null, role: string): boolean {
  const figure = figuresOf(r).find((x) => x.role === role)?.figure;
  if (!figure || !aboutFigure(f, line, figure) || typeof f.expected !== 'number') return false;
  return restores(r, year, role, figure, f.expected);
}

/** Whether the finding finds the relation through any of its figures, or a grade through its word. */
export function findsRelation(f: Finding, line: number | null, r: Relation, year: number | null): boolean {
  if (figuresOf(r).some((x) => findsThrough(f, line, r, year, x.role))) return true;
  if (r.kind === 'grade' && line === r.grade.line && f.stated === r.grade.text && typeof f.expected === 'string') {
    return verdictOf({ ...r, grade: { ...r.grade, text: f.expected } }, year) === 'holds';
  }
  return false;
}

/** Whether the finding is about some figure of the relation (line and stated value), whatever it expects. */
export function touches(f: Finding, line: number | null, r: Relation): boolean {
  if (figuresOf(r).some((x) => aboutFigure(f, line, x.figure))) return true;
  return r.kind === 'grade' && line === r.grade.line && f.stated === r.grade.text;
}

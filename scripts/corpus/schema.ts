/**
 * The files of a corpus document besides its text, exactly as corpus/LABELS.md describes them:
 * `<id>.labels.json` (the relations a careful reviewer checks, with the labeller's verdicts) and
 * `<id>.source.json` (provenance, never seen by the audit).
 * @module
 */
import { z } from 'zod';

export const LAYOUTS = ['narrative', 'cell-per-line', 'separated', 'run-together', 'traditional', 'mirror-junk'] as const;
export const KINDS = ['department', 'project', 'transfer'] as const;
export const RELATION_KINDS = ['sum', 'score-sum', 'rate', 'growth', 'difference', 'product', 'cap', 'grade', 'count', 'equal', 'unit', 'year'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

const line = z.number().int().positive();
const decimalText = z.string().regex(/^-?\d+(?:\.\d+)?$/u, '应为十进制数，如 "90" 或 "59.5"');

export const figureSchema = z.object({
  text: z.string().min(1),
  line,
  nth: z.number().int().nonnegative().optional(),
  percent: z.boolean().optional(),
  exact: z.boolean().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

const base = {
  id: z.string().min(1),
  note: z.string().min(1),
  verdict: z.enum(['holds', 'violated']),
};

export const relationSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('sum'), total: figureSchema, parts: z.array(figureSchema).min(2) }),
  // a block of one indicator: 基础信息(3分) over its one row
  z.object({ ...base, kind: z.literal('score-sum'), total: figureSchema, parts: z.array(figureSchema).min(1) }),
  z.object({ ...base, kind: z.literal('rate'), rate: figureSchema, numerator: figureSchema, denominator: figureSchema, rounding: z.enum(['round', 'truncate']).optional() }),
  z.object({ ...base, kind: z.literal('growth'), rate: figureSchema, current: figureSchema, previous: figureSchema, direction: z.enum(['increase', 'decrease']).optional() }),
  z.object({ ...base, kind: z.literal('difference'), result: figureSchema, minuend: figureSchema, subtrahend: figureSchema }),
  z.object({ ...base, kind: z.literal('product'), result: figureSchema, factors: z.array(figureSchema).min(1), cap: figureSchema.optional() }),
  z.object({ ...base, kind: z.literal('cap'), score: figureSchema, points: figureSchema }),
  z.object({
    ...base,
    kind: z.literal('grade'),
    score: figureSchema,
    grade: z.object({ text: z.string().min(1), line }),
    bands: z.array(z.object({ grade: z.string().min(1), min: decimalText })).min(2),
    bandsSource: z.string().min(1),
  }),
  z.object({ ...base, kind: z.literal('count'), count: figureSchema, items: z.array(z.string()).min(1), itemLines: z.array(line).min(1) }),
  z.object({ ...base, kind: z.literal('equal'), a: figureSchema, b: figureSchema }),
  z.object({ ...base, kind: z.literal('unit'), a: figureSchema, b: figureSchema }),
  z.object({ ...base, kind: z.literal('year'), year: figureSchema }),
]);
export type Relation = z.infer<typeof relationSchema>;

export const SOFT_KINDS = ['pasted-text', 'placeholder', 'template-instruction', 'duplicate', 'numbering', 'other'] as const;
export const NOT_THE_UNITS = ['mask', 'checkbox', 'junk', 'navigation'] as const;

export const labelsSchema = z.object({
  document: z.string().min(1),
  /** null where the text does not tell the year (masked 20xx, an excerpt without title): no `year` relation then. */
  evaluatedYear: z.number().int().min(2000).max(2100).nullable(),
  relations: z.array(relationSchema),
  omitted: z.array(z.object({ lines: z.array(line), reason: z.string().min(1) })).default([]),
  soft: z.array(z.object({ kind: z.enum(SOFT_KINDS), lines: z.array(line).min(1), note: z.string().optional() })).default([]),
  notTheUnits: z.array(z.object({ kind: z.enum(NOT_THE_UNITS), lines: z.array(line).min(1), note: z.string().optional() })).default([]),
});
export type Labels = z.infer<typeof labelsSchema>;

// null where provenance is unknown (the seed's address was not recorded; a mirror that masks the place)
export const sourceSchema = z.object({
  url: z.string().min(1).nullable(),
  title: z.string().min(1),
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期应写为 2026-12-07'),
  query: z.string().optional(),
  province: z.string().min(1).nullable(),
  place: z.string().nullable().optional(),
  unit: z.string().nullable().optional(),
  kind: z.enum(KINDS),
  year: z.number().int().min(2000).max(2100).nullable(),
  layouts: z.array(z.enum(LAYOUTS)).min(1),
  notes: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** The numeric figures of a relation, each with its role ("total", "parts[2]", …). */
export function figuresOf(r: Relation): { role: string; figure: Figure }[] {
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return [{ role: 'total', figure: r.total }, ...r.parts.map((figure, i) => ({ role: `parts[${i}]`, figure }))];
    case 'rate':
      return [{ role: 'rate', figure: r.rate }, { role: 'numerator', figure: r.numerator }, { role: 'denominator', figure: r.denominator }];
    case 'growth':
      return [{ role: 'rate', figure: r.rate }, { role: 'current', figure: r.current }, { role: 'previous', figure: r.previous }];
    case 'difference':
      return [{ role: 'result', figure: r.result }, { role: 'minuend', figure: r.minuend }, { role: 'subtrahend', figure: r.subtrahend }];
    case 'product':
      return [{ role: 'result', figure: r.result }, ...r.factors.map((figure, i) => ({ role: `factors[${i}]`, figure })), ...(r.cap ? [{ role: 'cap', figure: r.cap }] : [])];
    case 'cap':
      return [{ role: 'score', figure: r.score }, { role: 'points', figure: r.points }];
    case 'grade':
      return [{ role: 'score', figure: r.score }];
    case 'count':
      return [{ role: 'count', figure: r.count }];
    case 'equal':
    case 'unit':
      return [{ role: 'a', figure: r.a }, { role: 'b', figure: r.b }];
    case 'year':
      return [{ role: 'year', figure: r.year }];
  }
}

/** The same relation with the figure of `role` replaced. */
export function withFigure(r: Relation, role: string, figure: Figure): Relation {
  const m = /^(parts|factors)\[(\d+)\]$/u.exec(role);
  if (m) {
    const key = m[1] as 'parts' | 'factors';
    const list = [...((r as Record<string, unknown>)[key] as Figure[])];
    list[Number(m[2])] = figure;
    return { ...r, [key]: list } as Relation;
  }
  return { ...r, [role]: figure } as Relation;
}

/** Same place in the text: line, text and occurrence. */
export const sameFigure = (a: Figure, b: Figure): boolean => a.line === b.line && a.text === b.text && (a.nth ?? 0) === (b.nth ?? 0);

/** Every line a relation's figures and words are on. */
export function linesOf(r: Relation): number[] {
  const lines = figuresOf(r).map((f) => f.figure.line);
  if (r.kind === 'grade') lines.push(r.grade.line);
  if (r.kind === 'count') lines.push(...r.itemLines);
  return [...new Set(lines)].sort((a, b) => a - b);
}

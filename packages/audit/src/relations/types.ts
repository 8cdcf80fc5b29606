/**
 * Relations between written figures — the unit of the document audit (issue 13).
 *
 * Every extractor (sentences of the narrative, grids of any table, the model when a template was mapped)
 * states what it read as relations: a total and its parts, a rate and its terms, a score and its points …
 * Each figure keeps where it was written. The relation engine (`evaluate.ts`) confronts every relation
 * with the rounding intervals of its figures (XBRL Calculations 1.1: a figure written with d decimals
 * stands for v ± ½·10⁻ᵈ; exact figures — counts, points, scores, years — have no interval), localizes the
 * figure to report when relations fail (Fellegi–Holt: the one figure whose change satisfies the most
 * failed relations — the cell that breaks a row total and a column total at once; Scholtus: a correction
 * within one Damerau–Levenshtein edit of the written digits is likely the true value) and reports one
 * finding per error at that figure, with `stated` the written value and `expected` the value that
 * restores the relations, both as numbers.
 *
 * A new relation kind is one file in this folder with its table test (and its rows in the eval's labels).
 * Reference: Statistics Netherlands' `validate` (rules as data: holds / violated / not evaluable),
 * `errorlocate`, `deducorrect`; REAL-REPORTS.md.
 * @module
 */
import type { Dec, Evaluation, Scheme, Severity } from '@jixiao/core';
import type { SourceDocument } from '@jixiao/documents';

/** A figure as the document writes it. */
export type Figure = {
  /** The value as written, in `unit` (money in 万元 unless the relation is about 元 vs 万元). */
  readonly value: Dec;
  /** The figure exactly as written, with its unit: "6,506.26万元", "84.11%". */
  readonly written: string;
  /** What it is, in Chinese, for messages: 「公务接待费预算」, 「产出指标得分」, 「第 5 行 全年执行数」. */
  readonly label: string;
  /** 1-based source line. */
  readonly line: number;
  /** The clause or table row around it, as written. */
  readonly excerpt?: string;
  /** Counts, points, scores and years are exact: no rounding interval. */
  readonly exact?: boolean;
  /** Half the last written unit when coarser than the value's scale (1.2亿元 → 50万元). */
  readonly tolerance?: Dec;
  /** The unit truncates instead of rounding (the interval is [v, v + 10⁻ᵈ)). */
  readonly truncated?: boolean;
  /** The figure's cell, when it is in a table: 附件1-2 第 5 行第 3 列. */
  readonly cell?: { readonly table: number; readonly row: number; readonly col: number };
};

/** How sure the reading that produced the relation is. */
export const Confidence = {
  /** The text or the table's structure says it unambiguously (合计 row; 分别为; 共N项 with every item): an error. */
  certain: 'certain',
  /** A likely reading (a 其中 list that may be partial; a column taken as a total by position): a warning that says what it assumed. */
  likely: 'likely',
} as const;
export type Confidence = (typeof Confidence)[keyof typeof Confidence];

type Base = {
  /** The extractor that read it (its check id, kebab-case): `grid-sum`, `sentence-breakdown` … */
  readonly source: string;
  readonly confidence: Confidence;
  /** For a likely reading: what was assumed, in Chinese (「按“其中”所列分项为全部分项」). */
  readonly assumption?: string;
};

export type SumRelation = Base & {
  readonly kind: 'sum';
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** A 其中 list that may leave parts out: violated only when the parts exceed the total (and no subset meets it). */
  readonly partial?: boolean;
};
/** Points or scores of indicators against their block header (产出指标(50分)) or the 总分: all exact. */
export type ScoreSumRelation = Base & { readonly kind: 'score-sum'; readonly total: Figure; readonly parts: readonly Figure[] };
/** rate = numerator ÷ denominator × factor (100 for %, 1000 for ‰). */
export type RateRelation = Base & { readonly kind: 'rate'; readonly rate: Figure; readonly numerator: Figure; readonly denominator: Figure; readonly factor?: number };
/** rate = (current − previous) ÷ previous × 100; a written 下降/减少 N% is `decrease`. */
export type GrowthRelation = Base & { readonly kind: 'growth'; readonly rate: Figure; readonly current: Figure; readonly previous: Figure; readonly decrease?: boolean };
/** result = minuend − subtrahend (结余 = 预算 − 支出; 比上年增加 = 本年 − 上年). */
export type DifferenceRelation = Base & { readonly kind: 'difference'; readonly result: Figure; readonly minuend: Figure; readonly subtrahend: Figure };
/** result = Π factors (a factor marked percent counts /100), capped at `cap` when given (funds 得分 = 分值 × 执行率 ≤ 分值). */
export type ProductRelation = Base & {
  readonly kind: 'product';
  readonly result: Figure;
  readonly factors: readonly (Figure & { readonly percent?: boolean })[];
  readonly cap?: Figure;
};
/** score ≤ points. */
export type CapRelation = Base & { readonly kind: 'cap'; readonly score: Figure; readonly points: Figure };
/** The grade is the band of the score; bands from highest to lowest, min inclusive. */
export type GradeRelation = Base & {
  readonly kind: 'grade';
  readonly score: Figure;
  readonly grade: { readonly text: string; readonly line: number };
  readonly bands: readonly { readonly grade: string; readonly min: Dec }[];
};
/** A stated count against the items listed (before or after it). */
export type CountRelation = Base & { readonly kind: 'count'; readonly count: Figure; readonly items: readonly string[] };
/** One quantity stated twice (same referent); `全部到位` as the two amounts. */
export type EqualRelation = Base & { readonly kind: 'equal'; readonly a: Figure; readonly b: Figure };
/** The same amount in 元 (a) and in 万元 (b): a = b × 10,000. */
export type UnitRelation = Base & { readonly kind: 'unit'; readonly a: Figure; readonly b: Figure };
/** A year in a title or heading against the evaluated year. */
export type YearRelation = Base & { readonly kind: 'year'; readonly year: Figure; readonly evaluatedYear: number };

export type Relation =
  | SumRelation | ScoreSumRelation | RateRelation | GrowthRelation | DifferenceRelation | ProductRelation
  | CapRelation | GradeRelation | CountRelation | EqualRelation | UnitRelation | YearRelation;

export type RelationKind = Relation['kind'];

/** A relation confronted with its figures. */
export type Verdict = 'holds' | 'violated' | 'not-evaluable';

/** The figure the engine reports for one or more failed relations, and the value that restores them. */
export type Localized = {
  readonly figure: Figure;
  /** The value, at the figure's written precision, that makes every relation it is blamed for hold. */
  readonly expected: Dec;
  readonly relations: readonly Relation[];
  readonly severity: Severity;
  /** Within one edit of the written digits (a digit changed, two swapped, a point shifted). */
  readonly typo: boolean;
};

/**
 * What an extractor reads relations from: the document as read, the model when a template was mapped, and
 * the evaluated year when known. Extractors are pure and never report: the engine judges every relation.
 */
export type ExtractorInput = {
  readonly doc: SourceDocument;
  readonly evaluation: Evaluation | null;
  readonly scheme: Scheme | null;
  readonly year: number | null;
};

/** One extractor: a file with its id (kebab-case), a Chinese description and its table test. */
export type Extractor = {
  readonly id: string;
  readonly description: string;
  readonly extract: (input: ExtractorInput) => readonly Relation[];
};

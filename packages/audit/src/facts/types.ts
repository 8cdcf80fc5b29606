/**
 * Facts stated in the narrative of a report, and the shape of the checks that read them.
 *
 * A fact is one figure the text states, with what it is about (its label), its unit, its kind and where it
 * is. Checks over facts and over the text itself are one file each, with metadata like the core's checks,
 * and report findings in the core's `Finding` shape.
 * @module
 */
import type { CheckMeta, Dec, Evaluation, Finding, Scheme, Severity } from '@jixiao/core';
import type { SourceLine } from '@jixiao/documents';

export const FactKind = {
  amount: 'amount',
  count: 'count',
  rate: 'rate',
  score: 'score',
  other: 'other',
} as const;
export type FactKind = (typeof FactKind)[keyof typeof FactKind];

/**
 * What the figure is of the quantity: its budget (预算), what was spent or done (实际/决算/执行), last year's
 * (上年), a target (年度指标/预计/计划), a change on last year (比上年增加/减少), what is left (结余/盈余),
 * the points of a group (总分/分值) or its score (得分).
 */
export const Qualifier = {
  budget: 'budget',
  actual: 'actual',
  prior: 'prior',
  target: 'target',
  increase: 'increase',
  decrease: 'decrease',
  balance: 'balance',
  points: 'points',
  score: 'score',
} as const;
export type Qualifier = (typeof Qualifier)[keyof typeof Qualifier];

export const QUALIFIER_NAMES: Record<Qualifier, string> = {
  budget: '预算',
  actual: '实际',
  prior: '上年',
  target: '目标',
  increase: '比上年增加',
  decrease: '比上年减少',
  balance: '结余',
  points: '总分',
  score: '得分',
};

export type Fact = {
  /** The quantity as the text names it, with its subject when the nearby words are generic: 公务接待费预算, 产出指标得分. */
  readonly label: string;
  /** The value in `unit`; money normalised to 万元 exactly. */
  readonly value: Dec;
  /** 万元, %, 分, 人, 个, 件, 本, 万本, 平方米 … (money is always 万元). */
  readonly unit: string;
  readonly kind: FactKind;
  /** 1-based source line of the figure. */
  readonly line: number;
  /** The clause around the figure, as written. */
  readonly excerpt: string;
  readonly qualifier?: Qualifier;
  /** The quantity without qualifier words (公务接待费 for 公务接待费预算); '' when the text does not name it. */
  readonly subject: string;
  /** The figure as written, with its unit: "6,506.26万元". */
  readonly written: string;
  /** ≥ / ≤ / > / < written before the figure, or 以上/以下 after it: a bound, not a measured value. */
  readonly comparison?: '≥' | '≤' | '>' | '<';
  /** 约, 近, 余, 多, 左右 …: not an exact figure. */
  readonly approximate?: boolean;
  /** The upper end of a range (19-29批次). */
  readonly upper?: Dec;
  /** A year named in the same clause (2021年增减挂钩项目资金 → 2021). */
  readonly year?: number;
  /** For counts: what is counted when it follows the figure (13个楼盘 → 楼盘). */
  readonly noun?: string;
  /** The words after the figure up to the end of the clause (1个有扣分 → 有扣分). */
  readonly after: string;
  /** A month or day the label named (3月底完成…): figures of different times are different figures. */
  readonly period?: string;
  /** The label named the unit itself (本局项目预算, 衡阳县自然资源局2022年收入预算): a figure of the whole unit. */
  readonly selfReference?: boolean;
  /** Where the label came from: the words before the figure, the sentence's subject, or the counted noun. */
  readonly labelSource: 'before' | 'context' | 'after';
  /** Half the last written digit in `unit` when coarser than `value.scale` says (1.2亿元 → 50万元). */
  readonly tolerance?: Dec;
};

/** A fact with its place in the passage structure; what relations work on. */
export type PlacedFact = Fact & {
  readonly index: number;
  readonly block: number;
  readonly sentence: number;
  /** Clauses are split at ，；：、 and brackets. */
  readonly clause: number;
  /** Offsets of the figure (with unit) in the block text. */
  readonly start: number;
  readonly end: number;
  /** The fact whose figure the bracket containing this one follows: 人员经费6,506.26万元（工资福利支出…）. */
  readonly parenOf?: number;
  /** The top-level section (一、二、…) the block is in, -1 before the first. */
  readonly section: number;
  /** The part under the nearest heading the block is in. */
  readonly subsection: number;
};

/** A paragraph of narrative: lines joined, with the source line of every offset. */
export type Block = {
  readonly index: number;
  readonly text: string;
  readonly firstLine: number;
  /** Source line of each character offset. */
  readonly lineAt: readonly number[];
  /** Sentences: [start, end) offsets, split at 。！？ */
  readonly sentences: readonly (readonly [number, number])[];
  /** A heading: short, no sentence punctuation. */
  readonly isHeading: boolean;
  readonly section: number;
  /** Counts headings: blocks under the same heading share it. */
  readonly subsection: number;
  /** In the attachment part (after a 附件1-1 / 附表 line): template notes there belong to the tables. */
  readonly inAttachments: boolean;
};

export type TextReport = {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly excerpt: string;
  readonly stated?: number | string;
  readonly expected?: number | string;
  /** A model field the finding compares with (selfEvaluation.funds.budget). */
  readonly path?: string;
  readonly related?: readonly { readonly path: string; readonly line?: number; readonly excerpt?: string }[];
  readonly severity?: Severity;
};

export type TextContext = {
  readonly file?: string;
  /** Narrative lines (table lines left out). */
  readonly lines: readonly SourceLine[];
  readonly blocks: readonly Block[];
  readonly facts: readonly PlacedFact[];
  /** The evaluated year: the model's, or the one the document names for itself; null when unknown. */
  readonly year: number | null;
  /** How the year was found, for messages. */
  readonly yearSource: string;
  /** The unit's (or project's) name, when known. */
  readonly unitName: string | null;
  /** Every text of the document outside the narrative: table cells, the model's names and duties. */
  readonly otherText: string;
  readonly evaluation: Evaluation | null;
  readonly scheme: Scheme | null;
};

export type TextCheck<M extends string = string> = {
  readonly id: string;
  readonly meta: CheckMeta<M>;
  readonly run: (context: TextContext, report: (r: TextReport & { messageId: M }) => void) => void;
};

export function defineTextCheck<M extends string>(check: TextCheck<M>): TextCheck<M> {
  return check;
}

export type { Finding };

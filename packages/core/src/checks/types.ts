/**
 * The check framework: a check is one file with its metadata and a pure function that reports
 * findings as data. Reference: typescript-eslint's rule + context.report; DOMAIN.md "What a reviewer checks".
 * @module
 */
import type { Derived } from '../derive/derive.ts';
import type { Evaluation } from '../model/evaluation.ts';

export const Severity = { error: 'error', warning: 'warning', info: 'info' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const Category = {
  completeness: 'completeness',
  arithmetic: 'arithmetic',
  scoring: 'scoring',
  crossDocument: 'crossDocument',
  plausibility: 'plausibility',
  text: 'text',
} as const;
export type Category = (typeof Category)[keyof typeof Category];

export const CATEGORY_NAMES: Record<Category, string> = {
  completeness: '完整性',
  arithmetic: '算术',
  scoring: '评分',
  crossDocument: '前后一致',
  plausibility: '合理性',
  text: '文字',
};

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export type FindingLocation = {
  /** Field path in the model: selfEvaluation.indicators[3].score */
  readonly path: string;
  readonly line?: number;
  readonly excerpt?: string;
  readonly file?: string;
};

export type Finding = {
  readonly check: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  /**
   * The figure as the report states it, in the report's own unit: a number whenever the finding is about a
   * figure (the unit and any wording such as 增加/下降 are in the message); text only for words (a grade).
   */
  readonly stated?: number | string;
  /**
   * The figure the engine expects in place of `stated`: a number whenever numeric — for a change written
   * 「比上年增加」 the change in that direction (negative when the direction word is the wrong one).
   */
  readonly expected?: number | string;
  readonly location: FindingLocation;
  /** Other places the finding involves. */
  readonly related?: readonly FindingLocation[];
};

export type Report = {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly path: string;
  readonly stated?: number | string;
  readonly expected?: number | string;
  readonly related?: readonly string[];
  /** Override the default severity for this finding (e.g. a rounding-only difference). */
  readonly severity?: Severity;
};

export type CheckContext = {
  readonly evaluation: Evaluation;
  readonly derived: Derived;
  report(report: Report): void;
};

export type CheckMeta<M extends string> = {
  readonly category: Category;
  readonly description: string;
  /** The rule or template clause the check enforces. */
  readonly basis: string;
  readonly defaultSeverity: Severity;
  /** Chinese message templates with {{placeholders}}. */
  readonly messages: Readonly<Record<M, string>>;
};

export type Check<M extends string = string> = {
  readonly id: string;
  readonly meta: CheckMeta<M>;
  readonly run: (context: CheckContext & { report(report: Report & { messageId: M }): void }) => void;
};

/** Defines a check; the id must be kebab-case and equal the file name. */
export function defineCheck<M extends string>(check: Check<M>): Check<M> {
  return check;
}

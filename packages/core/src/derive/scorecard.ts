/**
 * One view of the self-evaluation table for both kinds: the funds block, the first-level headers, the
 * indicator rows, the stated total and grade, and the field path of each.
 * @module
 */
import type { Dec } from '../decimal.ts';
import type { Evaluation, Indicator } from '../model/evaluation.ts';

export type FundsBlock = {
  readonly budget: Dec | null;
  readonly received: Dec | null;
  readonly actual: Dec | null;
  readonly executionRate: Dec | null;
  readonly points: Dec | null;
  readonly score: Dec | null;
};

export type Scorecard = {
  readonly funds: FundsBlock;
  readonly fundsPath: string;
  readonly level1: readonly { readonly name: string; readonly points: Dec | null }[];
  readonly indicators: readonly Indicator[];
  /** Field path of the table: `selfEvaluation` or `` (project: top level). */
  readonly path: string;
  readonly totalPoints: Dec | null;
  readonly totalScore: Dec | null;
  readonly grade: string | null;
};

const join = (base: string, key: string): string => (base === '' ? key : `${base}.${key}`);

export function scorecardOf(evaluation: Evaluation): Scorecard | null {
  if (evaluation.kind === 'project') {
    const row = evaluation.funds.total;
    return {
      funds: row,
      fundsPath: 'funds.total',
      level1: evaluation.level1,
      indicators: evaluation.indicators,
      path: '',
      totalPoints: evaluation.totalPoints,
      totalScore: evaluation.totalScore,
      grade: evaluation.grade,
    };
  }
  const table = evaluation.selfEvaluation;
  if (!table) return null;
  return {
    funds: table.funds,
    fundsPath: 'selfEvaluation.funds',
    level1: table.level1,
    indicators: table.indicators,
    path: 'selfEvaluation',
    totalPoints: table.totalPoints,
    totalScore: table.totalScore,
    grade: table.grade,
  };
}

export const pathIn = (card: Scorecard, key: string): string => join(card.path, key);
export const indicatorPath = (card: Scorecard, index: number, field?: string): string =>
  `${pathIn(card, 'indicators')}[${index}]${field ? `.${field}` : ''}`;

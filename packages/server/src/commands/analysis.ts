/**
 * Validate + derive + check one document with the core: the work of every save, and of `check-run`.
 * @module
 */
import {
  audit, CHECKS, type Derived, DomainError, type Evaluation, type Finding, format, normalize, safeParseEvaluation, type Scheme,
  scorecardOf, selectScheme,
} from '@jixiao/core';

export type Analysis = {
  readonly evaluation: Evaluation;
  readonly scheme: Scheme;
  readonly derived: Derived;
  readonly findings: readonly Finding[];
  readonly summary: {
    readonly schemeId: string;
    readonly computedTotal: string;
    readonly computedGrade: string;
    readonly statedTotal: string | null;
    readonly errorCount: number;
    readonly warningCount: number;
    readonly infoCount: number;
  };
};

/** What a save needs of an analysis: plain data, so that it can come back from a worker thread. */
export type Checked = {
  readonly summary: Analysis['summary'];
  readonly findings: readonly Finding[];
  readonly identity: Identity;
};

export const checkedOf = (analysis: Analysis): Checked => ({ summary: analysis.summary, findings: analysis.findings, identity: identityOf(analysis.evaluation) });

/** Validates, derives and checks a document (in this thread, or in a pool of worker threads). */
export type Analyser = (document: unknown) => Promise<Checked>;

export const inlineAnalyser = (schemes: readonly Scheme[]): Analyser => async (document) => checkedOf(analyse(document, schemes));

/** The key a submitter's justification refers to: one per check and field. */
export const findingKey = (f: { readonly check: string; readonly location: { readonly path: string } } | { readonly check: string; readonly path: string }): string =>
  `${f.check}@${'location' in f ? f.location.path : f.path}`;

/** @throws DomainError `model-invalid` (field by field, in Chinese) or `scheme-not-found` */
export function analyse(document: unknown, schemes: readonly Scheme[]): Analysis {
  if (document === undefined || document === null) throw new DomainError('model-invalid', '请给出自评数据（document）');
  const parsed = safeParseEvaluation(document);
  if (!parsed.ok) throw parsed.error;
  const evaluation = parsed.value;
  const scheme = selectScheme(schemes, evaluation.kind, evaluation.schemeId);
  const { derived, findings } = audit(CHECKS, evaluation, scheme);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const stated = scorecardOf(evaluation)?.totalScore ?? null;
  return {
    evaluation,
    scheme,
    derived,
    findings,
    summary: {
      schemeId: scheme.id,
      computedTotal: format(derived.total.computed, 2, false),
      computedGrade: derived.grade.name,
      statedTotal: stated ? format(normalize(stated), normalize(stated).scale, false) : null,
      errorCount: count('error'),
      warningCount: count('warning'),
      infoCount: count('info'),
    },
  };
}

export type Identity = { readonly kind: 'department' | 'project'; readonly year: number; readonly projectName: string; readonly unitName: string | null };

/** What identifies an evaluation inside its document: kind, year and (for a project) its name. */
export function identityOf(evaluation: Evaluation): Identity {
  return evaluation.kind === 'project'
    ? { kind: 'project', year: evaluation.year, projectName: evaluation.project.name.trim(), unitName: null }
    : { kind: 'department', year: evaluation.year, projectName: '', unitName: evaluation.unit.name.trim() };
}

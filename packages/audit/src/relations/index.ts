/**
 * Relations between written figures: extractors read them (`extractors.ts`), the engine judges them
 * (`evaluate.ts`), localizes the figures to report (`localize.ts`) and reports one finding per figure
 * (`report.ts`).
 * @module
 */
import type { Finding } from '@jixiao/core';
import { evaluateRelation, figureKey, figuresOf } from './evaluate.ts';
import { EXTRACTORS } from './extractors.ts';
import { localize } from './localize.ts';
import { findingOf, gradeFinding } from './report.ts';
import type { Extractor, ExtractorInput, Relation } from './types.ts';

/** One relation per kind and set of figures: the same relation read twice is judged once. */
export function dedupeRelations(relations: readonly Relation[]): Relation[] {
  const seen = new Map<string, Relation>();
  for (const r of relations) {
    const key = `${r.kind}|${figuresOf(r).map((x) => `${x.role}:${figureKey(x.figure)}`).sort().join(';')}${r.kind === 'count' ? `|${r.items.length}` : ''}`;
    const before = seen.get(key);
    // a certain reading wins over a likely one of the same figures
    if (!before || (before.confidence === 'likely' && r.confidence === 'certain')) seen.set(key, r);
  }
  return [...seen.values()];
}

/** Every relation the extractors read from a document. */
export function extractRelations(input: ExtractorInput, extractors: readonly Extractor[] = EXTRACTORS): Relation[] {
  return dedupeRelations(extractors.flatMap((e) => e.extract(input)));
}

/** Judges relations and reports one finding per figure to report (and per wrong grade). */
export function judgeRelations(relations: readonly Relation[], file?: string): Finding[] {
  const findings = localize(relations).map((l) => findingOf(l, file));
  for (const r of relations) {
    if (r.kind !== 'grade' || evaluateRelation(r) !== 'violated') continue;
    const f = gradeFinding(r, file);
    if (f) findings.push(f);
  }
  return findings.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

/** The relation findings of a document: extract, evaluate, localize, report. */
export function relationFindings(input: ExtractorInput, extractors: readonly Extractor[] = EXTRACTORS): Finding[] {
  return judgeRelations(extractRelations(input, extractors), input.doc.file);
}

export { relationChecks, RELATION_CHECKS } from './report.ts';
export { evaluateRelation } from './evaluate.ts';
export { localize } from './localize.ts';
export { EXTRACTORS } from './extractors.ts';
export type * from './types.ts';

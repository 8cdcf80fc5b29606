/**
 * What the sentence extractors share: the narrative's facts as `facts/` reads them (once per document),
 * and a fact as a relation's figure.
 * @module
 */
import { contextOf } from '../facts/audit.ts';
import type { PlacedFact, TextContext } from '../facts/types.ts';
import type { ExtractorInput, Figure } from './types.ts';

/** The narrative's blocks and facts, built once per document (the fact checks read the same). */
export const sentenceContext = (input: Pick<ExtractorInput, 'doc' | 'evaluation' | 'scheme'>): TextContext => contextOf(input.doc, input.evaluation, input.scheme);

/** A fact as a figure: counts and scores are exact; 亿元 keeps its coarseness. */
export function figureOf(f: PlacedFact, label: string = f.label): Figure {
  return {
    value: f.value,
    written: f.written,
    label,
    line: f.line,
    excerpt: f.excerpt,
    ...(f.kind === 'count' || f.kind === 'score' ? { exact: true } : {}),
    ...(f.tolerance ? { tolerance: f.tolerance } : {}),
  };
}


/**
 * Helpers for the tests of the grid extractors: a document read from text by the real text reader (so the
 * tables come as the readers make them), and relations written as short lines a person can check by eye:
 * `rate certain 97.80%@3 = 31.69@3 ÷ 32.4@3`.
 * @module
 */
import { readDocument } from '@jixiao/documents';
import type { Extractor, Figure, Relation } from './types.ts';

const f = (x: Figure): string => `${x.written}@${x.line}`;

/** One relation as a line: kind, confidence, figures with their lines. */
export function showRelation(r: Relation): string {
  const head = `${r.kind} ${r.confidence}`;
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return `${head} ${f(r.total)} = ${r.parts.map(f).join(' + ')}`;
    case 'rate':
      return `${head} ${f(r.rate)} = ${f(r.numerator)} ÷ ${f(r.denominator)}`;
    case 'product':
      return `${head} ${f(r.result)} = ${r.factors.map(f).join(' × ')}${r.cap ? ` ≤ ${f(r.cap)}` : ''}`;
    case 'cap':
      return `${head} ${f(r.score)} ≤ ${f(r.points)}`;
    case 'equal':
      return `${head} ${f(r.a)} = ${f(r.b)}`;
    case 'grade':
      return `${head} ${r.grade.text}@${r.grade.line} of ${f(r.score)}`;
    default:
      return head;
  }
}

/** The relations an extractor reads from a text file, as lines. */
export async function extractFromText(extractor: Extractor, text: string): Promise<string[]> {
  const doc = await readDocument(new TextEncoder().encode(text), 'test.txt', {});
  return extractor.extract({ doc, evaluation: null, scheme: null, year: null }).map(showRelation);
}

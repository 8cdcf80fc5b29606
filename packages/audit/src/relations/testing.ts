/**
 * Figures and relations for the relation tests, written as a report writes them.
 * @module
 */
import { parseDec } from '@jixiao/core';
import type { SourceDocument } from '@jixiao/documents';
import { figuresOf } from './evaluate.ts';
import type { Extractor, Figure, Relation } from './types.ts';

/** A figure from its written text ("1,253.40万元", "84.11%", "12个"); the value is the number as written. */
export function fig(written: string, line = 1, extra: Partial<Figure> = {}): Figure {
  const m = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/u.exec(written);
  const value = m ? parseDec(m[0]) : null;
  if (!value) throw new Error(`不是数字：${written}`);
  return { value, written, label: extra.label ?? written, line, ...extra };
}

/** A .txt document of the given lines, as the reader gives it. */
export function textDocument(...texts: string[]): SourceDocument {
  return { file: 'test.txt', format: 'txt', lines: texts.map((text, i) => ({ line: i + 1, text })), tables: [], warnings: [] };
}

/** What an extractor reads from a text: each relation as its kind, confidence and written figures. */
export function readRelations(extractor: Extractor, ...texts: string[]): string[] {
  return extractor.extract({ doc: textDocument(...texts), evaluation: null, scheme: null, year: null }).map(describe);
}

export function describe(r: Relation): string {
  const figures = figuresOf(r).map((x) => x.figure.written).join(' ');
  return `${r.kind}${r.confidence === 'likely' ? '?' : ''}${r.kind === 'sum' && r.partial ? '(partial)' : ''} ${figures}`;
}

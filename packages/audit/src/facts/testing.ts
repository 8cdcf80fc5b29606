/**
 * Helpers for the tests of facts and text checks: a document from plain text (cells of flattened tables
 * are lines that start with a tab, rows separated by blank lines, as in the seed), and one check run over it.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation, Finding, Scheme } from '@jixiao/core';
import type { SourceCell, SourceDocument, SourceTable } from '@jixiao/documents';
import { buildContext, runTextChecks } from './audit.ts';
import type { TextCheck } from './types.ts';

/** A document from text; tab-started lines form tables (a gap of up to 6 other lines stays inside one). */
export function documentOf(text: string, file = 'test.txt'): SourceDocument {
  const raw = text.split(/\r?\n/u);
  const lines = raw.map((t, i) => ({ line: i + 1, text: t }));
  const tables: SourceTable[] = [];
  let i = 0;
  while (i < raw.length) {
    if (!(raw[i] ?? '').startsWith('\t')) {
      i++;
      continue;
    }
    const start = i;
    let last = i;
    for (let j = i + 1; j < raw.length && j - last <= 7; j++) if ((raw[j] ?? '').startsWith('\t')) last = j;
    const rows: SourceCell[][] = [];
    let row: SourceCell[] = [];
    for (let k = start; k <= last; k++) {
      const t = raw[k] ?? '';
      if (t.startsWith('\t')) row.push({ text: t.slice(1), row: rows.length, col: row.length, rowSpan: 1, colSpan: 1, line: k + 1 });
      else if (t.trim() === '' && row.length > 0 && (raw[k + 1] ?? '').startsWith('\t')) {
        rows.push(row);
        row = [];
      }
    }
    if (row.length > 0) rows.push(row);
    tables.push({ index: tables.length, line: start + 1, rows });
    i = last + 1;
  }
  return { file, format: 'txt', lines, tables, warnings: [] };
}

export const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');

/** The seed report (衡阳县自然资源局 2022), copied from /work/shared/seed. */
export const seedText = (): string => fixture('hengyang-natural-resources-2022.txt');

/** Runs one check over a text. */
export function runOn(check: TextCheck, text: string, evaluation: Evaluation | null = null, scheme: Scheme | null = null): Finding[] {
  return runTextChecks([check], buildContext(documentOf(text), evaluation, scheme));
}

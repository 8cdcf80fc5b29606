/**
 * The CPU part of storing demo data: each evaluation of a range of units generated and analysed exactly as
 * a save analyses it (`analyse`: validate, derive, every check), turned into the column values of its rows
 * (document and findings as JSON text). Runs in this thread or in a worker thread (`worker.ts`).
 * @module
 */
import type { Scheme } from '@jixiao/core';
import { type Analysis, analyse } from '../commands/analysis.ts';
import { storedFindings } from '../commands/evaluations.ts';
import { type DemoData, type DemoDefect, type DemoEvaluation, type DemoOptions, DEMO_DEFECTS } from './generate.ts';

/** What a worker thread is sent: the options to regenerate the data from, the schemes, a range of units. */
export type DemoTask = { readonly options: DemoOptions; readonly schemes: readonly Scheme[]; readonly from: number; readonly to: number };

/** One evaluation's column values (plain data: it crosses from a worker thread): the generated evaluation with its
 * document as JSON text, the summary a save computes, and its findings as JSON text. */
export type DemoRow = Omit<DemoEvaluation, 'document'> & Analysis['summary'] & {
  /** The injected defects that the check named for each found. */
  readonly found: readonly DemoDefect[];
  readonly document: string;
  readonly findings: string;
};

export function prepareDemoRows(data: DemoData, schemes: readonly Scheme[], fromUnit: number, toUnit: number): DemoRow[] {
  const rows: DemoRow[] = [];
  for (const e of data.evaluations(fromUnit, toUnit)) {
    const analysis = analyse(e.document, schemes);
    const checks = new Set(analysis.findings.map((f) => f.check));
    const s = analysis.summary;
    rows.push({
      unitIndex: e.unitIndex, year: e.year, kind: e.kind, projectName: e.projectName, status: e.status, defects: e.defects,
      found: e.defects.filter((d) => checks.has(DEMO_DEFECTS[d])),
      document: JSON.stringify(e.document), schemeId: s.schemeId, computedTotal: s.computedTotal, computedGrade: s.computedGrade,
      statedTotal: s.statedTotal, errorCount: s.errorCount, warningCount: s.warningCount, infoCount: s.infoCount,
      findings: JSON.stringify(storedFindings(analysis.findings)),
    });
  }
  return rows;
}

export type PreparedRows = { readonly rows: DemoRow[]; readonly milliseconds: number };

/** The rows of a range of units and the time they took (the profile of `storeDemo`). */
export function timedPrepare(data: DemoData, schemes: readonly Scheme[], fromUnit: number, toUnit: number): PreparedRows {
  const started = performance.now();
  const rows = prepareDemoRows(data, schemes, fromUnit, toUnit);
  return { rows, milliseconds: performance.now() - started };
}

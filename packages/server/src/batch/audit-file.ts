/**
 * One file of a batch, audited as `jixiao check` audits a report: read, map into the model, run the core's
 * checks and the document's fact and text checks (`auditDocument` of @jixiao/audit). The result is
 * plain data, so that it can come back from a worker thread and go into `batch_items` as it is.
 * @module
 */
import type { Evaluation, Finding, Scheme } from '@jixiao/core';
import { storedFindings } from '../commands/evaluations.ts';
import type { StoredFinding } from '../storage/schema.ts';

export type FileAudit = {
  readonly kind: 'department' | 'project' | null;
  readonly unitName: string | null;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly findings: StoredFinding[];
};

/** Audits one file. @throws DomainError (Chinese) when the file cannot be read at all. */
export type FileAuditor = (bytes: Uint8Array, fileName: string) => Promise<FileAudit>;

function unitNameOf(evaluation: Evaluation | null): string | null {
  if (!evaluation) return null;
  const name = evaluation.kind === 'department' ? evaluation.unit.name : (evaluation.project.implementingUnit ?? evaluation.project.supervisingDepartment);
  return name?.trim() || null;
}

/** Reads and audits one file in this thread. */
export async function auditFile(bytes: Uint8Array, fileName: string, schemes: readonly Scheme[]): Promise<FileAudit> {
  const { auditDocument } = await import('@jixiao/audit');
  const result = await auditDocument(bytes, fileName, schemes);
  // What could not be read is said as `jixiao check` says it: a note before the findings.
  const notes: Finding[] = result.warnings.map((message) => ({
    check: 'document-unreadable-part', category: 'completeness', severity: 'info', message, location: { path: '' },
  }));
  const findings = storedFindings([...notes, ...result.findings]);
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    kind: result.evaluation?.kind ?? null,
    unitName: unitNameOf(result.evaluation),
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
    findings,
  };
}

export const inlineFileAuditor = (schemes: readonly Scheme[]): FileAuditor => (bytes, fileName) => auditFile(bytes, fileName, schemes);

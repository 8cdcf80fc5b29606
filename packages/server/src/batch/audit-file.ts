/**
 * One file of a batch, audited as `jixiao check` audits a report: read, map into the model, run the core's
 * checks and the document's fact and text checks (`auditDocument` of @jixiao/audit). The result is
 * plain data, so that it can come back from a worker thread and go into `batch_items` as it is.
 * @module
 */
import type { Evaluation, Finding, Scheme } from '@jixiao/core';
import { storedFindings } from '../commands/evaluations.ts';
import type { StoredFinding } from '../storage/schema.ts';
import { type ByteSource, readWhole } from './upload.ts';

export type FileAudit = {
  readonly kind: 'department' | 'project' | null;
  readonly unitName: string | null;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  readonly findings: StoredFinding[];
};

/**
 * Audits one file, given whole or as a source read by ranges (a blob in the store: the worker thread reads
 * it, the caller never holds it whole). @throws DomainError (Chinese) when the file cannot be read at all.
 */
export type FileAuditor = (file: Uint8Array | ByteSource, fileName: string) => Promise<FileAudit>;

function unitNameOf(evaluation: Evaluation | null): string | null {
  if (!evaluation) return null;
  const name = evaluation.kind === 'department' ? evaluation.unit.name : (evaluation.project.implementingUnit ?? evaluation.project.supervisingDepartment);
  return name?.trim() || null;
}

/** Findings kept per file: the counts stay exact, the list past this is summed up in one note. */
export const MAX_FINDINGS_PER_FILE = 1000;

/** Reads and audits one file in this thread (the batch and the server call it in a worker: `file-pool.ts`). */
export async function auditFile(bytes: Uint8Array, fileName: string, schemes: readonly Scheme[]): Promise<FileAudit> {
  const { auditDocument } = await import('@jixiao/audit');
  const result = await auditDocument(bytes, fileName, schemes);
  // What could not be read is said as `jixiao check` says it: a note before the findings.
  const notes: Finding[] = result.warnings.map((message) => ({
    check: 'document-unreadable-part', category: 'completeness', severity: 'info', message, location: { path: '' },
  }));
  const all = [...notes, ...result.findings];
  const count = (severity: string) => all.filter((f) => f.severity === severity).length;
  const counts = { error: count('error'), warning: count('warning'), info: count('info') };
  // Errors first, so that what is cut is the least certain.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const kept = all.length > MAX_FINDINGS_PER_FILE ? [...all].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, MAX_FINDINGS_PER_FILE) : all;
  if (kept.length < all.length) {
    kept.push({
      check: 'document-findings-omitted', category: 'completeness', severity: 'info', location: { path: '' },
      message: `这个文件共发现 ${all.length} 个问题（错误 ${counts.error}、警告 ${counts.warning}、提示 ${counts.info}），只列出前 ${MAX_FINDINGS_PER_FILE} 个，另有 ${all.length - MAX_FINDINGS_PER_FILE} 个未列出`,
    });
  }
  return {
    kind: result.evaluation?.kind ?? null,
    unitName: unitNameOf(result.evaluation),
    counts,
    findings: storedFindings(kept),
  };
}

export const inlineFileAuditor = (schemes: readonly Scheme[]): FileAuditor => async (file, fileName) =>
  auditFile(file instanceof Uint8Array ? file : await readWhole(file), fileName, schemes);

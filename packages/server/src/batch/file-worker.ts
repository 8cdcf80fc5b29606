/**
 * The worker thread of `file-pool.ts`: reads and audits (batch) or reads and imports (`POST /api/import`)
 * each file it is sent. Any failure that is not a reader's DomainError becomes a Chinese one: a stack or
 * array that grew past what V8 allows (`RangeError`) is a file too large to audit; anything else is an
 * internal error, said in Chinese; the original message goes to the process's log only.
 * @module
 */
import { DomainError, isDomainError } from '@jixiao/core';
import { serveThread } from '../commands/analysis-pool.ts';
import { loadSchemes } from '../schemes.ts';
import { auditFile } from './audit-file.ts';
import type { FileJob, ImportedDocument } from './file-pool.ts';

const schemes = loadSchemes();
const baseName = (name: string) => name.split(/[\\/]/u).pop() || name;

async function handle(job: FileJob): Promise<unknown> {
  try {
    if (job.op === 'audit') return await auditFile(job.bytes, job.fileName, schemes);
    const { importEvaluation, readDocument } = await import('@jixiao/documents');
    const source = await readDocument(job.bytes, job.fileName, { maxBytes: job.maxBytes });
    const result = importEvaluation(source, job.kind ? { kind: job.kind } : {});
    return { document: result.input, warnings: result.unmapped, kind: result.kind, isComplete: result.evaluation !== null } satisfies ImportedDocument;
  } catch (e) {
    if (isDomainError(e)) throw e;
    // The original (English) message goes to the log of the process, never to the person.
    console.error(`读取和审核文件「${baseName(job.fileName)}」时出错：`, e);
    if (e instanceof RangeError) {
      throw new DomainError('file-too-large', `文件「${baseName(job.fileName)}」的内容超出读取和审核的能力（结构过大或过深），已停止`);
    }
    throw new DomainError('file-failed', `文件「${baseName(job.fileName)}」读取和审核时出现内部错误，已停止；请把文件交给管理员排查`);
  }
}

serveThread(handle, 'file-failed', '读取和审核文件时出现内部错误：');

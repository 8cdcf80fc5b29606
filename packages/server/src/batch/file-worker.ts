/**
 * The worker thread of `file-pool.ts`: reads and audits (batch) or reads and imports (`POST /api/import`)
 * each file it is sent. Any failure that is not a reader's DomainError becomes a Chinese one: a stack or
 * array that grew past what V8 allows (`RangeError`) is a file too large to audit; anything else is an
 * internal error, said in Chinese; the original message goes to the process's log only.
 * @module
 */
import { DomainError, isDomainError } from '@jixiao/core';
import { parentPort } from 'node:worker_threads';
import { loadSchemes } from '../schemes.ts';
import { auditFile } from './audit-file.ts';
import { expandUpload, type UploadedFile } from './upload.ts';
import type { FileJob, ImportedDocument } from './file-pool.ts';

const schemes = loadSchemes();
const baseName = (name: string) => name.split(/[\\/]/u).pop() || name;
const nameOf = (job: FileJob): string => (job.op === 'expand' ? job.files.map((f) => f.fileName).join('、') : job.fileName);

async function handle(job: FileJob): Promise<unknown> {
  try {
    if (job.op === 'audit') return await auditFile(job.bytes, job.fileName, schemes);
    if (job.op === 'expand') return await expandUpload(job.files);
    const { importEvaluation, readDocument } = await import('@jixiao/documents');
    const source = await readDocument(job.bytes, job.fileName, { maxBytes: job.maxBytes });
    const result = importEvaluation(source, job.kind ? { kind: job.kind } : {});
    return { document: result.input, warnings: result.unmapped, kind: result.kind, isComplete: result.evaluation !== null } satisfies ImportedDocument;
  } catch (e) {
    if (isDomainError(e)) throw e;
    // The original (English) message goes to the log of the process, never to the person.
    console.error(`读取和审核文件「${baseName(nameOf(job))}」时出错：`, e);
    if (e instanceof RangeError) {
      throw new DomainError('file-too-large', `文件「${baseName(nameOf(job))}」的内容超出读取和审核的能力（结构过大或过深），已停止`);
    }
    throw new DomainError('file-failed', `文件「${baseName(nameOf(job))}」读取和审核时出现内部错误，已停止；请把文件交给管理员排查`);
  }
}

// As `serveThread`, but the expanded files of an upload are transferred back, not copied.
parentPort?.on('message', async ({ id, input }: { id: number; input: FileJob }) => {
  try {
    const result = await handle(input);
    const transfer = input.op === 'expand' ? [...new Set((result as UploadedFile[]).map((f) => f.data.buffer as ArrayBuffer))] : [];
    parentPort?.postMessage({ id, ok: true, result }, transfer);
  } catch (e) {
    const error = isDomainError(e) ? { code: e.code, message: e.message, details: [...e.details] } : { code: 'file-failed', message: '读取和审核文件时出现内部错误', details: [] };
    parentPort?.postMessage({ id, ok: false, error });
  }
});

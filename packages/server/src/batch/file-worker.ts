/**
 * The worker thread of `file-pool.ts`: reads and audits (batch), reads and imports (`POST /api/import`) or
 * expands a zip of a batch upload, one job at a time. A file not sent with its job is read by ranges from
 * the pool's side (the blob store it was streamed into): whole only here, where it is parsed; a zip is
 * never whole at all (its directory, then one entry at a time, each handed back to be stored before the
 * next is read). Any failure that is not a reader's DomainError becomes a Chinese one: a stack or array
 * that grew past what V8 allows (`RangeError`) is a file too large to audit; anything else is an internal
 * error, said in Chinese; the original message goes to the process's log only.
 * @module
 */
import { DomainError, isDomainError } from '@jixiao/core';
import { parentPort } from 'node:worker_threads';
import { loadSchemes } from '../schemes.ts';
import { auditFile } from './audit-file.ts';
import type { FileJob, HostCall, HostReply, ImportedDocument } from './file-pool.ts';
import { expandZip, READ_SLICE_BYTES, readWhole, type UploadedFile } from './upload.ts';

const schemes = loadSchemes();
const baseName = (name: string) => name.split(/[\\/]/u).pop() || name;

type Call = { call: 'read'; offset: number; length: number } | { call: 'emit'; file: UploadedFile };
const waiting = new Map<number, { resolve: (bytes: Uint8Array | undefined) => void; reject: (e: unknown) => void }>();
let nextSeq = 0;

/** Asks the pool's side for something (bytes of the file, or to store a file) and waits for its answer. */
function call(id: number, request: Call, transfer: ArrayBuffer[] = []): Promise<Uint8Array | undefined> {
  const seq = nextSeq++;
  return new Promise((resolve, reject) => {
    waiting.set(seq, { resolve, reject });
    parentPort?.postMessage({ id, seq, ...request } satisfies HostCall, transfer);
  });
}

/** The job's file read by ranges from the pool's side, a slice at a time (that side never holds more). */
const sourceFor = (id: number, size: number) => ({
  size,
  async read(offset: number, length: number): Promise<Uint8Array> {
    const slice = async (at: number, n: number) => (await call(id, { call: 'read', offset: at, length: n })) ?? new Uint8Array(0);
    if (length <= READ_SLICE_BYTES) return slice(offset, length);
    const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    for (let at = 0; at < out.length; at += READ_SLICE_BYTES) {
      const piece = await slice(offset + at, Math.min(READ_SLICE_BYTES, out.length - at));
      if (piece.byteLength === 0) break;
      out.set(piece, at);
    }
    return out;
  },
});

async function handle(id: number, job: FileJob): Promise<unknown> {
  try {
    if (job.op === 'zip') {
      const tally = { ...job.tally };
      const rejected = await expandZip({ fileName: job.fileName, ...sourceFor(id, job.size) }, tally, async (file) => {
        await call(id, { call: 'emit', file }, [file.data.buffer as ArrayBuffer]);
      });
      return { rejected, tally };
    }
    const bytes = job.bytes ?? (await readWhole(sourceFor(id, job.size)));
    if (job.op === 'audit') return await auditFile(bytes, job.fileName, schemes);
    const { importEvaluation, readDocument } = await import('@jixiao/documents');
    const source = await readDocument(bytes, job.fileName, { maxBytes: job.maxBytes });
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

parentPort?.on('message', (message: { id: number; input: FileJob } | HostReply) => {
  if ('seq' in message) {
    const pending = waiting.get(message.seq);
    waiting.delete(message.seq);
    if (message.ok) pending?.resolve(message.bytes);
    else pending?.reject(new DomainError(message.error.code, message.error.message, message.error.details));
    return;
  }
  const { id, input } = message;
  handle(id, input).then(
    (result) => parentPort?.postMessage({ id, ok: true, result }),
    (e: unknown) => {
      const error = isDomainError(e) ? { code: e.code, message: e.message, details: [...e.details] } : { code: 'file-failed', message: '读取和审核文件时出现内部错误', details: [] };
      parentPort?.postMessage({ id, ok: false, error });
    },
  );
});

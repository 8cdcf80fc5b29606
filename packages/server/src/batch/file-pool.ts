/**
 * Every user's file is read (and audited) in a worker thread of this pool, never on the server's main
 * thread: batch files, `POST /api/import`. Each thread runs one file at a time under limits —
 *
 * - memory: `resourceLimits` (the JS heap; a thread past it is ended by Node, the file fails naming the
 *   limit) — the readers' own caps bound what lives outside the heap (decompressed zip entries and PDF
 *   streams, see @jixiao/documents `limits.ts`);
 * - wall clock: the whole read + audit; past it the thread is terminated and replaced.
 *
 * A file past a limit fails with a Chinese reason naming the limit (`file-too-large`, `file-timeout`),
 * never as "no findings". Files wait in this process's queue while the threads are busy.
 * @module
 */
import { Worker } from 'node:worker_threads';
import { DomainError } from '@jixiao/core';
import { bootOf } from '../commands/analysis-pool.ts';
import type { FileAudit, FileAuditor } from './audit-file.ts';
import type { UploadedFile } from './upload.ts';

export type FileLimits = {
  /** Heap of one thread, in MB. */
  readonly memoryMb: number;
  /** Read + audit of one file, in milliseconds. */
  readonly timeoutMs: number;
};

export const DEFAULT_FILE_LIMITS: FileLimits = {
  memoryMb: Number(process.env['JIXIAO_FILE_MEMORY_MB']) || 1024,
  timeoutMs: (Number(process.env['JIXIAO_FILE_SECONDS']) || 120) * 1000,
};

export type ImportedDocument = { readonly document: unknown; readonly warnings: readonly string[]; readonly kind: string | null; readonly isComplete: boolean };

export type FileJob =
  | { readonly op: 'audit'; readonly bytes: Uint8Array; readonly fileName: string }
  | { readonly op: 'expand'; readonly files: readonly UploadedFile[] }
  | { readonly op: 'import'; readonly bytes: Uint8Array; readonly fileName: string; readonly kind?: 'department' | 'project' | undefined; readonly maxBytes: number };

export type FileWorkers = {
  readonly audit: FileAuditor;
  importDocument(bytes: Uint8Array, fileName: string, options: { kind?: 'department' | 'project' | undefined; maxBytes: number }): Promise<ImportedDocument>;
  /** A batch upload's files with its zips expanded (`expandUpload`), in a thread: no inflating on the main thread. */
  expand(files: readonly UploadedFile[]): Promise<UploadedFile[]>;
  readonly size: number;
  readonly limits: FileLimits;
  close(): Promise<void>;
};

type WireError = { code: string; message: string; details: string[] };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };
type Job = { id: number; job: FileJob; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker | null; current: Job | null; timer: ReturnType<typeof setTimeout> | null };

const WORKER = new URL('./file-worker.ts', import.meta.url);
const baseName = (name: string) => name.split(/[\\/]/u).pop() || name;
const jobName = (job: FileJob): string => (job.op === 'expand' ? job.files.map((f) => baseName(f.fileName)).join('、') : baseName(job.fileName));

/** A pool of `size` threads reading and auditing files under `limits`. Threads start on first use. */
export function fileWorkers(size: number, limits: FileLimits = DEFAULT_FILE_LIMITS): FileWorkers {
  const boot = bootOf(WORKER);
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, current: null, timer: null }));
  const queue: Job[] = [];
  let nextId = 0;
  let isClosed = false;

  const settle = (slot: Slot, outcome: { ok: true; value: unknown } | { ok: false; error: unknown }) => {
    const job = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    if (job) {
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
    dispatch();
  };

  /** Ends a slot's thread (a limit was passed, or it died): its job fails with `error`; a new thread follows on demand. */
  const kill = (slot: Slot, error: DomainError) => {
    const worker = slot.worker;
    slot.worker = null;
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
    settle(slot, { ok: false, error });
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(boot, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if (slot.current?.id !== reply.id) return;
      settle(slot, reply.ok ? { ok: true, value: reply.result } : { ok: false, error: new DomainError(reply.error.code, reply.error.message, reply.error.details) });
    });
    const name = () => (slot.current ? jobName(slot.current.job) : '');
    worker.on('error', (e: Error & { code?: string }) => {
      kill(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new DomainError('file-too-large', `文件「${name()}」读取和审核时用到的内存超过 ${limits.memoryMb} MB 的上限，已停止`)
        : new DomainError('file-failed', `文件「${name()}」读取和审核时工作线程出错，已停止`));
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) kill(slot, new DomainError('file-failed', `文件「${name()}」读取和审核时工作线程意外退出（${code}），已停止`));
    });
    return worker;
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.current || queue.length === 0 || isClosed) continue;
      const job = queue.shift() as Job;
      slot.current = job;
      slot.worker ??= spawn(slot);
      slot.timer = setTimeout(() => {
        kill(slot, new DomainError('file-timeout', `文件「${jobName(job.job)}」读取和审核超过 ${Math.round(limits.timeoutMs / 1000)} 秒的时间上限，已停止`));
      }, limits.timeoutMs);
      slot.timer.unref?.();
      // Copied, not transferred: the caller's bytes stay usable.
      slot.worker.postMessage({ id: job.id, input: job.job });
    }
  };

  const run = <T>(job: FileJob): Promise<T> => {
    if (isClosed) return Promise.reject(new DomainError('file-failed', '读取文件的工作线程已停止'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve: resolve as (v: unknown) => void, reject });
      dispatch();
    });
  };

  return {
    audit: (bytes, fileName) => run<FileAudit>({ op: 'audit', bytes, fileName }),
    expand: (files) => run<UploadedFile[]>({ op: 'expand', files }),
    importDocument: (bytes, fileName, options) => run<ImportedDocument>({ op: 'import', bytes, fileName, kind: options.kind, maxBytes: options.maxBytes }),
    size: slots.length,
    limits,
    async close() {
      isClosed = true;
      const stopped = new DomainError('file-failed', '读取文件的工作线程已停止');
      for (const job of queue.splice(0)) job.reject(stopped);
      await Promise.all(slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = null;
        if (slot.timer) clearTimeout(slot.timer);
        slot.current?.reject(stopped);
        slot.current = null;
        if (worker) {
          worker.removeAllListeners();
          await worker.terminate();
        }
      }));
    },
  };
}

let shared: FileWorkers | null = null;
/** The process's pool for files read on request (`POST /api/import`): one thread, started on first use. */
export const sharedFileWorkers = (): FileWorkers => (shared ??= fileWorkers(Number(process.env['JIXIAO_IMPORT_WORKERS']) || 1));

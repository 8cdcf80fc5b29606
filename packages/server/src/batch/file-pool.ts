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
import type { ByteSource, UploadedFile, UploadSource, UploadTally } from './upload.ts';

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

/**
 * A job as posted to the thread. Without `bytes`, the thread reads the file by ranges from this side
 * (`read` calls answered from the blob store), so the file is whole only in the thread that parses it.
 */
export type FileJob =
  | { readonly op: 'audit'; readonly fileName: string; readonly size: number; readonly bytes?: Uint8Array | undefined }
  | { readonly op: 'zip'; readonly fileName: string; readonly size: number; readonly tally: UploadTally }
  | {
    readonly op: 'import'; readonly fileName: string; readonly size: number; readonly bytes?: Uint8Array | undefined;
    readonly kind?: 'department' | 'project' | undefined; readonly maxBytes: number;
  };

/** What the thread asks of this side while it works: bytes of its file, or to store a file it produced. */
export type HostCall =
  | { readonly id: number; readonly seq: number; readonly call: 'read'; readonly offset: number; readonly length: number }
  | { readonly id: number; readonly seq: number; readonly call: 'emit'; readonly file: UploadedFile };
export type HostReply = { id: number; seq: number; ok: true; bytes?: Uint8Array } | { id: number; seq: number; ok: false; error: { code: string; message: string; details: string[] } };

type Host = { readonly read?: ByteSource['read']; readonly emit?: (file: UploadedFile) => Promise<void> };

export type FileWorkers = {
  readonly audit: FileAuditor;
  importDocument(file: Uint8Array | ByteSource, fileName: string, options: { kind?: 'department' | 'project' | undefined; maxBytes: number }): Promise<ImportedDocument>;
  /**
   * Expands a zip of a batch upload in a thread (`expandZip`): the thread reads the zip by ranges from
   * `source` and hands each report entry to `emit`, one at a time. Returns the entries refused; `tally` is updated.
   */
  expandZip(source: UploadSource, tally: UploadTally, emit: (file: UploadedFile) => Promise<void>): Promise<string[]>;
  readonly size: number;
  readonly limits: FileLimits;
  close(): Promise<void>;
};

type WireError = { code: string; message: string; details: string[] };
type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: WireError };
type Job = { id: number; job: FileJob; host: Host; resolve: (v: unknown) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker | null; current: Job | null; timer: ReturnType<typeof setTimeout> | null };

const WORKER = new URL('./file-worker.ts', import.meta.url);
const baseName = (name: string) => name.split(/[\\/]/u).pop() || name;
const jobName = (job: FileJob): string => baseName(job.fileName);
const wireError = (e: unknown): WireError =>
  e instanceof DomainError ? { code: e.code, message: e.message, details: [...e.details] } : { code: 'file-failed', message: '读取文件内容时出错', details: [] };

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
    worker.on('message', (reply: Reply | HostCall) => {
      if (slot.current?.id !== reply.id) return;
      if ('call' in reply) {
        answer(slot, worker, slot.current, reply);
        return;
      }
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

  /** Answers the thread's call for bytes (copied into a buffer of their own and transferred) or to store a file. */
  const answer = (slot: Slot, worker: Worker, job: Job, call: HostCall) => {
    const work = async (): Promise<Uint8Array | undefined> => {
      if (call.call === 'read') {
        if (!job.host.read) throw new DomainError('file-failed', '工作线程要读取的文件不可读');
        return (await job.host.read(call.offset, call.length)).slice();
      }
      if (!job.host.emit) throw new DomainError('file-failed', '工作线程交回的文件无处存放');
      await job.host.emit(call.file);
      return undefined;
    };
    const alive = () => slot.worker === worker && slot.current === job;
    work().then(
      (bytes) => {
        if (alive()) worker.postMessage({ id: call.id, seq: call.seq, ok: true, ...(bytes ? { bytes } : {}) } satisfies HostReply, bytes ? [bytes.buffer as ArrayBuffer] : []);
      },
      (e: unknown) => {
        if (alive()) worker.postMessage({ id: call.id, seq: call.seq, ok: false, error: wireError(e) } satisfies HostReply);
      },
    );
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

  const run = <T>(job: FileJob, host: Host = {}): Promise<T> => {
    if (isClosed) return Promise.reject(new DomainError('file-failed', '读取文件的工作线程已停止'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ id: nextId++, job, host, resolve: resolve as (v: unknown) => void, reject });
      dispatch();
    });
  };
  /** Bytes go along with the job; a source stays here and is read by the thread as it needs it. */
  const fileOf = (file: Uint8Array | ByteSource) =>
    file instanceof Uint8Array ? { job: { size: file.byteLength, bytes: file }, host: {} } : { job: { size: file.size }, host: { read: file.read } };

  return {
    audit: (file, fileName) => {
      const { job, host } = fileOf(file);
      return run<FileAudit>({ op: 'audit', fileName, ...job }, host);
    },
    async expandZip(source, tally, emit) {
      const done = await run<{ rejected: string[]; tally: UploadTally }>({ op: 'zip', fileName: source.fileName, size: source.size, tally: { ...tally } }, { read: source.read, emit });
      Object.assign(tally, done.tally);
      return done.rejected;
    },
    importDocument: (file, fileName, options) => {
      const { job, host } = fileOf(file);
      return run<ImportedDocument>({ op: 'import', fileName, ...job, kind: options.kind, maxBytes: options.maxBytes }, host);
    },
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

/**
 * Validate + derive + check in worker threads, so that the CPU work of a save neither blocks the event
 * loop (reads keep flowing while saves are checked) nor stays on one core. Results are plain data
 * (`Checked`); a DomainError keeps its code and message.
 *
 * `threadPool` is the general part (any worker module written with `serveThread`): the batch audit runs
 * its files through one too.
 * @module
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, type Transferable, Worker } from 'node:worker_threads';
import { DomainError, isDomainError } from '@jixiao/core';
import type { Analyser, Checked } from './analysis.ts';

type WireError = { code: string; message: string; details: string[] };
type Reply<O> = { id: number; ok: true; result: O } | { id: number; ok: false; error: WireError };
type Pending<O> = { resolve: (c: O) => void; reject: (e: unknown) => void };

// The workers are TypeScript: a small ES module registers tsx's loader in the worker, then imports the
// worker module — however the parent was started (node --import tsx, vitest).
const TSX_ESM_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
export const bootOf = (worker: URL): URL =>
  new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(TSX_ESM_API)}; register(); await import(${JSON.stringify(worker.href)});`)}`);

export type ThreadPool<I, O> = ((input: I, transfer?: readonly Transferable[]) => Promise<O>) & { readonly size: number; close(): Promise<void> };

/**
 * A pool of `size` worker threads running `worker` (a module that calls `serveThread`); each call goes to
 * the least busy thread. A thread that dies is replaced; its pending calls fail.
 */
export function threadPool<I, O>(worker: URL, size: number, failureCode = 'thread-failed'): ThreadPool<I, O> {
  const boot = bootOf(worker);
  let nextId = 0;
  let isClosing = false;
  const slots: { worker: Worker; pending: Map<number, Pending<O>> }[] = [];
  const spawn = () => {
    const pending = new Map<number, Pending<O>>();
    const thread = new Worker(boot);
    thread.unref();
    const slot = { worker: thread, pending };
    thread.on('message', (reply: Reply<O>) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new DomainError(reply.error.code, reply.error.message, reply.error.details));
    });
    const fail = (e: unknown) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      const i = slots.indexOf(slot);
      if (i >= 0 && !isClosing) slots[i] = spawn();
    };
    thread.on('error', fail);
    thread.on('exit', (code) => {
      if (code !== 0 && !isClosing) fail(new DomainError(failureCode, `工作线程意外退出（${code}）`));
    });
    return slot;
  };
  for (let i = 0; i < size; i++) slots.push(spawn());
  const call = ((input: I, transfer: readonly Transferable[] = []) => {
    let slot = slots[0];
    for (const s of slots) if (slot && s.pending.size < slot.pending.size) slot = s;
    if (!slot) return Promise.reject(new Error('没有工作线程'));
    const id = nextId++;
    const target = slot;
    return new Promise<O>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, input }, [...transfer]);
    });
  }) as ThreadPool<I, O>;
  Object.assign(call, {
    size,
    async close() {
      isClosing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      for (const s of slots) {
        for (const p of s.pending.values()) p.reject(new DomainError(failureCode, '工作线程已停止'));
        s.pending.clear();
      }
    },
  });
  return call;
}

/**
 * The worker side of `threadPool`: answers each message with `handle(input)`; a DomainError travels back
 * with its code, message and details, anything else as `failureCode` with `failureMessage` + its message.
 */
export function serveThread<I, O>(handle: (input: I) => O | Promise<O>, failureCode: string, failureMessage: string): void {
  parentPort?.on('message', async ({ id, input }: { id: number; input: I }) => {
    try {
      parentPort?.postMessage({ id, ok: true, result: await handle(input) });
    } catch (e) {
      const error: WireError = isDomainError(e)
        ? { code: e.code, message: e.message, details: [...e.details] }
        : { code: failureCode, message: `${failureMessage}${(e as Error)?.message ?? String(e)}`, details: [] };
      parentPort?.postMessage({ id, ok: false, error });
    }
  });
}

export type AnalysisPool = Analyser & { readonly size: number; close(): Promise<void> };

/** A pool of `size` analysis workers (default: one per core but one, at least one). */
export function analysisPool(size = Math.max(1, availableParallelism() - 1)): AnalysisPool {
  const pool = threadPool<unknown, Checked>(new URL('./analysis-worker.ts', import.meta.url), size, 'analysis-failed');
  const analyse = ((document: unknown) => pool(document)) as AnalysisPool;
  Object.assign(analyse, { size, close: () => pool.close() });
  return analyse;
}

/**
 * Validate + derive + check in worker threads, so that the CPU work of a save neither blocks the event
 * loop (reads keep flowing while saves are checked) nor stays on one core. Falls back to this thread when
 * a worker cannot start. Results are plain data (`Checked`); a DomainError keeps its code and message.
 * @module
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '@jixiao/core';
import type { Analyser, Checked } from './analysis.ts';

type Reply = { id: number; ok: true; result: Checked } | { id: number; ok: false; error: { code: string; message: string; details: string[] } };
type Pending = { resolve: (c: Checked) => void; reject: (e: unknown) => void };

const WORKER = new URL('./analysis-worker.ts', import.meta.url);
// The worker is TypeScript: a small ES module registers tsx's loader in the worker, then imports it —
// however the parent was started (node --import tsx, vitest).
const TSX_ESM_API = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const BOOT = new URL(`data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(TSX_ESM_API)}; register(); await import(${JSON.stringify(WORKER.href)});`)}`);

export type AnalysisPool = Analyser & { readonly size: number; close(): Promise<void> };

/** A pool of `size` workers (default: one per core but one, at least one). */
export function analysisPool(size = Math.max(1, availableParallelism() - 1)): AnalysisPool {
  let nextId = 0;
  const workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  const spawn = () => {
    const pending = new Map<number, Pending>();
    const worker = new Worker(BOOT);
    worker.unref();
    const slot = { worker, pending };
    worker.on('message', (reply: Reply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new DomainError(reply.error.code, reply.error.message, reply.error.details));
    });
    const fail = (e: unknown) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
      const i = workers.indexOf(slot);
      if (i >= 0) workers[i] = spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && !isClosing) fail(new Error(`审核线程意外退出（${code}）`));
    });
    return slot;
  };
  let isClosing = false;
  for (let i = 0; i < size; i++) workers.push(spawn());
  const analyse = ((document: unknown) => {
    // the least busy worker
    let slot = workers[0];
    for (const w of workers) if (slot && w.pending.size < slot.pending.size) slot = w;
    if (!slot) return Promise.reject(new Error('没有审核线程'));
    const id = nextId++;
    const target = slot;
    return new Promise<Checked>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, document });
    });
  }) as AnalysisPool;
  Object.assign(analyse, {
    size,
    async close() {
      isClosing = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  });
  return analyse;
}

/**
 * The batch workers of a process: the server's own (`JIXIAO_BATCH_WORKERS`, default 1) and those of
 * `jixiao worker`. Each loop audits in a worker thread of its own.
 * @module
 */
import type { Database } from '../storage/database.ts';
import { fileWorkers } from './file-pool.ts';
import { type BatchWorkerOptions, type BatchWorkers, startBatchWorkers } from './worker.ts';

export type RunningBatchWorkers = Pick<BatchWorkers, 'wake' | 'stopped'> & { readonly concurrency: number; readonly processed: number; close(): Promise<void> };

export async function runBatchWorkers(
  database: Database,
  concurrency: number,
  options: Omit<BatchWorkerOptions, 'database' | 'audit' | 'concurrency' | 'abort'> = {},
): Promise<RunningBatchWorkers> {
  if (concurrency <= 0) return { concurrency: 0, processed: 0, wake: () => undefined, stopped: Promise.resolve(), close: async () => undefined };
  const pool = fileWorkers(concurrency);
  try {
    const workers = await startBatchWorkers({ ...options, database, audit: pool.audit, concurrency, abort: () => pool.close(), itemTimeoutMs: pool.limits.timeoutMs });
    return {
      concurrency,
      get processed() {
        return workers.processed;
      },
      wake: workers.wake,
      stopped: workers.stopped,
      async close() {
        await workers.close();
        await pool.close();
      },
    };
  } catch (e) {
    await pool.close();
    throw e;
  }
}

/** The server's workers: LISTEN on PostgreSQL, so batches created by another server wake them too. */
export const startServerBatchWorkers = (database: Database, config: { readonly batchWorkers?: number | undefined; readonly databaseUrl: string | undefined }) =>
  runBatchWorkers(database, config.batchWorkers ?? 1, { listenUrl: config.databaseUrl });

/**
 * Batch workers: `concurrency` loops that claim an item, read its bytes, audit it (in a worker thread, see
 * `audit-pool.ts`), store the result or the file's Chinese error, and go on. The server runs them in its
 * own process; `jixiao worker` runs them in a process of their own against the same database, on any
 * machine. Idle loops sleep until woken (a batch created in this process; on PostgreSQL also
 * LISTEN/NOTIFY from other processes) or until the poll interval passes.
 *
 * A file that throws fails alone; a database error is logged and the loop goes on (the item's lease runs
 * out and the item is claimed again). On `close`, the loops finish their file (up to a grace period) or
 * put it back in the queue.
 * @module
 */
import { hostname } from 'node:os';
import { isDomainError } from '@jixiao/core';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { databaseBlobStore } from '../storage/blob-store.ts';
import type { Database } from '../storage/database.ts';
import { blobs as blobRows } from '../storage/schema.ts';
import type { FileAuditor } from './audit-file.ts';
import { claimNext, type ClaimedItem, completeItem, extendLease, failItem, QUEUE_DEFAULTS, releaseItem, requeueRunning } from './queue.ts';

/** The channel a new batch is announced on (PostgreSQL NOTIFY). */
export const BATCH_CHANNEL = 'jixiao_batch';

export type BatchWorkerOptions = {
  readonly database: Database;
  readonly audit: FileAuditor;
  /** Loops in this process (each audits one file at a time). */
  readonly concurrency: number;
  /** Prefix of the worker ids written to `locked_by` (default host:pid). */
  readonly name?: string;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  /** Longest sleep of an idle loop (default 1 s). */
  readonly pollMs?: number;
  /** PostgreSQL: LISTEN on this server for new batches (wakes idle loops at once). */
  readonly listenUrl?: string | undefined;
  /** Stop each loop once the queue has nothing for it (`jixiao worker --exit-when-idle`). */
  readonly exitWhenIdle?: boolean;
  /** The time limit of one file (read + audit): the lease is extended only within it (default 10 min). */
  readonly itemTimeoutMs?: number;
  /** Called when a thread pool must be stopped to end audits that outlast the grace period of `close`. */
  readonly abort?: () => Promise<void>;
  readonly log?: (line: string) => void;
  /** After each item (progress display, tests). */
  readonly onItem?: (event: { readonly item: ClaimedItem; readonly outcome: 'done' | 'failed' | 'lost' | 'released' }) => void;
};

export type BatchWorkers = {
  /** Wakes idle loops (a batch was created). */
  wake(): void;
  /** Items finished by these loops (done or failed). */
  readonly processed: number;
  /** Resolves when every loop has stopped (only happens by itself with `exitWhenIdle`). */
  readonly stopped: Promise<void>;
  /** Stops claiming; waits up to `graceMs` for the files in hand, then aborts them (back to the queue). */
  close(graceMs?: number): Promise<void>;
};

const HEARTBEAT_SHARE = 4;
/** A file still being audited after its time limit loses its lease (another worker, or failure, follows). */
const MAX_ITEM_MS = 10 * 60_000;

export async function startBatchWorkers(options: BatchWorkerOptions): Promise<BatchWorkers> {
  const { database, audit } = options;
  const db = database.db;
  const blobs = databaseBlobStore();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const leaseMs = options.leaseMs ?? QUEUE_DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? QUEUE_DEFAULTS.maxAttempts;
  const pollMs = options.pollMs ?? 1000;
  const itemTimeoutMs = options.itemTimeoutMs ?? MAX_ITEM_MS;
  const prefix = options.name ?? `${hostname()}:${process.pid}`;
  let isStopping = false;
  let processed = 0;
  let sleepers: (() => void)[] = [];
  const wake = () => {
    const woken = sleepers;
    sleepers = [];
    for (const w of woken) w();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers = sleepers.filter((s) => s !== done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.push(done);
    });

  // Embedded database: no other process can hold a claim, so whatever is running was cut off.
  if (database.engine === 'pglite') {
    const resumed = await requeueRunning(db);
    if (resumed > 0) log(`批量审核：${resumed} 个上次未完成的文件重新排队`);
  }

  let listener: pg.Client | null = null;
  if (options.listenUrl && database.engine === 'postgres') {
    listener = new pg.Client({ connectionString: options.listenUrl });
    listener.on('notification', wake);
    listener.on('error', (e) => log(`批量审核：监听新批次的连接出错（改为定时查询）：${e.message}`));
    try {
      await listener.connect();
      await listener.query(`LISTEN ${BATCH_CHANNEL}`);
    } catch (e) {
      log(`批量审核：无法监听新批次（改为每 ${pollMs} 毫秒查询一次）：${(e as Error).message}`);
      await listener.end().catch(() => undefined);
      listener = null;
    }
  }

  const work = async (item: ClaimedItem, workerId: string): Promise<void> => {
    const started = Date.now();
    const heartbeat = setInterval(() => {
      if (Date.now() - started > itemTimeoutMs) return; // past its time limit: the lease is not renewed
      extendLease(db, item.id, workerId, leaseMs).catch((e: unknown) => log(`批量审核：延长「${item.fileName}」的租约失败：${(e as Error).message}`));
    }, Math.max(50, Math.floor(leaseMs / HEARTBEAT_SHARE)));
    heartbeat.unref();
    let outcome: 'done' | 'failed' | 'lost' | 'released';
    try {
      // The thread that audits reads the file by ranges from the blob store: never whole on this thread.
      const [stored] = await db.select({ size: blobRows.size }).from(blobRows).where(eq(blobRows.key, item.blobKey));
      if (!stored) {
        outcome = (await failItem(db, item.id, workerId, { code: 'batch-file-missing', message: `文件「${item.fileName}」的内容已不在数据库中，无法审核` })) ? 'failed' : 'lost';
      } else {
        let result: Awaited<ReturnType<FileAuditor>> | null = null;
        let error: { code: string; message: string } | null = null;
        try {
          result = await audit({ size: stored.size, read: (offset, length) => blobs.read(db, item.blobKey, offset, length) }, item.fileName);
        } catch (e) {
          error = isDomainError(e) ? { code: e.code, message: e.message } : { code: 'batch-file-failed', message: `审核文件「${item.fileName}」时出现内部错误，已停止；请把文件交给管理员排查` };
        }
        if (isStopping && !result) {
          // The audit was cut off by the shutdown, not by the file.
          outcome = (await releaseItem(db, item.id, workerId)) ? 'released' : 'lost';
        } else if (result) {
          outcome = (await completeItem(db, item.id, workerId, result)) ? 'done' : 'lost';
        } else {
          outcome = (await failItem(db, item.id, workerId, error ?? { code: 'batch-file-failed', message: '审核失败' })) ? 'failed' : 'lost';
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
    if (outcome === 'done' || outcome === 'failed') processed++;
    if (outcome === 'lost') log(`批量审核：「${item.fileName}」的租约已被其他工作进程接手，本次结果未写入`);
    options.onItem?.({ item, outcome });
  };

  // Giving up on abandoned items scans the pending ones: once per lease is often enough.
  let lastSweep = 0;
  const loop = async (index: number): Promise<void> => {
    const workerId = `${prefix}#${index}`;
    while (!isStopping) {
      let item: ClaimedItem | null;
      try {
        const sweep = Date.now() - lastSweep >= leaseMs;
        if (sweep) lastSweep = Date.now();
        item = await claimNext(db, workerId, { leaseMs, maxAttempts, sweep });
      } catch (e) {
        if (isStopping) break;
        log(`批量审核：读取队列失败，${pollMs} 毫秒后重试：${(e as Error).message}`);
        await sleep(pollMs);
        continue;
      }
      if (!item) {
        if (options.exitWhenIdle) break;
        await sleep(pollMs);
        continue;
      }
      try {
        await work(item, workerId);
      } catch (e) {
        // The database failed while storing: the lease runs out and the item is claimed again.
        log(`批量审核：写入「${item.fileName}」的结果失败（租约到期后重试）：${(e as Error).message}`);
      }
    }
  };

  const loops = Array.from({ length: Math.max(0, options.concurrency) }, (_, i) => loop(i + 1));
  const stopped = Promise.all(loops).then(async () => {
    await listener?.end().catch(() => undefined);
  });

  return {
    wake,
    get processed() {
      return processed;
    },
    stopped,
    async close(graceMs = 5000) {
      isStopping = true;
      wake();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finished = await Promise.race([stopped.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
      clearTimeout(timer);
      if (!finished) {
        await options.abort?.();
        await stopped;
      }
    },
  };
}

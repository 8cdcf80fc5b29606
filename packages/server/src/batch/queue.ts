/**
 * The batch queue is the `batch_items` table itself: one implementation for PGlite and PostgreSQL. A
 * worker claims the next item with one statement —
 *
 *   UPDATE batch_items SET status = 'running', locked_by = $worker, locked_until = now() + $lease, …
 *   WHERE id = (SELECT id … WHERE queued, or running with its lease passed … FOR UPDATE SKIP LOCKED LIMIT 1)
 *   RETURNING …
 *
 * — so two workers (threads, processes, machines) never get the same item (the next item is the oldest of the
 * region, then the batch, served least recently: round-robin), and an item whose worker died
 * is claimed again once its lease has passed (`attempts` counts the claims; after `maxAttempts` the item
 * fails with a message saying so). A worker extends its lease while it works (`extendLease`). Every
 * write names the worker: a worker that lost its lease cannot overwrite the new owner's result.
 *
 * Why not pg-boss: it needs its own schema and a second connection pool, and does not run on PGlite.
 * @module
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../storage/database.ts';
import { batchItems } from '../storage/schema.ts';
import type { FileAudit } from './audit-file.ts';

export const QUEUE_DEFAULTS = {
  /** How long a claim holds without being extended. */
  leaseMs: 60_000,
  /** Claims of one item before it is given up as failed. */
  maxAttempts: 3,
} as const;

export type ClaimedItem = {
  readonly id: string;
  readonly batchId: string;
  readonly fileName: string;
  readonly blobKey: string;
  readonly attempts: number;
};

const leaseEnd = (leaseMs: number): SQL => sql`now() + ${Math.max(1, Math.round(leaseMs))} * interval '1 millisecond'`;

/**
 * Items claimed `maxAttempts` times whose worker went away each time (lease passed, or requeued after a
 * crash): failed, with a message saying so.
 */
export async function failAbandoned(db: Db, maxAttempts: number): Promise<number> {
  const rows = await db
    .update(batchItems)
    .set({
      status: 'failed',
      errorCode: 'batch-worker-lost',
      errorMessage: `审核这个文件的工作进程 ${maxAttempts} 次都没有完成（进程退出、被终止或超时），已放弃；请检查文件后重新上传`,
      lockedBy: null,
      lockedUntil: null,
      finishedAt: sql`now()`,
    })
    .where(sql`${batchItems.status} IN ('queued', 'running') AND ${batchItems.attempts} >= ${maxAttempts}
      AND (${batchItems.status} = 'queued' OR ${batchItems.lockedUntil} < now())`)
    .returning({ id: batchItems.id });
  return rows.length;
}

/** Claims the next item for `workerId`, or null when there is nothing to do. */
export async function claimNext(
  db: Db, workerId: string, options: { leaseMs?: number; maxAttempts?: number; /** Run `failAbandoned` first (default true). */ sweep?: boolean } = {},
): Promise<ClaimedItem | null> {
  const leaseMs = options.leaseMs ?? QUEUE_DEFAULTS.leaseMs;
  const maxAttempts = options.maxAttempts ?? QUEUE_DEFAULTS.maxAttempts;
  if (options.sweep ?? true) await failAbandoned(db, maxAttempts);
  // Fair: round-robin across regions, then across batches. Among the batches with work pending, the region
  // (then the batch) served least recently goes first — a region with 200 files waiting takes turns with a
  // region that sent one, instead of making it wait for all 200. The status IN (…) terms match the
  // partial index batch_items_pending_idx.
  const next = sql`(
    WITH active AS (
      SELECT DISTINCT batch_id FROM batch_items WHERE status IN ('queued', 'running')
    ), served AS (
      SELECT s.batch_id, coalesce(b.region_id, '') AS region, max(s.started_at) AS at
      FROM batch_items s JOIN batches b ON b.id = s.batch_id
      WHERE s.batch_id IN (SELECT batch_id FROM active) AND s.started_at IS NOT NULL
      GROUP BY s.batch_id, b.region_id
    ), region_served AS (
      SELECT region, max(at) AS at FROM served GROUP BY region
    )
    SELECT i.id FROM batch_items i
    JOIN batches b ON b.id = i.batch_id
    LEFT JOIN region_served r ON r.region = coalesce(b.region_id, '')
    LEFT JOIN served bs ON bs.batch_id = i.batch_id
    WHERE i.status IN ('queued', 'running') AND i.attempts < ${maxAttempts} AND (i.status = 'queued' OR i.locked_until < now())
    ORDER BY r.at NULLS FIRST, bs.at NULLS FIRST, i.queued_at, i.seq
    LIMIT 1
    FOR UPDATE OF i SKIP LOCKED)`;
  const [row] = await db
    .update(batchItems)
    .set({
      status: 'running',
      lockedBy: workerId,
      lockedUntil: leaseEnd(leaseMs),
      attempts: sql`${batchItems.attempts} + 1`,
      startedAt: sql`now()`,
    })
    .where(eq(batchItems.id, next))
    .returning({ id: batchItems.id, batchId: batchItems.batchId, fileName: batchItems.fileName, blobKey: batchItems.blobKey, attempts: batchItems.attempts });
  return row ?? null;
}

const heldBy = (itemId: string, workerId: string) => and(eq(batchItems.id, itemId), eq(batchItems.lockedBy, workerId), eq(batchItems.status, 'running'));

/** Extends the worker's lease on an item; false when the lease was lost (another worker has it). */
export async function extendLease(db: Db, itemId: string, workerId: string, leaseMs: number = QUEUE_DEFAULTS.leaseMs): Promise<boolean> {
  const rows = await db.update(batchItems).set({ lockedUntil: leaseEnd(leaseMs) }).where(heldBy(itemId, workerId)).returning({ id: batchItems.id });
  return rows.length > 0;
}

/** Stores an audited file's result; false when the lease was lost meanwhile (nothing written). */
export async function completeItem(db: Db, itemId: string, workerId: string, result: FileAudit): Promise<boolean> {
  const rows = await db
    .update(batchItems)
    .set({
      status: 'done', lockedBy: null, lockedUntil: null, finishedAt: sql`now()`, errorCode: null, errorMessage: null,
      kind: result.kind, unitName: result.unitName,
      errorCount: result.counts.error, warningCount: result.counts.warning, infoCount: result.counts.info,
      findings: result.findings,
    })
    .where(heldBy(itemId, workerId))
    .returning({ id: batchItems.id });
  return rows.length > 0;
}

/** Marks a file failed with its Chinese error; false when the lease was lost meanwhile. */
export async function failItem(db: Db, itemId: string, workerId: string, error: { code: string; message: string }): Promise<boolean> {
  const rows = await db
    .update(batchItems)
    .set({ status: 'failed', lockedBy: null, lockedUntil: null, finishedAt: sql`now()`, errorCode: error.code, errorMessage: error.message })
    .where(heldBy(itemId, workerId))
    .returning({ id: batchItems.id });
  return rows.length > 0;
}

/** Puts an item a stopping worker did not finish back in the queue (the claim is not counted). */
export async function releaseItem(db: Db, itemId: string, workerId: string): Promise<boolean> {
  const rows = await db
    .update(batchItems)
    .set({ status: 'queued', lockedBy: null, lockedUntil: null, startedAt: null, attempts: sql`greatest(${batchItems.attempts} - 1, 0)` })
    .where(heldBy(itemId, workerId))
    .returning({ id: batchItems.id });
  return rows.length > 0;
}

/**
 * Every running item back to the queue (the claim is counted): for the embedded database at start,
 * where no other process can hold a claim — items cut off by a crash are resumed at once, not after
 * their lease.
 */
export async function requeueRunning(db: Db): Promise<number> {
  const rows = await db
    .update(batchItems)
    .set({ status: 'queued', lockedBy: null, lockedUntil: null })
    .where(eq(batchItems.status, 'running'))
    .returning({ id: batchItems.id });
  return rows.length;
}

/**
 * 批量审核 commands: a finance bureau uploads report files (or zips of them); each file is queued and
 * audited in the background by the batch workers (`worker.ts`); the batch, its files' results, counts by
 * severity and by check, and an .xlsx of it all are read here. A reviewer sees the batches of their
 * region, an administrator all. Counts are aggregated by SQL over `batch_items`.
 * @module
 */
import { CHECKS, DomainError } from '@jixiao/core';
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../domain/roles.ts';
import type { Db } from '../storage/database.ts';
import { batches, batchItems, type StoredFinding } from '../storage/schema.ts';
import { defineCommand, id, type Page, paging, recordAudit, requireActor } from '../commands/registry.ts';
import { sharedFileWorkers } from './file-pool.ts';
import { StagedFile, stageFile } from './staged-file.ts';
import { MAX_BATCH_FILE_BYTES, MAX_BATCH_FILES, MAX_BATCH_UPLOAD_BYTES, REPORT_EXTENSIONS, sortUpload } from './upload.ts';
import { batchWorkbook } from './xlsx.ts';
import { BATCH_CHANNEL } from './worker.ts';

const BUREAU = ['reviewer', 'admin'] as const;

export type ItemStatus = 'queued' | 'running' | 'done' | 'failed';
export type BatchStatus = 'queued' | 'running' | 'done';
export type Counts = { error: number; warning: number; info: number };

const optionalNumber = (schema: z.ZodType<number>) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const notFound = (what: 'batch' | 'item', value: string) =>
  new DomainError(`batch${what === 'item' ? '-item' : ''}-not-found`, `找不到${what === 'batch' ? '批量审核' : '批量审核中的文件'}「${value}」，或你无权查看`);

/** The batches the actor may see: a reviewer their region's, an administrator all. */
function batchScope(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`true`;
  return actor.regionId ? eq(batches.regionId, actor.regionId) : sql`false`;
}

async function batchInScope(db: Db, actor: Actor, batchId: string) {
  const [row] = await db.select().from(batches).where(and(eq(batches.id, batchId), batchScope(actor)));
  if (!row) throw notFound('batch', batchId);
  return row;
}

const statusOf = (total: number, done: number, queued: number): BatchStatus => (done >= total ? 'done' : queued === total ? 'queued' : 'running');

/** Check names for people: the core's checks, the documents' fact and text checks. */
async function checkNames(): Promise<ReadonlyMap<string, string>> {
  const { factChecks, relationChecks, textChecks } = await import('@jixiao/audit');
  return new Map([
    ...CHECKS.map((c) => [c.id, c.meta.description] as const),
    ...[...factChecks, ...textChecks, ...relationChecks].map((c) => [c.id, c.meta.description] as const),
    ['document-unreadable-part', '文件有部分内容未能读取'] as const,
  ]);
}

const isReportName = (name: string) => (REPORT_EXTENSIONS as readonly string[]).some((ext) => name.toLowerCase().endsWith(ext));

/**
 * How an uploaded file of a batch is written as it arrives: a zip up to the upload's limit, a report up to
 * one file's limit (past it only counted, and refused by name with the others), anything else only counted.
 */
export const batchFileOptions = (fileName: string) => {
  const isZipName = fileName.toLowerCase().endsWith('.zip');
  return {
    prefix: 'batch',
    keep: isZipName || isReportName(fileName),
    maxBytes: isZipName ? MAX_BATCH_UPLOAD_BYTES : MAX_BATCH_FILE_BYTES,
  };
};

export const batchCreate = defineCommand({
  name: 'batch-create',
  summary: '上传报告文件或装有报告的 .zip 进行批量审核（在后台逐个审核）',
  access: BUREAU,
  input: z.strictObject({
    files: z
      .array(z.strictObject({ fileName: z.string().max(300), data: z.union([z.instanceof(Uint8Array), z.instanceof(StagedFile)]) }), { message: '请上传文件（files）' })
      .min(1, '请上传至少一个文件（files）')
      .max(MAX_BATCH_FILES, `一次最多上传 ${MAX_BATCH_FILES} 个文件`),
    year: optionalNumber(z.coerce.number().int().min(2000).max(2100)),
    note: z.string().trim().max(2000).optional(),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    if (actor.role === 'reviewer' && !actor.regionId) throw new DomainError('forbidden', '你的账户没有所属地区，不能进行批量审核');
    // Every file is in the blob store already (streamed there by the upload; bytes given whole — tests, tools —
    // are written the same way); zips are expanded in a worker thread that reads them by ranges and hands
    // back one entry at a time, written to the store in turn: no file is ever whole on this thread.
    const uploads: StagedFile[] = [];
    const items: { id: string; fileName: string; file: StagedFile }[] = [];
    const workers = ctx.files ?? sharedFileWorkers();
    const batchId = ctx.newId();
    const now = ctx.clock();
    try {
      for (const f of input.files) {
        uploads.push(f.data instanceof StagedFile ? f.data : await stageFile(ctx, f.fileName, (async function* whole(data) {
          yield data;
        })(f.data), batchFileOptions(f.fileName)));
      }
      await sortUpload(uploads, {
        zip: async (file, name, tally) => {
          const rejected = await workers.expandZip({ fileName: name, size: file.size, read: (offset, length) => file.read(offset, length) }, tally, async (entry) => {
            const staged = await stageFile(ctx, entry.fileName, (async function* one() {
              yield entry.data;
            })(), { prefix: 'batch', keep: true, maxBytes: MAX_BATCH_FILE_BYTES });
            items.push({ id: staged.id, fileName: entry.fileName, file: staged });
          });
          // the zip itself is not kept: its entries are
          await file.discard();
          return rejected;
        },
        keep: async (file, name) => {
          items.push({ id: file.id, fileName: name, file });
        },
      });
      await ctx.database.transaction(async (tx) => {
        await tx.insert(batches).values({
          id: batchId, regionId: actor.role === 'admin' ? null : actor.regionId, year: input.year ?? null, note: input.note || null, createdBy: actor.id, createdAt: now,
        });
        const CHUNK = 50;
        for (let start = 0; start < items.length; start += CHUNK) {
          const rows = items.slice(start, start + CHUNK);
          for (const r of rows) await r.file.blob?.link(tx);
          await tx.insert(batchItems).values(rows.map((r, i) => ({
            id: r.id, batchId, seq: start + i + 1, fileName: r.fileName, size: r.file.size, blobKey: r.file.blob?.key ?? '', queuedAt: now,
          })));
        }
        await recordAudit(tx, ctx, {
          action: 'batch-create', entityType: 'batch', entityId: batchId,
          summary: `批量审核：上传 ${items.length} 个文件${input.year ? `（${input.year} 年度）` : ''}`,
          reason: input.note || null,
          details: { files: items.map((f) => f.fileName).slice(0, 200), total: items.length },
        });
        // Workers in other processes LISTEN on PostgreSQL; delivered when the transaction commits.
        if (ctx.database.engine === 'postgres') await tx.execute(sql`SELECT pg_notify(${BATCH_CHANNEL}, ${batchId})`);
      });
    } catch (e) {
      for (const file of new Set([...uploads, ...items.map((r) => r.file)])) await file.discard();
      throw e;
    }
    // files the batch did not take (archiver junk) are not kept
    const taken = new Set(items.map((r) => r.file));
    for (const file of uploads) if (!taken.has(file)) await file.discard();
    const files = items;
    ctx.onBatchQueued?.();
    return { id: batchId, total: files.length };
  },
});

type Aggregate = { total: number; done: number; failed: number; queued: number; errors: number; warnings: number; infos: number };

const AGGREGATES = sql`
  count(i.id)::int AS total,
  (count(*) FILTER (WHERE i.status IN ('done', 'failed')))::int AS done,
  (count(*) FILTER (WHERE i.status = 'failed'))::int AS failed,
  (count(*) FILTER (WHERE i.status = 'queued'))::int AS queued,
  coalesce(sum(i.error_count), 0)::int AS errors,
  coalesce(sum(i.warning_count), 0)::int AS warnings,
  coalesce(sum(i.info_count), 0)::int AS infos`;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type BatchSummary = {
  id: string; createdAt: string; createdBy: string; note: string | null; year: number | null; status: BatchStatus;
  total: number; done: number; failed: number; errors: number; warnings: number;
};

export const batchList = defineCommand({
  name: 'batch-list',
  summary: '列出批量审核（财政审核看本地区的，管理员看全部），含进度与问题数',
  access: BUREAU,
  input: z.strictObject({ ...paging }),
  async run(ctx, input): Promise<Page<BatchSummary>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const where = batchScope(actor);
    const [total] = await db.select({ n: count() }).from(batches).where(where);
    const scope = actor.role === 'admin' ? sql`true` : actor.regionId ? sql`b.region_id = ${actor.regionId}` : sql`false`;
    const found = await rows<Aggregate & { id: string; created_at: Date | string; created_by: string; note: string | null; year: number | null }>(db, sql`
      WITH page AS (
        SELECT b.* FROM batches b WHERE ${scope}
        ORDER BY b.created_at DESC, b.id LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize})
      SELECT p.id, p.created_at, u.display_name AS created_by, p.note, p.year, ${AGGREGATES}
      FROM page p JOIN users u ON u.id = p.created_by LEFT JOIN batch_items i ON i.batch_id = p.id
      GROUP BY p.id, p.created_at, u.display_name, p.note, p.year
      ORDER BY p.created_at DESC, p.id`);
    return {
      items: found.map((r) => ({
        id: r.id, createdAt: new Date(r.created_at).toISOString(), createdBy: r.created_by, note: r.note, year: r.year,
        status: statusOf(r.total, r.done, r.queued), total: r.total, done: r.done, failed: r.failed, errors: r.errors, warnings: r.warnings,
      })),
      total: total?.n ?? 0,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export type BatchItemSummary = {
  id: string; seq: number; fileName: string; size: number; status: ItemStatus; attempts: number;
  error: { code: string; message: string } | null; kind: 'department' | 'project' | null; unitName: string | null; counts: Counts;
};

const itemError = (i: { errorCode: string | null; errorMessage: string | null }) => (i.errorCode ? { code: i.errorCode, message: i.errorMessage ?? '' } : null);
const itemCounts = (i: { errorCount: number | null; warningCount: number | null; infoCount: number | null }): Counts => ({
  error: i.errorCount ?? 0, warning: i.warningCount ?? 0, info: i.infoCount ?? 0,
});

/** A batch with its files and counts (the data of `batch-get` and of the export). */
export async function loadBatch(db: Db, actor: Actor, batchId: string) {
  const b = await batchInScope(db, actor, batchId);
  const [aggregate] = await rows<Aggregate & { created_by: string }>(db, sql`
    SELECT (SELECT display_name FROM users WHERE id = ${b.createdBy}) AS created_by, ${AGGREGATES}
    FROM batch_items i WHERE i.batch_id = ${b.id}`);
  const a = aggregate ?? { total: 0, done: 0, failed: 0, queued: 0, errors: 0, warnings: 0, infos: 0, created_by: '' };
  const byCheck = await rows<{ check: string; severity: string; findings: number; files: number }>(db, sql`
    SELECT f ->> 'check' AS check, f ->> 'severity' AS severity, count(*)::int AS findings, count(DISTINCT i.id)::int AS files
    FROM batch_items i CROSS JOIN LATERAL jsonb_array_elements(i.findings) AS f
    WHERE i.batch_id = ${b.id} AND i.findings IS NOT NULL
    GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`);
  const items = await db
    .select({
      id: batchItems.id, seq: batchItems.seq, fileName: batchItems.fileName, size: batchItems.size, status: batchItems.status, attempts: batchItems.attempts,
      errorCode: batchItems.errorCode, errorMessage: batchItems.errorMessage, kind: batchItems.kind, unitName: batchItems.unitName,
      errorCount: batchItems.errorCount, warningCount: batchItems.warningCount, infoCount: batchItems.infoCount,
    })
    .from(batchItems)
    .where(eq(batchItems.batchId, b.id))
    .orderBy(asc(batchItems.seq));
  const names = await checkNames();
  return {
    id: b.id,
    createdAt: b.createdAt.toISOString(),
    createdBy: a.created_by,
    note: b.note,
    year: b.year,
    status: statusOf(a.total, a.done, a.queued),
    total: a.total,
    done: a.done,
    failed: a.failed,
    counts: { error: a.errors, warning: a.warnings, info: a.infos },
    byCheck: byCheck.map((c) => ({ check: c.check, name: names.get(c.check) ?? c.check, severity: c.severity, findings: c.findings, files: c.files })),
    items: items.map((i): BatchItemSummary => ({
      id: i.id, seq: i.seq, fileName: i.fileName, size: i.size, status: i.status as ItemStatus, attempts: i.attempts,
      error: itemError(i), kind: i.kind as BatchItemSummary['kind'], unitName: i.unitName, counts: itemCounts(i),
    })),
  };
}

export type BatchDetail = Awaited<ReturnType<typeof loadBatch>>;

export const batchGet = defineCommand({
  name: 'batch-get',
  summary: '读取一次批量审核：进度、按严重程度与审核规则的问题数、每个文件的结果',
  access: BUREAU,
  input: z.strictObject({ id: id('批量审核') }),
  run: (ctx, input) => loadBatch(ctx.database.db, requireActor(ctx), input.id),
});

export const batchItemGet = defineCommand({
  name: 'batch-item-get',
  summary: '读取批量审核中一个文件的审核结果（发现的每个问题）',
  access: BUREAU,
  input: z.strictObject({ id: id('批量审核'), itemId: id('文件') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const b = await batchInScope(db, actor, input.id);
    const [i] = await db.select().from(batchItems).where(and(eq(batchItems.id, input.itemId), eq(batchItems.batchId, b.id)));
    if (!i) throw notFound('item', input.itemId);
    return {
      id: i.id, batchId: b.id, seq: i.seq, fileName: i.fileName, size: i.size, status: i.status as ItemStatus, attempts: i.attempts,
      error: itemError(i), kind: i.kind as BatchItemSummary['kind'], unitName: i.unitName, counts: itemCounts(i),
      startedAt: i.startedAt?.toISOString() ?? null, finishedAt: i.finishedAt?.toISOString() ?? null,
      findings: (i.findings ?? []) as StoredFinding[],
    };
  },
});

export const batchExport = defineCommand({
  name: 'batch-export',
  summary: '下载批量审核结果（.xlsx：汇总、问题清单、按规则）',
  access: BUREAU,
  input: z.strictObject({ id: id('批量审核') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const detail = await loadBatch(db, actor, input.id);
    const findings = await db
      .select({ seq: batchItems.seq, fileName: batchItems.fileName, findings: batchItems.findings })
      .from(batchItems)
      .where(and(eq(batchItems.batchId, detail.id), sql`${batchItems.findings} IS NOT NULL`))
      .orderBy(asc(batchItems.seq));
    const data = await batchWorkbook(detail, findings.map((f) => ({ fileName: f.fileName, findings: f.findings ?? [] })), await checkNames());
    const day = detail.createdAt.slice(0, 10);
    return {
      fileName: `批量审核结果-${day}-${detail.id.slice(0, 8)}.xlsx`,
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data,
    };
  },
});

export const BATCH_COMMANDS = {
  'batch-create': batchCreate,
  'batch-list': batchList,
  'batch-get': batchGet,
  'batch-item-get': batchItemGet,
  'batch-export': batchExport,
} as const;

import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { openPostgres } from '../storage/postgres.ts';
import { batchItems } from '../storage/schema.ts';
import { createTestPostgres, ENGINES, openTestPglite } from '../testing/databases.ts';
import { buildWorld, type World } from '../testing/world.ts';
import { type FileAudit, inlineFileAuditor } from './audit-file.ts';
import { claimNext, completeItem, failAbandoned } from './queue.ts';
import { SAMPLE_FILES, zipOf } from './testing.ts';
import { startBatchWorkers } from './worker.ts';

const hasChinese = (text: unknown) => typeof text === 'string' && /[\u4e00-\u9fff]/u.test(text);
const EMPTY_RESULT: FileAudit = { kind: null, unitName: null, counts: { error: 0, warning: 0, info: 0 }, findings: [] };

describe.each(ENGINES)('batch audit on %s', (engine) => {
  let database: Database;
  /** PostgreSQL: a second connection pool on the same database, as a second worker process has. */
  let other: Database;
  let w: World;
  const audit = inlineFileAuditor(loadSchemes());

  beforeAll(async () => {
    if (engine === 'postgres') {
      const created = await createTestPostgres();
      database = created.database;
      other = await openPostgres({ url: created.url, poolSize: 5 });
    } else {
      database = await openTestPglite();
      other = database;
    }
    w = await buildWorld(database);
  });
  afterAll(async () => {
    if (other !== database) await other?.close();
    await database?.close();
  });

  /** Runs workers until the queue is empty. */
  const drain = async (concurrency = 2) => {
    const workers = await startBatchWorkers({ database, audit, concurrency, exitWhenIdle: true, log: () => undefined });
    await workers.stopped;
    return workers.processed;
  };

  it('audits a batch of mixed files and a zip: a corrupt file fails alone, the others are done, counts add up', async () => {
    const files = [
      SAMPLE_FILES.seedText(),
      SAMPLE_FILES.corruptDocx(),
      SAMPLE_FILES.seedDocx(),
      zipOf('各单位.zip', [
        { ...SAMPLE_FILES.seedXlsx(), fileName: '县直单位/衡阳县自然资源局附表.xlsx' },
        { ...SAMPLE_FILES.seedText(), fileName: '县直单位/第二份.txt' },
        { fileName: '__MACOSX/县直单位/._第二份.txt', data: new Uint8Array([0, 5, 22, 7]) },
        { fileName: '.DS_Store', data: new Uint8Array([1, 2, 3]) },
        SAMPLE_FILES.corruptDocx('县直单位/坏文件.docx'),
      ]),
    ];
    const created = await w.run('batch-create', w.a.reviewer, { files, year: 2022, note: '第一批' });
    expect(created.total).toBe(6);
    const queued = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(queued).toMatchObject({ status: 'queued', total: 6, done: 0, failed: 0, note: '第一批', year: 2022 });
    expect(queued.items.map((i) => i.fileName)).toEqual([
      files[0]?.fileName, '已损坏的报告.docx', files[2]?.fileName, '县直单位/衡阳县自然资源局附表.xlsx', '县直单位/第二份.txt', '县直单位/坏文件.docx',
    ]);

    expect(await drain()).toBe(6);
    const done = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(done).toMatchObject({ status: 'done', total: 6, done: 6, failed: 2 });
    const failed = done.items.filter((i) => i.status === 'failed');
    expect(failed.map((i) => i.fileName)).toEqual(['已损坏的报告.docx', '县直单位/坏文件.docx']);
    for (const f of failed) {
      expect(f.error?.code).toBe('file-corrupt');
      expect(hasChinese(f.error?.message)).toBe(true);
      expect(f.error?.message).toContain(f.fileName.split('/').pop());
    }
    const seed = done.items[0];
    expect(seed).toMatchObject({ status: 'done', kind: 'department', unitName: '衡阳县自然资源局', attempts: 1, error: null });
    expect(seed?.counts.error).toBeGreaterThan(0);
    // The batch's counts are the sums of its files'; the counts by check add up to the same.
    const sum = (key: 'error' | 'warning' | 'info') => done.items.reduce((s, i) => s + i.counts[key], 0);
    expect(done.counts).toEqual({ error: sum('error'), warning: sum('warning'), info: sum('info') });
    const bySeverity = (s: string) => done.byCheck.filter((c) => c.severity === s).reduce((n, c) => n + c.findings, 0);
    expect(bySeverity('error')).toBe(done.counts.error);
    expect(bySeverity('warning')).toBe(done.counts.warning);
    expect(done.byCheck.every((c) => c.files >= 1 && c.files <= 5 && hasChinese(c.name))).toBe(true);

    // One file's findings, in the shape an evaluation's findings have.
    const detail = await w.run('batch-item-get', w.a.reviewer, { id: created.id, itemId: seed?.id ?? '' });
    expect(detail.findings.length).toBe((seed?.counts.error ?? 0) + (seed?.counts.warning ?? 0) + (seed?.counts.info ?? 0));
    expect(Object.keys(detail.findings[0] ?? {}).sort()).toEqual(['category', 'check', 'excerpt', 'expected', 'line', 'message', 'path', 'severity', 'stated']);
    expect(detail.findings.some((f) => typeof f.line === 'number')).toBe(true);

    // The same file audited as `jixiao check` audits it gives the same findings.
    const direct = await audit(SAMPLE_FILES.seedText().data, SAMPLE_FILES.seedText().fileName);
    expect(detail.findings).toEqual(direct.findings);

    const list = await w.run('batch-list', w.a.reviewer, {});
    expect(list.items.find((b) => b.id === created.id)).toMatchObject({ status: 'done', total: 6, done: 6, failed: 2, errors: done.counts.error, warnings: done.counts.warning, createdBy: w.a.reviewer.displayName });
  });

  it('exports the results as .xlsx: a row per file, a row per finding, a row per check', async () => {
    const created = await w.run('batch-create', w.a.reviewer, { files: [SAMPLE_FILES.seedText(), SAMPLE_FILES.corruptDocx(), SAMPLE_FILES.projectXlsx()] });
    await drain(1);
    const detail = await w.run('batch-get', w.a.reviewer, { id: created.id });
    const file = await w.run('batch-export', w.a.reviewer, { id: created.id });
    expect(file.fileName).toMatch(/^批量审核结果-.*\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '按规则']);
    const summary = book.getWorksheet('汇总');
    expect(summary?.rowCount).toBe(4);
    expect(summary?.getRow(3).getCell(3).value).toBe('失败');
    expect(String(summary?.getRow(3).getCell(9).value)).toContain('已损坏');
    expect(summary?.getRow(2).getCell(6).value).toBe(detail.items[0]?.counts.error);
    const findings = detail.counts.error + detail.counts.warning + detail.counts.info;
    expect(findings).toBeGreaterThan(0);
    expect(book.getWorksheet('问题清单')?.rowCount).toBe(findings + 1);
    expect(book.getWorksheet('按规则')?.rowCount).toBe(detail.byCheck.length + 1);
  });

  it('refuses an upload with entries that are not reports, naming each, and stores nothing', async () => {
    const before = await w.run('batch-list', w.a.reviewer, {});
    const error = await w.run('batch-create', w.a.reviewer, {
      files: [SAMPLE_FILES.seedText(), zipOf('材料.zip', [SAMPLE_FILES.seedText(), { fileName: '照片/现场.jpg', data: new Uint8Array([0xff, 0xd8, 0xff]) }]), { fileName: '说明.exe', data: new Uint8Array([1]) }],
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'batch-files-rejected', details: ['材料.zip 中的 照片/现场.jpg：不是报告文件', '说明.exe：不是报告文件'] });
    expect(hasChinese((error as Error).message)).toBe(true);
    expect((await w.run('batch-list', w.a.reviewer, {})).total).toBe(before.total);
    await expect(w.run('batch-create', w.a.reviewer, { files: [zipOf('空.zip', [{ fileName: '__MACOSX/._a.txt', data: new Uint8Array([1]) }])] })).rejects.toMatchObject({ code: 'batch-empty' });
  });

  it('a reviewer sees only their region\'s batches; an administrator sees all', async () => {
    const own = await w.run('batch-create', w.a.reviewer, { files: [SAMPLE_FILES.seedText()] });
    await expect(w.run('batch-get', w.b.reviewer, { id: own.id })).rejects.toMatchObject({ code: 'batch-not-found' });
    await expect(w.run('batch-export', w.b.reviewer, { id: own.id })).rejects.toMatchObject({ code: 'batch-not-found' });
    expect((await w.run('batch-list', w.b.reviewer, {})).items.map((b) => b.id)).not.toContain(own.id);
    expect((await w.run('batch-list', w.admin, { pageSize: 100 })).items.map((b) => b.id)).toContain(own.id);
    await expect(w.run('batch-list', w.a.preparer, {})).rejects.toMatchObject({ code: 'forbidden' });
    await drain(1);
  });

  it('two workers claiming at once never get the same item: 50 items, each processed once', async () => {
    const files = Array.from({ length: 50 }, (_, i) => ({ fileName: `第${i + 1}份.txt`, data: new TextEncoder().encode(`报告 ${i}`) }));
    const created = await w.run('batch-create', w.a.reviewer, { files });
    const claimed: string[][] = [[], []];
    const loop = async (db: Database, k: number) => {
      for (;;) {
        const item = await claimNext(db.db, `worker-${k}`);
        if (!item) return;
        claimed[k]?.push(item.id);
        await new Promise((resolve) => setTimeout(resolve, 1));
        expect(await completeItem(db.db, item.id, `worker-${k}`, EMPTY_RESULT)).toBe(true);
      }
    };
    await Promise.all([loop(database, 0), loop(other, 1)]);
    const all = [...(claimed[0] ?? []), ...(claimed[1] ?? [])];
    expect(all.length).toBe(50);
    expect(new Set(all).size).toBe(50);
    if (engine === 'postgres') expect(Math.min(claimed[0]?.length ?? 0, claimed[1]?.length ?? 0)).toBeGreaterThan(0);
    const detail = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(detail).toMatchObject({ status: 'done', done: 50, failed: 0 });
    expect(detail.items.every((i) => i.attempts === 1)).toBe(true);
  });

  it('an item whose worker died is claimed again after its lease; after the last attempt it fails with a message', async () => {
    const created = await w.run('batch-create', w.a.reviewer, { files: [SAMPLE_FILES.seedText()] });
    const first = await claimNext(database.db, 'killed-worker', { maxAttempts: 2 });
    expect(first).toMatchObject({ attempts: 1 });
    // Within the lease nobody else gets it.
    expect(await claimNext(other.db, 'second-worker', { maxAttempts: 2 })).toBeNull();
    // The worker was killed mid-item: its lease runs out.
    const expire = () => database.db.update(batchItems).set({ lockedUntil: sql`now() - interval '1 minute'` }).where(sql`${batchItems.batchId} = ${created.id}`);
    await expire();
    const second = await claimNext(other.db, 'second-worker', { maxAttempts: 2 });
    expect(second).toMatchObject({ id: first?.id, attempts: 2 });
    // The killed worker, back from the dead, cannot overwrite the new owner's work.
    expect(await completeItem(database.db, first?.id ?? '', 'killed-worker', EMPTY_RESULT)).toBe(false);
    // The second worker dies too: two attempts were allowed, the item fails and says why.
    await expire();
    expect(await failAbandoned(database.db, 2)).toBe(1);
    const detail = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(detail).toMatchObject({ status: 'done', failed: 1 });
    expect(detail.items[0]?.error?.code).toBe('batch-worker-lost');
    expect(hasChinese(detail.items[0]?.error?.message)).toBe(true);
  });

  it('a restarted worker picks up where the queue stands (a claim cut off by a crash is resumed)', async () => {
    const created = await w.run('batch-create', w.a.reviewer, { files: [SAMPLE_FILES.seedText(), SAMPLE_FILES.seedDocx()] });
    const cut = await claimNext(database.db, 'crashed-server#1');
    expect(cut).not.toBeNull();
    if (engine === 'postgres') {
      // Other processes may hold claims on PostgreSQL: only the lease tells a dead worker.
      await database.db.update(batchItems).set({ lockedUntil: sql`now() - interval '1 second'` }).where(sql`${batchItems.id} = ${cut?.id ?? ''}`);
    }
    expect(await drain(1)).toBe(2);
    const detail = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(detail).toMatchObject({ status: 'done', done: 2, failed: 0 });
    expect(detail.items.find((i) => i.id === cut?.id)?.attempts).toBe(2);
  });
});

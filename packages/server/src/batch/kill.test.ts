/**
 * A real `jixiao worker` process killed with SIGKILL in the middle of a file (PostgreSQL only: the
 * embedded database admits one process, so there the server audits batches itself). The file it held
 * keeps its claim and nothing half-written; once the claim's lease has passed another worker audits it
 * again, and every file of the batch ends done exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { batchItems } from '../storage/schema.ts';
import { createTestPostgres } from '../testing/databases.ts';
import { buildWorld, type World } from '../testing/world.ts';
import { workerCommand } from './cli.ts';
import { SAMPLE_FILES } from './testing.ts';

const CLI = fileURLToPath(new URL('../../../cli/bin/jixiao.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const skip = !process.env['DATABASE_URL'];
if (skip) console.warn('跳过工作进程被强行终止的测试：没有设置 DATABASE_URL（需要 PostgreSQL；嵌入式数据库只允许一个进程）');

describe.skipIf(skip)('a worker process killed mid-file (PostgreSQL)', () => {
  let pg: { database: Database; url: string };
  let w: World;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    pg = await createTestPostgres();
    w = await buildWorld(pg.database);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await pg.database.close();
  });

  it('leaves its file claimed and unwritten; after the lease another worker audits it, each file done once', async () => {
    // PDFs take long enough to read that the worker is caught holding one
    const files = Array.from({ length: 12 }, (_, i) => ({ ...SAMPLE_FILES.seedPdf(), fileName: `报告${String(i + 1).padStart(2, '0')}.pdf` }));
    const batchId = (await w.run('batch-create', w.a.reviewer, { files })).id;
    child = spawn(process.execPath, [CLI, 'worker', '--workers', '1'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: pg.url }, stdio: 'ignore' });
    const pid = child.pid ?? 0;
    const running = async () =>
      (await pg.database.db.select().from(batchItems).where(sql`${batchItems.status} = 'running' AND ${batchItems.lockedBy} LIKE ${`%:${pid}#%`}`))[0];
    // wait until the worker has finished one file and holds another, then kill it without warning
    let held: Awaited<ReturnType<typeof running>>;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [{ done } = { done: 0 }] = (await pg.database.db.execute(sql`SELECT count(*)::int AS done FROM batch_items WHERE batch_id = ${batchId} AND status = 'done'`) as unknown as { rows: { done: number }[] }).rows;
      held = done >= 1 ? await running() : undefined;
      if (held || Date.now() > deadline) break;
      await sleep(5);
    }
    expect(held, '工作进程在 120 秒内没有开始审核第二个文件').toBeDefined();
    child.kill('SIGKILL');
    await once(child, 'exit');
    child = null;

    const [after] = await pg.database.db.select().from(batchItems).where(eq(batchItems.id, held?.id ?? ''));
    expect(after).toMatchObject({ status: 'running', attempts: 1, findings: null, errorCount: null, finishedAt: null });
    // Within the lease (60 s) nobody takes it; the test does not wait a minute: the lease is made to pass.
    await pg.database.db.update(batchItems).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(batchItems.id, after?.id ?? ''));

    const lines: string[] = [];
    const summary = await workerCommand({ workers: '1', exitWhenIdle: true, env: { DATABASE_URL: pg.url }, out: (line) => lines.push(line) });
    expect(summary).toMatch(/审核 \d+ 个文件，其中 0 个无法读取/u);
    const detail = await w.run('batch-get', w.a.reviewer, { id: batchId });
    expect(detail).toMatchObject({ status: 'done', done: 12, failed: 0 });
    const again = detail.items.find((i) => i.id === after?.id);
    expect(again?.attempts).toBe(2);
    // the file audited twice has the same findings as the others (the same bytes), stored once
    const counts = new Set(detail.items.map((i) => JSON.stringify(i.counts)));
    expect(counts.size).toBe(1);
    expect(again?.counts.error).toBeGreaterThan(0);
    expect(detail.items.filter((i) => i.attempts === 1)).toHaveLength(11);
  }, 240_000);
});

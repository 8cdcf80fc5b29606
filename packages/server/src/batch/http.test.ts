/**
 * The batch audit over HTTP as the web page uses it: a multipart upload of files and a zip, progress
 * polled until done, one file's findings, the .xlsx download — with the server's own worker woken by
 * the upload.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { type Session, TestClient } from '../testing/http.ts';
import { buildWorld, TEST_PASSWORD, type World } from '../testing/world.ts';
import { inlineFileAuditor } from './audit-file.ts';
import { SAMPLE_FILES, zipOf } from './testing.ts';
import { type BatchWorkers, startBatchWorkers } from './worker.ts';

describe.each(ENGINES)('batch audit over HTTP on %s', (engine) => {
  let database: Database;
  let w: World;
  let workers: BatchWorkers;
  let client: TestClient;
  let session: Session;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    // A long poll interval: only the upload's wake-up can start the work promptly.
    workers = await startBatchWorkers({ database, audit: inlineFileAuditor(loadSchemes()), concurrency: 1, pollMs: 60_000, log: () => undefined });
    client = new TestClient(createApp({ services: { ...w.services, onBatchQueued: workers.wake } }).app);
    session = await client.login(w.a.reviewer.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await workers?.close();
    await database?.close();
  });

  it('upload → progress → done → findings of one file → .xlsx', async () => {
    const form = new FormData();
    const add = (f: { fileName: string; data: Uint8Array }) => form.append('files', new File([f.data as Uint8Array<ArrayBuffer>], f.fileName));
    add(SAMPLE_FILES.seedText());
    add(SAMPLE_FILES.corruptDocx());
    add(zipOf('第二批.zip', [SAMPLE_FILES.seedDocx(), { ...SAMPLE_FILES.seedXlsx(), fileName: '附表/附表.xlsx' }]));
    form.set('year', '2022');
    form.set('note', '县直单位第一批');
    const created = await client.request('POST', '/api/batches', { session, form });
    expect(created.status).toBe(201);
    const { id, total } = created.body as { id: string; total: number };
    expect(total).toBe(4);

    type Detail = { status: string; done: number; total: number; failed: number; note: string; items: { id: string; fileName: string; status: string; error: { code: string; message: string } | null; counts: { error: number } }[] };
    let detail: Detail | null = null;
    for (let i = 0; i < 300; i++) {
      const reply = await client.request('GET', `/api/batches/${id}`, { session });
      expect(reply.status).toBe(200);
      detail = reply.body as Detail;
      if (detail.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(detail).toMatchObject({ status: 'done', total: 4, done: 4, failed: 1, note: '县直单位第一批' });
    expect(detail?.items.map((i) => i.fileName)).toEqual([SAMPLE_FILES.seedText().fileName, '已损坏的报告.docx', SAMPLE_FILES.seedDocx().fileName, '附表/附表.xlsx']);
    expect(detail?.items[1]).toMatchObject({ status: 'failed', error: { code: 'file-corrupt', message: expect.stringContaining('已损坏的报告.docx') } });

    const list = await client.request('GET', '/api/batches?page=1&pageSize=10', { session });
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [{ id, status: 'done', total: 4, done: 4, failed: 1 }] });

    const seed = detail?.items[0];
    const one = await client.request('GET', `/api/batches/${id}/items/${seed?.id}`, { session });
    expect(one.status).toBe(200);
    expect((one.body as { findings: unknown[] }).findings.length).toBeGreaterThanOrEqual(seed?.counts.error ?? 1);

    const file = await client.request('GET', `/api/batches/${id}/export`, { session });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const response = await client.app.request(`http://localhost/api/batches/${id}/export`, { headers: { cookie: session.cookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(await response.arrayBuffer()) as never);
    expect(book.getWorksheet('汇总')?.rowCount).toBe(5);

    // Another region's reviewer does not see it.
    const other = await client.login(w.b.reviewer.username, TEST_PASSWORD);
    expect((await client.request('GET', `/api/batches/${id}`, { session: other })).status).toBe(404);
  });

  it('refuses an upload without files or with a file that is not a report, in Chinese', async () => {
    const empty = new FormData();
    empty.set('note', '没有文件');
    const none = await client.request('POST', '/api/batches', { session, form: empty });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ error: { code: 'input-invalid', message: expect.stringMatching(/文件/u) } });
    const bad = new FormData();
    bad.append('files', new File([new Uint8Array([1, 2])], '照片.jpg'));
    const refused = await client.request('POST', '/api/batches', { session, form: bad });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'batch-files-rejected', details: ['照片.jpg：不是报告文件'] } });
  });
});

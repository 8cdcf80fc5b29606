import { deflateSync } from 'node:zlib';
import { count, eq, like } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import type { Database } from '../storage/database.ts';
import { batchItems, blobs } from '../storage/schema.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { TestClient } from '../testing/http.ts';
import { COMMANDS } from '../commands/index.ts';
import { execute } from '../commands/registry.ts';
import { buildWorld, seedDocument, TEST_PASSWORD, type World } from '../testing/world.ts';
import { type FileAudit, type FileAuditor, MAX_FINDINGS_PER_FILE } from './audit-file.ts';
import { fileWorkers } from './file-pool.ts';
import type { ClaimedItem } from './queue.ts';
import { startBatchWorkers } from './worker.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
/** A .docx of `n` copies of one paragraph (400,000 of them zip to ~130 KB). */
const paragraphsDocx = (n: number, text = '本单位严格执行预算，项目资金使用规范。') =>
  zipSync({
    '[Content_Types].xml': strToU8(TYPES),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${`<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`.repeat(n)}</w:body></w:document>`),
  }, { level: 9 });

/** A one-page PDF whose content stream is 80 MB of zeros, flate-compressed to ~80 KB. */
function flateBombPdf(): Uint8Array {
  const data = deflateSync(Buffer.alloc(80 * 1024 * 1024), { level: 9 });
  const head = `%PDF-1.4\n1 0 obj<< /Type /Catalog /Pages 2 0 R >>endobj\n2 0 obj<< /Type /Pages /Kids [3 0 R] /Count 1 >>endobj\n3 0 obj<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>endobj\n4 0 obj<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\nendstream\nendobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

const messageOf = (e: unknown) => (e as Error).message;
/** Chinese, and no English words (a stack message, an error name). */
const isChineseOnly = (text: string) => /[\u4e00-\u9fff]/u.test(text) && !/[A-Za-z]{4,}/u.test(text.replace(/「[^」]*」/gu, ''));

describe('files read and audited in worker threads under limits', () => {
  const pool = fileWorkers(1);
  afterAll(() => pool.close());

  it('refuses a PDF flate bomb, naming the limit, without expanding it', async () => {
    const error = await pool.audit(flateBombPdf(), '炸弹.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'zip-bomb' });
    expect(messageOf(error)).toMatch(/超过单个数据流 64\.0 MB 的上限/u);
  });

  it('refuses a .docx of 400,000 paragraphs at the paragraph limit', async () => {
    const bytes = paragraphsDocx(400_000);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const error = await pool.audit(bytes, '段落炸弹.docx').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'file-too-large' });
    expect(messageOf(error)).toMatch(/超过 200000 个段落或单元格/u);
  });

  // The issue's file was 19 MB; 6 MB (600,000 figures on one line) overflowed the stack as well, and keeps
  // the test within its time on a busy machine.
  it('audits a 6 MB one-line text to the end (it overflowed the stack), and caps its findings', { timeout: 180_000 }, async () => {
    const line = '1万元，'.repeat(Math.floor((6 * 1024 * 1024) / 10));
    const result = await pool.audit(new TextEncoder().encode(line), '一行.txt').catch((e: unknown) => e);
    if (result instanceof Error) expect(isChineseOnly(result.message), result.message).toBe(true);
    else expect((result as FileAudit).findings.length).toBeLessThanOrEqual(MAX_FINDINGS_PER_FILE + 1);
  });

  it('stops a file past its time limit or memory limit with a Chinese reason naming it; the next file is read', async () => {
    const quick = fileWorkers(1, { memoryMb: 1024, timeoutMs: 1000 });
    const small = fileWorkers(1, { memoryMb: 64, timeoutMs: 120_000 });
    try {
      const slow = await quick.audit(paragraphsDocx(150_000, '预算执行率为100%，项目资金1万元。'), '慢.docx').catch((e: unknown) => e);
      expect(slow).toMatchObject({ code: 'file-timeout', message: '文件「慢.docx」读取和审核超过 1 秒的时间上限，已停止' });
      const big = await small.audit(paragraphsDocx(150_000), '大.docx').catch((e: unknown) => e);
      expect(big).toMatchObject({ code: 'file-too-large', message: '文件「大.docx」读取和审核时用到的内存超过 64 MB 的上限，已停止' });
      const next = await small.audit(new TextEncoder().encode('本单位2023年度预算执行率为95%。'), '小.txt');
      expect(next.counts).toBeDefined();
    } finally {
      await quick.close();
      await small.close();
    }
  });

  it('keeps the most certain findings of a file and says how many were left out', async () => {
    const result = await pool.audit(paragraphsDocx(5000, '预算执行率为100%，项目资金1万元。'), '重复.docx');
    expect(result.counts.warning + result.counts.error + result.counts.info).toBeGreaterThan(MAX_FINDINGS_PER_FILE);
    expect(result.findings).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    expect(result.findings.at(-1)?.message).toMatch(/只列出前 1000 个，另有 \d+ 个未列出/u);
  });
});

describe.each(ENGINES)('the batch queue on %s', (engine) => {
  let database: Database;
  let w: World;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const txt = (name: string) => ({ fileName: name, data: new TextEncoder().encode(`${name}：本单位2023年度预算执行率为95%。`) });
  const done: FileAudit = { kind: null, unitName: null, counts: { error: 0, warning: 0, info: 0 }, findings: [] };

  it('serves regions in turn: a region that sent one file does not wait for another region\'s many', async () => {
    await w.run('batch-create', w.a.reviewer, { files: ['甲1.txt', '甲2.txt', '甲3.txt', '甲4.txt'].map(txt) });
    await w.run('batch-create', w.a.reviewer, { files: ['甲二批1.txt'].map(txt) });
    await w.run('batch-create', w.b.reviewer, { files: ['乙1.txt'].map(txt) });
    const order: string[] = [];
    const audit: FileAuditor = async () => done;
    const workers = await startBatchWorkers({ database, audit, concurrency: 1, exitWhenIdle: true, log: () => undefined, onItem: ({ item }) => order.push(item.fileName) });
    await workers.stopped;
    // region A, region B, then A's batches in turn
    expect(order).toEqual(['甲1.txt', '乙1.txt', '甲二批1.txt', '甲2.txt', '甲3.txt', '甲4.txt']);
  });

  it('stops renewing the lease of a file past its time limit, so that it cannot hold the queue', async () => {
    const { id } = await w.run('batch-create', w.b.reviewer, { files: [txt('卡住.txt')] });
    let claimed: ClaimedItem | null = null;
    let release: () => void = () => undefined;
    const stuck: FileAuditor = () => new Promise<FileAudit>((resolve) => (release = () => resolve(done)));
    const workers = await startBatchWorkers({
      database, audit: stuck, concurrency: 1, leaseMs: 200, itemTimeoutMs: 300, log: () => undefined, pollMs: 50,
      onItem: ({ item }) => (claimed = item),
    });
    const lockedUntil = async () => (await database.db.select({ at: batchItems.lockedUntil }).from(batchItems).where(eq(batchItems.batchId, id)))[0]?.at;
    for (let i = 0; i < 40 && !(await lockedUntil()); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1200));
    const until = await lockedUntil();
    expect(until).toBeInstanceOf(Date);
    expect((until as Date).getTime()).toBeLessThan(Date.now() - 300);
    release();
    await workers.close(1000);
    expect(claimed).not.toBeNull();
  });

  it('keeps the evidence of one evaluation within its quota, also against parallel uploads', async () => {
    const services = { ...w.services, evidenceQuotaBytes: 3000 };
    const { id: evaluationId } = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    const pdf = new TextEncoder().encode(`%PDF-1.4\n${'x'.repeat(1200)}\n%%EOF`);
    const add = (i: number) => execute(COMMANDS['evidence-add'], { ...services, actor: w.a.preparer }, { id: evaluationId, indicatorIndex: 0, fileName: `台账${i}.pdf`, data: pdf });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(add));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as Error & { code: string };
    expect(refused.code).toBe('evidence-quota');
    expect(refused.message).toMatch(/将超过每份自评 \d+ MB 的上限/u);
  });

  it('refuses the PDF bomb at POST /api/import for a read-only user with 413 and a Chinese reason', async () => {
    const client = new TestClient(createApp({ services: w.services, loginRateLimit: { max: 1000, windowMs: 60_000 } }).app);
    const session = await client.login('a-head', TEST_PASSWORD);
    const form = new FormData();
    form.set('file', new File([flateBombPdf() as Uint8Array<ArrayBuffer>], '报告.pdf', { type: 'application/pdf' }));
    const reply = await client.request('POST', '/api/import', { session, form });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: { code: 'zip-bomb' } });
    const health = await client.request('GET', '/api/health');
    expect(health.status).toBe(200);
  });

  it('streams a report to import into the blob store, stops one past 20 MB at the limit (chunked, no length) and keeps neither', async () => {
    const client = new TestClient(createApp({ services: w.services, loginRateLimit: { max: 1000, windowMs: 60_000 } }).app);
    const session = await client.login('a-head', TEST_PASSWORD);
    const imports = async () => (await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, 'import-%')))[0]?.n ?? 0;
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('衡阳县自然资源局2022年度部门整体支出绩效自评报告\n一、部门概况\n本单位2022年度预算执行率为95%。')], '报告.txt'));
    const read = await client.request('POST', '/api/import', { session, form });
    expect(read.status).toBe(200);
    expect(await imports()).toBe(0);
    const boundary = 'jixiao-import-boundary';
    const encoder = new TextEncoder();
    let sent = 0;
    const parts = (function* () {
      yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="大报告.txt"\r\n\r\n`);
      for (let i = 0; i < 22 * 16; i++) yield new Uint8Array(64 * 1024).fill(0x41);
      yield encoder.encode(`\r\n--${boundary}--\r\n`);
    })();
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.next();
        if (next.done) controller.close();
        else {
          sent += next.value.byteLength;
          controller.enqueue(next.value);
        }
      },
    });
    const reply = await client.app.request('http://localhost/api/import', {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(reply.status).toBe(413);
    // before: read on to the request's 21 MB limit, held whole, and refused as a request body
    expect(await reply.json()).toMatchObject({ error: { code: 'file-too-large', message: '「大报告.txt」超过 20 MB 的上限' } });
    expect(sent).toBeLessThan(21 * 1024 * 1024);
    expect(await imports()).toBe(0);
  });
});

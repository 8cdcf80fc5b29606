import { createHash } from 'node:crypto';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../commands/registry.ts';
import type { Database } from '../storage/database.ts';
import { blobs } from '../storage/schema.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { type Session, TestClient } from '../testing/http.ts';
import { buildWorld, seedDocument, TEST_PASSWORD, type World } from '../testing/world.ts';
import { createApp } from './app.ts';

const BOUNDARY = 'jixiao-test-boundary-7f3a';
const CHUNK = 64 * 1024;

/** A PDF-looking file of `size` bytes, made chunk by chunk (the test never holds it whole either). */
function* fileChunks(size: number): Generator<Uint8Array> {
  const head = new TextEncoder().encode('%PDF-1.4\n');
  for (let at = 0, n = 0; at < size; at += CHUNK, n++) {
    const chunk = new Uint8Array(Math.min(CHUNK, size - at));
    const seed = createHash('sha256').update(String(n)).digest();
    for (let i = 0; i < chunk.length; i++) chunk[i] = (seed[i % 32] ?? 0) ^ (i & 0xff);
    if (at === 0) chunk.set(head.subarray(0, chunk.length));
    yield chunk;
  }
}

function multipartStream(fileName: string, size: number, pulled: { bytes: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const parts = (function* () {
    yield encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="indicatorIndex"\r\n\r\n2\r\n`);
    yield encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`);
    yield* fileChunks(size);
    yield encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  })();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done) controller.close();
      else {
        pulled.bytes += next.value.byteLength;
        controller.enqueue(next.value);
      }
    },
  });
}

const sha256Of = (size: number) => {
  const hash = createHash('sha256');
  for (const chunk of fileChunks(size)) hash.update(chunk);
  return hash.digest('hex');
};

describe.each(ENGINES)('streamed evidence uploads on %s', (engine) => {
  let database: Database;
  let w: World;
  let client: TestClient;
  let session: Session;
  let evaluationId = '';

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    const services: Services = { ...w.services };
    client = new TestClient(createApp({ services, loginRateLimit: { max: 1000, windowMs: 60_000 } }).app);
    session = await client.login(w.a.preparer.username, TEST_PASSWORD);
    evaluationId = (await w.run('evaluation-create', w.a.preparer, { document: seedDocument() })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const upload = (fileName: string, size: number, pulled: { bytes: number }, contentLength?: number, as: Session = session) =>
    client.app.request(`http://localhost/api/evaluations/${evaluationId}/evidence`, {
      method: 'POST',
      headers: {
        cookie: as.cookie,
        'x-csrf-token': as.csrfToken,
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...(contentLength === undefined ? {} : { 'content-length': String(contentLength) }),
      },
      body: multipartStream(fileName, size, pulled),
      duplex: 'half',
    } as RequestInit);
  const blobRows = async () => (await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, '%')))[0]?.n ?? 0;
  const evidenceCount = async () => (await w.run('evidence-list', w.a.preparer, { id: evaluationId })).items.length;

  it('refuses an upload whose declared length is past the limit before reading its body (413, in Chinese)', async () => {
    const pulled = { bytes: 0 };
    const reply = await upload('大文件.pdf', 30 * 1024 * 1024, pulled, 30 * 1024 * 1024);
    expect(reply.status).toBe(413);
    const body = (await reply.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'payload-too-large', message: '请求正文超过 21 MB 的上限' });
    // a ReadableStream body is pulled once ahead when the request is made; nothing of the file was read
    expect(pulled.bytes).toBeLessThan(CHUNK);
  });

  it('refuses an upload to another unit\'s evaluation before reading its body, and writes nothing', async () => {
    const before = await blobRows();
    const stranger = await client.login(w.b.preparer.username, TEST_PASSWORD);
    const pulled = { bytes: 0 };
    const reply = await upload('别人的.pdf', 5 * 1024 * 1024, pulled, undefined, stranger);
    expect(reply.status).toBe(404);
    expect(pulled.bytes).toBeLessThan(CHUNK);
    expect(await blobRows()).toBe(before);
  });

  it('stops an upload that lies about its length at the limit, stores nothing and leaves no part behind', async () => {
    const before = { rows: await blobRows(), evidence: await evidenceCount() };
    const pulled = { bytes: 0 };
    const reply = await upload('谎报长度.pdf', 60 * 1024 * 1024, pulled, 1000);
    expect(reply.status).toBe(413);
    expect(((await reply.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
    expect(pulled.bytes).toBeLessThan(30 * 1024 * 1024);
    expect(await blobRows()).toBe(before.rows);
    expect(await evidenceCount()).toBe(before.evidence);
  });

  it('stops a file past 20 MB without a declared length (chunked) and removes what was written', async () => {
    const before = await blobRows();
    const pulled = { bytes: 0 };
    const reply = await upload('超过上限.pdf', 20 * 1024 * 1024 + 10, pulled);
    expect(reply.status).toBe(413);
    expect(((await reply.json()) as { error: { message: string } }).error.message).toBe('「超过上限.pdf」超过 20 MB 的上限');
    expect(await blobRows()).toBe(before);
  });

  it('stores a 19 MB file streamed in 64 KB chunks and reads back the same bytes as a stream', async () => {
    const size = 19 * 1024 * 1024;
    const memory = () => process.memoryUsage();
    const used = () => memory().heapUsed + memory().arrayBuffers;
    const start = used();
    let peak = start;
    const sampler = setInterval(() => {
      peak = Math.max(peak, used());
    }, 20);
    const pulled = { bytes: 0 };
    const reply = await upload('不动产登记 台账.pdf', size, pulled);
    clearInterval(sampler);
    expect(reply.status).toBe(201);
    const added = (await reply.json()) as { id: string; size: number; sha256: string; fileName: string };
    expect(added).toMatchObject({ size, fileName: '不动产登记 台账.pdf', sha256: sha256Of(size) });
    // A figure, not an assertion (GC timing on a loaded machine): what the server held beyond the start.
    process.stdout.write(`[${engine}] 19 MB upload: heap + array buffers ${(start / 1048576).toFixed(0)} MB before, at most ${(peak / 1048576).toFixed(0)} MB during\n`);

    const download = await client.app.request(`http://localhost/api/evidence/${added.id}`, { headers: { cookie: session.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-length')).toBe(String(size));
    const hash = createHash('sha256');
    let chunks = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      chunks++;
    }
    expect(hash.digest('hex')).toBe(sha256Of(size));
    expect(chunks).toBeGreaterThan(1);
  });
});

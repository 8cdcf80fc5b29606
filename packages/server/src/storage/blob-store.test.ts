import { randomBytes } from 'node:crypto';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { BLOB_PART_BYTES, databaseBlobStore, removeOrphanParts } from './blob-store.ts';
import type { Database } from './database.ts';
import { blobs } from './schema.ts';

describe.each(ENGINES)('the database blob store on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a large file in parts of 256 KB (no statement carries the whole file), reads it whole, deletes every part', async () => {
    const store = databaseBlobStore();
    const data = new Uint8Array(randomBytes(4 * BLOB_PART_BYTES + 3));
    await database.transaction((tx) => store.put(tx, 'evidence-large-1', data));
    const [rows] = await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, 'evidence-large-1%'));
    expect(rows?.n).toBe(5);
    expect(Buffer.from((await store.get(database.db, 'evidence-large-1')) ?? []).equals(Buffer.from(data))).toBe(true);
    await database.transaction((tx) => store.delete(tx, 'evidence-large-1'));
    const [left] = await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, 'evidence-large-1%'));
    expect(left?.n).toBe(0);
    expect(await store.get(database.db, 'evidence-large-1')).toBeNull();
  });

  it('keeps a small file in one row, and rolls back every part with its transaction', async () => {
    const store = databaseBlobStore();
    await database.transaction((tx) => store.put(tx, 'evidence-small-1', new Uint8Array([1, 2, 3])));
    expect(await store.get(database.db, 'evidence-small-1')).toEqual(new Uint8Array([1, 2, 3]));
    await expect(database.transaction(async (tx) => {
      await store.put(tx, 'evidence-rolled-1', new Uint8Array(3 * BLOB_PART_BYTES));
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    const [left] = await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, 'evidence-rolled-1%'));
    expect(left?.n).toBe(0);
  });

  it('stages parts outside a transaction, links them in one, and removes parts never linked (a crash) but not linked ones', async () => {
    const store = databaseBlobStore();
    async function* chunks(n: number) {
      for (let i = 0; i < n; i++) yield new Uint8Array(100_000).fill(i);
    }
    const linked = await store.stage(database, 'evidence-staged-1', chunks(6));
    expect(linked.size).toBe(600_000);
    expect(await store.get(database.db, 'evidence-staged-1')).toBeNull();
    await database.transaction((tx) => linked.link(tx));
    const back = await store.get(database.db, 'evidence-staged-1');
    expect(back?.byteLength).toBe(600_000);
    expect([back?.[0], back?.[250_000], back?.[599_999]]).toEqual([0, 2, 5]);
    const orphan = await store.stage(database, 'evidence-orphan-1', chunks(6));
    expect(orphan.size).toBe(600_000);
    const parts = async (key: string) => (await database.db.select({ n: count() }).from(blobs).where(like(blobs.key, `${key}%`)))[0]?.n;
    expect(await parts('evidence-orphan-1')).toBe(3);
    await removeOrphanParts(database.db, new Date(Date.now() + 60_000));
    expect(await parts('evidence-orphan-1')).toBe(0);
    expect(await parts('evidence-staged-1')).toBe(3);
  });
});

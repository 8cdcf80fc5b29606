/**
 * The blob port for evidence files (佐证材料): the database (bytes in the `blobs` table, written and
 * deleted in the command's transaction) or a directory (one file per key, written before the transaction
 * commits and removed if it does not; removed after a deletion commits).
 * @module
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@jixiao/core';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './database.ts';
import { blobs } from './schema.ts';

export type BlobStore = {
  readonly kind: 'database' | 'directory';
  /** Stores the bytes under a new key; `tx` is the command's transaction. */
  put(tx: Db, key: string, data: Uint8Array): Promise<void>;
  get(db: Db, key: string): Promise<Uint8Array | null>;
  /** Removes the bytes in the transaction (database store); the directory store waits for `discard`. */
  delete(tx: Db, key: string): Promise<void>;
  /** Blobs kept outside the database (a backup must carry them); none for the database store. */
  external(): AsyncIterable<{ key: string; data: Uint8Array }>;
  /** Restores an external blob (from a backup). */
  restore(key: string, data: Uint8Array): Promise<void>;
  /** After the transaction: removes a file whose `put` was rolled back or whose `delete` committed (directory store). */
  discard(key: string): Promise<void>;
};

/**
 * Bytes past this are stored in rows of this size: `key` holds the first part and the whole size,
 * `key~1`, `key~2`, … the rest. One statement never carries more than a part (PGlite encodes a bytea
 * parameter on the main thread at ~1 s per MB on a busy machine: a 19 MB file in one statement stopped the
 * server for 15 s), and the event loop runs between parts.
 */
export const BLOB_PART_BYTES = 256 * 1024;

const partKeys = (key: string, size: number): string[] =>
  Array.from({ length: Math.max(0, Math.ceil(size / BLOB_PART_BYTES) - 1) }, (_, i) => `${key}~${i + 1}`);
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function databaseBlobStore(): BlobStore {
  return {
    kind: 'database',
    async put(tx, key, data) {
      await tx.insert(blobs).values({ key, data: data.subarray(0, BLOB_PART_BYTES), size: data.byteLength });
      for (const [i, part] of partKeys(key, data.byteLength).entries()) {
        await nextTurn();
        await tx.insert(blobs).values({ key: part, data: data.subarray((i + 1) * BLOB_PART_BYTES, (i + 2) * BLOB_PART_BYTES), size: 0 });
      }
    },
    async get(db, key) {
      const [row] = await db.select({ data: blobs.data, size: blobs.size }).from(blobs).where(eq(blobs.key, key));
      if (!row) return null;
      if (row.data.byteLength >= row.size) return row.data;
      const out = new Uint8Array(row.size);
      out.set(row.data, 0);
      for (const [i, part] of partKeys(key, row.size).entries()) {
        await nextTurn();
        const [p] = await db.select({ data: blobs.data }).from(blobs).where(eq(blobs.key, part));
        if (!p) throw new DomainError('blob-incomplete', `文件内容不完整（缺少第 ${i + 2} 部分），无法读取`);
        out.set(p.data, (i + 1) * BLOB_PART_BYTES);
      }
      return out;
    },
    async delete(tx, key) {
      const [row] = await tx.select({ size: blobs.size }).from(blobs).where(eq(blobs.key, key));
      await tx.delete(blobs).where(inArray(blobs.key, [key, ...partKeys(key, row?.size ?? 0)]));
    },
    async *external() {
      // everything is in the database
    },
    async restore() {
      throw new DomainError('backup-invalid', '备份文件含有目录存储的佐证材料，但当前的佐证材料存储是数据库');
    },
    async discard() {
      // the rolled-back transaction removed it
    },
  };
}

const SAFE_KEY = /^[A-Za-z0-9_-]{8,100}$/u;

export function directoryBlobStore(dir: string): BlobStore {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const pathOf = (key: string) => {
    if (!SAFE_KEY.test(key)) throw new DomainError('blob-key-invalid', `佐证材料编号不合法：${key}`);
    return join(root, key);
  };
  const write = (key: string, data: Uint8Array) => {
    const file = pathOf(key);
    const temp = `${file}.tmp-${process.pid}`;
    writeFileSync(temp, data, { flush: true, mode: 0o600 });
    renameSync(temp, file);
  };
  return {
    kind: 'directory',
    async put(_tx, key, data) {
      write(key, data);
    },
    async get(_db, key) {
      try {
        return new Uint8Array(readFileSync(pathOf(key)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async delete() {
      // the file goes in `discard`, once the deletion has committed
    },
    async *external() {
      for (const name of readdirSync(root).sort()) {
        if (SAFE_KEY.test(name)) yield { key: name, data: new Uint8Array(readFileSync(join(root, name))) };
      }
    },
    async restore(key, data) {
      write(key, data);
    },
    async discard(key) {
      rmSync(pathOf(key), { force: true });
    },
  };
}

/**
 * The blob port for evidence files (佐证材料): the database (bytes in the `blobs` table, written and
 * deleted in the command's transaction) or a directory (one file per key, written before the transaction
 * commits and removed if it does not; removed after a deletion commits).
 * @module
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '@jixiao/core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from './database.ts';
import { blobs } from './schema.ts';

/**
 * Bytes written by `stage` as they arrived, not yet part of any record: `link` makes them the blob of
 * `key` inside the command's (short) transaction; `abort` removes them (after a failure or a rollback).
 */
export type StagedBlob = {
  readonly key: string;
  readonly size: number;
  /** Bytes `offset`…`offset + length` of what was staged (a worker reads an upload by ranges before it is linked). */
  read(offset: number, length: number): Promise<Uint8Array>;
  link(tx: Db): Promise<void>;
  abort(): Promise<void>;
};

export type BlobStore = {
  readonly kind: 'database' | 'directory';
  /** Stores the bytes under a new key; `tx` is the command's transaction. */
  put(tx: Db, key: string, data: Uint8Array): Promise<void>;
  get(db: Db, key: string): Promise<Uint8Array | null>;
  /** Bytes `offset`…`offset + length` of a stored blob, reading only the parts that hold them. */
  read(db: Db, key: string, offset: number, length: number): Promise<Uint8Array>;
  /**
   * Writes chunks as they arrive, never holding more than a part (database) or a chunk (directory), and
   * outside any transaction (on PGlite a transaction would hold the database for the whole upload). An
   * error thrown by `chunks` (a limit passed) removes what was written and is thrown again.
   */
  stage(database: Database, key: string, chunks: AsyncIterable<Uint8Array>): Promise<StagedBlob>;
  /** The bytes as a stream read part by part as the consumer pulls (a download); null when missing. */
  open(db: Db, key: string): Promise<{ readonly size: number; readonly stream: ReadableStream<Uint8Array> } | null>;
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

const incomplete = (part: number) => new DomainError('blob-incomplete', `文件内容不完整（缺少第 ${part + 1} 部分），无法读取`);

/** Bytes `offset`…`offset + length` from the part rows named by `partKey(i)` (part i holds bytes i·256 KB…). */
async function readParts(db: Db, partKey: (i: number) => string, offset: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(Math.max(0, length));
  let filled = 0;
  for (let i = Math.floor(offset / BLOB_PART_BYTES); filled < out.length; i++) {
    const [row] = await db.select({ data: blobs.data }).from(blobs).where(eq(blobs.key, partKey(i)));
    const from = offset + filled - i * BLOB_PART_BYTES;
    if (!row || row.data.byteLength <= from) throw incomplete(i);
    const piece = row.data.subarray(from, from + out.length - filled);
    out.set(piece, filled);
    filled += piece.byteLength;
  }
  return out;
}

/**
 * Removes parts staged before `before` that were never linked (a process killed mid-upload): `key~N` rows
 * without their `key` row. Run at start-up, with a margin for uploads still in progress elsewhere.
 */
export async function removeOrphanParts(db: Db, before: Date): Promise<number> {
  const removed = await db.execute(sql`
    DELETE FROM blobs p WHERE p.key LIKE '%~%' AND p.created_at < ${before.toISOString()}
      AND NOT EXISTS (SELECT 1 FROM blobs h WHERE h.key = split_part(p.key, '~', 1))`);
  return (removed as unknown as { affectedRows?: number; rowCount?: number }).rowCount ?? (removed as unknown as { affectedRows?: number }).affectedRows ?? 0;
}

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
    async stage(database, key, chunks) {
      // Every part goes in as it fills, each its own short statement, the first as `key~0`; `link` renames
      // that one `key` with the whole size (until then the parts are orphans no reader sees, and nothing of
      // the upload waits in memory: a batch of many small files is not held whole).
      let part = new Uint8Array(BLOB_PART_BYTES);
      let filled = 0;
      let size = 0;
      let written = 0;
      const flush = async () => {
        await database.db.insert(blobs).values({ key: `${key}~${written}`, data: part.subarray(0, filled), size: 0 });
        written++;
        filled = 0;
        // A turn of the event loop between parts: PGlite answers in microtasks, and an upload whose chunks
        // are at hand would otherwise keep every other request (and timer) waiting until it is stored.
        await nextTurn();
      };
      const removeParts = async () => {
        const keys = Array.from({ length: written }, (_, i) => `${key}~${i}`);
        for (let i = 0; i < keys.length; i += 500) await database.db.delete(blobs).where(inArray(blobs.key, keys.slice(i, i + 500)));
        written = 0;
      };
      try {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          for (let at = 0; at < chunk.byteLength;) {
            const n = Math.min(BLOB_PART_BYTES - filled, chunk.byteLength - at);
            part.set(chunk.subarray(at, at + n), filled);
            filled += n;
            at += n;
            if (filled === BLOB_PART_BYTES) await flush();
          }
        }
        if (filled > 0 || written === 0) await flush();
      } catch (e) {
        await removeParts();
        throw e;
      }
      // (the closures below share a scope with `flush`: without this, each staged file would keep 256 KB)
      part = new Uint8Array(0);
      let linked = false;
      return {
        key,
        size,
        read: (offset, length) => readParts(database.db, (i) => (linked ? (i === 0 ? key : `${key}~${i}`) : `${key}~${i}`), offset, Math.min(length, size - offset)),
        async link(tx) {
          await tx.update(blobs).set({ key, size }).where(eq(blobs.key, `${key}~0`));
          linked = true;
        },
        async abort() {
          if (linked) await database.db.delete(blobs).where(eq(blobs.key, key));
          await removeParts();
        },
      };
    },
    async read(db, key, offset, length) {
      const [row] = await db.select({ size: blobs.size }).from(blobs).where(eq(blobs.key, key));
      if (!row) throw new DomainError('blob-missing', '文件内容已不在数据库中，无法读取');
      return readParts(db, (i) => (i === 0 ? key : `${key}~${i}`), offset, Math.min(length, row.size - offset));
    },
    async open(db, key) {
      const [row] = await db.select({ data: blobs.data, size: blobs.size }).from(blobs).where(eq(blobs.key, key));
      if (!row) return null;
      const parts = partKeys(key, row.size);
      let next = -1;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (next === -1) controller.enqueue(row.data);
          else {
            const [p] = await db.select({ data: blobs.data }).from(blobs).where(eq(blobs.key, parts[next] ?? ''));
            if (!p) throw new DomainError('blob-incomplete', `文件内容不完整（缺少第 ${next + 2} 部分），无法读取`);
            controller.enqueue(p.data);
          }
          next++;
          if (next >= parts.length) controller.close();
        },
      });
      return { size: row.size, stream };
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

async function readFileRange(path: string, offset: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const out = new Uint8Array(Math.max(0, length));
    let filled = 0;
    while (filled < out.length) {
      const { bytesRead } = await handle.read(out, filled, out.length - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return out.subarray(0, filled);
  } finally {
    await handle.close();
  }
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
    async stage(_database, key, chunks) {
      const file = pathOf(key);
      const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      const handle = await open(temp, 'wx', 0o600);
      let size = 0;
      try {
        for await (const chunk of chunks) {
          await handle.write(chunk);
          size += chunk.byteLength;
        }
        await handle.sync();
      } catch (e) {
        await handle.close();
        rmSync(temp, { force: true });
        throw e;
      }
      await handle.close();
      let linked = false;
      return {
        key,
        size,
        read: (offset, length) => readFileRange(linked ? file : temp, offset, Math.min(length, size - offset)),
        // Moved into place before the transaction commits; `abort` (or `discard`) removes it if it does not.
        async link() {
          renameSync(temp, file);
          linked = true;
        },
        async abort() {
          rmSync(temp, { force: true });
          rmSync(file, { force: true });
        },
      };
    },
    async open(_db, key) {
      try {
        const handle = await open(pathOf(key), 'r');
        const { size } = await handle.stat();
        return { size, stream: Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array> };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async read(_db, key, offset, length) {
      return readFileRange(pathOf(key), offset, length);
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

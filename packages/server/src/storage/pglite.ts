/**
 * The embedded adapter: PGlite (PostgreSQL compiled to WASM) in a data directory, or in memory. The data
 * directory is locked against a second process (see `directory-lock.ts`). PGlite serialises every query:
 * keep transactions short.
 * @module
 */
import { chmodSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DomainError } from '@jixiao/core';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, MIGRATIONS_FOLDER } from './database.ts';
import { type DirectoryLock, lockDirectory } from './directory-lock.ts';
import { exportRows, importRows, truncateAll } from './rows.ts';
import { schema } from './schema.ts';

export type PgliteOptions = {
  /** The data directory (created if missing); omitted: in memory. */
  readonly dataDir?: string;
  /** Start from this dump (`PGlite.dumpDataDir`) instead of an empty cluster (tests: a migrated template). */
  readonly loadDataDir?: Blob;
};

/** The `bytea` type's oid. */
const BYTEA = 17;

/**
 * `bytea` to and from PGlite's text protocol with Node's native hex codec. PGlite's own go through a JS
 * array of every byte (`Array.from(bytes).map(…).join('')`, and `parseInt` per byte back): measured here,
 * a 256 KB blob part took 384 ms and 30 MB to encode and 326 ms to decode, a 19 MB file 35 s and 1.4 GB —
 * on the main thread; these take 6 ms and 3 ms for the part, and hold nothing but the hex text.
 */
export const PGLITE_BYTEA = {
  serializers: {
    [BYTEA]: (value: unknown): string => {
      if (!(value instanceof Uint8Array)) throw new TypeError('bytea expects bytes');
      return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
    },
  },
  parsers: { [BYTEA]: (text: string): Uint8Array => Buffer.from(text.slice(2), 'hex') },
};

/** Where the PGlite cluster lives inside a data directory. */
export const pgliteDirectoryOf = (dataDir: string): string => join(resolve(dataDir), 'pgdata');

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  let lock: DirectoryLock | null = null;
  let client: PGlite;
  let description = 'PGlite（内存）';
  if (options.dataDir !== undefined) {
    const dir = resolve(options.dataDir);
    // Owner-only: the cluster holds password hashes and every unit's reports.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    if (!existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '*\n');
    lock = lockDirectory(dir);
    description = `PGlite（${dir}）`;
    try {
      client = await PGlite.create(pgliteDirectoryOf(dir), { ...PGLITE_BYTEA, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    } catch (e) {
      lock.release();
      throw new DomainError('database-unreadable', `无法打开数据目录 ${dir} 中的内嵌数据库：${(e as Error).message}`);
    }
  } else {
    client = await PGlite.create({ ...PGLITE_BYTEA, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  }
  const db = drizzle({ client, schema }) as unknown as Db;
  let isClosed = false;
  return {
    engine: 'pglite',
    description,
    db,
    transaction: (fn) => db.transaction(fn),
    migrate: () => migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    export: (write) => db.transaction((tx) => exportRows(tx, write)),
    import: (rows, opts) => db.transaction((tx) => importRows(tx, rows, opts?.replace ?? false)),
    truncateAll: () => truncateAll(db),
    async close() {
      if (isClosed) return;
      isClosed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** A dump of a migrated, empty cluster (tests clone it instead of running initdb each time). */
export async function dumpMigratedTemplate(): Promise<Blob> {
  const client = await PGlite.create();
  try {
    await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

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
      client = await PGlite.create(pgliteDirectoryOf(dir), options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    } catch (e) {
      lock.release();
      throw new DomainError('database-unreadable', `无法打开数据目录 ${dir} 中的内嵌数据库：${(e as Error).message}`);
    }
  } else {
    client = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
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

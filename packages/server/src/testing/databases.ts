/**
 * Real databases for tests — no mocks of our storage. PGlite: a migrated template, dumped once to the
 * temp directory (keyed by the migrations' hash) and loaded per test file (~1 s instead of a 6 s initdb).
 * PostgreSQL (when DATABASE_URL is set): a database of its own per test file, dropped at the end, so
 * parallel runs do not collide.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type Engine, MIGRATIONS_FOLDER } from '../storage/database.ts';
import { dumpMigratedTemplate, openPglite } from '../storage/pglite.ts';
import { openPostgres } from '../storage/postgres.ts';

/** The engines the storage suite runs on: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const ENGINES: readonly Engine[] = process.env['DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];

function migrationsHash(): string {
  const h = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) h.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return h.digest('hex').slice(0, 16);
}

/** The migrated template dump (made once per migration set, shared by test files and runs). */
export async function pgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `jixiao-pglite-template-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    const dump = new Uint8Array(await (await dumpMigratedTemplate()).arrayBuffer());
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, dump);
    renameSync(temp, file);
  }
  return new Blob([readFileSync(file)]);
}

/** A fresh, migrated, empty in-memory PGlite (or in `dataDir`). */
export async function openTestPglite(dataDir?: string): Promise<Database> {
  return openPglite({ loadDataDir: await pgliteTemplate(), ...(dataDir ? { dataDir } : {}) });
}

/** A PostgreSQL database created for this test file; `close()` drops it. Returns its URL too. */
export async function createTestPostgres(): Promise<{ database: Database; url: string }> {
  const base = process.env['DATABASE_URL'];
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `jixiao_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), poolSize: 5 });
  await database.migrate();
  const close = database.close;
  return {
    url: url.toString(),
    database: {
      ...database,
      async close() {
        await close();
        const dropper = new pg.Client({ connectionString: base });
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      },
    },
  };
}

export async function openTestDatabase(engine: Engine): Promise<Database> {
  return engine === 'pglite' ? openTestPglite() : (await createTestPostgres()).database;
}

/**
 * The server adapter: PostgreSQL through node-postgres (`DATABASE_URL=postgres://…`). Migrations run
 * under an advisory lock so two servers starting at once do not both apply them.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { type Database, type Db, MIGRATIONS_FOLDER } from './database.ts';
import { exportRows, importRows, truncateAll } from './rows.ts';
import { schema } from './schema.ts';

const MIGRATION_LOCK = 7_420_215;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `${u.host}${u.pathname}`;
  } catch {
    return '（无法解析的地址）';
  }
}

export type PostgresOptions = { readonly url: string; readonly poolSize?: number };

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const where = redactUrl(options.url);
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  pool.on('error', (e) => process.stderr.write(`jixiao：PostgreSQL 连接出错：${e.message}\n`));
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DomainError('database-unreachable', `无法连接 PostgreSQL（${where}）：${(e as Error).message}`);
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  let isClosed = false;
  return {
    engine: 'postgres',
    description: `PostgreSQL ${where}`,
    db,
    transaction: (fn) => db.transaction(fn),
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    export: (write) => db.transaction((tx) => exportRows(tx, write), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    import: (rows, opts) => db.transaction((tx) => importRows(tx, rows, opts?.replace ?? false)),
    truncateAll: () => truncateAll(db),
    async close() {
      if (isClosed) return;
      isClosed = true;
      await pool.end();
    },
  };
}

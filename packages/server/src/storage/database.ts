/**
 * The storage port: one `Database` type, two adapters (PGlite in a data directory, or a PostgreSQL
 * server), chosen at the composition root by `openDatabase`. Both run the same drizzle schema, the same
 * migrations and the same queries.
 * @module
 */
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { schema } from './schema.ts';

export type Schema = typeof schema;
/** A drizzle handle: the database itself or an open transaction (both have the same query API). */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const Engine = { pglite: 'pglite', postgres: 'postgres' } as const;
export type Engine = (typeof Engine)[keyof typeof Engine];

/** A row of a backup: the table and the row as JSON (dates as ISO strings, bytes as base64). */
export type BackupRow = { readonly table: string; readonly row: Record<string, unknown> };

export type Database = {
  readonly engine: Engine;
  /** For messages: "PGlite（./data/pgdata）" or "PostgreSQL 127.0.0.1:5432/test". */
  readonly description: string;
  /** Reads outside a transaction. */
  readonly db: Db;
  /** Runs `fn` in one transaction: every write of a command goes through here. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Applies the migrations not applied yet. */
  migrate(): Promise<void>;
  /** Every row of every backed-up table, from one consistent snapshot. */
  export(write: (row: BackupRow) => Promise<void> | void): Promise<Record<string, number>>;
  /** Inserts rows into an empty database in one transaction (`replace` empties it first). */
  import(rows: AsyncIterable<BackupRow>, options?: { readonly replace?: boolean }): Promise<Record<string, number>>;
  /** Empties every table (tests). */
  truncateAll(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** PostgreSQL error codes we map: drizzle wraps driver errors, the code is at `cause.code`. */
export const PG_ERROR = { uniqueViolation: '23505', foreignKeyViolation: '23503', serializationFailure: '40001' } as const;

export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/u.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

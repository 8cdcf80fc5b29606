/**
 * Export and import of every table's rows, shared by both adapters: typed drizzle queries, so a backup
 * made on PGlite restores on PostgreSQL and back. Dates travel as ISO strings, bytes as base64, numerics
 * as the strings the driver gives.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import { type PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { BackupRow, Db } from './database.ts';
import { BACKUP_TABLES, schema } from './schema.ts';

const TABLES: ReadonlyMap<string, PgTable> = new Map(Object.values(schema).map((t) => [getTableName(t), t as PgTable]));

export const ALL_TABLE_NAMES: readonly string[] = [...TABLES.keys()];

function tableOf(name: string): PgTable {
  const table = TABLES.get(name);
  if (!table) throw new DomainError('backup-invalid', `备份文件中有未知的表「${name}」`);
  return table;
}

type ColumnKind = 'date' | 'bytes' | 'plain';
const kindsCache = new Map<string, ReadonlyMap<string, ColumnKind>>();

function columnKinds(name: string): ReadonlyMap<string, ColumnKind> {
  let kinds = kindsCache.get(name);
  if (!kinds) {
    const m = new Map<string, ColumnKind>();
    for (const [key, column] of Object.entries(getTableColumns(tableOf(name) as Table))) {
      const type = column.columnType;
      m.set(key, type === 'PgTimestamp' ? 'date' : type === 'PgCustomColumn' ? 'bytes' : 'plain');
    }
    kinds = m;
    kindsCache.set(name, kinds);
  }
  return kinds;
}

export function encodeRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const kinds = columnKinds(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const kind = kinds.get(key);
    if (value instanceof Date) out[key] = value.toISOString();
    else if (kind === 'bytes' && value instanceof Uint8Array) out[key] = Buffer.from(value).toString('base64');
    else out[key] = value;
  }
  return out;
}

export function decodeRow(table: string, row: Record<string, unknown>): Record<string, unknown> {
  const kinds = columnKinds(table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const kind = kinds.get(key);
    if (kind === undefined) throw new DomainError('backup-invalid', `备份文件中表「${table}」有未知的列「${key}」`);
    if (value !== null && kind === 'date') out[key] = new Date(String(value));
    else if (value !== null && kind === 'bytes') out[key] = new Uint8Array(Buffer.from(String(value), 'base64'));
    else out[key] = value;
  }
  return out;
}

const BATCH = 500;

/** Streams every backed-up table, ordered by primary key, in batches (call inside one transaction). */
export async function exportRows(tx: Db, write: (row: BackupRow) => Promise<void> | void): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of BACKUP_TABLES) {
    const table = tableOf(name);
    const config = getTableConfig(table);
    const keyColumns = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
    let offset = 0;
    counts[name] = 0;
    for (;;) {
      const rows = (await tx.select().from(table).orderBy(...keyColumns).limit(BATCH).offset(offset)) as Record<string, unknown>[];
      for (const row of rows) await write({ table: name, row: encodeRow(name, row) });
      counts[name] += rows.length;
      offset += rows.length;
      if (rows.length < BATCH) break;
    }
  }
  return counts;
}

export async function truncateAll(tx: Db): Promise<void> {
  await tx.execute(sql.raw(`TRUNCATE TABLE ${ALL_TABLE_NAMES.map((n) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`));
}

async function isEmpty(tx: Db): Promise<boolean> {
  for (const name of BACKUP_TABLES) {
    const rows = await tx.select({ one: sql`1` }).from(tableOf(name)).limit(1);
    if (rows.length > 0) return false;
  }
  return true;
}

/** Inserts the rows (grouped by table, in backup order) into an empty database (call inside one transaction). */
export async function importRows(
  tx: Db,
  rows: AsyncIterable<BackupRow>,
  replace: boolean,
): Promise<Record<string, number>> {
  if (replace) await truncateAll(tx);
  else if (!(await isEmpty(tx))) {
    throw new DomainError('restore-target-not-empty', '目标数据库已有数据；恢复只能写入空数据库（命令行加 --force 先清空再恢复）');
  }
  const counts: Record<string, number> = {};
  let pending: Record<string, unknown>[] = [];
  let pendingTable = '';
  // Units refer to their parent unit: insert them without parents, then link (any depth, any order).
  const parents: [string, string][] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    await tx.insert(tableOf(pendingTable)).values(pending);
    counts[pendingTable] = (counts[pendingTable] ?? 0) + pending.length;
    pending = [];
  };
  const linkParents = async () => {
    for (const [id, parentId] of parents.splice(0)) {
      await tx.execute(sql`UPDATE units SET parent_id = ${parentId} WHERE id = ${id}`);
    }
  };
  const seen = new Set<string>();
  for await (const { table, row } of rows) {
    if (table !== pendingTable) {
      await flush();
      await linkParents();
      if (seen.has(table)) throw new DomainError('backup-invalid', `备份文件中表「${table}」的行不连续`);
      seen.add(table);
      pendingTable = table;
    }
    const decoded = decodeRow(table, row);
    if (table === 'units' && typeof decoded['parentId'] === 'string') {
      parents.push([String(decoded['id']), decoded['parentId']]);
      decoded['parentId'] = null;
    }
    pending.push(decoded);
    if (pending.length >= 200) await flush();
  }
  await flush();
  await linkParents();
  await tx.execute(sql`SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false)`);
  return counts;
}

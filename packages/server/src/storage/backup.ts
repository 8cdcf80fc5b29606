/**
 * `jixiao backup` / `jixiao restore`: one JSON-Lines file (gzip when its name ends in .gz) with a header,
 * every row of every table from one snapshot, the evidence files kept outside the database, and a
 * trailer with the counts. A restore runs in one transaction and checks the trailer before it commits,
 * so a truncated file restores nothing. The format is the same for both engines: a PGlite backup restores
 * on PostgreSQL and back.
 * @module
 */
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '@jixiao/core';
import type { BackupRow, Database } from './database.ts';
import type { BlobStore } from './blob-store.ts';

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_VERSION = 1;

export type BackupSummary = { readonly tables: Record<string, number>; readonly blobs: number };

type Header = { format: string; version: number; createdAt: string; engine: string; blobStore: string };
type Trailer = { end: true; tables: Record<string, number>; blobs: number };

const isGzip = (file: string) => file.toLowerCase().endsWith('.gz');

/** Writes a backup of the database (and the external evidence files) to `file`, atomically. */
export async function writeBackup(database: Database, blobs: BlobStore, file: string): Promise<BackupSummary> {
  const temp = `${file}.partial-${process.pid}`;
  const lines = new PassThrough();
  const out = createWriteStream(temp, { flush: true });
  const done = isGzip(file) ? pipeline(lines, createGzip(), out) : pipeline(lines, out);
  const put = async (value: unknown) => {
    if (!lines.write(`${JSON.stringify(value)}\n`)) await once(lines, 'drain');
  };
  try {
    const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), engine: database.engine, blobStore: blobs.kind };
    await put(header);
    const tables = await database.export((row) => put(row));
    let blobCount = 0;
    for await (const blob of blobs.external()) {
      await put({ blob: blob.key, data: Buffer.from(blob.data).toString('base64') });
      blobCount++;
    }
    const trailer: Trailer = { end: true, tables, blobs: blobCount };
    await put(trailer);
    lines.end();
    await done;
    renameSync(temp, file);
    return { tables, blobs: blobCount };
  } catch (e) {
    lines.destroy();
    await done.catch(() => undefined);
    rmSync(temp, { force: true });
    throw e;
  }
}

function openLines(file: string): AsyncIterable<string> {
  let input: Readable = createReadStream(file);
  input.on('error', () => undefined);
  if (isGzip(file)) input = input.pipe(createGunzip());
  return createInterface({ input, crlfDelay: Infinity });
}

/**
 * Restores a backup into the database (which must be empty unless `replace`), in one transaction.
 * @throws DomainError `backup-invalid` for a file that is not a complete jixiao backup.
 */
export async function restoreBackup(
  database: Database,
  blobs: BlobStore,
  file: string,
  options: { readonly replace?: boolean } = {},
): Promise<BackupSummary> {
  const written: string[] = [];
  let trailer: Trailer | null = null;
  let lineNo = 0;
  const bad = (why: string) => new DomainError('backup-invalid', `${file} 不是完整的 jixiao 备份：${why}`);
  async function* rows(): AsyncIterable<BackupRow> {
    let header: Header | null = null;
    const counts: Record<string, number> = {};
    let blobCount = 0;
    try {
      for await (const line of openLines(file)) {
        lineNo++;
        if (line.trim() === '') continue;
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw bad(`第 ${lineNo} 行不是 JSON`);
        }
        if (header === null) {
          if (value['format'] !== BACKUP_FORMAT) throw bad('缺少文件头');
          if (value['version'] !== BACKUP_VERSION) throw bad(`格式版本 ${String(value['version'])} 不受支持（应为 ${BACKUP_VERSION}）`);
          header = value as unknown as Header;
          continue;
        }
        if (trailer) throw bad(`结尾之后还有内容（第 ${lineNo} 行）`);
        if (value['end'] === true) {
          trailer = value as unknown as Trailer;
          continue;
        }
        if (typeof value['blob'] === 'string') {
          await blobs.restore(value['blob'], new Uint8Array(Buffer.from(String(value['data'] ?? ''), 'base64')));
          written.push(value['blob']);
          blobCount++;
          continue;
        }
        if (typeof value['table'] !== 'string' || typeof value['row'] !== 'object' || value['row'] === null) throw bad(`第 ${lineNo} 行格式不对`);
        counts[value['table']] = (counts[value['table']] ?? 0) + 1;
        yield { table: value['table'], row: value['row'] as Record<string, unknown> };
      }
    } catch (e) {
      if (e instanceof DomainError) throw e;
      throw bad((e as Error).message);
    }
    if (!header) throw bad('文件是空的');
    const end = trailer as Trailer | null;
    if (!end) throw bad('缺少结尾（文件可能被截断）');
    for (const [table, n] of Object.entries(end.tables)) {
      if ((counts[table] ?? 0) !== n) throw bad(`表「${table}」应有 ${n} 行，实有 ${counts[table] ?? 0} 行`);
    }
    if (end.blobs !== blobCount) throw bad(`应有 ${end.blobs} 份佐证材料文件，实有 ${blobCount} 份`);
  }
  try {
    const tables = await database.import(rows(), options);
    return { tables, blobs: written.length };
  } catch (e) {
    for (const key of written) await blobs.discard(key);
    throw e;
  }
}

/**
 * `jixiao backup` / `jixiao restore`: one JSON-Lines file (gzip when its name ends in .gz) with a header,
 * every row of every table from one snapshot, the evidence files kept outside the database, and a
 * trailer with the counts and an HMAC-SHA256 over every line before it. The key is the administrator's
 * (`JIXIAO_BACKUP_KEY`) or one kept in the data directory (`backup.key`, created owner-only on first use):
 * a file edited by someone without the key (a unit head made an administrator) restores nothing. A restore
 * runs in one transaction and checks the trailer and the signature before it commits, so a truncated or
 * altered file restores nothing. Backup files are written owner-only (0600): they hold password hashes. The format is the same for both engines: a PGlite backup restores
 * on PostgreSQL and back.
 * @module
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { DomainError } from '@jixiao/core';
import type { BackupRow, Database } from './database.ts';
import type { BlobStore } from './blob-store.ts';

export const BACKUP_FORMAT = 'jixiao-backup';
/** 2: signed (the trailer's `mac`). Version 1 files carry no signature and are refused. */
export const BACKUP_VERSION = 2;
export const BACKUP_KEY_FILE = 'backup.key';

/**
 * The signing key: `JIXIAO_BACKUP_KEY` (at least 16 characters) when the administrator gives one (restoring
 * on another machine needs the same), else `backup.key` in the data directory, created owner-only.
 */
export function backupKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const given = env['JIXIAO_BACKUP_KEY']?.trim();
  if (given) {
    if (given.length < 16) throw new DomainError('backup-key-weak', 'JIXIAO_BACKUP_KEY 至少 16 个字符');
    return new TextEncoder().encode(given);
  }
  const dir = resolve(dataDir);
  const file = join(dir, BACKUP_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

const macOf = (key: Uint8Array) => createHmac('sha256', key);

export type BackupSummary = { readonly tables: Record<string, number>; readonly blobs: number };

type Header = { format: string; version: number; createdAt: string; engine: string; blobStore: string };
type Trailer = { end: true; tables: Record<string, number>; blobs: number; mac: string };

const isGzip = (file: string) => file.toLowerCase().endsWith('.gz');

/** Writes a signed backup of the database (and the external evidence files) to `file`, atomically and owner-only. */
export async function writeBackup(database: Database, blobs: BlobStore, file: string, options: { readonly key: Uint8Array }): Promise<BackupSummary> {
  const temp = `${file}.partial-${process.pid}`;
  const lines = new PassThrough();
  const out = createWriteStream(temp, { flush: true, mode: 0o600 });
  const done = isGzip(file) ? pipeline(lines, createGzip(), out) : pipeline(lines, out);
  const mac = macOf(options.key);
  const put = async (value: unknown, signed = true) => {
    const line = `${JSON.stringify(value)}\n`;
    if (signed) mac.update(line);
    if (!lines.write(line)) await once(lines, 'drain');
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
    const trailer: Trailer = { end: true, tables, blobs: blobCount, mac: mac.digest('hex') };
    await put(trailer, false);
    lines.end();
    await done;
    chmodSync(temp, 0o600);
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
  options: { readonly replace?: boolean; readonly key: Uint8Array },
): Promise<BackupSummary> {
  const mac = macOf(options.key);
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
        if (value['end'] !== true) mac.update(`${line}\n`);
        if (header === null) {
          if (value['format'] !== BACKUP_FORMAT) throw bad('缺少文件头');
          if (value['version'] === 1) throw bad('这是旧版本（未签名）的备份，无法确认它没有被改动；请用当前版本重新备份');
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
    const expected = Buffer.from(mac.digest('hex'));
    const stated = Buffer.from(typeof end.mac === 'string' ? end.mac : '');
    if (expected.length !== stated.length || !timingSafeEqual(expected, stated)) {
      throw bad('签名不符：文件在备份之后被改动过，或备份密钥不是写入时的那一个（另一台机器上恢复时请用同一个 JIXIAO_BACKUP_KEY 或复制数据目录中的 backup.key）');
    }
  }
  try {
    const tables = await database.import(rows(), options);
    return { tables, blobs: written.length };
  } catch (e) {
    for (const key of written) await blobs.discard(key);
    throw e;
  }
}

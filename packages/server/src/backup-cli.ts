/**
 * `jixiao backup <file>` and `jixiao restore <file>` for both engines: the storage is the one the server
 * would use (DATABASE_URL, else the data directory). On PGlite the data directory's lock means the
 * server must be stopped first; on PostgreSQL they run while it serves (the backup reads one snapshot).
 * @module
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DomainError } from '@jixiao/core';
import { configFromEnv } from './config.ts';
import { blobStoreFor } from './server.ts';
import { backupKey, type BackupSummary, restoreBackup, writeBackup } from './storage/backup.ts';
import { openDatabase } from './storage/open.ts';

export type BackupCliOptions = { readonly dataDir?: string | undefined; readonly force?: boolean | undefined; readonly env?: NodeJS.ProcessEnv };

const describe = (summary: BackupSummary): string => {
  const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  const t = summary.tables;
  return `${rows} 行（自评 ${t['evaluations'] ?? 0} 份、版本 ${t['evaluation_versions'] ?? 0} 个、用户 ${t['users'] ?? 0} 个、审计记录 ${t['audit_log'] ?? 0} 条）${summary.blobs ? `，另有 ${summary.blobs} 份目录存储的佐证材料` : ''}`;
};

function config(options: BackupCliOptions) {
  const c = configFromEnv(options.env ?? process.env);
  return { ...c, dataDir: options.dataDir ?? c.dataDir };
}

export async function backupCommand(file: string, options: BackupCliOptions = {}): Promise<string> {
  const c = config(options);
  const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
  try {
    const summary = await writeBackup(database, blobStoreFor(c), resolve(file), { key: backupKey(c.dataDir, options.env ?? process.env) });
    return `已备份 ${database.description} 到 ${resolve(file)}：${describe(summary)}`;
  } finally {
    await database.close();
  }
}

export async function restoreCommand(file: string, options: BackupCliOptions = {}): Promise<string> {
  if (!existsSync(file)) throw new DomainError('file-unreadable', `找不到备份文件：${file}`);
  const c = config(options);
  const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
  try {
    const summary = await restoreBackup(database, blobStoreFor(c), resolve(file), { replace: options.force ?? false, key: backupKey(c.dataDir, options.env ?? process.env) });
    return `已从 ${resolve(file)} 恢复到 ${database.description}：${describe(summary)}。所有用户需要重新登录。`;
  } finally {
    await database.close();
  }
}

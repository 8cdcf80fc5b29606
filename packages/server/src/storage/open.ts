/**
 * The composition root of storage: `DATABASE_URL` set → PostgreSQL; otherwise PGlite in the data
 * directory (`./data` by default).
 * @module
 */
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type StorageConfig = { readonly databaseUrl?: string | undefined; readonly dataDir: string };

export const DEFAULT_DATA_DIR = './data';

export function storageConfigFromEnv(env: NodeJS.ProcessEnv = process.env, dataDir?: string): StorageConfig {
  const url = env['DATABASE_URL']?.trim();
  return { databaseUrl: url ? url : undefined, dataDir: dataDir ?? env['JIXIAO_DATA_DIR'] ?? DEFAULT_DATA_DIR };
}

/** Opens and migrates the database the configuration names. */
export async function openDatabase(config: StorageConfig): Promise<Database> {
  const database = config.databaseUrl ? await openPostgres({ url: config.databaseUrl }) : await openPglite({ dataDir: config.dataDir });
  try {
    await database.migrate();
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

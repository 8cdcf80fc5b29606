/**
 * The composition root: opens the storage the configuration names (PGlite in the data directory, or
 * PostgreSQL), migrates, runs the first-start set-up, builds the app and listens.
 * @module
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type BootstrapResult, bootstrap } from './bootstrap.ts';
import type { ServerConfig } from './config.ts';
import { startServerBatchWorkers } from './batch/start.ts';
import { analysisPool } from './commands/analysis-pool.ts';
import { defaultServices, type Services } from './commands/registry.ts';
import { createApp } from './http/app.ts';
import { DEFAULT_WEB_ROOT } from './http/web.ts';
import { loadSchemes } from './schemes.ts';
import { type BlobStore, databaseBlobStore, directoryBlobStore, removeOrphanParts } from './storage/blob-store.ts';
import type { Database } from './storage/database.ts';
import { openDatabase } from './storage/open.ts';

export type RunningServer = {
  readonly url: string;
  readonly port: number;
  readonly database: Database;
  readonly services: Services;
  readonly bootstrap: BootstrapResult;
  close(): Promise<void>;
};

export function blobStoreFor(config: Pick<ServerConfig, 'blobs'>): BlobStore {
  return config.blobs === 'database' ? databaseBlobStore() : directoryBlobStore(config.blobs.directory);
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const pool = analysisPool();
    let wakeBatchWorkers = () => undefined as void;
    const services = defaultServices({ database, blobs: blobStoreFor(config), schemes: loadSchemes(), analyse: pool, onBatchQueued: () => wakeBatchWorkers() });
    // parts of uploads cut off by a crash (older than an hour: a PostgreSQL server may be shared with other processes)
    await removeOrphanParts(database.db, new Date(Date.now() - 3600_000));
    const setUp = await bootstrap(services, { adminPassword: config.adminPassword, demo: config.demo, demoPassword: config.demoPassword });
    const { app } = createApp({
      services,
      secureCookies: config.secureCookies,
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      webRoot: config.webRoot === undefined ? DEFAULT_WEB_ROOT : config.webRoot,
    });
    const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const port = (server.address() as AddressInfo).port;
    // Started once the port is ours: a server that fails to start claims no file.
    const batch = await startServerBatchWorkers(database, config);
    wakeBatchWorkers = batch.wake;
    const shownHost = config.host === '127.0.0.1' || config.host === '::1' || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      database,
      services,
      bootstrap: setUp,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await batch.close();
        await pool.close();
        await database.close();
      },
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

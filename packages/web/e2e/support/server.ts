/**
 * The real server for browser tests: `startServer` of packages/server on a free loopback port, an embedded
 * database in a fresh temporary directory, the demo data (the seed as a draft of 衡阳县自然资源局) and the
 * built web app. With `generate`, synthetic regions, units and evaluations (`generateDemo` + `storeDemo`)
 * are stored before the server starts.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemes } from '@jixiao/documents';
import { type DemoOptions, generateDemo, openDatabase, startServer, storeDemo } from '@jixiao/server';
import { DIST } from './static-server.ts';

export const ADMIN_PASSWORD = 'Admin-pass-2023';
export const DEMO_PASSWORD = 'Demo-pass-2023';

export type TestServer = { readonly url: string; readonly demoEvaluationId: string | null; close(): Promise<void> };

export async function startTestServer(options: { generate?: DemoOptions } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-e2e-'));
  if (options.generate) {
    const schemes = loadSchemes();
    const database = await openDatabase({ dataDir });
    // Each generated region's reviewer account (`<seed>-reviewer-<n>`) gets the demo password.
    await storeDemo(database, generateDemo(options.generate, schemes), schemes, { reviewerPassword: DEMO_PASSWORD });
    await database.close();
  }
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir,
    blobs: 'database',
    adminPassword: ADMIN_PASSWORD,
    demo: true,
    demoPassword: DEMO_PASSWORD,
    secureCookies: false,
    allowedOrigins: [],
    trustProxy: false,
    webRoot: DIST,
  });
  return {
    url: `http://127.0.0.1:${server.port}`,
    demoEvaluationId: server.bootstrap.demoEvaluationId,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server the benchmark loads (`bench/server.ts` runs it as a child process): the real app with its
 * demo data and 60 copies of the seed evaluation to edit, plus a bare hono handler that stores and reads
 * the same JSON in the same database (`/bare/documents`), the baseline of the ratios. Prints one line
 * `READY {json}` when listening.
 * @module
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bootstrap, SEED_EVALUATION_FILE } from '../bootstrap.ts';
import { analysisPool } from '../commands/analysis-pool.ts';
import { COMMANDS } from '../commands/index.ts';
import { defaultServices, execute } from '../commands/registry.ts';
import { createApp } from '../http/app.ts';
import { loadSchemes } from '../schemes.ts';
import { databaseBlobStore } from '../storage/blob-store.ts';
import { users } from '../storage/schema.ts';
import { createTestPostgres, openTestPglite } from './databases.ts';

export const BENCH_PASSWORD = 'Bench-password-1';
export const BENCH_EVALUATIONS = 60;

const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const database = engine === 'postgres' ? (await createTestPostgres()).database : await openTestPglite();
const pool = process.env['JIXIAO_BENCH_INLINE'] ? null : analysisPool();
const services = defaultServices({ database, blobs: databaseBlobStore(), schemes: loadSchemes(), ...(pool ? { analyse: pool } : {}) });
await bootstrap(services, { demo: true, adminPassword: BENCH_PASSWORD, demoPassword: BENCH_PASSWORD });
const [preparerRow] = await database.db.select().from(users).where(sql`${users.username} = 'preparer'`);
if (!preparerRow) throw new Error('no demo preparer');
const preparer = { id: preparerRow.id, username: preparerRow.username, displayName: preparerRow.displayName, role: 'preparer' as const, unitId: preparerRow.unitId, regionId: preparerRow.regionId };
const seed = JSON.parse(readFileSync(SEED_EVALUATION_FILE, 'utf8')) as Record<string, unknown>;
const evaluationIds: string[] = [];
for (let i = 0; i < BENCH_EVALUATIONS; i++) {
  const created = await execute(COMMANDS['evaluation-create'], { ...services, actor: preparer }, { document: { ...seed, year: 2030 + i } });
  evaluationIds.push(created.id);
}
await database.db.execute(sql`CREATE TABLE IF NOT EXISTS bench_documents (id bigserial PRIMARY KEY, document jsonb NOT NULL)`);
/** Both drivers answer raw SQL with `{ rows }`. */
const rows = async <T>(query: ReturnType<typeof sql>): Promise<T[]> => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const [inserted] = await rows<{ id: string | number }>(sql`INSERT INTO bench_documents (document) VALUES (${JSON.stringify(seed)}::jsonb) RETURNING id`);
const bareId = String(inserted?.id);

const root = new Hono();
root.get('/bare/documents/:id', async (c) => {
  const [row] = await rows<{ document: unknown }>(sql`SELECT document FROM bench_documents WHERE id = ${c.req.param('id')}`);
  return c.json(row?.document ?? null);
});
root.put('/bare/documents', async (c) => {
  const body = JSON.parse(await c.req.text()) as { document: unknown };
  const [row] = await rows<{ id: string | number }>(sql`INSERT INTO bench_documents (document) VALUES (${JSON.stringify(body.document)}::jsonb) RETURNING id`);
  return c.json({ id: String(row?.id) });
});
root.route('/', createApp({ services, webRoot: null, loginRateLimit: { max: 1000, windowMs: 60_000 } }).app);

const server = serve({ fetch: root.fetch, port: 0, hostname: '127.0.0.1' });
server.once('listening', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`READY ${JSON.stringify({ port, engine, evaluationIds, bareId, seedYear: 2030 })}\n`);
});
const stop = () => {
  // finish the requests in flight before closing the database
  server.close(() => {
    void pool?.close();
    database.close().then(() => process.exit(0), () => process.exit(1));
  });
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

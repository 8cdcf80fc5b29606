/**
 * The child process of bench/bureau.ts's memory figures: the real server (`startServer`, configured from
 * the environment like `npm start`) on a database that already holds demo data, with a reviewer of the
 * first demo region and an administrator added for the benchmark. Answers over IPC: `ready` (after it
 * listens: the user names and password) and `memory` (`process.memoryUsage()`, after a full GC if asked).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../packages/server/src/auth/password.ts';
import { configFromEnv } from '../packages/server/src/config.ts';
import { startServer } from '../packages/server/src/server.ts';
import { openDatabase } from '../packages/server/src/storage/open.ts';

const PASSWORD = 'Bench-password-1';
const REVIEWER = 'bench-reviewer';
const ADMIN = 'bench-admin';

async function addUsers(config: ReturnType<typeof configFromEnv>): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const hash = await hashPassword(PASSWORD, { logN: 10, r: 8, p: 1 });
    const db = database.db;
    // Installed already: the first-start set-up (accounts, the seed evaluation) is not run on benchmark data.
    await db.execute(sql`INSERT INTO meta (key, value) VALUES ('installed', ${JSON.stringify({ at: new Date().toISOString(), by: 'bench' })}::jsonb) ON CONFLICT (key) DO NOTHING`);
    const region = ((await db.execute(sql`SELECT id FROM regions WHERE name LIKE '演示%' ORDER BY name LIMIT 1`)) as unknown as { rows: { id: string }[] }).rows[0]?.id ?? null;
    for (const [username, role, regionId] of [[REVIEWER, 'reviewer', region], [ADMIN, 'admin', null]] as const) {
      await db.execute(sql`
        INSERT INTO users (id, username, display_name, password_hash, role, region_id, is_active)
        VALUES (${randomUUID()}, ${username}, ${username}, ${hash}, ${role}, ${regionId}, true)
        ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role, region_id = excluded.region_id,
          is_active = true, failed_logins = 0, locked_until = NULL`);
    }
  } finally {
    await database.close();
  }
}

const send = (message: unknown) => process.send?.(message);
let ready: Promise<unknown> | null = null;

process.on('message', (message: { type: string; gc?: boolean }) => {
  if (message.type === 'ready') {
    ready ??= (async () => {
      const config = configFromEnv({ ...process.env, JIXIAO_DEMO: '0' });
      await addUsers(config);
      await startServer(config);
    })();
    ready.then(
      () => send({ ok: true, reviewer: REVIEWER, admin: ADMIN, password: PASSWORD }),
      (e: unknown) => send({ ok: false, error: (e as Error)?.message ?? String(e) }),
    );
  } else if (message.type === 'memory') {
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    send(process.memoryUsage());
  }
});

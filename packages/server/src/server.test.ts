import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_EVALUATION_FILE } from './bootstrap.ts';
import type { ServerConfig } from './config.ts';
import { configFromEnv } from './config.ts';
import { startServer } from './server.ts';
import { createTestPostgres, ENGINES, openTestPglite } from './testing/databases.ts';

const config = (overrides: Partial<ServerConfig>): ServerConfig => ({ ...configFromEnv({}), port: 0, webRoot: null, ...overrides });

async function login(url: string, username: string, password: string) {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as { csrfToken?: string };
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', csrfToken: body.csrfToken ?? '' };
}

/** The generated first-run password must be changed before anything else: the server refuses every other call. */
async function changeFirstRunPassword(url: string, session: { cookie: string; csrfToken: string }, currentPassword: string, newPassword: string) {
  const refused = await fetch(`${url}/api/evaluations`, { headers: { cookie: session.cookie } });
  expect(refused.status).toBe(403);
  expect(await refused.json()).toEqual({ error: { code: 'password-change-required', message: expect.stringContaining('请先修改初始密码') } });
  const me = (await (await fetch(`${url}/api/auth/me`, { headers: { cookie: session.cookie } })).json()) as { mustChangePassword: boolean };
  expect(me.mustChangePassword).toBe(true);
  const changed = await fetch(`${url}/api/auth/password`, {
    method: 'POST', headers: { cookie: session.cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ currentPassword, newPassword }),
  });
  expect(changed.status).toBe(200);
}

describe.each(ENGINES)('npm start on %s', (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('sets up the demo on first start, prints generated passwords once, and serves the seed to a person who logs in', async () => {
    let storage: Partial<ServerConfig>;
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      await (await openTestPglite(dir)).close();
      storage = { dataDir: dir, databaseUrl: undefined };
    } else {
      const { database, url } = await createTestPostgres();
      cleanups.push(() => database.close());
      storage = { databaseUrl: url };
    }
    const server = await startServer(config(storage));
    try {
      const { bootstrap } = server;
      expect(bootstrap.isFirstStart).toBe(true);
      expect(bootstrap.credentials.map((c) => [c.username, c.roleName])).toEqual([['admin', '系统管理员'], ['preparer', '填报人'], ['unithead', '单位负责人'], ['reviewer', '财政审核']]);
      for (const c of bootstrap.credentials) expect(c.password).toMatch(/^[A-Za-z0-9]{16}$/u);
      expect(new Set(bootstrap.credentials.map((c) => c.password)).size).toBe(4);

      const url = `http://127.0.0.1:${server.port}`;
      const preparer = bootstrap.credentials[1];
      const session = await login(url, 'preparer', preparer?.password ?? '');
      expect(session.status).toBe(200);
      await changeFirstRunPassword(url, session, preparer?.password ?? '', 'Preparer-chose-this-9');
      const list = (await (await fetch(`${url}/api/evaluations`, { headers: { cookie: session.cookie } })).json()) as { items: { id: string; unitName: string; year: number; statusName: string; errorCount: number }[] };
      expect(list.items).toEqual([expect.objectContaining({ id: bootstrap.demoEvaluationId, unitName: '衡阳县自然资源局', year: 2022, statusName: '草稿', errorCount: 11 })]);
      const detail = (await (await fetch(`${url}/api/evaluations/${bootstrap.demoEvaluationId}`, { headers: { cookie: session.cookie } })).json()) as { version: { document: unknown; computedTotal: string; statedTotal: string } };
      expect(detail.version.document).toEqual(JSON.parse(readFileSync(SEED_EVALUATION_FILE, 'utf8')));
      expect(detail.version).toMatchObject({ computedTotal: '98.00', statedTotal: '97' });
      const reviewer = await login(url, 'reviewer', bootstrap.credentials[3]?.password ?? '');
      await changeFirstRunPassword(url, reviewer, bootstrap.credentials[3]?.password ?? '', 'Reviewer-chose-this-9');
      const asReviewer = await fetch(`${url}/api/evaluations/${bootstrap.demoEvaluationId}`, { headers: { cookie: reviewer.cookie } });
      expect(asReviewer.status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(await page.text()).toContain('网页端还没有构建');

      if (engine === 'pglite') {
        await expect(startServer(config(storage))).rejects.toMatchObject({ code: 'database-locked' });
      }
    } finally {
      await server.close();
    }

    const second = await startServer(config({ ...storage, adminPassword: 'Not-used-any-more-1' }));
    try {
      expect(second.bootstrap).toEqual({ isFirstStart: false, credentials: [], demoEvaluationId: null });
      expect((await login(`http://127.0.0.1:${second.port}`, 'admin', 'Not-used-any-more-1')).status).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('configuration', () => {
  it('reads the environment and refuses what it cannot use, in Chinese', () => {
    expect(configFromEnv({})).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: undefined, blobs: 'database', demo: true, secureCookies: false });
    expect(configFromEnv({ PORT: '8080', DATABASE_URL: 'postgresql://u@h/db', JIXIAO_BLOBS: '/srv/files', JIXIAO_DEMO: '0', JIXIAO_ALLOWED_ORIGINS: 'http://a, http://b' })).toMatchObject({
      port: 8080, databaseUrl: 'postgresql://u@h/db', blobs: { directory: '/srv/files' }, demo: false, allowedOrigins: ['http://a', 'http://b'],
    });
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(/PORT 应为/u);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL 应以 postgres:\/\//u);
  });

  it('gives administrators the password from the environment instead of generating one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-env-'));
    try {
      await (await openTestPglite(dir)).close();
      const server = await startServer(config({ dataDir: dir, databaseUrl: undefined, adminPassword: 'Given-by-env-1', demo: false }));
      try {
        expect(server.bootstrap.credentials).toEqual([expect.objectContaining({ username: 'admin', password: null })]);
        expect((await login(`http://127.0.0.1:${server.port}`, 'admin', 'Given-by-env-1')).status).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

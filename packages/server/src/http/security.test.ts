import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../commands/registry.ts';
import type { Database } from '../storage/database.ts';
import { sessions as sessionsTable, users } from '../storage/schema.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { hasChinese, PDF_BYTES, pdfForm, TestClient } from '../testing/http.ts';
import { buildWorld, seedDocument, TEST_PASSWORD, type World } from '../testing/world.ts';
import { createApp } from './app.ts';
import { ROUTES } from './routes.ts';
import { PLACEHOLDER_PAGE } from './web.ts';

describe.each(ENGINES)('security on %s', (engine) => {
  let database: Database;
  let w: World;
  let now = Date.parse('2023-03-01T02:00:00Z');
  let services: Services;
  let client: TestClient;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    services = { ...w.services, clock: () => new Date(now) };
    client = new TestClient(createApp({ services, loginRateLimit: { max: 1000, windowMs: 60_000 }, allowedOrigins: ['http://localhost:5173'] }).app);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('sets the session in an HttpOnly, SameSite=Strict cookie and never returns the token in the body', async () => {
    const reply = await client.request('POST', '/api/auth/login', { json: { username: 'a-preparer', password: TEST_PASSWORD } });
    expect(reply.status).toBe(200);
    const [cookie = '', device = ''] = reply.headers.getSetCookie();
    expect(device).toMatch(/^jixiao_device=[^;]+; Max-Age=31536000; Path=\/api\/auth; HttpOnly; SameSite=Strict$/u);
    expect(cookie).toMatch(/^jixiao_session=[A-Za-z0-9_-]{43}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/u);
    const token = /^jixiao_session=([^;]+)/u.exec(cookie)?.[1] ?? '';
    expect(reply.text).not.toContain(token);
    const rows = await database.db.select().from(sessionsTable);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.length).toBeGreaterThan(0);

    const secure = new TestClient(createApp({ services, secureCookies: true }).app);
    const secureReply = await secure.request('POST', '/api/auth/login', { json: { username: 'a-preparer', password: TEST_PASSWORD } });
    expect(secureReply.headers.get('set-cookie')).toMatch(/; Secure; SameSite=Strict$/u);
    expect(secureReply.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('stores passwords as scrypt hashes only', async () => {
    const [row] = await database.db.select().from(users).where(eq(users.username, 'a-preparer'));
    expect(row?.passwordHash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/u);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it('requires the CSRF token on every write, and rejects foreign origins', async () => {
    const session = await client.login('a-preparer', TEST_PASSWORD);
    const document = seedDocument();
    const missing = await client.request('POST', '/api/check', { session, withoutCsrf: true, json: { document } });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ error: { code: 'csrf-failed' } });
    const wrong = await client.request('POST', '/api/check', { session: { ...session, csrfToken: 'x'.repeat(43) }, json: { document } });
    expect(wrong.status).toBe(403);
    const right = await client.request('POST', '/api/check', { session, json: { document } });
    expect(right.status).toBe(200);
    const read = await client.request('GET', '/api/auth/me', { session, withoutCsrf: true });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ username: 'a-preparer', csrfToken: session.csrfToken });

    const foreign = await client.request('POST', '/api/check', { session, json: { document }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: { code: 'origin-rejected' } });
    const foreignLogin = await client.request('POST', '/api/auth/login', { json: { username: 'a-preparer', password: TEST_PASSWORD }, headers: { origin: 'null' } });
    expect(foreignLogin.status).toBe(403);
    const dev = await client.request('POST', '/api/check', { session, json: { document }, headers: { origin: 'http://localhost:5173' } });
    expect(dev.status).toBe(200);
    const formLogin = await client.request('POST', '/api/auth/login', { body: 'username=a-preparer&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(formLogin.status).toBe(415);
  });

  it('locks an account after 5 wrong passwords, for 1 minute and longer each time, until an administrator unlocks it', async () => {
    for (let i = 1; i <= 4; i++) {
      const reply = await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: `Wrong-${i}-password` } });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'login-failed', message: '用户名或密码不正确' } });
    }
    const fifth = await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: 'Wrong-5-password' } });
    expect(fifth.status).toBe(423);
    const correct = await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: TEST_PASSWORD } });
    expect(correct.status).toBe(423);
    expect((correct.body as { error: { message: string } }).error.message).toMatch(/1 分钟后再试/u);
    now += 2 * 60_000;
    expect((await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: TEST_PASSWORD } })).status).toBe(200);

    for (let i = 0; i < 5; i++) await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: 'Wrong-again-1' } });
    expect((await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: TEST_PASSWORD } })).status).toBe(423);
    const admin = await client.login('admin', TEST_PASSWORD);
    const list = await client.request('GET', '/api/users?role=unitHead', { session: admin });
    expect((list.body as { items: { username: string; isLocked: boolean }[] }).items.find((u) => u.username === 'b-head')?.isLocked).toBe(true);
    const unlock = await client.request('PATCH', `/api/users/${w.b.unitHead.id}`, { session: admin, json: { unlock: true, reason: '本人电话确认' } });
    expect(unlock.status).toBe(200);
    expect((await client.request('POST', '/api/auth/login', { json: { username: 'b-head', password: TEST_PASSWORD } })).status).toBe(200);
    const audit = await client.request('GET', `/api/audit?entityId=${w.b.unitHead.id}&action=account-lock`, { session: admin });
    expect((audit.body as { total: number }).total).toBe(2);
  });

  it('limits login attempts per client address', async () => {
    const limited = new TestClient(createApp({ services, loginRateLimit: { max: 3, windowMs: 60_000 } }).app);
    for (let i = 0; i < 3; i++) expect((await limited.request('POST', '/api/auth/login', { json: { username: 'nobody', password: 'x' } })).status).toBe(401);
    const blocked = await limited.request('POST', '/api/auth/login', { json: { username: 'a-preparer', password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(hasChinese((blocked.body as { error: { message: string } }).error.message)).toBe(true);
  });

  it('ends sessions at logout, at expiry, at deactivation and at a password change elsewhere', async () => {
    const first = await client.login('a-head', TEST_PASSWORD);
    const second = await client.login('a-head', TEST_PASSWORD);
    const logout = await client.request('POST', '/api/auth/logout', { session: first });
    expect(logout.status).toBe(200);
    expect(logout.headers.get('set-cookie')).toMatch(/^jixiao_session=; Max-Age=0; Path=\//u);
    expect((await client.request('GET', '/api/auth/me', { session: first })).status).toBe(401);
    expect((await client.request('GET', '/api/auth/me', { session: second })).status).toBe(200);

    const changer = await client.login('a-head', TEST_PASSWORD);
    const changed = await client.request('POST', '/api/auth/password', { session: changer, json: { currentPassword: TEST_PASSWORD, newPassword: 'Another-password-2' } });
    expect(changed.status).toBe(200);
    expect((await client.request('GET', '/api/auth/me', { session: second })).status).toBe(401);
    expect((await client.request('GET', '/api/auth/me', { session: changer })).status).toBe(200);
    const weak = await client.request('POST', '/api/auth/password', { session: changer, json: { currentPassword: 'Another-password-2', newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ error: { code: 'password-weak' } });

    const admin = await client.login('admin', TEST_PASSWORD);
    const deactivated = await client.request('PATCH', `/api/users/${w.a.unitHead.id}`, { session: admin, json: { isActive: false, reason: '调离' } });
    expect(deactivated.status).toBe(200);
    expect((await client.request('GET', '/api/auth/me', { session: changer })).status).toBe(401);
    expect((await client.request('POST', '/api/auth/login', { json: { username: 'a-head', password: 'Another-password-2' } })).status).toBe(401);
    const self = await client.request('PATCH', `/api/users/${w.admin.id}`, { session: admin, json: { isActive: false } });
    expect(self.status).toBe(409);

    const late = await client.login('a-preparer', TEST_PASSWORD);
    now += 9 * 3_600_000;
    expect((await new TestClient(createApp({ services }).app).request('GET', '/api/auth/me', { session: late })).status).toBe(401);
  });

  it('sends security headers on the API and on pages', async () => {
    for (const path of ['/api/health', '/']) {
      const reply = await client.request('GET', path);
      expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(reply.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(reply.headers.get('referrer-policy')).toBe('same-origin');
    }
    expect((await client.request('GET', '/api/health')).headers.get('cache-control')).toBe('no-store');
  });

  it('stores an evidence file and sends it back as an attachment that cannot run in the page', async () => {
    const session = await client.login('a-preparer', TEST_PASSWORD);
    const created = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    const upload = await client.request('POST', `/api/evaluations/${created.id}/evidence`, { session, form: pdfForm(2, '不动产登记证 发放台账.pdf') });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ indicatorIndex: 2, indicatorName: '绿色矿山建设', fileName: '不动产登记证 发放台账.pdf', mediaType: 'application/pdf', size: PDF_BYTES.length });
    const download = await client.request('GET', `/api/evidence/${(upload.body as { id: string }).id}`, { session });
    expect(download.status).toBe(200);
    expect(download.text).toBe(new TextDecoder().decode(PDF_BYTES));
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="______ ____.pdf"; filename*=UTF-8''${encodeURIComponent('不动产登记证 发放台账.pdf')}`);
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    const traversal = await client.request('POST', `/api/evaluations/${created.id}/evidence`, { session, form: pdfForm(0, '../../etc/passwd.pdf') });
    expect(traversal.status).toBe(201);
    expect((traversal.body as { fileName: string }).fileName).toBe('passwd.pdf');
  });

  it('answers unknown API paths with a Chinese 404, and serves the OpenAPI document of every route', async () => {
    const missing = await client.request('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'route-not-found', message: expect.stringContaining('没有这个接口') } });
    const doc = (await client.request('GET', '/api/openapi.json')).body as {
      openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { schema: { properties?: Record<string, { $ref?: string }> } }> } }>>; components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const route of ROUTES) {
      const operation = doc.paths[route.path.replace(/:([A-Za-z]+)/gu, '{$1}')]?.[route.method.toLowerCase()];
      expect(operation?.operationId, `${route.method} ${route.path}`).toBe(route.command);
    }
    expect(doc.paths['/api/evaluations/{id}']?.['put']?.requestBody?.content['application/json']?.schema.properties?.['document']).toEqual({ $ref: '#/components/schemas/Evaluation' });
    expect(doc.components.schemas['Evaluation']).toMatchObject({ oneOf: expect.any(Array) });
  });

  it('refuses every call but the password change, who-am-I and logout while a handed-out password is in use', async () => {
    const created = await w.run('user-create', w.admin, { username: 'first-run-preparer', displayName: '初始密码填报人', role: 'preparer', unitId: w.a.unitId });
    const session = await client.login('first-run-preparer', created.initialPassword ?? '');
    const reads = ['/api/evaluations', '/api/schemes', `/api/units/${w.a.unitId}`, '/api/dashboard'];
    for (const path of reads) {
      const refused = await client.request('GET', path, { session });
      expect(refused.status, path).toBe(403);
      expect((refused.body as { error: { code: string; message: string } }).error).toEqual({ code: 'password-change-required', message: expect.stringContaining('请先修改初始密码') });
    }
    const write = await client.request('POST', '/api/evaluations', { session, json: { document: seedDocument(w.a.unitName) } });
    expect(write.status).toBe(403);
    expect((await client.request('GET', '/api/auth/me', { session })).body).toMatchObject({ mustChangePassword: true });
    const wrong = await client.request('POST', '/api/auth/password', { session, json: { currentPassword: 'Not-the-password-1', newPassword: 'Own-password-2024' } });
    expect((wrong.body as { error: { code: string } }).error.code).toBe('password-wrong');
    const changed = await client.request('POST', '/api/auth/password', { session, json: { currentPassword: created.initialPassword, newPassword: 'Own-password-2024' } });
    expect(changed.status).toBe(200);
    expect((await client.request('GET', '/api/evaluations', { session })).status).toBe(200);
    expect((await client.request('GET', '/api/auth/me', { session })).body).toMatchObject({ mustChangePassword: false });

    // A reset by the administrator marks the password again; logging out stays possible.
    const reset = await w.run('user-update', w.admin, { id: created.user.id, resetPassword: true });
    const again = await client.login('first-run-preparer', reset.newPassword ?? '');
    expect((await client.request('GET', '/api/evaluations', { session: again })).status).toBe(403);
    expect((await client.request('POST', '/api/auth/logout', { session: again })).status).toBe(200);
  });

  it('serves the built web app with a fallback to its index page, or says in Chinese that it is not built', async () => {
    expect((await client.request('GET', '/evaluations/123')).text).toBe(PLACEHOLDER_PAGE);
    const root = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    try {
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>网页端</title>');
      writeFileSync(join(root, 'app.js'), 'console.log(1)');
      const web = new TestClient(createApp({ services, webRoot: root }).app);
      expect((await web.request('GET', '/')).text).toContain('网页端');
      expect((await web.request('GET', '/evaluations/123')).text).toContain('网页端');
      const script = await web.request('GET', '/app.js');
      expect(script.text).toBe('console.log(1)');
      expect(script.headers.get('content-type')).toMatch(/javascript/u);
      expect((await web.request('GET', '/api/nothing')).status).toBe(404);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

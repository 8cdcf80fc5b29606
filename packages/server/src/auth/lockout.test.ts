import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../commands/registry.ts';
import { createApp } from '../http/app.ts';
import { RateLimiter } from '../http/security.ts';
import type { Database } from '../storage/database.ts';
import { auditLog } from '../storage/schema.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { TestClient } from '../testing/http.ts';
import { buildWorld, TEST_PASSWORD, type World } from '../testing/world.ts';
import { checkPasswordStrength } from './password.ts';

const login = (client: TestClient, username: string, password: string, headers: Record<string, string> = {}) =>
  client.request('POST', '/api/auth/login', { json: { username, password }, headers });

const codeOf = (body: unknown) => (body as { error?: { code: string } }).error?.code;
const messageOf = (body: unknown) => (body as { error?: { message: string } }).error?.message;

describe.each(ENGINES)('login accounting on %s', (engine) => {
  let database: Database;
  let w: World;
  let now = Date.parse('2023-03-01T02:00:00Z');
  let services: Services;
  let client: TestClient;

  /** Password checks made on an account: each one leaves a login-fail or account-lock entry. */
  const checksOn = async (userId: string) =>
    (await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, userId), inArray(auditLog.action, ['login-fail', 'account-lock'])))).length;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    services = { ...w.services, clock: () => new Date(now) };
    client = new TestClient(createApp({ services, loginRateLimit: { max: 10_000, windowMs: 60_000 } }).app);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('locks the account after 5 of 20 guesses sent at once; the other 15 are refused without a check', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => login(client, 'a-head', `Wrong-guess-${i}`)));
    expect(replies.filter((r) => r.status === 401)).toHaveLength(4);
    expect(replies.filter((r) => r.status === 423)).toHaveLength(16);
    expect(await checksOn(w.a.unitHead.id)).toBe(5);
    const right = await login(client, 'a-head', TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(messageOf(right.body)).toMatch(/1 分钟后再试/u);
    now += 61_000;
    expect((await login(client, 'a-head', TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps 60 parallel guesses to 5 checks, and the right password out until the back-off has passed', async () => {
    const before = await checksOn(w.b.unitHead.id);
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => login(client, 'b-head', `Wrong-guess-${i}`)));
    expect(replies.every((r) => r.status === 401 || r.status === 423)).toBe(true);
    expect((await checksOn(w.b.unitHead.id)) - before).toBe(5);
    expect((await login(client, 'b-head', TEST_PASSWORD)).status).toBe(423);
    // Back-off: after the lock, the next failure locks for twice as long.
    now += 61_000;
    expect((await login(client, 'b-head', 'Wrong-again-1')).status).toBe(423);
    now += 61_000;
    expect((await login(client, 'b-head', TEST_PASSWORD)).status).toBe(423);
    now += 61_000;
    expect((await login(client, 'b-head', TEST_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown username exactly as a real one, and spends a hash check on a locked account', async () => {
    const sequence = async (username: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const reply = await login(client, username, `Wrong-guess-${i}`);
        out.push(`${reply.status} ${codeOf(reply.body)} ${messageOf(reply.body)}`);
      }
      return out;
    };
    const known = await sequence('a-preparer');
    const unknown = await sequence('no-such-user');
    expect(unknown).toEqual(known);
    expect(known.slice(4).every((line) => line.startsWith('423 account-locked'))).toBe(true);
    // A locked account still pays for a hash (before: 2 ms against ~94 ms for an unknown name).
    const slow = new TestClient(createApp({ services: { ...services, passwordCost: { logN: 15, r: 8, p: 1 } }, loginRateLimit: { max: 10_000, windowMs: 60_000 } }).app);
    const started = performance.now();
    expect((await login(slow, 'a-preparer', 'Wrong-guess-x')).status).toBe(423);
    expect(performance.now() - started).toBeGreaterThan(20);
    now += 16 * 60_000;
  });

  it('does not let a stranger lock the owner out of a browser the owner signed in from', async () => {
    const first = await login(client, 'b-preparer', TEST_PASSWORD);
    const device = first.headers.getSetCookie().find((c) => c.startsWith('jixiao_device='))?.split(';')[0] ?? '';
    expect(device).toMatch(/^jixiao_device=.{40,}/u);
    for (let i = 0; i < 6; i++) await login(client, 'b-preparer', `Stranger-guess-${i}`);
    expect((await login(client, 'b-preparer', TEST_PASSWORD)).status).toBe(423);
    expect((await login(client, 'b-preparer', TEST_PASSWORD, { cookie: device })).status).toBe(200);
    // A device cookie of another account, or a forged one, is a stranger's.
    const forged = device.replace(/.$/u, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await login(client, 'b-preparer', TEST_PASSWORD, { cookie: forged })).status).toBe(200); // the success above cleared the lock
    for (let i = 0; i < 5; i++) await login(client, 'b-preparer', `Stranger-guess-${i}`);
    expect((await login(client, 'b-preparer', TEST_PASSWORD, { cookie: forged })).status).toBe(423);
    // The device has a budget of its own: 5 wrong passwords from it and it counts as a stranger.
    for (let i = 0; i < 5; i++) expect((await login(client, 'b-preparer', `Device-guess-${i}`, { cookie: device })).status).toBe(401);
    expect((await login(client, 'b-preparer', TEST_PASSWORD, { cookie: device })).status).toBe(423);
    now += 16 * 60_000;
  });

  it('counts only failures per client address, and takes the address the trusted proxy appended', async () => {
    const limited = new TestClient(createApp({ services, loginRateLimit: { max: 3, windowMs: 600_000 }, trustProxy: true }).app);
    for (let i = 0; i < 25; i++) expect((await login(limited, 'admin', TEST_PASSWORD, { 'x-forwarded-for': '10.0.0.7' })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      expect((await login(limited, `nobody-${i}`, 'Wrong-guess-1', { 'x-forwarded-for': `192.0.2.${i}, 10.0.0.9` })).status).toBe(401);
    }
    // The client changes the leftmost address at will; the proxy's (rightmost) one is what counts.
    const blocked = await login(limited, 'admin', TEST_PASSWORD, { 'x-forwarded-for': '192.0.2.99, 10.0.0.9' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(limited, 'admin', TEST_PASSWORD, { 'x-forwarded-for': '10.0.0.9, 10.0.0.7' })).status).toBe(200);
  });

  it('throttles password change like login, and refuses weak new passwords', async () => {
    const session = await client.login('a-preparer', TEST_PASSWORD);
    const change = (currentPassword: string, newPassword: string) => client.request('POST', '/api/auth/password', { session, json: { currentPassword, newPassword } });
    for (const weak of ['password12', 'a-preparer123', `${' '.repeat(10)}1`]) {
      const reply = await change(TEST_PASSWORD, weak);
      expect(reply.status, weak).toBe(400);
      expect(codeOf(reply.body)).toBe('password-weak');
    }
    for (let i = 0; i < 4; i++) expect((await change(`Wrong-current-${i}`, 'Vivid-Lantern-8842')).status).toBe(400);
    expect((await change('Wrong-current-5', 'Vivid-Lantern-8842')).status).toBe(423);
    expect((await change(TEST_PASSWORD, 'Vivid-Lantern-8842')).status).toBe(423);
    now += 61_000;
    expect((await change(TEST_PASSWORD, 'Vivid-Lantern-8842')).status).toBe(200);
  });
});

describe('password policy and address limiter', () => {
  it('refuses common passwords, the username in any case, and patterns; keeps random ones', () => {
    for (const weak of ['password12', 'Password123', 'qwertyuiop1', 'Admin123456', `${' '.repeat(10)}1`, 'aaaaaaaaaa1', 'P@ssw0rd2023']) {
      expect(() => checkPasswordStrength(weak, { username: 'admin' }), weak).toThrow(/[\u4e00-\u9fff]/u);
    }
    expect(() => checkPasswordStrength('zhangwei-2023', { username: 'zhangwei' })).toThrow(/密码不能是用户名加上几个字符/u);
    expect(() => checkPasswordStrength('Admin-pass-2023', { username: 'admin' })).not.toThrow();
    expect(() => checkPasswordStrength('Vivid-Lantern-8842', { username: 'admin' })).not.toThrow();
  });

  it('does not forget a busy address when many others come and go', () => {
    const limiter = new RateLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) expect(limiter.hit('attacker', 0)).toBe(0);
    for (let i = 0; i < 20_000; i++) limiter.hit(`198.51.${i >> 8}.${i & 255}`, 1);
    expect(limiter.hit('attacker', 2)).toBeGreaterThan(0);
  });
});

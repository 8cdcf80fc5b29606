/**
 * Input that reached the database or the call stack before a Chinese 4xx (issue 16, Low): JSON nested
 * thousands deep, a version past PostgreSQL's integer, a lone UTF-16 surrogate; and an Origin that only
 * matches because the page chose the Host header (DNS rebinding).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { hasChinese, type Session, TestClient } from '../testing/http.ts';
import { buildWorld, seedDocument, TEST_PASSWORD, type World } from '../testing/world.ts';
import { createApp } from './app.ts';
import { isOriginAllowed } from './security.ts';

describe.each(ENGINES)('input at the edge on %s', (engine) => {
  let database: Database;
  let w: World;
  let client: TestClient;
  let session: Session;
  let evaluationId = '';

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    client = new TestClient(createApp({ services: w.services, loginRateLimit: { max: 1000, windowMs: 60_000 } }).app);
    session = await client.login('a-preparer', TEST_PASSWORD);
    evaluationId = (await w.run('evaluation-create', w.a.preparer, { document: seedDocument() })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const expect4xx = (reply: { status: number; body: unknown }, status = 400) => {
    expect(reply.status).toBe(status);
    expect(hasChinese((reply.body as { error: { message: string } }).error.message)).toBe(true);
  };

  it('refuses JSON nested 5,000 and 100,000 levels deep with a 400', async () => {
    for (const depth of [5000, 100_000]) {
      const body = `{"document":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const reply = await client.request('POST', '/api/check', { session, body, headers: { 'content-type': 'application/json' } });
      expect4xx(reply);
      expect((reply.body as { error: { message: string } }).error.message).toMatch(/嵌套超过 64 层/u);
    }
  });

  it('refuses a version or an index past PostgreSQL\'s integer with a 400, in the path and in the body', async () => {
    expect4xx(await client.request('GET', `/api/evaluations/${evaluationId}/versions/2147483648`, { session }));
    expect4xx(await client.request('GET', `/api/evaluations/${evaluationId}/compare?from=1&to=99999999999`, { session }));
    expect4xx(await client.request('POST', `/api/evaluations/${evaluationId}/submit`, { session, json: { version: 4294967296 } }));
  });

  it('refuses a lone surrogate in a string or a key with a 400 naming the field', async () => {
    const document = { ...seedDocument(), unit: { ...(seedDocument()['unit'] as object), name: 'bad\ud800name' } };
    const reply = await client.request('PUT', `/api/evaluations/${evaluationId}`, { session, json: { baseVersion: 1, document } });
    expect4xx(reply);
    expect((reply.body as { error: { message: string } }).error.message).toMatch(/document\.unit\.name 含有无效的字符/u);
    const key = await client.request('POST', '/api/check', { session, json: { document: { ...seedDocument(), ['\udc00']: 1 } } });
    expect4xx(key);
    // a well-formed pair (an emoji) is fine
    const fine = await client.request('POST', '/api/check', { session, json: { document: { ...seedDocument(), note: '好 😀' } } });
    expect(fine.status).not.toBe(500);
  });
});

describe('the Origin check', () => {
  it('trusts the request\'s own origin only for an address or localhost, never for a name the Host header brings', () => {
    expect(isOriginAllowed('http://localhost:3000', 'http://localhost:3000/api/x', [])).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:3000', 'http://127.0.0.1:3000/api/x', [])).toBe(true);
    expect(isOriginAllowed('http://[::1]:3000', 'http://[::1]:3000/api/x', [])).toBe(true);
    // DNS rebinding: evil.example resolves to this server; the browser sends Host and Origin alike
    expect(isOriginAllowed('http://evil.example:3000', 'http://evil.example:3000/api/x', [])).toBe(false);
    expect(isOriginAllowed('https://jx.example.gov.cn', 'https://jx.example.gov.cn/api/x', ['https://jx.example.gov.cn'])).toBe(true);
    expect(isOriginAllowed(undefined, 'http://evil.example/api/x', [])).toBe(true);
  });
});

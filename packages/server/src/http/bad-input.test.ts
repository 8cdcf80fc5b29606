/**
 * Bad input on every endpoint: malformed JSON, the wrong content type, unknown fields, every field of
 * every input replaced by values of the wrong kind, garbage path and query parameters, an oversized body.
 * The answer is always a 4xx with a code and a Chinese message — never a 500 — and the definitely bad
 * variants are all refused.
 */
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.ts';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { hasChinese, pdfForm, type Reply, type Session, TestClient } from '../testing/http.ts';
import { buildWorld, cleanDocument, projectDocument, seedDocument, TEST_PASSWORD, type World } from '../testing/world.ts';
import { createApp, MAX_JSON_BYTES } from './app.ts';
import { bodyKind, pathParams, ROUTES, type RouteSpec } from './routes.ts';

const GARBAGE_VALUES: readonly unknown[] = [null, 12345, -1, 1.5, 1e308, 'abc', '', 'x'.repeat(6000), [], {}, true, { $ne: null }];
const GARBAGE_PARAMS: readonly string[] = ['no-such-id', 'x'.repeat(300), '%E4%B8%AD%E6%96%87', '..%2F..%2Fetc%2Fpasswd', '0', '-1', '1.5', 'NaN', '1e309', '%00', "'%20OR%201=1--"];
const GARBAGE_QUERY: readonly string[] = ['abc', '-1', '0', '1e309', 'x'.repeat(300), '%00', 'true'];

describe.each(ENGINES)('bad input on every endpoint on %s', (engine) => {
  let database: Database;
  let w: World;
  let client: TestClient;
  const sessions = new Map<string, Session>();
  const ids = { evaluation: '', submitted: '', evidence: '', spotCheck: '', deletable: '' };
  let n = 0;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    client = new TestClient(createApp({ services: w.services, loginRateLimit: { max: 100_000, windowMs: 60_000 } }).app);
    for (const user of [w.a.preparer, w.a.unitHead, w.a.reviewer, w.admin]) sessions.set(user.role, await client.login(user.username, TEST_PASSWORD));
    const created = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    ids.evaluation = created.id;
    const evidence = await w.run('evidence-add', w.a.preparer, { id: created.id, indicatorIndex: 0, fileName: 'a.pdf', data: new TextEncoder().encode('%PDF-1.4\n%%EOF') });
    ids.evidence = evidence.id;
    const clean = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName) });
    await w.run('evaluation-submit', w.a.preparer, { id: clean.id, version: 1 });
    ids.submitted = clean.id;
    // A draft of its own for DELETE /api/evaluations/:id (the first valid request deletes it; later ones get 404).
    ids.deletable = (await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2016) })).id;
    ids.spotCheck = (await w.run('spot-check-create', w.a.reviewer, { year: 2023, count: 1, seed: 's' })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A session allowed to call the route (the input, not the role, is what is under test). */
  const sessionFor = async (route: RouteSpec): Promise<Session | null> => {
    const access = COMMANDS[route.command].access;
    if (access === 'public') return null;
    const role = access === 'signed-in' ? 'preparer' : (access[0] ?? 'preparer');
    if (route.command === 'session-logout' || route.command === 'password-change') {
      const user = role === 'admin' ? w.admin : w.a[role as 'preparer'];
      return client.login(user.username, TEST_PASSWORD);
    }
    return sessions.get(role) ?? null;
  };

  const validParams: Record<string, () => string> = {
    id: () => ids.evaluation,
    number: () => '1',
    indicatorIndex: () => '0',
    evidenceId: () => ids.evidence,
    evaluationId: () => ids.submitted,
    format: () => 'docx',
  };
  const paramFor = (route: RouteSpec, name: string) => {
    if (name === 'id' && route.path.startsWith('/api/units')) return w.a.unitId;
    if (name === 'id' && route.path.startsWith('/api/users')) return w.a.unitHead.id;
    if (name === 'id' && route.path.startsWith('/api/spot-checks')) return ids.spotCheck;
    if (name === 'id' && /reviews|return|approve/u.test(route.path)) return ids.submitted;
    if (name === 'id' && route.command === 'evaluation-delete') return ids.deletable;
    return validParams[name]?.() ?? 'x';
  };
  const pathWith = (route: RouteSpec, override: Record<string, string> = {}) =>
    route.path.replace(/:([A-Za-z]+)/gu, (_, name: string) => override[name] ?? paramFor(route, name));

  /** A valid body for each command, so that one field at a time can be spoiled. */
  const validBody = (route: RouteSpec): Record<string, unknown> => {
    const bodies: Record<string, () => Record<string, unknown>> = {
      'session-login': () => ({ username: 'nobody', password: 'Wrong-password-1' }),
      'password-change': () => ({ currentPassword: 'Wrong-password-1', newPassword: 'New-password-12' }),
      'region-create': () => ({ name: `地区${++n}`, financeBureau: '财政局' }),
      'unit-create': () => ({ regionId: w.a.regionId, name: `单位${++n}`, kind: 'budgetUnit' }),
      'user-create': () => ({ username: `bad${++n}`, displayName: '某人', role: 'unitHead', unitId: w.a.unitId }),
      'user-update': () => ({ displayName: '某人' }),
      'check-run': () => ({ document: seedDocument() }),
      'evaluation-create': () => ({ document: { ...projectDocument(), project: { name: `项目${++n}` } } }),
      'evaluation-save': () => ({ baseVersion: 999, document: seedDocument() }),
      'evaluation-submit': () => ({ version: 999, justifications: {} }),
      'evaluation-return': () => ({ opinion: '意见' }),
      'evaluation-approve': () => ({ reviewScore: '999', reviewOpinion: '意见' }),
      'review-save': () => ({ reviewScore: '999', opinion: '意见' }),
      'spot-check-create': () => ({ year: 2023, count: 1 }),
      'spot-check-record': () => ({ result: 'confirmed', opinion: '意见', reviewedScore: '90' }),
      'spot-check-assign': () => ({ assigneeId: w.a.reviewer.id }),
    };
    return bodies[route.command]?.() ?? {};
  };
  const fieldsOf = (route: RouteSpec): string[] => {
    const json = z.toJSONSchema(COMMANDS[route.command].input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
    return Object.keys(json.properties ?? {}).filter((k) => !pathParams(route.path).includes(k));
  };

  const problems: string[] = [];
  const judge = (route: RouteSpec, what: string, reply: Reply, mustRefuse: boolean) => {
    const key = `${route.method} ${route.path} · ${what}`;
    if (reply.status >= 500) problems.push(`${key}: ${reply.status} ${reply.text.slice(0, 200)}`);
    else if (reply.status >= 400) {
      const error = (reply.body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (typeof error?.code !== 'string' || !hasChinese(error.message)) problems.push(`${key}: ${reply.status} without a code and a Chinese message: ${reply.text.slice(0, 200)}`);
    } else if (mustRefuse) problems.push(`${key}: accepted (${reply.status})`);
  };

  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    problems.length = 0;
    const kind = bodyKind(route);
    const send = async (path: string, options: Parameters<TestClient['request']>[2] = {}) => client.request(route.method, path, { session: await sessionFor(route), ...options });

    for (const name of pathParams(route.path)) {
      for (const value of GARBAGE_PARAMS) {
        const reply = await send(pathWith(route, { [name]: value }), kind === 'json' ? { json: validBody(route) } : kind === 'multipart' ? { form: pdfForm(0) } : {});
        judge(route, `path ${name}=${value.slice(0, 20)}`, reply, true);
      }
    }
    if (kind === 'query') {
      for (const field of fieldsOf(route)) {
        for (const value of GARBAGE_QUERY) judge(route, `query ${field}=${value.slice(0, 20)}`, await send(`${pathWith(route)}?${field}=${value}`), false);
      }
      judge(route, 'unknown query field', await send(`${pathWith(route)}?zzz=1`), true);
    }
    if (kind === 'json') {
      const path = pathWith(route);
      judge(route, 'malformed JSON', await send(path, { body: '{"a":', headers: { 'content-type': 'application/json' } }), true);
      judge(route, 'JSON array', await send(path, { body: '[]', headers: { 'content-type': 'application/json' } }), true);
      judge(route, 'JSON string', await send(path, { body: '"x"', headers: { 'content-type': 'application/json' } }), true);
      judge(route, 'text/plain', await send(path, { body: JSON.stringify(validBody(route)), headers: { 'content-type': 'text/plain' } }), true);
      judge(route, 'form-encoded', await send(path, { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), true);
      judge(route, 'unknown field', await send(path, { json: { ...validBody(route), zzz: 1 } }), true);
      judge(route, 'too large', await send(path, { body: `{"x":"${'a'.repeat(MAX_JSON_BYTES)}"}`, headers: { 'content-type': 'application/json' } }), true);
      for (const field of fieldsOf(route)) {
        for (const value of GARBAGE_VALUES) {
          if (route.command === 'session-logout') continue;
          judge(route, `${field}=${JSON.stringify(value).slice(0, 20)}`, await send(path, { json: { ...validBody(route), [field]: value } }), false);
        }
      }
    }
    if (kind === 'multipart') {
      const path = pathWith(route);
      const form = (entries: [string, string | File][]) => {
        const f = new FormData();
        for (const [k, v] of entries) f.set(k, v);
        return f;
      };
      const file = (bytes: string | Uint8Array, name: string) => new File([typeof bytes === 'string' ? new TextEncoder().encode(bytes) : (bytes as Uint8Array<ArrayBuffer>)], name);
      const cases: [string, FormData][] = [
        ['no file', form([['indicatorIndex', '0']])],
        ['file as text', form([['file', 'not a file'], ['indicatorIndex', '0']])],
        ['no indicator', form([['file', file('%PDF-1.4', 'a.pdf')]])],
        ['indicator out of range', form([['file', file('%PDF-1.4', 'a.pdf')], ['indicatorIndex', '999']])],
        ['indicator not a number', form([['file', file('%PDF-1.4', 'a.pdf')], ['indicatorIndex', 'abc']])],
        ['an executable', form([['file', file('MZ\x90\x00\x03', 'a.pdf')], ['indicatorIndex', '0']])],
        ['a script named .pdf', form([['file', file('<script>alert(1)</script>', 'a.pdf')], ['indicatorIndex', '0']])],
        ['extension does not match content', form([['file', file('%PDF-1.4', 'a.docx')], ['indicatorIndex', '0']])],
        ['empty file', form([['file', file('', 'a.pdf')], ['indicatorIndex', '0']])],
        ['nameless', form([['file', file('%PDF-1.4', '')], ['indicatorIndex', '0']])],
        ['unknown field', form([['file', file('%PDF-1.4', 'a.pdf')], ['indicatorIndex', '0'], ['zzz', '1']])],
      ];
      for (const [what, body] of cases) judge(route, what, await send(path, { form: body }), true);
      judge(route, 'JSON instead of a form', await send(path, { json: { indicatorIndex: 0 } }), true);
      judge(route, 'too large', await send(path, { form: form([['file', file(new Uint8Array(22 * 1024 * 1024).fill(0x25), 'a.pdf')], ['indicatorIndex', '0']]) }), true);
    }
    expect(problems).toEqual([]);
  });

  it('explains an invalid evaluation document field by field, in Chinese', async () => {
    const doc = seedDocument() as { selfEvaluation: { indicators: { score: unknown }[] }; year: unknown };
    (doc.selfEvaluation.indicators[3] as { score: unknown }).score = '五分';
    doc.year = 1900;
    const reply = await client.request('POST', '/api/check', { session: sessions.get('preparer') ?? null, json: { document: doc } });
    expect(reply.status).toBe(400);
    const error = (reply.body as { error: { code: string; message: string; details: string[] } }).error;
    expect(error.code).toBe('model-invalid');
    expect(error.message).toBe('自评数据有 2 处格式错误');
    expect(error.details).toEqual(expect.arrayContaining([expect.stringMatching(/^year：/u), 'selfEvaluation.indicators[3].score：不是有效的分值：「五分」']));
  });

  it('refuses a document that belongs to another evaluation', async () => {
    const reply = await client.request('PUT', `/api/evaluations/${ids.evaluation}`, { session: sessions.get('preparer') ?? null, json: { baseVersion: 1, document: seedDocument('别的单位') } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'document-mismatch', message: expect.stringContaining('unit.name 为「别的单位」，应为本单位「衡阳县自然资源局」') } });
  });
});

/**
 * The authorization matrix: every route × every role (and anonymous) × a target in the actor's own
 * unit/region and in the other one, asserting the exact status. Anything outside a user's scope is 404
 * (its existence does not leak); a role that may never do an action gets 403 whatever the target;
 * anonymous gets 401. List routes are also checked for leaked rows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { pdfForm, type Reply, type Session, TestClient } from '../testing/http.ts';
import { buildWorld, cleanDocument, projectDocument, TEST_PASSWORD, type World, type WorldSide } from '../testing/world.ts';
import { createApp } from './app.ts';
import { ROUTES } from './routes.ts';

const SEED_TEXT = fileURLToPath(new URL('../../../../examples/hengyang-natural-resources-2022.txt', import.meta.url));
const ACTORS = ['anonymous', 'preparer', 'unitHead', 'reviewer', 'admin'] as const;
type ActorKey = (typeof ACTORS)[number];
type Scope = 'own' | 'other';
type Target = { readonly path: string; readonly json?: unknown; readonly form?: FormData };
/** [own, other]; null where "other" means nothing for the route (one's own session). */
type Expect = Record<ActorKey, readonly [number, number | null]>;

type Case = {
  readonly expect: Expect;
  readonly target: (scope: Scope, actor: ActorKey) => Promise<Target>;
  /** Runs with a session of its own (the route ends the session). */
  readonly isolatedSession?: boolean;
  /** Runs as a new user of the same role and place (the route changes the account). */
  readonly isolatedUser?: boolean;
  /** Rows the response must not contain (ids from the other side). */
  readonly leaks?: (reply: Reply, scope: Scope, actor: ActorKey) => void;
};

const all = (status: number): Expect => ({ anonymous: [401, 401], preparer: [status, status], unitHead: [status, status], reviewer: [status, status], admin: [status, status] });
const only = (allowed: Partial<Record<ActorKey, readonly [number, number | null]>>): Expect => ({
  anonymous: [401, 401], preparer: [403, 403], unitHead: [403, 403], reviewer: [403, 403], admin: [403, 403], ...allowed,
});
const readers = (own = 200): Expect => only({ preparer: [own, 404], unitHead: [own, 404], reviewer: [own, 404] });

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let database: Database;
  let w: World;
  let client: TestClient;
  const sessions = new Map<string, Session>();
  let n = 0;
  const shared: Record<Scope, { evaluationId: string; evidenceId: string; spotCheckId: string; spotEvaluationId: string; batchId: string; batchItemId: string }> = {} as never;

  const side = (scope: Scope): WorldSide => (scope === 'own' ? w.a : w.b);
  const userOf = (actor: ActorKey) => (actor === 'admin' ? w.admin : actor === 'anonymous' ? null : w.a[actor]);

  const project = (name: string) => {
    const d = projectDocument() as { project: Record<string, unknown> };
    return { ...d, project: { ...d.project, name } };
  };
  const draft = async (scope: Scope) => {
    const s = side(scope);
    const created = await w.run('evaluation-create', s.preparer, { unitId: s.unitId, document: project(`矩阵项目${++n}`) });
    return created.id;
  };
  const submitted = async (scope: Scope) => {
    const id = await draft(scope);
    await w.run('evaluation-submit', side(scope).preparer, { id, version: 1 });
    return id;
  };
  const approved = async (scope: Scope) => {
    const id = await submitted(scope);
    await w.run('evaluation-approve', side(scope).reviewer, { id, reviewScore: '95', reviewOpinion: '同意' });
    return id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    client = new TestClient(createApp({ services: w.services, loginRateLimit: { max: 10_000, windowMs: 60_000 } }).app);
    for (const actor of ACTORS) {
      const user = userOf(actor);
      if (user) sessions.set(actor, await client.login(user.username, TEST_PASSWORD));
    }
    for (const scope of ['own', 'other'] as const) {
      const s = side(scope);
      const evaluationId = await draft(scope);
      const form = pdfForm(0);
      const file = form.get('file') as File;
      const evidence = await w.run('evidence-add', s.preparer, { id: evaluationId, indicatorIndex: 0, fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      const spotEvaluationId = await submitted(scope);
      const spot = await w.run('spot-check-create', s.reviewer, { year: 2023, evaluationIds: [spotEvaluationId] });
      const batch = await w.run('batch-create', s.reviewer, { files: [{ fileName: '报告.txt', data: new Uint8Array(readFileSync(SEED_TEXT)) }] });
      const batchItemId = (await w.run('batch-get', s.reviewer, { id: batch.id })).items[0]?.id ?? '';
      shared[scope] = { evaluationId, evidenceId: evidence.id, spotCheckId: spot.id, spotEvaluationId, batchId: batch.id, batchItemId };
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const noRowsOf = (other: () => string[]) => (reply: Reply) => {
    const text = JSON.stringify(reply.body);
    for (const id of other()) expect(text).not.toContain(id);
  };

  const CASES: Record<string, Case> = {
    'POST /api/auth/login': {
      expect: { anonymous: [200, 401], preparer: [200, 401], unitHead: [200, 401], reviewer: [200, 401], admin: [200, 401] },
      target: async (scope, actor) => {
        const user = actor === 'anonymous' || actor === 'admin' ? w.a.preparer : w.a[actor];
        return { path: '/api/auth/login', json: scope === 'own' ? { username: user.username, password: TEST_PASSWORD } : { username: w.b.preparer.username.replace('preparer', `nobody-${actor}`), password: 'Wrong-password-9' } }; // one name per actor: five failures on one name lock it (auth/lockout.ts)
      },
    },
    'POST /api/auth/logout': { expect: { ...all(200), preparer: [200, null], unitHead: [200, null], reviewer: [200, null], admin: [200, null] }, isolatedSession: true, target: async () => ({ path: '/api/auth/logout' }) },
    'GET /api/auth/me': { expect: { ...all(200), preparer: [200, null], unitHead: [200, null], reviewer: [200, null], admin: [200, null] }, target: async () => ({ path: '/api/auth/me' }) },
    'POST /api/auth/password': {
      expect: { ...all(200), preparer: [200, null], unitHead: [200, null], reviewer: [200, null], admin: [200, null] },
      isolatedUser: true,
      target: async () => ({ path: '/api/auth/password', json: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
    },
    'GET /api/regions': {
      expect: all(200),
      target: async () => ({ path: '/api/regions' }),
      leaks: (reply, _scope, actor) => {
        if (actor !== 'admin' && actor !== 'anonymous') noRowsOf(() => [w.b.regionId])(reply);
      },
    },
    'POST /api/regions': { expect: only({ admin: [201, 201] }), target: async (scope) => ({ path: '/api/regions', json: { name: `地区${scope}${++n}`, financeBureau: '某县财政局' } }) },
    'GET /api/units': {
      expect: all(200),
      target: async (scope) => ({ path: `/api/units?regionId=${side(scope).regionId}` }),
      leaks: (reply, _scope, actor) => {
        if (actor !== 'admin' && actor !== 'anonymous') noRowsOf(() => [w.b.unitId])(reply);
      },
    },
    'POST /api/units': { expect: only({ admin: [201, 201] }), target: async (scope) => ({ path: '/api/units', json: { regionId: side(scope).regionId, name: `单位${++n}`, kind: 'budgetUnit', parentId: side(scope).unitId } }) },
    'GET /api/units/:id': { expect: { ...readers(), admin: [200, 200] }, target: async (scope) => ({ path: `/api/units/${side(scope).unitId}` }) },
    'GET /api/users': { expect: only({ admin: [200, 200] }), target: async (scope) => ({ path: `/api/users?regionId=${side(scope).regionId}` }) },
    'POST /api/users': { expect: only({ admin: [201, 201] }), target: async (scope) => ({ path: '/api/users', json: { username: `u${++n}-${scope}`, displayName: '新用户', role: 'unitHead', unitId: side(scope).unitId } }) },
    'PATCH /api/users/:id': { expect: only({ admin: [200, 200] }), target: async (scope) => ({ path: `/api/users/${side(scope).unitHead.id}`, json: { displayName: `负责人${++n}` } }) },
    'GET /api/audit': { expect: only({ admin: [200, 200] }), target: async (scope) => ({ path: `/api/audit?entityId=${side(scope).unitId}` }) },
    'GET /api/schemes': { expect: all(200), target: async () => ({ path: '/api/schemes' }) },
    'POST /api/check': { expect: all(200), target: async (scope) => ({ path: '/api/check', json: { document: cleanDocument(side(scope).unitName) } }) },
    'GET /api/evaluations': {
      expect: only({ preparer: [200, 200], unitHead: [200, 200], reviewer: [200, 200] }),
      target: async (scope) => ({ path: `/api/evaluations?unitId=${side(scope).unitId}` }),
      leaks: (reply, scope) => {
        noRowsOf(() => [shared.other.evaluationId, shared.other.spotEvaluationId])(reply);
        if (scope === 'other' && reply.status === 200) expect((reply.body as { total: number }).total).toBe(0);
      },
    },
    'POST /api/evaluations': { expect: only({ preparer: [201, 404] }), target: async (scope) => ({ path: '/api/evaluations', json: { unitId: side(scope).unitId, document: project(`新项目${++n}`) } }) },
    'GET /api/evaluations/:id': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}` }) },
    'PUT /api/evaluations/:id': { expect: only({ preparer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await draft(scope)}`, json: { baseVersion: 1, document: project(`矩阵项目${n}`) } }) },
    'GET /api/evaluations/:id/versions': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/versions` }) },
    'GET /api/evaluations/:id/versions/:number': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/versions/1` }) },
    'GET /api/evaluations/:id/compare': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/compare?from=1&to=1` }) },
    'GET /api/evaluations/:id/export/:format': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/export/docx` }) },
    'POST /api/import': {
      expect: { ...all(200), preparer: [200, null], unitHead: [200, null], reviewer: [200, null], admin: [200, null] },
      target: async () => {
        const form = new FormData();
        form.set('file', new File([readFileSync(SEED_TEXT)], '衡阳县自然资源局2022年部门整体支出绩效自评报告.txt'));
        return { path: '/api/import', form };
      },
    },
    'POST /api/evaluations/:id/submit': { expect: only({ preparer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await draft(scope)}/submit`, json: { version: 1 } }) },
    'POST /api/evaluations/:id/return': { expect: only({ reviewer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await submitted(scope)}/return`, json: { opinion: '请补充佐证材料' } }) },
    'POST /api/evaluations/:id/approve': { expect: only({ reviewer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await submitted(scope)}/approve`, json: { reviewScore: '92.5', reviewOpinion: '同意' } }) },
    'POST /api/evaluations/:id/publish': { expect: only({ reviewer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await approved(scope)}/publish` }) },
    'POST /api/evaluations/:id/withdraw': {
      expect: only({ reviewer: [200, 404] }),
      target: async (scope) => {
        const id = await approved(scope);
        await w.run('evaluation-publish', side(scope).reviewer, { id });
        return { path: `/api/evaluations/${id}/withdraw`, json: { reason: '数据有误，更正后再公开' } };
      },
    },
    'POST /api/evaluations/:id/sign': { expect: only({ unitHead: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await draft(scope)}/sign`, json: { version: 1 } }) },
    'DELETE /api/evaluations/:id': { expect: only({ preparer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await draft(scope)}` }) },
    'GET /api/evaluations/:id/history': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/history` }) },
    'GET /api/evaluations/:id/reviews': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].spotEvaluationId}/reviews` }) },
    'PUT /api/evaluations/:id/reviews/:indicatorIndex': { expect: only({ reviewer: [200, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await submitted(scope)}/reviews/0`, json: { reviewScore: '1', opinion: '数量与佐证一致' } }) },
    'GET /api/evaluations/:id/evidence': { expect: readers(), target: async (scope) => ({ path: `/api/evaluations/${shared[scope].evaluationId}/evidence` }) },
    'POST /api/evaluations/:id/evidence': { expect: only({ preparer: [201, 404] }), target: async (scope) => ({ path: `/api/evaluations/${await draft(scope)}/evidence`, form: pdfForm(0) }) },
    'GET /api/evidence/:evidenceId': { expect: readers(), target: async (scope) => ({ path: `/api/evidence/${shared[scope].evidenceId}` }) },
    'DELETE /api/evidence/:evidenceId': {
      expect: only({ preparer: [200, 404] }),
      target: async (scope) => {
        const id = await draft(scope);
        const evidence = await w.run('evidence-add', side(scope).preparer, { id, indicatorIndex: 0, fileName: 'a.pdf', data: pdfBytes() });
        return { path: `/api/evidence/${evidence.id}` };
      },
    },
    'GET /api/spot-checks': {
      expect: only({ reviewer: [200, 200] }),
      target: async () => ({ path: '/api/spot-checks' }),
      leaks: noRowsOf(() => [shared.other.spotCheckId]),
    },
    'POST /api/spot-checks': { expect: only({ reviewer: [201, 400] }), target: async (scope) => ({ path: '/api/spot-checks', json: { year: 2023, evaluationIds: [shared[scope].spotEvaluationId] } }) },
    'POST /api/spot-checks/by-risk': { expect: only({ reviewer: [201, null] }), target: async () => ({ path: '/api/spot-checks/by-risk', json: { year: 2023, criterion: 'findings', count: 1 } }) },
    'GET /api/spot-checks/:id': { expect: only({ reviewer: [200, 404] }), target: async (scope) => ({ path: `/api/spot-checks/${shared[scope].spotCheckId}` }) },
    'PUT /api/spot-checks/:id/items/:evaluationId': {
      expect: only({ reviewer: [200, 404] }),
      target: async (scope) => ({ path: `/api/spot-checks/${shared[scope].spotCheckId}/items/${shared[scope].spotEvaluationId}`, json: { result: 'confirmed', opinion: '抽查属实' } }),
    },
    'PUT /api/spot-checks/:id/items/:evaluationId/assignee': {
      expect: only({ reviewer: [200, 404] }),
      target: async (scope) => ({ path: `/api/spot-checks/${shared[scope].spotCheckId}/items/${shared[scope].spotEvaluationId}/assignee`, json: { assigneeId: w.a.reviewer.id } }),
    },
    'GET /api/dashboard': {
      expect: only({ reviewer: [200, 404], admin: [200, 200] }),
      target: async (scope) => ({ path: `/api/dashboard?year=2023&regionId=${side(scope).regionId}` }),
      leaks: (reply, scope, actor) => {
        if (actor === 'reviewer' || scope === 'own') noRowsOf(() => [shared.other.evaluationId, shared.other.spotEvaluationId])(reply);
      },
    },
    'GET /api/dashboard/ranking': {
      expect: only({ reviewer: [200, 404], admin: [200, 200] }),
      target: async (scope) => ({ path: `/api/dashboard/ranking?year=2023&regionId=${side(scope).regionId}` }),
      leaks: (reply, scope, actor) => {
        if (actor === 'reviewer' || scope === 'own') noRowsOf(() => [shared.other.evaluationId, shared.other.spotEvaluationId])(reply);
      },
    },
    'GET /api/dashboard/export': { expect: only({ reviewer: [200, 404], admin: [200, 200] }), target: async (scope) => ({ path: `/api/dashboard/export?year=2023&regionId=${side(scope).regionId}` }) },
    'GET /api/open-data': { expect: only({ reviewer: [200, 404], admin: [200, 200] }), target: async (scope) => ({ path: `/api/open-data?year=2023&format=csv&table=evaluations&regionId=${side(scope).regionId}` }) },
    'GET /api/open-data/dictionary': {
      expect: { anonymous: [200, null], preparer: [200, null], unitHead: [200, null], reviewer: [200, null], admin: [200, null] },
      target: async () => ({ path: '/api/open-data/dictionary' }),
    },
    'GET /api/batches': {
      expect: only({ reviewer: [200, 200], admin: [200, 200] }),
      target: async () => ({ path: '/api/batches' }),
      leaks: (reply, _scope, actor) => {
        if (actor === 'reviewer') noRowsOf(() => [shared.other.batchId])(reply);
      },
    },
    'POST /api/batches': {
      expect: only({ reviewer: [201, null], admin: [201, null] }),
      target: async () => {
        const form = new FormData();
        form.append('files', new File([readFileSync(SEED_TEXT)], '报告一.txt'));
        form.append('files', new File([readFileSync(SEED_TEXT)], '报告二.txt'));
        return { path: '/api/batches', form };
      },
    },
    'GET /api/batches/:id': { expect: only({ reviewer: [200, 404], admin: [200, 200] }), target: async (scope) => ({ path: `/api/batches/${shared[scope].batchId}` }) },
    'GET /api/batches/:id/items/:itemId': {
      expect: only({ reviewer: [200, 404], admin: [200, 200] }),
      target: async (scope) => ({ path: `/api/batches/${shared[scope].batchId}/items/${shared[scope].batchItemId}` }),
    },
    'GET /api/batches/:id/export': { expect: only({ reviewer: [200, 404], admin: [200, 200] }), target: async (scope) => ({ path: `/api/batches/${shared[scope].batchId}/export` }) },
  };

  const pdfBytes = () => new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

  it('has a case for every route, and no case without a route', () => {
    expect(Object.keys(CASES).sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it.each(ROUTES.map((r) => `${r.method} ${r.path}`))('%s', async (key) => {
    const c = CASES[key];
    if (!c) throw new Error(`no case for ${key}`);
    const [method = '', routePath = ''] = key.split(' ');
    const failures: string[] = [];
    for (const actor of ACTORS) {
      for (const scope of ['own', 'other'] as const) {
        const expected = c.expect[actor][scope === 'own' ? 0 : 1];
        if (expected === null) continue;
        let session = sessions.get(actor) ?? null;
        const user = userOf(actor);
        if (c.isolatedSession && user) session = await client.login(user.username, TEST_PASSWORD);
        if (c.isolatedUser && user) {
          const username = `${user.role.toLowerCase()}-${++n}`;
          await w.run('user-create', w.admin, { username, displayName: '临时用户', role: user.role, unitId: user.unitId ?? undefined, regionId: user.regionId ?? undefined, password: TEST_PASSWORD });
          session = await client.login(username, TEST_PASSWORD);
        }
        const target = await c.target(scope, actor);
        const reply = await client.request(method, target.path, { session, ...(target.json !== undefined ? { json: target.json } : {}), ...(target.form ? { form: target.form } : {}) });
        if (reply.status !== expected) failures.push(`${actor} × ${scope}: ${reply.status}（应为 ${expected}）${reply.text.slice(0, 160)}`);
        if (reply.status >= 400) {
          const error = (reply.body as { error?: { code?: string; message?: string } })?.error;
          if (!error?.code || !/[\u4e00-\u9fff]/u.test(error.message ?? '')) failures.push(`${actor} × ${scope}: error body without a code or a Chinese message: ${reply.text.slice(0, 120)}`);
        }
        if (reply.status < 300) c.leaks?.(reply, scope, actor);
      }
    }
    expect(failures, `${routePath}`).toEqual([]);
  });
});

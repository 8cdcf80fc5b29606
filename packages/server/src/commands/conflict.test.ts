import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../storage/database.ts';
import { evaluationVersions } from '../storage/schema.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { buildWorld, cleanDocument, seedDocument, type World, type WorldUser } from '../testing/world.ts';
import { DetailedError } from './registry.ts';

type Doc = { selfEvaluation: { totalScore: string; grade: string; indicators: { score: string; name: string }[] }; problems: string };

describe.each(ENGINES)('edit conflicts on %s', (engine) => {
  let database: Database;
  let w: World;
  let second: WorldUser;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    const created = await w.run('user-create', w.admin, { username: 'a-preparer-2', displayName: '第二位填报人', role: 'preparer', unitId: w.a.unitId, password: 'Second-pass-1' });
    second = { ...w.a.preparer, id: created.user.id, username: 'a-preparer-2', displayName: '第二位填报人' };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives the second of two editors a conflict naming what the first changed, and loses neither edit', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    // Both open version 1.
    const mine = seedDocument() as unknown as Doc;
    mine.selfEvaluation.totalScore = '98';
    const theirs = seedDocument() as unknown as Doc;
    theirs.selfEvaluation.totalScore = '98';
    theirs.selfEvaluation.indicators[8] = { ...(theirs.selfEvaluation.indicators[8] as Doc['selfEvaluation']['indicators'][number]), score: '5' };
    theirs.problems = '补充：时效指标已于 2023 年 1 月完成';

    const first = await w.run('evaluation-save', second, { id: created.id, baseVersion: 1, document: theirs, note: '第二位填报人的修改' });
    expect(first.version).toBe(2);

    const error = await w.run('evaluation-save', w.a.preparer, { id: created.id, baseVersion: 1, document: mine }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DetailedError);
    const conflict = error as DetailedError;
    expect(conflict.code).toBe('edit-conflict');
    expect(conflict.message).toMatch(/你基于第 1 版修改，但第二位填报人已于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）保存了第 2 版，改动了 3 处，其中 1 处你也改了/u);
    expect(conflict.details).toEqual([
      'problems：「对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标、工作考核和业务管理。绩…」→「补充：时效指标已于 2023 年 1 月完成」',
      'selfEvaluation.indicators[8].score：「4」→「5」',
      'selfEvaluation.totalScore：「97」→「98」（你也改了这里）',
    ]);
    expect(conflict.data).toMatchObject({ currentVersion: 2, bothChanged: ['selfEvaluation.totalScore'] });

    // Nothing of the first edit was overwritten; the second editor saves on top of version 2.
    const stored = await w.run('evaluation-version', w.a.preparer, { id: created.id, number: 2 });
    expect(stored.document).toEqual(theirs);
    const merged = { ...theirs, problems: `${theirs.problems}。` };
    const saved = await w.run('evaluation-save', w.a.preparer, { id: created.id, baseVersion: 2, document: merged });
    expect(saved.version).toBe(3);
  });

  it('lets exactly one of many concurrent saves on the same base win; the others conflict', async () => {
    const created = await w.run('evaluation-create', w.b.preparer, { document: seedDocument(w.b.unitName) });
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => {
        const doc = seedDocument(w.b.unitName) as unknown as Doc;
        doc.problems = `第 ${i} 位的修改`;
        return w.run('evaluation-save', w.b.preparer, { id: created.id, baseVersion: 1, document: doc });
      }),
    );
    const won = attempts.filter((a) => a.status === 'fulfilled');
    const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(5);
    for (const l of lost) expect(l.reason).toMatchObject({ code: 'edit-conflict' });
    const rows = await database.db.select({ number: evaluationVersions.number }).from(evaluationVersions).where(eq(evaluationVersions.evaluationId, created.id));
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
  });

  it('refuses a base version that does not exist, and a submit of a stale version', async () => {
    const created = await w.run('evaluation-create', w.b.preparer, { document: cleanDocument(w.b.unitName) });
    await w.run('evaluation-save', w.b.preparer, { id: created.id, baseVersion: 1, document: cleanDocument(w.b.unitName) });
    await expect(w.run('evaluation-save', w.b.preparer, { id: created.id, baseVersion: 7, document: cleanDocument(w.b.unitName) })).rejects.toMatchObject({ code: 'edit-conflict', message: expect.stringMatching(/第 7 版不存在/u) });
    await expect(w.run('evaluation-submit', w.b.preparer, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'edit-conflict', message: expect.stringMatching(/当前已是第 2 版/u) });
  });
});

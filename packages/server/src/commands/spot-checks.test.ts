import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { buildWorld, projectDocument, type World } from '../testing/world.ts';
import { drawSample } from './spot-checks.ts';

describe('drawSample', () => {
  it('draws the same sample for the same seed, whatever the order of the candidates', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `e${i}`);
    const a = drawSample(ids, 5, '2023-抽查');
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawSample([...ids].reverse(), 5, '2023-抽查')).toEqual(a);
    expect(drawSample(ids, 5, '另一个种子')).not.toEqual(a);
    expect(drawSample(ids, 80, 's')).toHaveLength(50);
  });
});

describe.each(ENGINES)('spot checks on %s', (engine) => {
  let database: Database;
  let w: World;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('draws from the handed-in evaluations of the region and year only, and records each result', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const d = projectDocument() as { project: object };
      const created = await w.run('evaluation-create', w.a.preparer, { document: { ...d, project: { ...d.project, name: `抽查项目${i}` } } });
      if (i < 4) await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
      if (i < 4) ids.push(created.id);
    }
    const spot = await w.run('spot-check-create', w.a.reviewer, { year: 2023, count: 2, seed: '衡阳2023', note: '按 50% 抽取' });
    expect(spot).toMatchObject({ method: 'random', seed: '衡阳2023', candidates: 4 });
    expect(spot.evaluationIds).toEqual(drawSample(ids, 2, '衡阳2023'));
    const recorded = await w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: spot.evaluationIds[0], result: 'adjusted', opinion: '成本指标得分应扣 1 分' });
    expect(recorded.resultName).toBe('得分调整');
    const got = await w.run('spot-check-get', w.a.reviewer, { id: spot.id });
    expect(got.items.map((i) => i.result).sort()).toEqual(['adjusted', null].sort());
    await expect(w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: ids.find((x) => !spot.evaluationIds.includes(x)), result: 'confirmed', opinion: '好' })).rejects.toMatchObject({ code: 'spot-check-item-not-found' });
    await expect(w.run('spot-check-create', w.b.reviewer, { year: 2023, count: 1 })).rejects.toMatchObject({ code: 'spot-check-invalid', message: expect.stringContaining('还没有已提交的自评') });
    await expect(w.run('spot-check-create', w.a.reviewer, { year: 2023 })).rejects.toMatchObject({ code: 'input-invalid' });
  });
});

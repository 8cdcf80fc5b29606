import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { buildWorld, projectDocument, type World } from '../testing/world.ts';
import { difference, drawSample, parseReviewedScore } from './spot-checks.ts';

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

describe('reviewed scores and differences', () => {
  it('takes 0 to 100 with at most two decimals, as written, and explains anything else in Chinese', () => {
    expect(parseReviewedScore('92.5')).toBe('92.5');
    expect(parseReviewedScore(88)).toBe('88');
    expect(parseReviewedScore('１００')).toBe('100');
    for (const bad of ['100.01', '-1', '92.555', '九十', '', '1e2']) expect(() => parseReviewedScore(bad), bad).toThrow(/复核得分应为 0 到 100/u);
  });

  it('subtracts exactly, with a sign', () => {
    expect(difference('90.1', '90.3')).toBe('-0.2');
    expect(difference('92.50', '90')).toBe('+2.50');
    expect(difference('80', '80.00')).toBe('0.00');
    expect(difference('0.3', '0.1')).toBe('+0.2');
    expect(difference(null, '80')).toBeNull();
    expect(difference('九十分', '80')).toBeNull();
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
    const listed = await w.run('spot-check-list', w.a.reviewer, {});
    expect(listed.items.find((s) => s.id === spot.id)).toMatchObject({ seed: '衡阳2023', items: 2, recorded: 1 });
    expect((await w.run('spot-check-list', w.b.reviewer, {})).items).toEqual([]);
    await expect(w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: ids.find((x) => !spot.evaluationIds.includes(x)), result: 'confirmed', opinion: '好' })).rejects.toMatchObject({ code: 'spot-check-item-not-found' });
    await expect(w.run('spot-check-create', w.b.reviewer, { year: 2023, count: 1 })).rejects.toMatchObject({ code: 'spot-check-invalid', message: expect.stringContaining('还没有已提交的自评') });
    await expect(w.run('spot-check-create', w.a.reviewer, { year: 2023 })).rejects.toMatchObject({ code: 'input-invalid' });
  });

  it('assigns reviewers of the region, records 复核得分, and compares self, computed and reviewed scores', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = projectDocument() as { project: object };
      const created = await w.run('evaluation-create', w.a.preparer, { document: { ...d, project: { ...d.project, name: `复核项目${i}` } } });
      await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
      ids.push(created.id);
    }
    const second = await w.run('user-create', w.admin, { username: 'a-reviewer-2', displayName: '绩效科李四', role: 'reviewer', regionId: w.a.regionId, password: 'Test-password-1' });
    const spot = await w.run('spot-check-create', w.a.reviewer, { year: 2023, evaluationIds: ids });
    const [first = '', other = ''] = spot.evaluationIds;

    const before = await w.run('spot-check-get', w.a.reviewer, { id: spot.id });
    expect(before.reviewers.map((r) => r.displayName).sort()).toEqual([w.a.reviewer.displayName, '绩效科李四'].sort());
    const item0 = before.items.find((i) => i.evaluationId === first);
    expect(item0).toMatchObject({ reviewedScore: null, assignee: null, checkedBy: null, result: null, projectName: expect.stringMatching(/^复核项目/u) });
    expect(item0?.selfScore).not.toBeNull();
    expect(item0?.computedScore).not.toBeNull();
    expect(item0?.differences.selfMinusComputed).toBe(difference(item0?.selfScore ?? null, item0?.computedScore ?? null));
    expect(item0?.differences.reviewedMinusComputed).toBeNull();

    const assigned = await w.run('spot-check-assign', w.a.reviewer, { id: spot.id, evaluationId: first, assigneeId: second.user.id });
    expect(assigned.assignee).toEqual({ id: second.user.id, displayName: '绩效科李四' });
    await expect(w.run('spot-check-assign', w.a.reviewer, { id: spot.id, evaluationId: first, assigneeId: w.b.reviewer.id })).rejects.toMatchObject({ code: 'spot-check-invalid', message: expect.stringContaining('本地区') });
    await expect(w.run('spot-check-assign', w.a.reviewer, { id: spot.id, evaluationId: first, assigneeId: w.a.preparer.id })).rejects.toMatchObject({ code: 'spot-check-invalid' });
    await expect(w.run('spot-check-assign', w.b.reviewer, { id: spot.id, evaluationId: first, assigneeId: w.b.reviewer.id })).rejects.toMatchObject({ code: 'spot-check-not-found' });

    const reviewer2 = { id: second.user.id, username: 'a-reviewer-2', displayName: '绩效科李四', role: 'reviewer' as const, unitId: null, regionId: w.a.regionId };
    const recorded = await w.run('spot-check-record', reviewer2, { id: spot.id, evaluationId: first, result: 'adjusted', opinion: '产出数量指标佐证不足，扣 2.5 分', reviewedScore: '85.5' });
    expect(recorded.reviewedScore).toMatch(/^85\.50?$/u);
    await expect(w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: other, result: 'adjusted', opinion: '意见', reviewedScore: '100.5' })).rejects.toMatchObject({ code: 'input-invalid', message: expect.stringContaining('复核得分') });

    const after = await w.run('spot-check-get', w.a.reviewer, { id: spot.id });
    const item = after.items.find((i) => i.evaluationId === first);
    expect(item).toMatchObject({ result: 'adjusted', resultName: '得分调整', assignee: { displayName: '绩效科李四' }, checkedBy: { id: second.user.id, displayName: '绩效科李四' } });
    expect(Number(item?.reviewedScore)).toBe(85.5);
    expect(item?.differences.reviewedMinusComputed).toBe(difference(item?.reviewedScore ?? null, item?.computedScore ?? null));
    expect(item?.differences.reviewedMinusSelf).toBe(difference(item?.reviewedScore ?? null, item?.selfScore ?? null));
    expect(after.recorded).toBe(1);
    expect(after.items.find((i) => i.evaluationId === other)).toMatchObject({ result: null, reviewedScore: null });

    // Recording again without a score keeps it; null clears it; unassigning clears the assignee.
    await w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: first, result: 'adjusted', opinion: '复核确认' });
    expect(Number((await w.run('spot-check-get', w.a.reviewer, { id: spot.id })).items.find((i) => i.evaluationId === first)?.reviewedScore)).toBe(85.5);
    await w.run('spot-check-record', w.a.reviewer, { id: spot.id, evaluationId: first, result: 'confirmed', opinion: '自评属实', reviewedScore: null });
    await w.run('spot-check-assign', w.a.reviewer, { id: spot.id, evaluationId: first, assigneeId: null });
    expect((await w.run('spot-check-get', w.a.reviewer, { id: spot.id })).items.find((i) => i.evaluationId === first)).toMatchObject({ reviewedScore: null, assignee: null, result: 'confirmed' });
  });
});

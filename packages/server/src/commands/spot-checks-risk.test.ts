import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate.ts';
import { storeDemo } from '../demo/store.ts';
import type { Actor } from '../domain/roles.ts';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { openTestPglite } from '../testing/databases.ts';
import { buildWorld, type World } from '../testing/world.ts';
import { SPOT_CHECK_STATUSES } from './spot-checks.ts';

type Row = { id: string; status: string; year: number; error_count: number; warning_count: number; stated_score: string | null; computed_total: string | null; execution_rate: string | null; funds_score_full: boolean };

describe('spot checks by risk', () => {
  let database: Database;
  let w: World;
  let reviewer: Actor;
  let rows: Row[];
  beforeAll(async () => {
    database = await openTestPglite();
    w = await buildWorld(database);
    const schemes = loadSchemes();
    await storeDemo(database, generateDemo({ units: 40, years: 1, seed: 'risk', defectRates: { totalScore: 0.3, executionRate: 0.2, grade: 0.1, narrative: 0.2, fullScoreLowExecution: 0.3 } }, schemes), schemes);
    const region = ((await database.db.execute(sql`SELECT id FROM regions WHERE name LIKE '演示%'`)) as unknown as { rows: { id: string }[] }).rows[0]?.id ?? '';
    const user = await w.run('user-create', w.admin, { username: 'risk-reviewer', displayName: '绩效科', role: 'reviewer', regionId: region, password: 'Test-password-1' });
    reviewer = { id: user.user.id, username: 'risk-reviewer', displayName: '绩效科', role: 'reviewer', unitId: null, regionId: region };
    rows = ((await database.db.execute(sql`
      SELECT e.id, e.status, e.year, v.error_count, v.warning_count, v.stated_score, v.computed_total, v.execution_rate, v.funds_score_full
      FROM evaluations e JOIN evaluation_versions v ON v.evaluation_id = e.id AND v.number = e.current_version`)) as unknown as { rows: Row[] }).rows
      .filter((r) => (SPOT_CHECK_STATUSES as readonly string[]).includes(r.status));
  });
  afterAll(async () => {
    await database.close();
  });

  it('takes the evaluations with the most findings, recorded with their reasons', async () => {
    const drawn = await w.run('spot-check-create-by-risk', reviewer, { year: 2023, criterion: 'findings', count: 5 });
    const expected = [...rows].sort((a, b) => b.error_count - a.error_count || b.warning_count - a.warning_count || (a.id < b.id ? -1 : 1)).slice(0, 5);
    expect(drawn.evaluationIds).toEqual(expected.map((r) => r.id));
    expect(drawn.candidates).toBe(rows.length);
    expect(drawn.items[0]?.reason).toMatch(/\d+ 个错误/u);
    const stored = await w.run('spot-check-get', reviewer, { id: drawn.id });
    expect(stored.method).toBe('risk:findings');
    expect(stored.items.map((i) => i.evaluationId).sort()).toEqual(expected.map((r) => r.id).sort());
    // each item keeps why it was drawn, as the draw said
    for (const item of drawn.items) expect(stored.items.find((i) => i.evaluationId === item.evaluationId)?.drawReason).toBe(item.reason);
  });

  it('takes the largest gaps between the unit’s total and the computed one', async () => {
    const drawn = await w.run('spot-check-create-by-risk', reviewer, { year: 2023, criterion: 'gap', count: 3 });
    const gap = (r: Row) => (r.stated_score === null || r.computed_total === null ? -1 : Math.abs(Number(r.stated_score) - Number(r.computed_total)));
    const gaps = drawn.evaluationIds.map((id) => gap(rows.find((r) => r.id === id) as Row));
    const best = rows.map(gap).sort((a, b) => b - a).slice(0, 3);
    expect(gaps).toEqual(best);
    expect(best[0]).toBeGreaterThan(0);
  });

  it('takes a full execution score with low execution first, then the lowest execution among high scores', async () => {
    const drawn = await w.run('spot-check-create-by-risk', reviewer, { year: 2023, criterion: 'lowExecutionHighScore', count: 3 });
    const flagged = rows.filter((r) => r.funds_score_full && Number(r.execution_rate) < 90);
    expect(flagged.length).toBeGreaterThan(0);
    const first = rows.find((r) => r.id === drawn.evaluationIds[0]) as Row;
    expect(first.funds_score_full && Number(first.execution_rate) < 90).toBe(true);
    expect(drawn.items[0]?.reason).toMatch(/执行率得满分/u);
  });

  it('refuses a year without handed-in evaluations, and other roles', async () => {
    await expect(w.run('spot-check-create-by-risk', reviewer, { year: 2030, criterion: 'gap', count: 3 })).rejects.toThrow(/还没有已提交的自评/u);
    await expect(w.run('spot-check-create-by-risk', w.admin, { year: 2023, criterion: 'gap', count: 3 })).rejects.toThrow(/只能由/u);
    await expect(w.run('spot-check-create-by-risk', reviewer, { year: 2023, criterion: 'luck', count: 3 })).rejects.toThrow(/请求参数有误/u);
  });
});

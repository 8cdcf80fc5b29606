import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate.ts';
import { storeDemo } from '../demo/store.ts';
import type { Actor } from '../domain/roles.ts';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { openTestPglite } from '../testing/databases.ts';
import { buildWorld, type World } from '../testing/world.ts';
import { type Dashboard, dashboardInput, LOW_EXECUTION, type RankingRow } from './dashboard.ts';
import { gradeTier } from './grade-names.ts';
import type { Page } from './registry.ts';

const schemes = loadSchemes();

/** The same figures computed in JavaScript from every current version, row by row (the slow, obvious way). */
type Row = { id: string; region_id: string; year: number; status: string; computed_total: string | null; computed_grade: string | null; stated_total: string | null; error_count: number; findings: { check: string }[]; document: Record<string, unknown> };

const amount = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  const t = v.replace(/,/gu, '').trim();
  return /^-?\d+(\.\d+)?$/u.test(t) ? Number(t) : null;
};
const fundsOf = (d: Record<string, unknown>) =>
  (d['kind'] === 'project' ? (d['funds'] as Record<string, unknown>)['total'] : (d['selfEvaluation'] as Record<string, unknown>)['funds']) as Record<string, unknown>;

describe('dashboard', () => {
  let database: Database;
  let w: World;
  let reviewer: Actor;
  let regionIds: string[];
  let all: Row[];
  beforeAll(async () => {
    database = await openTestPglite();
    w = await buildWorld(database);
    const data = generateDemo({ units: 60, years: 3, seed: 'dash', unitsPerRegion: 30, defectRates: { totalScore: 0.2, executionRate: 0.15, grade: 0.1, narrative: 0.2, fullScoreLowExecution: 0.2 } }, schemes);
    await storeDemo(database, data, schemes);
    const regionRows = (await database.db.execute(sql`SELECT id FROM regions WHERE name LIKE '演示%' ORDER BY name`)) as unknown as { rows: { id: string }[] };
    regionIds = regionRows.rows.map((r) => r.id);
    // A reviewer of the first demo region.
    const user = await w.run('user-create', w.admin, { username: 'dash-reviewer', displayName: '绩效科', role: 'reviewer', regionId: regionIds[0], password: 'Test-password-1' });
    reviewer = { id: user.user.id, username: 'dash-reviewer', displayName: '绩效科', role: 'reviewer', unitId: null, regionId: regionIds[0] ?? null };
    // A unit without any evaluation: 未开始.
    await w.run('unit-create', w.admin, { regionId: regionIds[0], name: '演示未开始单位', kind: 'budgetUnit' });
    const result = (await database.db.execute(sql`
      SELECT e.id, u.region_id, e.year, e.status, v.computed_total, v.computed_grade, v.stated_total, v.error_count, v.findings, v.document
      FROM evaluations e JOIN units u ON u.id = e.unit_id JOIN evaluation_versions v ON v.evaluation_id = e.id AND v.number = e.current_version`)) as unknown as { rows: Row[] };
    all = result.rows;
  });
  afterAll(async () => {
    await database.close();
  });

  const get = (actor: Actor, input: Record<string, unknown>) => w.run('dashboard-get', actor, input) as Promise<Dashboard>;
  const rank = async (actor: Actor, input: Record<string, unknown>) => ((await w.run('dashboard-ranking', actor, input)) as { ranking: Page<RankingRow> }).ranking;

  it('gives each figure as computed row by row, for a reviewer their own region', async () => {
    const d = await get(reviewer, { year: 2023 });
    const mine = all.filter((r) => r.region_id === regionIds[0] && r.year === 2023);
    expect(d.region?.id).toBe(regionIds[0]);
    expect(d.totals.evaluations).toBe(mine.length);
    expect(d.totals.units).toBe(31);
    const status = Object.fromEntries(d.statuses.map((s) => [s.status, s.count]));
    expect(status['notStarted']).toBe(1);
    for (const s of ['draft', 'submitted', 'returned', 'approved', 'published']) expect(status[s], s).toBe(mine.filter((r) => r.status === s).length);
    expect(d.statuses.find((s) => s.status === 'notStarted')?.name).toBe('未开始');
    const grades = Object.fromEntries(d.grades.map((g) => [g.grade, g.count]));
    // One slice per tier: 优 (项目支出) and 优秀 (部门整体) count together.
    const tierOf = (g: string | null) => gradeTier(g ?? '');
    for (const t of new Set(mine.map((r) => tierOf(r.computed_grade)))) expect(grades[t], t).toBe(mine.filter((r) => tierOf(r.computed_grade) === t).length);
    expect(Object.keys(grades).filter((g) => g === '优' || g === '良')).toEqual([]);
    expect(d.histogram.reduce((a, h) => a + h.count, 0)).toBe(mine.length);
    for (const h of d.histogram) {
      const expected = mine.filter((r) => {
        const t = Number(r.computed_total);
        return h.to === 100 ? t >= h.from : t >= h.from && t < h.to;
      }).length;
      expect(h.count, `${h.from}`).toBe(expected);
    }
    // Execution against score: the flag is a full 预算执行率 score with execution below the threshold.
    const flagged = mine.filter((r) => {
      const f = fundsOf(r.document);
      const rate = (amount(f['actual']) ?? 0) / (amount(f['budget']) ?? 1) * 100;
      return (amount(f['score']) ?? -1) >= (amount(f['points']) ?? Infinity) && rate < LOW_EXECUTION;
    });
    expect(d.execution.flagged).toBe(flagged.length);
    expect(flagged.length).toBeGreaterThan(0);
    expect(d.execution.points.filter((p) => p.isFlagged).map((p) => p.id).sort()).toEqual(flagged.map((r) => r.id).sort());
    // Top checks: findings counted over every current version.
    const counts = new Map<string, number>();
    for (const r of mine) for (const f of r.findings) counts.set(f.check, (counts.get(f.check) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    expect(d.topChecks.map((c) => [c.check, c.findings])).toEqual(top);
    const withCheck = new Map<string, number>();
    for (const r of mine) for (const c of new Set(r.findings.map((f) => f.check))) withCheck.set(c, (withCheck.get(c) ?? 0) + 1);
    expect(d.topChecks.map((c) => c.evaluations)).toEqual(top.map(([c]) => withCheck.get(c)));
    expect(d.topChecks[0]?.name).toMatch(/[\u4e00-\u9fff]/u);
    // Largest gaps between the unit's own total and the computed one.
    const gaps = mine.filter((r) => r.stated_total !== null && Number(r.stated_total) !== Number(r.computed_total))
      .map((r) => Math.abs(Number(r.stated_total) - Number(r.computed_total))).sort((a, b) => b - a).slice(0, 10);
    expect(d.gaps.map((g) => Math.abs(Number(g.gap)))).toEqual(gaps);
    // Year over year.
    expect(d.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    for (const y of d.years) expect(y.evaluations).toBe(all.filter((r) => r.region_id === regionIds[0] && r.year === y.year).length);
    expect(d.years.find((y) => y.year === 2023)?.withErrors).toBe(mine.filter((r) => r.error_count > 0).length);
  });

  it('ranks with filters and pages, and an administrator sees all regions or one', async () => {
    const whole = await get(w.admin, { year: 2022, pageSize: 200 });
    const everything = await rank(w.admin, { year: 2022, pageSize: 200 });
    // the dashboard's first page and the ranking asked for alone are the same rows; without it, none
    expect(whole.ranking).toEqual(everything);
    expect((await get(w.admin, { year: 2022, ranking: 'false' })).ranking).toBeNull();
    const year = all.filter((r) => r.year === 2022);
    expect(whole.region).toBeNull();
    expect(everything.total).toBe(year.length);
    const scores = everything.items.map((x) => Number(x.computedTotal));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(everything.items[0]?.rank).toBe(1);
    const page2 = await rank(w.admin, { year: 2022, pageSize: 7, page: 2 });
    expect(page2.items.map((x) => x.id)).toEqual(everything.items.slice(7, 14).map((x) => x.id));
    const published = await rank(w.admin, { year: 2022, status: 'published', kind: 'project', regionId: regionIds[1], pageSize: 200 });
    expect(published.total).toBe(year.filter((r) => r.status === 'published' && r.region_id === regionIds[1] && (r.document['kind'] === 'project')).length);
    expect(published.items.every((x) => x.statusName === '已公开' && x.kind === 'project')).toBe(true);
    const searched = await rank(w.admin, { year: 2022, q: '水利局', pageSize: 200 });
    expect(searched.total).toBeGreaterThan(0);
    expect(searched.items.every((x) => x.unitName.includes('水利局'))).toBe(true);
    const literal = await rank(w.admin, { year: 2022, q: '%' });
    expect(literal.total).toBe(0);
    const byErrors = await rank(w.admin, { year: 2022, sort: 'errors', pageSize: 200 });
    const errors = byErrors.items.map((x) => x.errorCount);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    // without a year, the ranking is of the latest year, as the dashboard's
    const latest = await w.run('dashboard-ranking', w.admin, {}) as { year: number };
    expect(latest.year).toBe((await get(w.admin, {})).year);
  });

  it('keeps a reviewer to their region and refuses unit users, with Chinese messages', async () => {
    await expect(get(reviewer, { year: 2023, regionId: regionIds[1] })).rejects.toThrow(/找不到地区/u);
    await expect(rank(reviewer, { year: 2023, regionId: regionIds[1] })).rejects.toThrow(/找不到地区/u);
    // a reviewer's ranking without a region is their own region's
    const own = await rank(reviewer, { year: 2023, pageSize: 200 });
    expect(new Set(own.items.map((x) => x.id))).toEqual(new Set(all.filter((r) => r.region_id === regionIds[0] && r.year === 2023).map((r) => r.id)));
    await expect(get(w.a.preparer, { year: 2023 })).rejects.toThrow(/审核人员|管理员|只能由/u);
    expect(() => dashboardInput.parse({ year: 1900 })).toThrow();
    const latest = await get(reviewer, {});
    expect(latest.year).toBe(2023);
    expect(latest.availableYears.map((y) => y.year)).toEqual([2023, 2022, 2021]);
    await expect(get(w.admin, { year: 2023, regionId: 'no-such-region' })).rejects.toThrow(/找不到地区/u);
  });

  it('exports the summary as .xlsx with every figure and every ranked row', async () => {
    const file = await w.run('dashboard-export', reviewer, { year: 2023 });
    expect(file.fileName).toMatch(/2023年度绩效总览\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.data) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '状态', '等级', '分数分布', '审核规则', '自评与计算差距', '排名', '逐年对比']);
    const ranking = book.getWorksheet('排名');
    const mine = all.filter((r) => r.region_id === regionIds[0] && r.year === 2023);
    expect((ranking?.rowCount ?? 0) - 1).toBe(mine.length);
    expect(book.getWorksheet('汇总')?.getCell('B5').value).toBe(mine.length);
  });
});

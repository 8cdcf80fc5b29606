import { audit, CHECKS, parseEvaluation, selectScheme } from '@jixiao/core';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { evaluations, evaluationVersions, regions, units, users } from '../storage/schema.ts';
import { openTestPglite } from '../testing/databases.ts';
import { defectApplies, type DemoDefect, DEMO_DEFECTS, type DemoEvaluation, generateDemo } from './generate.ts';
import { prepareDemoRows } from './prepare.ts';
import { storeDemo } from './store.ts';

const schemes = loadSchemes();
const RATES: Record<DemoDefect, number> = { totalScore: 0.3, executionRate: 0.2, grade: 0.15, narrative: 0.25, fullScoreLowExecution: 0.2 };

describe('demo generator', () => {
  const data = generateDemo({ units: 120, years: 3, seed: 'test-seed', unitsPerRegion: 50, defectRates: RATES }, schemes);
  const all: DemoEvaluation[] = [...data.evaluations()];

  it('makes one evaluation per unit and year, regions of the requested size, unique identities', () => {
    expect(data.regions).toHaveLength(3);
    expect(data.units).toHaveLength(120);
    expect(all).toHaveLength(360);
    expect(data.evaluationCount).toBe(360);
    expect(new Set(all.map((e) => `${e.unitIndex}|${e.year}`)).size).toBe(360);
    expect(new Set(data.units.map((u) => `${u.regionIndex}|${u.name}`)).size).toBe(120);
    expect(new Set(all.map((e) => e.kind))).toEqual(new Set(['department', 'project']));
    expect(new Set(all.map((e) => e.status)).size).toBeGreaterThanOrEqual(4);
    expect(data.years).toEqual([2021, 2022, 2023]);
  });

  it('is reproducible with the same seed and differs with another', () => {
    const again = [...generateDemo({ units: 120, years: 3, seed: 'test-seed', unitsPerRegion: 50, defectRates: RATES }, schemes).evaluations()];
    expect(JSON.stringify(again)).toBe(JSON.stringify(all));
    const other = [...generateDemo({ units: 120, years: 3, seed: 'other', unitsPerRegion: 50, defectRates: RATES }, schemes).evaluations()];
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(all));
  });

  it('injects each defect at its rate, and the core finds every injected defect and no other error', () => {
    for (const [defect, rate] of Object.entries(RATES) as [DemoDefect, number][]) {
      const eligible = all.filter((e) => defectApplies(defect, e.kind));
      const share = eligible.filter((e) => e.defects.includes(defect)).length / eligible.length;
      const tolerance = 4 * Math.sqrt((rate * (1 - rate)) / eligible.length);
      expect(Math.abs(share - rate), `${defect}: ${share} vs ${rate}`).toBeLessThan(tolerance);
    }
    for (const e of all) {
      const evaluation = parseEvaluation(e.document);
      const { findings, derived } = audit(CHECKS, evaluation, selectScheme(schemes, evaluation.kind, evaluation.schemeId));
      const errors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.check));
      const found = new Set(findings.map((f) => f.check));
      const expected = new Set(e.defects.map((d) => DEMO_DEFECTS[d]));
      for (const check of expected) expect(found, `${e.unitIndex}/${e.year} ${[...found].join()}`).toContain(check);
      // A clean evaluation has no error at all; a defective one only the errors of its defects (and what
      // follows from them: a wrong total also makes the grade disagree, a wrong rate in a department's table
      // also disagrees with the rate its narrative states).
      const allowed = new Set([
        ...expected,
        ...(e.defects.includes('totalScore') ? ['grade-mismatch', 'total-score-computed'] : []),
        ...(e.defects.includes('executionRate') ? ['narrative-score-mismatch'] : []),
        ...(e.defects.includes('fullScoreLowExecution') ? ['total-score-mismatch', 'score-rule-mismatch', 'grade-mismatch'] : []),
      ]);
      expect([...errors].filter((c) => !allowed.has(c)), `${e.unitIndex}/${e.year}`).toEqual([]);
      expect(derived.total.computed.units).toBeGreaterThan(0);
    }
  });

  it('varies execution and scores', () => {
    const totals = new Set(all.filter((e) => e.defects.length === 0).map((e) => JSON.stringify((e.document['totalScore'] ?? (e.document['selfEvaluation'] as Record<string, unknown>)['totalScore']))));
    expect(totals.size).toBeGreaterThan(20);
  });

  it('refuses out-of-range sizes with a Chinese message', () => {
    expect(() => generateDemo({ units: 0, years: 1 }, schemes)).toThrow(/--units/u);
    expect(() => generateDemo({ units: 1, years: 99 }, schemes)).toThrow(/--years/u);
    expect(() => generateDemo({ units: 1, years: 1, defectRates: { grade: 2 } }, schemes)).toThrow(/缺陷比例/u);
  });
});

describe('demo storage', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores N×K evaluations in batches, with findings computed by the core, and refuses the same seed twice', async () => {
    const data = generateDemo({ units: 30, years: 2, seed: 'store', unitsPerRegion: 20, defectRates: RATES }, schemes);
    const progress: number[] = [];
    const result = await storeDemo(database, data, schemes, { batchSize: 16, onProgress: (done) => progress.push(done) });
    expect(result.evaluations).toBe(60);
    expect(progress).toEqual([16, 32, 48, 60]);
    for (const v of Object.values(result.defects)) expect(v.found).toBe(v.injected);
    const [r] = await database.db.select({ n: count() }).from(regions);
    const [u] = await database.db.select({ n: count() }).from(units);
    const [e] = await database.db.select({ n: count() }).from(evaluations);
    expect([r?.n, u?.n, e?.n]).toEqual([2, 30, 60]);
    // Each demo region gets its 财政审核 account, placed in that region, with a password to change at the first login.
    const reviewers = await database.db.select().from(users).where(eq(users.role, 'reviewer'));
    expect(reviewers.map((x) => x.username).sort()).toEqual(result.reviewers.map((x) => x.username).sort());
    expect(result.reviewers.map((x) => x.username)).toEqual(['store-reviewer-1', 'store-reviewer-2']);
    expect(new Set(reviewers.map((x) => x.regionId)).size).toBe(2);
    for (const x of reviewers) expect(x.provisionalPasswordHash).toBe(x.passwordHash);
    const rows = await database.db.select({ errors: evaluationVersions.errorCount, findings: evaluationVersions.findings }).from(evaluationVersions);
    const injected = Object.values(result.defects).reduce((a, d) => a + d.injected, 0);
    expect(rows.filter((x) => x.errors > 0).length).toBeGreaterThan(0);
    expect(rows.reduce((a, x) => a + x.findings.filter((f) => f.severity === 'error').length, 0)).toBeGreaterThanOrEqual(injected);
    const drafts = await database.db.select({ n: count() }).from(evaluations).where(eq(evaluations.status, 'draft'));
    expect(drafts[0]?.n).toBe(result.byStatus['draft'] ?? 0);
    await expect(storeDemo(database, data, schemes)).rejects.toThrow(/已经存在/u);
  });

  it('stores from worker threads exactly what a save computes: document, summary and findings of every evaluation', async () => {
    const data = generateDemo({ units: 14, years: 2, seed: 'threads', unitsPerRegion: 7, defectRates: RATES }, schemes);
    const result = await storeDemo(database, data, schemes, { batchSize: 6, threads: 2 });
    expect(result.profile.threads).toBe(2);
    expect(result.evaluations).toBe(28);
    const stored = ((await database.db.execute(sql`
      SELECT u.code, e.year, e.kind, e.project_name, e.status, e.submitted_version, v.document, v.scheme_id, v.computed_total::text AS computed_total, v.computed_grade,
        v.stated_total, v.error_count, v.warning_count, v.info_count, v.findings
      FROM evaluations e JOIN units u ON u.id = e.unit_id JOIN regions r ON r.id = u.region_id JOIN evaluation_versions v ON v.evaluation_id = e.id
      WHERE r.name LIKE '%（threads）' ORDER BY u.code, e.year`)) as unknown as { rows: Record<string, unknown>[] }).rows;
    const expected = prepareDemoRows(data, schemes, 0, data.units.length);
    expect(stored.length).toBe(expected.length);
    stored.forEach((s, i) => {
      const x = expected[i];
      if (!x) throw new Error(`row ${i}`);
      expect(s['code']).toBe(data.units[x.unitIndex]?.code);
      expect([s['year'], s['kind'], s['project_name'], s['status'], s['submitted_version']]).toEqual([x.year, x.kind, x.projectName, x.status, x.status === 'draft' ? null : 1]);
      expect(s['document']).toEqual(JSON.parse(x.document));
      expect(s['findings']).toEqual(JSON.parse(x.findings));
      expect([s['scheme_id'], s['computed_total'], s['computed_grade'], s['stated_total'], s['error_count'], s['warning_count'], s['info_count']])
        .toEqual([x.schemeId, x.computedTotal, x.computedGrade, x.statedTotal, x.errorCount, x.warningCount, x.infoCount]);
    });
    // Distinct evaluations: no two documents alike.
    expect(new Set(expected.map((x) => x.document)).size).toBe(expected.length);
  });
});

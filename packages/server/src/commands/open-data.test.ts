import { derive, format, parseEvaluation, selectScheme } from '@jixiao/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/generate.ts';
import { storeDemo } from '../demo/store.ts';
import { createApp } from '../http/app.ts';
import { loadSchemes } from '../schemes.ts';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { TestClient } from '../testing/http.ts';
import { buildWorld, cleanDocument, projectDocument, TEST_PASSWORD, type World, type WorldUser } from '../testing/world.ts';
import { amountInWan, DICTIONARY, type EvaluationRecord, type FigureRecord, publishedRecords } from './open-data.ts';

const schemes = loadSchemes();
const QUOTED = '城区道路,"提质"改造工程';

type Exported = { fileName: string; mediaType: string; data: ReadableStream<Uint8Array> };
type JsonExport = { year: number; licence: string; evaluations: (EvaluationRecord & { figures: FigureRecord[] })[] };

const bytesOf = async (e: Exported) => new Uint8Array(await new Response(e.data).arrayBuffer());
const textOf = async (e: Exported) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(e));
const rowsOf = (csv: string) => parseCsv(csv, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];

describe.each(ENGINES)('open data on %s', (engine) => {
  let database: Database;
  let w: World;
  let departmentId: string;
  let projectId: string;
  let unpublishedId: string;
  let otherRegionId: string;

  const publish = async (side: World['a'], document: Record<string, unknown>): Promise<string> => {
    const { id } = await w.run('evaluation-create', side.preparer, { unitId: side.unitId, document });
    await w.run('evaluation-submit', side.preparer, { id, version: 1 });
    await w.run('evaluation-approve', side.reviewer, { id, reviewScore: '92.5', reviewOpinion: '数据真实，同意' });
    await w.run('evaluation-publish', side.reviewer, { id });
    return id;
  };
  const project = (name: string) => {
    const d = projectDocument() as { project: Record<string, unknown> };
    return { ...d, project: { ...d.project, name } };
  };
  const exportAs = (actor: WorldUser, input: Record<string, unknown>) => w.run('open-data-export', actor, input) as Promise<Exported>;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
    departmentId = await publish(w.a, cleanDocument(w.a.unitName));
    projectId = await publish(w.a, project(QUOTED));
    otherRegionId = await publish(w.b, project('祁东县农村公路养护项目'));
    const draft = await w.run('evaluation-create', w.a.preparer, { unitId: w.a.unitId, document: project('未公开的项目') });
    await w.run('evaluation-submit', w.a.preparer, { id: draft.id, version: 1 });
    unpublishedId = draft.id;
    await storeDemo(database, generateDemo({ units: 24, years: 2, seed: 'open-data', unitsPerRegion: 12 }, schemes), schemes);
  });
  afterAll(async () => {
    await database.close();
  });

  it('exports the published evaluations of the year only, and a reviewer only their own region', async () => {
    const published = (await database.db.execute(sql`SELECT e.id, u.region_id FROM evaluations e JOIN units u ON u.id = e.unit_id WHERE e.year = 2023 AND e.status = 'published'`)) as unknown as { rows: { id: string; region_id: string }[] };
    const all = rowsOf(await textOf(await exportAs(w.admin, { year: 2023, format: 'csv', table: 'evaluations' })));
    expect(all.map((r) => r['evaluation_id']).sort()).toEqual(published.rows.map((r) => r.id).sort());
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((r) => r['evaluation_id'])).not.toContain(unpublishedId);
    const demoStatuses = (await database.db.execute(sql`SELECT DISTINCT status FROM evaluations WHERE year = 2023`)) as unknown as { rows: { status: string }[] };
    expect(demoStatuses.rows.length).toBeGreaterThan(2);

    const mine = rowsOf(await textOf(await exportAs(w.a.reviewer, { year: 2023, format: 'csv', table: 'evaluations' })));
    expect(mine.map((r) => r['evaluation_id']).sort()).toEqual([departmentId, projectId].sort());
    expect(mine.map((r) => r['evaluation_id'])).not.toContain(otherRegionId);
    await expect(exportAs(w.a.reviewer, { year: 2023, regionId: w.b.regionId })).rejects.toMatchObject({ code: 'region-not-found' });
    await expect(exportAs(w.a.preparer as WorldUser, { year: 2023 })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives the amounts, execution rate, scores and grade the core derives for the known examples', async () => {
    const json = JSON.parse(await textOf(await exportAs(w.admin, { year: 2023, format: 'json', regionId: w.a.regionId }))) as JsonExport;
    const byId = new Map(json.evaluations.map((e) => [e.evaluation_id, e]));
    const amount = (e: { figures: FigureRecord[] }, figure: string, item: string, phase: string) => e.figures.find((f) => f.figure === figure && f.item === item && f.phase === phase)?.amount;
    const written = (d: { units: number; scale: number } | null) => (d ? format(d, Math.max(d.scale, 2), false) : undefined);

    const p = parseEvaluation(project(QUOTED));
    if (p.kind !== 'project') throw new Error('project');
    const pd = derive(p, selectScheme(schemes, 'project', p.schemeId));
    const pe = byId.get(projectId);
    if (!pe) throw new Error('project missing');
    for (const row of ['total', 'fiscalAppropriation', 'priorCarryover', 'otherFunds'] as const) {
      expect(amount(pe, 'project-funds', row, 'initial'), row).toBe(written(p.funds[row].initialBudget));
      expect(amount(pe, 'project-funds', row, 'adjusted'), row).toBe(written(p.funds[row].budget));
      expect(amount(pe, 'project-funds', row, 'actual'), row).toBe(written(p.funds[row].actual));
    }
    expect(pe.execution_rate).toBe(pd.funds.rate ? format(pd.funds.rate, 2, false) : null);
    expect(pe.computed_score).toBe(format(pd.total.computed, 2, false));
    expect(pe.computed_grade).toBe(pd.grade.name);
    expect(pe.funds_initial).toBe(written(p.funds.total.initialBudget));
    expect(pe.review_score).toBe('92.50');
    expect(pe.project_name).toBe(QUOTED);

    const doc = cleanDocument(w.a.unitName);
    const dept = parseEvaluation(doc);
    if (dept.kind !== 'department' || !dept.selfEvaluation || !dept.basicData) throw new Error('department');
    const dd = derive(dept, selectScheme(schemes, 'department', dept.schemeId));
    const de = byId.get(departmentId);
    if (!de) throw new Error('department missing');
    const t = dept.selfEvaluation;
    expect(amount(de, 'department-funds', 'total', 'adjusted')).toBe(written(t.funds.budget));
    expect(amount(de, 'department-funds', 'total', 'actual')).toBe(written(t.funds.actual));
    expect(amount(de, 'department-funds', 'total', 'initial')).toBeUndefined();
    for (const k of ['generalBudget', 'governmentFund', 'nonTaxIncome', 'other'] as const) expect(amount(de, 'department-income', k, 'adjusted'), k).toBe(written(t.income[k]));
    for (const k of ['basic', 'personnel', 'operating', 'threePublic', 'project'] as const) expect(amount(de, 'department-spending', k, 'actual'), k).toBe(written(t.spending[k]));
    for (const k of ['basicSpending', 'threePublic', 'reception', 'projectSpending', 'procurement'] as const) {
      expect(amount(de, 'basic-data', k, 'adjusted'), k).toBe(written(dept.basicData[k].budget));
      expect(amount(de, 'basic-data', k, 'actual'), k).toBe(written(dept.basicData[k].actual));
    }
    dept.basicData.projectCategories.forEach((c, i) => {
      const f = de.figures.find((x) => x.item === `projectCategory-${i + 1}` && x.phase === 'actual');
      expect(f?.item_label).toBe(c.label);
      expect(f?.amount).toBe(written(c.total.actual));
    });
    expect(de.execution_rate).toBe(dd.funds.rate ? format(dd.funds.rate, 2, false) : null);
    expect(de.computed_score).toBe(format(dd.total.computed, 2, false));
    expect(de.computed_grade).toBe(dd.grade.name);
    expect(de.self_grade).toBe(t.grade);
    expect(de.errors).toBe(0);
  });

  it('converts amounts written in 元 to 万元 exactly, with Dec (no float)', () => {
    expect(amountInWan('86,423,000.00', '元')).toBe('8642.30');
    expect(amountInWan('1234567', '元')).toBe('123.4567');
    expect(amountInWan('0.01', '元')).toBe('0.000001');
    expect(amountInWan('8,642.30', '万元')).toBe('8642.30');
    expect(amountInWan(17485.1, null)).toBe('17485.10');
    expect(amountInWan('　', '万元')).toBeNull();
    expect(amountInWan('不详', '万元')).toBeNull();
  });

  it('describes every column in the dictionary, and every code it uses', async () => {
    const json = JSON.parse(await textOf(await exportAs(w.admin, { year: 2023, format: 'json' }))) as JsonExport;
    const table = (name: string) => DICTIONARY.tables.find((t) => t.name === name);
    const evaluationColumns = table('evaluations')?.columns ?? [];
    const figureColumns = table('figures')?.columns ?? [];
    for (const c of [...evaluationColumns, ...figureColumns]) {
      expect(c.label, c.name).toMatch(/[\u4e00-\u9fff]/u);
      expect(c.description, c.name).toMatch(/[\u4e00-\u9fff]/u);
      expect(['string', 'integer', 'decimal']).toContain(c.type);
    }
    const evaluationsCsv = await textOf(await exportAs(w.admin, { year: 2023, format: 'csv', table: 'evaluations' }));
    const figuresCsv = await textOf(await exportAs(w.admin, { year: 2023, format: 'csv', table: 'figures' }));
    expect(Object.keys(rowsOf(evaluationsCsv)[0] ?? {})).toEqual(evaluationColumns.map((c) => c.name));
    expect(Object.keys(rowsOf(figuresCsv)[0] ?? {})).toEqual(figureColumns.map((c) => c.name));
    const figureNames = new Set(figureColumns.map((c) => c.name));
    for (const e of json.evaluations) {
      const { figures, ...rest } = e;
      expect(Object.keys(rest).sort()).toEqual(evaluationColumns.map((c) => c.name).sort());
      for (const f of figures) for (const k of Object.keys(f)) expect(figureNames.has(k), k).toBe(true);
    }
    const allowed = (name: string) => figureColumns.find((c) => c.name === name)?.values?.map((v) => v.value) ?? [];
    const rows = rowsOf(figuresCsv);
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(allowed('figure')).toContain(r['figure']);
      expect(allowed('phase')).toContain(r['phase']);
      const item = r['item'] ?? '';
      if (/^(additional|projectCategory)-\d+$/u.test(item)) expect(allowed('item').some((v) => v.startsWith(`${item.replace(/\d+$/u, '')}1`))).toBe(true);
      else expect(allowed('item')).toContain(item);
      expect(r['amount']).toMatch(/^-?\d+\.\d{2,}$/u);
      for (const c of figureColumns) if (!c.nullable) expect(r[c.name], c.name).not.toBe('');
    }
    const kinds = evaluationColumns.find((c) => c.name === 'kind')?.values?.map((v) => v.value);
    for (const r of rowsOf(evaluationsCsv)) expect(kinds).toContain(r['kind']);
    const served = await w.run('open-data-dictionary', null, {});
    expect(served).toEqual(DICTIONARY);
  });

  it('writes CSV that parses back: UTF-8 BOM, RFC 4180 quotes around a name with a comma and a quote', async () => {
    const csv = await textOf(await exportAs(w.a.reviewer, { year: 2023, format: 'csv', table: 'figures' }));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"城区道路,""提质""改造工程"');
    expect(csv.split('\r\n').length).toBeGreaterThan(10);
    const rows = rowsOf(csv);
    const ours = rows.filter((r) => r['evaluation_id'] === projectId);
    expect(ours.length).toBeGreaterThanOrEqual(6);
    for (const r of ours) expect(r['project_name']).toBe(QUOTED);
  });

  it('packs every file in a .zip (README with source, licence, date and counts) and reads page by page', async () => {
    const exported = await exportAs(w.admin, { year: 2023 });
    expect(exported.mediaType).toBe('application/zip');
    const files = unzipSync(await bytesOf(exported));
    expect(Object.keys(files)).toEqual(['evaluations.csv', 'figures.csv', 'data.json', 'dictionary.json', 'dictionary.csv', 'README.txt']);
    const evaluations = rowsOf(strFromU8(files['evaluations.csv'] as Uint8Array));
    const figures = rowsOf(strFromU8(files['figures.csv'] as Uint8Array));
    const readme = strFromU8(files['README.txt'] as Uint8Array);
    expect(readme).toContain(`自评 ${evaluations.length} 份；资金数据 ${figures.length} 行`);
    expect(readme).toMatch(/许可：.*CC BY 4\.0/u);
    expect(JSON.parse(strFromU8(files['dictionary.json'] as Uint8Array))).toEqual(DICTIONARY);
    const dictionaryRows = rowsOf(strFromU8(files['dictionary.csv'] as Uint8Array));
    expect(dictionaryRows.length).toBe(DICTIONARY.tables.reduce((a, t) => a + t.columns.length, 0));
    expect((JSON.parse(strFromU8(files['data.json'] as Uint8Array)) as JsonExport).evaluations.length).toBe(evaluations.length);

    const pages: string[][] = [];
    for await (const page of publishedRecords(database.db, { year: 2023, regionId: null }, 2)) pages.push(page.map((r) => String(r.evaluation.evaluation_id)));
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual(evaluations.map((r) => r['evaluation_id']));
    expect(new Set(pages.flat()).size).toBe(evaluations.length);
  });

  it('streams the export over HTTP to a signed-in reviewer (GET /api/open-data)', async () => {
    const { app } = createApp({ services: w.services, log: () => undefined });
    const client = new TestClient(app);
    const session = await client.login(w.a.reviewer.username, TEST_PASSWORD);
    const response = await app.request(`http://localhost/api/open-data?year=2023`, { headers: { cookie: session.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('.zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(rowsOf(strFromU8(files['evaluations.csv'] as Uint8Array)).map((r) => r['evaluation_id']).sort()).toEqual([departmentId, projectId].sort());
    const anonymous = await app.request('http://localhost/api/open-data?year=2023');
    expect(anonymous.status).toBe(401);
    const dictionary = await app.request('http://localhost/api/open-data/dictionary');
    expect(dictionary.status).toBe(200);
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEvaluation } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { openTestPglite } from '../testing/databases.ts';
import { buildWorld, seedDocument, type World } from '../testing/world.ts';

const SEED_TEXT = fileURLToPath(new URL('../../../../examples/hengyang-natural-resources-2022.txt', import.meta.url));

// Documents do not touch the database beyond one read: PGlite is enough here.
describe('documents through the API commands', () => {
  let database: Database;
  let w: World;
  beforeAll(async () => {
    database = await openTestPglite();
    w = await buildWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('renders the stored version as .docx and .xlsx, named after the unit, year and version', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    const docx = await w.run('evaluation-export', w.a.reviewer, { id: created.id, format: 'docx' });
    expect(docx.fileName).toBe('衡阳县自然资源局2022年度部门整体支出绩效自评（第1版）.docx');
    expect(new TextDecoder().decode(docx.data.slice(0, 2))).toBe('PK');
    expect(docx.corrections).toBeGreaterThan(0); // the seed's stated total 97 is replaced by the computed 98
    const xlsx = await w.run('evaluation-export', w.a.unitHead, { id: created.id, format: 'xlsx', version: 1 });
    expect(xlsx.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await expect(w.run('evaluation-export', w.a.preparer, { id: created.id, format: 'docx', version: 2 })).rejects.toMatchObject({ code: 'version-not-found' });
  });

  it('reads the seed report as text into evaluation data that validates, without storing it', async () => {
    const result = await w.run('document-import', w.a.preparer, { fileName: 'report.txt', data: new Uint8Array(readFileSync(SEED_TEXT)) });
    expect(result.kind).toBe('department');
    const evaluation = parseEvaluation(result.document);
    expect(evaluation.kind === 'department' && evaluation.unit.name).toBe('衡阳县自然资源局');
    const list = await w.run('evaluation-list', w.a.preparer, {});
    expect(list.total).toBe(1);
    await expect(w.run('document-import', w.a.preparer, { fileName: 'x.docx', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 0xff, 0xfe, 0, 0, 0]) })).rejects.toMatchObject({ code: expect.stringMatching(/^file-/u) });
  });
});

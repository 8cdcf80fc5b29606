import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryBlobStore } from '../storage/blob-store.ts';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { buildWorld, cleanDocument, seedDocument, type World } from '../testing/world.ts';

describe.each(ENGINES)('reviews and evidence on %s', (engine) => {
  let database: Database;
  let w: World;
  let blobDir: string;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    blobDir = mkdtempSync(join(tmpdir(), 'jixiao-blobs-'));
    w = await buildWorld(database, directoryBlobStore(blobDir));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  it('takes a reviewer score per indicator of the submitted version, within the indicator points', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName) });
    await expect(w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 0, reviewScore: '1' })).rejects.toMatchObject({ code: 'review-not-open' });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
    const saved = await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 1, reviewScore: '3.5', opinion: '佐证只有一半' });
    expect(saved).toMatchObject({ indicatorIndex: 1, reviewScore: '3.50', version: 1 });
    await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 1, reviewScore: '4', opinion: '补充后认可' });
    await expect(w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 1, reviewScore: '99' })).rejects.toMatchObject({ code: 'input-invalid', message: expect.stringMatching(/应在 0 到分值/u) });
    await expect(w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 99, reviewScore: '1' })).rejects.toMatchObject({ code: 'indicator-not-found' });
    await expect(w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 0 })).rejects.toMatchObject({ code: 'input-invalid' });
    const list = await w.run('review-list', w.a.preparer, { id: created.id });
    expect(list).toMatchObject({ version: 1, items: [{ indicatorIndex: 1, reviewScore: '4.00', opinion: '补充后认可' }] });
  });

  it('keeps evidence files in the directory store and removes a file once its deletion commits', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: seedDocument() });
    const data = new TextEncoder().encode('%PDF-1.4\n证明\n%%EOF');
    const added = await w.run('evidence-add', w.a.preparer, { id: created.id, indicatorIndex: 4, fileName: '结案清单.pdf', data });
    expect(added).toMatchObject({ indicatorName: '自然资源违法违规案件结案', size: data.length });
    expect(readdirSync(blobDir)).toEqual([added.id]);
    const refused = await w.run('evidence-add', w.a.preparer, { id: created.id, indicatorIndex: 40, fileName: 'x.pdf', data }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'indicator-not-found' });
    expect(readdirSync(blobDir)).toHaveLength(1); // the refused upload left no file behind
    await w.run('evidence-delete', w.a.preparer, { evidenceId: added.id });
    expect(existsSync(join(blobDir, added.id))).toBe(false);
    await expect(w.run('evidence-get', w.a.preparer, { evidenceId: added.id })).rejects.toMatchObject({ code: 'evidence-not-found' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.ts';
import { ENGINES, openTestDatabase } from '../testing/databases.ts';
import { buildWorld, cleanDocument, seedDocument, type World } from '../testing/world.ts';

describe.each(ENGINES)('workflow on %s', (engine) => {
  let database: Database;
  let w: World;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    w = await buildWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('takes a clean evaluation from draft through submit, return, edit, resubmit, approve to published', async () => {
    const { preparer, reviewer } = w.a;
    const created = await w.run('evaluation-create', preparer, { document: cleanDocument(w.a.unitName) });
    expect(created).toMatchObject({ status: 'draft', currentVersion: 1, allowedActions: ['submit'], isEditable: true });
    expect(created.findings).toEqual([]);

    const submitted = await w.run('evaluation-submit', preparer, { id: created.id, version: 1 });
    expect(submitted).toMatchObject({ status: 'submitted', version: 1 });

    const returned = await w.run('evaluation-return', reviewer, { id: created.id, opinion: '满意度指标缺少调查样本量，请补充' });
    expect(returned.status).toBe('returned');

    const edited = { ...cleanDocument(w.a.unitName), problems: '补充：满意度调查共发放问卷 300 份' };
    const saved = await w.run('evaluation-save', preparer, { id: created.id, baseVersion: 1, document: edited, note: '按审核意见补充' });
    expect(saved).toMatchObject({ version: 2, status: 'returned' });

    await w.run('evaluation-submit', preparer, { id: created.id, version: 2 });
    const approved = await w.run('evaluation-approve', reviewer, { id: created.id, reviewScore: '96.5', reviewOpinion: '数据准确，同意' });
    expect(approved.status).toBe('approved');
    const published = await w.run('evaluation-publish', reviewer, { id: created.id });
    expect(published.status).toBe('published');

    const detail = await w.run('evaluation-get', preparer, { id: created.id });
    expect(detail).toMatchObject({ status: 'published', statusName: '已公开', currentVersion: 2, submittedVersion: 2, reviewScore: '96.50', reviewOpinion: '数据准确，同意', allowedActions: [] });
    const history = await w.run('evaluation-history', reviewer, { id: created.id });
    expect(history.items.map((t) => `${t.from}→${t.to}@${t.version}`)).toEqual([
      'draft→submitted@1', 'submitted→returned@1', 'returned→submitted@2', 'submitted→approved@2', 'approved→published@2',
    ]);
    expect(history.items[1]?.opinion).toBe('满意度指标缺少调查样本量，请补充');
    expect(history.items[3]?.reviewScore).toBe('96.50');
  });

  it('refuses to submit the seed while errors remain, and accepts it with a written justification for each', async () => {
    const { preparer } = w.a;
    const created = await w.run('evaluation-create', preparer, { document: seedDocument() });
    const errors = created.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBe(11);
    const refused = w.run('evaluation-submit', preparer, { id: created.id, version: 1 });
    await expect(refused).rejects.toMatchObject({ code: 'justification-required' });
    await expect(refused).rejects.toThrow(/还有 \d+ 个错误/u);

    const keys = [...new Set(errors.map((f) => f.key))];
    const partial = Object.fromEntries(keys.slice(1).map((k) => [k, '原报告如此，已与单位核实']));
    await expect(w.run('evaluation-submit', preparer, { id: created.id, version: 1, justifications: partial })).rejects.toMatchObject({
      code: 'justification-required',
      details: [expect.stringContaining(keys[0] ?? '')],
    });
    const tooShort = { ...partial, [keys[0] ?? '']: '是' };
    await expect(w.run('evaluation-submit', preparer, { id: created.id, version: 1, justifications: tooShort })).rejects.toMatchObject({ code: 'justification-required' });

    const all = { ...partial, [keys[0] ?? '']: '正文数字以附表为准，附表已核对', 'not-a-finding@x': '多余的理由' };
    const ok = await w.run('evaluation-submit', preparer, { id: created.id, version: 1, justifications: all });
    expect(ok.status).toBe('submitted');
    const history = await w.run('evaluation-history', preparer, { id: created.id });
    const stored = history.items[0]?.justifications ?? {};
    expect(Object.keys(stored).sort()).toEqual([...keys].sort());
  });

  it('keeps a submitted version immutable: saving, adding evidence and resubmitting are refused', async () => {
    const { preparer } = w.a;
    const created = await w.run('evaluation-create', preparer, { document: cleanDocument(w.a.unitName, 2024) });
    await w.run('evaluation-submit', preparer, { id: created.id, version: 1 });
    await expect(w.run('evaluation-save', preparer, { id: created.id, baseVersion: 1, document: cleanDocument(w.a.unitName, 2024) })).rejects.toMatchObject({ code: 'evaluation-locked' });
    await expect(w.run('evaluation-submit', preparer, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'transition-not-allowed' });
    const version = await w.run('evaluation-version', preparer, { id: created.id, number: 1 });
    expect(version.document).toEqual(cleanDocument(w.a.unitName, 2024));
  });

  it('refuses transitions not in the table and roles not allowed, with Chinese messages', async () => {
    const { preparer, reviewer, unitHead } = w.a;
    const created = await w.run('evaluation-create', preparer, { document: cleanDocument(w.a.unitName, 2025) });
    await expect(w.run('evaluation-approve', reviewer, { id: created.id, reviewScore: 90, reviewOpinion: '好' })).rejects.toMatchObject({ code: 'transition-not-allowed', message: expect.stringMatching(/草稿/u) });
    await expect(w.run('evaluation-publish', reviewer, { id: created.id })).rejects.toMatchObject({ code: 'transition-not-allowed' });
    await expect(w.run('evaluation-submit', unitHead, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(w.run('evaluation-submit', reviewer, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await w.run('evaluation-submit', preparer, { id: created.id, version: 1 });
    await expect(w.run('evaluation-return', reviewer, { id: created.id, opinion: '   ' })).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(w.run('evaluation-approve', reviewer, { id: created.id, reviewScore: '101', reviewOpinion: '好' })).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(w.run('evaluation-approve', reviewer, { id: created.id, reviewScore: '90.125', reviewOpinion: '好' })).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(w.run('evaluation-approve', reviewer, { id: created.id, reviewScore: '90' })).rejects.toMatchObject({ code: 'input-invalid' });
    await expect(w.run('evaluation-approve', w.b.reviewer, { id: created.id, reviewScore: '90', reviewOpinion: '好' })).rejects.toMatchObject({ code: 'evaluation-not-found' });
    await expect(w.run('evaluation-approve', preparer, { id: created.id, reviewScore: '90', reviewOpinion: '好' })).rejects.toMatchObject({ code: 'forbidden' });
    const history = await w.run('evaluation-history', reviewer, { id: created.id });
    expect(history.items).toHaveLength(1);
  });

  it('lists versions and compares two of them field by field', async () => {
    const { preparer, unitHead } = w.b;
    const created = await w.run('evaluation-create', preparer, { document: seedDocument(w.b.unitName), note: '录入原文' });
    const doc = seedDocument(w.b.unitName) as { selfEvaluation: { totalScore: string; indicators: { score: string }[] } };
    doc.selfEvaluation.totalScore = '98';
    const v2 = await w.run('evaluation-save', preparer, { id: created.id, baseVersion: 1, document: doc, note: '更正总分' });
    expect(v2.summary.errorCount).toBeLessThan(created.findings.filter((f) => f.severity === 'error').length);
    const versions = await w.run('evaluation-versions', unitHead, { id: created.id });
    expect(versions.items.map((v) => [v.number, v.note])).toEqual([[2, '更正总分'], [1, '录入原文']]);
    expect(versions.total).toBe(2);
    const comparison = await w.run('evaluation-compare', unitHead, { id: created.id, from: 1, to: 2 });
    expect(comparison.changes).toEqual([{ path: 'selfEvaluation.totalScore', kind: 'changed', before: '97', after: '98' }]);
    expect(comparison.descriptions).toEqual(['selfEvaluation.totalScore：「97」→「98」']);
    await expect(w.run('evaluation-compare', unitHead, { id: created.id, from: 1, to: 3 })).rejects.toMatchObject({ code: 'version-not-found' });
  });

  it('writes an audit row for every change, with who, what and why', async () => {
    const { preparer } = w.a;
    const created = await w.run('evaluation-create', preparer, { document: cleanDocument(w.a.unitName, 2026), note: '首次录入' });
    await w.run('evaluation-save', preparer, { id: created.id, baseVersion: 1, document: cleanDocument(w.a.unitName, 2026), note: '无改动也存一版' });
    await w.run('evaluation-submit', preparer, { id: created.id, version: 2 });
    const log = await w.run('audit-list', w.admin, { entityType: 'evaluation', entityId: created.id });
    expect(log.items.map((r) => [r.action, r.username, r.reason])).toEqual([
      ['evaluation-submit', 'a-preparer', null],
      ['evaluation-save', 'a-preparer', '无改动也存一版'],
      ['evaluation-create', 'a-preparer', '首次录入'],
    ]);
  });
});

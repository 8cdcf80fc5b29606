import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.ts';
import { cleanDocument, type World } from '../testing/world.ts';
import { worldOn } from '../testing/world-suite.ts';

describe.each(ENGINES)('deleting drafts and withdrawing a publication on %s', (engine) => {
  const world = worldOn(engine);
  let w: World;
  beforeAll(() => {
    w = world();
  });

  it('deletes a draft never submitted, with its evidence, and records it; refuses one that was submitted', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2019) });
    await w.run('evidence-add', w.a.preparer, { id: created.id, indicatorIndex: 0, fileName: '证明.pdf', data: new TextEncoder().encode('%PDF-1.4\n%%EOF') });
    await expect(w.run('evaluation-delete', w.b.preparer, { id: created.id })).rejects.toMatchObject({ code: 'evaluation-not-found' });
    await w.run('evaluation-delete', w.a.preparer, { id: created.id, reason: '年度选错了' });
    await expect(w.run('evaluation-get', w.a.preparer, { id: created.id })).rejects.toMatchObject({ code: 'evaluation-not-found' });
    const log = await w.run('audit-list', w.admin, { action: 'evaluation-delete' });
    expect(log.items[0]).toMatchObject({ entityId: created.id, reason: '年度选错了', actionName: '删除草稿' });
    expect(log.items[0]?.summary).toContain('佐证材料 1 份');
    // The same year can be started again.
    const again = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2019) });
    await w.run('evaluation-submit', w.a.preparer, { id: again.id, version: 1 });
    await expect(w.run('evaluation-delete', w.a.preparer, { id: again.id })).rejects.toMatchObject({ code: 'evaluation-locked', message: expect.stringMatching(/不能删除/u) });
  });

  it('withdraws a publication back to 已审核 with a reason, in the history and the audit log', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2018) });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
    await w.run('evaluation-approve', w.a.reviewer, { id: created.id, reviewScore: '95', reviewOpinion: '同意' });
    await w.run('evaluation-publish', w.a.reviewer, { id: created.id });
    await expect(w.run('evaluation-withdraw', w.a.reviewer, { id: created.id, reason: '' })).rejects.toMatchObject({ code: 'input-invalid' });
    const back = await w.run('evaluation-withdraw', w.a.reviewer, { id: created.id, reason: '附件有误，更正后再公开' });
    expect(back.status).toBe('approved');
    const history = await w.run('evaluation-history', w.a.preparer, { id: created.id });
    expect(history.items.at(-1)).toMatchObject({ action: 'withdraw', actionName: '撤回公开', from: 'published', to: 'approved', opinion: '附件有误，更正后再公开' });
    const log = await w.run('audit-list', w.admin, { action: 'evaluation-withdraw' });
    expect(log.items[0]).toMatchObject({ entityId: created.id, reason: '附件有误，更正后再公开', actionName: '撤回公开' });
    // Published again after the correction.
    expect((await w.run('evaluation-publish', w.a.reviewer, { id: created.id })).status).toBe('published');
  });

  it('the unit head signs the current version (签字确认), recorded in the history; nobody else can', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2017) });
    await expect(w.run('evaluation-sign', w.a.preparer, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(w.run('evaluation-sign', w.a.unitHead, { id: created.id, version: 2 })).rejects.toMatchObject({ code: 'edit-conflict' });
    const signed = await w.run('evaluation-sign', w.a.unitHead, { id: created.id, version: 1 });
    expect(signed.status).toBe('draft');
    const history = await w.run('evaluation-history', w.a.preparer, { id: created.id });
    expect(history.items.at(-1)).toMatchObject({ action: 'sign', actionName: '单位负责人签字确认', version: 1, actor: { id: w.a.unitHead.id } });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
    await expect(w.run('evaluation-sign', w.a.unitHead, { id: created.id, version: 1 })).rejects.toMatchObject({ code: 'transition-not-allowed' });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.ts';
import { worldOn } from '../testing/world-suite.ts';
import { cleanDocument, type World } from '../testing/world.ts';

type Doc = { selfEvaluation: { indicators: { name: string; actual: string | null }[] } };

describe.each(ENGINES)('reviews carried over a resubmission on %s', (engine) => {
  const world = worldOn(engine);
  let w: World;
  beforeAll(() => {
    w = world();
  });

  it('keeps the scores and opinions of version 1 on version 3, marking the indicator the unit changed', async () => {
    const document = cleanDocument(w.a.unitName, 2021) as unknown as Doc;
    const created = await w.run('evaluation-create', w.a.preparer, { document });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
    const [first, second] = document.selfEvaluation.indicators;
    await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 0, reviewScore: '1.5', opinion: '佐证不足' });
    await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 1, opinion: '完成值请核实' });
    await w.run('evaluation-return', w.a.reviewer, { id: created.id, opinion: '请补充佐证并核实完成值' });
    // The unit moves the second indicator to the top and changes what it wrote in that row (its deviation explanation).
    const changed = structuredClone(document);
    const moved = { ...(second as NonNullable<typeof second>), deviationExplanation: '监测批次按省级安排调减60批次，已补充调减文件' };
    changed.selfEvaluation.indicators = [moved, first as NonNullable<typeof first>, ...document.selfEvaluation.indicators.slice(2)];
    const saved = await w.run('evaluation-save', w.a.preparer, { id: created.id, baseVersion: 1, document: changed });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: saved.version });
    const list = await w.run('review-list', w.a.reviewer, { id: created.id });
    expect(list.version).toBe(saved.version);
    expect(list.items).toEqual([
      expect.objectContaining({ indicatorIndex: 0, indicatorName: second?.name, reviewScore: null, opinion: '完成值请核实', carriedFrom: 1, changedSince: true }),
      expect.objectContaining({ indicatorIndex: 1, indicatorName: first?.name, reviewScore: '1.50', opinion: '佐证不足', carriedFrom: 1, changedSince: false }),
    ]);
    // A review written on the new version replaces the carried one.
    await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 1, reviewScore: '2', opinion: '已补充' });
    const again = await w.run('review-list', w.a.reviewer, { id: created.id });
    expect(again.items.find((x) => x.indicatorIndex === 1)).toMatchObject({ reviewScore: '2.00', opinion: '已补充', carriedFrom: null, changedSince: false });
    expect(again.items.find((x) => x.indicatorIndex === 0)).toMatchObject({ carriedFrom: 1 });
  });

  it('names a bad review score in Chinese, never by field path', async () => {
    const created = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName, 2020) });
    await w.run('evaluation-submit', w.a.preparer, { id: created.id, version: 1 });
    const refused = await w.run('review-save', w.a.reviewer, { id: created.id, indicatorIndex: 0, reviewScore: '-2' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'input-invalid' });
    for (const d of (refused as { details: string[] }).details) expect(d).not.toMatch(/[A-Za-z]/u);
    const approve = await w.run('evaluation-approve', w.a.reviewer, { id: created.id, reviewScore: '150', reviewOpinion: '通过' }).catch((e: unknown) => e);
    for (const d of (approve as { details: string[] }).details) expect(d).not.toMatch(/[A-Za-z]/u);
  });
});

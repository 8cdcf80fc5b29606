import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, loadDocument, spread, verifyDocument, type CorpusDocument } from './corpus.ts';
import type { Labels } from './schema.ts';

const DIR = new URL('fixtures/reports/', import.meta.url).pathname;
const ID = 'test-county-cppcc-department-2022';

const withLabels = (doc: CorpusDocument, change: (l: Labels) => Labels): CorpusDocument => ({ ...doc, labels: change(structuredClone(doc.labels as Labels)) });

describe('corpus verify', () => {
  const doc = loadDocument(ID, DIR);

  it('a document whose labels are right verifies', () => {
    expect(doc.problems).toEqual([]);
    expect(verifyDocument(doc)).toEqual([]);
  });

  it('a verdict the recomputation contradicts is named with file, relation and the figures', () => {
    const bad = withLabels(doc, (l) => ({ ...l, relations: l.relations.map((r) => (r.id === 'r6' ? { ...r, verdict: 'violated' as const } : r)) }));
    expect(verifyDocument(bad)).toEqual([`${ID}.labels.json 关系 r6（sum）：标注为 violated，重算为 holds（799.115…799.125 对 799.06…799.18（中值 799.12））`]);
  });

  it('a figure that is not on its line, or not as a whole number, is named', () => {
    const bad = withLabels(doc, (l) => ({
      ...l,
      relations: l.relations.map((r) => (r.id === 'r3' && r.kind === 'difference' ? { ...r, result: { text: '189.2', line: 5 }, subtrahend: { text: '602.97', line: 4 } } : r)),
    }));
    const problems = verifyDocument(bad);
    expect(problems).toContain(`${ID}.labels.json 关系 r3（difference） result「189.2」：第 5 行没有独立的数字「189.2」`);
    expect(problems).toContain(`${ID}.labels.json 关系 r3（difference） subtrahend「602.97」：第 4 行没有独立的数字「602.97」`);
  });

  it('a grade outside its bands, a duplicate id and a document name that is not the file name are named', () => {
    const bad = withLabels(doc, (l) => ({ ...l, document: 'other', relations: [...l.relations, { ...(l.relations[0] as Labels['relations'][number]) }].map((r) => (r.kind === 'grade' ? { ...r, grade: { text: '好', line: 10 } } : r)) }));
    const problems = verifyDocument(bad);
    expect(problems).toContain(`${ID}.labels.json：document 写为「other」，应为文件名的「${ID}」`);
    expect(problems).toContain(`${ID}.labels.json 关系 r1（year）：id 重复`);
    expect(problems).toContain(`${ID}.labels.json 关系 r8（grade） grade：第 10 行没有「好」`);
  });

  it('a label file that breaks the schema, or is missing, is named with its field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'x.txt'), '2022年\n');
    writeFileSync(join(dir, 'x.labels.json'), JSON.stringify({ document: 'x', evaluatedYear: 2022, relations: [{ id: 'r1', kind: 'sum', note: '合计', total: { text: '3', line: 1 }, parts: [{ text: '1', line: 0 }], verdict: 'holds' }] }));
    const problems = verifyDocument(loadDocument('x', dir));
    expect(problems).toContain('x.labels.json：relations.0.parts.0.line：数值过小：期望 number >0');
    expect(problems.some((p) => p.startsWith('x.labels.json：relations.0.parts：'))).toBe(true);
    expect(problems).toContain('x.source.json：文件不存在');
    expect(loadCorpus(DIR).map((d) => d.id)).toEqual([ID]);
  });

  it('prints the spread', () => {
    expect(spread([doc])).toContain('关系 8 条：sum 2');
    expect(spread([doc])).toContain('违反 1 条：sum 1');
    expect(spread([doc])).toContain('省份 1 个：测试省 1');
  });
});

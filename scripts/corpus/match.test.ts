import type { Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { loadDocument } from './corpus.ts';
import { classify, judgeMutant } from './evaluate.ts';
import { q } from './exact.ts';
import { findingLine, findsRelation, numbersIn, restores, writtenLike } from './match.ts';
import { mutantsOf } from './mutate.ts';
import { compareResults, summarize } from './result.ts';
import type { Relation } from './schema.ts';

const DIR = new URL('fixtures/reports/', import.meta.url).pathname;
const doc = loadDocument('test-county-cppcc-department-2022', DIR);
const relation = (id: string): Relation => doc.labels?.relations.find((r) => r.id === id) as Relation;
const finding = (line: number | undefined, stated: number | string | undefined, expected: number | string | undefined, more: Partial<Finding> = {}): Finding => ({
  check: 'test-check',
  category: 'internal',
  severity: 'error',
  message: '测试',
  ...(stated === undefined ? {} : { stated }),
  ...(expected === undefined ? {} : { expected }),
  location: { path: 'text', ...(line === undefined ? {} : { line }) },
  ...more,
} as Finding);

describe('matching a finding to a labelled figure', () => {
  it('a value written at the figure’s precision', () => {
    expect(writtenLike(q(15, 1), '1.20')).toBe('15.00');
    expect(writtenLike(q(2, 3), '0.5')).toBe('0.7');
    expect(writtenLike(q(-12, 10), '1.20')).toBe('-1.20');
  });

  it('finds a violated sum through the total or a part, only with a value that restores it', () => {
    const r5 = relation('r5');
    expect(findsRelation(finding(5, 792.22, 790.22), 5, r5, 2022)).toBe(true);
    expect(findsRelation(finding(6, 780, 782), 6, r5, 2022)).toBe(true);
    expect(findsRelation(finding(6, 10.22, 12.22), 6, r5, 2022)).toBe(true);
    expect(findsRelation(finding(5, 792.22, 800), 5, r5, 2022)).toBe(false);
    expect(findsRelation(finding(7, 792.22, 790.22), 7, r5, 2022)).toBe(false);
    expect(findsRelation(finding(5, '792.22万元', '790.22万元'), 5, r5, 2022)).toBe(false);
  });

  it('restores within rounding at the figure’s precision', () => {
    const r7 = relation('r7');
    expect(restores(r7, 2022, 'rate', { text: '97', line: 8, nth: 1 }, 97.4)).toBe(true);
    // 97 ÷ 100 with both written as integers stands for 96.0…98.0: 98 still restores, 99 does not
    expect(restores(r7, 2022, 'rate', { text: '97', line: 8, nth: 1 }, 98)).toBe(true);
    expect(restores(r7, 2022, 'rate', { text: '97', line: 8, nth: 1 }, 99)).toBe(false);
  });

  it('a finding without a line stands for the one line where its stated value is written, if only one', () => {
    const numbers = numbersIn(doc.lines);
    expect(findingLine(finding(undefined, 799.12, 0), numbers)).toBe(7);
    expect(findingLine(finding(undefined, 2022, 0), numbers)).toBeNull();
    expect(findingLine(finding(undefined, '优', '良'), numbers)).toBeNull();
  });

  it('a grade is found by its word', () => {
    const r8 = relation('r8');
    const wrong = { ...r8, grade: { ...(r8.kind === 'grade' ? r8.grade : { line: 10 }), text: '良' } } as Relation;
    expect(findsRelation(finding(10, '良', '优'), 10, wrong, 2022)).toBe(true);
    expect(findsRelation(finding(10, '良', '中'), 10, wrong, 2022)).toBe(false);
  });
});

describe('classifying the findings of a document and judging mutants', () => {
  it('a violation found, a false alarm on a holding relation, an unlabelled finding; info notes are not counted', () => {
    const o = classify(doc, [
      finding(6, 780, 782),
      finding(7, 799.12, 800, { severity: 'warning' }),
      finding(2, undefined, undefined, { check: 'other-check' }),
      finding(3, 3, 4, { severity: 'info' }),
    ]);
    expect(o.violations).toEqual([{ id: 'r5', kind: 'sum', found: true, lines: [5, 6] }]);
    expect(o.findings.map((f) => [f.line, f.class, f.relations])).toEqual([[6, 'violation', ['r5']], [7, 'holding', ['r6']], [2, 'unlabelled', []]]);
  });

  it('a mutant is found only when its changed figure is reported with a value restoring the relation', () => {
    const m = mutantsOf(doc).find((x) => x.relation.id === 'r6' && x.role !== 'total');
    if (!m) throw new Error('no mutant of r6');
    const from = Number(m.from);
    const to = Number(m.to);
    expect(judgeMutant(doc, m, [finding(m.line, to, from)]).outcome).toBe('found');
    expect(judgeMutant(doc, m, [finding(m.line, to, from + 50)]).outcome).toBe('figure');
    expect(judgeMutant(doc, m, [finding(m.line, 799.12, 0)]).outcome).toBe('relation');
    expect(judgeMutant(doc, m, [finding(m.line + 2, to, from)]).outcome).toBe('elsewhere');
    expect(judgeMutant(doc, m, [finding(m.line, to, from, { severity: 'info' })]).outcome).toBe('missed');
    expect(judgeMutant(doc, m, []).outcome).toBe('missed');
  });

  it('a result compared with the previous one says what got better and worse', () => {
    const mutants = mutantsOf(doc).slice(0, 2).map((m) => ({ id: m.id, document: m.document, relation: m.relation.id, kind: m.relation.kind, slip: m.slip, line: m.line, from: m.from, to: m.to, outcome: 'missed' as const, severity: null }));
    const before = summarize({ seed: 12, docs: [doc], outcomes: [classify(doc, [finding(7, 799.12, 800)])], mutants, seconds: 1 });
    const after = summarize({ seed: 12, docs: [doc], outcomes: [classify(doc, [finding(6, 780, 782)])], mutants: mutants.map((m, i) => (i === 0 ? { ...m, outcome: 'found' as const } : m)), seconds: 1 });
    expect(after.summary.violationsFound).toBe(1);
    const lines = compareResults(before, after);
    expect(lines).toContain('变好：标注违反的召回 0.0% → 100.0%');
    expect(lines).toContain('变好：test-county-cppcc-department-2022 r5 现在发现');
    expect(lines).toContain('变好：test-county-cppcc-department-2022 误报消除 第 7 行 test-check 799.12→800');
    expect(lines).toContain('变异体：新发现 1 个，不再发现 0 个');
    expect(compareResults(after, after)).toEqual(['无变化']);
  });
});

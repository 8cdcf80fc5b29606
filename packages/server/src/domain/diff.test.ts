import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange, diffDocuments } from './diff.ts';

describe('diffDocuments', () => {
  it('names each changed, added and removed field by its path', () => {
    const before = { year: 2022, unit: { name: '甲' }, list: [1, 2, 3], gone: 'x' };
    const after = { year: 2023, unit: { name: '甲', code: 'A1' }, list: [1, 5], extra: null };
    expect(diffDocuments(before, after)).toEqual([
      { path: 'year', kind: 'changed', before: 2022, after: 2023 },
      { path: 'unit.code', kind: 'added', after: 'A1' },
      { path: 'list[1]', kind: 'changed', before: 2, after: 5 },
      { path: 'list[2]', kind: 'removed', before: 3 },
      { path: 'gone', kind: 'removed', before: 'x' },
      { path: 'extra', kind: 'added', after: null },
    ]);
  });

  it('describes changes in Chinese, shortening long values', () => {
    expect(describeChange({ path: 'a.b', kind: 'changed', before: '97', after: '98' })).toBe('a.b：「97」→「98」');
    expect(describeChange({ path: 'a', kind: 'added', after: 'x'.repeat(50) })).toBe(`a：新增「${'x'.repeat(40)}…」`);
    expect(describeChange({ path: 'a', kind: 'removed', before: null })).toBe('a：删除「（空）」');
  });

  it('finds no change between a document and its copy, and some change whenever they differ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(diffDocuments(a, structuredClone(a))).toEqual([]);
        const same = JSON.stringify(a) === JSON.stringify(b);
        if (!same) expect(diffDocuments(a, b).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

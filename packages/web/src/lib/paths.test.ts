import { describe, expect, it } from 'vitest';
import { formatPath, getAt, parsePath, pathPrefixes, setAt } from './paths.ts';

describe('paths', () => {
  it('parses and formats the paths findings use', () => {
    expect(parsePath('selfEvaluation.indicators[3].score')).toEqual(['selfEvaluation', 'indicators', 3, 'score']);
    expect(formatPath(['selfEvaluation', 'indicators', 3, 'score'])).toBe('selfEvaluation.indicators[3].score');
    expect(formatPath(parsePath('a[0][1].b'))).toBe('a[0][1].b');
  });

  it('reads by path, undefined when absent', () => {
    const root = { a: { b: [{ c: 1 }, { c: '17,485.15' }] } };
    expect(getAt(root, 'a.b[1].c')).toBe('17,485.15');
    expect(getAt(root, 'a.x.c')).toBeUndefined();
    expect(getAt(root, 'a.b.c')).toBeUndefined();
  });

  it('writes without mutating and keeps untouched branches', () => {
    const root = { a: { b: [{ c: 1 }, { c: 2 }] }, other: { x: 1 } };
    const next = setAt(root, 'a.b[1].c', '3');
    expect(next.a.b[1]).toEqual({ c: '3' });
    expect(root.a.b[1]).toEqual({ c: 2 });
    expect(next.other).toBe(root.other);
    expect(next.a.b[0]).toBe(root.a.b[0]);
  });

  it('creates missing objects and arrays', () => {
    expect(setAt({}, 'execution.carryover.amount', '0')).toEqual({ execution: { carryover: { amount: '0' } } });
    expect(setAt({}, 'items[1].label', 'x')).toEqual({ items: [null, { label: 'x' }] });
  });

  it('lists prefixes longest first', () => {
    expect(pathPrefixes('a.b[2].c')).toEqual(['a.b[2].c', 'a.b[2]', 'a.b', 'a']);
  });
});

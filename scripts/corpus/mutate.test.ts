import { describe, expect, it } from 'vitest';
import { loadDocument } from './corpus.ts';
import { breaks, mutantsOf, mutantText, PER_RELATION, slipsOf, subsetMeets, wellFormed } from './mutate.ts';
import { linesOf, locate } from './locate.ts';
import { figuresOf, withFigure, type Figure } from './schema.ts';
import { verdictOf } from './verdict.ts';

const DIR = new URL('fixtures/reports/', import.meta.url).pathname;
const doc = loadDocument('test-county-cppcc-department-2022', DIR);
const amount = { count: false, year: false };
const f = (text: string, more: Partial<Figure> = {}): Figure => ({ text, line: 1, ...more });

describe('slips of a figure', () => {
  it('a digit changed, two adjacent digits swapped, the point shifted, a round amount off', () => {
    const slips = slipsOf('12.34', amount);
    expect(slips).toContainEqual(['13.34', 'digit']);
    expect(slips).toContainEqual(['21.34', 'swap']);
    expect(slips).toContainEqual(['12.43', 'swap']);
    expect(slips).toContainEqual(['1.234', 'point']);
    expect(slips).toContainEqual(['123.4', 'point']);
    expect(slips.filter(([, s]) => s === 'round')).toEqual([]);
    expect(slipsOf('1,500', amount).filter(([, s]) => s === 'round')).toEqual([['1,400', 'round'], ['1,600', 'round']]);
  });

  it('thousands separators stay well formed and no integer part gets a leading zero', () => {
    const slips = slipsOf('1,234.56', amount).map(([t]) => t);
    expect(slips).toContain('123.456');
    expect(slips).toContain('12,345.6');
    expect(slips.every(wellFormed)).toBe(true);
    expect(slips).not.toContain('0,234.56');
    expect(slipsOf('10', amount).map(([t]) => t)).not.toContain('01');
    expect(slipsOf('0.55', amount).map(([t]) => t)).toContain('5.5');
    expect(slipsOf('0.5', amount).map(([t]) => t)).not.toContain('05.');
  });

  it('full-width digits stay full-width', () => {
    expect(slipsOf('１２', amount)).toContainEqual(['２１', 'swap']);
  });

  it('counts ±1, years ±1, and nothing else for them; Chinese numerals are not mutated', () => {
    expect(slipsOf('3', { count: true, year: false })).toEqual([['2', 'count'], ['4', 'count']]);
    expect(slipsOf('0', { count: true, year: false })).toEqual([['1', 'count']]);
    expect(slipsOf('2022', { count: false, year: true })).toEqual([['2021', 'year'], ['2023', 'year']]);
    expect(slipsOf('十二', { count: true, year: false })).toEqual([]);
    const points = slipsOf('15', { count: false, year: false, exact: true });
    expect(points).toContainEqual(['14', 'count']);
    expect(points).toContainEqual(['16', 'count']);
    expect(points).toContainEqual(['51', 'swap']);
    expect(points).toContainEqual(['25', 'digit']);
    expect(slipsOf('5.96', { count: false, year: false, exact: true })).toContainEqual(['5.69', 'swap']);
  });
});

describe('a mutant breaks its relation in every reading', () => {
  it('a sum that a subset of its parts still makes is no mutant', () => {
    // 10 = 3 + 7 + 5 mutated from 10 = 3 + 7 + 0… a part slipped to 5 leaves 3 + 7 = 10
    expect(subsetMeets(f('10.0'), [f('3.0'), f('7.0'), f('5.0')])).toBe(true);
    expect(subsetMeets(f('10.0'), [f('3.0'), f('8.0'), f('5.0')])).toBe(false);
    // with integers each part stands for ±0.5: 3 + 8 may be 10.5 and 10 may be 10.5
    expect(subsetMeets(f('10'), [f('3'), f('8'), f('5')])).toBe(true);
    const r = { id: 'r', note: '合计', verdict: 'holds' as const, kind: 'sum' as const, total: f('10.0'), parts: [f('3.0'), f('7.0'), f('0.0')] };
    expect(breaks(r, 2022, 'parts[2]', f('0.0'), '5.0')).toBe(false);
    expect(breaks(r, 2022, 'parts[1]', f('7.0'), '8.0')).toBe(true);
  });

  it('a slip inside the rounding interval is no mutant', () => {
    const r = { id: 'r', note: '合计', verdict: 'holds' as const, kind: 'sum' as const, total: f('10.0'), parts: [f('3.33'), f('6.67')] };
    expect(breaks(r, 2022, 'total', f('10.0'), '10.0')).toBe(false);
    expect(breaks(r, 2022, 'parts[0]', f('3.33'), '3.36')).toBe(false);
    expect(breaks(r, 2022, 'parts[0]', f('3.33'), '3.43')).toBe(true);
  });

  it('a rate that truncation would explain is no mutant', () => {
    const r = { id: 'r', note: '执行率', verdict: 'holds' as const, kind: 'rate' as const, rate: f('99.99'), numerator: f('99995', { exact: true }), denominator: f('100000', { exact: true }) };
    expect(verdictOf(r, 2022)).toBe('holds');
    // 99.99 → 99.98: neither rounded (99.995) nor truncated (99.99…) reading of 99.995% makes 99.98
    expect(breaks(r, 2022, 'rate', r.rate, '99.98')).toBe(true);
  });
});

describe('mutants of a document', () => {
  const mutants = mutantsOf(doc);

  it('come only from relations that hold, at most PER_RELATION each, each breaking its relation', () => {
    expect(mutants.length).toBeGreaterThan(0);
    expect(mutants.some((m) => m.relation.id === 'r5')).toBe(false);
    const per = new Map<string, number>();
    for (const m of mutants) per.set(m.relation.id, (per.get(m.relation.id) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(PER_RELATION);
    for (const m of mutants) {
      expect(verdictOf(withFigure(m.relation, m.role, { ...m.figure, text: m.to }), 2022)).toBe('violated');
      expect(m.to).not.toBe(m.from);
    }
  });

  it('are the same for the same seed and differ with another', () => {
    expect(mutantsOf(doc).map((m) => m.id)).toEqual(mutants.map((m) => m.id));
    expect(mutantsOf(doc, 99).map((m) => m.id)).not.toEqual(mutants.map((m) => m.id));
  });

  it('change one occurrence of the text and nothing else', () => {
    for (const m of mutants) {
      const before = linesOf(doc.text);
      const after = linesOf(mutantText(doc.text, m));
      expect(after.length).toBe(before.length);
      expect(after.filter((l, i) => l !== before[i])).toHaveLength(1);
      const at = locate(after, { text: m.to, line: m.line });
      expect(typeof at).not.toBe('string');
    }
  });

  it('make counts ±1 and years ±1 only', () => {
    expect(mutants.filter((m) => m.relation.kind === 'count').map((m) => m.to).sort()).toEqual(['2', '4']);
    expect(mutants.filter((m) => m.relation.kind === 'year').map((m) => m.to).sort()).toEqual(['2021', '2023']);
    for (const m of mutants) expect(figuresOf(m.relation).some((x) => x.role === m.role)).toBe(true);
  });
});

import { format } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { localize, oneEditValues } from './localize.ts';
import { fig } from './testing.ts';
import type { Relation } from './types.ts';

const base = { source: 'test', confidence: 'certain' } as const;
const shown = (l: ReturnType<typeof localize>): string[] => l.map((x) => `${x.figure.written}@${x.figure.line}→${format(x.expected, x.expected.scale, false)}${x.typo ? ' typo' : ''}`);

describe('oneEditValues', () => {
  it('changes, swaps, shifts, drops and inserts one digit', () => {
    const values = oneEditValues(fig('1,253.40')).map((d) => format(d.value, d.value.scale, false));
    expect(values).toEqual(expect.arrayContaining(['1235.40', '1253.41', '125.340', '12534.0', '125.40', '11253.40']));
    expect(values).not.toContain('1253.40');
  });
  it('counts ±1', () => {
    expect(oneEditValues(fig('12个', 1, { exact: true })).map((d) => format(d.value, d.value.scale, false))).toEqual(expect.arrayContaining(['11', '13']));
  });
  it('keeps the unit of the value when the text is in 元 and the value in 万元', () => {
    const f = { ...fig('2026400元'), value: { units: 20264, scale: 2 } };
    expect(oneEditValues(f).map((d) => format(d.value, d.value.scale, false))).toContain('202.4600');
  });
});

describe('localize', () => {
  it('a cell breaking its row and its column total is one finding at that cell', () => {
    // 2 × 2 grid with totals; the cell (1,1) written 35 instead of 53
    const a = fig('10', 2, { cell: { table: 0, row: 0, col: 0 } });
    const b = fig('35', 2, { cell: { table: 0, row: 0, col: 1 } });
    const rowTotal = fig('63', 2, { cell: { table: 0, row: 0, col: 2 } });
    const c = fig('20', 3, { cell: { table: 0, row: 1, col: 0 } });
    const d = fig('30', 3, { cell: { table: 0, row: 1, col: 1 } });
    const colTotal = fig('83', 4, { cell: { table: 0, row: 2, col: 1 } });
    const relations: Relation[] = [
      { ...base, kind: 'sum', total: rowTotal, parts: [a, b] },
      { ...base, kind: 'sum', total: fig('50', 3, { cell: { table: 0, row: 1, col: 2 } }), parts: [c, d] },
      { ...base, kind: 'sum', total: fig('30', 4, { cell: { table: 0, row: 2, col: 0 } }), parts: [a, c] },
      { ...base, kind: 'sum', total: colTotal, parts: [b, d] },
    ];
    expect(shown(localize(relations))).toEqual(['35@2→53 typo']);
  });

  it('a typo in a part is blamed on the part, not the total', () => {
    const relations: Relation[] = [{ ...base, kind: 'sum', total: fig('3,806.65', 1), parts: [fig('1,253.40', 2), fig('2,571.25', 3)] }];
    expect(shown(localize(relations))).toEqual(['1,253.40@2→1235.40 typo']);
  });

  it('a typo in the total is blamed on the total', () => {
    const relations: Relation[] = [{ ...base, kind: 'sum', total: fig('3,860.65', 1), parts: [fig('1,235.40', 2), fig('2,571.25', 3)] }];
    expect(shown(localize(relations))).toEqual(['3,860.65@1→3806.65 typo']);
  });

  it('without a typo the total is blamed, with the sum of the parts', () => {
    const relations: Relation[] = [{ ...base, kind: 'sum', total: fig('100', 1), parts: [fig('30', 2), fig('47', 3)] }];
    expect(shown(localize(relations))).toEqual(['100@1→77']);
  });

  it('a figure in a relation that holds is not changed', () => {
    // 87 for 77: the total, or 30 → 20, or 47 → 37 are all one digit away; 47 is also in a rate that holds
    const part = fig('47.00', 3);
    const relations: Relation[] = [
      { ...base, kind: 'sum', total: fig('87.00', 1), parts: [fig('30.00', 2), part] },
      { ...base, kind: 'rate', rate: fig('47.00%', 4), numerator: part, denominator: fig('100.00', 5) },
    ];
    expect(shown(localize(relations))).toEqual(['87.00@1→77.00 typo']);
  });

  it('a wrong rate gets the quotient at its precision; a likely relation is a warning', () => {
    const relations: Relation[] = [{ source: 'test', confidence: 'likely', kind: 'rate', rate: fig('100%', 8), numerator: fig('66.86', 8), denominator: fig('200', 8) }];
    const [l] = localize(relations);
    expect(l && [l.figure.written, format(l.expected, l.expected.scale, false), l.severity]).toEqual(['100%', '33', 'warning']);
  });

  it('a count and a year are blamed on the count and the year', () => {
    const relations: Relation[] = [
      { ...base, kind: 'count', count: fig('4个', 1, { exact: true }), items: ['甲', '乙', '丙'] },
      { ...base, kind: 'year', year: fig('2023', 2, { exact: true }), evaluatedYear: 2022 },
    ];
    expect(shown(localize(relations)).sort()).toEqual(['2023@2→2022 typo', '4个@1→3 typo']);
  });

  it('past a bound any value restores it: a digit inserted into the points (3 → 13) is no typo evidence', () => {
    const relations: Relation[] = [{ ...base, kind: 'cap', score: fig('9', 2, { exact: true }), points: fig('3', 1, { exact: true }) }];
    expect(shown(localize(relations))).toEqual(['9@2→3 typo']);
  });

  it('a score over its points: the figure unlike its column is blamed (points 4 among points of 5; score 8 among scores of 5)', () => {
    const row = (points: string, score: string, line: number): Relation => ({
      ...base, kind: 'cap', points: fig(points, line, { exact: true, cell: { table: 0, row: line, col: 0 } }), score: fig(score, line, { exact: true, cell: { table: 0, row: line, col: 1 } }),
    });
    expect(shown(localize([row('5', '5', 1), row('5', '5', 2), row('4', '5', 3), row('10', '10', 4)]))).toEqual(['4@3→5 typo']);
    expect(shown(localize([row('5', '5', 1), row('5', '5', 2), row('5', '8', 3), row('10', '10', 4)]))).toEqual(['8@3→5 typo']);
    // nothing tells them apart: the score
    expect(shown(localize([row('5', '5', 1), row('4', '6', 3)]))).toEqual(['6@3→4 typo']);
  });

  it('a part of a sum of points unlike the other parts is blamed (3 among parts of 2), the total holding in its parent', () => {
    const points = (w: string, line: number) => fig(w, line, { exact: true });
    const total = points('6分', 1);
    const relations: Relation[] = [
      { ...base, kind: 'score-sum', total: points('30分', 1), parts: [total, points('24分', 5)] },
      { ...base, kind: 'score-sum', total, parts: [points('2分', 2), points('3分', 3), points('2分', 4)] },
    ];
    expect(shown(localize(relations))).toEqual(['3分@3→2 typo']);
  });

  it('one quantity stated twice: the statement unlike a third statement of it is blamed', () => {
    const equal = (a: string, la: number, b: string, lb: number): Relation => ({ ...base, kind: 'equal', a: fig(a, la), b: fig(b, lb) });
    const third = (w: string, line: number): Relation => ({ ...base, kind: 'sum', total: fig(w, line), parts: [fig('100.00', line), fig(`${Number(w.replace(/,/gu, '')) - 100}.00`, line)] });
    // a is 1,454.52 in a sum that holds elsewhere; b (written 1,445.52) is the wrong one, whichever role it has
    expect(shown(localize([equal('1,454.52', 3, '1,445.52', 5), third('1,454.52', 9)]))).toEqual(['1,445.52@5→1454.52 typo']);
    expect(shown(localize([equal('1,445.52', 3, '1,454.52', 5), third('1,454.52', 9)]))).toEqual(['1,445.52@3→1454.52 typo']);
    // nothing written elsewhere: as before, the second statement
    expect(shown(localize([equal('1,445.52', 3, '1,454.52', 5)]))).toEqual(['1,454.52@5→1445.52 typo']);
  });
});

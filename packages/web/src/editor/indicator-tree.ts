/**
 * The indicator tree (一级 → 二级 → 三级) over the model's flat row list: grouping for display, and the
 * edits the tree editor offers (add, remove, move a row within its second-level group). Rows keep their
 * first- and second-level names; order in the list is the order in the table.
 * @module
 */
import { normalizeName } from '@jixiao/core';

export type IndicatorRowInput = {
  level1: string;
  level2: string;
  name: string;
  target?: string | number | null;
  actual?: string | number | null;
  unit?: string | null;
  direction?: string | null;
  points?: string | number | null;
  score?: string | number | null;
  deviationExplanation?: string | null;
  qualitativeGrade?: string | null;
  notApplicable?: boolean;
};

export type Level2Group = { readonly name: string; readonly indexes: readonly number[] };
export type Level1Group = { readonly name: string; readonly level2: readonly Level2Group[] };

export const DIRECTION_NAMES = {
  higherIsBetter: '正向（≥）',
  lowerIsBetter: '反向（≤）',
  equals: '等于（=）',
  qualitative: '定性',
} as const;

export const QUALITATIVE_GRADE_NAMES = {
  achieved: '达成年度指标',
  partiallyAchieved: '部分达成',
  notAchieved: '未达成',
} as const;

/**
 * Groups rows by first- then second-level name in order of first appearance; `level1Order` (the scheme's
 * or the header's names) puts those first and keeps them even when they have no rows.
 */
export function groupIndicators(rows: readonly IndicatorRowInput[], level1Order: readonly string[] = []): Level1Group[] {
  const groups: { name: string; key: string; level2: { name: string; key: string; indexes: number[] }[] }[] = [];
  const level1 = (name: string) => {
    const key = normalizeName(name);
    let g = groups.find((x) => x.key === key);
    if (!g) {
      g = { name, key, level2: [] };
      groups.push(g);
    }
    return g;
  };
  for (const name of level1Order) level1(name);
  rows.forEach((row, index) => {
    const g = level1(row.level1);
    const key2 = normalizeName(row.level2);
    let l2 = g.level2.find((x) => x.key === key2);
    if (!l2) {
      l2 = { name: row.level2, key: key2, indexes: [] };
      g.level2.push(l2);
    }
    l2.indexes.push(index);
  });
  return groups.map((g) => ({ name: g.name, level2: g.level2.map((l2) => ({ name: l2.name, indexes: l2.indexes })) }));
}

export const emptyRow = (level1: string, level2: string): IndicatorRowInput => ({
  level1,
  level2,
  name: '',
  target: null,
  actual: null,
  unit: null,
  direction: null,
  points: null,
  score: null,
  deviationExplanation: null,
  qualitativeGrade: null,
  notApplicable: false,
});

const same = (a: string, b: string) => normalizeName(a) === normalizeName(b);

/** Inserts a blank row at the end of its (level1, level2) group, or after the level1 group's last row; returns the rows and the new index. */
export function addRow(rows: readonly IndicatorRowInput[], level1: string, level2: string): { rows: IndicatorRowInput[]; index: number } {
  let at = -1;
  rows.forEach((row, i) => {
    if (same(row.level1, level1) && same(row.level2, level2)) at = i;
  });
  if (at < 0) rows.forEach((row, i) => { if (same(row.level1, level1)) at = i; });
  const index = at < 0 ? rows.length : at + 1;
  const next = [...rows];
  next.splice(index, 0, emptyRow(level1, level2));
  return { rows: next, index };
}

export function removeRow(rows: readonly IndicatorRowInput[], index: number): IndicatorRowInput[] {
  return rows.filter((_, i) => i !== index);
}

/** Moves a row one place up (−1) or down (+1) within its second-level group; returns its new index (unchanged at an edge). */
export function moveRow(rows: readonly IndicatorRowInput[], index: number, by: -1 | 1): { rows: IndicatorRowInput[]; index: number } {
  const row = rows[index];
  if (!row) return { rows: [...rows], index };
  let other = index + by;
  while (other >= 0 && other < rows.length) {
    const candidate = rows[other];
    if (candidate && same(candidate.level1, row.level1) && same(candidate.level2, row.level2)) break;
    other += by;
  }
  const target = rows[other];
  if (!target) return { rows: [...rows], index };
  const next = [...rows];
  next[index] = target;
  next[other] = row;
  return { rows: next, index: other };
}

/** Second-level names offered under a first level: the scheme's catalogue plus those already used. */
export function level2Options(catalogue: Readonly<Record<string, readonly string[]>>, level1: string, rows: readonly IndicatorRowInput[]): string[] {
  const fromCatalogue = Object.entries(catalogue).find(([name]) => same(name, level1))?.[1] ?? [];
  const used = rows.filter((r) => same(r.level1, level1)).map((r) => r.level2);
  const out: string[] = [];
  for (const name of [...fromCatalogue, ...used]) if (name && !out.some((x) => same(x, name))) out.push(name);
  return out;
}

import { describe, expect, it } from 'vitest';
import { toGrid } from '../source.ts';
import { splitMergesAt, splitsAMerge } from './continued-merges.ts';
import type { Cell, ReportDocument, TableModel } from './document-model.ts';
import { cellPositions } from './render-xlsx.ts';

const c = (text: string, rowSpan = 1, extra: Partial<Cell> = {}): Cell => ({ text, role: 'label', ...(rowSpan > 1 ? { rowSpan } : {}), ...extra });
// 一级 | 二级 | 三级: 产出指标 over 4 rows, 数量 over 2, 质量 over 2
const table: TableModel = {
  id: 't',
  columns: [1, 1, 1],
  headerRows: { start: 0, count: 1 },
  rows: [
    [c('一级'), c('二级'), c('三级')],
    [c('产出指标', 4, { id: 'l1' }), c('数量', 2), c('a')],
    [c('b')],
    [c('质量', 2), c('d')],
    [c('e')],
  ],
};
const grid = (t: TableModel): string[][] =>
  toGrid({ index: 0, line: 0, rows: [cellPositions(t.rows).map(({ cell, row, col }) => ({ text: cell.text, row, col, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 }))] });
const spans = (t: TableModel): string[] => cellPositions(t.rows).map(({ cell, row, col }) => `${row},${col}:${cell.text}×${cell.rowSpan ?? 1}`);

describe('a merge carried over a page break', () => {
  it.each([
    [[2], ['0,0:一级×1', '0,1:二级×1', '0,2:三级×1', '1,0:产出指标×1', '1,1:数量×1', '1,2:a×1', '2,0:产出指标×3', '2,1:数量×1', '2,2:b×1', '3,1:质量×2', '3,2:d×1', '4,2:e×1']],
    [[3], ['0,0:一级×1', '0,1:二级×1', '0,2:三级×1', '1,0:产出指标×2', '1,1:数量×2', '1,2:a×1', '2,2:b×1', '3,0:产出指标×2', '3,1:质量×2', '3,2:d×1', '4,2:e×1']],
    [[2, 4], ['0,0:一级×1', '0,1:二级×1', '0,2:三级×1', '1,0:产出指标×1', '1,1:数量×1', '1,2:a×1', '2,0:产出指标×2', '2,1:数量×1', '2,2:b×1', '3,1:质量×1', '3,2:d×1', '4,0:产出指标×1', '4,1:质量×1', '4,2:e×1']],
  ])('split at rows %j: the part on the next page prints the label', (breaks, expected) => {
    const split = splitMergesAt(table, breaks);
    expect(spans(split)).toEqual(expected);
    // the cells as a reader sees them are the same
    expect(grid(split)).toEqual(grid(table));
  });

  it('keeps the id (and a formula or note) with the first part only, and leaves a table without breaks as it is', () => {
    const split = splitMergesAt(table, [3]);
    expect(split.rows[3]?.[0]).toEqual({ text: '产出指标', role: 'label', rowSpan: 2 });
    expect(split.rows[1]?.[0]?.id).toBe('l1');
    expect(splitMergesAt(table, [])).toBe(table);
  });

  it('knows whether a break falls inside a merge', () => {
    const doc = (t: TableModel): ReportDocument => ({ kind: 'department', title: '', corrections: [], sections: [{ orientation: 'landscape', blocks: [{ kind: 'attachment', label: '', title: '', subtitle: null, headerLine: ['', ''], table: t, footerLines: [], sheetName: '' }] }] });
    expect(splitsAMerge(doc(table), new Map([['t', [2]]]))).toBe(true);
    expect(splitsAMerge(doc(table), new Map([['t', [1]]]))).toBe(false);
    expect(splitsAMerge(doc(splitMergesAt(table, [3])), new Map([['t', [3]]]))).toBe(false);
  });
});

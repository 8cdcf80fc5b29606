import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndicatorRowInput, addRow, emptyRow, groupIndicators, level2Options, moveRow, removeRow } from './indicator-tree.ts';

const row = (level1: string, level2: string, name: string): IndicatorRowInput => ({ ...emptyRow(level1, level2), name });
const rows = [
  row('产出指标', '数量指标', 'a'),
  row('产出指标', '质量指标', 'b'),
  row('产出指标', '数量指标', 'c'),
  row('效益指标', '社会效益指标', 'd'),
];

describe('indicator tree', () => {
  it('groups by first and second level in order of appearance, keeping empty first levels', () => {
    const g = groupIndicators(rows, ['产出指标', '效益指标', '满意度指标']);
    expect(g.map((x) => x.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(g[0]?.level2).toEqual([{ name: '数量指标', indexes: [0, 2] }, { name: '质量指标', indexes: [1] }]);
    expect(g[2]?.level2).toEqual([]);
  });

  it('treats 产出 and 产出指标 as one group', () => {
    const g = groupIndicators([row('产出', '数量', 'x'), row('产出指标', '数量指标', 'y')]);
    expect(g).toHaveLength(1);
    expect(g[0]?.level2[0]?.indexes).toEqual([0, 1]);
  });

  it('adds a row at the end of its group', () => {
    const { rows: next, index } = addRow(rows, '产出指标', '数量指标');
    expect(index).toBe(3);
    expect(next.map((r) => r.name)).toEqual(['a', 'b', 'c', '', 'd']);
    expect(addRow(rows, '满意度指标', '服务对象满意度').index).toBe(4);
    expect(addRow(rows, '效益指标', '生态效益指标').index).toBe(4);
  });

  it('moves a row within its second-level group only', () => {
    const down = moveRow(rows, 0, 1);
    expect(down.rows.map((r) => r.name)).toEqual(['c', 'b', 'a', 'd']);
    expect(down.index).toBe(2);
    expect(moveRow(rows, 3, 1).rows.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveRow(rows, 1, -1).index).toBe(1);
  });

  it('removes a row', () => {
    expect(removeRow(rows, 1).map((r) => r.name)).toEqual(['a', 'c', 'd']);
  });

  it('offers the catalogue and the names in use', () => {
    expect(level2Options({ 产出指标: ['数量指标', '质量指标', '时效指标'] }, '产出', [...rows, row('产出指标', '其他', 'e')])).toEqual(['数量指标', '质量指标', '时效指标', '其他']);
  });

  it('moving keeps the same rows (property)', () => {
    const arbRow = fc.record({ level1: fc.constantFrom('产出指标', '效益指标'), level2: fc.constantFrom('数量指标', '质量指标'), name: fc.string() });
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 12 }), fc.nat(), fc.boolean(), (list, i, up) => {
        const index = i % list.length;
        const moved = moveRow(list, index, up ? -1 : 1);
        expect(moved.rows.map((r) => list.indexOf(r as (typeof list)[number])).sort((a, b) => a - b)).toEqual(list.map((_, k) => k));
        expect(moved.rows[moved.index]).toBe(list[index]);
        const g = (l: readonly IndicatorRowInput[]) => groupIndicators(l).map((x) => x.level2.map((y) => y.indexes.length));
        expect(g(moved.rows)).toEqual(g(list));
      }),
    );
  });
});

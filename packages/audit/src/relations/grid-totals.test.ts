import { describe, expect, it } from 'vitest';
import { gridTotals } from './grid-totals.ts';
import { extractFromText } from './grid-testing.ts';

const run = (text: string) => extractFromText(gridTotals, text);

describe('grid-totals', () => {
  it('finds the rows a 小计 and a 合计 total from the columns that add up, and judges every column (one wrong cell included)', async () => {
    const text = [
      '资金结构 年初① 调整② 小计③ 拨付④ 支出实现率(%)⑤',
      '财政资金小计 130.54 58.07 188.61 188.45 99.92',
      '① 项目支出 30 0 30 30 100',
      '② 基本支出 100.54 58.07 158.61 158.55 99.9',
      '2.单位其它收入 0 0 0 0 0',
      '合 计 130.54 58.07 188.61 188.45 99.92',
    ].join('\n');
    expect(await run(text)).toEqual([
      'sum certain 130.54@2 = 30@3 + 100.54@4',
      'sum certain 58.07@2 = 0@3 + 58.07@4',
      'sum certain 188.61@2 = 30@3 + 158.61@4',
      'sum certain 188.45@2 = 30@3 + 158.55@4',
      // the 合计 over the rows up to the 小计, its row of zeros (which changes no sum) left out
      'sum certain 130.54@6 = 30@3 + 100.54@4',
      'sum certain 58.07@6 = 0@3 + 58.07@4',
      'sum certain 188.61@6 = 30@3 + 158.61@4',
      'sum certain 188.45@6 = 30@3 + 158.55@4',
      // the columns: 小计 = the two before it, 支出实现率 = 拨付 ÷ 小计, in every row (positions: likely)
      'sum likely 188.61@2 = 130.54@2 + 58.07@2',
      'sum likely 30@3 = 30@3 + 0@3',
      'sum likely 158.61@4 = 100.54@4 + 58.07@4',
      'sum likely 0@5 = 0@5 + 0@5',
      'sum likely 188.61@6 = 130.54@6 + 58.07@6',
      'rate likely 99.92@2 = 188.45@2 ÷ 188.61@2',
      'rate likely 100@3 = 30@3 ÷ 30@3',
      'rate likely 99.9@4 = 158.55@4 ÷ 158.61@4',
      'rate likely 99.92@6 = 188.45@6 ÷ 188.61@6',
    ]);
  });

  it.each([
    ['rows whose columns do not add up in most columns', '项目 预算 执行\n甲 10 20\n乙 30 40\n合计 70 80'],
    ['no total row', '项目 预算 执行\n甲 10 20\n乙 30 40\n丙 40 60'],
    ['a table one cell per line (rows unknown)', '合计\n30\n30\n甲\n10\n10\n乙\n20\n20'],
  ])('no relation: %s', async (_, text) => {
    expect(await run(text)).toEqual([]);
  });
});

import type { Evaluation } from '@jixiao/core';
import { readDocument } from '@jixiao/documents';
import { describe, expect, it } from 'vitest';
import { gridFunds } from './grid-funds.ts';
import { extractFromText, showRelation } from './grid-testing.ts';

const run = (text: string) => extractFromText(gridFunds, text);

/** A total row and two part rows, every cell written (`|` table). */
const PARTS = [
  '| 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |',
  '| 总额 | 5.00 | 6.00 | 5.50 | 91.67% | 10 | 9.17 |',
  '| 其中:财政资金 | 4.00 | 4.00 | 4.00 | 100.00% | / | / |',
  '| 单位资金 | 1.00 | 2.00 | 1.50 | 75.00% | / | / |',
].join('\n');

describe('grid-funds', () => {
  it('reads a national funds block run together with blanks, every cell written (certain)', async () => {
    const text = [
      '项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额: 0 0 0 10 0% 0',
      '其中:本年财政拨款 90 89.974 89.974 — — —',
      '上年结转资金 — — — — — —',
    ].join('\n');
    // no rate: its denominator is 0; the total against its only filled part, column by column
    expect(await run(text)).toEqual([
      'cap certain 0@2 ≤ 10@2',
      'product certain 0@2 = 10@2 × 0%@2 ≤ 10@2',
      'equal certain 0@2 = 90@3',
      'equal certain 0@2 = 89.974@3',
      'equal certain 0@2 = 89.974@3',
    ]);
  });

  it('places a row with its first amount left empty from the % (likely, saying so)', async () => {
    const text = [
      '| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |',
      '年度资金总额 |',
      '| 32.4 | 31.69 | 10 | 97.80% | 9 |',
    ].join('\n');
    expect(await run(text)).toEqual([
      'rate likely 97.80%@3 = 31.69@3 ÷ 32.4@3',
      'cap likely 9@3 ≤ 10@3',
      'product likely 9@3 = 10@3 × 97.80%@3 ≤ 10@3',
    ]);
  });

  it('takes the rate as the empty cell when no % is written and one cell is missing', async () => {
    const text = [
      '年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分',
      '年度资金总额: 880 880 880 10 10',
      ' 其中:本年财政拨款 880 880 880 - -',
      '上年结转资金 - -',
      '其他资金 - -',
    ].join('\n');
    expect(await run(text)).toEqual([
      'cap likely 10@2 ≤ 10@2',
      'equal likely 880@2 = 880@3',
      'equal likely 880@2 = 880@3',
      'equal likely 880@2 = 880@3',
    ]);
  });

  it('sums the parts of a total row column by column, with 调整后预算数 and 预算执行率', async () => {
    expect(await run(PARTS)).toEqual([
      'rate certain 91.67%@2 = 5.50@2 ÷ 6.00@2',
      'cap certain 9.17@2 ≤ 10@2',
      'product certain 9.17@2 = 10@2 × 91.67%@2 ≤ 10@2',
      'rate certain 100.00%@3 = 4.00@3 ÷ 4.00@3',
      'rate certain 75.00%@4 = 1.50@4 ÷ 2.00@4',
      'sum certain 5.00@2 = 4.00@3 + 1.00@4',
      'sum certain 6.00@2 = 4.00@3 + 2.00@4',
      'sum certain 5.50@2 = 4.00@3 + 1.50@4',
    ]);
  });

  it('reads a 转移支付 funds block (全年预算数(A) 全年执行数(B) 预算执行率(B/A×100%)) with its 中央 / 地方 rows', async () => {
    const text = [
      '全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||',
      '年度资金总额: | 808.1 | 692.98 | 86% | ||||',
      '其中:中央财政资金 | 808.1 | 692.98 | 86% | ||||',
      '地方财政资金 | |||||||',
      '其他资金 | |||||||',
    ].join('\n');
    expect(await run(text)).toEqual([
      'rate certain 86%@2 = 692.98@2 ÷ 808.1@2',
      'rate certain 86%@3 = 692.98@3 ÷ 808.1@3',
      'equal certain 808.1@2 = 808.1@3',
      'equal certain 692.98@2 = 692.98@3',
    ]);
  });

  it('reads captions in traditional characters with a mirror\'s pinyin after them', async () => {
    const text = [
      '| 年初預(yù)算數(shù) | 全年預(yù)算數(shù) | 全年執(zhí)行數(shù) | 分值 | 執(zhí)行率 | 得分 |',
      '| 年度資金總額 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |',
    ].join('\n');
    expect(await run(text)).toEqual([
      'rate certain 100%@2 = 7.29@2 ÷ 7.29@2',
      'cap certain 10.00@2 ≤ 10.00@2',
      'product certain 10.00@2 = 10.00@2 × 100%@2 ≤ 10.00@2',
    ]);
  });

  it.each([
    ['cells that can be placed in several ways', '年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额: 90 89 10'],
    ['a row wider than its header', '年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额: 1 2 3 4 5% 6 7'],
    ['no funds header', '年度资金总额 90 90 90 10 100% 10'],
  ])('no relation: %s', async (_, text) => {
    expect(await run(text)).toEqual([]);
  });

  it('keeps a row\'s own relations where the model holds its cells (their findings merge with the core\'s on the line)', async () => {
    const doc = await readDocument(new TextEncoder().encode(PARTS), 'test.txt', {});
    const at = (line: number, excerpt: string) => ({ line, excerpt });
    // the importer mapped the total row (a field per cell) and the first part's budget columns
    const sourceMap = {
      'funds.total.initialBudget': at(2, '5.00'), 'funds.total.budget': at(2, '6.00'), 'funds.total.actual': at(2, '5.50'),
      'funds.total.executionRate': at(2, '91.67%'), 'funds.total.points': at(2, '10'), 'funds.total.score': at(2, '9.17'),
      'funds.fiscal.budget': at(3, '4.00'),
    };
    const evaluation = { sourceMap } as unknown as Evaluation;
    expect(gridFunds.extract({ doc, evaluation, scheme: null, year: null }).map(showRelation)).toEqual([
      'rate certain 91.67%@2 = 5.50@2 ÷ 6.00@2',
      'cap certain 9.17@2 ≤ 10@2',
      'product certain 9.17@2 = 10@2 × 91.67%@2 ≤ 10@2',
      'rate certain 100.00%@3 = 4.00@3 ÷ 4.00@3',
      'rate certain 75.00%@4 = 1.50@4 ÷ 2.00@4',
      'sum certain 5.00@2 = 4.00@3 + 1.00@4',
      'sum certain 6.00@2 = 4.00@3 + 2.00@4',
      'sum certain 5.50@2 = 4.00@3 + 1.50@4',
    ]);
  });
});

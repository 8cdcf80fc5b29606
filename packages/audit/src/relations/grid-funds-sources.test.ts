import { describe, expect, it } from 'vitest';
import { gridFundsSources } from './grid-funds-sources.ts';
import { extractFromText } from './grid-testing.ts';

const run = (text: string) => extractFromText(gridFundsSources, text);

describe('grid-funds-sources', () => {
  it('reads a mirror layout: the total row then the one filled source, the other sources —', async () => {
    const text = '项目资金 年初预算数 (万元) 年度资金总额 其中:当年财政拨款 全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 65.66 65.07 — 99% — 上年结转资金 — — 其他资金 — — 预期目标 实际完成情况';
    expect(await run(text)).toEqual([
      'equal likely 65.66@1 = 65.66@1',
      'equal likely 65.07@1 = 65.07@1',
      // 65.07 ÷ 65.66 = 99.1%: each row's own 99%
      'rate likely 99%@1 = 65.07@1 ÷ 65.66@1',
      'rate likely 99%@1 = 65.07@1 ÷ 65.66@1',
    ]);
  });

  it('pairs the runs even when one figure of them differs (a typo), with 0 written in the empty sources', async () => {
    const text = [
      '年初预算数 全年预算数 全年执行数 分值 执行率 得分 250000.00 250000.00 215,457.6 10 8.62',
      '250000.00 250600.00 215457.6 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 其中:当年财政拨款 86.18% 预期目标',
    ].join('\n');
    expect(await run(text)).toEqual([
      'equal likely 250000.00@1 = 250000.00@2',
      'equal likely 250000.00@1 = 250600.00@2',
      'equal likely 215,457.6@1 = 215457.6@2',
      // the one % fits the total's amounts (215457.6 ÷ 250000 = 86.18%): it is held against both runs
      'rate likely 86.18%@2 = 215,457.6@1 ÷ 250000.00@1',
      'rate likely 86.18%@2 = 215457.6@2 ÷ 250600.00@2',
    ]);
  });

  it('reads amounts written with 万元', async () => {
    const text = '年初预算数 全年预算数 全年执行数 分值 执行率 年度资金总额: 620.82万元 620.82万元 620.82万元 100 100% 10 其中:当年财政 拨款 620.82万元 620.82万元 620.82万元 100 100% 10 得分 上年结转资金 其他资金 预期目标';
    expect(await run(text)).toEqual([
      'equal likely 620.82@1 = 620.82@1',
      'equal likely 620.82@1 = 620.82@1',
      'equal likely 620.82@1 = 620.82@1',
      'rate likely 100%@1 = 620.82@1 ÷ 620.82@1',
      'rate likely 100%@1 = 620.82@1 ÷ 620.82@1',
    ]);
  });

  it('pairs the first run with the later one of as many digits, not with the points after it', async () => {
    const text = '年初预算数 全年预算数 全年执行数 分值 执行率 年度资金总额: 620.89 620.82 620.82 100 100% 10 其中:当年财政拨款 620.82 620.82 620.82 100 100% 10 得分 上年结转资金 其他资金 预期目标';
    expect(await run(text)).toEqual([
      'equal likely 620.89@1 = 620.82@1',
      'equal likely 620.82@1 = 620.82@1',
      'equal likely 620.82@1 = 620.82@1',
      'rate likely 100%@1 = 620.82@1 ÷ 620.82@1',
      'rate likely 100%@1 = 620.82@1 ÷ 620.82@1',
    ]);
  });

  it('reads nothing when another source writes an amount (the total is then a sum)', async () => {
    const text = '年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 80 80 78 10 97.5% 9.75 其中:当年财政拨款 60 60 58 上年结转资金 20 20 20 其他资金 — — — 预期目标';
    expect(await run(text)).toEqual([]);
  });

  it('reads nothing without an empty source, or when no two runs repeat each other', async () => {
    expect(await run('年初预算数 全年预算数 全年执行数 年度资金总额 80 80 78 其中:当年财政拨款 80 80 78 预期目标')).toEqual([]);
    expect(await run('年初预算数 全年预算数 全年执行数 年度资金总额 80 75 78 其中:当年财政拨款 60 61 58 上年结转资金 — — 其他资金 — — 预期目标')).toEqual([]);
  });

  it('does not pair runs that agree only on points or scores', async () => {
    const text = '年初预算数 全年预算数 全年执行数 分值 得分 年度资金总额 45.5 10 10 其中:当年财政拨款 38.2 10 10 上年结转资金 — 其他资金 — 预期目标';
    expect(await run(text)).toEqual([]);
  });

  it('gives no rate when no written % is the rate of either run', async () => {
    const text = '年初预算数 全年预算数 全年执行数 执行率 年度资金总额 40.5 38.2 50% 其中:当年财政拨款 40.5 38.2 — 上年结转资金 — — 其他资金 — — 预期目标';
    expect(await run(text)).toEqual(['equal likely 40.5@1 = 40.5@1', 'equal likely 38.2@1 = 38.2@1']);
  });

  it('reads nothing for other funds outside a funds block', async () => {
    expect(await run('本项目资金总额 50 万元，其中当年财政拨款 50 万元，上年结转资金 — 。')).toEqual([]);
  });
});

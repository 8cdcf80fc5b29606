import type { Evaluation } from '@jixiao/core';
import { readDocument } from '@jixiao/documents';
import { describe, expect, it } from 'vitest';
import { gridIndicators } from './grid-indicators.ts';
import { extractFromText, showRelation } from './grid-testing.ts';

const run = (text: string) => extractFromText(gridIndicators, text);

const FUNDS = ['年初预算数 全年预算数 全年执行数 分值 执行率 得分', '年度资金总额: 100 100 95 10 95% 9.5'];

describe('grid-indicators', () => {
  it('reads rows, blocks and the 总分 of a table one cell per line', async () => {
    const cells = [
      ...FUNDS,
      '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施',
      '产出指标(50分)', '数量指标', '培训人数', '≥50人', '50', '30', '30',
      '质量指标', '合格率', '100%', '98%', '20', '18', '略有偏差',
      '效益指标(40分)', '社会效益指标', '群众知晓率', '≥90%', '95%', '40', '40',
      '总分', '100', '97.5', '优',
    ];
    expect(await run(cells.join('\n'))).toEqual([
      'cap certain 30@17 ≤ 30@16',
      'cap certain 18@23 ≤ 20@22',
      'cap certain 40@31 ≤ 40@30',
      'score-sum certain 50分@11 = 30@16 + 20@22',
      'score-sum certain 40分@25 = 40@30',
      'score-sum certain 100@33 = 10@2 + 30@16 + 20@22 + 40@30',
      'score-sum certain 97.5@34 = 9.5@2 + 30@17 + 18@23 + 40@31',
      'grade likely 优@35 of 97.5@34',
    ]);
  });

  it('with value columns between 分值 and 得分, pairs the points with the score of their own row only', async () => {
    const text = [
      '| 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 |',
      '| 培训人次 | 10 | 500人次 | 520人次 | 10 |',
      // a row short of a cell: its points are not paired with the next row's points
      '| 覆盖率 | 10 | 95% |',
      '| 知晓率 | 15 | ≥90% | 92% | 14 |',
    ].join('\n');
    expect(await run(text)).toEqual(['cap certain 10@2 ≤ 10@2', 'cap certain 14@4 ≤ 15@4']);
  });

  it('sums the rows under a header over all blocks (绩效指标(90分)) when the table ends; not when it may go on', async () => {
    const rows = [
      '绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |',
      '产出指标 | 数量指标 | 发放人数 | 100人 | 100人 | 50 | 50 |',
      '效益指标 | 社会效益指标 | 保障率 | 100% | 98% | 30 | 28 |',
    ];
    expect(await run([...rows, '填表人: 张三'].join('\n'))).toEqual([
      'cap certain 50@2 ≤ 50@2',
      'cap certain 28@3 ≤ 30@3',
      'score-sum certain 90分@1 = 50@2 + 30@3',
    ]);
    expect(await run(rows.join('\n'))).toEqual(['cap certain 50@2 ≤ 50@2', 'cap certain 28@3 ≤ 30@3']);
    // a 绩效指标(90分) far before the header is not its header
    expect(await run(['绩效指标(90分) | 说明 | 其他 | 一级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |', ...rows.slice(1), '填表人: 张三'].join('\n'))).toEqual([
      'cap certain 50@2 ≤ 50@2',
      'cap certain 28@3 ≤ 30@3',
    ]);
  });

  it('takes the last numbers of a row as its points and score (the actual value before them is no points)', async () => {
    const text = [
      '绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
      '产出指标 | 数量指标 | 收容所 | ≥200平方米 | 204.46平方米 | 10 | 10 | 无 |',
      '数量指标 | 围栏 | ≥120 | 121 | 10 | 12 | 无 |',
    ].join('\n');
    expect(await run(text)).toEqual(['cap certain 10@2 ≤ 10@2', 'cap certain 12@3 ≤ 10@3']);
  });

  it('leaves out a block cut off by the end of the excerpt, and a 总分 without the funds row read', async () => {
    const text = [
      '年初预算数 全年预算数 全年执行数 分值 执行率 得分',
      '年度资金总额: 90 89 10',
      '三级指标 年度指标值 实际完成值 分值 得分',
      '产出指标(50分) 数量指标 户数 ≥5户 5户 25 25',
      '质量指标 合格率 100% 100% 25 25',
      '总分 100 100',
      '效益指标(30分) 社会效益指标 知晓率 ≥90% 95% 10 10',
    ].join('\n');
    expect(await run(text)).toEqual([
      'cap certain 25@4 ≤ 25@4',
      'cap certain 25@5 ≤ 25@5',
      'score-sum certain 50分@4 = 25@4 + 25@5',
    ]);
  });

  it('takes a block\'s points in a cell of their own, its name lost or before it; after a level-2 name they are not a block\'s', async () => {
    const text = [
      '二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施',
      '(50分)',
      '数量指标 指标1:项目数量 1 1 30 30',
      '质量指标 指标1:工程质量合格 20 20',
      '满意度指标',
      '(10分)',
      '服务对象满意度指标',
      '（10分）',
      '指标1:服务对象满意度 90% 100% 10 10',
      '总分 60 60',
    ].join('\n');
    expect(await run(text)).toEqual([
      'cap certain 30@3 ≤ 30@3',
      'cap certain 20@4 ≤ 20@4',
      'cap certain 10@9 ≤ 10@9',
      'score-sum certain 50分@2 = 30@3 + 20@4',
      'score-sum certain 10分@6 = 10@9',
      'score-sum certain 60@10 = 30@3 + 20@4 + 10@9',
      'score-sum certain 60@10 = 30@3 + 20@4 + 10@9',
    ]);
  });

  it('names the grade by the table\'s words (良好 for 良)', async () => {
    const text = ['三级指标 指标值 完成值 分值 得分', '产出指标(100分) 数量 户数 5 5 100 85', '合计 100 85 等级 良好'].join('\n');
    expect(await run(text)).toEqual([
      'cap certain 85@2 ≤ 100@2',
      'score-sum certain 100分@2 = 100@2',
      'score-sum certain 100@3 = 100@2',
      'score-sum certain 85@3 = 85@2',
      'grade likely 良好@3 of 85@3',
    ]);
  });

  it('no relation without a header naming the points and score columns', async () => {
    expect(await run('产出指标(50分) 数量指标 户数 5 5 25 25\n总分 100 100')).toEqual([]);
  });

  it('leaves the sums of points and scores whose every cell the model holds to the core checks, and keeps the rest', async () => {
    const text = ['三级指标 指标值 完成值 分值 得分', '产出指标(100分) 数量 户数 5 5 60 60', '质量 合格率 90% 95% 40 30', '合计 100 90'].join('\n');
    const doc = await readDocument(new TextEncoder().encode(text), 'test.txt', {});
    const at = (line: number, excerpt: string) => ({ line, excerpt });
    const sourceMap = {
      'indicators[0].points': at(2, '60'), 'indicators[0].score': at(2, '60'), 'indicators[1].points': at(3, '40'),
      'indicators[1].score': at(3, '30'), totalPoints: at(4, '100'), totalScore: at(4, '90'),
    };
    const evaluation = { sourceMap } as unknown as Evaluation;
    expect(gridIndicators.extract({ doc, evaluation, scheme: null, year: null }).map(showRelation)).toEqual([
      'cap certain 60@2 ≤ 60@2',
      'cap certain 30@3 ≤ 40@3',
      // the block header's points are no field of the model
      'score-sum certain 100分@2 = 60@2 + 40@3',
    ]);
  });
});

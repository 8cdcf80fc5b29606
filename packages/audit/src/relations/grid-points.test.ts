import { describe, expect, it } from 'vitest';
import { gridPoints } from './grid-points.ts';
import { extractFromText } from './grid-testing.ts';

const run = (text: string) => extractFromText(gridPoints, text);

describe('grid-points', () => {
  it('reads the levels of a `|` table whose merged cells are written once, and the scores after the lowest level', async () => {
    const text = [
      '| 一级指标 | 二级指标 | 三级指标 | 得分 |',
      '| 部门决策(25分) | 目标任务(15分) | 相关性(5分) | 5 |',
      '| 明确性(5分) | 6 |',
      '| 合理性(5分) | 5 |',
      '| 预算编制(10分) | 测算依据(5分) | 4 |',
      '| 目标管理(5分) | 5 |',
      '| 综合管理(30分) | 资金管理(30分) | 分配时限(2分) | 2 |',
    ].join('\n');
    expect(await run(text)).toEqual([
      'score-sum certain 25分@2 = 15分@2 + 10分@5',
      'score-sum certain 15分@2 = 5分@2 + 5分@3 + 5分@4',
      'cap certain 5@2 ≤ 5分@2',
      'cap certain 6@3 ≤ 5分@3',
      'cap certain 5@4 ≤ 5分@4',
      'score-sum certain 10分@5 = 5分@5 + 5分@6',
      'cap certain 4@5 ≤ 5分@5',
      'cap certain 5@6 ≤ 5分@6',
      // the last block, cut off by the end of the excerpt, may miss rows: its points are not summed
      'cap certain 2@7 ≤ 2分@7',
    ]);
  });

  it('leaves a parent unchecked when one indicator under it has no points', async () => {
    const text = ['| 一级指标 | 二级指标 | 三级指标 |', '| 部门绩效(45分) | 履职成效(20分) | 部门特性指标 |', '| 可持续发展(25分) | 人才培养(25分) |', '| 总分 | 100 |'].join('\n');
    expect(await run(text)).toEqual(['score-sum certain 45分@2 = 20分@2 + 25分@3', 'score-sum certain 25分@3 = 25分@3']);
  });

  it('reads a points column after each level\'s name (一级指标 分值 二级指标 分值 三级指标 分值 得分), one cell per line', async () => {
    const cells = [
      '一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分',
      '项目决策', '20', '项目目标', '4', '目标内容', '4', '4',
      '决策过程', '16', '决策依据', '6', '6', '决策程序', '9', '10',
      '项目管理', '80', '资金到位', '80', '到位率', '80', '75',
      '总分', '100', '95',
    ];
    expect(await run(cells.join('\n'))).toEqual([
      'score-sum certain 20@9 = 4@11 + 16@16',
      'score-sum certain 4@11 = 4@13',
      'cap certain 4@14 ≤ 4@13',
      'score-sum certain 16@16 = 6@18 + 9@21',
      'cap certain 6@19 ≤ 6@18',
      'cap certain 10@22 ≤ 9@21',
      'score-sum certain 80@24 = 80@26',
      'score-sum certain 80@26 = 80@28',
      'cap certain 75@29 ≤ 80@28',
    ]);
  });

  it('a number after a name is no points without a points column in the header', async () => {
    const text = ['| 一级指标 | 二级指标 | 三级指标 | 得分 |', '| 部门决策(25分) | 目标任务(25分) | 相关性(25分) | 20 |', '| 总分 | 100 |'].join('\n');
    expect(await run(text)).toEqual(['score-sum certain 25分@2 = 25分@2', 'score-sum certain 25分@2 = 25分@2', 'cap certain 20@2 ≤ 25分@2']);
  });

  it('one points column after the lowest level only, followed by descriptions: no sum of points read from rows it cannot tell apart', async () => {
    const text = [
      '| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 指标解释 | 评分标准 | 自评得分 |',
      '| 规划(10分) | 绩效目标(10分) | 目标合理性 | 4 | | | 4 |',
      '| 目标明确性 | 6 | 是否明确 | 绩效目标明确 | 6 |',
      '| 执行(90分) | 预算执行(90分) | 执行率 | 90 | 执行数与预算数之比 | 按执行率计分 | 88 |',
    ].join('\n');
    // the second row, read as names of three levels, would leave 绩效目标 with one indicator of 4
    expect((await run(text)).filter((r) => r.startsWith('score-sum'))).toEqual([]);
  });
});


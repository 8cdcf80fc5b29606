import { describe, expect, it } from 'vitest';
import { gluedCells } from './grid-glued.ts';
import { gridIndicators } from './grid-indicators.ts';
import { extractFromText } from './grid-testing.ts';

const HEADER = '三级指标分值年度指标值全年实际值得分未完成原因数量指标';

describe('grid-glued', () => {
  it('cuts a table run together without blanks at its captions and the written forms of its figures', () => {
    expect(gluedCells(`${HEADER}产出指标(70分)数量指标安装水标尺10≥266米≥266米10验收合格率20100%100%20`)).toEqual([
      '三级指标', '分值', '年度指标值', '全年实际值', '得分', '未完成原因', '数量指标', '产出指标(70分)', '数量指标',
      '安装水标尺', '10', '≥266米', '≥266米', '10', '验收合格率', '20', '100%', '100%', '20',
    ]);
  });

  it('splits a value written twice (指标值 and 实际值) from the points glued before it', () => {
    expect(gluedCells(`${HEADER}项目计划总投资1020万元20万元10改善状况10显著提升显著提升9`)?.slice(7)).toEqual([
      '项目计划总投资', '10', '20万元', '20万元', '10', '改善状况', '10', '显著提升', '显著提升', '9',
    ]);
  });

  it('splits glued decimals by the precision the line writes its other decimals with', () => {
    expect(gluedCells('年初预算数调整预算数全年执行数执行率年度资金总额64.864.864.8100%其中3.5')).toEqual([
      '年初预算数', '调整预算数', '全年执行数', '执行率', '年度资金总额', '64.8', '64.8', '64.8', '100%', '其中', '3.5',
    ]);
    // the one precision of those the line writes that splits the run (two decimals here; one decimal leaves 6100%)
    expect(gluedCells('年初预算数全年预算数全年执行数执行率年度资金总额64.864.86100%其中3.5合计2.25')).toEqual([
      '年初预算数', '全年预算数', '全年执行数', '执行率', '年度资金总额', '64.86', '4.86', '100%', '其中', '3.5', '合计', '2.25',
    ]);
    // points glued to the rate under 分值 执行率: 10100% is 10 and 100%; 100% alone could be 10 and 0%
    expect(gluedCells('全年预算数全年执行数分值执行率得分年度资金总额2456.182456.1810100%10其中2456.182456.18100%基本支出2299.98')).toEqual([
      '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度资金总额', '2456.18', '2456.18', '10', '100%', '10',
      '其中2456.182456.18100%', '基本支出', '2299.98',
    ]);
    // no decimal written apart: the precision is not known, nothing is split
    expect(gluedCells('全年预算数全年执行数分值执行率得分年度资金总额2456.182456.1810100%10')?.slice(5)).toEqual(['年度资金总额2456.182456.1810100%', '10']);
  });

  it('invents no split where several are possible: the run stays glued to the text before it', () => {
    expect(gluedCells('全年预算数全年执行数分值执行率得分年度资金总额:202010100.00%10')).toEqual([
      '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度资金总额:202010100.00%', '10',
    ]);
    // points glued to a date are no figure
    expect(gluedCells(`${HEADER}完成时间52021年12月完成2021年12月完成4`)?.slice(7)).toEqual(['完成时间52021年12月完成2021年12月完成', '4']);
  });

  it('leaves a line that is no table alone, and keeps 指标1: and ranges inside the text', () => {
    expect(gluedCells('2022年共下达资金120万元,其中中央资金100万元,执行率100%,得分10分。')).toBeNull();
    expect(gluedCells(`${HEADER}指标1:0-6岁儿童健康管理数2089人2089人22`)?.slice(7)).toEqual(['指标1:0-6岁儿童健康管理数', '2089人', '2089人', '22']);
  });

  it('lets the indicator rows of such a line be read', async () => {
    const line = `${HEADER}产出指标(30分)数量指标安装水标尺10≥266米≥266米10验收合格率20100%100%18效益指标(20分)社会效益指标改善状况20显著提升显著提升20总分`;
    expect(await extractFromText(gridIndicators, line)).toEqual([
      'cap certain 10@1 ≤ 10@1',
      'cap certain 18@1 ≤ 20@1',
      'cap certain 20@1 ≤ 20@1',
      'score-sum certain 30分@1 = 10@1 + 20@1',
      'score-sum certain 20分@1 = 20@1',
    ]);
  });
});

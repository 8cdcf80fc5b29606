import { parseEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { factVsTable, reconcileWithModel } from './fact-vs-table.ts';
import { hengyangTables } from './fixtures/hengyang-tables.ts';
import { extractFacts } from './extract.ts';
import { runOn } from './testing.ts';

const tables = parseEvaluation(hengyangTables);
const run = (text: string, model = tables) => runOn(factVsTable, text, model).map((f) => [f.location.line, f.stated, f.expected, f.related?.[0]?.path]);

describe('fact-vs-table (the seed tables)', () => {
  it.each([
    ['人员经费 and 公用经费 as in 附件1-2', '其中：人员经费6,506.26万元，公用经费1,008.64万元。'],
    ['基本支出 unqualified matches 当年决算数', '一般公共预算基本支出7,514.90万元。'],
    ['三公经费预算 = the sum of its categories in 附件1-1', '2022年三公经费预算73.63万元。'],
    ['公务接待 actual and its change on last year (40.11 − 24.93)', '公务接待费实际使用40.11万元，比上年度增加15.18万元。'],
    ['公务用车 change on last year (11.52 − 6.93)', '公务用车运行维护费实际使用11.52万元，比上年增加4.59万元。'],
    ['编制数', '共定编716个。'],
    ['财政拨款 = 一般公共预算拨款 + 政府性基金拨款 within rounding', '财政拨款16,030.63万元。'],
    ['年度资金 and the funds block', '年度资金金额17,485.15万元。收入预算17,485.15万元。'],
    ['section scores', '⒈部门资金情况总分10分，得分10分。⑴产出指标总分为50分，得分48分。效益指标总分30分，得分30分。⒊满意度指标总分为10分，得分10分。'],
    ['indicator counts', '二是质量指标2个均完成指标值。三是时效指标1个有扣分。四是成本指标1个有扣分。'],
    ['project execution 9,970.25 / 11,853.56', '项目预算11,853.56万元，实际支出9,970.25万元，执行率84.11%。'],
    ['an indicator’s own target and actual', '②全年办理不动产登记证年度指标800本，实际完成1008本。'],
    ['a quantity the tables leave blank (出国（境）)', '因公出国（境）费预算0万元，使用0万元。'],
    ['another year’s figure', '2021年人员经费6,000.00万元。'],
    ['a project’s own budget is not the unit’s project spending', '该工程于5月开工，项目预算500.00万元，实际支出480.00万元，执行率96.00%。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['公务接待费预算 (seed)', '公务接待费预算60.11万元，实际使用40.11万元。', [[1, 60.11, 62.11, 'basicData.reception.budget']]],
    ['在职人员 (seed)', '实有在职人员644人。', [[1, 644, 645, 'basicData.staffing.actual']]],
    ['数量指标个数 (seed)', '一是数量5个均完成指标值。', [[1, 5, 6, 'selfEvaluation.indicators']]],
    ['产出及效益 score vs 48 + 30 (seed)', '⒉产出及效益指标总分为80分，得分77分。', [[1, 77, 78, 'selfEvaluation.indicators']]],
    ['盈余 vs 预算 − 实际 (seed)', '2022年度本局项目预算11,853.56万元，盈余11,853.56万元。', [[1, 11853.56, 1883.31, 'basicData.projectSpending']]],
    ['一般公共预算收入 vs 一般公共预算拨款 (seed)', '1、一般公共预算收入16,030.63万元。', [[1, 16030.63, 13749.75, 'selfEvaluation.income.generalBudget']]],
    ['a change on last year that the columns do not give', '公务接待费实际使用40.11万元，比上年度增加16.18万元。', [[1, 16.18, 15.18, 'basicData.reception.priorActual']]],
    ['a count of indicators that lost points', '三是时效指标2个有扣分。', [[1, 2, 1, 'selfEvaluation.indicators']]],
    ['an indicator’s actual', '全年办理不动产登记证1,080本。', [[1, 1080, 1008, 'selfEvaluation.indicators[1].actual']]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it('compares nothing a partial model lacks', () => {
    const onlyStaff = parseEvaluation({ kind: 'department', year: 2022, unit: { name: '某局' }, basicData: { staffing: { authorized: '716', actual: '645' } } });
    expect(run('公务接待费预算60.11万元。一是数量5个。产出指标得分48分。', onlyStaff)).toEqual([]);
    expect(run('实有在职人员644人。', onlyStaff)).toEqual([[1, 644, 645, 'basicData.staffing.actual']]);
  });

  it('reads a project’s funds block', () => {
    const project = parseEvaluation({
      kind: 'project', year: 2022, project: { name: '基本公共卫生服务项目' },
      funds: { total: { budget: '3,088.00', actual: '2,995.36', points: '10', score: '9.7' } },
    });
    expect(run('项目资金全年预算数3,088.00万元。项目执行率97.00%。', project)).toEqual([]);
    expect(run('项目执行率96.00%。', project)).toEqual([[1, 96, 97, 'funds.total']]);
  });

  it('reconcileWithModel gives findings in the core’s shape', () => {
    const facts = extractFacts([{ line: 7, text: '实有在职人员644人。' }]);
    expect(reconcileWithModel(facts, tables)).toEqual([
      {
        check: 'fact-vs-table', category: 'crossDocument', severity: 'error',
        message: '正文第7行「实有在职人员」为 644人，而附件1-1 基础数据表中「年末实际在职人数」为 645人；请核对后统一。',
        stated: 644, expected: 645, location: { path: 'text', line: 7, excerpt: '实有在职人员644人。' },
        related: [{ path: 'basicData.staffing.actual' }],
      },
    ]);
  });

  it('reads 总分 as the score when the text gives the score (自评总分为97分 with 总分 100, 得分 97)', () => {
    expect(run('部门整体支出绩效自评总分为97分，自评等级为优秀。')).toEqual([]);
  });

  it('compares an indicator value in its own unit, not as 万元 (1515元 against 1,515元/亩)', () => {
    const project = parseEvaluation({
      kind: 'project', year: 2023, project: { name: '高标准农田建设' },
      funds: { total: { budget: '100.00', actual: '100.00' } },
      indicators: [{ level1: '产出指标', level2: '成本指标', name: '亩均财政投入', target: '≤1,600元/亩', actual: '1,515元/亩', points: '10', score: '10' }],
    });
    expect(run('亩均财政投入1515元，低于年度指标。', project)).toEqual([]);
    expect(run('亩均财政投入1615元。', project)).toEqual([[1, 1615, 1515, 'indicators[0].actual']]);
  });
});


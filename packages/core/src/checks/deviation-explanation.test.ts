import { describe } from 'vitest';
import { deviationExplanation } from './deviation-explanation.ts';
import { CLEAN_DEPARTMENT, HUNAN, NATIONAL, department, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

/** 造林面积 900 of 1000亩: 900 ÷ 1000 × 25 = 22.5 of 25, with the table's 说明 text. */
const forest = (deviationAnalysis: string | null, own?: string) =>
  department({
    selfEvaluation: {
      deviationAnalysis,
      indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 0 ? { ...x, actual: '900亩', score: '22.5', deviationExplanation: own } : x)),
    },
  });
/** 养护里程 270 of 300公里: 270 ÷ 300 × 20 = 18 of 20. */
const road = (deviationExplanation: string | null, name = '养护里程') => projectWithIndicator(0, { name, actual: '270公里', score: '18', deviationExplanation });

describe('deviation-explanation', () => {
  testCheck(deviationExplanation, HUNAN, {
    valid: [
      { name: 'nothing of the clean department lost points', evaluation: department() },
      { name: 'nothing of the clean project lost points', evaluation: project(), scheme: NATIONAL },
      { name: 'the row explains itself by name', evaluation: forest(null, '造林面积未完成，因苗木供应不足') },
      { name: 'the row explains itself by its kind (数量)', evaluation: forest(null, '数量未达标：苗木供应不足，已调整下年计划') },
      { name: "the table's 说明 names the indicator", evaluation: forest('造林面积完成900亩，因苗木供应不足，明年春季补植。') },
      { name: 'a two-character name is found whole', evaluation: road('里程短缺30公里，因汛期停工，次年补足', '里程'), scheme: NATIONAL },
      { name: 'a deducted row marked not applicable', evaluation: projectWithIndicator(0, { actual: '270公里', score: '18', notApplicable: true }), scheme: NATIONAL },
      { name: 'a row without a score', evaluation: projectWithIndicator(0, { actual: '270公里', score: null }), scheme: NATIONAL },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: "the table's 说明 speaks of something else",
        evaluation: forest('预算执行率98.00%，森林防火项目结转20.00万元。'),
        findings: [{ messageId: 'generic', path: 'selfEvaluation.deviationAnalysis', severity: 'warning' }],
      },
      {
        name: "the table's 说明 is blank",
        evaluation: forest('　'),
        findings: [{ messageId: 'missing', path: 'selfEvaluation.deviationAnalysis', severity: 'error' }],
      },
      {
        name: 'the row says 无',
        evaluation: forest('造林完成900亩。', '无'),
        findings: [{ messageId: 'missing', path: 'selfEvaluation.indicators[0].deviationExplanation', severity: 'error' }],
      },
      {
        name: "the table's 说明 is the report's 存在的主要问题 again (the seed)",
        evaluation: forest('个别项目进度偏慢'),
        findings: [{ messageId: 'copied', path: 'selfEvaluation.deviationAnalysis', severity: 'warning' }],
      },
      {
        // 造林面积 22.5 of 25 and 苗木成活率 80 ÷ 85 × 25 = 23.53 of 25, one generic 说明
        name: 'two deducted rows share a 说明 that names neither',
        evaluation: department({
          selfEvaluation: {
            deviationAnalysis: '加强预算管理，提高资金使用效益。',
            indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) =>
              i === 0 ? { ...x, actual: '900亩', score: '22.5' } : i === 1 ? { ...x, actual: '80%', score: '23.53' } : x),
          },
        }),
        findings: [
          { messageId: 'generic', path: 'selfEvaluation.deviationAnalysis' },
          { messageId: 'generic', path: 'selfEvaluation.deviationAnalysis' },
        ],
      },
      {
        name: 'a project row without an explanation',
        evaluation: road(null),
        scheme: NATIONAL,
        findings: [{ messageId: 'missing', path: 'indicators[0].deviationExplanation', severity: 'error' }],
      },
      {
        name: 'a project row explained by a double dash (——)',
        evaluation: road('——'),
        scheme: NATIONAL,
        findings: [{ messageId: 'missing', path: 'indicators[0].deviationExplanation', severity: 'error' }],
      },
      {
        name: 'a project row explained by a full-width slash (／)',
        evaluation: road('／'),
        scheme: NATIONAL,
        findings: [{ messageId: 'missing', path: 'indicators[0].deviationExplanation' }],
      },
      {
        name: 'a project row explained by 略',
        evaluation: road('略'),
        scheme: NATIONAL,
        findings: [{ messageId: 'missing', path: 'indicators[0].deviationExplanation' }],
      },
      {
        name: 'a project row explained in general terms',
        evaluation: road('加强管理，提高效率。'),
        scheme: NATIONAL,
        findings: [{ messageId: 'generic', path: 'indicators[0].deviationExplanation', severity: 'warning' }],
      },
    ],
  });
});

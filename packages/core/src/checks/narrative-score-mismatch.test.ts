import { describe } from 'vitest';
import { narrativeScoreMismatch } from './narrative-score-mismatch.ts';
import { CLEAN_DEPARTMENT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const statements = (...list: Record<string, unknown>[]) => department({ performance: { statements: list } });
const funds = (patch: Record<string, unknown>) => statements({ scope: { funds: true }, ...patch });
const output = { level1: ['产出指标'] };

describe('narrative-score-mismatch', () => {
  testCheck(narrativeScoreMismatch, HUNAN, {
    valid: [
      { name: 'the clean narrative agrees with the table', evaluation: department() },
      { name: 'a project has no narrative statements', evaluation: project(), scheme: NATIONAL },
      // 10 stands for 9.5 … 10.5, which holds 9.8
      { name: 'the funds score is written in whole points (10 for 9.8)', evaluation: funds({ points: '10', score: '10' }) },
      { name: 'the funds amount is the year total 1,000.00 (全年预算数)', evaluation: funds({ amount: '1,000.00' }) },
      { name: 'the funds amount is what was spent, 980.00 (全年执行数)', evaluation: funds({ amount: '980.00' }) },
      {
        // the table rate is blank: 980.00 ÷ 1,000.00 = 98.00 %
        name: 'the narrative rate matches the computed rate when the table states none',
        evaluation: department({ selfEvaluation: { funds: { executionRate: '　' } }, performance: { statements: [{ scope: { funds: true }, executionRate: '98%' }] } }),
      },
      // 25 + 25 = 50 points and score
      { name: 'a first-level scope written over line breaks with its points', evaluation: statements({ scope: { level1: ['产出\n指标（50分）'] }, points: '50', score: '50' }) },
      // 产出 50 + 效益 30 = 80, scores the same
      { name: 'a scope over two first levels (产出及效益指标总分为80分)', evaluation: statements({ scope: { level1: ['产出指标', '效益指标'] }, points: '80', score: '80' }) },
      { name: 'a second-level scope alone (数量指标1个)', evaluation: statements({ scope: { level2: '数量指标' }, indicatorCount: '1', deductedCount: '0' }) },
      { name: 'a scope the table does not have is named with no count', evaluation: statements({ scope: { level1: ['产出指标'], level2: '时效指标' } }) },
      {
        name: 'a not-applicable row is not counted',
        evaluation: department({
          selfEvaluation: { indicators: [...CLEAN_DEPARTMENT.selfEvaluation.indicators, { level1: '产出指标', level2: '数量指标', name: '抚育面积', points: '0', notApplicable: true }] },
        }),
      },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // the clean table has no 时效 row: 1 stated, 0 in the table
        name: 'the text counts an indicator of a kind the table does not have (时效指标1个有扣分)',
        evaluation: statements({ scope: { level1: ['产出指标'], level2: '时效指标' }, indicatorCount: '1', deductedCount: '1' }),
        findings: [{ messageId: 'count', path: 'performance.statements[0].indicatorCount', stated: 1, expected: 0 }],
      },
      {
        name: 'the narrative weights the funds block 20',
        evaluation: funds({ points: '20' }),
        findings: [{ messageId: 'points', path: 'performance.statements[0].points', stated: 20, expected: 10, severity: 'error' }],
      },
      {
        // 9.5 stands for 9.45 … 9.55; the table says 9.8
        name: 'the narrative funds score differs from the table',
        evaluation: funds({ score: '9.5' }),
        findings: [{ messageId: 'score', path: 'performance.statements[0].score', stated: 9.5, expected: 9.8 }],
      },
      {
        name: 'the narrative year total is neither the budget nor the actual',
        evaluation: funds({ amount: '900.00' }),
        findings: [{ messageId: 'amount', path: 'performance.statements[0].amount', stated: 900, expected: 1000 }],
      },
      {
        name: 'the narrative says 100% where the table says 98%',
        evaluation: funds({ executionRate: '100%' }),
        findings: [{ messageId: 'rate', path: 'performance.statements[0].executionRate', stated: 100, expected: 98 }],
      },
      {
        // 25 + 25 = 50
        name: 'the narrative output score differs from the table',
        evaluation: statements({ scope: output, points: '50', score: '48' }),
        findings: [{ messageId: 'score', path: 'performance.statements[0].score', stated: 48, expected: 50 }],
      },
      {
        name: 'the narrative output points differ from the table',
        evaluation: statements({ scope: output, points: '40' }),
        findings: [{ messageId: 'points', path: 'performance.statements[0].points', stated: 40, expected: 50 }],
      },
      {
        // 产出 50 + 效益 30 = 80 (the seed: 产出及效益指标总分为80分，得分77分 against 48 + 30 = 78)
        name: 'the narrative output-and-benefit score is one point short',
        evaluation: statements({ scope: { level1: ['产出指标', '效益指标'] }, points: '80', score: '77' }),
        findings: [{ messageId: 'score', path: 'performance.statements[0].score', stated: 77, expected: 80 }],
      },
      {
        // the table has one 数量 indicator (the seed: 数量5个 against six rows)
        name: 'the narrative counts 5 quantity indicators where the table has 1',
        evaluation: statements({ scope: { level1: ['产出指标'], level2: '数量指标' }, indicatorCount: '5' }),
        findings: [{ messageId: 'count', path: 'performance.statements[0].indicatorCount', stated: 5, expected: 1 }],
      },
      {
        name: 'the narrative says one indicator lost points where none did',
        evaluation: statements({ scope: { level2: '数量指标' }, deductedCount: '1' }),
        findings: [{ messageId: 'deducted', path: 'performance.statements[0].deductedCount', stated: 1, expected: 0 }],
      },
      {
        // 造林面积 900 ÷ 1000 × 25 = 22.5 < 25: one deducted row
        name: 'the narrative says none lost points where one did',
        evaluation: department({
          selfEvaluation: { indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === 0 ? { ...x, actual: '900亩', score: '22.5' } : x)) },
          performance: { statements: [{ scope: output, deductedCount: '0' }] },
        }),
        findings: [{ messageId: 'deducted', path: 'performance.statements[0].deductedCount', stated: 0, expected: 1 }],
      },
    ],
  });
});

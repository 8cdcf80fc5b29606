import { describe, expect, it } from 'vitest';
import type { Scheme } from '../scheme/schema.ts';
import { overAchievement } from './over-achievement.ts';
import { interpolate } from './run.ts';
import { CLEAN_DEPARTMENT, HUNAN, LEGACY, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { collect, testCheck } from './testing/tester.ts';

const FLAG: Scheme = { ...HUNAN, overAchievement: { trigger: 1.2, effect: 'flag', reducePerPoint: 0, maxReduction: 0 } };
const REDUCE: Scheme = { ...HUNAN, overAchievement: { trigger: 1.2, effect: 'reduce', reducePerPoint: 0.01, maxReduction: 0.5 } };

/** 造林面积: target 1000亩. */
const forest = (actual: string, patch: Record<string, unknown> = {}) => departmentWithIndicator(0, { actual, ...patch });

describe('over-achievement', () => {
  testCheck(overAchievement, HUNAN, {
    valid: [
      // 119,995 / 100,000 = 119.995 %: below 120 % though it rounds to 120.00 %
      { name: 'actual just below the trigger (119.995 %) is not rounded up to it', evaluation: departmentWithIndicator(0, { target: '100000亩', actual: '119995亩' }) },
      { name: 'no indicator of the clean department is far above its target', evaluation: department() },
      // 300 ÷ 300 = 100 %, 82 ÷ 80 = 102.5 %, 93 ÷ 90 = 103.33 %
      { name: 'no indicator of the clean project is far above its target', evaluation: project(), scheme: NATIONAL },
      // 1199 ÷ 1000 = 119.9 % < 120 %
      { name: 'just below the Hunan trigger (119.9%)', evaluation: forest('1199亩') },
      { name: 'at the Hunan trigger with an explanation', evaluation: forest('1200亩', { deviationExplanation: '新增退耕还林任务，目标按年初计划设定' }) },
      // 1200 ÷ 1000 = 120 % < 130 %
      { name: '120% is below the national trigger of 130%', evaluation: forest('1200亩'), scheme: NATIONAL },
      { name: 'the legacy scheme has no over-achievement rule', evaluation: forest('1500亩'), scheme: LEGACY },
      {
        name: 'a reverse indicator far below its bound is not over-achieved',
        evaluation: departmentWithIndicator(0, { name: '单位造林成本', target: '≤1.7万元', actual: '0.5万元' }),
      },
      { name: 'a qualitative indicator is not measured', evaluation: departmentWithIndicator(2, { target: '提升', actual: '大幅提升' }) },
      { name: 'a zero target gives no ratio', evaluation: departmentWithIndicator(0, { target: '0起', actual: '3起', score: '25' }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        // 1200 ÷ 1000 = 120.00 % ≥ 120 %
        name: 'exactly at the Hunan trigger without an explanation',
        evaluation: forest('1200亩'),
        findings: [{ messageId: 'needsExplanation', path: 'selfEvaluation.indicators[0].deviationExplanation', severity: 'warning' }],
      },
      {
        // 1008 ÷ 800 = 126 % (the seed's 办理不动产登记证)
        name: 'the seed certificates, 1008 against 800',
        evaluation: departmentWithIndicator(0, { name: '办理不动产登记证', target: '800本', actual: '1008本' }),
        findings: [{ messageId: 'needsExplanation', path: 'selfEvaluation.indicators[0].deviationExplanation' }],
      },
      {
        // 390 ÷ 300 = 130 % ≥ 130 %
        name: 'at the national trigger without an explanation',
        evaluation: projectWithIndicator(0, { actual: '390公里' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'needsExplanation', path: 'indicators[0].deviationExplanation' }],
      },
      {
        // 1300 ÷ 1000 = 130 %; 90 ÷ 70 = 128.57 %
        name: 'two rows far above target, in row order',
        evaluation: department({
          selfEvaluation: {
            indicators: CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) =>
              i === 0 ? { ...x, actual: '1300亩' } : i === 1 ? { ...x, target: '≥70%' } : x),
          },
        }),
        findings: [
          { messageId: 'needsExplanation', path: 'selfEvaluation.indicators[0].deviationExplanation' },
          { messageId: 'needsExplanation', path: 'selfEvaluation.indicators[1].deviationExplanation' },
        ],
      },
      {
        // 130 ÷ 100 = 130 % on an equals indicator
        name: 'an equals indicator far above its target',
        evaluation: departmentWithIndicator(0, { target: '=100亩', actual: '130亩' }),
        findings: [{ messageId: 'needsExplanation', path: 'selfEvaluation.indicators[0].deviationExplanation' }],
      },
      {
        name: 'a scheme that only flags over-achievement, explained or not',
        evaluation: forest('1300亩', { deviationExplanation: '新增任务' }),
        scheme: FLAG,
        findings: [{ messageId: 'flagged', path: 'selfEvaluation.indicators[0].actual', severity: 'info' }],
      },
      {
        name: 'a scheme that reduces the score flags the row',
        evaluation: forest('1300亩'),
        scheme: REDUCE,
        findings: [{ messageId: 'flagged', path: 'selfEvaluation.indicators[0].actual', severity: 'info' }],
      },
    ],
  });

  it('states the ratio and the trigger of the scheme', () => {
    const messages = (scheme: Scheme) =>
      collect(overAchievement, forest('1300亩'), scheme).map((r) => interpolate(overAchievement.meta.messages[r.messageId as 'needsExplanation'], r.data));
    expect(messages(HUNAN)).toEqual(['「造林面积」实际 1,300 为目标 1,000 的 130%，达到超额标准 120%，须说明超额原因（目标是否偏低）']);
    expect(messages(NATIONAL)).toEqual(['「造林面积」实际 1,300 为目标 1,000 的 130%，达到超额标准 130%，须说明超额原因（目标是否偏低）']);
  });
});

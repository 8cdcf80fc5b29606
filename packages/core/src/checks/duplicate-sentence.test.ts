import { describe, expect, it } from 'vitest';
import { duplicateSentence } from './duplicate-sentence.ts';
import { interpolate } from './run.ts';
import { HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { collect, testCheck } from './testing/tester.ts';

/** The seed's 生态效益 paragraph: one sentence holding the same two clauses twice. */
const SEED_PARAGRAPH =
  '地质灾害防治扎实有效。开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》，开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》。组织科普宣传和教育培训。';
const paragraphs = (...texts: string[]) => department({ performance: { paragraphs: texts.map((text) => ({ heading: null, text })) } });

describe('duplicate-sentence', () => {
  testCheck(duplicateSentence, HUNAN, {
    valid: [
      { name: 'the clean department repeats nothing', evaluation: department() },
      {
        // one 18-character clause said twice, the rest differs: parallel wording, not a paste slip
        name: 'one short clause repeated as parallel wording',
        evaluation: paragraphs('公务接待费比上年增加，主要原因是2021年受疫情影响严重，公务接待业务减少；公务用车运行维护费比上年增加，主要原因是2021年受疫情影响严重，公务用车出行减少。'),
      },
      { name: 'the clean project repeats nothing', evaluation: project({ report: [{ heading: '一、项目概况', text: '养护农村公路300公里，路况明显改善。' }] }), scheme: NATIONAL },
      { name: 'a short sentence repeated (under 15 characters)', evaluation: department({ measures: ['加强项目调度。', '加强项目调度。'] }) },
      {
        name: 'two sentences that differ in one word',
        evaluation: paragraphs('全年完成造林任务1000亩，苗木成活率达到90%。', '全年完成抚育任务1000亩，苗木成活率达到90%。'),
      },
      {
        name: 'a short clause shared by two sentences of one paragraph',
        evaluation: paragraphs('按照年度计划，完成了森林防火巡查任务。按照年度计划，完成了退化林修复任务。'),
      },
    ],
    invalid: [
      {
        name: 'the seed paragraph writes two clauses twice in one sentence',
        evaluation: paragraphs(SEED_PARAGRAPH),
        findings: [{ messageId: 'repeatedClause', path: 'performance.paragraphs[0].text', severity: 'warning' }],
      },
      {
        name: 'two improvement measures are the same sentence',
        evaluation: department({ measures: ['加强项目调度，确保资金按进度支付到位。', '加强项目调度，确保资金按进度支付到位。'] }),
        findings: [{ messageId: 'repeated', path: 'measures[1]', severity: 'warning' }],
      },
      {
        name: 'the problems section repeats a sentence of the conclusion, punctuation aside',
        evaluation: department({
          performance: { conclusion: { text: '个别项目进度偏慢，资金支付滞后于序时进度。' } },
          problems: '个别项目进度偏慢 资金支付滞后于序时进度',
        }),
        findings: [{ messageId: 'repeated', path: 'problems' }],
      },
      {
        // clauses of 6 and 3 characters are too short to count alone; the sentence has 15
        name: 'a sentence of short clauses written twice in one paragraph',
        evaluation: department({ problems: '资金支付滞后，项目进度偏慢，需加快。资金支付滞后，项目进度偏慢，需加快。' }),
        findings: [{ messageId: 'repeated', path: 'problems' }],
      },
      {
        name: "the project's achieved goals repeat its report",
        evaluation: project({
          report: [{ heading: '一、项目概况', text: '全年养护农村公路300公里，路面优良率达到82%。' }],
          goals: { expected: '养护农村公路300公里', achieved: '全年养护农村公路300公里，路面优良率达到82%。' },
        }),
        scheme: NATIONAL,
        findings: [{ messageId: 'repeated', path: 'goals.achieved' }],
      },
    ],
  });

  it('quotes the repeated clauses of the seed once, and the first place of a repeated sentence', () => {
    const [clause] = collect(duplicateSentence, paragraphs(SEED_PARAGRAPH), HUNAN);
    expect(clause && interpolate(duplicateSentence.meta.messages.repeatedClause, clause.data)).toBe(
      '同一段中这段话写了两遍：「开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》」',
    );
    const [sentence] = collect(duplicateSentence, department({ measures: ['加强项目调度，确保资金按进度支付到位。', '加强项目调度，确保资金按进度支付到位。'] }), HUNAN);
    expect(sentence?.related).toEqual(['measures[0]']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildContext } from '../facts/audit.ts';
import { documentOf, fixture, runOn, seedText } from '../facts/testing.ts';
import { countBigrams, foreignParagraph, orphansOf } from './foreign-paragraph.ts';

const run = (text: string) => runOn(foreignParagraph, text).map((f) => [f.location.line, f.message.match(/「[^」]+」/gu)?.slice(0, 2).join('')]);

describe('foreign-paragraph', () => {
  it('finds the 库区和移民 paragraph in the seed (a 自然资源局 report), and nothing else', () => {
    expect(run(seedText())).toEqual([[106, '「移民」「采用」']]);
  });

  it.each([
    ['a 教育局 report with a pasted 医院/患者 paragraph', 'education-2021-errors.txt', [[39, '「患者」「村学」']]],
    ['a 卫健 project report with a pasted 农田/农户 paragraph', 'health-project-2022-errors.txt', [[21, '「农田」「农户」']]],
  ])('finds %s', (_, name, expected) => {
    expect(run(fixture(name))).toEqual(expected);
  });

  it.each([
    ['education-2021-clean.txt'], ['health-project-2022-clean.txt'], ['transport-2022-clean.txt'], ['agriculture-2023-clean.txt'],
  ])('flags no paragraph of a clean report: %s', (name) => {
    expect(run(fixture(name))).toEqual([]);
  });

  it('says nothing about an excerpt: there is no "elsewhere" to compare with', () => {
    const paragraph = seedText().split('\n').find((l) => l.includes('移民')) ?? '';
    expect(paragraph).toContain('库区');
    expect(run(paragraph)).toEqual([]);
  });

  it('tells a topic (varied contexts) from a stock phrase repeated', () => {
    const topic = '改善了库区和移民安置区条件，移民生活水平提升；移民群众诉求得到处理；深受移民欢迎。';
    const phrase = '主要原因是受疫情影响严重，接待减少；主要原因是受疫情影响严重，出行减少。';
    const total = countBigrams(`${topic}\n${phrase}`);
    const migrants = orphansOf(topic, total).find((o) => o.bigram === '移民');
    expect(migrants).toMatchObject({ contexts: 4, clauses: 4 });
    expect(Math.max(...orphansOf(phrase, total).map((o) => o.contexts))).toBe(1);
  });

  it('counts the unit’s tables and model as "elsewhere"', () => {
    const context = buildContext(documentOf(fixture('education-2021-errors.txt')), null, null);
    expect(context.otherText).toBe('');
  });
});

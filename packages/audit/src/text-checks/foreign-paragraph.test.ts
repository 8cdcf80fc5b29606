import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../facts/audit.ts';
import { documentOf, fixture, runOn, seedText } from '../facts/testing.ts';
import type { Block } from '../facts/types.ts';
import {
  cjkLength, countBigrams, foreignParagraph, foreignPassages, isContentBigram, MAIN_CLAUSES, MAIN_CONTEXTS, MIN_DOCUMENT, MIN_PARAGRAPH,
  MIN_TERMS, type Orphan, orphansOf, termsOf,
} from './foreign-paragraph.ts';

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

/**
 * The plain statement of the method, with a count map per text and strings for bigrams and contexts: the
 * check's one-pass hash table and number keys must find exactly what this finds.
 */
function plainForeignPassages(blocks: readonly Block[], otherText: string): { index: number; terms: string[]; start: number }[] {
  const body = blocks.filter((b) => !b.isHeading);
  if (body.reduce((n, b) => n + cjkLength(b.text), 0) < MIN_DOCUMENT) return [];
  const texts = [...blocks.map((b) => b.text), otherText];
  const total = new Map<string, number>();
  for (const text of texts) for (const [bigram, n] of countBigrams(text)) total.set(bigram, (total.get(bigram) ?? 0) + n);
  const out: { index: number; terms: string[]; start: number }[] = [];
  for (const block of body) {
    const text = block.text;
    if (block.inAttachments || cjkLength(text) < MIN_PARAGRAPH) continue;
    const own = countBigrams(text);
    const offsets = new Map<string, number[]>();
    for (let i = 0; i + 1 < text.length; i++) {
      const bigram = text.slice(i, i + 2);
      const n = own.get(bigram) ?? 0;
      if (n < 2 || total.get(bigram) !== n || !isContentBigram(bigram)) continue;
      offsets.set(bigram, [...(offsets.get(bigram) ?? []), i]);
    }
    const clauseOf = (at: number): number => (text.slice(0, at).match(/[，,；;。！？!?]/gu) ?? []).length;
    const orphans: Orphan[] = [...offsets].map(([bigram, at]) => ({
      bigram,
      offsets: at,
      contexts: new Set(at.map((i) => `${text[i - 1] ?? '^'}${text[i + 2] ?? '$'}`)).size,
      clauses: new Set(at.map(clauseOf)).size,
    })).filter((o) => o.contexts >= 2);
    const main = orphans.filter((o) => o.contexts >= MAIN_CONTEXTS && o.clauses >= MAIN_CLAUSES);
    if (main.length === 0) continue;
    const taken = new Set<number>();
    const distinct: Orphan[] = [];
    for (const o of [...orphans].sort((a, b) => b.contexts - a.contexts || b.offsets.length - a.offsets.length)) {
      if (o.offsets.some((at) => taken.has(at) || taken.has(at + 1))) continue;
      distinct.push(o);
      for (const at of o.offsets) taken.add(at).add(at + 1);
    }
    if (distinct.length < MIN_TERMS) continue;
    const terms = [...termsOf(text, main), ...termsOf(text, distinct.filter((o) => !main.includes(o)))];
    out.push({ index: block.index, terms: terms.map((t) => `${t.term}×${t.count}@${t.first}`), start: Math.min(...main.flatMap((o) => o.offsets)) });
  }
  return out;
}

describe('foreign-paragraph: the one-pass table', () => {
  // words shared by every paragraph, a few of each paragraph's own (neighbours share one), function characters and clause ends
  const shared = ['资金', '项目', '土地', '测绘', '规划', '国土'];
  const words = [...'库区移民安置农田农户患者医院村学幼儿校舍桥梁隧道航道码头林木草原湿地矿山渔船港口铁路机场电站水坝堤防泵站灌渠病房药品疫苗牙科'.matchAll(/../gu)].map((m) => m[0]);
  const paragraph = (k: number) =>
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...shared) },
        { weight: 4, arbitrary: fc.constantFrom(...words.slice(k * 3, k * 3 + 4)) },
        { weight: 2, arbitrary: fc.constantFrom('，', '。', '；') },
        { weight: 1, arbitrary: fc.constantFrom('的', '和', 'a', '^', '$', '区') },
      ),
      { minLength: 10, maxLength: 120 },
    ).map((cs) => cs.join(''));
  const document = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, k) => paragraph(k))),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.constantFrom('', '库区', '移民安置', '患者\n医院'),
    ),
  );
  const filler = '土地测绘规划国土资金项目'.repeat(70);
  const blocksOf = (texts: readonly string[], headings: readonly boolean[], attachments: readonly boolean[]): Block[] =>
    [filler, ...texts].map((text, index) => ({
      index,
      text,
      firstLine: index + 1,
      lineAt: Array.from({ length: text.length }, () => index + 1),
      sentences: [[0, text.length]],
      isHeading: index > 0 && (headings[index - 1] ?? false) && text.length < 60,
      section: 0,
      subsection: 0,
      inAttachments: index > 0 && (attachments[index - 1] ?? false) && index % 3 === 0,
    }));

  it('finds what a count per text with string bigrams finds', () => {
    fc.assert(
      fc.property(document, ([texts, headings, attachments, other]) => {
        const blocks = blocksOf(texts, headings, attachments);
        const found = foreignPassages(blocks, other).map((p) => ({ index: p.block.index, terms: p.terms.map((t) => `${t.term}×${t.count}@${t.first}`), start: p.start }));
        expect(found).toEqual(plainForeignPassages(blocks, other));
      }),
      { numRuns: 300 },
    );
  });

  it('finds some paragraphs in the generated documents (the property is not vacuous)', () => {
    const samples = fc.sample(document, { numRuns: 300, seed: 1 });
    const found = samples.filter(([texts, headings, attachments, other]) => foreignPassages(blocksOf(texts, headings, attachments), other).length > 0);
    expect(found.length).toBeGreaterThan(10);
  });

  it('gives the same answer when a shorter or longer document came before (the table is reused)', () => {
    const seed = documentOf(seedText());
    const context = buildContext(seed, null, null);
    const first = foreignPassages(context.blocks, context.otherText);
    foreignPassages(blocksOf(['库区移民'.repeat(10)], [false], [false]), '');
    foreignPassages(blocksOf(Array.from({ length: 40 }, () => filler), [], []), filler.repeat(20));
    expect(foreignPassages(context.blocks, context.otherText)).toEqual(first);
  });
});

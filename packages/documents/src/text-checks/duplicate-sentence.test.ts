import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../facts/audit.ts';
import { lineOf, normalizeForCompare } from '../facts/text.ts';
import { documentOf, runOn } from '../facts/testing.ts';
import type { TextContext, TextReport } from '../facts/types.ts';
import { clausesOf, duplicateSentence, keptHash, MIN_ACROSS_SECTIONS, MIN_RUN, MIN_SENTENCE, MIN_WORDS } from './duplicate-sentence.ts';

const run = (text: string) => runOn(duplicateSentence, text).map((f) => f.location.line);

describe('duplicate-sentence', () => {
  it.each([
    ['different sentences', '加强预算绩效管理，提高资金使用效益。规范资金管理，确保资金安全。'],
    ['short repeated sentences (headings, 无)', '四、国有资本经营预算支出情况\n无。\n五、社会保险基金预算支出情况\n无。'],
    ['repeated text in the attachments (tables and notes repeat the report)', '七、存在的主要问题\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。\n附件1-2\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。'],
    ['a short repeat in another section', '一、情况\n完成了年度目标任务。\n二、问题\n完成了年度目标任务。'],
    ['similar but not equal clauses', '开展了地质灾害调查，编制了防治方案，开展了地质灾害排危除险工作。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['clauses repeated inside one sentence (seed)', '地质灾害防治扎实有效。开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》，开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》。', [1]],
    ['a sentence written twice', '一、情况\n通过发放问卷开展满意度调查，共发放问卷1,200份。\n家长满意度96.50%。通过发放问卷开展满意度调查，共发放问卷1,200份。', [3]],
    ['a long sentence repeated in another section', '一、情况\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。\n二、管理\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。', [4]],
  ])('invalid: %s', (_, text, lines) => {
    expect(run(text)).toEqual(lines);
  });
});

/** The check as first written: every clause and sentence normalised, one map by normalised sentence. */
function plainRun(context: TextContext): TextReport[] {
  const out: TextReport[] = [];
  const shorten = (t: string, n = 40): string => (t.length > n ? `${t.slice(0, n)}…` : t);
  const words = (t: string): number => [...t].filter((c) => /[\u3400-\u9fff]/u.test(c)).length;
  const seen = new Map<string, { line: number; section: number }>();
  for (const block of context.blocks) {
    if (block.inAttachments || block.isHeading) continue;
    for (const [start, end] of block.sentences) {
      const raw = block.text.slice(start, end);
      const line = lineOf(block, start);
      const clauses = raw.split(/[，,；;]/u).map((c) => ({ raw: c, norm: normalizeForCompare(c) }));
      let runReported = false;
      for (let size = Math.floor(clauses.length / 2); size >= 1 && !runReported; size--) {
        for (let i = 0; i + 2 * size <= clauses.length; i++) {
          const a = clauses.slice(i, i + size);
          const b = clauses.slice(i + size, i + 2 * size);
          const text = a.map((c) => c.norm).join('');
          if (text.length < MIN_RUN || text !== b.map((c) => c.norm).join('') || words(text) < MIN_WORDS) continue;
          const offset = start + raw.indexOf(b[0]?.raw ?? '');
          out.push({ messageId: 'run', data: { line: lineOf(block, offset), text: shorten(a.map((c) => c.raw.trim()).join('，')) }, line: lineOf(block, offset), excerpt: shorten(raw, 80) });
          runReported = true;
          break;
        }
      }
      const norm = normalizeForCompare(raw);
      if (norm.length < MIN_SENTENCE || words(norm) < MIN_WORDS) continue;
      const first = seen.get(norm);
      if (!first) {
        seen.set(norm, { line, section: block.section });
        continue;
      }
      if (first.section !== block.section && norm.length < MIN_ACROSS_SECTIONS) continue;
      out.push({
        messageId: first.line === line ? 'sentenceSameLine' : 'sentence',
        data: { line, firstLine: first.line, text: shorten(raw.trim()) },
        line,
        excerpt: shorten(raw.trim(), 80),
        related: [{ path: 'text', line: first.line }],
      });
    }
  }
  return out;
}

describe('duplicate-sentence: clauses and their normal form', () => {
  // separators, list markers of every style, full-width digits, blanks and dropped punctuation, text
  const unit = fc.constantFrom(
    '，', ',', '；', ';', '。', '、', '.', '．', '1', '2', '１', '０', '％', '一', '二', '十', '是', '（', '）', '(', ')', '①', '⑴', '⒈',
    ' ', '\u3000', '\t', '“', '”', '《', '》', '：', '-', '…', '开', '展', '调', '查', 'a',
  );
  const sentence = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));

  it('splits at ，,；; as split(/[，,；;]/u) does', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 30 })), (s) => {
        expect(clausesOf(s).join('|')).toBe(s.split(/[，,；;]/u).join('|'));
        expect(clausesOf(s)).toEqual(s.split(/[，,；;]/u));
      }),
      { numRuns: 3000 },
    );
  });

  it('normalising keeps the hashed characters, never lengthens a text and adds no CJK character', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 30 })), (s) => {
        const norm = normalizeForCompare(s);
        expect(keptHash(norm)).toBe(keptHash(s));
        expect(norm.length).toBeLessThanOrEqual(s.length);
        expect(norm.replace(/[^\u3400-\u9fff]/gu, '').length).toBeLessThanOrEqual(s.replace(/[^\u3400-\u9fff]/gu, '').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports what normalising every clause and sentence reports', () => {
    // clauses from a few pieces, so that sentences and runs of clauses repeat, written differently (markers,
    // full-width digits, blanks, quotes) as often as not
    const piece = fc.constantFrom('开展了地质灾害调查', '编制了防治方案', '完成1200亩', '完成１２００亩', '“项目”验收', '一是', '（二）', '2.', ' ', '是');
    const clause = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(''));
    const sep = fc.constantFrom('，', '；', ',');
    const sentenceOf = fc.tuple(fc.array(fc.tuple(clause, sep), { maxLength: 4 }), fc.boolean(), fc.constantFrom('。', '！')).map(([cs, doubled, end]) => {
      const body = cs.map(([c, p]) => c + p).join('');
      return `${doubled ? body + body : body}${end}`;
    });
    const pool = fc.array(sentenceOf, { minLength: 1, maxLength: 5 });
    const doc = pool.chain((sentences) =>
      fc.array(fc.tuple(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '一、情况', '附件1-2')), { maxLength: 8 }),
    ).map((lines) => lines.flatMap(([ss, heading]) => (heading ? [heading, ss.join('')] : [ss.join('')])).join('\n'));
    let reported = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const context = buildContext(documentOf(text), null, null);
        const found: TextReport[] = [];
        duplicateSentence.run(context, (r) => found.push(r as TextReport));
        expect(found).toEqual(plainRun(context));
        reported += found.length;
      }),
      { numRuns: 1000 },
    );
    expect(reported).toBeGreaterThan(100);
  });
});

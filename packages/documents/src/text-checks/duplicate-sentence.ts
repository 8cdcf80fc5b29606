/**
 * Duplicated text: a sentence written twice in the report body, or a run of clauses repeated inside one
 * sentence (开展了…调查和风险评价，编制了《…方案》，开展了…调查和风险评价，编制了《…方案》). Sentences are
 * compared without blanks, punctuation and list markers; short ones (headings, 无, 优秀) and figures without
 * words (a table row flattened into text) do not count.
 * Text in the attachment part is left out: tables and their notes repeat the report by design.
 * @module
 */
import { defineTextCheck } from '../facts/types.ts';
import { lineOf, normalizeForCompare } from '../facts/text.ts';

/** Shortest sentence (normalised characters) whose repetition matters. */
export const MIN_SENTENCE = 15;
/** Shortest repeated run of clauses inside a sentence. */
export const MIN_RUN = 12;
/** Sentences repeated across top-level sections must be this long to be reported. */
export const MIN_ACROSS_SECTIONS = 30;

const shorten = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Fewest Chinese characters a repeated text must have: rows of figures flattened into text (0.00 | 0.00 |…) repeat by nature. */
export const MIN_WORDS = 4;
const words = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
};

export const duplicateSentence = defineTextCheck({
  id: 'duplicate-sentence',
  meta: {
    category: 'text',
    description: '报告正文中重复的句子，或同一句中连续重复的分句',
    basis: 'DOMAIN.md「What a reviewer checks」6：重复的句子；RULES.md §3.8 第11条',
    defaultSeverity: 'warning',
    messages: {
      sentence: '第{{line}}行的句子与第{{firstLine}}行重复：「{{text}}」；请删除重复内容。',
      sentenceSameLine: '第{{line}}行中同一句话出现了两次：「{{text}}」；请删除重复内容。',
      run: '第{{line}}行同一句中「{{text}}」连续出现两次；请删除重复部分。',
    },
  },
  run(context, report) {
    const seen = new Map<string, { line: number; section: number }>();
    for (const block of context.blocks) {
      if (block.inAttachments || block.isHeading) continue;
      for (const [start, end] of block.sentences) {
        const raw = block.text.slice(start, end);
        const line = lineOf(block, start);
        // a run of clauses repeated right after itself
        const clauses = raw.split(/[，,；;]/u).map((c) => ({ raw: c, norm: normalizeForCompare(c) }));
        // lengths of the normalised clauses before each one: two runs can be equal only when their lengths are
        const before = [0];
        for (const c of clauses) before.push((before[before.length - 1] ?? 0) + c.norm.length);
        let runReported = false;
        for (let size = Math.floor(clauses.length / 2); size >= 1 && !runReported; size--) {
          for (let i = 0; i + 2 * size <= clauses.length; i++) {
            const length = (before[i + size] ?? 0) - (before[i] ?? 0);
            if (length < MIN_RUN || length !== (before[i + 2 * size] ?? 0) - (before[i + size] ?? 0)) continue;
            const a = clauses.slice(i, i + size);
            const b = clauses.slice(i + size, i + 2 * size);
            const text = a.map((c) => c.norm).join('');
            if (text !== b.map((c) => c.norm).join('') || words(text) < MIN_WORDS) continue;
            const offset = start + raw.indexOf(b[0]?.raw ?? '');
            report({
              messageId: 'run',
              data: { line: lineOf(block, offset), text: shorten(a.map((c) => c.raw.trim()).join('，')) },
              line: lineOf(block, offset),
              excerpt: shorten(raw, 80),
            });
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
        report({
          messageId: first.line === line ? 'sentenceSameLine' : 'sentence',
          data: { line, firstLine: first.line, text: shorten(raw.trim()) },
          line,
          excerpt: shorten(raw.trim(), 80),
          related: [{ path: 'text', line: first.line }],
        });
      }
    }
  },
});

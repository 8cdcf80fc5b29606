/**
 * Duplicated text: a sentence written twice in the report body, or a run of clauses repeated inside one
 * sentence (开展了…调查和风险评价，编制了《…方案》，开展了…调查和风险评价，编制了《…方案》). Sentences are
 * compared without blanks, punctuation and list markers; short ones (headings, 无, 优秀) and figures without
 * words (a table row flattened into text) do not count.
 * Text in the attachment part is left out: tables and their notes repeat the report by design; so are tables
 * that reached the text as prose: a row of cells set apart by blanks with no punctuation (项目资金 年初预算数
 * 全年预算数 …, the caption row of each of several 自评表), and a 自评表 run together into one paragraph (its
 * column captions 一级指标二级指标三级指标…年度指标值 in one sentence), where the cell boundaries are lost and a
 * target and its achievement written alike look like a repeated clause.
 * A statement of the funds (…资金总额16.20万元，全部为县级配套资金，拨付使用16.20万元，预算执行率100%: sums and
 * rates only) in the conclusion part (一、自评结论) and again in the body (二、佐证材料) is the conclusion
 * summing up, as the template asks; the fact checks compare its figures. Narrative repeated across sections, a
 * statement of the funds repeated between two sections of the body, and any sentence repeated within one
 * section are still reported.
 * Repeated by the page, not by the unit: a title with no punctuation written again (a page repeats its
 * title above the body, a preview above each page), a site's furniture, cells of a row written with `|`
 * (预期目标 | 实际完成情况 alike by design, a ledger's rows), a summary sentence said again to give its
 * breakdown (…下达资金791万元。其中:…), the set wording of each of several letters or notices quoted one after
 * another (each closed by 特此通知 and its date), and the body after a page's abstract (a first line that runs
 * the next lines together).
 * @module
 */
import { isJunkLine } from '@jixiao/documents';
import { defineTextCheck, type Block } from '../facts/types.ts';
import { LINE_MARKER, TOP_HEADING, lineOf, normalizeForCompare } from '../facts/text.ts';

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

/** A row of table cells set apart by blanks: three pieces or more and no punctuation at all. */
export function isSpacedRow(text: string): boolean {
  if (/[，,。；;：:、！？!?]/u.test(text)) return false;
  return text.trim().split(/[\s\u3000\u00a0]+/u).length >= 3;
}

/** Column captions of the 自评表 (national project table and the 部门整体 table). */
const TABLE_CAPTIONS = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '全年实际值', '年初预算数', '全年预算数', '全年执行数', '年度资金总额', '年度总体目标', '偏差原因', '未完成原因'];
/** Distinct captions that make a sentence a table run together into prose. */
export const MIN_CAPTIONS = 3;
/** Whether a sentence is a 自评表 run together: several of its column captions in one sentence. */
export function isRunTogetherTable(text: string): boolean {
  let n = 0;
  for (const c of TABLE_CAPTIONS) if (text.includes(c) && ++n >= MIN_CAPTIONS) return true;
  return false;
}

const isTableText = (text: string): boolean => isSpacedRow(text) || isRunTogetherTable(text);

/** A title: no punctuation that ends or splits a sentence (成安县民政局2020年度预算项目绩效自评表, 附件2:…(共15个).pdf). */
export function isTitleLike(text: string): boolean {
  return !/[，,。；;！？!?、]/u.test(text);
}

/** A row of cells written with `|`: two bars or more, or a cell per line closed or opened by one (50,000.00 |). */
export function isBarRow(text: string): boolean {
  const t = text.trim();
  if (/^[|｜]|[|｜]$/u.test(t)) return true;
  const first = t.search(/[|｜]/u);
  return first !== -1 && /[|｜]/u.test(t.slice(first + 1));
}

/** The closing formula of a letter or notice: after it, another letter begins. */
export const LETTER_END = /^[\s\u3000]*(?:特此(?:通知|函告|报告|批复|公告)|此复|特此函复)[。.！!]?[\s\u3000]*$/u;

/**
 * Whether a line is the first of the text and runs the next two non-empty lines together: a page's abstract
 * above the text it abstracts (further down, the same would be a paragraph pasted twice).
 */
export function isAbstractOf(lines: readonly { readonly line: number; readonly text: string }[], at: number): boolean {
  const i = lines.findIndex((l) => l.text.trim() !== '');
  if (lines[i]?.line !== at) return false;
  const own = normalizeForCompare(lines[i]?.text ?? '');
  // the next two lines of six characters or more, normalized one by one (never the whole document: this is
  // asked once per repeated sentence)
  const next: string[] = [];
  for (let j = i + 1; j < lines.length && next.length < 2; j++) {
    const t = normalizeForCompare(lines[j]?.text ?? '');
    if (t.length >= 6) next.push(t);
  }
  // it runs them together: it holds both, so it is longer than the two (a line written again is not an abstract)
  return next.length === 2 && next.every((t) => own.includes(t)) && own.length >= (next[0]?.length ?? 0) + (next[1]?.length ?? 0);
}

/** Whether the text after a sentence starts with 其中 (the sentence is said again to give its breakdown). */
export const BREAKDOWN_NEXT = /^[\s\u3000]*其中/u;

/** Fewest figures that make a sentence a statement of the funds. */
export const MIN_FIGURES = 2;
/** Longest clause without a figure a statement of the funds may have (全部为县级配套资金). */
export const MAX_PLAIN_CLAUSE = 10;
const YEARS = /(?:19|20)\d{2}\s*年度?/gu;
const NUMBER = /\d+(?:[.,]\d+)*/gu;
const MONEY_OR_RATE = /\d+(?:[.,]\d+)*\s*(?:万元|亿元|元|%|％)/gu;

/**
 * A statement of the funds: its figures are sums of money and rates, two or more (资金总额16.20万元，全部为
 * 县级配套资金，拨付使用16.20万元，预算执行率100%), and no clause of it is narrative without a figure.
 */
export function isFundsStatement(text: string): boolean {
  const t = text.replace(LINE_MARKER, '').replace(YEARS, '');
  const money = t.match(MONEY_OR_RATE)?.length ?? 0;
  if (money < MIN_FIGURES || money !== (t.match(NUMBER)?.length ?? 0)) return false;
  return t.split(/[，,；;]/u).every((c) => /\d/u.test(c) || normalizeForCompare(c).length <= MAX_PLAIN_CLAUSE);
}

/** Titles of a report's conclusion part, which sums up what the body says: 一、自评结论, 五、评价结论. */
export const CONCLUSION_TITLE = /结论|摘要/u;

/** The top-level sections (by index) whose title names the conclusion. */
export function conclusionSections(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  for (const b of blocks) if (TOP_HEADING.test(b.text) && CONCLUSION_TITLE.test(b.text.slice(0, 20))) out.add(b.section);
  return out;
}

/** The clauses of a sentence, split at ，,；; (as `split(/[，,；;]/u)` does, without a regular expression). */
export function clausesOf(sentence: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b) {
      out.push(sentence.slice(from, i));
      from = i + 1;
    }
  }
  out.push(sentence.slice(from));
  return out;
}

type Clause = { readonly raw: string; readonly norm: string };

/** The longest run of clauses repeated right after itself (the first of that size), or null. */
function repeatedRun(clauses: readonly Clause[]): { first: readonly Clause[]; again: readonly Clause[] } | null {
  // lengths of the normalised clauses before each one: two runs can be equal only when their lengths are
  const before = [0];
  for (const c of clauses) before.push((before[before.length - 1] ?? 0) + c.norm.length);
  for (let size = Math.floor(clauses.length / 2); size >= 1; size--) {
    for (let i = 0; i + 2 * size <= clauses.length; i++) {
      const length = (before[i + size] ?? 0) - (before[i] ?? 0);
      if (length < MIN_RUN || length !== (before[i + 2 * size] ?? 0) - (before[i + size] ?? 0)) continue;
      const first = clauses.slice(i, i + size);
      const again = clauses.slice(i + size, i + 2 * size);
      const text = first.map((c) => c.norm).join('');
      if (text !== again.map((c) => c.norm).join('') || words(text) < MIN_WORDS) continue;
      return { first, again };
    }
  }
  return null;
}

/**
 * The CJK characters normalising always keeps, by UTF-16 unit: U+3400–U+9FFF but what a list marker may
 * consist of (一、 （二） 三是), which it drops at the start of a text. Normalising drops or keeps, never adds
 * or changes these; so two texts that normalise to one text have the same kept characters, in order.
 */
const KEPT_CJK = new Uint8Array(0x10000).fill(1, 0x3400, 0xa000);
for (const c of '一二三四五六七八九十是') KEPT_CJK[c.charCodeAt(0)] = 0;

/** A hash of a text's {@link KEPT_CJK} characters in order: texts that normalise alike have the same. */
export function keptHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (KEPT_CJK[u] === 1) h = (Math.imul(h, 31) + u) | 0;
  }
  return h;
}

/**
 * Whether a run of clauses may be repeated right after itself, before any clause is normalised.
 * Normalising never lengthens a clause and keeps its {@link KEPT_CJK} characters, so two runs that
 * normalise to one text each have MIN_RUN units or more and as many such characters, with the same sum of
 * codes. Most sentences fail this, and their clauses need no normalising.
 */
export function mayRepeat(clauses: readonly string[]): boolean {
  // before each clause: raw units, kept characters and the sum of their codes
  const units = [0];
  const count = [0];
  const codes = [0];
  for (const c of clauses) {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < c.length; i++) {
      const u = c.charCodeAt(i);
      if (KEPT_CJK[u] === 1) {
        n++;
        sum += u;
      }
    }
    units.push((units[units.length - 1] ?? 0) + c.length);
    count.push((count[count.length - 1] ?? 0) + n);
    codes.push((codes[codes.length - 1] ?? 0) + sum);
  }
  for (let size = Math.floor(clauses.length / 2); size >= 1; size--) {
    for (let a = 0, b = size, end = 2 * size; end <= clauses.length; a++, b++, end++) {
      const [unitsA, countA, codesA] = [(units[b] ?? 0) - (units[a] ?? 0), (count[b] ?? 0) - (count[a] ?? 0), (codes[b] ?? 0) - (codes[a] ?? 0)];
      const [unitsB, countB, codesB] = [(units[end] ?? 0) - (units[b] ?? 0), (count[end] ?? 0) - (count[b] ?? 0), (codes[end] ?? 0) - (codes[b] ?? 0)];
      if (unitsA >= MIN_RUN && unitsB >= MIN_RUN && countA === countB && codesA === codesB) return true;
    }
  }
  return false;
}

/** Whether a normalised sentence is long enough, and has words enough, for its repetition to matter. */
const counts = (norm: string): boolean => norm.length >= MIN_SENTENCE && words(norm) >= MIN_WORDS;

/** A sentence already read, normalised when first compared. */
type Earlier = { raw: string; line: number; section: number; norm?: string };

/**
 * The sentences of the body, each compared with the earlier ones (the first of each normalised text is the
 * one a repeat is reported against). A sentence is normalised only when an earlier one has its
 * {@link keptHash} — in most reports, only the repeats are.
 */
class Sentences {
  // By hash, then by normalised text: sentences that differ only in their figures share a hash, and a
  // list of them scanned for each new one made the check quadratic (50,000 numbered sentences: minutes).
  private readonly byHash = new Map<number, { pending: Earlier | null; byNorm: Map<string, Earlier> }>();

  /** The first earlier sentence that normalises as `raw` does and counts, or null; `raw` is remembered when it is the first. */
  firstLike(raw: string, line: number, section: number): { readonly earlier: Earlier; readonly norm: string } | null {
    // normalising never lengthens a text nor adds CJK characters: a text too short now stays too short
    if (raw.length < MIN_SENTENCE || words(raw) < MIN_WORDS) return null;
    const hash = keptHash(raw);
    const same = this.byHash.get(hash);
    if (!same) {
      this.byHash.set(hash, { pending: { raw, line, section }, byNorm: new Map() });
      return null;
    }
    const norm = normalizeForCompare(raw);
    if (!counts(norm)) return null;
    // the first of the hash is normalised only now that a second one came
    if (same.pending) {
      same.pending.norm = normalizeForCompare(same.pending.raw);
      same.byNorm.set(same.pending.norm, same.pending);
      same.pending = null;
    }
    // an earlier sentence with this text counts as this one does (counting depends on the text alone)
    const earlier = same.byNorm.get(norm);
    if (earlier) return { earlier, norm };
    same.byNorm.set(norm, { raw, line, section, norm });
    return null;
  }

  /** Makes `raw` the first of its text in place of `earlier` (a table row seen first counts as never seen). */
  replace(earlier: Earlier, raw: string, line: number, section: number): void {
    earlier.raw = raw;
    earlier.line = line;
    earlier.section = section;
  }
}

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
    const sentences = new Sentences();
    let conclusions: Set<number> | undefined;
    let lineText: Map<number, string> | undefined;
    const pageText = (line: number): boolean => {
      lineText ??= new Map(context.lines.map((l) => [l.line, l.text]));
      const text = lineText.get(line) ?? '';
      return isBarRow(text) || isJunkLine(text);
    };
    for (const block of context.blocks) {
      if (block.inAttachments || block.isHeading) continue;
      for (const [start, end] of block.sentences) {
        const raw = block.text.slice(start, end);
        const line = lineOf(block, start);
        if (pageText(line)) continue;
        // a run of clauses repeated right after itself
        const split = clausesOf(raw);
        const run = mayRepeat(split) ? repeatedRun(split.map((c) => ({ raw: c, norm: normalizeForCompare(c) }))) : null;
        if (run && !isTableText(raw)) {
          const offset = start + raw.indexOf(run.again[0]?.raw ?? '');
          report({
            messageId: 'run',
            data: { line: lineOf(block, offset), text: shorten(run.first.map((c) => c.raw.trim()).join('，')) },
            line: lineOf(block, offset),
            excerpt: shorten(raw, 80),
          });
        }
        const like = sentences.firstLike(raw, line, block.section);
        if (!like) continue;
        const first = like.earlier;
        // a table row seen first counts as never seen
        if (isTableText(first.raw)) {
          if (!isTableText(raw)) sentences.replace(first, raw, line, block.section);
          continue;
        }
        if (first.section !== block.section) {
          if (like.norm.length < MIN_ACROSS_SECTIONS) continue;
          conclusions ??= conclusionSections(context.blocks);
          if ((conclusions.has(first.section) || conclusions.has(block.section)) && isFundsStatement(raw)) continue;
        }
        if (isTableText(raw) || isTitleLike(raw) || BREAKDOWN_NEXT.test(block.text.slice(end))) continue;
        if (context.lines.some((l) => l.line > first.line && l.line < line && LETTER_END.test(l.text))) continue;
        if (isAbstractOf(context.lines, first.line)) continue;
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

/**
 * Paragraphs foreign to the unit: text evidently copied from another unit's report.
 *
 * Method (no word list of any department): a report's paragraphs talk about the unit's own business, so
 * the terms a paragraph dwells on recur elsewhere in the same report — in the unit's name and duties, in
 * the tables, in other sections. For each paragraph we take its character bigrams (Chinese has no spaces;
 * bigrams are the usual unit of Chinese text statistics), drop function words and the vocabulary every
 * budget-performance report shares, and keep the ones the paragraph repeats (its topic) that occur
 * nowhere else in the document. Adjacent ones form terms (库区和移民安置区, 移民). A passage whose topic
 * consists of such orphan terms — several distinct ones, repeated — is reported with the terms.
 *
 * A short document (an excerpt, a single table) has no "elsewhere" to compare with: below a minimum size
 * nothing is reported.
 * @module
 */
import { defineTextCheck, type Block } from '../facts/types.ts';
import { lineOf } from '../facts/text.ts';

/** Characters of function words: a bigram containing one is not a content term. */
const FUNCTION_CHARS = new Set([...'的了和与及在是为对等将把被并且或也都已从向以于之其该这那各每有无不个一中上下来去到得着过很更最还又就才所而但因由使让给同比此些么们你我他她它共约近多少大小年月日第率性化']);

/**
 * Words every budget-performance report uses, whatever the department: the template's vocabulary
 * (funds, indicators, management) and common official-writing verbs. Their bigrams are not evidence.
 */
const SHARED_VOCABULARY = `
预算 决算 绩效 评价 自评 自查 指标 目标 资金 经费 支出 收入 项目 部门 单位 财政 管理 制度 建设 工作 情况 完成 实施 开展 推进 落实 加强 提高 提升
完善 规范 严格 执行 使用 保障 服务 群众 社会 经济 效益 生态 满意 满意度 质量 数量 时效 成本 产出 效果 问题 措施 建议 改进 整改 存在 主要 进一步
全面 有效 合理 科学 客观 公正 原则 方法 体系 机制 流程 程序 标准 要求 规定 政策 文件 通知 精神 上级 省 市 县 乡镇 村 政府 人民 领导 干部 职工 人员
基本 公用 三公 公务 接待 用车 运行 维护 出国 采购 资产 固定 结转 结余 拨款 基金 一般 公共 国有 资本 保险 专项 业务 运行 信息 公开 监督 检查 考核 审计
任务 计划 预计 实际 编报 申报 报表 填报 进度 年度 全年 本年 当年 上年 同期 增加 减少 增长 下降 持续 稳定 良好 较好 显著 明显 积极 认真 及时 确保 保证 发挥 作用 取得 成效 成绩 成果
基础 条件 环境 水平 能力 意识 认识 理念 思想 责任 职责 职能 机构 设置 编制 在职 退休 人事 办公 内设 下设 股室 科室 党组 党委 支部 工会 妇联 共青团
改善 提供 实现 达到 发展 促进 维护 稳定 安全 风险 防控 应急 宣传 培训 教育 学习 调研 调查 统计 数据 资料 档案 系统 平台 网络 信息化 创新 改革 优化
`.split(/\s+/u).filter((w) => w.length >= 2);

const SHARED_BIGRAMS = new Set(SHARED_VOCABULARY.flatMap((w) => Array.from({ length: w.length - 1 }, (_, i) => w.slice(i, i + 2))));

/** Smallest narrative (Chinese characters) that gives each paragraph an "elsewhere". */
export const MIN_DOCUMENT = 800;
/** Smallest paragraph examined. */
export const MIN_PARAGRAPH = 40;
/** The paragraph's main orphan term: in this many different contexts and clauses. */
export const MAIN_CONTEXTS = 3;
export const MAIN_CLAUSES = 3;
/** Distinct orphan terms (the main one included) the paragraph repeats in different contexts. */
export const MIN_TERMS = 3;

export const isContentBigram = (b: string): boolean =>
  b.length === 2 && !FUNCTION_CHARS.has(b.charAt(0)) && !FUNCTION_CHARS.has(b.charAt(1)) && !SHARED_BIGRAMS.has(b);

/** A UTF-16 unit in U+3400–U+9FFF: the CJK characters the statistics count. */
const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/** How many CJK characters a text has. */
export function cjkLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isCjk(text.charCodeAt(i))) n++;
  return n;
}

/**
 * A CJK bigram as a small integer (both characters within U+3400–U+9FFF): counting by number makes no
 * string per bigram.
 */
const CJK_SPAN = 0xa000 - 0x3400;
const codeOf = (a: number, b: number): number => (a - 0x3400) * CJK_SPAN + (b - 0x3400);
const codeAt = (text: string, i: number): number => codeOf(text.charCodeAt(i), text.charCodeAt(i + 1));
const bigramOf = (code: number): string => String.fromCharCode(Math.floor(code / CJK_SPAN) + 0x3400, (code % CJK_SPAN) + 0x3400);
const isBigramAt = (text: string, i: number): boolean => isCjk(text.charCodeAt(i)) && isCjk(text.charCodeAt(i + 1));

const FUNCTION_CODES: ReadonlySet<number> = new Set([...FUNCTION_CHARS].map((c) => c.charCodeAt(0)));
const SHARED_CODES: ReadonlySet<number> = new Set([...SHARED_BIGRAMS].map((b) => codeAt(b, 0)));
/** {@link isContentBigram} of a bigram code. */
const isContentCode = (code: number): boolean =>
  !FUNCTION_CODES.has(Math.floor(code / CJK_SPAN) + 0x3400) && !FUNCTION_CODES.has((code % CJK_SPAN) + 0x3400) && !SHARED_CODES.has(code);

/** Adds the CJK bigrams of `text` to `counts`. */
function countBigramCodes(text: string, counts: Map<number, number>): Map<number, number> {
  for (let i = 0; i + 1 < text.length; i++) {
    if (!isBigramAt(text, i)) continue;
    const code = codeAt(text, i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

export function countBigrams(text: string): Map<string, number> {
  return new Map([...countBigramCodes(text, new Map())].map(([code, n]) => [bigramOf(code), n]));
}

/** A content bigram a paragraph repeats and the rest of the document never uses. */
export type Orphan = {
  readonly bigram: string;
  readonly offsets: readonly number[];
  /** Distinct (character before, character after) pairs: a topic recurs in varied sentences, a stock phrase does not. */
  readonly contexts: number;
  /** Distinct clauses (split at ，；。) it occurs in. */
  readonly clauses: number;
};

const CLAUSE_END_CODES: ReadonlySet<number> = new Set(Array.from('，,；;。！？!?', (c) => c.charCodeAt(0)));

/** The orphans of a paragraph; `total` counts bigrams in the whole document (the paragraph included). */
export function orphansOf(paragraph: string, total: ReadonlyMap<string, number>): Orphan[] {
  const own = countBigramCodes(paragraph, new Map());
  return orphansWhere(paragraph, (code) => {
    const n = own.get(code) ?? 0;
    return n >= 2 && total.get(bigramOf(code)) === n && isContentCode(code);
  });
}

/** What stands for the paragraph's start or end in a context (as `^x`, `x$` did when contexts were strings). */
const START_CODE = '^'.charCodeAt(0);
const END_CODE = '$'.charCodeAt(0);

/** The paragraph's bigrams that `isOrphan` accepts, with their offsets, contexts and clauses. */
function orphansWhere(paragraph: string, isOrphan: (code: number) => boolean): Orphan[] {
  // offsets in order, and bigrams in the order of their first occurrence (a Map keeps it)
  const byCode = new Map<number, number[] | null>();
  for (let i = 0; i + 1 < paragraph.length; i++) {
    if (!isBigramAt(paragraph, i)) continue;
    const code = codeAt(paragraph, i);
    let offsets = byCode.get(code);
    if (offsets === undefined) {
      offsets = isOrphan(code) ? [] : null;
      byCode.set(code, offsets);
    }
    offsets?.push(i);
  }
  // a bigram the paragraph has once is no topic of it (and has one context)
  const repeated: [number, number[]][] = [];
  for (const [code, offsets] of byCode) if (offsets && offsets.length >= 2) repeated.push([code, offsets]);
  if (repeated.length === 0) return [];
  // clause index of every offset: clause ends before it
  const clauseAt = new Array<number>(paragraph.length + 1);
  clauseAt[0] = 0;
  for (let i = 0; i < paragraph.length; i++) clauseAt[i + 1] = (clauseAt[i] ?? 0) + (CLAUSE_END_CODES.has(paragraph.charCodeAt(i)) ? 1 : 0);
  // a context as one number: the UTF-16 units before and after
  const contextAt = (at: number): number =>
    (at > 0 ? paragraph.charCodeAt(at - 1) : START_CODE) * 0x10000 + (at + 2 < paragraph.length ? paragraph.charCodeAt(at + 2) : END_CODE);
  return repeated.map(([code, offsets]) => ({
    bigram: bigramOf(code),
    offsets,
    contexts: new Set(offsets.map(contextAt)).size,
    clauses: new Set(offsets.map((at) => clauseAt[at] ?? 0)).size,
  }));
}

export type OrphanTerm = { readonly term: string; readonly count: number; readonly first: number };

/** Adjacent orphan bigrams joined into the terms a reader sees (库区和移民安置区 → 库区, 移民安置区). */
export function termsOf(paragraph: string, orphans: readonly Orphan[]): OrphanTerm[] {
  const covered = new Array<boolean>(paragraph.length).fill(false);
  for (const o of orphans) {
    for (const at of o.offsets) {
      covered[at] = true;
      covered[at + 1] = true;
    }
  }
  const terms = new Map<string, OrphanTerm>();
  for (let i = 0; i < paragraph.length; i++) {
    if (!covered[i]) continue;
    let j = i;
    while (j + 1 < paragraph.length && covered[j + 1]) j++;
    const term = paragraph.slice(i, j + 1);
    const known = terms.get(term);
    terms.set(term, { term, count: (known?.count ?? 0) + 1, first: known?.first ?? i });
    i = j;
  }
  return [...terms.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

export type ForeignPassage = { readonly block: Block; readonly terms: readonly OrphanTerm[]; readonly start: number };

/** A free slot of the {@link HomeTable} (bigram codes are ≥ 0). */
const EMPTY = -1;
/** The home of a bigram in several texts. */
const SEVERAL = -1;
/** Fibonacci hashing: the top bits of the code times 2³²/φ. */
const HASH_FACTOR = 0x9e3779b1 | 0;
/** The slots of a new table; a table that grew beyond the most (a very long document) is not kept. */
const FIRST_BITS = 12;
const MOST_KEPT_BITS = 18;

/**
 * The one text of the document each bigram occurs in ({@link SEVERAL}: several) and how often it occurs
 * in the whole document: an open-addressing hash table over typed arrays, keyed by bigram code (no Map
 * entry and no string per bigram), at most half full, doubled when it would be more.
 */
class HomeTable {
  private bits = FIRST_BITS;
  private keys = new Int32Array(1 << FIRST_BITS).fill(EMPTY);
  private homes = new Int32Array(1 << FIRST_BITS);
  private counts = new Int32Array(1 << FIRST_BITS);
  /** The slots in use, in `used[0 .. size)`. */
  private used = new Int32Array(1 << (FIRST_BITS - 1));
  private size = 0;

  /** Empties the table for the next document, keeping its arrays unless they grew very large. */
  clear(): void {
    if (this.bits > MOST_KEPT_BITS) {
      this.allocate(FIRST_BITS);
      return;
    }
    for (let i = 0; i < this.size; i++) this.keys[this.used[i] ?? 0] = EMPTY;
    this.size = 0;
  }

  /** Counts one occurrence of `code` in text `t`. */
  add(code: number, t: number): void {
    let slot = this.slotOf(code);
    if (this.keys[slot] !== EMPTY) {
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      if (this.homes[slot] !== t) this.homes[slot] = SEVERAL;
      return;
    }
    if (this.size === this.used.length) {
      this.grow();
      slot = this.slotOf(code);
    }
    this.keys[slot] = code;
    this.homes[slot] = t;
    this.counts[slot] = 1;
    this.used[this.size++] = slot;
  }

  /** The home of `code` ({@link SEVERAL} for a bigram not in the table: it has no home either). */
  homeOf(code: number): number {
    const slot = this.slotOf(code);
    return this.keys[slot] === code ? (this.homes[slot] ?? SEVERAL) : SEVERAL;
  }

  /** Every bigram with its home and count. */
  forEach(visit: (code: number, home: number, count: number) => void): void {
    for (let i = 0; i < this.size; i++) {
      const slot = this.used[i] ?? 0;
      visit(this.keys[slot] ?? EMPTY, this.homes[slot] ?? SEVERAL, this.counts[slot] ?? 0);
    }
  }

  /** Where `code` is, or the free slot where it goes (linear probing; the table is never full). */
  private slotOf(code: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = Math.imul(code, HASH_FACTOR) >>> (32 - this.bits);
    for (let key = keys[slot] ?? EMPTY; key !== code && key !== EMPTY; key = keys[slot] ?? EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  private allocate(bits: number): void {
    this.bits = bits;
    this.keys = new Int32Array(1 << bits).fill(EMPTY);
    this.homes = new Int32Array(1 << bits);
    this.counts = new Int32Array(1 << bits);
    this.used = new Int32Array(1 << (bits - 1));
    this.size = 0;
  }

  /** Twice the slots, the bigrams moved in their order. */
  private grow(): void {
    const { keys, homes, counts, used, size } = this;
    this.allocate(this.bits + 1);
    for (let i = 0; i < size; i++) {
      const from = used[i] ?? 0;
      const slot = this.slotOf(keys[from] ?? EMPTY);
      this.keys[slot] = keys[from] ?? EMPTY;
      this.homes[slot] = homes[from] ?? SEVERAL;
      this.counts[slot] = counts[from] ?? 0;
      this.used[i] = slot;
    }
    this.size = size;
  }
}

/**
 * The table of the last document, emptied and reused by the next (the check is synchronous, so no two
 * calls share it at once): allocating its typed arrays for every audit would cost more than clearing them.
 */
const homeTable = new HomeTable();

/**
 * Records every CJK bigram of `texts` (each text on its own, as when they are joined by line breaks);
 * `cjk` gets the number of CJK characters of each text.
 */
function homeTableOf(texts: readonly string[], cjk: number[]): HomeTable {
  const table = homeTable;
  table.clear();
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t] ?? '';
    let before = text.charCodeAt(0);
    let n = isCjk(before) ? 1 : 0;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isCjk(c)) {
        before = c;
        continue;
      }
      n++;
      if (isCjk(before)) table.add(codeOf(before, c), t);
      before = c;
    }
    cjk.push(n);
  }
  return table;
}

/** Paragraphs whose topic does not occur anywhere else in the document. */
export function foreignPassages(blocks: readonly Block[], otherText: string): ForeignPassage[] {
  // A paragraph's orphans are the bigrams it has twice or more and no other text has: its own count is the
  // document's. Twice or more: their contexts are counted below.
  const cjk: number[] = [];
  const table = homeTableOf([...blocks.map((b) => b.text), otherText], cjk);
  const sizeOf = (t: number): number => cjk[t] ?? 0;
  let size = 0;
  blocks.forEach((b, t) => {
    if (!b.isHeading) size += sizeOf(t);
  });
  if (size < MIN_DOCUMENT) return [];
  // A paragraph is reported only for a main orphan, in MAIN_CONTEXTS contexts and so as often: the
  // paragraphs that have such a bigram are the only ones worth a closer look — in most reports, none.
  const suspect = new Set<number>();
  table.forEach((code, home, count) => {
    if (home !== SEVERAL && count >= MAIN_CONTEXTS && isContentCode(code)) suspect.add(home);
  });
  const out: ForeignPassage[] = [];
  blocks.forEach((block, t) => {
    if (!suspect.has(t) || block.isHeading || block.inAttachments || sizeOf(t) < MIN_PARAGRAPH) return;
    // one occurrence has one context: the filter also drops the bigrams the paragraph has once
    const orphans = orphansWhere(block.text, (code) => table.homeOf(code) === t && isContentCode(code)).filter((o) => o.contexts >= 2);
    const main = orphans.filter((o) => o.contexts >= MAIN_CONTEXTS && o.clauses >= MAIN_CLAUSES);
    if (main.length === 0) return;
    // distinct terms: bigrams of one word (幼儿, 儿园) count once
    const taken = new Set<number>();
    const distinct: Orphan[] = [];
    for (const o of [...orphans].sort((a, b) => b.contexts - a.contexts || b.offsets.length - a.offsets.length)) {
      if (o.offsets.some((at) => taken.has(at) || taken.has(at + 1))) continue;
      distinct.push(o);
      for (const at of o.offsets) {
        taken.add(at);
        taken.add(at + 1);
      }
    }
    if (distinct.length < MIN_TERMS) return;
    const terms = [...termsOf(block.text, main), ...termsOf(block.text, distinct.filter((o) => !main.includes(o)))];
    out.push({ block, terms, start: Math.min(...main.flatMap((o) => o.offsets)) });
  });
  return out;
}

export const foreignParagraph = defineTextCheck({
  id: 'foreign-paragraph',
  meta: {
    category: 'text',
    description: '与本单位无关、疑似从其他单位报告复制的段落：段落反复谈论的内容在报告其他部分（单位名称、职责、表格、其他章节）都没有出现',
    basis: 'DOMAIN.md「What a reviewer checks」6：从其他单位报告复制的段落；RULES.md §3.8 第11条',
    defaultSeverity: 'warning',
    messages: {
      foreign: '第{{line}}行起的段落反复提到{{terms}}，这些内容在报告其他部分（单位名称、职责、表格、其他章节）都没有出现，疑似从其他单位的报告复制；请核实并删除或改写。',
    },
  },
  run(context, report) {
    for (const p of foreignPassages(context.blocks, `${context.unitName ?? ''}\n${context.otherText}`)) {
      const line = lineOf(p.block, p.start);
      const sentence = p.block.sentences.find(([a, b]) => p.start >= a && p.start < b) ?? [p.start, p.block.text.length];
      report({
        messageId: 'foreign',
        data: { line, terms: p.terms.slice(0, 5).map((t) => `「${t.term}」`).join('') },
        line,
        excerpt: p.block.text.slice(sentence[0], Math.min(sentence[1], sentence[0] + 80)),
      });
    }
  },
});

/**
 * One quantity, two values: the same label (subject, qualifier, unit, year, topic and parent total) stated
 * twice with figures that cannot be the same under rounding. A standard quantity with its column named
 * (公务接待费预算, 三公经费实际支出) is compared across the report; anything else only under one heading (a
 * 预算 part and an 执行 part may both say 人员经费 for different things, and so may 局机关 and 下属单位);
 * vague labels (实际完成, 执行率 without a subject, a bare 支出 of a list of items), approximations, bounds and
 * ranges never.
 * @module
 */
import { GENERIC_RATES, isVagueSubject, normalizeSubject } from './labels.ts';
import { sameFigure } from './intervals.ts';
import { quantityOf } from './reconcile.ts';
import { breakdownsOf, partOfIndex } from './structure.ts';
import { LINE_MARKER } from './text.ts';
import { defineTextCheck, type Block, type PlacedFact, type TextContext } from './types.ts';

const INTRO = /^(?:其中|分别是|分别为|包括|具体如下|如下|主要有|具体情况|情况如下|说明|注|备注|具体是)$/u;

/** A short heading clause before a colon at the start of the sentence: 人员编制：…, 局机关：… */
export function topicOf(block: Block, fact: PlacedFact): string {
  const sentence = block.sentences[fact.sentence];
  if (!sentence) return '';
  // the first colon before the figure (most sentences have none, and then nothing is sliced)
  let colon = -1;
  for (let i = sentence[0]; i < fact.start; i++) {
    const c = block.text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return '';
  const topic = block.text.slice(sentence[0], colon).replace(LINE_MARKER, '').replace(/[\s\u3000]/gu, '');
  if (topic.length > 14 || /\d/u.test(topic) || /[，,；;。]/u.test(topic) || INTRO.test(topic)) return '';
  return topic;
}

/**
 * For a rate, the quantity it is a rate of: the first named figure of its ；-segment (管理高血压患者…规范管理率
 * and 管理2型糖尿病患者…规范管理率 are two rates).
 */
export function headOf(block: Block, facts: readonly PlacedFact[], fact: PlacedFact): string {
  if (fact.kind !== 'rate') return '';
  const sentence = block.sentences[fact.sentence];
  if (!sentence) return '';
  const before = block.text.slice(sentence[0], fact.start);
  const segmentStart = sentence[0] + Math.max(before.lastIndexOf('；'), before.lastIndexOf(';')) + 1;
  const head = facts.find((g) => g.block === fact.block && g.start >= segmentStart && g.start < fact.start && g.labelSource === 'before');
  return head && head !== fact ? normalizeSubject(head.subject) : '';
}

const comparable = (f: PlacedFact): boolean =>
  !f.approximate && !f.comparison && !f.upper && f.labelSource !== 'after' &&
  !isVagueSubject(normalizeSubject(f.subject)) && !GENERIC_RATES.test(f.subject) && !GENERIC_RATES.test(f.label);

/** The first statement of a figure, and its first statement in another sentence. */
type Figure = { readonly first: PlacedFact; other: PlacedFact | undefined };

export const sameSentence = (g: PlacedFact, f: PlacedFact): boolean => g.block === f.block && g.sentence === f.sentence;
const figureKey = (f: PlacedFact): string =>
  `${f.value.units}e${f.value.scale}|${f.tolerance ? `${f.tolerance.units}e${f.tolerance.scale}` : ''}|${f.kind === 'count' || f.kind === 'score' ? 'exact' : ''}`;

/** The earliest earlier statement (in a sentence other than `f`'s) of a figure that cannot be `f`'s. */
function earliestOther(figures: readonly Figure[], f: PlacedFact): PlacedFact | undefined {
  let best: PlacedFact | undefined;
  for (const figure of figures) {
    if (best && figure.first.index >= best.index) break; // in order of first statement
    if (sameFigure(figure.first, f)) continue;
    const candidate = sameSentence(figure.first, f) ? figure.other : figure.first;
    if (candidate && (!best || candidate.index < best.index)) best = candidate;
  }
  return best;
}

/**
 * Statements of one quantity: the facts grouped by what they state (subject, qualifier, scope, period, unit,
 * year, noun, topic, parent total and, for a rate, its head), each group in the text's order.
 */
export function quantityGroups(context: Pick<TextContext, 'blocks' | 'facts' | 'year'>): PlacedFact[][] {
  const cached = groupCache.get(context.facts);
  if (cached?.year === context.year) return cached.groups;
  const groups = groupStatements(context);
  groupCache.set(context.facts, { year: context.year, groups });
  return groups;
}

const groupCache = new WeakMap<readonly PlacedFact[], { year: number | null; groups: PlacedFact[][] }>();

function groupStatements(context: Pick<TextContext, 'blocks' | 'facts' | 'year'>): PlacedFact[][] {
  const partOf = partOfIndex(breakdownsOf(context.blocks, context.facts));
  const groups = new Map<string, PlacedFact[]>();
  // each block's facts, in order, for a rate's head (which is in its own block)
  const byBlock = new Map<number, PlacedFact[]>();
  for (const f of context.facts) {
    const list = byBlock.get(f.block);
    if (list) list.push(f);
    else byBlock.set(f.block, [f]);
  }
  for (const f of context.facts) {
    if (!comparable(f)) continue;
    const block = context.blocks[f.block];
    if (!block) continue;
    const parent = partOf.get(f.index);
    const parentSubject = parent === undefined ? '' : normalizeSubject(context.facts[parent]?.subject ?? '');
    // a unit's standard figure with its column named (公务接待费预算) is one figure in the whole report;
    // anything else is compared under its own heading only (局机关… / 下属单位… may both say 人员经费)
    const scope = f.qualifier !== undefined && quantityOf(f) ? 'report' : `¶${f.subsection}`;
    const subject = f.kind === 'rate' ? f.label : normalizeSubject(f.subject);
    const unit = f.kind === 'amount' ? '万元' : f.unit;
    const year = f.year === undefined || f.year === context.year ? '' : f.year;
    const head = headOf(block, byBlock.get(f.block) ?? [], f);
    const key = `${subject}|${f.qualifier ?? ''}|${scope}|${f.period ?? ''}|${unit}|${year}|${f.noun ?? ''}|${topicOf(block, f)}|${parentSubject}|${head}`;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  const tags = referentTags(context.blocks, context.facts);
  return [...groups.values()].flatMap((g) => splitByReferent(g, tags));
}

/** A document cited: 〔2023〕19号, 【2023】10号, (2023)5号, 19号文件. */
const CITATION = /[〔【[（(]\s*(?:19|20)\d{2}\s*[〕】\]）)]\s*第?(\d+)\s*号|(\d+)\s*号文/gu;
/** A batch of funds or projects: 第一批, 一批项目, 第二批次 (not 分2批次 拨付). */
const BATCH = /第\s*([一二三四五六七八九十\d]+)\s*批|(?<![分\d一二三四五六七八九十])([一二三四五六七八九十])批(?!次)/gu;
/** A numbered item at the start of a paragraph: 1、 1. (1) ① (一). */
const ITEM = /^[\s\u3000]*(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）]|[\u2460-\u2473]|[（(][一二三四五六七八九十]+[)）])/u;
/** A title that names a thing of its own: a project, a works, or a name in brackets (其他试验(水稻)). */
const OWN_THING = /(?:项目|項目|工程)(?:[，,\s]|$)|^[^，,\s]*[（(][^（()）]{1,10}[)）]\s*$/u;
/** Places an amount is allocated to. */
const PLACE = /[省市区區县縣镇鎮乡鄉村]$/u;

/** What tells statements of one label apart as different referents: the document, batch, item and list they are in. */
type Tags = { readonly cite: string; readonly batch: string; readonly item: string; readonly list: string };
const DIMENSIONS = ['cite', 'batch', 'item', 'list'] as const;

/** The last match of `re` in `text` before `end`, by its first group that matched. */
function lastBefore(re: RegExp, text: string, end: number): string {
  let found = '';
  for (const m of text.slice(0, end).matchAll(re)) found = m[1] ?? m[2] ?? '';
  return found;
}

/**
 * Each fact's referent tags: the document its paragraph cited last before it (下达…〔2023〕19号…资金791万元),
 * the batch named last (一批项目 / 二批项目), the numbered item naming a project of its own it is under (1、…项目,
 * 2、…项目 are different projects) and, for an amount allocated to a place in a list of three or more places,
 * the sentence (给予湾沚区16.2万元 and 分配至湾沚区23万元 distribute different funds).
 */
function referentTags(blocks: readonly Block[], facts: readonly PlacedFact[]): Map<number, Tags> {
  const itemOf = new Map<number, string>();
  let item = '';
  let subsection = -1;
  for (const b of blocks) {
    if (b.subsection !== subsection || b.isHeading) item = '';
    subsection = b.subsection;
    const m = ITEM.exec(b.text);
    if (m) {
      const title = b.text.slice(m[0].length, m[0].length + 40).split(/[。：:；;|]/u)[0] ?? '';
      item = OWN_THING.test(title) ? `${b.index}:${title}` : '';
    }
    itemOf.set(b.index, item);
  }
  const perSentence = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.labelSource !== 'before') continue;
    const k = `${f.block}:${f.sentence}`;
    const set = perSentence.get(k) ?? new Set<string>();
    set.add(normalizeSubject(f.subject));
    perSentence.set(k, set);
  }
  const out = new Map<number, Tags>();
  for (const f of facts) {
    const block = blocks[f.block];
    if (!block) continue;
    const sentence = `${f.block}:${f.sentence}`;
    const listed = (perSentence.get(sentence)?.size ?? 0) >= 3 && PLACE.test(normalizeSubject(f.subject));
    out.set(f.index, {
      cite: lastBefore(CITATION, block.text, f.start),
      batch: lastBefore(BATCH, block.text, f.start),
      item: itemOf.get(f.block) ?? '',
      list: listed ? sentence : '',
    });
  }
  return out;
}

/**
 * One label's statements split by referent: when they name two documents (batches, projects, allocation
 * lists), each is its own quantity, and a statement that names none could be of either and is left out.
 */
function splitByReferent(group: PlacedFact[], tags: ReadonlyMap<number, Tags>): PlacedFact[][] {
  let parts: PlacedFact[][] = [group];
  for (const d of DIMENSIONS) {
    const next: PlacedFact[][] = [];
    for (const part of parts) {
      const values = new Set(part.map((f) => tags.get(f.index)?.[d] ?? '').filter((v) => v !== ''));
      if (values.size < 2) {
        next.push(part);
        continue;
      }
      for (const v of values) next.push(part.filter((f) => tags.get(f.index)?.[d] === v));
    }
    parts = next;
  }
  return parts.filter((p) => p.length > 0);
}

export const factConflict = defineTextCheck({
  id: 'fact-conflict',
  meta: {
    category: 'crossDocument',
    description: '正文中同一数据（同一名称、口径、单位、年份）前后写成了不同的数',
    basis: 'DOMAIN.md「What a reviewer checks」4：同一数据在报告各处应一致；舍入差按区间法容许',
    defaultSeverity: 'warning',
    messages: {
      conflict: '「{{label}}」在第{{firstLine}}行为 {{first}}，在第{{line}}行为 {{stated}}，前后不一致；请核对后统一。',
    },
  },
  run(context, report) {
    const groups = quantityGroups(context);
    for (const list of groups) {
      const reported = new Set<string>();
      // The earlier statements by figure: statements of one figure (same value, decimals, tolerance, kind)
      // compare alike, so each figure is tried once — linear in the statements, not quadratic (a report
      // repeating one sentence 80,000 times compared every pair).
      const figures: Figure[] = [];
      const byKey = new Map<string, Figure>();
      for (let i = 0; i < list.length; i++) {
        const f = list[i];
        if (!f) continue;
        // parallel statements inside one sentence (A…率69%；B…率67%) are about different things
        const first = i === 0 ? undefined : earliestOther(figures, f);
        const key = figureKey(f);
        const known = byKey.get(key);
        if (!known) {
          const figure: Figure = { first: f, other: undefined };
          figures.push(figure);
          byKey.set(key, figure);
        } else if (!known.other && !sameSentence(known.first, f)) {
          known.other = f;
        }
        if (!first) continue;
        const pair = `${first.written}|${f.written}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        report({
          messageId: 'conflict',
          data: { label: f.label, firstLine: first.line, first: first.written, line: f.line, stated: f.written },
          line: f.line,
          excerpt: f.excerpt,
          stated: f.written,
          expected: first.written,
          related: [{ path: 'text', line: first.line, excerpt: first.excerpt }],
        });
      }
    }
  },
});

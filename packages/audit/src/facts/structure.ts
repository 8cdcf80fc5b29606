/**
 * Totals and their parts as the text states them:
 *
 * - 其中: 基本支出7,514.90万元，其中：人员经费…，公用经费… (the parts need not be all of it);
 * - brackets right after a figure: 人员经费6,506.26万元（工资福利支出…，对个人和家庭的补助支出…）;
 * - a breakdown ending in 其他: 收入预算…，财政拨款…，其他收入… (其他 makes it complete);
 * - a list announced with 如下: 项目支出…。具体情况如下：A…，B…，其他…;
 * - a composite name: 产出及效益指标得分77分 = 产出指标得分 + 效益指标得分 stated elsewhere;
 * - standard compositions of the budget vocabulary, stated in one paragraph: 三公经费 = 公务接待费 +
 *   公务用车购置及运行维护费 + 因公出国（境）费; 基本支出 = 人员经费 + 公用经费.
 * @module
 */
import { eq, normalizeName } from '@jixiao/core';
import { normalizeSubject } from './labels.ts';
import type { Block, PlacedFact } from './types.ts';

export type Breakdown = {
  readonly total: PlacedFact;
  readonly parts: readonly PlacedFact[];
  /** The parts are all of the total (其他, 分别, a composite name, a standard composition). */
  readonly exhaustive: boolean;
  readonly how: 'partOf' | 'brackets' | 'other' | 'list' | 'composite' | 'standard';
};

const sameDimension = (a: PlacedFact, b: PlacedFact): boolean =>
  a.kind === b.kind && (a.kind === 'amount' || a.unit === b.unit);

const usable = (f: PlacedFact): boolean => !f.approximate && !f.comparison && !f.upper;

const qualifierFits = (total: PlacedFact, part: PlacedFact): boolean =>
  part.qualifier === undefined || part.qualifier === total.qualifier;

/**
 * The rest of a whole (其他收入, 其他资金, 其他项目支出): naming it makes a breakdown complete. Specific
 * categories that start with 其他 (其他资本性支出, 其他商品和服务支出) do not.
 */
const isOther = (f: PlacedFact): boolean => /^其[他它](?:资金)?(?:收入|资金|项目(?:支出|资金)?|支出|资金来源|来源)$/u.test(f.label);

/** Years agree when they are equal or one of them is not named. */
const sameYear = (a: PlacedFact, b: PlacedFact): boolean => a.year === undefined || b.year === undefined || a.year === b.year;

/** Offsets of the innermost open bracket (or -1) at each position. */
function depthKey(text: string, from: number, offset: number): number {
  const stack: number[] = [];
  for (let i = from; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) stack.push(i);
    else if (c === 0xff09 || c === 0x29) stack.pop();
  }
  return stack.length > 0 ? (stack[stack.length - 1] ?? -1) : -1;
}

/** Items grouped by a key, each group in the items' order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const byBlockCache = new WeakMap<readonly PlacedFact[], Map<number, PlacedFact[]>>();
/** The facts of one block (indexed once per fact list). */
function blockFacts(facts: readonly PlacedFact[], block: number): PlacedFact[] {
  let index = byBlockCache.get(facts);
  if (!index) {
    index = new Map();
    for (const f of facts) {
      const list = index.get(f.block);
      if (list) list.push(f);
      else index.set(f.block, [f]);
    }
    byBlockCache.set(facts, index);
  }
  return index.get(block) ?? [];
}

function sentenceFacts(facts: readonly PlacedFact[], block: number, sentence: number): PlacedFact[] {
  return blockFacts(facts, block).filter((f) => f.sentence === sentence);
}

/** Parts after `from` in the sentence at the same bracket depth, up to a ；. */
function partsAfter(block: Block, facts: readonly PlacedFact[], total: PlacedFact, from: number): PlacedFact[] | null {
  const sentence = block.sentences[total.sentence];
  if (!sentence) return null;
  const stop = (() => {
    const semi = block.text.slice(from, sentence[1]).search(/[；;]/u);
    return semi === -1 ? sentence[1] : from + semi;
  })();
  const depth = depthKey(block.text, sentence[0], from);
  const parts: PlacedFact[] = [];
  for (const f of sentenceFacts(facts, block.index, total.sentence)) {
    if (f.start < from || f.start >= stop) continue;
    if (depthKey(block.text, sentence[0], f.start) !== depth) continue;
    if (!sameDimension(f, total)) continue;
    if (!usable(f)) return null;
    if (!qualifierFits(total, f)) continue;
    parts.push(f);
  }
  return parts.length > 0 ? parts : null;
}

function partOfBreakdowns(blocks: readonly Block[], facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  for (const block of blocks) {
    const re = /其中/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block.text)) !== null) {
      const at = m.index;
      const before = blockFacts(facts, block.index).filter((f) => f.end <= at);
      const total = before[before.length - 1];
      if (!total || !usable(total)) continue;
      const sentence = block.sentences[total.sentence];
      if (!sentence || at >= sentence[1]) continue;
      const gap = block.text.slice(total.end, at).replace(total.noun ?? '\u0000', '');
      if (!/^[\s\u3000，,：:、（(]*$/u.test(gap)) continue;
      const parts = partsAfter(block, facts, total, at + 2);
      if (parts) out.push({ total, parts, exhaustive: parts.some(isOther), how: 'partOf' });
    }
  }
  return out;
}

function bracketBreakdowns(facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  const children = new Map<number, PlacedFact[]>();
  for (const f of facts) {
    if (f.parenOf === undefined) continue;
    const list = children.get(f.parenOf);
    if (list) list.push(f);
    else children.set(f.parenOf, [f]);
  }
  for (const total of facts) {
    if (!usable(total)) continue;
    const inside = children.get(total.index) ?? [];
    if (inside.length === 0) continue;
    const parts = inside.filter((f) => sameDimension(f, total) && qualifierFits(total, f));
    if (parts.length === 0 || parts.some((p) => !usable(p))) continue;
    out.push({ total, parts, exhaustive: parts.some(isOther), how: 'brackets' });
  }
  return out;
}

/** A label that names a whole: 收入预算, 专项资金支出, 资金总额 (not one source such as 财政拨款). */
const WHOLE = /(?:收入|支出|预算|资金|经费|总额|合计|总计|总数|总量)$/u;

function otherBreakdowns(blocks: readonly Block[], facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  for (const block of blocks) {
    for (let s = 0; s < block.sentences.length; s++) {
      const list = sentenceFacts(facts, block.index, s).filter((f) => f.parenOf === undefined);
      const otherIndex = list.findIndex((f) => isOther(f) && f.kind === 'amount');
      if (otherIndex < 2) continue;
      const total = list[0];
      if (!total || isOther(total) || !WHOLE.test(total.label) || !usable(total)) continue;
      const sentence = block.sentences[s] ?? [0, 0];
      const between = block.text.slice(sentence[0], list[otherIndex]?.start ?? total.end);
      if (/其中|如下|分别|包括/u.test(between)) continue;
      const parts = list.slice(1, otherIndex + 1);
      if (parts.some((p) => !sameDimension(p, total) || !usable(p) || (p.qualifier !== undefined && p.qualifier !== total.qualifier))) continue;
      out.push({ total, parts, exhaustive: true, how: 'other' });
    }
  }
  return out;
}

function listBreakdowns(blocks: readonly Block[], facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  for (const block of blocks) {
    // every announcement has 如下 or 包括: most paragraphs have neither and are not scanned
    if (!block.text.includes('如下') && !block.text.includes('包括')) continue;
    const re = /(?:具体|明细|分项|详细)?(?:情况)?如下[:：]|(?:主要)?包括[:：]/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(block.text)) !== null) {
      const at = m.index;
      const after = at + m[0].length;
      const sentenceIndex = block.sentences.findIndex(([a, b]) => at >= a && at < b);
      const sentence = block.sentences[sentenceIndex];
      if (!sentence) continue;
      // the total: the last figure before 如下 in this sentence, else the first of the previous sentence
      const same = sentenceFacts(facts, block.index, sentenceIndex).filter((f) => f.end <= at);
      const total = same.length > 0 ? same[same.length - 1] : sentenceFacts(facts, block.index, sentenceIndex - 1)[0];
      if (!total || total.kind !== 'amount' || !usable(total)) continue;
      const parts = sentenceFacts(facts, block.index, sentenceIndex).filter(
        (f) => f.start >= after && f.parenOf === undefined && sameDimension(f, total),
      );
      if (parts.length < 2 || parts.some((p) => !usable(p) || (p.qualifier !== undefined && p.qualifier !== total.qualifier))) continue;
      // 主要包括 lists the main parts only
      out.push({ total, parts, exhaustive: parts.some(isOther) && !/包括/u.test(m[0]), how: 'list' });
    }
  }
  return out;
}

/** 产出及效益指标 → 产出指标, 效益指标. */
export function componentsOf(subject: string): string[] | null {
  if (!/[及和与、]/u.test(subject)) return null;
  const pieces = subject.split(/及|和|与|、/u).filter((p) => p !== '');
  if (pieces.length < 2) return null;
  const last = pieces[pieces.length - 1] ?? '';
  const suffix = /(?:指标|经费|支出|资金)$/u.exec(last)?.[0] ?? '';
  return pieces.map((p) => (suffix && !p.endsWith(suffix) ? `${p}${suffix}` : p));
}

function compositeBreakdowns(facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  // the facts by their subject's name, in order; built on the first composite name
  let bySubject: Map<string, PlacedFact[]> | null = null;
  for (const total of facts) {
    if (!usable(total) || total.labelSource === 'after') continue;
    const components = componentsOf(total.subject);
    if (!components) continue;
    bySubject ??= groupBy(facts, (f) => normalizeName(normalizeSubject(f.subject)));
    const parts: PlacedFact[] = [];
    for (const component of components) {
      const found = (bySubject.get(normalizeName(component)) ?? []).filter(
        (f) => f !== total && usable(f) && sameDimension(f, total) && f.qualifier === total.qualifier && sameYear(f, total),
      );
      const first = found[0];
      if (!first || found.some((f) => !eq(f.value, first.value))) {
        parts.length = 0;
        break;
      }
      parts.push(first);
    }
    if (parts.length === components.length) out.push({ total, parts, exhaustive: true, how: 'composite' });
  }
  return out;
}

type Component = { readonly key: string; readonly pattern: RegExp };
type Composition = { readonly total: RegExp; readonly groups: readonly (readonly Component[])[] };

/** Compositions every budget report shares (财政部 决算 vocabulary). */
const COMPOSITIONS: readonly Composition[] = [
  {
    total: /^三公经费(?:支出)?$/u,
    groups: [
      [{ key: 'reception', pattern: /^公务接待(?:费|经费)?$/u }],
      [
        { key: 'vehicle', pattern: /^公务用车购置及运行(?:维护)?(?:费|经费)?$|^公务用车(?:费|经费)$/u },
        { key: 'vehiclePurchase', pattern: /^公务用车购置(?:费|经费)?$|^公车购置(?:费)?$/u },
        { key: 'vehicleOperation', pattern: /^公务用车运行(?:维护)?(?:费|经费)?$|^公车运行(?:维护)?(?:费)?$/u },
      ],
      [{ key: 'overseasTravel', pattern: /^因公出国(?:境)?(?:费|经费)?$/u }],
    ],
  },
  {
    total: /基本支出$/u,
    groups: [[{ key: 'personnel', pattern: /^人员经费$/u }], [{ key: 'operating', pattern: /^(?:日常)?公用经费$/u }]],
  },
];

const plainSubjectOf = (f: PlacedFact): string => normalizeSubject(f.subject).replace(/[“”"（）()]/gu, '');

function standardBreakdowns(facts: readonly PlacedFact[]): Breakdown[] {
  const out: Breakdown[] = [];
  // each fact's plain subject, worked out once: every composition and component tests them
  const plain = new Map<PlacedFact, string>();
  const plainSubject = (f: PlacedFact): string => {
    let p = plain.get(f);
    if (p === undefined) {
      p = plainSubjectOf(f);
      plain.set(f, p);
    }
    return p;
  };
  for (const composition of COMPOSITIONS) {
    for (const total of facts) {
      if (total.kind !== 'amount' || !usable(total) || !composition.total.test(plainSubject(total))) continue;
      const peers = blockFacts(facts, total.block).filter(
        (f) => f !== total && f.kind === 'amount' && f.qualifier === total.qualifier && sameYear(f, total),
      );
      const parts: PlacedFact[] = [];
      let complete = true;
      for (const group of composition.groups) {
        const chosen: PlacedFact[] = [];
        for (const component of group) {
          const found = peers.filter((f) => component.pattern.test(plainSubject(f)));
          if (found.length > 1 || found.some((f) => !usable(f))) {
            complete = false;
            break;
          }
          if (found[0]) chosen.push(found[0]);
        }
        // a combined 公务用车 figure and its sub-items must not both count
        if (chosen.length > 1 && group.length > 1 && group[0] && chosen.some((f) => group[0]?.pattern.test(plainSubject(f)))) {
          chosen.splice(0, chosen.length, ...chosen.filter((f) => group[0]?.pattern.test(plainSubject(f))));
        }
        if (chosen.length === 0) complete = false;
        parts.push(...chosen);
      }
      if (complete && parts.length > 0) out.push({ total, parts, exhaustive: true, how: 'standard' });
    }
  }
  return out;
}

/** Every total with its parts the text states, each once (the first way found wins). */
export function findBreakdowns(blocks: readonly Block[], facts: readonly PlacedFact[]): Breakdown[] {
  const all = [
    ...partOfBreakdowns(blocks, facts),
    ...bracketBreakdowns(facts),
    ...otherBreakdowns(blocks, facts),
    ...listBreakdowns(blocks, facts),
    ...compositeBreakdowns(facts),
    ...standardBreakdowns(facts),
  ];
  const seen = new Set<string>();
  return all.filter((b) => {
    const key = `${b.total.index}:${b.parts.map((p) => p.index).sort((x, y) => x - y).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** For each fact that is a part of a stated total, that total's index. */
export function partOfIndex(breakdowns: readonly Breakdown[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const b of breakdowns) {
    if (b.how === 'composite' || b.how === 'standard') continue;
    for (const p of b.parts) if (!map.has(p.index)) map.set(p.index, b.total.index);
  }
  return map;
}

const cache = new WeakMap<readonly PlacedFact[], Breakdown[]>();
/** `findBreakdowns`, computed once per fact list. */
export function breakdownsOf(blocks: readonly Block[], facts: readonly PlacedFact[]): Breakdown[] {
  let found = cache.get(facts);
  if (!found) {
    found = findBreakdowns(blocks, facts);
    cache.set(facts, found);
  }
  return found;
}

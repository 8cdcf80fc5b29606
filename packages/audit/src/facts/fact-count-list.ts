/**
 * A stated count against the items listed right after it: 数量5个…分别是：①…⑥ (six listed);
 * 内设20个机构…内设股室分别是办公室、…、执法监察股 (twenty names). The list must be announced (分别是,
 * 包括, 主要有, 如下, a colon right after the count) and end plainly: a list that ends in 等 is not all.
 * @module
 */
import { isGenericSubject } from './labels.ts';
import { INLINE_STYLES, lineMarker, markerAt, type Marker, inlineMarkers } from './markers.ts';
import { LINE_MARKER } from './text.ts';
import { defineTextCheck, type Block, type PlacedFact, type TextContext } from './types.ts';

const INTRODUCER = /(?:分别是|分别为|分别有|主要包括|主要有|包括|具体是|具体为|具体如下|如下|依次为|依次是)[:：]?|[:：]/gu;
const COUNTING_UNITS = /^(?:个|项|家|类|条|所|名|人|件|种|支|处|座|部|批|宗|本|次|户)$/u;

export type Listed = {
  readonly count: number;
  readonly how: string;
  readonly last: string;
  readonly items: readonly string[];
  /** Both readings of a list whose last two items may be one name (A和B). */
  readonly readings?: readonly (readonly string[])[];
};

/** The reading of the list that has as many items as the count, when one does. */
export function readingFor(listed: Listed, count: number): Listed {
  const fits = listed.readings?.find((r) => r.length === count);
  return fits ? { ...listed, count: fits.length, items: fits } : listed;
}

/** Counts the items of a list starting at `offset` of block `index`; null when no list is there. */
export function countList(blocks: readonly Block[], index: number, offset: number): Listed | null {
  let block = blocks[index];
  if (!block) return null;
  let at = offset;
  while (/[\s\u3000]/u.test(block.text[at] ?? '')) at++;
  // the list starts on the next line: 分别是：⏎①…
  if (at >= block.text.length) {
    const next = blocks[index + 1];
    if (!next || next.isHeading) return null;
    block = next;
    index += 1;
    at = 0;
  }
  const first = markerAt(block.text, at);
  if (first && first.n === 1) {
    let expected = 2;
    let last: Marker = first;
    const texts: string[] = [first.text];
    const scan = (markers: readonly Marker[]): boolean => {
      for (const m of markers) {
        if (m.n !== expected) return false;
        expected++;
        texts.push(m.text);
        last = m;
      }
      return true;
    };
    const inline = INLINE_STYLES.has(first.style);
    let going = inline ? scan(inlineMarkers(block.text, first.style, at + first.length)) : true;
    for (let b = index + 1; going && b < blocks.length; b++) {
      const next = blocks[b];
      if (!next) break;
      const m = lineMarker(next.text);
      if (!m || m.style !== first.style || m.n !== expected) break;
      expected++;
      texts.push(m.text);
      last = m;
      if (inline) going = scan(inlineMarkers(next.text, first.style, m.start + m.length));
    }
    return { count: expected - 1, how: `${first.text}…${last.text}`, last: last.text, items: texts };
  }
  // names separated by 、 (and a last 和/及/与) up to the end of the sentence or a ；
  const rest = block.text.slice(at);
  const stop = rest.search(/[。；;！？!?]/u);
  const body = (stop === -1 ? rest : rest.slice(0, stop)).replace(/[\s\u3000]/gu, '');
  if (/[，,：:]/u.test(body) || /等(?:等)?$|等[\u3400-\u9fff]{0,4}$/u.test(body)) return null;
  const readings = listReadings(body);
  const items = readings?.[0];
  if (!readings || !items || items.length < 2) return null;
  return { count: items.length, how: `${items[0]}、…、${items[items.length - 1]}`, last: items[items.length - 1] ?? '', items, readings };
}

const OPEN = '（(《“【〔[';
const CLOSE = '）)》”】〕]';

/** The text without what is in brackets (（）()《》“”【】〔〕). */
export const outsideBrackets = (text: string): string => {
  let depth = 0;
  let out = '';
  for (const c of text) {
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
};

/** Splits at the separators outside brackets. */
function splitTop(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separator.test(c)) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/**
 * The readings of a list of names: items separated by 、 outside brackets, the last two perhaps joined by
 * 和, 及 or 与 — 财政事务中心和国库集中支付中心 is two items, 社会治安和应急管理办公室 one: when the last piece
 * holds one 和/及/与 both readings are given (split first). Null when an item is empty, too long, or holds a
 * figure (23个数量指标、2个质量指标 is a sum of counts, not a list of names).
 */
export function listReadings(body: string): string[][] | null {
  const text = body.replace(/[\s\u3000]/gu, '');
  if (text === '') return null;
  const pieces = splitTop(text, /、/u);
  for (const p of pieces) {
    const core = outsideBrackets(p);
    if ((core.length < 2 && p.length < 2) || core.length > 30 || /[0-9０-９]/u.test(core) || !/[\u3400-\u9fff]/u.test(p)) return null;
  }
  const last = pieces[pieces.length - 1] ?? '';
  const joined = splitTop(last, /[和及与]/u);
  if (joined.length === 2 && joined.every((p) => outsideBrackets(p).length >= 2)) return [[...pieces.slice(0, -1), ...joined], pieces];
  return [pieces];
}

/** The list's items in its likelier reading (a last 和/及/与 joining two items). */
export function listItems(body: string): string[] | null {
  return listReadings(body)?.[0] ?? null;
}

const countable = (f: PlacedFact): boolean =>
  f.kind === 'count' && COUNTING_UNITS.test(f.unit) && !f.approximate && !f.comparison && !f.upper &&
  f.value.scale === 0 && f.value.units >= 2 && f.value.units <= 60;

/** The count an introducer at `at` of `block` refers to, or null when that is not clear. */
function countFor(byBlock: ReadonlyMap<number, readonly PlacedFact[]>, block: Block, at: number, isColon: boolean): PlacedFact | null {
  const sentenceIndex = block.sentences.findIndex(([a, b]) => at >= a && at < b);
  const sentence = block.sentences[sentenceIndex];
  if (!sentence) return null;
  const inBlock = byBlock.get(block.index) ?? [];
  const before = inBlock.filter((f) => f.sentence === sentenceIndex && f.end <= at);
  const last = before[before.length - 1];
  const head = block.text.slice(sentence[0], at);
  if (last) {
    // between the count and the list only its noun and one comma: 数量指标6个，分别是 / 内设6个股室，分别是
    const gap = block.text.slice(last.end, at);
    if (/其中|\d/u.test(gap) || (gap.match(/[，,]/gu)?.length ?? 0) > 1) return null;
    if (isColon && gap.replace(last.noun ?? '\u0000', '').trim() !== '') return null;
    return countable(last) ? last : null;
  }
  if (isColon) return null;
  const subject = head.replace(LINE_MARKER, '').replace(/[\s\u3000“”]/gu, '');
  if (subject === '') {
    const previous = inBlock.filter((f) => f.sentence === sentenceIndex - 1 && f.kind === 'count');
    const only = previous[0];
    return previous.length === 1 && only && countable(only) ? only : null;
  }
  // 内设股室分别是… → the count labelled 内设 (this paragraph or the one before)
  // (in another order than the facts' own when they are not by block; only a single match counts)
  const near = [...(byBlock.get(block.index - 1) ?? []), ...inBlock.filter((f) => f.start < at)];
  const matches = near.filter(
    (f) => countable(f) && !isGenericSubject(f.label) && (subject.startsWith(f.label) || (f.noun !== undefined && f.noun.length >= 2 && subject.includes(f.noun))),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** Every count with the list announced after it (分别是, 包括, 如下, a colon), each count once. */
export function announcedLists(context: TextContext): { count: PlacedFact; listed: Listed }[] {
  const out: { count: PlacedFact; listed: Listed }[] = [];
  const done = new Set<number>();
  // the facts of each block, in order: every introducer looks at its own block's and the one before
  const byBlock = new Map<number, PlacedFact[]>();
  for (const f of context.facts) {
    const list = byBlock.get(f.block);
    if (list) list.push(f);
    else byBlock.set(f.block, [f]);
  }
  for (const block of context.blocks) {
    INTRODUCER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = INTRODUCER.exec(block.text)) !== null) {
      const isColon = /^[:：]$/u.test(m[0]);
      const count = countFor(byBlock, block, m.index, isColon);
      if (!count || done.has(count.index)) continue;
      const listed = countList(context.blocks, block.index, m.index + m[0].length);
      if (!listed || listed.count < 2) continue;
      done.add(count.index);
      out.push({ count, listed: readingFor(listed, count.value.units) });
    }
  }
  return out;
}

export const factCountList = defineTextCheck({
  id: 'fact-count-list',
  meta: {
    category: 'crossDocument',
    description: '正文所写的个数应等于紧随其后列出的条目数（数量指标5个 → ①…⑤；内设20个机构 → 20个名称）',
    basis: 'DOMAIN.md「What a reviewer checks」4：所述指标个数与所列一致；RULES.md §3.8 第2条',
    defaultSeverity: 'error',
    messages: {
      mismatch: '第{{line}}行称「{{label}}{{stated}}」，但随后列出了 {{listed}} 项（{{how}}）；请核对个数或所列条目。',
    },
  },
  run(context, report) {
    for (const { count, listed } of announcedLists(context)) {
      if (listed.count === count.value.units) continue;
      report({
        messageId: 'mismatch',
        data: { line: count.line, label: count.label, stated: count.written, listed: listed.count, how: listed.how },
        line: count.line,
        excerpt: count.excerpt,
        stated: count.written,
        expected: `${listed.count}${count.unit}`,
      });
    }
  },
});

/**
 * Counts against the items listed with them, in sentences:
 *
 * - the list before its count: 「内设办公室、计划财务科、…、法制科7个内设机构」, 「…、价格认定科等12个科室」,
 *   「…，共3项」 (the list the clause before);
 * - the count before its list: 「直属事业单位10个，即A、B、…」, 「单位有3个，分别为A、B和C」, 「4个全额拨款事业单位
 *   （A、B、C、D）」, 「审批类事项1项，为A」;
 * - a count with the list it announces further on (分别是：①…⑥; 内设股室分别是…), as `fact-count-list` reads it.
 *
 * Items are separated by 、 outside brackets, the last two by 和, 及 or 与 (not a 和 inside a name). A list
 * ending in 等 before its count may be a selection: read only when it names most of the count (then likely).
 * @module
 */
import { announcedLists, countList, listReadings } from '../facts/fact-count-list.ts';
import type { Block, PlacedFact, TextContext } from '../facts/types.ts';
import { figureOf, sentenceContext } from './sentence-context.ts';
import type { CountRelation, Extractor } from './types.ts';

/** Units that count kinds of things (not people, times or quantities of one thing). */
const KIND_UNITS = /^(?:个|项|家|类|条|所|种|支|处|宗|部|座|份)$/u;
/** What may stand between a count and the list it announces. */
const INTRODUCER = /^[，,]?(?:即|分别是|分别为|分别有|分别|为|包括|具体是|具体为|具体包括|依次为|依次是)[:：]?|^[:：]/u;
/** A verb in what follows a count: a clause of its own, not the count's noun. */
const VERB = /涉及|包括|完成|实施|建设|开展|安排|下达|用于|覆盖|共|是|为|有/u;
const CLOSE_OF: Record<string, string> = { '（': '）', '(': ')' };

const countable = (f: PlacedFact): boolean =>
  f.kind === 'count' && KIND_UNITS.test(f.unit) && !f.approximate && !f.comparison && !f.upper &&
  f.value.scale === 0 && f.value.units >= 0 && f.value.units <= 60;

/** Where the clause before `at` starts: after the last ，；：。 outside brackets. */
function clauseStart(text: string, from: number, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= from; i--) {
    const c = text[i] ?? '';
    if ('）)》】'.includes(c)) depth++;
    else if ('（(《【'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,；;：:。！？]/u.test(c)) return i + 1;
  }
  return from;
}

type Read = { items: string[]; confidence: 'certain' | 'likely'; assumption?: string };

/** The list right before the count (a clause of names joined by 、 ending at the count). */
function listBefore(block: Block, count: PlacedFact): Read | null {
  const sentence = block.sentences[count.sentence];
  if (!sentence) return null;
  let end = count.start;
  let start = clauseStart(block.text, sentence[0], end);
  let head = block.text.slice(start, end).replace(/[\s\u3000]/gu, '');
  // 「A、B、C，共3项」: the list is the clause before
  if (/^(?:共计?|合计|总计|等)$/u.test(head) && start > sentence[0]) {
    end = start - 1;
    start = clauseStart(block.text, sentence[0], end);
    head = `${block.text.slice(start, end).replace(/[\s\u3000]/gu, '')}${head}`;
  } else if (count.noun === undefined || count.noun === '') {
    // 「…文化广场15个」: without a noun the count may be of something else than the names
    return null;
  }
  // inside quotes or brackets (「“三个代表”」): no count of the clause
  if ((head.match(/[“（(]/gu)?.length ?? 0) > (head.match(/[”）)]/gu)?.length ?? 0)) return null;
  const etc = /等(?:共计?)?$/u.test(head);
  const body = head.replace(/(?:等)?(?:共计?|合计|总计)?$/u, '').replace(/^(?:\d{4}年度?)/u, '');
  if (!body.includes('、')) return null;
  const items = pick(listReadings(body), count);
  if (!items || items.length < 2) return null;
  const n = count.value.units;
  if (!etc) return { items, confidence: 'certain' };
  // 「A、B等12个」: examples unless they are most of the count; more than the count is wrong anyway
  if (items.length > n) return { items, confidence: 'certain' };
  if (items.length * 4 < n * 3) return null;
  return { items, confidence: 'likely', assumption: '按“等”之前所列为全部条目' };
}

/** Words of a clause, not of a name: 「完成项目3个，道路和桥梁均已验收」. */
const CLAUSE_WORD = /均|已|了|完成|实施|开展|进行|达到|提高|验收|满意|要求|负责|用于/u;
/** An office or unit: what 内设/下设 count and name right after without a colon. */
const OFFICE = /^[\u3400-\u9fff]{0,4}?(?:科室|股室|机构|部门|单位)/u;

/** The list right after the count and its noun: 即…, 分别为…, （…）, 一是…二是…. */
function listAfter(blocks: readonly Block[], block: Block, count: PlacedFact): Read | null {
  let at = count.end;
  const text = block.text;
  const skip = (): void => {
    while (/[\s\u3000]/u.test(text[at] ?? '')) at++;
  };
  skip();
  const nounAt = at;
  if (count.noun && text.startsWith(count.noun, at)) at += count.noun.length;
  skip();
  let body: string;
  let confidence: 'certain' | 'likely' = 'certain';
  let assumption: string | undefined;
  if (!CLOSE_OF[text[at] ?? '']) {
    // a noun before the brackets: 「4个全额拨款事业单位（A、B、C、D）」
    const noun = /^[\u3400-\u9fff]{1,10}(?=[（(])/u.exec(text.slice(at));
    if (noun && !VERB.test(noun[0])) at += noun[0].length;
  }
  const marked = /^[，,]?[\s\u3000]*(?=一是|①|\(1\)|（1）)/u.exec(text.slice(at));
  // (a count in words — 分为七个方面，一是… — is a heading's, and its 一是 may run past the paragraph)
  if (marked && /\d/u.test(count.written)) {
    // 「下设2个管理机构，一是…；二是…」
    const listed = countList(blocks, block.index, at + marked[0].length);
    return listed ? { items: [...listed.items], confidence: 'certain' } : null;
  }
  const bracketed = !!CLOSE_OF[text[at] ?? ''];
  if (bracketed) {
    const close = closing(text, at);
    if (close === -1) return null;
    body = text.slice(at + 1, close);
    if (/[，,；;：:。]|其中|等$|^[\s\u3000]*(?:含|包括|主要|如|均|其)/u.test(body)) return null;
  } else {
    const m = INTRODUCER.exec(text.slice(at));
    const bare = /^[，,]/u.exec(text.slice(at));
    const head = block.text.slice(clauseStart(text, block.sentences[count.sentence]?.[0] ?? 0, count.start), count.start);
    if (m) {
      if (/包括/u.test(m[0])) {
        confidence = 'likely';
        assumption = '按“包括”之后所列为全部条目';
      }
      at += m[0].length;
    } else if (bare && (count.noun === undefined || count.noun === '')) {
      // 「内设副科级事业单位2个，财政事务中心和国库集中支付中心。」
      confidence = 'likely';
      assumption = '按个数之后所列为全部条目';
      at += bare[0].length;
    } else if (/内设|下设|设有|下辖|下属/u.test(head) && OFFICE.test(text.slice(nounAt, nounAt + 8))) {
      // 「内设7个职能科室办公室、表演艺术部、…」: the first item runs on from the noun
      confidence = 'likely';
      assumption = '按个数之后所列为全部条目';
      at = nounAt;
    } else return null;
    const rest = text.slice(at);
    const stop = rest.search(/[，,。；;！？!?：:]/u);
    body = stop === -1 ? rest : rest.slice(0, stop);
    if (/等(?:等)?$/u.test(body.replace(/[\s\u3000]/gu, '')) || /其中/u.test(body)) return null;
    if (confidence === 'likely' && (CLAUSE_WORD.test(body) || (stop !== -1 && /[，,：:]/u.test(rest[stop] ?? '')))) return null;
    if (at === nounAt && !body.includes('、')) return null;
  }
  const items = pick(listReadings(body), count);
  if (!items) return null;
  // one item for a count of more: likely a slip (「2个差额拨款事业单位（县苗圃）」), unless the count says one
  if (items.length === 1 && count.value.units !== 1) {
    if (!bracketed || count.value.units > 2) return null;
    return { items, confidence: 'likely', assumption: '按个数之后所列为全部条目' };
  }
  return assumption ? { items, confidence, assumption } : { items, confidence };
}

/** The reading with as many items as the count, else the likelier one. */
function pick(readings: string[][] | null, count: PlacedFact): string[] | null {
  if (!readings) return null;
  return readings.find((r) => r.length === count.value.units) ?? readings[0] ?? null;
}

/** The offset of the bracket closing the one at `at` (nested brackets count), or -1. */
function closing(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function relationOf(count: PlacedFact, read: Read): CountRelation {
  return {
    kind: 'count',
    source: 'sentence-count',
    confidence: read.confidence,
    ...(read.assumption ? { assumption: read.assumption } : {}),
    count: figureOf(count),
    items: read.items,
  };
}

function countsOf(context: TextContext): CountRelation[] {
  const out: CountRelation[] = [];
  const done = new Set<number>();
  for (const { count, listed } of announcedLists(context)) {
    done.add(count.index);
    out.push(relationOf(count, { items: [...listed.items], confidence: 'certain' }));
  }
  for (const count of context.facts) {
    if (done.has(count.index) || !countable(count)) continue;
    const block = context.blocks[count.block];
    if (!block) continue;
    const read = listAfter(context.blocks, block, count) ?? listBefore(block, count);
    if (read) out.push(relationOf(count, read));
  }
  return out;
}

export const sentenceCount: Extractor = {
  id: 'sentence-count',
  description: '句子中的个数与所列条目（列在个数之前或之后，以、和及与分隔，等N个）',
  extract(input) {
    return countsOf(sentenceContext(input));
  },
};

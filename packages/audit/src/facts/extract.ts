/**
 * Every figure stated in the narrative, with its label, unit, kind and location.
 *
 * The label is the nearest noun phrase before the figure in its clause; when those words are generic
 * (实际使用, 得分, 执行率) the subject of the sentence (the last named quantity before them, up to a ；)
 * completes it: 公务接待费预算60.11万元，实际使用40.11万元 → 公务接待费 / 实际使用.
 * @module
 */
import type { SourceLine } from '@jixiao/documents';
import { scanFigures, type Figure } from './numbers.ts';
import { cleanLabel, isGenericSubject, normalizeSubject, parseLabel } from './labels.ts';
import { buildBlocks, codeTable, excerptOf, isBlankUnit, lineOf, sentenceAt } from './text.ts';
import type { Block, PlacedFact } from './types.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export type ExtractOptions = {
  /** The unit's name, stripped where it starts a label (衡阳县自然资源局2022年收入预算 → 收入预算). */
  readonly unitName?: string | null;
};

/** Clause boundaries and brackets, by character code (a table lookup per character: the loops below run over every character of the narrative). */
const BOUNDARY_OR_OPEN = codeTable('，,。；;：:、！？!?\n（(');
const OPEN = codeTable('（(');
const CLOSE = codeTable('）)');
/** Where a clause may start for a label: after one of these. */
const CLAUSE_START = codeTable('，,；;：:、');
/** A clause boundary, or an opening bracket (an annotation starts a label of its own). */
const isBoundaryOrOpen = (c: number): boolean => BOUNDARY_OR_OPEN[c] === 1;
const isOpen = (c: number): boolean => OPEN[c] === 1;
const isClose = (c: number): boolean => CLOSE[c] === 1;

/** Index of the bracket that opens the one closing at `close`, or -1. */
function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isClose(c)) depth++;
    else if (isOpen(c)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * The innermost bracket left open between `from` and `offset`, or -1; asked with the same `from` and
 * increasing offsets (the figures of a sentence in order), each asks scans on from where the last stopped.
 */
function bracketTracker(text: string): (from: number, offset: number) => number {
  let start = -1;
  let at = 0;
  const stack: number[] = [];
  return (from, offset) => {
    if (from !== start || offset < at) {
      start = from;
      at = from;
      stack.length = 0;
    }
    for (; at < offset; at++) {
      const c = text.charCodeAt(at);
      if (isOpen(c)) stack.push(at);
      else if (isClose(c)) stack.pop();
    }
    return stack.length > 0 ? (stack[stack.length - 1] ?? -1) : -1;
  };
}

/** Whether `text` has a ； or ; in [from, to). */
function hasSemicolon(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1b || c === 0x3b) return true;
  }
  return false;
}

/** The words before a figure, back to the clause start or the previous figure. */
function labelBefore(text: string, start: number, floor: number): string {
  let i = start - 1;
  while (i >= floor && isBlankUnit(text.charCodeAt(i))) i--;
  // an annotation in brackets right before the figure: 公用经费（一般商品服务支出）1,008.64万元
  if (i >= floor && isClose(text.charCodeAt(i))) {
    const open = matchingOpen(text, i);
    if (open > floor) i = open - 1;
  }
  const end = i + 1;
  let j = i;
  while (j >= floor) {
    const c = text.charCodeAt(j);
    if (isBoundaryOrOpen(c)) break;
    if (isClose(c)) {
      const open = matchingOpen(text, j);
      if (open <= floor) break;
      j = open - 1;
      continue;
    }
    j--;
  }
  return text.slice(j + 1, end);
}

function nounAfter(text: string, end: number): string {
  const m = /^[\u3400-\u9fff“”]{1,10}/u.exec(text.slice(end));
  if (!m) return '';
  return (m[0].split(/[及和与的、“”]|(?:均|已|有|是|为|未|全部|基本)/u)[0] ?? '').slice(0, 6);
}

function textAfter(text: string, end: number): string {
  const rest = text.slice(end, end + 24);
  const stop = rest.search(/[，,。；;：:！？!?（(]/u);
  return stop === -1 ? rest : rest.slice(0, stop);
}

/** How many clause boundaries come before each offset asked, offsets asked in increasing order. */
function clauseCounter(text: string): (offset: number) => number {
  let at = 0;
  let count = 0;
  return (offset) => {
    for (; at < offset && at < text.length; at++) if (isBoundaryOrOpen(text.charCodeAt(at))) count++;
    return count;
  };
}

/** Where the clause holding `offset` starts: after the last ，；：、 before it, not before `floor`. */
function clauseStartOf(text: string, offset: number, floor: number): number {
  for (let i = offset - 1; i >= floor; i--) if (CLAUSE_START[text.charCodeAt(i)] === 1) return i + 1;
  return floor;
}

/** Facts of one block, numbered from `first`. */
function factsOfBlock(block: Block, first: number, unitName: string | null): PlacedFact[] {
  const { figures } = scanFigures(block.text);
  const facts: PlacedFact[] = [];
  const clauseAt = clauseCounter(block.text);
  const enclosingOpen = bracketTracker(block.text);
  let context = '';
  let contextSelf = false;
  let contextSentence = -1;
  let previousEnd = 0;
  for (const figure of figures) {
    const text = block.text;
    const sentence = sentenceAt(block, figure.start);
    const sentenceStart = block.sentences[sentence]?.[0] ?? 0;
    if (sentence !== contextSentence) {
      context = '';
      contextSentence = sentence;
      previousEnd = sentenceStart;
    }
    if (hasSemicolon(text, previousEnd, figure.start)) context = '';
    const floor = Math.max(previousEnd, sentenceStart);
    let raw = labelBefore(text, figure.start, floor);
    // 13个二级机构及25个…: the words after the previous figure are its noun, not this figure's label
    const previous = facts[facts.length - 1];
    if (previous?.noun && previous.sentence === sentence && text.slice(previous.end, figure.start).startsWith(raw.slice(0, previous.noun.length)) && raw.startsWith(previous.noun)) {
      raw = raw.slice(previous.noun.length).replace(/^(?:及|和|与|、)/u, '');
    }
    const cleaned = cleanLabel(raw, unitName);
    const clauseStart = clauseStartOf(text, figure.start, floor);
    const parsed = parseLabel(cleaned.text, figure.kind, text.slice(clauseStart, figure.end + 8));
    const noun = figure.kind === 'count' ? nounAfter(text, figure.end) : '';
    let label = cleaned.text;
    let subject = normalizeSubject(parsed.subject);
    let labelSource: PlacedFact['labelSource'] = 'before';
    if (cleaned.text === '' && noun !== '') {
      label = noun;
      subject = noun;
      labelSource = 'after';
    } else if (parsed.needsContext && context !== '') {
      subject = context;
      label = `${context}${cleaned.text}`;
      labelSource = 'context';
    } else if ((label === '' || isGenericSubject(subject)) && noun !== '' && parsed.qualifier === undefined) {
      label = noun;
      subject = noun;
      labelSource = 'after';
    }
    if (labelSource === 'before' && !isGenericSubject(subject) && !parsed.needsContext) {
      context = subject;
      contextSelf = cleaned.selfReference === true;
    }

    const open = enclosingOpen(sentenceStart, figure.start);
    let parenOf: number | undefined;
    if (open !== -1) {
      let k = open - 1;
      while (k >= 0 && isBlankUnit(text.charCodeAt(k))) k--;
      // few figures are in brackets: a search of the block's facts costs less than an index of all
      parenOf = facts.find((f) => f.end === k + 1)?.index;
    }
    // Fields set one after another in this order (optional ones only when present): spreading conditional
    // objects into a literal costs a runtime call each, and there are a dozen per figure.
    const fact = {
      index: first + facts.length,
      label,
      value: figure.value,
      unit: figure.unit,
      kind: figure.kind,
      line: lineOf(block, figure.numberStart),
      excerpt: excerptOf(block, figure.start, figure.end),
    } as Writable<PlacedFact>;
    if (parsed.qualifier) fact.qualifier = parsed.qualifier;
    fact.subject = subject;
    fact.written = figure.text;
    if (figure.comparison) fact.comparison = figure.comparison;
    if (figure.approximate) fact.approximate = true;
    if (figure.upper) fact.upper = figure.upper;
    if (cleaned.year !== undefined) fact.year = cleaned.year;
    if (cleaned.period) fact.period = cleaned.period;
    if (cleaned.selfReference || (labelSource === 'context' && contextSelf)) fact.selfReference = true;
    if (noun) fact.noun = noun;
    fact.after = textAfter(text, figure.end);
    fact.labelSource = labelSource;
    if (figure.tolerance) fact.tolerance = figure.tolerance;
    fact.block = block.index;
    fact.sentence = sentence;
    fact.clause = clauseAt(figure.start);
    fact.start = figure.start;
    fact.end = figure.end;
    if (parenOf !== undefined) fact.parenOf = parenOf;
    fact.section = block.section;
    fact.subsection = block.subsection;
    facts.push(fact);
    previousEnd = figure.end;
  }
  return facts;
}

export type Analysis = { readonly blocks: readonly Block[]; readonly facts: readonly PlacedFact[] };

/** Blocks and placed facts of narrative lines. */
export function analyzeLines(lines: readonly SourceLine[], options: ExtractOptions = {}): Analysis {
  const blocks = buildBlocks(lines);
  const facts: PlacedFact[] = [];
  // one by one: a single long line can hold more facts than a call's arguments may (stack overflow)
  for (const block of blocks) for (const fact of factsOfBlock(block, facts.length, options.unitName ?? null)) facts.push(fact);
  return { blocks, facts };
}

/**
 * Every figure stated in the lines with its label, value (money in 万元), unit, kind, line and excerpt.
 * Years, dates, list markers and numbers inside names are not figures.
 */
export function extractFacts(lines: readonly SourceLine[], options: ExtractOptions = {}): PlacedFact[] {
  return [...analyzeLines(lines, options).facts];
}

export type { Figure };

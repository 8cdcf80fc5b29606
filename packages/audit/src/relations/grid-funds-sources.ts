/**
 * The funds block of a self-evaluation table whose sources (其中 当年财政拨款 / 上年结转资金 / 其他资金) fill one
 * source only: the total row (年度资金总额) then states the same amounts as that source, column by column — an
 * `equal` relation per amount column. `grid-funds` reads it when the rows can be placed under the header; this
 * extractor reads it where a layout scatters the rows (mirror sites, tables run together): the amounts of
 * the total row and of the filled source are the two runs of amounts in the block that repeat each other
 * (all but at most one equal), the other sources write nothing (—, empty, or 0).
 *
 * No relation when a source other than the first writes a non-zero amount (the total is then a sum), when no
 * empty source is written, or when no two runs repeat each other. The reading is likely: a warning saying so.
 * @module
 */
import { eq, isZero } from '@jixiao/core';
import { cellFigure, isEmptyCell, notJudgedByModel, numberCell, type Token, tokensOf, type Written } from './grid-tokens.ts';
import { evaluateRelation } from './evaluate.ts';
import type { Extractor, ExtractorInput, Relation } from './types.ts';

const TOTAL = /^(?:年度|项目)?资金总额$/u;
/** Sources that must be empty for the total to equal the one filled source. */
const OTHER_SOURCE = /^(?:其中)?(?:上年结转(?:资金)?|结转资金|其他资金|单位资金|自筹资金)$/u;
/** The filled source's label (maybe cut in two by the layout: 其中:当年财政 | 拨款). */
const FILLED_SOURCE = /(?:当年|本年)财政|财政拨款/u;
/** The funds captions that open the block. */
const HEADER = /^(?:年初预算数?|全年预算数?|全年执行数?|调整后预算数?|预算执行数?)/u;
/** Where the funds block ends. */
const END = /^(?:预期目标|年度总体目标|总体目标|年度总体|实际完成情况|一级指标|绩效指标|二级指标)$/u;

type Amount = { token: Token; n: Written };

/** A cell holding an amount (万元 or 元 written after it is allowed), not a %. */
function amountOf(text: string): Written | null {
  const n = numberCell(text.replace(/万?元$/u, ''));
  return n && !n.percent ? n : null;
}

const isZeroOrEmpty = (t: Token): boolean => isEmptyCell(t.text) || (amountOf(t.text) ? isZero((amountOf(t.text) as Written).value) : false);

/** The integer digits of an amount: a typo keeps them more often than a points cell shares them. */
const digits = (a: Amount): number => a.n.text.replace(/,/gu, '').split('.')[0]?.length ?? 0;

/**
 * The two runs of `width` amounts that repeat each other, all but at most one equal: the earliest first run
 * (the total row comes first), against the later run that agrees most, then whose differing amounts have as
 * many integer digits (a typo), then the nearest.
 */
function repeatedRuns(amounts: readonly Amount[], width: number): [Amount[], Amount[]] | null {
  for (let i = 0; i + width <= amounts.length; i++) {
    let best: [Amount[], Amount[]] | null = null;
    let bestScore = -1;
    for (let k = i + width; k + width <= amounts.length; k++) {
      let same = 0;
      let alike = 0;
      for (let d = 0; d < width; d++) {
        const x = amounts[i + d] as Amount;
        const y = amounts[k + d] as Amount;
        if (eq(x.n.value, y.n.value)) same++;
        else if (digits(x) === digits(y)) alike++;
      }
      if (same < width - 1) continue;
      // a pair that agrees only on a small integer may be points or scores, not amounts
      const agreed = amounts.slice(i, i + width).filter((a, d) => eq(a.n.value, (amounts[k + d] as Amount).n.value));
      if (agreed.every((a) => /^\d{1,3}$/u.test(a.n.text) && Number(a.n.text) <= 100)) continue;
      const score = same * 2 + alike;
      if (score <= bestScore) continue;
      best = [amounts.slice(i, i + width), amounts.slice(k, k + width)];
      bestScore = score;
    }
    if (best) return best;
  }
  return null;
}

function readBlock(tokens: readonly Token[], start: number): Relation[] {
  const amounts: Amount[] = [];
  const percents: Amount[] = [];
  let total = false;
  let filled = false;
  let emptySource = false;
  for (let j = start; j < tokens.length && j < start + 80; j++) {
    const t = tokens[j] as Token;
    if (END.test(t.caption)) break;
    if (TOTAL.test(t.caption)) total = true;
    if (FILLED_SOURCE.test(t.caption)) filled = true;
    if (OTHER_SOURCE.test(t.caption)) {
      // the cells written after the source's label, up to the next label
      let k = j + 1;
      for (; k < tokens.length && k < j + 8; k++) {
        const c = tokens[k] as Token;
        if (!isEmptyCell(c.text) && !amountOf(c.text) && !numberCell(c.text)) break;
        if (!isZeroOrEmpty(c)) return [];
      }
      emptySource = true;
      j = k - 1;
      continue;
    }
    const n = amountOf(t.text);
    if (n) amounts.push({ token: t, n });
    const p = numberCell(t.text);
    if (p?.percent) percents.push({ token: t, n: p });
  }
  if (!total || !filled || !emptySource) return [];
  const runs = repeatedRuns(amounts, 3) ?? repeatedRuns(amounts, 2);
  if (!runs) return [];
  const [a, b] = runs;
  return [...a.map((x, d) => {
    const y = b[d] as Amount;
    return {
      kind: 'equal' as const,
      source: 'grid-funds-sources',
      confidence: 'likely' as const,
      assumption: '此处按资金来源中只有一项填了金额（上年结转、其他资金未填），年度资金总额的各列应等于该项',
      a: cellFigure(x.token, x.n, `年度资金总额第 ${d + 1} 个金额`),
      b: cellFigure(y.token, y.n, `其中所填资金来源第 ${d + 1} 个金额`),
    };
  }), ...ratesOf(a, b, percents)];
}

/**
 * The execution rate of the two runs (the last amount over the one before it), when a written % of the block
 * is that rate for one of them at least (one run may hold a typo): the first such % for the total, the next
 * one, if any, for the source (else the same %, the source being equal to the total).
 */
function ratesOf(a: readonly Amount[], b: readonly Amount[], percents: readonly Amount[]): Relation[] {
  const rateOf = (run: readonly Amount[], p: Amount, who: string): Relation | null => {
    const num = run[run.length - 1];
    const den = run[run.length - 2];
    if (!num || !den || isZero(den.n.value)) return null;
    return {
      kind: 'rate',
      source: 'grid-funds-sources',
      confidence: 'likely',
      assumption: '此处按资金来源中只有一项填了金额，本行最后两个金额为全年预算数、全年执行数，百分数为执行率',
      rate: cellFigure(p.token, p.n, `${who}执行率`),
      numerator: cellFigure(num.token, num.n, `${who}全年执行数`),
      denominator: cellFigure(den.token, den.n, `${who}全年预算数`),
      factor: 100,
    };
  };
  const fits = percents.filter((p) =>
    [a, b].some((run) => {
      const r = rateOf(run, p, '');
      return r !== null && evaluateRelation(r) === 'holds';
    }));
  const [first, second] = fits;
  if (!first) return [];
  return [rateOf(a, first, '年度资金总额'), rateOf(b, second ?? first, '其中所填资金来源')].filter((r): r is Relation => r !== null);
}

export const extractFundsSources = (input: ExtractorInput): Relation[] => {
  const tokens = tokensOf(input.doc);
  const out: Relation[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!HEADER.test((tokens[i] as Token).caption)) continue;
    out.push(...readBlock(tokens, i));
    // one block per header: skip to its end
    let j = i + 1;
    while (j < tokens.length && j < i + 80 && !END.test((tokens[j] as Token).caption)) j++;
    i = j;
  }
  return out;
};

export const gridFundsSources: Extractor = {
  id: 'grid-funds-sources',
  description: '自评表资金来源只填一项（上年结转、其他资金未填）时，年度资金总额各列与该项相等',
  extract: (input) => notJudgedByModel(input, extractFundsSources(input)),
};

/**
 * The funds rows of a self-evaluation table (项目资金: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分, and
 * the forms with 调整后预算数, 预算执行数, 到位率, 支付率, 权重), in any layout: the rate against the columns it
 * divides, the funds score = points × rate capped at the points, score ≤ points, and the total row
 * (年度资金总额, 总额, 合计) against its parts (其中 本年财政拨款 / 上年结转 / 其他资金; 中央 / 省 / 市 / 县) — an
 * `equal` relation where one part only is filled.
 *
 * A row's values are placed under the header's captions: one for one when the row has as many cells as the
 * header (certain); otherwise only where the written forms place them in one way — the % under the rate,
 * what follows it under the score, what precedes it from the right (the empty cell taken to be 年初预算数),
 * or three amounts without % under the three amount captions — as a likely reading that says so. No
 * other split is made: a row that cannot be placed gives no relation.
 * @module
 */
import { isZero } from '@jixiao/core';
import { cellFigure, isEmptyCell, notJudgedByModel, numberCell, type Token, tokensOf, type Written } from './grid-tokens.ts';
import type { Extractor, ExtractorInput, Figure, Relation } from './types.ts';

type Role = 'initial' | 'budget' | 'actual' | 'rate' | 'points' | 'score' | 'other';

const ROLES: readonly [Role, RegExp][] = [
  ['initial', /^年初(?:预算|计划)数?(?:[(（]万元[)）])?$/u],
  ['budget', /^(?:全年(?:[(（]调整[)）])?预算数?|调整后预算数?|年度预算数?|预算数|预算安排数?|应到位(?:资金|数)?|计划(?:资金|投资)?数?)(?:[(（]万元[)）])?$/u],
  ['actual', /^(?:全年执行数?|预算执行数?|执行数|实际执行数?|实际支出数?|实际到位(?:资金|数)?|到位(?:资金|数)|支付数|实际支付数?|决算数)(?:[(（]万元[)）])?$/u],
  ['rate', /^(?:(?:预算|资金)?执行率|(?:资金)?到位率|(?:资金)?支付率|完成率)(?:[(（]%[)）])?$/u],
  ['points', /^(?:分值|权重)$/u],
  ['score', /^(?:自评)?得分$/u],
];

/** A caption's own notes removed: 全年预算数(A), 执行率(B/A), 预算执行率(B/A×100%), 分值(分). */
const NOTE = /[(（](?:[^()（）]*[A-Za-z%％][^()（）]*|万元|元|分)[)）]/gu;

const roleOf = (caption: string): Role | null => {
  if (caption.length > 24) return null;
  const c = caption.replace(NOTE, '');
  for (const [role, re] of ROLES) if (re.test(c)) return role;
  return null;
};

/** Row labels of the funds block; the first group are totals. */
const TOTAL_ROW = /^(?:年度资金总额|资金总额|项目资金总额|总额|合计|总计)$/u;
const PART_ROW = /^(?:其中)?(?:本年|当年)?(?:财政拨款|财政资金|上年结转(?:资金)?|结转资金|其他资金|单位资金|财政专户管理资金|自筹资金|中央(?:资金|财政资金|补助)?|省级?(?:资金|财政资金|补助)?|市级?(?:资金|财政资金|配套)?|县级?(?:资金|财政资金|配套)?|地方(?:资金|配套)?)$/u;
const rowKind = (caption: string): 'total' | 'part' | null => {
  if (caption.length > 16) return null;
  const c = caption.replace(/^其中/u, '');
  if (TOTAL_ROW.test(c)) return 'total';
  if (c !== '' && PART_ROW.test(c)) return 'part';
  return null;
};

type Cell = { token: Token; n: Written | null };
type Row = { label: Token; kind: 'total' | 'part'; cells: Cell[] };
type Placed = { values: Map<Role, { token: Token; n: Written }>; certain: boolean; assumption?: string };

/** Where the header's funds captions start: at least an actual or a rate among three funds captions. */
function headerAt(tokens: readonly Token[], i: number): { roles: Role[]; end: number } | null {
  const roles: Role[] = [];
  let j = i;
  let gap = 0;
  for (; j < tokens.length && gap <= 3; j++) {
    const t = tokens[j] as Token;
    if (numberCell(t.text) || rowKind(t.caption)) break;
    const r = roleOf(t.caption);
    if (r) {
      roles.push(r);
      gap = 0;
    } else gap++;
  }
  const money = roles.filter((r) => r === 'budget' || r === 'actual' || r === 'initial').length;
  if (roles.length < 3 || money < 2 || !roles.includes('actual')) return null;
  if (new Set(roles).size !== roles.length) return null;
  return { roles, end: j };
}

/** Rows of the block after the header: a row label and the numbers and empty cells after it. */
function rowsAfter(tokens: readonly Token[], from: number): Row[] {
  const rows: Row[] = [];
  let j = from;
  let noise = 0;
  while (j < tokens.length && noise <= 3) {
    const t = tokens[j] as Token;
    const kind = rowKind(t.caption);
    if (!kind) {
      if (/^其中[:：]?$/u.test(t.caption) || t.caption === '') {
        j++;
        continue;
      }
      noise++;
      j++;
      continue;
    }
    noise = 0;
    const cells: Cell[] = [];
    let k = j + 1;
    for (; k < tokens.length; k++) {
      const c = tokens[k] as Token;
      const n = numberCell(c.text);
      if (!n && !isEmptyCell(c.text)) break;
      if (c.rowStart && cells.length > 0 && k > j + 1 && !n) break;
      cells.push({ token: c, n });
    }
    rows.push({ label: t, kind, cells });
    j = k;
  }
  return rows;
}

const AMOUNT: readonly Role[] = ['initial', 'budget', 'actual'];

/** The row's values under the header's captions, in one way only, or null. */
export function place(cells: readonly Cell[], roles: readonly Role[]): Placed | null {
  const values = new Map<Role, { token: Token; n: Written }>();
  const put = (role: Role | undefined, c: Cell | undefined): boolean => {
    if (!role || !c) return false;
    if (!c.n) return true;
    if (role === 'rate' ? false : c.n.percent) return false;
    if ((role === 'points' || role === 'score') && (c.n.value.units < 0 || Number(c.n.text) > 100)) return false;
    values.set(role, { token: c.token, n: c.n });
    return true;
  };
  if (cells.length === 0) return null;
  if (cells.length === roles.length) {
    for (let k = 0; k < roles.length; k++) if (!put(roles[k], cells[k])) return null;
    return { values, certain: true };
  }
  if (cells.length > roles.length) return null;
  const pct = cells.findIndex((c) => c.n?.percent);
  const r = roles.indexOf('rate');
  if (pct >= 0 && r >= 0) {
    const left = cells.slice(0, pct);
    const right = cells.slice(pct + 1);
    if (left.length > r || right.length > roles.length - r - 1) return null;
    // the rate where its % is; what follows it under the captions after the rate; what precedes it from the right
    if (!put('rate', cells[pct])) return null;
    for (let k = 0; k < right.length; k++) if (!put(roles[r + 1 + k], right[k])) return null;
    for (let k = 0; k < left.length; k++) if (!put(roles[r - left.length + k], left[k])) return null;
    const skipped = roles.slice(0, r - left.length).filter((x) => AMOUNT.includes(x));
    return { values, certain: false, assumption: `按表头对齐，本行空缺的是${skipped.length > 0 ? skipped.map(captionName).join('、') : '执行率之后的列'}` };
  }
  const r0 = roles.indexOf('rate');
  if (pct < 0 && r0 >= 0 && cells.length === roles.length - 1) {
    // no % written: the rate's cell is the empty one, every other caption has its cell
    const others = roles.filter((x) => x !== 'rate');
    for (let k = 0; k < others.length; k++) if (!put(others[k], cells[k])) return null;
    return { values, certain: false, assumption: '按表头对齐，本行执行率一格空' };
  }
  const amounts = roles.filter((x) => AMOUNT.includes(x));
  if (pct < 0 && cells.length === amounts.length && cells.every((c) => !c.n || !c.n.percent)) {
    for (let k = 0; k < amounts.length; k++) if (!put(amounts[k], cells[k])) return null;
    return { values, certain: false, assumption: '按表头对齐，本行只填了金额各列' };
  }
  return null;
}

const captionName = (r: Role): string =>
  ({ initial: '年初预算数', budget: '全年预算数', actual: '全年执行数', rate: '执行率', points: '分值', score: '得分', other: '' })[r];

function rowLabel(row: Row): string {
  return row.label.caption.replace(/^其中/u, '');
}

function relationsOf(rows: readonly Row[], roles: readonly Role[], source: string): Relation[] {
  const out: Relation[] = [];
  const placed = rows.map((row) => ({ row, p: place(row.cells, roles) }));
  const fig = (row: Row, role: Role, v: { token: Token; n: Written }, exact = false): Figure =>
    cellFigure(v.token, v.n, `${rowLabel(row)}${captionName(role)}`, exact);
  const base = (p: Placed) => ({
    source,
    confidence: p.certain ? ('certain' as const) : ('likely' as const),
    ...(p.certain || !p.assumption ? {} : { assumption: p.assumption }),
  });
  for (const { row, p } of placed) {
    if (!p) continue;
    const rate = p.values.get('rate');
    const budget = p.values.get('budget') ?? (roles.includes('budget') ? undefined : p.values.get('initial'));
    const actual = p.values.get('actual');
    if (rate && budget && actual && !isZero(budget.n.value) && rate.n.percent) {
      out.push({ kind: 'rate', ...base(p), rate: fig(row, 'rate', rate), numerator: fig(row, 'actual', actual), denominator: fig(row, 'budget', budget), factor: 100 });
    }
    const points = p.values.get('points');
    const score = p.values.get('score');
    // a part row that writes its own points and score is held to them as the total row is
    if (points && score) {
      out.push({ kind: 'cap', ...base(p), score: fig(row, 'score', score, true), points: fig(row, 'points', points, true) });
      if (rate && rate.n.percent) {
        const pts = fig(row, 'points', points, true);
        out.push({
          kind: 'product', ...base(p), result: fig(row, 'score', score), factors: [pts, { ...fig(row, 'rate', rate), percent: true }], cap: pts,
        });
      }
    }
  }
  // the total row against its parts, column by column
  const total = placed.find((x) => x.row.kind === 'total' && x.p);
  const parts = placed.filter((x) => x.row.kind === 'part');
  if (total?.p && parts.length > 0) {
    for (const role of AMOUNT) {
      const t = total.p.values.get(role);
      if (!t) continue;
      const filled = parts.filter((x) => x.p?.values.get(role));
      // every part row placed (an unplaced part row may hold a value we cannot see)
      if (parts.some((x) => !x.p && x.row.cells.some((c) => c.n))) continue;
      const figures = filled.map((x) => fig(x.row, role, x.p?.values.get(role) as { token: Token; n: Written }));
      const sure = total.p.certain && filled.every((x) => x.p?.certain);
      const b = {
        source,
        confidence: sure ? ('certain' as const) : ('likely' as const),
        ...(sure ? {} : { assumption: '按表头对齐各行的金额' }),
      };
      const tf = fig(total.row, role, t);
      if (figures.length >= 2) out.push({ kind: 'sum', ...b, total: tf, parts: figures });
      else if (figures.length === 1 && figures[0]) out.push({ kind: 'equal', ...b, a: tf, b: figures[0] });
    }
  }
  return out;
}

/** A funds block: where it starts in the token stream, and its total row's points and score (for the 总分). */
export type FundsBlock = { readonly start: number; readonly points?: Figure; readonly score?: Figure };

type Funds = { blocks: FundsBlock[]; relations: Relation[] };
const fundsOfStream = new WeakMap<readonly Token[], Funds>();

/** The funds blocks of a token stream and the relations they state (read once per stream). */
export function fundsBlocks(tokens: readonly Token[]): Funds {
  const known = fundsOfStream.get(tokens);
  if (known) return known;
  const funds = readFunds(tokens, 'grid-funds');
  fundsOfStream.set(tokens, funds);
  return funds;
}

function readFunds(tokens: readonly Token[], source: string): Funds {
  const relations: Relation[] = [];
  const blocks: FundsBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!roleOf((tokens[i] as Token).caption)) continue;
    const header = headerAt(tokens, i);
    if (!header) continue;
    const rows = rowsAfter(tokens, header.end);
    if (rows.length > 0) {
      relationsOf(rows, header.roles, source).forEach((r) => relations.push(r));
      const total = rows.find((r) => r.kind === 'total') ?? (rows.length === 1 ? rows[0] : undefined);
      const p = total ? place(total.cells, header.roles) : null;
      const points = p?.values.get('points');
      const score = p?.values.get('score');
      blocks.push({
        start: i,
        ...(total && points ? { points: cellFigure(points.token, points.n, '资金分值', true) } : {}),
        ...(total && score ? { score: cellFigure(score.token, score.n, '资金得分', true) } : {}),
      });
    }
    i = Math.max(i, header.end - 1);
  }
  return { blocks, relations };
}

export const extractFunds = (input: ExtractorInput): Relation[] => fundsBlocks(tokensOf(input.doc)).relations;

export const gridFunds: Extractor = {
  id: 'grid-funds',
  description: '自评表资金各行：执行率与预算数、执行数，资金得分与分值、执行率，合计行与其中各行',
  extract: (input) => notJudgedByModel(input, extractFunds(input)),
};

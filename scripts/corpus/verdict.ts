/**
 * The verdict of a labelled relation, recomputed from the figures as written with exact rationals
 * (./exact.ts): a relation holds when some values inside the figures' rounding intervals satisfy it.
 * @module
 */
import {
  HUNDRED, ONE, add, cmp, div, iAdd, iDiv, iMin, iMul, iSub, inside, meet, parseDecimal, parseWritten, point, q, rounded, show, truncated,
  type Interval, type Q,
} from './exact.ts';
import { figuresOf, sameFigure, type Figure, type Relation } from './schema.ts';

export type Verdict = 'holds' | 'violated';

/**
 * Whether a figure is exact in its relation: marked so, or a count, a year, or a score or points of a scoring
 * table (`score-sum`, `cap`: scores and points are assigned, not measured and rounded — 48 + 30 is 78, not
 * anything in [77, 79]).
 */
export const isExact = (r: Pick<Relation, 'kind'>, f: Figure): boolean =>
  !!f.exact || r.kind === 'count' || r.kind === 'year' || r.kind === 'score-sum' || r.kind === 'cap';

/** The interval a figure stands for in its relation (`role` as in figuresOf). */
export function intervalOf(r: Relation, role: string, f: Figure): Interval {
  const w = parseWritten(f.text);
  if (isExact(r, f)) return point(w.value);
  if (r.kind === 'rate' && role === 'rate' && r.rounding === 'truncate') return truncated(w);
  return rounded(w);
}

/** What a figure's interval is taken from: by default its text; the mutator and the matcher substitute. */
export type Values = (role: string, f: Figure) => Interval;

const percentOf = (i: Interval): Interval => iMul(i, point(q(1n, 100n)));

/** The side a relation's first figure is compared with, or a direct verdict for the kinds that are no equation. */
function evaluate(r: Relation, year: number | null, v: Values): { left: Interval; right: Interval } | { ok: boolean } | null {
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return { left: v('total', r.total), right: r.parts.map((p, i) => v(`parts[${i}]`, p)).reduce(iAdd) };
    case 'rate': {
      const quotient = iDiv(v('numerator', r.numerator), v('denominator', r.denominator));
      return quotient ? { left: v('rate', r.rate), right: iMul(quotient, point(HUNDRED)) } : null;
    }
    case 'growth': {
      const ratio = iDiv(v('current', r.current), v('previous', r.previous));
      if (!ratio) return null;
      const change = r.direction === 'decrease' ? iSub(point(ONE), ratio) : iSub(ratio, point(ONE));
      return { left: v('rate', r.rate), right: iMul(change, point(HUNDRED)) };
    }
    case 'difference':
      return { left: v('result', r.result), right: iSub(v('minuend', r.minuend), v('subtrahend', r.subtrahend)) };
    case 'product': {
      const factors = r.factors.map((f, i) => ({ f, i: f.percent ? percentOf(v(`factors[${i}]`, f)) : v(`factors[${i}]`, f) }));
      const cap = r.cap;
      const capIndex = cap ? r.factors.findIndex((f) => sameFigure(f, cap)) : -1;
      let right: Interval;
      if (cap && capIndex >= 0) {
        // min(p, p × x) = p × min(1, x) for p ≥ 0: the cap is one of the factors, taken once
        const others = factors.filter((_, i) => i !== capIndex).map((x) => x.i);
        const rest = others.length > 0 ? others.reduce(iMul) : point(ONE);
        right = iMul(factors[capIndex]?.i as Interval, iMin(point(ONE), rest));
      } else {
        right = factors.map((x) => x.i).reduce(iMul);
        if (cap) right = iMin(v('cap', cap), right);
      }
      return { left: v('result', r.result), right };
    }
    case 'cap': {
      const s = v('score', r.score);
      const p = v('points', r.points);
      const c = cmp(s.lo, p.hi);
      return { ok: c < 0 || (c === 0 && !s.loOpen && !p.hiOpen) };
    }
    case 'grade': {
      const s = v('score', r.score);
      const at = r.bands.findIndex((b) => b.grade === r.grade.text);
      if (at < 0) return { ok: false };
      const lo = parseDecimal(r.bands[at]?.min ?? '0');
      const above = r.bands[at - 1];
      const band: Interval = above ? { lo, hi: parseDecimal(above.min), hiOpen: true } : { lo, hi: q(10n ** 12n) };
      return { ok: meet(s, band) };
    }
    case 'count': {
      const c = v('count', r.count);
      return { ok: inside(q(r.items.length), c) };
    }
    case 'equal':
      return { left: v('a', r.a), right: v('b', r.b) };
    case 'unit':
      return { left: v('a', r.a), right: iMul(v('b', r.b), point(q(10000))) };
    case 'year':
      return { ok: year !== null && inside(q(year), v('year', r.year)) };
  }
}

/** The verdict with the figures' own intervals, or with some substituted (`values`). */
export function verdictOf(r: Relation, evaluatedYear: number | null, values?: Values): Verdict {
  const v: Values = values ?? ((role, f) => intervalOf(r, role, f));
  const e = evaluate(r, evaluatedYear, v);
  if (e === null) return 'violated';
  if ('ok' in e) return e.ok ? 'holds' : 'violated';
  return meet(e.left, e.right) ? 'holds' : 'violated';
}

const mid = (i: Interval): Q => div(add(i.lo, i.hi), q(2));
const span = (i: Interval): string => (cmp(i.lo, i.hi) === 0 ? show(i.lo, 4) : `${show(i.lo, 4)}…${show(i.hi, 4)}`);

/** A short account of the recomputation, for messages: "17485.15 vs Σ 17485.145…17485.155". */
export function explain(r: Relation, evaluatedYear: number | null): string {
  const v: Values = (role, f) => intervalOf(r, role, f);
  const e = evaluate(r, evaluatedYear, v);
  if (e === null) return '除数可能为零';
  if ('ok' in e) {
    if (r.kind === 'count') return `写 ${r.count.text}，列出 ${r.items.length} 项`;
    if (r.kind === 'year') return `写 ${r.year.text}，评价年度 ${evaluatedYear ?? '未知（null）'}`;
    if (r.kind === 'grade') return `总分 ${r.score.text}，等级「${r.grade.text}」`;
    return figuresOf(r).map((x) => `${x.role} ${x.figure.text}`).join('，');
  }
  return `${span(e.left)} 对 ${span(e.right)}（中值 ${show(mid(e.right), 4)}）`;
}

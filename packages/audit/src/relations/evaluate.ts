/**
 * The verdict of a relation: holds, violated or not evaluable, with the rounding interval of every figure
 * (XBRL Calculations 1.1): a figure written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a
 * truncated rate for [v, v + 10⁻ᵈ); an exact figure (counts, points, scores, years) for the point v; a
 * figure converted from a coarser unit for v ± its `tolerance`. A relation is violated when no values
 * inside the intervals satisfy it.
 *
 * Bounds are exact rationals (BigInt) built from the figures' `Dec`s: no float ever decides a verdict.
 * A figure's value can be substituted (`values`) — the localizer asks "would this relation hold if that
 * figure were X?".
 * @module
 */
import type { Dec } from '@jixiao/core';
import type { Figure, Relation, Verdict } from './types.ts';

/** n / d with d > 0. */
export type Q = { readonly n: bigint; readonly d: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};
const mk = (n: bigint, d: bigint): Q => {
  if (d < 0n) return mk(-n, -d);
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
export const fromDec = (v: Dec): Q => mk(BigInt(v.units), 10n ** BigInt(v.scale));
export const qInt = (n: number): Q => ({ n: BigInt(n), d: 1n });
export const qAdd = (a: Q, b: Q): Q => mk(a.n * b.d + b.n * a.d, a.d * b.d);
export const qSub = (a: Q, b: Q): Q => mk(a.n * b.d - b.n * a.d, a.d * b.d);
export const qMul = (a: Q, b: Q): Q => mk(a.n * b.n, a.d * b.d);
/** a / b; null when b is 0. */
export const qDiv = (a: Q, b: Q): Q | null => (b.n === 0n ? null : mk(a.n * b.d, a.d * b.n));
export const qCmp = (a: Q, b: Q): -1 | 0 | 1 => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
const qMin = (a: Q, b: Q): Q => (qCmp(a, b) <= 0 ? a : b);
const qMax = (a: Q, b: Q): Q => (qCmp(a, b) >= 0 ? a : b);
const ONE = qInt(1);
const HUNDRED = qInt(100);

/** A closed interval, or half-open at the top (a truncated figure). */
export type Interval = { readonly lo: Q; readonly hi: Q; readonly hiOpen?: boolean };
const point = (q: Q): Interval => ({ lo: q, hi: q });

const iAdd = (a: Interval, b: Interval): Interval => ({ lo: qAdd(a.lo, b.lo), hi: qAdd(a.hi, b.hi), hiOpen: !!a.hiOpen || !!b.hiOpen });
const iSub = (a: Interval, b: Interval): Interval => ({ lo: qSub(a.lo, b.hi), hi: qSub(a.hi, b.lo), hiOpen: false });
function iMul(a: Interval, b: Interval): Interval {
  const c = [qMul(a.lo, b.lo), qMul(a.lo, b.hi), qMul(a.hi, b.lo), qMul(a.hi, b.hi)];
  return { lo: c.reduce(qMin), hi: c.reduce(qMax) };
}
/** a ÷ b; null when b may be 0. */
function iDiv(a: Interval, b: Interval): Interval | null {
  if (qCmp(b.lo, qInt(0)) <= 0 && qCmp(b.hi, qInt(0)) >= 0) return null;
  const c = [qDiv(a.lo, b.lo), qDiv(a.lo, b.hi), qDiv(a.hi, b.lo), qDiv(a.hi, b.hi)] as Q[];
  return { lo: c.reduce(qMin), hi: c.reduce(qMax) };
}
const iMinWith = (a: Interval, b: Interval): Interval => ({ lo: qMin(a.lo, b.lo), hi: qMin(a.hi, b.hi) });
const iScale = (a: Interval, k: Q): Interval => iMul(a, point(k));

/** Do two intervals share a value? */
export function meet(a: Interval, b: Interval): boolean {
  const c1 = qCmp(a.lo, b.hi);
  const c2 = qCmp(b.lo, a.hi);
  const lowOk = c1 < 0 || (c1 === 0 && !b.hiOpen);
  const highOk = c2 < 0 || (c2 === 0 && !a.hiOpen);
  return lowOk && highOk;
}

/** Kinds whose figures are all assigned, not measured: scores and points add up exactly. */
const ALL_EXACT = new Set<Relation['kind']>(['score-sum', 'cap', 'count', 'year']);

/** Where a figure is written: figures read by two extractors from the same place are one figure. */
export const figureKey = (f: Figure): string =>
  f.cell ? `${f.line}|${f.cell.table}:${f.cell.row}:${f.cell.col}|${f.written}` : `${f.line}|${f.written}`;

/** Substituted values of figures (by `figureKey`), used when localizing. */
export type Values = ReadonlyMap<string, Dec>;

/** The interval a figure stands for in a relation, with `values` substituting its value. */
export function intervalOf(r: Relation, f: Figure, values?: Values): Interval {
  const substituted = values?.get(figureKey(f));
  const v = fromDec(substituted ?? f.value);
  if (f.exact || ALL_EXACT.has(r.kind)) return point(v);
  const scale = (substituted ?? f.value).scale;
  const ulp = mk(1n, 10n ** BigInt(scale));
  if (f.truncated) return { lo: v, hi: qAdd(v, ulp), hiOpen: true };
  const half = f.tolerance && !substituted ? fromDec(f.tolerance) : qMul(ulp, mk(1n, 2n));
  return { lo: qSub(v, half), hi: qAdd(v, half) };
}

/** Every figure of a relation, with its role. */
export function figuresOf(r: Relation): { readonly role: string; readonly figure: Figure }[] {
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return [{ role: 'total', figure: r.total }, ...r.parts.map((p) => ({ role: 'part', figure: p }))];
    case 'rate':
      return [{ role: 'rate', figure: r.rate }, { role: 'numerator', figure: r.numerator }, { role: 'denominator', figure: r.denominator }];
    case 'growth':
      return [{ role: 'rate', figure: r.rate }, { role: 'current', figure: r.current }, { role: 'previous', figure: r.previous }];
    case 'difference':
      return [{ role: 'result', figure: r.result }, { role: 'minuend', figure: r.minuend }, { role: 'subtrahend', figure: r.subtrahend }];
    case 'product': {
      const out = [{ role: 'result', figure: r.result as Figure }, ...r.factors.map((f) => ({ role: 'factor', figure: f as Figure }))];
      if (r.cap && !r.factors.includes(r.cap as Figure & { percent?: boolean })) out.push({ role: 'cap', figure: r.cap });
      return out;
    }
    case 'cap':
      return [{ role: 'score', figure: r.score }, { role: 'points', figure: r.points }];
    case 'grade':
      return [{ role: 'score', figure: r.score }];
    case 'count':
      return [{ role: 'count', figure: r.count }];
    case 'equal':
    case 'unit':
      return [{ role: 'a', figure: r.a }, { role: 'b', figure: r.b }];
    case 'year':
      return [{ role: 'year', figure: r.year }];
  }
}

const sameFigure = (a: Figure, b: Figure): boolean => a === b || figureKey(a) === figureKey(b);

/** Is some proper selection (one or more) of the parts equal to the total? Over 12 parts: each single part and all but one. */
function someSubsetMeets(total: Interval, parts: readonly Interval[]): boolean {
  const n = parts.length;
  if (n <= 12) {
    for (let mask = 1; mask < (1 << n) - 1; mask++) {
      let s: Interval | null = null;
      for (let i = 0; i < n; i++) if ((mask & (1 << i)) !== 0) s = s ? iAdd(s, parts[i] as Interval) : (parts[i] as Interval);
      if (s && meet(total, s)) return true;
    }
    return false;
  }
  const all = parts.reduce(iAdd);
  return parts.some((p) => meet(total, p) || meet(total, iSub(all, p)));
}

function gradeBand(r: Extract<Relation, { kind: 'grade' }>): Interval | null {
  const at = r.bands.findIndex((b) => b.grade === r.grade.text);
  const band = r.bands[at];
  if (!band) return null;
  const above = r.bands[at - 1];
  return above ? { lo: fromDec(band.min), hi: fromDec(above.min), hiOpen: true } : { lo: fromDec(band.min), hi: qInt(1e12) };
}

/** The verdict of a relation, optionally with some figures' values substituted. */
export function evaluateRelation(r: Relation, values?: Values): Verdict {
  const v = (f: Figure): Interval => intervalOf(r, f, values);
  const verdict = (ok: boolean): Verdict => (ok ? 'holds' : 'violated');
  switch (r.kind) {
    case 'sum':
    case 'score-sum': {
      if (r.parts.length === 0) return 'not-evaluable';
      const total = v(r.total);
      const parts = r.parts.map(v);
      const all = parts.reduce(iAdd);
      if (meet(total, all)) return 'holds';
      if (r.kind === 'sum' && r.partial) {
        // a list that may leave parts out: wrong only when the parts exceed the total and no selection makes it
        if (qCmp(all.lo, total.hi) <= 0) return 'holds';
        return verdict(someSubsetMeets(total, parts));
      }
      return 'violated';
    }
    case 'rate': {
      const q = iDiv(v(r.numerator), v(r.denominator));
      if (!q) return 'not-evaluable';
      return verdict(meet(v(r.rate), iScale(q, qInt(r.factor ?? 100))));
    }
    case 'growth': {
      const ratio = iDiv(v(r.current), v(r.previous));
      if (!ratio) return 'not-evaluable';
      const change = r.decrease ? iSub(point(ONE), ratio) : iSub(ratio, point(ONE));
      return verdict(meet(v(r.rate), iScale(change, HUNDRED)));
    }
    case 'difference':
      return verdict(meet(v(r.result), iSub(v(r.minuend), v(r.subtrahend))));
    case 'product': {
      const factorOf = (f: Figure & { percent?: boolean }): Interval => (f.percent ? iScale(v(f), mk(1n, 100n)) : v(f));
      const cap = r.cap;
      const capAt = cap ? r.factors.findIndex((f) => sameFigure(f, cap)) : -1;
      let right: Interval;
      if (cap && capAt >= 0) {
        // min(p, p × x) = p × min(1, x): the cap is one of the factors, taken once
        const others = r.factors.filter((_, i) => i !== capAt).map(factorOf);
        const rest = others.length > 0 ? others.reduce(iMul) : point(ONE);
        right = iMul(factorOf(r.factors[capAt] as Figure), iMinWith(point(ONE), rest));
      } else {
        right = r.factors.map(factorOf).reduce(iMul);
        if (cap) right = iMinWith(v(cap), right);
      }
      return verdict(meet(v(r.result), right));
    }
    case 'cap': {
      const s = v(r.score);
      const p = v(r.points);
      return verdict(qCmp(s.lo, p.hi) <= 0);
    }
    case 'grade': {
      const band = gradeBand(r);
      if (!band) return 'not-evaluable';
      return verdict(meet(v(r.score), band));
    }
    case 'count': {
      const c = v(r.count);
      return verdict(meet(c, point(qInt(r.items.length))));
    }
    case 'equal':
      return verdict(meet(v(r.a), v(r.b)));
    case 'unit':
      return verdict(meet(v(r.a), iScale(v(r.b), qInt(10000))));
    case 'year':
      return verdict(qCmp(fromDec(values?.get(figureKey(r.year)) ?? r.year.value), qInt(r.evaluatedYear)) === 0);
  }
}

/** A rational as a `Dec` rounded half-up to `scale` decimals. */
export function toDec(q: Q, scale: number): Dec {
  const p = 10n ** BigInt(scale);
  const num = q.n * p;
  const neg = num < 0n;
  const a = neg ? -num : num;
  let whole = a / q.d;
  if ((a % q.d) * 2n >= q.d) whole += 1n;
  return { units: Number(neg ? -whole : whole), scale };
}

/** The exact value of a figure as written (or substituted). */
const valueOf = (f: Figure, values?: Values): Q => fromDec(values?.get(figureKey(f)) ?? f.value);

/**
 * The value a figure should have for the relation to hold with every other figure as written (exact, not
 * yet rounded to the figure's precision); null when the relation does not fix it (a capped product's factor,
 * a partial sum's part).
 */
export function solveFor(r: Relation, target: Figure, values?: Values): Q | null {
  const val = (f: Figure): Q => valueOf(f, values);
  const sumOf = (fs: readonly Figure[]): Q => fs.map(val).reduce(qAdd, qInt(0));
  switch (r.kind) {
    case 'sum':
    case 'score-sum': {
      if (sameFigure(target, r.total)) return sumOf(r.parts);
      const at = r.parts.findIndex((p) => sameFigure(p, target));
      if (at < 0) return null;
      return qSub(val(r.total), sumOf(r.parts.filter((_, i) => i !== at)));
    }
    case 'rate': {
      const k = qInt(r.factor ?? 100);
      if (sameFigure(target, r.rate)) {
        const q = qDiv(val(r.numerator), val(r.denominator));
        return q ? qMul(q, k) : null;
      }
      if (sameFigure(target, r.numerator)) {
        const q = qDiv(qMul(val(r.rate), val(r.denominator)), k);
        return q;
      }
      if (sameFigure(target, r.denominator)) {
        const rate = val(r.rate);
        return qDiv(qMul(val(r.numerator), k), rate);
      }
      return null;
    }
    case 'growth': {
      const sign = r.decrease ? -1n : 1n;
      if (sameFigure(target, r.rate)) {
        const ratio = qDiv(val(r.current), val(r.previous));
        if (!ratio) return null;
        const change = qMul(qSub(ratio, ONE), HUNDRED);
        return sign === 1n ? change : mk(-change.n, change.d);
      }
      // 1 + sign × rate/100
      const m = qAdd(ONE, qMul(mk(sign, 1n), qDiv(val(r.rate), HUNDRED) as Q));
      if (sameFigure(target, r.current)) return qMul(val(r.previous), m);
      if (sameFigure(target, r.previous)) return qDiv(val(r.current), m);
      return null;
    }
    case 'difference':
      if (sameFigure(target, r.result)) return qSub(val(r.minuend), val(r.subtrahend));
      if (sameFigure(target, r.minuend)) return qAdd(val(r.result), val(r.subtrahend));
      if (sameFigure(target, r.subtrahend)) return qSub(val(r.minuend), val(r.result));
      return null;
    case 'product': {
      if (!sameFigure(target, r.result)) {
        if (r.cap) return null;
        const at = r.factors.findIndex((f) => sameFigure(f, target));
        if (at < 0) return null;
        let rest = ONE;
        for (const [i, f] of r.factors.entries()) if (i !== at) rest = qMul(rest, f.percent ? qMul(val(f), mk(1n, 100n)) : val(f));
        const x = qDiv(val(r.result), rest);
        return x && r.factors[at]?.percent ? qMul(x, HUNDRED) : x;
      }
      let p = ONE;
      for (const f of r.factors) p = qMul(p, f.percent ? qMul(val(f), mk(1n, 100n)) : val(f));
      return r.cap ? qMin(p, val(r.cap)) : p;
    }
    case 'cap':
      if (sameFigure(target, r.score)) return val(r.points);
      if (sameFigure(target, r.points)) return val(r.score);
      return null;
    case 'count':
      return qInt(r.items.length);
    case 'equal':
      return sameFigure(target, r.a) ? val(r.b) : val(r.a);
    case 'unit':
      return sameFigure(target, r.a) ? qMul(val(r.b), qInt(10000)) : (qDiv(val(r.a), qInt(10000)) as Q);
    case 'year':
      return qInt(r.evaluatedYear);
    case 'grade':
      return null;
  }
}

/** The grade the score's band gives (for a violated grade relation). */
export function expectedGrade(r: Extract<Relation, { kind: 'grade' }>): string | null {
  const s = fromDec(r.score.value);
  for (const b of r.bands) if (qCmp(s, fromDec(b.min)) >= 0) return b.grade;
  return r.bands.at(-1)?.grade ?? null;
}

export { sameFigure };

/**
 * Exact arithmetic for the corpus' measure, independent of `@jixiao/core`'s `Dec` on purpose: a bug in the
 * audit's decimals must not hide in the yardstick it is measured with. Values are BigInt rationals; a
 * written figure stands for an interval (v ± ½·10⁻ᵈ, or [v, v + 10⁻ᵈ) where the unit truncates, or the point
 * v where it is exact), and a relation holds when its intervals meet (XBRL Calculations 1.1).
 * @module
 */

/** A rational number n/d, d > 0, in lowest terms. */
export type Q = { readonly n: bigint; readonly d: bigint };

const abs = (x: bigint): bigint => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function q(n: bigint | number, d: bigint | number = 1n): Q {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('分母为零');
  if (dd < 0n) [nn, dd] = [-nn, -dd];
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = q(0);
export const ONE = q(1);
export const HUNDRED = q(100);
export const add = (a: Q, b: Q): Q => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const eq = (a: Q, b: Q): boolean => cmp(a, b) === 0;
export const min = (a: Q, b: Q): Q => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q): Q => (cmp(a, b) >= 0 ? a : b);
/** 10⁻ᵈ */
export const unitOf = (decimals: number): Q => q(1n, 10n ** BigInt(decimals));

/** A decimal string ("-12.50", "1e-7" is not accepted) as an exact rational. */
export function parseDecimal(s: string): Q {
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/u.exec(s);
  if (!m) throw new RangeError(`不是十进制数：${s}`);
  const frac = m[3] ?? '';
  const v = q(BigInt(`${m[2]}${frac}`), 10n ** BigInt(frac.length));
  return m[1] === '-' ? q(-v.n, v.d) : v;
}

/** A JSON number as the decimal it prints as (15.18 → 1518/100): the audit's figures are short decimals. */
export function fromNumber(x: number): Q {
  if (!Number.isFinite(x)) throw new RangeError(`不是有限数：${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/u.exec(s);
  if (!m) throw new RangeError(`无法读取数：${s}`);
  const frac = m[3] ?? '';
  let v = q(BigInt(`${m[2]}${frac}`), 10n ** BigInt(frac.length));
  const e = Number(m[4] ?? 0);
  v = e >= 0 ? mul(v, q(10n ** BigInt(e))) : div(v, q(10n ** BigInt(-e)));
  return m[1] === '-' ? q(-v.n, v.d) : v;
}

/** Exact decimal text of a rational with at most `decimals` places, rounded half away from zero. */
export function show(x: Q, decimals = 6): string {
  const scale = 10n ** BigInt(decimals);
  const neg = x.n < 0n;
  const num = abs(x.n) * scale * 2n + x.d;
  const units = num / (2n * x.d);
  const int = units / scale;
  let frac = (units % scale).toString().padStart(decimals, '0').replace(/0+$/u, '');
  if (decimals === 0) frac = '';
  return `${neg && units !== 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Written figures

const FULL_WIDTH = /[０-９．，－]/gu;
const CN_DIGIT: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** Characters of a Chinese numeral (counts and years). */
export const CN_NUMERAL = /^[〇零一二两三四五六七八九十百千]+$/u;

/** 十二 → 12, 二十 → 20, 一百零五 → 105, 二〇二二 → 2022 (digit by digit when there is no 十/百/千). */
export function parseChineseNumeral(s: string): number {
  if (!CN_NUMERAL.test(s)) throw new RangeError(`不是中文数字：${s}`);
  if (!/[十百千]/u.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    const unit = CN_UNIT[c];
    if (unit === undefined) digit = CN_DIGIT[c] ?? 0;
    else {
      total += (digit || 1) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

/** A figure as written: its value, its number of decimals, and whether its text was well formed. */
export type Written = { readonly value: Q; readonly decimals: number };

/**
 * "17,485.15", "１２３．４", "-3.5", "十二": the value and the decimals written. Thousands separators (`,` or
 * `，`) must group by three; anything else is an error (the label's text is then not a figure).
 */
export function parseWritten(text: string): Written {
  if (CN_NUMERAL.test(text)) return { value: q(parseChineseNumeral(text)), decimals: 0 };
  const ascii = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/−/gu, '-');
  const m = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u.exec(ascii);
  if (!m) throw new RangeError(`不是写出的数字：「${text}」`);
  const decimals = (m[3] ?? '').length;
  return { value: parseDecimal(`${m[1]}${(m[2] ?? '').replace(/,/gu, '')}${m[3] ? `.${m[3]}` : ''}`), decimals };
}

// ---------------------------------------------------------------------------------------------------------
// Intervals

/** A real interval; `loOpen`/`hiOpen` where an end is excluded (the top of a truncation interval). */
export type Interval = { readonly lo: Q; readonly hi: Q; readonly loOpen?: boolean; readonly hiOpen?: boolean };

export const point = (v: Q): Interval => ({ lo: v, hi: v });
/** A rounded figure: v ± ½·10⁻ᵈ (closed, as XBRL). */
export const rounded = (w: Written): Interval => {
  const half = q(1n, 2n * 10n ** BigInt(w.decimals));
  return { lo: sub(w.value, half), hi: add(w.value, half) };
};
/** A truncated figure: [v, v + 10⁻ᵈ). */
export const truncated = (w: Written): Interval => ({ lo: w.value, hi: add(w.value, unitOf(w.decimals)), hiOpen: true });

export function iAdd(a: Interval, b: Interval): Interval {
  return { lo: add(a.lo, b.lo), hi: add(a.hi, b.hi), loOpen: !!(a.loOpen || b.loOpen), hiOpen: !!(a.hiOpen || b.hiOpen) };
}
export function iNeg(a: Interval): Interval {
  return { lo: q(-a.hi.n, a.hi.d), hi: q(-a.lo.n, a.lo.d), loOpen: !!a.hiOpen, hiOpen: !!a.loOpen };
}
export const iSub = (a: Interval, b: Interval): Interval => iAdd(a, iNeg(b));

type End = { v: Q; open: boolean };
function hull(ends: readonly End[]): Interval {
  let lo = ends[0] as End;
  let hi = ends[0] as End;
  for (const e of ends) {
    const l = cmp(e.v, lo.v);
    if (l < 0 || (l === 0 && !e.open)) lo = e;
    const h = cmp(e.v, hi.v);
    if (h > 0 || (h === 0 && !e.open)) hi = e;
  }
  return { lo: lo.v, hi: hi.v, loOpen: lo.open, hiOpen: hi.open };
}

export function iMul(a: Interval, b: Interval): Interval {
  const ends: End[] = [];
  for (const [x, xo] of [[a.lo, !!a.loOpen], [a.hi, !!a.hiOpen]] as const) {
    for (const [y, yo] of [[b.lo, !!b.loOpen], [b.hi, !!b.hiOpen]] as const) {
      const v = mul(x, y);
      // a product with a zero end is reached exactly when that end is (0 × anything = 0)
      ends.push({ v, open: (xo && !(y.n === 0n && !yo)) || (yo && !(x.n === 0n && !xo)) });
    }
  }
  return hull(ends);
}

/** Whether 0 is inside the interval. */
export const containsZero = (a: Interval): boolean => inside(ZERO, a);

export function iDiv(a: Interval, b: Interval): Interval | null {
  if (containsZero(b)) return null;
  const inv: Interval = { lo: div(ONE, b.hi), hi: div(ONE, b.lo), loOpen: !!b.hiOpen, hiOpen: !!b.loOpen };
  return iMul(a, inv);
}

/** min(a, b) over independent values. */
export function iMin(a: Interval, b: Interval): Interval {
  const loA = cmp(a.lo, b.lo);
  const hiA = cmp(a.hi, b.hi);
  return {
    lo: loA <= 0 ? a.lo : b.lo,
    loOpen: loA < 0 ? !!a.loOpen : loA > 0 ? !!b.loOpen : !!(a.loOpen && b.loOpen),
    hi: hiA <= 0 ? a.hi : b.hi,
    hiOpen: hiA < 0 ? !!a.hiOpen : hiA > 0 ? !!b.hiOpen : !!(a.hiOpen || b.hiOpen),
  };
}

export function inside(v: Q, a: Interval): boolean {
  const l = cmp(v, a.lo);
  const h = cmp(v, a.hi);
  return (l > 0 || (l === 0 && !a.loOpen)) && (h < 0 || (h === 0 && !a.hiOpen));
}

/** Whether two intervals share a point. */
export function meet(a: Interval, b: Interval): boolean {
  const x = cmp(a.lo, b.hi);
  if (x > 0 || (x === 0 && (a.loOpen || b.hiOpen))) return false;
  const y = cmp(b.lo, a.hi);
  return !(y > 0 || (y === 0 && (b.loOpen || a.hiOpen)));
}

export const scale = (a: Interval, k: Q): Interval => iMul(a, point(k));

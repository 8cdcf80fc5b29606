/**
 * Exact decimals that remember how they were written.
 *
 * Money in 万元 with two decimals, rates in percent, counts and scores are all kept as a scaled integer
 * (`units / 10^scale`), never as a float in arithmetic. `scale` is the written precision: "17,485.15" has
 * scale 2, "100" scale 0. Rounded comparisons follow the interval method of XBRL Calculations 1.1: a value
 * written with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].
 *
 * Reference: DOMAIN.md "Amounts are 万元 with two decimals …"; XBRL Calculations 1.1 (2023).
 * @module
 */

export type Dec = { readonly units: number; readonly scale: number };

export const RoundingMode = {
  halfUp: 'halfUp',
  halfEven: 'halfEven',
  truncate: 'truncate',
} as const;
export type RoundingMode = (typeof RoundingMode)[keyof typeof RoundingMode];

const MAX_SCALE = 8;
const POW10: readonly number[] = Array.from({ length: 17 }, (_, i) => 10 ** i);
const pow10 = (n: number): number => POW10[n] ?? 10 ** n;

export const dec = (units: number, scale = 0): Dec => ({ units, scale });
export const ZERO: Dec = dec(0, 0);

/** Placeholders that mean "nothing written": blank, full-width space, dashes, slashes, ellipses. */
const PLACEHOLDER = /^[\s\u3000\u00a0]*(?:[-—–－―/／\\…．.·]+|无|空)?[\s\u3000\u00a0]*$/u;

export const isPlaceholder = (text: string): boolean => PLACEHOLDER.test(text);

const FULL_WIDTH_DIGITS = /[０-９．，－＋％]/gu;
const toHalfWidth = (s: string): string =>
  s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const NUMBER_TEXT = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/u;

/**
 * Text of ASCII digits, signs, points and commas only (most numbers parsed): there is no full-width unit
 * or blank to replace before matching, so the two replacements can be skipped.
 */
function isAsciiNumberText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x30 || c > 0x39) && c !== 0x2c && c !== 0x2e && c !== 0x2b && c !== 0x2d) return false;
  }
  return true;
}

/**
 * Parses a written number: thousands separators, full-width digits, surrounding blanks.
 * Returns null for text that is not exactly one number (a placeholder, a word, two numbers).
 */
export function parseDec(input: string | number): Dec | null {
  if (typeof input === 'number') return fromNumber(input);
  const text = isAsciiNumberText(input) ? input : toHalfWidth(input).replace(/[\s\u3000\u00a0]/gu, '');
  const match = NUMBER_TEXT.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const digits = fraction.slice(0, MAX_SCALE);
  const units = Number((whole.includes(',') ? whole.replace(/,/gu, '') : whole) + digits);
  if (!Number.isSafeInteger(units)) return null;
  return dec(sign === '-' ? -units : units, digits.length);
}

/** A JS number as written in JSON: its shortest decimal representation fixes the scale. */
export function fromNumber(value: number): Dec | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  if (/e/iu.test(text)) {
    const fixed = value.toFixed(MAX_SCALE).replace(/0+$/u, '').replace(/\.$/u, '');
    return parseDec(fixed);
  }
  return parseDec(text);
}

const constants = new Map<number, Dec>();
/** A number from a scheme or a rule (10, 0.8, 1.2) as an exact decimal; memoised. */
export function constant(value: number): Dec {
  let d = constants.get(value);
  if (!d) {
    d = fromNumber(value) ?? ZERO;
    if (constants.size < 10_000) constants.set(value, d);
  }
  return d;
}

export const toNumber = (d: Dec): number => d.units / pow10(d.scale);

/** Rescales without rounding (only to a finer or equal scale). */
function rescale(d: Dec, scale: number): number {
  return d.scale === scale ? d.units : d.units * pow10(scale - d.scale);
}

export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return dec(rescale(a, scale) + rescale(b, scale), scale);
}

export function sub(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return dec(rescale(a, scale) - rescale(b, scale), scale);
}

export const neg = (a: Dec): Dec => dec(-a.units, a.scale);

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const eq = (a: Dec, b: Dec): boolean => cmp(a, b) === 0;
export const isZero = (a: Dec): boolean => a.units === 0;
export const min = (a: Dec, b: Dec): Dec => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Dec, b: Dec): Dec => (cmp(a, b) >= 0 ? a : b);
export const abs = (a: Dec): Dec => (a.units < 0 ? neg(a) : a);

/** Integer division of bigints with a rounding mode (denominator > 0). */
function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  const r = n % d;
  if (mode !== 'truncate' && r !== 0n) {
    const twice = r * 2n;
    if (twice > d || (twice === d && (mode === 'halfUp' || q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

/** a / b × factor, rounded to `scale` decimals. Null when b is zero. */
export function divide(a: Dec, b: Dec, scale: number, mode: RoundingMode = 'halfUp', factor = 1): Dec | null {
  if (b.units === 0) return null;
  // a/b = (a.units / 10^as) / (b.units / 10^bs); result units = a/b × factor × 10^scale
  const numerator = BigInt(a.units) * BigInt(factor) * 10n ** BigInt(scale + b.scale);
  const denominator = BigInt(b.units) * 10n ** BigInt(a.scale);
  return dec(Number(divRound(numerator, denominator, mode)), scale);
}

/** a × b: exact up to 10 decimals, rounded half-up beyond. */
export function multiply(a: Dec, b: Dec): Dec {
  const scale = a.scale + b.scale;
  const units = a.units * b.units;
  if (scale <= 10 && Number.isSafeInteger(units)) return dec(units, scale);
  const exact = BigInt(a.units) * BigInt(b.units);
  const target = Math.min(scale, 10);
  return dec(Number(divRound(exact, 10n ** BigInt(scale - target), 'halfUp')), target);
}

/** Rounds to `scale` decimals with a mode; a finer scale just rescales. */
export function round(a: Dec, scale: number, mode: RoundingMode = 'halfUp'): Dec {
  if (a.scale <= scale) return dec(rescale(a, scale), scale);
  const q = divRound(BigInt(a.units), 10n ** BigInt(a.scale - scale), mode);
  return dec(Number(q), scale);
}

/** Drops trailing zeros of the fraction (for display of computed values). */
export function normalize(a: Dec): Dec {
  let { units, scale } = a;
  while (scale > 0 && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  return dec(units, scale);
}

/**
 * Formats with thousands separators and exactly `decimals` decimals (default: the written precision).
 * @example format(dec(1748515, 2)) === '17,485.15'
 */
export function format(a: Dec, decimals = a.scale, grouping = true): string {
  const r = round(a, decimals);
  const negative = r.units < 0;
  const digits = String(Math.abs(r.units)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',') : whole;
  return `${negative ? '-' : ''}${grouped}${decimals > 0 ? `.${fraction}` : ''}`;
}

/** Half the last written unit, at `scale` (which must be > d.scale to be exact). */
const halfUlp = (d: Dec, scale: number): number => 5 * pow10(scale - d.scale - 1);

/**
 * Interval consistency (XBRL Calculations 1.1): can `total` and Σ `parts`, each read as the interval of
 * its written precision, be equal? Exact values (`exact: true`) count as points.
 */
export function sumConsistent(total: Dec, parts: readonly Dec[], exactParts = false): boolean {
  const all = [total, ...parts];
  const scale = Math.max(...all.map((d) => d.scale)) + 1;
  let partSum = 0;
  let partHalf = 0;
  for (const p of parts) {
    partSum += rescale(p, scale);
    if (!exactParts) partHalf += halfUlp(p, scale);
  }
  return Math.abs(rescale(total, scale) - partSum) <= halfUlp(total, scale) + partHalf;
}

/** Can a written value and an exact value be equal, given the written precision? */
export function writtenMatches(written: Dec, exact: Dec): boolean {
  const scale = Math.max(written.scale, exact.scale) + 1;
  return Math.abs(rescale(written, scale) - rescale(exact, scale)) <= halfUlp(written, scale);
}

/**
 * Is a written rate consistent with numerator / denominator, all three read as intervals?
 * `factor` is 100 for a percentage. The interval of the quotient is bounded by its extreme corners.
 */
export function ratioConsistent(rate: Dec, numerator: Dec, denominator: Dec, factor = 100): boolean {
  const half = (d: Dec): number => 0.5 / pow10(d.scale);
  const n = toNumber(numerator);
  const d = toNumber(denominator);
  const nLow = n - half(numerator);
  const nHigh = n + half(numerator);
  const dLow = d - half(denominator);
  const dHigh = d + half(denominator);
  if (dLow <= 0 && dHigh >= 0) return true; // denominator could be zero: no conclusion
  const corners = [nLow / dLow, nLow / dHigh, nHigh / dLow, nHigh / dHigh].map((x) => x * factor);
  const low = Math.min(...corners);
  const high = Math.max(...corners);
  const r = toNumber(rate);
  const tolerance = half(rate) + 1e-9;
  return r + tolerance >= low && r - tolerance <= high;
}

/**
 * Comparing written figures with the interval method (XBRL Calculations 1.1): a figure written with d
 * decimals stands for v ± ½·10⁻ᵈ, and two statements disagree only when their intervals cannot meet.
 * Money converted from 亿元 keeps the coarseness of what was written (`tolerance`).
 * @module
 */
import { type Dec, abs, add, cmp, dec, format, normalize, sub, sum, toNumber, ZERO } from '@jixiao/core';
import type { Fact } from './types.ts';

/** Half the last written unit of a value. */
export const halfUnit = (d: Dec): Dec => dec(5, d.scale + 1);

type Figure = Pick<Fact, 'value'> & Partial<Pick<Fact, 'tolerance' | 'kind'>>;

/**
 * Half the last written unit of a figure, in its unit. Counts and scores are exact: 644人 is not 644.4,
 * and a total score is the sum of the scores as given.
 */
export const halfOf = (f: Figure): Dec =>
  f.tolerance ?? (f.kind === 'count' || f.kind === 'score' ? ZERO : halfUnit(f.value));

/** Can `stated` equal the sum of `parts`, all read as intervals? */
export function sumMatches(stated: Figure, parts: readonly Figure[]): boolean {
  const difference = abs(sub(stated.value, sum(parts.map((p) => p.value))));
  const slack = add(halfOf(stated), sum(parts.map(halfOf)));
  return cmp(difference, slack) <= 0;
}

/** Can two statements of one figure be the same figure? */
export const sameFigure = (a: Figure, b: Figure): boolean => sumMatches(a, [b]);

/** Can `stated` equal a − b? */
export function differenceMatches(stated: Figure, a: Figure, b: Figure): boolean {
  const difference = abs(sub(stated.value, sub(a.value, b.value)));
  const slack = add(add(halfOf(stated), halfOf(a)), halfOf(b));
  return cmp(difference, slack) <= 0;
}

/**
 * Can a stated rate (percent) equal numerator / denominator? Like the core's `ratioConsistent`, with the
 * quotient bounded by the corners of the terms' intervals — but counts are exact (60件 / 64件).
 */
export function rateMatches(rate: Figure, numerator: Figure, denominator: Figure): boolean {
  const n = toNumber(numerator.value);
  const d = toNumber(denominator.value);
  const hn = toNumber(halfOf(numerator));
  const hd = toNumber(halfOf(denominator));
  if (d - hd <= 0 && d + hd >= 0) return true; // the denominator could be zero: no conclusion
  const corners = [(n - hn) / (d - hd), (n - hn) / (d + hd), (n + hn) / (d - hd), (n + hn) / (d + hd)].map((x) => x * 100);
  const r = toNumber(rate.value);
  const slack = toNumber(halfOf(rate)) + 1e-9;
  return r + slack >= Math.min(...corners) && r - slack <= Math.max(...corners);
}

/** Shows a computed value with the precision of the figures it came from. */
export function show(value: Dec, decimals?: number): string {
  const d = decimals ?? normalize(value).scale;
  return format(value, Math.max(0, d));
}

/** The widest written precision among figures (for showing a sum of them). */
export const precisionOf = (figures: readonly Figure[]): number => Math.max(0, ...figures.map((f) => f.value.scale));

export const totalOf = (figures: readonly Figure[]): Dec => (figures.length === 0 ? ZERO : sum(figures.map((f) => f.value)));

/**
 * A change as the number that belongs in place of the stated figure, in the stated's own direction:
 * 「比上年增加」 with a rise of 15.18 → 15.18, with a fall of 15.18 → −15.18 (the word is the wrong one).
 */
export function inDirection(sign: 1 | -1, rises: boolean, magnitude: string): number {
  const value = shownNumber(magnitude);
  return (sign === 1) === rises ? value : -value;
}

/** A figure as `show` writes it ("1,883.31") as a JSON number (1883.31). */
export const shownNumber = (shown: string): number => Number(shown.replace(/,/gu, ''));

/**
 * Figures and relations for the relation tests, written as a report writes them.
 * @module
 */
import { parseDec } from '@jixiao/core';
import type { Figure } from './types.ts';

/** A figure from its written text ("1,253.40万元", "84.11%", "12个"); the value is the number as written. */
export function fig(written: string, line = 1, extra: Partial<Figure> = {}): Figure {
  const m = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/u.exec(written);
  const value = m ? parseDec(m[0]) : null;
  if (!value) throw new Error(`不是数字：${written}`);
  return { value, written, label: extra.label ?? written, line, ...extra };
}

/**
 * Small helpers shared by checks: showing numbers in messages, reporting numbers in findings, walking
 * relations of figures.
 * @module
 */
import { type Dec, format, normalize, toNumber } from '../decimal.ts';

/** A written figure as shown in a message: its written precision, thousands separators. */
export const showAmount = (d: Dec): string => format(d, d.scale);
/** A computed figure: trailing zeros dropped. */
export const showComputed = (d: Dec): string => {
  const n = normalize(d);
  return format(n, n.scale);
};
/** A number for a finding's `stated` / `expected`. */
export const num = (d: Dec): number => toNumber(d);

/** Reads a dotted path (a.b[2].c) of a plain object; undefined when absent. */
const segmentsOf = new Map<string, readonly string[]>();

export function getPath(root: unknown, path: string): unknown {
  let parts = segmentsOf.get(path);
  if (!parts) {
    parts = path.split(/\.|\[(\d+)\]/u).filter((p) => p !== undefined && p !== '');
    if (segmentsOf.size < 10_000) segmentsOf.set(path, parts);
  }
  let node: unknown = root;
  for (const part of parts) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export const isDec = (v: unknown): v is Dec =>
  typeof v === 'object' && v !== null && typeof (v as Dec).units === 'number' && typeof (v as Dec).scale === 'number';

/** The Dec at a path, or null. */
export function decAt(root: unknown, path: string): Dec | null {
  const v = getPath(root, path);
  return isDec(v) ? v : null;
}

export const isBlankText = (t: string | null | undefined): boolean => !t || /^[\s\u3000]*$/u.test(t);

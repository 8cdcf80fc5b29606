/**
 * Indicator names as people write them: "产出\n\n指标\n\n（50分）", "数量", "数量指标". Two names mean
 * the same group when their normalized forms are equal.
 * @module
 */
const BLANKS = /[\s\u3000\u00a0]+/gu;
const POINTS_SUFFIX = /[（(][^（()）]*分[^（()）]*[)）]$/u;

const cache = new Map<string, string>();

export function normalizeName(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const n = readName(name);
  if (cache.size >= 20_000) cache.clear();
  cache.set(name, n);
  return n;
}

function readName(name: string): string {
  let n = name.replace(BLANKS, '').replace(POINTS_SUFFIX, '');
  if (n.endsWith('指标') && n.length > 2) n = n.slice(0, -2);
  return n;
}

export const sameName = (a: string, b: string): boolean => normalizeName(a) === normalizeName(b);

/** Extracts the points written in a header like 产出指标（50分）. */
export function pointsInName(name: string): number | null {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/u.exec(name.replace(BLANKS, ''));
  return m?.[1] ? Number(m[1]) : null;
}

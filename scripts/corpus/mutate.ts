/**
 * Mutation testing on the corpus: from every relation that holds, mutants of the document with one
 * realistic slip in one of its figures — a digit changed, two adjacent digits swapped, the decimal point
 * shifted, a count ±1, a round amount off, a year ±1 — kept only when the slip breaks the relation beyond
 * rounding and no other reading of the text makes it hold again (for sums: no subset of the parts, the
 * mutated one included, meets the total; for rates: neither rounding nor truncation; for growth: neither
 * direction). Up to PER_RELATION mutants per relation are picked with a seeded generator, so a run is the
 * same on every machine and a document's mutants do not change when other documents are added.
 * @module
 */
import { goodRelations, type CorpusDocument } from './corpus.ts';
import { CN_NUMERAL, parseWritten, type Written } from './exact.ts';
import { locate } from './locate.ts';
import { figuresOf, withFigure, type Figure, type Relation } from './schema.ts';
import { isExact, verdictOf } from './verdict.ts';

export const SLIPS = ['digit', 'swap', 'point', 'count', 'round', 'year'] as const;
export type Slip = (typeof SLIPS)[number];

export const DEFAULT_SEED = 12;
export const PER_RELATION = 3;
/** Sums with more parts than this have only their single parts and the sums leaving one part out tried as other readings. */
export const MAX_SUBSET_PARTS = 12;

export type Mutant = {
  /** `<document>#<line>:<offset>:<new text>` — the same slip made from two relations is one mutant. */
  readonly id: string;
  readonly document: string;
  /** The relation it was made from (holding in the document). */
  readonly relation: Relation;
  readonly role: string;
  /** The figure as labelled (original text). */
  readonly figure: Figure;
  readonly line: number;
  readonly offset: number;
  readonly from: string;
  readonly to: string;
  readonly slip: Slip;
};

/** mulberry32 */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, for a per-relation seed. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const FULL0 = 0xff10;
const isFull = (c: string): boolean => c >= '０' && c <= '９';
const digitOf = (c: string): number => (isFull(c) ? c.charCodeAt(0) - FULL0 : c.charCodeAt(0) - 48);
const isDigit = (c: string): boolean => (c >= '0' && c <= '9') || isFull(c);
const digitLike = (d: number, like: string): string => (isFull(like) ? String.fromCharCode(FULL0 + d) : String(d));

/** Whether a figure text is well formed: no leading zero in a number of more than one integer digit, separators in threes. */
export function wellFormed(text: string): boolean {
  try {
    parseWritten(text);
  } catch {
    return false;
  }
  const ascii = text.replace(/[０-９]/gu, (c) => String(digitOf(c))).replace(/[，]/gu, ',').replace(/．/gu, '.');
  const int = ascii.replace(/^[-+]/u, '').split('.')[0]?.replace(/,/gu, '') ?? '';
  return !(int.length > 1 && int.startsWith('0'));
}

/** Groups the integer digits in threes with `sep`. */
function group(int: string, sep: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) out += (i > 0 && (int.length - i) % 3 === 0 ? sep : '') + (int[i] ?? '');
  return out;
}

/**
 * The slips of one figure's text: [new text, slip]. A count (of a `count` relation) is only one off, a year
 * only ±1; an exact integer elsewhere (points and scores of a scoring table, staff) may be one off as well as
 * take the other slips.
 */
export function slipsOf(text: string, kind: { count: boolean; year: boolean; exact?: boolean }): [string, Slip][] {
  if (CN_NUMERAL.test(text)) return [];
  const w = parseWritten(text);
  const out: [string, Slip][] = [];
  const chars = [...text];
  const isInteger = w.decimals === 0 && w.value.d === 1n;
  if (kind.year) {
    if (isInteger) for (const d of [-1n, 1n]) out.push([String(w.value.n + d), 'year']);
    return out;
  }
  if (kind.count || (kind.exact && isInteger)) {
    if (isInteger) for (const d of [-1n, 1n]) if (w.value.n + d >= 0n) out.push([String(w.value.n + d), 'count']);
    // a count is only ever one off; an exact figure of another relation (points, scores, staff) also takes the other slips
    if (kind.count) return out;
  }
  // a round amount off: 1,500 → 1,400 / 1,600 (the last non-zero digit of a round integer part ±1)
  const digits = chars.map((c, i) => ({ c, i })).filter((x) => isDigit(x.c));
  const pointAt = chars.findIndex((c) => c === '.' || c === '．');
  const intDigits = digits.filter((x) => pointAt < 0 || x.i < pointAt);
  const fracZero = digits.every((x) => (pointAt >= 0 && x.i > pointAt ? digitOf(x.c) === 0 : true));
  let trailing = 0;
  for (let k = intDigits.length - 1; k >= 0 && digitOf(intDigits[k]?.c ?? '1') === 0; k--) trailing++;
  if (fracZero && trailing >= 1 && trailing < intDigits.length) {
    const last = intDigits[intDigits.length - 1 - trailing];
    if (last) {
      for (const d of [-1, 1]) {
        const nd = digitOf(last.c) + d;
        if (nd < 0 || nd > 9) continue;
        const next = [...chars];
        next[last.i] = digitLike(nd, last.c);
        out.push([next.join(''), 'round']);
      }
    }
  }
  for (const x of digits) {
    for (let d = 0; d <= 9; d++) {
      if (d === digitOf(x.c)) continue;
      const next = [...chars];
      next[x.i] = digitLike(d, x.c);
      out.push([next.join(''), 'digit']);
    }
  }
  for (let k = 0; k + 1 < digits.length; k++) {
    const a = digits[k];
    const b = digits[k + 1];
    if (!a || !b || b.i !== a.i + 1 || a.c === b.c) continue;
    const next = [...chars];
    next[a.i] = b.c;
    next[b.i] = a.c;
    out.push([next.join(''), 'swap']);
  }
  if (pointAt >= 0) {
    const sep = chars.find((c) => c === ',' || c === '，');
    const point = chars[pointAt] as string;
    const sign = /^[-+]/u.test(text) ? (text[0] as string) : '';
    const all = digits.map((x) => x.c).join('');
    const p = intDigits.length;
    for (const np of [p - 1, p + 1]) {
      if (np < 1 || np >= all.length) continue;
      let int = all.slice(0, np);
      while (int.length > 1 && digitOf(int[0] as string) === 0) int = int.slice(1);
      out.push([`${sign}${sep && int.length > 3 ? group(int, sep) : int}${point}${all.slice(np)}`, 'point']);
    }
  }
  const seen = new Set<string>([text]);
  return out.filter(([t]) => (seen.has(t) ? false : (seen.add(t), wellFormed(t))));
}

/** Integers at a common scale, for the subset sums: centre and half-width in units of ½·10⁻ᴰ. */
function scaled(w: Written, exact: boolean, D: number): { c: bigint; h: bigint } {
  const unit = 2n * 10n ** BigInt(D);
  return { c: (w.value.n * unit) / w.value.d, h: exact ? 0n : 10n ** BigInt(D - w.decimals) };
}

/** Whether some subset of the parts other than all of them (one part or more) meets the total. */
export function subsetMeets(total: Figure, parts: readonly Figure[], kind: Relation['kind'] = 'sum'): boolean {
  const figures = [total, ...parts];
  const ws = figures.map((f) => parseWritten(f.text));
  const D = Math.max(...ws.map((w) => w.decimals));
  const [t, ...ps] = ws.map((w, i) => scaled(w, isExact({ kind }, figures[i] as Figure), D));
  if (!t) return false;
  const n = ps.length;
  const meets = (mask: number[]): boolean => {
    let c = 0n;
    let h = 0n;
    for (const i of mask) {
      c += ps[i]?.c ?? 0n;
      h += ps[i]?.h ?? 0n;
    }
    const gap = c > t.c ? c - t.c : t.c - c;
    return gap <= h + t.h;
  };
  if (n <= MAX_SUBSET_PARTS) {
    for (let m = 1; m < (1 << n) - 1; m++) {
      const mask: number[] = [];
      for (let i = 0; i < n; i++) if (m & (1 << i)) mask.push(i);
      if (meets(mask)) return true;
    }
    return false;
  }
  const idx = ps.map((_, i) => i);
  return idx.some((i) => meets([i]) || meets(idx.filter((j) => j !== i)));
}

/** Whether the relation with the figure of `role` written `to` is broken beyond rounding in every reading. */
export function breaks(r: Relation, year: number | null, role: string, figure: Figure, to: string): boolean {
  const mutated = withFigure(r, role, { ...figure, text: to });
  if (verdictOf(mutated, year) !== 'violated') return false;
  if (mutated.kind === 'rate') {
    const other = { ...mutated, rounding: mutated.rounding === 'truncate' ? ('round' as const) : ('truncate' as const) };
    if (verdictOf(other, year) !== 'violated') return false;
  }
  if (mutated.kind === 'growth') {
    const other = { ...mutated, direction: mutated.direction === 'decrease' ? ('increase' as const) : ('decrease' as const) };
    if (verdictOf(other, year) !== 'violated') return false;
  }
  if (mutated.kind === 'sum' || mutated.kind === 'score-sum') return !subsetMeets(mutated.total, mutated.parts, mutated.kind);
  return true;
}

/** The mutants of one document, in a stable order. */
export function mutantsOf(doc: CorpusDocument, seed = DEFAULT_SEED, perRelation = PER_RELATION): Mutant[] {
  const year = doc.labels?.evaluatedYear ?? null;
  const out: Mutant[] = [];
  const ids = new Set<string>();
  for (const r of goodRelations(doc)) {
    if (r.verdict !== 'holds') continue;
    const rnd = random(hash(`${seed}:${doc.id}:${r.id}`));
    const byKind = new Map<Slip, { role: string; figure: Figure; to: string; slip: Slip }[]>();
    for (const { role, figure } of figuresOf(r)) {
      const kind = { count: r.kind === 'count', year: r.kind === 'year', exact: isExact(r, figure) };
      for (const [to, slip] of slipsOf(figure.text, kind)) {
        const list = byKind.get(slip) ?? [];
        list.push({ role, figure, to, slip });
        byKind.set(slip, list);
      }
    }
    // round-robin over the kinds of slip (in a seeded order), each kind's candidates shuffled
    const queues = shuffle([...byKind.keys()].sort(), rnd).map((k) => shuffle(byKind.get(k) ?? [], rnd));
    let taken = 0;
    while (taken < perRelation && queues.some((qq) => qq.length > 0)) {
      for (const queue of queues) {
        if (taken >= perRelation) break;
        let c = queue.shift();
        while (c && !breaks(r, year, c.role, c.figure, c.to)) c = queue.shift();
        if (!c) continue;
        const at = locate(doc.lines, c.figure);
        if (typeof at === 'string') continue;
        const id = `${doc.id}#${at.line}:${at.offset}:${c.to}`;
        if (ids.has(id)) continue;
        ids.add(id);
        out.push({ id, document: doc.id, relation: r, role: c.role, figure: c.figure, line: at.line, offset: at.offset, from: c.figure.text, to: c.to, slip: c.slip });
        taken++;
      }
    }
  }
  return out;
}

/** The document's text with the mutant's one occurrence replaced. */
export function mutantText(text: string, m: Mutant): string {
  const lines = text.split('\n');
  const line = lines[m.line - 1] ?? '';
  lines[m.line - 1] = `${line.slice(0, m.offset)}${m.to}${line.slice(m.offset + m.from.length)}`;
  return lines.join('\n');
}

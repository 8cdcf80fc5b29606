/**
 * Which figure to report when relations fail (Fellegi–Holt): over all failed relations of a document, the
 * figure whose single change restores the most of them without breaking a relation that holds — the cell
 * that breaks its row total and its column total is one finding at that cell. Corrections within one
 * Damerau–Levenshtein edit of the written digits (a digit changed, two adjacent digits swapped, the decimal
 * point shifted, a digit dropped or inserted; a count ±1) that restore the relations are very likely the
 * true value (Scholtus 2009, `deducorrect`): such a figure is preferred, then the figure shared by the most
 * failed relations, then the relation's total / result / rate. Chosen changes are kept while localizing the
 * rest, so one wrong figure is blamed once.
 *
 * Reference: Fellegi & Holt (1976); Scholtus, "Automatic correction of simple typing errors in numerical
 * data with balance edits" (Statistics Netherlands, 2009); the R packages `errorlocate`, `deducorrect`.
 * @module
 */
import { type Dec, dec, toNumber } from '@jixiao/core';
import { evaluateRelation, figureKey, figuresOf, fromDec, qCmp, solveFor, toDec, type Values } from './evaluate.ts';
import type { Figure, Localized, Relation } from './types.ts';

/** The number written in a figure's text ("1,253.40万元" → 1,253.40), as digits and the place of its point. */
function writtenDigits(f: Figure): { digits: string; point: number; negative: boolean } | null {
  const text = f.written.replace(/[０-９．，－]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/u.exec(text);
  if (!m) return null;
  const whole = (m[2] ?? '').replace(/,/gu, '');
  const fraction = m[3] ?? '';
  return { digits: whole + fraction, point: whole.length, negative: m[1] === '-' };
}

const decOfDigits = (digits: string, point: number, negative: boolean): Dec | null => {
  if (digits === '' || point < 0 || point > digits.length) return null;
  const units = Number(digits);
  if (!Number.isSafeInteger(units)) return null;
  return dec(negative ? -units : units, digits.length - point);
};

/**
 * The power of ten between the written number and the figure's value (2026400元 read as 202.64万元 → −4),
 * or null when they differ otherwise.
 */
export function writtenShift(f: Figure): number | null {
  const w = writtenDigits(f);
  if (!w) return null;
  const written = decOfDigits(w.digits, w.point, w.negative);
  if (!written) return null;
  const a = fromDec(f.value);
  const b = fromDec(written);
  for (let k = -8; k <= 8; k++) {
    const scaled = k >= 0 ? { n: b.n * 10n ** BigInt(k), d: b.d } : { n: b.n, d: b.d * 10n ** BigInt(-k) };
    if (qCmp(a, scaled) === 0) return k;
  }
  return null;
}

/** A decimal times 10^k, exactly. */
export function shiftDec(d: Dec, k: number): Dec {
  if (k === 0) return d;
  if (k < 0) return dec(d.units, d.scale - k);
  if (k <= d.scale) return dec(d.units, d.scale - k);
  return dec(d.units * 10 ** (k - d.scale), 0);
}

/**
 * Values within one edit of the written digits, in the figure's value unit, each with the digits as
 * they would be written: every digit changed, adjacent digits swapped, the point moved by one, a digit
 * dropped or inserted; exact whole figures also ±1.
 */
export function oneEditValues(f: Figure, accept: (value: number) => boolean = () => true): { value: Dec; strong: boolean }[] {
  const w = writtenDigits(f);
  const shift = writtenShift(f);
  if (!w || shift === null) return [];
  const out = new Map<string, { value: Dec; strong: boolean }>();
  let strong = false;
  const add = (digits: string, point: number): void => {
    if (digits.length > 1 && digits[0] === '0' && point > 1) return;
    if (!accept((w.negative ? -1 : 1) * (Number(digits) / 10 ** (digits.length - point)) * 10 ** shift)) return;
    const d = decOfDigits(digits, point, w.negative);
    if (!d) return;
    const v = shiftDec(d, shift);
    const key = `${v.units}/${v.scale}`;
    if (!out.has(key) && !(d.units === 0 && w.digits !== '0')) out.set(key, { value: v, strong });
  };
  const { digits, point } = w;
  // strong evidence first (a total's digit can absorb a part's changed digit; a swap or a shifted point rarely)
  strong = true;
  for (let i = 0; i + 1 < digits.length; i++) {
    if (digits[i] !== digits[i + 1]) add(digits.slice(0, i) + (digits[i + 1] ?? '') + (digits[i] ?? '') + digits.slice(i + 2), point);
  }
  if (point > 1) add(digits, point - 1);
  if (point < digits.length) add(digits, point + 1);
  for (let i = 0; i < digits.length; i++) add(digits.slice(0, i) + digits.slice(i + 1), i < point ? point - 1 : point);
  for (let i = 0; i <= digits.length; i++) for (let c = 0; c <= 9; c++) add(digits.slice(0, i) + String(c) + digits.slice(i), i <= point ? point + 1 : point);
  strong = false;
  for (let i = 0; i < digits.length; i++) {
    for (let c = 0; c <= 9; c++) if (String(c) !== digits[i]) add(digits.slice(0, i) + String(c) + digits.slice(i + 1), point);
  }
  if (f.exact && point === digits.length) {
    const n = Number(digits);
    add(String(n + 1), String(n + 1).length);
    if (n > 0) add(String(n - 1), String(n - 1).length);
  }
  const self = `${f.value.units}/${f.value.scale}`;
  out.delete(self);
  return [...out.values()];
}

/**
 * Relations that only bound a figure (score ≤ points; the parts of a list that may be partial ≤ its total):
 * any value past the bound restores them, so a one-edit value that restores only these is no evidence of a
 * typo — an inserted digit (3 → 13 points) always "restores" a score over its points. Only the bound
 * itself counts as the likely true value.
 */
const isBound = (r: Relation): boolean => r.kind === 'cap' || (r.kind === 'sum' && !!r.partial);

/** Roles the relation is about, preferred when nothing else decides. */
const PRIMARY_ROLES = new Set(['total', 'result', 'rate', 'count', 'year', 'score']);

type Candidate = {
  readonly key: string;
  readonly figure: Figure;
  readonly value: Dec;
  readonly restored: readonly Relation[];
  /** 2: a swap, a shifted point, a digit dropped or inserted; 1: a digit changed, a count ±1; 0: no typo. */
  readonly typo: 0 | 1 | 2;
  readonly primary: boolean;
  /**
   * How many figures of the same role in the other rows of its kind (the other scores, the other points of a
   * table's score ≤ points rows; the other parts of a sum of points) are written with this figure's value, of
   * how many: a value unlike its column (a 4 among points of 5 and 10, a 3 among parts of 2) is the likelier
   * wrong one. Null where the figure has no such peers.
   */
  readonly peers: { readonly same: number; readonly of: number } | null;
  /**
   * How many figures outside the relations it restores are written with the corrected value, less how many
   * are written with this figure's value (see `attested`): the same quantity stated twice with nothing to
   * decide between them is decided by a third statement of it.
   */
  readonly attested: number;
};

/** Each figure's best change: more failed relations restored, then the likelier typo. */
const better = (a: Candidate, b: Candidate | undefined): boolean => {
  if (!b) return true;
  if (a.restored.length !== b.restored.length) return a.restored.length > b.restored.length;
  return a.typo > b.typo;
};

/** The candidate whose written value is shared by the fewest of its peers, when that decides (see `peers`). */
function rarest(candidates: readonly Candidate[]): Candidate | null {
  if (candidates.length < 2 || candidates.some((c) => !c.peers || c.peers.of < 2)) return null;
  const share = (c: Candidate): number => (c.peers ? c.peers.same / c.peers.of : 1);
  const sorted = [...candidates].sort((a, b) => share(a) - share(b));
  const [first, second] = sorted;
  return first && second && share(first) < share(second) ? first : null;
}

/**
 * Among the figures' best changes: the most failed relations restored; then the one figure whose change
 * is the likeliest typo — when two figures are equally likely typos (a changed digit of a part can as well
 * be absorbed by the total's digit) the typo decides nothing; then the relation's total / result / rate;
 * then the later figure.
 */
function choose(candidates: readonly Candidate[]): Candidate | null {
  const most = Math.max(0, ...candidates.map((c) => c.restored.length));
  const top = candidates.filter((c) => c.restored.length === most);
  const strongest = Math.max(0, ...top.map((c) => c.typo));
  const typos = top.filter((c) => c.typo === strongest);
  if (strongest > 0 && typos.length === 1) return typos[0] ?? null;
  // equally likely typos of one row's figures: the one whose value is unlike its column's is the wrong one
  const rare = rarest(typos);
  if (rare) return rare;
  // the one whose corrected value the document writes elsewhere more often than its written value
  const byAttestation = [...typos].sort((a, b) => b.attested - a.attested);
  const [first, second] = byAttestation;
  if (first && second && first.attested > 0 && first.attested > second.attested) return first;
  const pool = top.some((c) => c.primary) ? top.filter((c) => c.primary) : top;
  return [...pool].sort((a, b) => b.typo - a.typo || b.figure.line - a.figure.line)[0] ?? null;
}

/** The exact value the relation wants for the figure, at the figure's written precision (in value units). */
function solvedAt(r: Relation, f: Figure, values: Values): Dec | null {
  const q = solveFor(r, f, values);
  if (!q) return null;
  return toDec(q, Math.max(0, f.value.scale));
}

/**
 * For the figures of score ≤ points rows (one row per relation, read by one extractor), how many of the other
 * rows' figures of the same role are written with the same value; for the parts of a sum of points, how many
 * of the other parts (see `Candidate.peers`). A figure in both adds both counts.
 */
function columnPeers(relations: readonly Relation[]): Map<string, { same: number; of: number }> {
  const out = new Map<string, { same: number; of: number }>();
  const valueKey = (f: Figure): string => {
    const q = fromDec(f.value);
    return `${q.n}/${q.d}`;
  };
  const add = (column: readonly Figure[]): void => {
    const counts = new Map<string, number>();
    for (const f of column) counts.set(valueKey(f), (counts.get(valueKey(f)) ?? 0) + 1);
    const seen = new Set<string>();
    for (const f of column) {
      const key = figureKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      const before = out.get(key) ?? { same: 0, of: 0 };
      out.set(key, { same: before.same + (counts.get(valueKey(f)) ?? 1) - 1, of: before.of + column.length - 1 });
    }
  };
  const caps = relations.filter((r): r is Extract<Relation, { kind: 'cap' }> => r.kind === 'cap');
  for (const role of ['score', 'points'] as const) {
    const bySource = new Map<string, Figure[]>();
    for (const r of caps) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r[role]]);
    for (const column of bySource.values()) add(column);
  }
  for (const r of relations) if (r.kind === 'score-sum') add(r.parts);
  return out;
}

const valueKey = (v: Dec): string => {
  const q = fromDec(v);
  return `${q.n}/${q.d}`;
};

/**
 * The document's figures by value: for each value, the keys of the figures written with it (a figure read
 * by two extractors counted once).
 */
function figuresByValue(relations: readonly Relation[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of relations) {
    for (const { figure } of figuresOf(r)) {
      const k = valueKey(figure.value);
      const set = out.get(k) ?? new Set<string>();
      set.add(figureKey(figure));
      out.set(k, set);
    }
  }
  return out;
}

/**
 * How many figures, outside the relations a change restores, are written with the corrected value, less how
 * many are written with the figure's own value (the figure itself not counted).
 */
function attested(byValue: ReadonlyMap<string, ReadonlySet<string>>, figure: Figure, value: Dec, restored: readonly Relation[]): number {
  const inside = new Set(restored.flatMap((r) => figuresOf(r).map((x) => figureKey(x.figure))));
  const count = (v: Dec): number => [...(byValue.get(valueKey(v)) ?? [])].filter((k) => !inside.has(k)).length;
  return count(value) - count(figure.value);
}

/**
 * Localizes the failed relations: one `Localized` per figure to report, with the value that restores the
 * relations it is blamed for. Relations no single figure can restore are blamed on their total / result /
 * rate with the value that relation alone wants (or not at all when none is defined: a grade).
 */
export function localize(relations: readonly Relation[]): Localized[] {
  const holding: Relation[] = [];
  let failed: Relation[] = [];
  for (const r of relations) {
    const v = evaluateRelation(r);
    // a wrong grade is reported at the grade (report.ts), not by changing the score
    if (v === 'violated' && r.kind !== 'grade') failed.push(r);
    else if (v === 'holds') holding.push(r);
  }
  const byFigure = new Map<string, { figure: Figure; relations: Relation[]; primary: boolean }>();
  for (const r of relations) {
    for (const { role, figure } of figuresOf(r)) {
      const key = figureKey(figure);
      const entry = byFigure.get(key) ?? { figure, relations: [], primary: false };
      if (!entry.relations.includes(r)) entry.relations.push(r);
      if (PRIMARY_ROLES.has(role) || (r.kind === 'equal' && role === 'b')) entry.primary = true;
      byFigure.set(key, entry);
    }
  }
  const peersOf = columnPeers(relations);
  const byValue = figuresByValue(relations);
  const values = new Map<string, Dec>();
  const out: Localized[] = [];
  const severityOf = (rs: readonly Relation[]): Localized['severity'] => (rs.some((r) => r.confidence === 'certain') ? 'error' : 'warning');
  while (failed.length > 0) {
    const best = new Map<string, Candidate>();
    const keys = new Set(failed.flatMap((r) => figuresOf(r).map((x) => figureKey(x.figure))));
    for (const key of keys) {
      const entry = byFigure.get(key);
      if (!entry || values.has(key)) continue;
      const mine = failed.filter((r) => entry.relations.includes(r));
      const keeping = entry.relations.filter((r) => holding.includes(r));
      const tryValue = (value: Dec, written: 0 | 1 | 2, bound = false): void => {
        // a figure written positive is not corrected to a negative one (that reading is wrong, not the figure)
        if (value.units < 0 && entry.figure.value.units >= 0) return;
        const trial = new Map(values).set(key, value);
        const restored = mine.filter((r) => evaluateRelation(r, trial) === 'holds');
        if (restored.length === 0) return;
        if (keeping.some((r) => evaluateRelation(r, trial) === 'violated')) return;
        // past a bound any value restores it: a typo counts only where it restores an equality or meets the bound
        const typo = written > 0 && !bound && restored.every(isBound) ? 0 : written;
        const c: Candidate = { key, figure: entry.figure, value, restored, typo, primary: entry.primary, peers: peersOf.get(key) ?? null, attested: 0 };
        if (better(c, best.get(key))) best.set(key, c);
      };
      // a correction can only restore a relation near the value that relation wants: the one-edit values
      // far from every such value are not tried (the engine stays linear in practice)
      const wanted: number[] = [];
      const bounds: Dec[] = [];
      for (const r of mine) {
        const v = solvedAt(r, entry.figure, values);
        if (!v) continue;
        wanted.push(toNumber(v));
        if (isBound(r)) bounds.push(v);
        tryValue(v, 0);
      }
      const near = (x: number): boolean => wanted.some((w) => Math.abs(x - w) <= Math.max(Math.abs(w) * 0.02, 10 / 10 ** entry.figure.value.scale));
      const atBound = (v: Dec): boolean => bounds.some((b) => qCmp(fromDec(b), fromDec(v)) === 0);
      if (wanted.length > 0) for (const v of oneEditValues(entry.figure, near)) tryValue(v.value, v.strong ? 2 : 1, atBound(v.value));
    }
    const chosen = choose([...best.values()].map((c) => ({ ...c, attested: attested(byValue, c.figure, c.value, c.restored) })));
    if (!chosen) break;
    values.set(chosen.key, chosen.value);
    out.push({ figure: chosen.figure, expected: chosen.value, relations: chosen.restored, severity: severityOf(chosen.restored), typo: chosen.typo > 0 });
    failed = failed.filter((r) => !chosen.restored.includes(r));
  }
  // what no single change restores: the relation's own total / result / rate, with what that relation wants
  for (const r of failed) {
    if (r.kind === 'grade') continue;
    const primary = figuresOf(r).find((x) => PRIMARY_ROLES.has(x.role) || x.role === 'b') ?? figuresOf(r)[0];
    if (!primary) continue;
    const v = solvedAt(r, primary.figure, values);
    if (!v) continue;
    out.push({ figure: primary.figure, expected: v, relations: [r], severity: severityOf([r]), typo: false });
  }
  return out;
}

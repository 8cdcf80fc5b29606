/**
 * A readable diff of two versions of an evaluation: every field whose written value changed, named in
 * Chinese (「自评表 · 得分」), with the value before and after. `sourceMap` (where an import found a field) is
 * bookkeeping, not content, and is left out.
 * @module
 */
import { type PathKey, formatPath } from '../lib/paths.ts';
import { type EvaluationKind, labelOfPath } from './sections.ts';

export type Change = {
  readonly path: string;
  readonly label: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: string;
  readonly after: string;
};

const blank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function show(v: unknown): string {
  if (blank(v)) return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Leaf values by path; blanks are left out, so "" → null is no change. */
export function flatten(value: unknown, prefix: PathKey[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, [...prefix, i], out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (prefix.length === 0 && k === 'sourceMap') continue;
      flatten(v, [...prefix, k], out);
    }
  } else if (!blank(value) && !(value === false && prefix[prefix.length - 1] === 'notApplicable')) {
    out.set(formatPath(prefix), value);
  }
  return out;
}

export function diffEvaluations(kind: EvaluationKind, before: unknown, after: unknown): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes: Change[] = [];
  for (const path of paths) {
    const x = a.get(path);
    const y = b.get(path);
    if (x !== undefined && y !== undefined && String(x) === String(y)) continue;
    changes.push({
      path,
      label: labelOfPath(kind, path),
      change: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed',
      before: show(x),
      after: show(y),
    });
  }
  return changes;
}

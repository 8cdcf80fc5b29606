/**
 * Differences between two versions of an evaluation document, field by field, with the same paths as
 * findings (`selfEvaluation.indicators[3].score`). Arrays are compared by position.
 * @module
 */
export type Change = {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (base: string, key: string | number) => (typeof key === 'number' ? `${base}[${key}]` : base === '' ? key : `${base}.${key}`);

export function diffDocuments(before: unknown, after: unknown, limit = 10_000): Change[] {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (out.length >= limit) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= a.length) out.push({ path: join(path, i), kind: 'added', after: b[i] });
        else if (i >= b.length) out.push({ path: join(path, i), kind: 'removed', before: a[i] });
        else walk(a[i], b[i], join(path, i));
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) {
        if (!(key in b)) out.push({ path: join(path, key), kind: 'removed', before: a[key] });
        else walk(a[key], b[key], join(path, key));
      }
      for (const key of Object.keys(b)) if (!(key in a)) out.push({ path: join(path, key), kind: 'added', after: b[key] });
      return;
    }
    if (a === b) return;
    out.push({ path: path || '（根）', kind: 'changed', before: a, after: b });
  };
  walk(before, after, '');
  return out;
}

const show = (v: unknown): string => {
  if (v === undefined) return '（无）';
  if (v === null) return '（空）';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** One line per change, in Chinese: `selfEvaluation.totalScore：「97」→「98」`. */
export function describeChange(change: Change): string {
  if (change.kind === 'added') return `${change.path}：新增「${show(change.after)}」`;
  if (change.kind === 'removed') return `${change.path}：删除「${show(change.before)}」`;
  return `${change.path}：「${show(change.before)}」→「${show(change.after)}」`;
}

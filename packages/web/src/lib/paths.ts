/**
 * Field paths as findings write them (`selfEvaluation.indicators[3].score`): parse, read and write the
 * editor's input object by path without mutating it (only the objects along the path are copied, so
 * memoised sections that did not change keep their identity).
 * @module
 */

export type PathKey = string | number;

/** `a.b[3].c` → ['a', 'b', 3, 'c']. */
export function parsePath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/gu;
  for (const m of path.matchAll(re)) {
    if (m[2] !== undefined) keys.push(Number(m[2]));
    else if (m[1] !== undefined) keys.push(m[1]);
  }
  return keys;
}

/** ['a', 'b', 3, 'c'] → `a.b[3].c`. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? key : `.${key}`;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getAt(root: unknown, path: string | readonly PathKey[]): unknown {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  let node: unknown = root;
  for (const key of keys) {
    if (typeof key === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[key];
    } else {
      if (!isRecord(node)) return undefined;
      node = node[key];
    }
  }
  return node;
}

/** A copy of `root` with `value` at `path`; missing objects and arrays on the way are created. */
export function setAt<T>(root: T, path: string | readonly PathKey[], value: unknown): T {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  const write = (node: unknown, i: number): unknown => {
    const key = keys[i];
    if (key === undefined) return value;
    if (typeof key === 'number') {
      const array = Array.isArray(node) ? [...(node as unknown[])] : [];
      while (array.length < key) array.push(null);
      array[key] = write(array[key], i + 1);
      return array;
    }
    const object = isRecord(node) ? { ...node } : {};
    object[key] = write(object[key], i + 1);
    return object;
  };
  return write(root, 0) as T;
}

/** The path itself and each shorter prefix, longest first: a.b[3].c, a.b[3], a.b, a. */
export function pathPrefixes(path: string): string[] {
  const keys = parsePath(path);
  const out: string[] = [];
  for (let n = keys.length; n > 0; n--) out.push(formatPath(keys.slice(0, n)));
  return out;
}

/**
 * The editor's state: the input as written, a recheck of it after every change (synchronous: the core
 * takes a few milliseconds on a real report), field statuses from the findings, and the jump from a
 * finding to its field.
 * @module
 */
import type { Finding, Scheme } from '@jixiao/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import { markEdit } from '../lib/perf.ts';
import { pathPrefixes, setAt } from '../lib/paths.ts';
import type { FieldStatus } from './field.tsx';
import { FORMAT_CHECK, type Recheck, recheck } from './recheck.ts';
import { type EvaluationKind, sectionOfPath } from './sections.ts';

export type EditorState = {
  readonly input: Record<string, unknown>;
  readonly kind: EvaluationKind;
  readonly result: Recheck;
  readonly statuses: ReadonlyMap<string, FieldStatus>;
  /** Fields that cannot be saved as written, and why (in Chinese). */
  readonly problems: ReadonlyMap<string, string>;
  readonly dirty: boolean;
  readonly section: string;
  setSection(key: string): void;
  setField(path: string, value: unknown): void;
  /** Replaces the whole input (an import, a version restored). */
  replace(input: Record<string, unknown>): void;
  markSaved(saved: Record<string, unknown>): void;
  jumpTo(finding: Finding | string): void;
};

/** The strongest severity per path (errors win over warnings); info gives no field status. */
export function statusesOf(findings: readonly Finding[]): Map<string, FieldStatus> {
  const map = new Map<string, FieldStatus>();
  for (const f of findings) {
    const s: FieldStatus = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : undefined;
    if (!s) continue;
    for (const path of [f.location.path, ...(f.related ?? []).map((r) => r.path)]) {
      if (path === f.location.path || s === 'error') {
        if (map.get(path) !== 'error') map.set(path, path === f.location.path ? s : 'warning');
      }
    }
  }
  return map;
}

/** Finds the element for a path: the field itself, else the first field under the longest existing prefix. */
export function elementForPath(root: ParentNode, path: string): HTMLElement | null {
  for (const prefix of pathPrefixes(path)) {
    const exact = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(prefix)}"]`);
    if (exact) return exact;
    const under = [...root.querySelectorAll<HTMLElement>('[data-path]')].find((el) => {
      const p = el.getAttribute('data-path') ?? '';
      return p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`);
    });
    if (under) return under;
  }
  return null;
}

export function useEditor(initial: Record<string, unknown>, schemes: readonly Scheme[]): EditorState {
  const [input, setInput] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const kind: EvaluationKind = input.kind === 'project' ? 'project' : 'department';
  const [section, setSection] = useState<string>('profile');
  const result = useMemo(() => recheck(input, schemes), [input, schemes]);
  const statuses = useMemo(() => statusesOf(result.findings), [result]);
  const problems = useMemo(() => new Map(result.findings.filter((f) => f.check === FORMAT_CHECK).map((f) => [f.location.path, f.message.replace(/^格式错误：/u, '')])), [result]);
  const pendingFocus = useRef<string | null>(null);

  const setField = useCallback((path: string, value: unknown) => {
    markEdit();
    setInput((prev) => setAt(prev, path, value));
  }, []);

  const focusWhenShown = useCallback((path: string, attempt = 0) => {
    const el = elementForPath(document, path);
    if (!el) {
      if (attempt < 10) requestAnimationFrame(() => focusWhenShown(path, attempt + 1));
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
    el.classList.add('jx-flash');
    setTimeout(() => el.classList.remove('jx-flash'), 1600);
    pendingFocus.current = null;
  }, []);

  const jumpTo = useCallback(
    (target: Finding | string) => {
      const path = typeof target === 'string' ? target : target.location.path;
      setSection(sectionOfPath(kind, path).key);
      pendingFocus.current = path;
      requestAnimationFrame(() => focusWhenShown(path));
    },
    [focusWhenShown, kind],
  );

  return {
    input,
    kind,
    result,
    statuses,
    problems,
    dirty: input !== saved,
    section,
    setSection,
    setField,
    replace: (next) => { markEdit(); setInput(next); },
    markSaved: (s) => setSaved(s),
    jumpTo,
  };
}

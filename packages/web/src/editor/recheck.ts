/**
 * The live recheck behind the editor: the input as written → parse (zod) → derive → run every check.
 * A field that does not parse ("17,48a") becomes a finding on that field and is read as blank, so the
 * scores and the other findings stay live while one types. Pure; the browser runs it on every change.
 * @module
 */
import {
  CHECKS, type Derived, type Evaluation, type Finding, type Scheme, derive, isDomainError, isPlaceholder, parseDec, runChecks,
  safeParseEvaluation, selectScheme,
} from '@jixiao/core';
import { type PathKey, formatPath, getAt, setAt } from '../lib/paths.ts';
import { type EvaluationKind, NUMERIC_KINDS, fieldOfPath } from './sections.ts';

export type Recheck = {
  /** The parsed model (with unparsable fields read as blank), or null when the input is not an evaluation at all. */
  readonly evaluation: Evaluation | null;
  readonly derived: Derived | null;
  readonly scheme: Scheme | null;
  /** Format errors first (check `model-invalid`), then the checks' findings in report order. */
  readonly findings: readonly Finding[];
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number };
  /** Milliseconds the whole recheck took. */
  readonly ms: number;
};

/** The check id of a field that cannot be read (or holds a value the field cannot have): such a field is never saved. */
export const FORMAT_CHECK = 'model-invalid';

const formatFinding = (path: string, message: string): Finding => ({
  check: FORMAT_CHECK,
  category: 'completeness',
  severity: 'error',
  message: `格式错误：${message}`,
  location: { path },
});

function countOf(findings: readonly Finding[]) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number below zero in a field that cannot be negative (every number but 比上年增减 and 结余). */
export function negativeFields(kind: EvaluationKind, input: unknown): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const visit = (node: unknown, keys: PathKey[]): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...keys, i]));
    else if (isRecord(node)) for (const [k, child] of Object.entries(node)) visit(child, [...keys, k]);
    else if (typeof node === 'number' || typeof node === 'string') {
      const text = String(node).trim().replace(/[%％]$/u, '').replace(/^－/u, '-');
      if (!text.startsWith('-') || isPlaceholder(text)) return;
      const path = formatPath(keys);
      const field = fieldOfPath(kind, path);
      if (field.kind === null || !NUMERIC_KINDS.has(field.kind) || field.signed) return;
      const value = parseDec(text);
      if (value && value.units < 0) out.push({ path, message: `不能为负数（填写的是「${String(node)}」）` });
    }
  };
  visit(input, []);
  return out;
}

/**
 * What can be saved of the input: every field as written, except those that cannot be read (the format
 * findings), which keep the value the server has. `withheld` lists the paths kept back; null when the
 * input is not an evaluation at all.
 */
export function saveableInput(input: Record<string, unknown>, onServer: unknown, findings: readonly Finding[]): { document: Record<string, unknown>; withheld: string[] } | null {
  let document = input;
  const withheld: string[] = [];
  for (const f of findings) {
    if (f.check !== FORMAT_CHECK || withheld.includes(f.location.path)) continue;
    const path = f.location.path;
    if (path === '' || path === 'kind') return null;
    const before = getAt(onServer, path);
    document = setAt(document, path, typeof before === 'string' || typeof before === 'number' ? before : null);
    withheld.push(path);
  }
  return { document, withheld };
}

/** Parses, blanking leaf fields that do not parse (at most a few rounds), and reports them as findings. */
export function parseLenient(input: unknown): { evaluation: Evaluation | null; findings: Finding[] } {
  const findings: Finding[] = [];
  if (typeof input !== 'object' || input === null || !('kind' in input)) {
    return { evaluation: null, findings: [formatFinding('kind', '不是自评数据：缺少类型（部门整体 或 项目）')] };
  }
  let current: unknown = input;
  for (const bad of negativeFields((input as { kind?: unknown }).kind === 'project' ? 'project' : 'department', input)) {
    findings.push(formatFinding(bad.path, bad.message));
    current = setAt(current, bad.path, null);
  }
  for (let round = 0; round < 4; round++) {
    const result = safeParseEvaluation(current);
    if (result.ok) return { evaluation: result.value, findings };
    let repaired = false;
    for (const detail of result.error.details.length > 0 ? result.error.details : [result.error.message]) {
      // core writes each issue as 「path：message」 (「（根）」 for the root).
      const cut = detail.indexOf('：');
      const rawPath = cut >= 0 ? detail.slice(0, cut) : '';
      const path = rawPath === '（根）' ? '' : rawPath;
      const message = cut >= 0 ? detail.slice(cut + 1) : detail;
      if (!findings.some((f) => f.location.path === (path || 'kind') && f.message.endsWith(message))) {
        findings.push(formatFinding(path || 'kind', message));
      }
      const value = getAt(current, path);
      if (path && (typeof value === 'string' || typeof value === 'number')) {
        current = setAt(current, path, null);
        repaired = true;
      }
    }
    if (!repaired) return { evaluation: null, findings };
  }
  return { evaluation: null, findings };
}

export function recheck(input: unknown, schemes: readonly Scheme[]): Recheck {
  const t0 = performance.now();
  const { evaluation, findings } = parseLenient(input);
  let scheme: Scheme | null = null;
  let derived: Derived | null = null;
  if (evaluation) {
    try {
      scheme = selectScheme(schemes, evaluation.kind, evaluation.schemeId);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      findings.push({ check: 'scheme', category: 'completeness', severity: 'warning', message: `${e.message}；暂按同类默认方案计分`, location: { path: 'schemeId' } });
      scheme = schemes.find((s) => s.kind === evaluation.kind) ?? null;
    }
    if (scheme) {
      derived = derive(evaluation, scheme);
      findings.push(...runChecks(CHECKS, evaluation, derived));
    }
  }
  return { evaluation, derived, scheme, findings, counts: countOf(findings), ms: performance.now() - t0 };
}

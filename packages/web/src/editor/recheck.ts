/**
 * The live recheck behind the editor: the input as written → parse (zod) → derive → run every check.
 * A field that does not parse ("17,48a") becomes a finding on that field and is read as blank, so the
 * scores and the other findings stay live while one types. Pure; the browser runs it on every change.
 * @module
 */
import {
  CHECKS, type Derived, type Evaluation, type Finding, type Scheme, derive, isDomainError, runChecks, safeParseEvaluation,
  selectScheme,
} from '@jixiao/core';
import { getAt, setAt } from '../lib/paths.ts';

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

const formatFinding = (path: string, message: string): Finding => ({
  check: 'model-invalid',
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

/** Parses, blanking leaf fields that do not parse (at most a few rounds), and reports them as findings. */
export function parseLenient(input: unknown): { evaluation: Evaluation | null; findings: Finding[] } {
  const findings: Finding[] = [];
  if (typeof input !== 'object' || input === null || !('kind' in input)) {
    return { evaluation: null, findings: [formatFinding('kind', '不是自评数据：缺少 kind 字段（department 部门整体 或 project 项目）')] };
  }
  let current: unknown = input;
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

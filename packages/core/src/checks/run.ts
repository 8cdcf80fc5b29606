/**
 * Running checks: derive once, run every registered check, collect findings in report order.
 * @module
 */

import { derive, type Derived } from '../derive/derive.ts';
import type { Evaluation } from '../model/evaluation.ts';
import type { Scheme } from '../scheme/schema.ts';
import type { Check, CheckMeta, Finding, FindingLocation, Report, Severity } from './types.ts';

export type RunOptions = {
  /** Severity overrides by check id; `off` disables a check. */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
};

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/gu;

/**
 * A template cut at its placeholders: text, key, text, key, …, text (always one more text than keys).
 * The catalogue has a few dozen templates and every finding fills one: each is cut once, not per finding.
 */
const templateParts = new Map<string, readonly string[]>();

function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (parts) return parts;
  const cut: string[] = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    cut.push(template.slice(from, m.index), m[1] ?? '');
    from = m.index + m[0].length;
  }
  cut.push(template.slice(from));
  parts = cut;
  if (templateParts.size < 10_000) templateParts.set(template, parts);
  return parts;
}

export function interpolate(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  const parts = partsOf(template);
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] ?? '';
    const value = data[key];
    if (value === undefined) throw new Error(`消息占位符 {{${key}}} 没有数据`);
    out += String(value) + (parts[i + 1] ?? '');
  }
  return out;
}

/** What every checker reports before it becomes a finding (model checks and document checks alike). */
export type ReportBase = {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly stated?: number | string;
  readonly expected?: number | string;
  readonly severity?: Severity;
};

/**
 * One report as a finding: the message from the check's catalogue, the severity (override, then the
 * report's, then the check's default), the figures and where it is.
 * @throws Error when the check has no such message (a bug in the check, caught by its table test)
 */
export function buildFinding(
  checkId: string,
  meta: Pick<CheckMeta<string>, 'category' | 'defaultSeverity' | 'messages'>,
  override: Severity | undefined,
  r: ReportBase,
  where: { readonly location: FindingLocation; readonly related?: readonly FindingLocation[] },
): Finding {
  const template = (meta.messages as Record<string, string>)[r.messageId];
  if (template === undefined) throw new Error(`检查 ${checkId} 没有消息 ${r.messageId}`);
  return {
    check: checkId,
    category: meta.category,
    severity: override ?? r.severity ?? meta.defaultSeverity,
    message: interpolate(template, r.data),
    ...(r.stated !== undefined ? { stated: r.stated } : {}),
    ...(r.expected !== undefined ? { expected: r.expected } : {}),
    location: where.location,
    ...(where.related && where.related.length > 0 ? { related: where.related } : {}),
  };
}

export function runChecks(
  checks: readonly Check[],
  evaluation: Evaluation,
  derived: Derived,
  options: RunOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const sourceMap = evaluation.sourceMap;
  const locate = (path: string) => {
    const source = sourceMap[path] ?? sourceMap[path.replace(/\.[^.[\]]+$/u, '')];
    return { path, ...(source ?? {}) };
  };
  for (const check of checks) {
    const override = options.severities?.[check.id];
    if (override === 'off') continue;
    const report = (r: Report): void => {
      findings.push(
        buildFinding(check.id, check.meta, override, r, {
          location: locate(r.path),
          ...(r.related && r.related.length > 0 ? { related: r.related.map(locate) } : {}),
        }),
      );
    };
    check.run({ evaluation, derived, report });
  }
  return findings;
}

export type Audit = { readonly derived: Derived; readonly findings: Finding[] };

/** Derive and check in one call. */
export function audit(checks: readonly Check[], evaluation: Evaluation, scheme: Scheme, options: RunOptions = {}): Audit {
  const derived = derive(evaluation, scheme);
  return { derived, findings: runChecks(checks, evaluation, derived, options) };
}


/**
 * A strict table tester for checks (after typescript-eslint's RuleTester): every valid case must produce
 * no finding of the check, every invalid case exactly the listed findings (messageId and path, and
 * stated / expected / severity when given). Unknown messageIds and placeholders without data fail.
 * @module
 */
import { expect, it } from 'vitest';
import { derive } from '../../derive/derive.ts';
import type { EvaluationInput } from '../../model/evaluation.ts';
import { parseEvaluation } from '../../model/parse.ts';
import type { Scheme } from '../../scheme/schema.ts';
import { interpolate } from '../run.ts';
import type { Check, Report } from '../types.ts';

export type ExpectedFinding = {
  readonly messageId: string;
  readonly path: string;
  readonly stated?: number | string;
  readonly expected?: number | string;
  readonly severity?: 'error' | 'warning' | 'info';
};

export type ValidCase = { readonly name: string; readonly evaluation: EvaluationInput; readonly scheme?: Scheme };
export type InvalidCase = ValidCase & { readonly findings: readonly ExpectedFinding[] };

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

export function collect(check: Check, input: EvaluationInput, scheme: Scheme): Report[] {
  const evaluation = freeze(parseEvaluation(input));
  const derived = derive(evaluation, scheme);
  const reports: Report[] = [];
  check.run({
    evaluation,
    derived,
    report: (r) => {
      const template = (check.meta.messages as Record<string, string>)[r.messageId];
      if (template === undefined) throw new Error(`unknown messageId ${r.messageId}`);
      interpolate(template, r.data);
      reports.push(r);
    },
  });
  return reports;
}

export function testCheck(
  check: Check,
  defaultScheme: Scheme,
  cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] },
): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  if (new Set(names).size !== names.length) throw new Error(`${check.id}: duplicate case names`);
  for (const c of cases.valid) {
    it(`reports nothing when ${c.name}`, () => {
      expect(collect(check, c.evaluation, c.scheme ?? defaultScheme).map((r) => ({ messageId: r.messageId, path: r.path }))).toEqual([]);
    });
  }
  for (const c of cases.invalid) {
    it(`reports when ${c.name}`, () => {
      const reports = collect(check, c.evaluation, c.scheme ?? defaultScheme);
      const actual = reports.map((r, i) => {
        const want = c.findings[i];
        return {
          messageId: r.messageId,
          path: r.path,
          ...(want?.stated !== undefined ? { stated: r.stated } : {}),
          ...(want?.expected !== undefined ? { expected: r.expected } : {}),
          ...(want?.severity !== undefined ? { severity: r.severity ?? check.meta.defaultSeverity } : {}),
        };
      });
      expect(actual).toEqual(c.findings.map((f) => ({ ...f })));
    });
  }
}

/**
 * Validation at the boundary: JSON in, a typed model out, or a DomainError whose details name each
 * field in Chinese ("selfEvaluation.indicators[3].score：不是有效的分值：「五」").
 * @module
 */
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { type Evaluation, evaluationSchema } from './evaluation.ts';

const zhCN = z.locales.zhCN();

/** A zod path as the field path used in findings: a.b[3].c */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path) || '（根）'}：${issue.message}`);
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export function safeParseEvaluation(input: unknown): ParseResult<Evaluation> {
  if (typeof input !== 'object' || input === null || !('kind' in input)) {
    return {
      ok: false,
      error: new DomainError('model-invalid', '不是自评数据：缺少 kind 字段（应为 "department" 部门整体 或 "project" 项目）'),
    };
  }
  const result = evaluationSchema.safeParse(input, { error: zhCN.localeError });
  if (result.success) return { ok: true, value: result.data };
  const details = describeIssues(result.error);
  return { ok: false, error: new DomainError('model-invalid', `自评数据有 ${details.length} 处格式错误`, details) };
}

/** @throws DomainError with code `model-invalid` */
export function parseEvaluation(input: unknown): Evaluation {
  const result = safeParseEvaluation(input);
  if (!result.ok) throw result.error;
  return result.value;
}

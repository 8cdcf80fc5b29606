/**
 * The one mapping from errors to HTTP: a DomainError's code → a status, and the body
 * `{ error: { code, message, details?, data? } }` with a Chinese message. Anything else is a 500 whose
 * message names a reference written to the server log, never a stack trace.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { isDomainError } from '@jixiao/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DetailedError } from '../commands/registry.ts';
import { pgErrorCode } from '../storage/database.ts';

export const STATUS_BY_CODE: Readonly<Record<string, ContentfulStatusCode>> = {
  unauthenticated: 401,
  'login-failed': 401,
  forbidden: 403,
  'csrf-failed': 403,
  'password-change-required': 403,
  'origin-rejected': 403,
  'route-not-found': 404,
  'edit-conflict': 409,
  'state-changed': 409,
  'transition-not-allowed': 409,
  'evaluation-locked': 409,
  'review-not-open': 409,
  'evaluation-exists': 409,
  'region-exists': 409,
  'unit-exists': 409,
  'user-exists': 409,
  'self-lockout': 409,
  'evidence-missing': 410,
  'payload-too-large': 413,
  'evidence-quota': 413,
  'file-too-large': 413,
  'zip-bomb': 413,
  'file-unsupported': 415,
  'unsupported-media-type': 415,
  'evidence-type-rejected': 415,
  'justification-required': 422,
  'account-locked': 423,
  'rate-limited': 429,
  'soffice-missing': 503,
  'soffice-failed': 503,
  'soffice-timeout': 503,
  'file-failed': 422,
  'file-timeout': 503,
  'database-locked': 503,
  'database-unreachable': 503,
};

export type ErrorBody = { error: { code: string; message: string; details?: readonly string[]; data?: unknown } };

export function statusOf(code: string): ContentfulStatusCode {
  return STATUS_BY_CODE[code] ?? (code.endsWith('-not-found') ? 404 : 400);
}

export function errorBody(code: string, message: string, details?: readonly string[], data?: unknown): ErrorBody {
  return { error: { code, message, ...(details && details.length > 0 ? { details } : {}), ...(data === undefined ? {} : { data }) } };
}

/** Maps any thrown value to a status and a body; unexpected errors are logged with a reference. */
export function toErrorResponse(e: unknown, log: (line: string) => void): { status: ContentfulStatusCode; body: ErrorBody } {
  if (isDomainError(e)) {
    return { status: statusOf(e.code), body: errorBody(e.code, e.message, e.details, e instanceof DetailedError ? e.data : undefined) };
  }
  // PostgreSQL's data exceptions (class 22: a number out of range, a character it cannot store) come from
  // what was sent, not from the server: a 400 in Chinese, whatever field slipped past validation.
  if (pgErrorCode(e)?.startsWith('22')) {
    return { status: 400, body: errorBody('input-invalid', '请求参数有误：有数值超出范围或含有无法保存的字符，请检查后重试') };
  }
  const reference = randomBytes(4).toString('hex');
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const stack = ((e as Error)?.stack ?? String(e)).slice(0, 2000);
  log(`[${new Date().toISOString()}] 内部错误 ${reference}：${cause ? `${cause.code ?? ''} ${cause.message ?? ''}；` : ''}${stack}`);
  return { status: 500, body: errorBody('internal-error', `服务器内部错误（编号 ${reference}），请稍后再试或联系管理员`) };
}

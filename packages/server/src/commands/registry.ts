/**
 * The typed command registry: every action a user can take is a named command (`evaluation-save`,
 * `evaluation-submit`, …) with a zod input schema, a role guard and a handler. The HTTP routes and the
 * CLI wrap these thinly; tests call them directly.
 * Reference: STYLE.md §6 item 2 (actual's `createApp` / `app.method`).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { DomainError, describeIssues, type Scheme } from '@jixiao/core';
import { z } from 'zod';
import type { PasswordCost } from '../auth/password.ts';
import { type Analyser, inlineAnalyser } from './analysis.ts';
import { type Actor, ROLE_NAMES, type Role } from '../domain/roles.ts';
import type { FileWorkers } from '../batch/file-pool.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { Database, Db } from '../storage/database.ts';
import { auditLog } from '../storage/schema.ts';

/** Who may run a command: anybody, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type Services = {
  readonly database: Database;
  readonly blobs: BlobStore;
  readonly schemes: readonly Scheme[];
  readonly clock: () => Date;
  readonly newId: () => string;
  readonly passwordCost: PasswordCost;
  /** Validate + derive + check a document (in this thread, or a pool of worker threads). */
  readonly analyse: Analyser;
  /** All evidence of one evaluation at most, in bytes (default `MAX_EVIDENCE_PER_EVALUATION`, 200 MB). */
  readonly evidenceQuotaBytes?: number;
  /** Worker threads that read users' files under limits (default: the process's shared pool). */
  readonly files?: FileWorkers;
  /** Called after any change to accounts or sessions (the HTTP layer drops its session cache). */
  readonly onAccountsChanged?: () => void;
  /** Called after a batch of files was queued for audit (wakes this process's batch workers). */
  readonly onBatchQueued?: () => void;
};

export type CommandContext = Services & {
  readonly actor: Actor | null;
  /** The hash of the caller's session token (logout, password change). */
  readonly sessionTokenHash?: string | undefined;
  /** The device cookie a browser got at its last login (login: the account lock does not apply to it). */
  readonly deviceToken?: string | undefined;
};

export type Command<S extends z.ZodType = z.ZodType, O = unknown> = {
  readonly name: string;
  /** Chinese, one line: the OpenAPI summary and the audit log's action name. */
  readonly summary: string;
  readonly access: Access;
  readonly input: S;
  readonly run: (ctx: CommandContext, input: z.output<S>) => Promise<O>;
};

export function defineCommand<S extends z.ZodType, O>(command: Command<S, O>): Command<S, O> {
  return command;
}

export const defaultServices = (partial: Pick<Services, 'database' | 'blobs' | 'schemes'> & Partial<Services>): Services => ({
  clock: () => new Date(),
  newId: () => randomUUID(),
  passwordCost: { logN: 15, r: 8, p: 1 },
  analyse: inlineAnalyser(partial.schemes),
  ...partial,
});

const zhCN = z.locales.zhCN();

/** The signed-in actor. @throws DomainError `unauthenticated` */
export function requireActor(ctx: CommandContext): Actor {
  if (!ctx.actor) throw new DomainError('unauthenticated', '请先登录');
  return ctx.actor;
}

export function checkAccess(access: Access, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw new DomainError('unauthenticated', '请先登录');
  if (access === 'signed-in') return;
  if (!access.includes(actor.role)) {
    throw new DomainError('forbidden', `此操作只能由${access.map((r) => ROLE_NAMES[r]).join('或')}进行，你的角色是${ROLE_NAMES[actor.role]}`);
  }
}

/** Deepest nesting of objects and arrays accepted in an input (an evaluation is about 6 deep). */
export const MAX_INPUT_DEPTH = 64;
/** Largest whole number a top-level field (a version, an index, a page) may hold: PostgreSQL's integer. */
export const MAX_INPUT_INTEGER = 2_147_483_647;

type InputProblem = { readonly path: string; readonly problem: 'nul' | 'surrogate' | 'depth' };

// a high surrogate not followed by a low one, or a low one not preceded by a high one
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const badText = (text: string): 'nul' | 'surrogate' | null => (text.includes('\u0000') ? 'nul' : LONE_SURROGATE.test(text) ? 'surrogate' : null);

/**
 * The first string (or key) that PostgreSQL cannot store — a NUL character, or half of a UTF-16 surrogate
 * pair (not UTF-8) — or the first place nested deeper than `MAX_INPUT_DEPTH`. Walked with a stack of its
 * own: an input nested 100,000 deep does not overflow the call stack.
 */
export function findBadInput(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof v === 'string') {
      const problem = badText(v);
      if (problem) return { path: path || '（根）', problem };
      continue;
    }
    if (typeof v !== 'object' || v === null || v instanceof Uint8Array) continue;
    if (depth >= MAX_INPUT_DEPTH) return { path: path || '（根）', problem: 'depth' };
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`${path}[${i}]`, x]) : Object.entries(v).map(([k, x]) => {
      const problem = badText(k);
      if (problem) stack.push({ value: k, path: `${path}.${[...k].map((c) => (badText(c) ? '?' : c)).join('')}`, depth });
      return [path ? `${path}.${k}` : k, x];
    });
    for (let i = entries.length - 1; i >= 0; i--) {
      const [p, x] = entries[i] as [string, unknown];
      stack.push({ value: x, path: p, depth: depth + 1 });
    }
  }
  return null;
}

/** The path of the first string holding a NUL character (PostgreSQL text and jsonb cannot store one). */
export function findNul(value: unknown): string | null {
  const found = findBadInput(value);
  return found?.problem === 'nul' ? found.path : null;
}

const PROBLEMS = {
  nul: (path: string) => [`请求参数有误：${path} 含有空字符（\\u0000）`, `${path}：不能含有空字符`],
  surrogate: (path: string) => [`请求参数有误：${path} 含有无效的字符（不成对的 UTF-16 代理项，无法保存）`, `${path}：含有无效的字符`],
  depth: (path: string) => [`请求参数有误：${path} 嵌套超过 ${MAX_INPUT_DEPTH} 层`, `${path}：嵌套过深`],
} as const;

/** Parses a command's input. @throws DomainError `input-invalid` with one Chinese detail per field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const bad = findBadInput(raw);
  if (bad) {
    const [message, detail] = PROBLEMS[bad.problem](bad.path);
    throw new DomainError('input-invalid', message ?? '请求参数有误', detail ? [detail] : []);
  }
  // versions, indexes, pages: a whole number past PostgreSQL's integer is no such thing
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, v] of Object.entries(raw)) {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d{10,}\s*$/u.test(v) ? Number(v) : null;
      if (n !== null && Number.isInteger(n) && Math.abs(n) > MAX_INPUT_INTEGER) {
        throw new DomainError('input-invalid', `请求参数有误：${key} 的值 ${String(v).trim()} 超出范围（最大 ${MAX_INPUT_INTEGER}）`, [`${key}：超出范围`]);
      }
    }
  }
  const result = schema.safeParse(raw, { error: zhCN.localeError });
  if (result.success) return result.data;
  const details = describeIssues(result.error);
  throw new DomainError('input-invalid', `请求参数有误：${details.slice(0, 3).join('；')}${details.length > 3 ? ` 等 ${details.length} 处` : ''}`, details);
}

/** Runs a command for an actor: role guard, then input validation, then the handler. */
export async function execute<S extends z.ZodType, O>(command: Command<S, O>, ctx: CommandContext, raw: unknown): Promise<O> {
  checkAccess(command.access, ctx.actor);
  return command.run(ctx, parseInput(command.input, raw));
}

export type AuditEntry = {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly summary: string;
  readonly reason?: string | null | undefined;
  readonly details?: unknown;
};

/** Writes one audit row in the change's own transaction: who, when, what, why. */
export async function recordAudit(tx: Db, ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: ctx.clock(),
    userId: ctx.actor?.id ?? null,
    username: ctx.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
}

/** A DomainError that carries structured data for the client (a conflict's changes). */
export class DetailedError extends DomainError {
  readonly data: unknown;

  constructor(code: string, message: string, details: readonly string[], data: unknown) {
    super(code, message, details);
    this.data = data;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shared input pieces

export const id = (what: string) => z.string().trim().min(1, `请给出${what}`).max(100);
export const page = z.coerce.number().int().min(1).default(1);
export const pageSize = z.coerce.number().int().min(1).max(100).default(20);
export const paging = { page, pageSize };
export type Page<T> = { readonly items: T[]; readonly page: number; readonly pageSize: number; readonly total: number };

/** Text a person writes (opinion, justification, reason): trimmed, not empty. */
export const writtenText = (what: string, max = 5000) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}不能超过 ${max} 字`);

/** The evaluation document (model JSON); validated by the core's `parseEvaluation`, stored as written. */
export const evaluationDocument = z.unknown().describe('自评数据（模型 JSON，见 components.schemas.Evaluation）');

/**
 * The workflow commands: submit, return, approve, publish, and the history of transitions. Each applies
 * the pure `transition()` of the table, checks what the action must carry, and stores the new status with
 * a conditional update in one transaction.
 * @module
 */
import { cmp, dec, DomainError, format, parseDec } from '@jixiao/core';
import { and, asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor } from '../domain/roles.ts';
import { type Action, ACTION_NAMES, STATUS_NAMES, type Status, transition } from '../domain/workflow.ts';
import type { Db } from '../storage/database.ts';
import { evaluations, transitions, users } from '../storage/schema.ts';
import { loadFindings, READERS } from './evaluations.ts';
import { type CommandContext, DetailedError, defineCommand, id, recordAudit, requireActor, writtenText } from './registry.ts';
import { type EvaluationRow, evaluationInScope } from './scope.ts';

type Extra = { opinion?: string | null; reviewScore?: string | null; justifications?: Record<string, string> | null; submittedVersion?: number };

async function applyTransition(
  ctx: CommandContext,
  evaluationId: string,
  action: Action,
  prepare: (tx: Db, e: EvaluationRow, actor: Actor) => Promise<Extra>,
) {
  const actor = requireActor(ctx);
  return ctx.database.transaction(async (tx) => {
    const e = await evaluationInScope(tx, actor, evaluationId, true);
    const { to } = transition(e.status, action, actor);
    const extra = await prepare(tx, e, actor);
    const now = ctx.clock();
    const patch: Partial<typeof evaluations.$inferInsert> = { status: to, updatedAt: now };
    if (extra.submittedVersion !== undefined) patch.submittedVersion = extra.submittedVersion;
    if (action === 'approve') {
      patch.reviewScore = extra.reviewScore ?? null;
      patch.reviewOpinion = extra.opinion ?? null;
    }
    const updated = await tx
      .update(evaluations)
      .set(patch)
      .where(and(eq(evaluations.id, e.id), eq(evaluations.status, e.status)))
      .returning({ id: evaluations.id });
    if (updated.length !== 1) throw new DomainError('state-changed', '自评的状态刚被别人改变了，请刷新后再试');
    const [last] = await tx.select({ seq: max(transitions.seq) }).from(transitions).where(eq(transitions.evaluationId, e.id));
    const seq = (last?.seq ?? 0) + 1;
    await tx.insert(transitions).values({
      evaluationId: e.id, seq, action, fromStatus: e.status, toStatus: to, version: e.currentVersion, actorId: actor.id, at: now,
      opinion: extra.opinion ?? null, reviewScore: extra.reviewScore ?? null, justifications: extra.justifications ?? null,
    });
    await recordAudit(tx, ctx, {
      action: `evaluation-${action}`, entityType: 'evaluation', entityId: e.id,
      summary: `${ACTION_NAMES[action]}：${STATUS_NAMES[e.status]} → ${STATUS_NAMES[to]}（第 ${e.currentVersion} 版）${extra.reviewScore ? `，复核得分 ${extra.reviewScore}` : ''}`,
      reason: extra.opinion ?? null,
      details: { from: e.status, to, version: e.currentVersion },
    });
    return { id: e.id, status: to as Status, statusName: STATUS_NAMES[to], version: e.currentVersion, seq };
  });
}

/** A justification must say something: at least this many characters. */
export const MIN_JUSTIFICATION = 4;

export const evaluationSubmit = defineCommand({
  name: 'evaluation-submit',
  summary: '提交自评（没有错误，或为每个剩余错误写明理由）',
  access: ['preparer'],
  input: z.strictObject({
    id: id('自评'),
    version: z.coerce.number().int().min(1),
    justifications: z.record(z.string().max(200), z.string().max(2000)).default({}),
  }),
  run: (ctx, input) =>
    applyTransition(ctx, input.id, 'submit', async (tx, e) => {
      if (input.version !== e.currentVersion) {
        throw new DetailedError('edit-conflict', `你要提交第 ${input.version} 版，但当前已是第 ${e.currentVersion} 版：请先查看最新版本再提交`, [], { currentVersion: e.currentVersion });
      }
      const errors = (await loadFindings(tx, e.id, e.currentVersion)).filter((f) => f.severity === 'error');
      const keys = new Set(errors.map((f) => f.key));
      const given = Object.fromEntries(Object.entries(input.justifications).map(([k, v]) => [k, v.trim()]));
      const missing = errors.filter((f) => (given[f.key] ?? '').length < MIN_JUSTIFICATION);
      if (missing.length > 0) {
        throw new DetailedError(
          'justification-required',
          `还有 ${missing.length} 个错误：请修改后再提交，或为每个错误写明理由（至少 ${MIN_JUSTIFICATION} 个字）`,
          missing.map((f) => `${f.key}：${f.message}`),
          { missing: missing.map((f) => ({ key: f.key, message: f.message, path: f.path })) },
        );
      }
      const kept = Object.fromEntries(Object.entries(given).filter(([k]) => keys.has(k)));
      return { justifications: Object.keys(kept).length ? kept : null, submittedVersion: e.currentVersion };
    }),
});

export const evaluationReturn = defineCommand({
  name: 'evaluation-return',
  summary: '退回自评（须写明审核意见）',
  access: ['reviewer'],
  input: z.strictObject({ id: id('自评'), opinion: writtenText('退回意见') }),
  run: (ctx, input) => applyTransition(ctx, input.id, 'return', async () => ({ opinion: input.opinion })),
});

const MAX_TOTAL = dec(100);

export const evaluationApprove = defineCommand({
  name: 'evaluation-approve',
  summary: '审核通过（须给出复核得分和审核意见）',
  access: ['reviewer'],
  input: z.strictObject({
    id: id('自评'),
    reviewScore: z.union([z.number(), z.string()]),
    reviewOpinion: writtenText('审核意见'),
  }),
  run: (ctx, input) =>
    applyTransition(ctx, input.id, 'approve', async () => {
      const score = parseDec(input.reviewScore);
      if (!score || score.units < 0 || score.scale > 2 || cmp(score, MAX_TOTAL) > 0) {
        throw new DomainError('input-invalid', `复核得分应为 0 到 100 之间、至多两位小数的数，不是「${input.reviewScore}」`, ['复核得分：应为 0 到 100 之间、至多两位小数的数']);
      }
      return { reviewScore: format(score, score.scale, false), opinion: input.reviewOpinion };
    }),
});

export const evaluationPublish = defineCommand({
  name: 'evaluation-publish',
  summary: '公开已审核的自评',
  access: ['reviewer'],
  input: z.strictObject({ id: id('自评') }),
  run: (ctx, input) => applyTransition(ctx, input.id, 'publish', async () => ({})),
});

export const evaluationWithdraw = defineCommand({
  name: 'evaluation-withdraw',
  summary: '撤回公开（回到已审核，须写明理由；记入流转记录和审计日志）',
  access: ['reviewer'],
  input: z.strictObject({ id: id('自评'), reason: writtenText('撤回理由') }),
  run: (ctx, input) => applyTransition(ctx, input.id, 'withdraw', async () => ({ opinion: input.reason })),
});

export const evaluationSign = defineCommand({
  name: 'evaluation-sign',
  summary: '单位负责人签字确认当前版本（草稿或已退回时；记入流转记录）',
  access: ['unitHead'],
  input: z.strictObject({ id: id('自评'), version: z.coerce.number().int().min(1), note: z.string().trim().max(500).optional() }),
  run: (ctx, input) =>
    applyTransition(ctx, input.id, 'sign', async (_tx, e) => {
      if (input.version !== e.currentVersion) {
        throw new DetailedError('edit-conflict', `你要确认第 ${input.version} 版，但当前已是第 ${e.currentVersion} 版：请先查看最新版本再签字确认`, [], { currentVersion: e.currentVersion });
      }
      return { opinion: input.note ?? null };
    }),
});

export const evaluationHistory = defineCommand({
  name: 'evaluation-history',
  summary: '自评的流转记录（谁、何时、从何状态到何状态、意见）',
  access: READERS,
  input: z.strictObject({ id: id('自评') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const rows = await db
      .select({ t: transitions, actorName: users.displayName })
      .from(transitions)
      .innerJoin(users, eq(users.id, transitions.actorId))
      .where(eq(transitions.evaluationId, e.id))
      .orderBy(asc(transitions.seq));
    return {
      items: rows.map(({ t, actorName }) => ({
        seq: t.seq,
        action: t.action,
        actionName: ACTION_NAMES[t.action as Action] ?? t.action,
        from: t.fromStatus,
        to: t.toStatus,
        fromName: STATUS_NAMES[t.fromStatus as Status] ?? t.fromStatus,
        toName: STATUS_NAMES[t.toStatus as Status] ?? t.toStatus,
        version: t.version,
        actor: { id: t.actorId, displayName: actorName },
        at: t.at.toISOString(),
        opinion: t.opinion,
        reviewScore: t.reviewScore,
        justifications: t.justifications as Record<string, string> | null,
      })),
    };
  },
});

export const WORKFLOW_COMMANDS = {
  'evaluation-submit': evaluationSubmit,
  'evaluation-return': evaluationReturn,
  'evaluation-approve': evaluationApprove,
  'evaluation-publish': evaluationPublish,
  'evaluation-withdraw': evaluationWithdraw,
  'evaluation-sign': evaluationSign,
  'evaluation-history': evaluationHistory,
} as const;

/**
 * Deleting a mistaken draft (never submitted: nobody else has seen it) with its versions and evidence,
 * recorded in the audit log.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { STATUS_NAMES } from '../domain/workflow.ts';
import { evaluations, evidence } from '../storage/schema.ts';
import { KIND_NAMES } from './evaluations.ts';
import { defineCommand, id, recordAudit, requireActor } from './registry.ts';
import { evaluationInScope } from './scope.ts';

export const evaluationDelete = defineCommand({
  name: 'evaluation-delete',
  summary: '删除从未提交过的草稿（连同其各版本和佐证材料）',
  access: ['preparer'],
  input: z.strictObject({ id: id('自评'), reason: z.string().trim().max(500).optional() }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const blobKeys = await ctx.database.transaction(async (tx) => {
      const e = await evaluationInScope(tx, actor, input.id, true);
      if (e.status !== 'draft' || e.submittedVersion !== null) {
        throw new DomainError('evaluation-locked', `自评当前为「${STATUS_NAMES[e.status]}」${e.submittedVersion !== null ? '且已提交过' : ''}，不能删除（只有从未提交过的草稿可以删除）`);
      }
      const files = await tx.delete(evidence).where(eq(evidence.evaluationId, e.id)).returning({ blobKey: evidence.blobKey });
      for (const f of files) await ctx.blobs.delete(tx, f.blobKey);
      await tx.delete(evaluations).where(eq(evaluations.id, e.id));
      await recordAudit(tx, ctx, {
        action: 'evaluation-delete', entityType: 'evaluation', entityId: e.id,
        summary: `删除草稿：${e.unitName} ${e.year}年度${KIND_NAMES[e.kind as keyof typeof KIND_NAMES] ?? ''}${e.projectName ? `「${e.projectName}」` : ''}（共 ${e.currentVersion} 版${files.length ? `，佐证材料 ${files.length} 份` : ''}）`,
        reason: input.reason,
      });
      return files.map((f) => f.blobKey);
    });
    for (const key of blobKeys) await ctx.blobs.discard(key);
    return { id: input.id, deleted: true };
  },
});

export const LIFECYCLE_COMMANDS = { 'evaluation-delete': evaluationDelete } as const;

/**
 * 佐证材料: files attached to an indicator, with size and type limits checked on the bytes.
 * @module
 */
import { createHash } from 'node:crypto';
import { DomainError } from '@jixiao/core';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ALLOWED_EXTENSIONS, cleanFileName, extensionOf, sniffEvidenceType } from '../domain/evidence-type.ts';
import { EDITABLE_STATUSES, STATUS_NAMES } from '../domain/workflow.ts';
import { evidence, users } from '../storage/schema.ts';
import { READERS, WRITERS } from './evaluations.ts';
import { defineCommand, id, recordAudit, requireActor } from './registry.ts';
import { indicatorAt, indicatorsOf } from './reviews.ts';
import { evaluationInScope, notFound } from './scope.ts';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** All evidence of one evaluation at most (a quota: one preparer cannot fill the server's disk). */
export const MAX_EVIDENCE_PER_EVALUATION = 200 * 1024 * 1024;

const view = (r: typeof evidence.$inferSelect, uploaderName: string) => ({
  id: r.id,
  evaluationId: r.evaluationId,
  indicatorIndex: r.indicatorIndex,
  indicatorName: r.indicatorName,
  fileName: r.fileName,
  mediaType: r.mediaType,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: { id: r.uploadedBy, displayName: uploaderName },
  uploadedAt: r.uploadedAt.toISOString(),
});

export const evidenceList = defineCommand({
  name: 'evidence-list',
  summary: '列出自评的佐证材料',
  access: READERS,
  input: z.strictObject({ id: id('自评') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const rows = await db
      .select({ r: evidence, name: users.displayName })
      .from(evidence)
      .innerJoin(users, eq(users.id, evidence.uploadedBy))
      .where(eq(evidence.evaluationId, e.id))
      .orderBy(asc(evidence.indicatorIndex), asc(evidence.uploadedAt));
    return { items: rows.map(({ r, name }) => view(r, name)) };
  },
});

export const evidenceAdd = defineCommand({
  name: 'evidence-add',
  summary: '上传某个指标的佐证材料（PDF、图片、Word、Excel、OFD，20 MB 以内）',
  access: WRITERS,
  input: z.strictObject({
    id: id('自评'),
    indicatorIndex: z.coerce.number().int().min(0),
    fileName: z.string().max(300),
    data: z.instanceof(Uint8Array, { message: '请上传文件（file）' }),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const fileName = cleanFileName(input.fileName);
    if (fileName === '') throw new DomainError('input-invalid', '文件名无效', ['fileName：文件名无效']);
    if (input.data.byteLength === 0) throw new DomainError('evidence-empty', `「${fileName}」是空文件`);
    if (input.data.byteLength > MAX_EVIDENCE_BYTES) {
      throw new DomainError('payload-too-large', `「${fileName}」有 ${(input.data.byteLength / 1048576).toFixed(1)} MB，超过 ${MAX_EVIDENCE_BYTES / 1048576} MB 的上限`);
    }
    const type = sniffEvidenceType(input.data);
    const extension = extensionOf(fileName);
    if (!type) {
      throw new DomainError('evidence-type-rejected', `「${fileName}」不是可接受的佐证材料格式（按文件内容判断）；可上传：${ALLOWED_EXTENSIONS.join('、')}`);
    }
    if (!type.extensions.includes(extension)) {
      throw new DomainError('evidence-type-rejected', `「${fileName}」的扩展名与内容不符：内容是${type.name}（.${type.extensions.join('/.')}）`);
    }
    const evidenceId = ctx.newId();
    const blobKey = evidenceId.replace(/[^A-Za-z0-9_-]/gu, '');
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    try {
      return await ctx.database.transaction(async (tx) => {
        const e = await evaluationInScope(tx, actor, input.id, true);
        if (!EDITABLE_STATUSES.includes(e.status)) {
          throw new DomainError('evaluation-locked', `自评当前为「${STATUS_NAMES[e.status]}」，不能再添加佐证材料`);
        }
        const indicator = indicatorAt(await indicatorsOf(tx, e.id, e.currentVersion), input.indicatorIndex);
        // The quota, under the evaluation's row lock (parallel uploads cannot all slip under it).
        const quota = ctx.evidenceQuotaBytes ?? MAX_EVIDENCE_PER_EVALUATION;
        const [used] = await tx.select({ bytes: sql<string>`coalesce(sum(${evidence.size}), 0)` }).from(evidence).where(eq(evidence.evaluationId, e.id));
        const usedBytes = Number(used?.bytes ?? 0);
        if (usedBytes + input.data.byteLength > quota) {
          throw new DomainError('evidence-quota', `这份自评的佐证材料已有 ${(usedBytes / 1048576).toFixed(1)} MB，再加「${fileName}」（${(input.data.byteLength / 1048576).toFixed(1)} MB）将超过每份自评 ${(quota / 1048576).toFixed(0)} MB 的上限；请删除不需要的材料，或压缩后再上传`);
        }
        await ctx.blobs.put(tx, blobKey, input.data);
        const [row] = await tx
          .insert(evidence)
          .values({
            id: evidenceId, evaluationId: e.id, indicatorIndex: input.indicatorIndex, indicatorName: indicator.name, fileName,
            mediaType: type.mediaType, size: input.data.byteLength, sha256, blobKey, uploadedBy: actor.id, uploadedAt: ctx.clock(),
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'evidence-add', entityType: 'evaluation', entityId: e.id,
          summary: `为「${indicator.name}」上传佐证材料「${fileName}」（${input.data.byteLength} 字节）`,
          details: { evidenceId, sha256 },
        });
        if (!row) throw new Error('insert returned nothing');
        return view(row, actor.displayName);
      });
    } catch (e) {
      await ctx.blobs.discard(blobKey);
      throw e;
    }
  },
});

async function evidenceInScope(ctx: Parameters<typeof evidenceAdd.run>[0], evidenceId: string, lock = false) {
  const actor = requireActor(ctx);
  const db = ctx.database.db;
  const [row] = await db.select().from(evidence).where(eq(evidence.id, evidenceId));
  if (!row) throw notFound('evidence', evidenceId);
  try {
    return { row, evaluation: await evaluationInScope(db, actor, row.evaluationId, lock) };
  } catch {
    throw notFound('evidence', evidenceId);
  }
}

export const evidenceGet = defineCommand({
  name: 'evidence-get',
  summary: '下载佐证材料',
  access: READERS,
  input: z.strictObject({ evidenceId: id('佐证材料') }),
  async run(ctx, input) {
    const { row } = await evidenceInScope(ctx, input.evidenceId);
    const data = await ctx.blobs.get(ctx.database.db, row.blobKey);
    if (!data) throw new DomainError('evidence-missing', `佐证材料「${row.fileName}」的文件内容已丢失`);
    return { fileName: row.fileName, mediaType: row.mediaType, data };
  },
});

export const evidenceDelete = defineCommand({
  name: 'evidence-delete',
  summary: '删除佐证材料（自评为草稿或已退回时）',
  access: WRITERS,
  input: z.strictObject({ evidenceId: id('佐证材料') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const { row } = await evidenceInScope(ctx, input.evidenceId);
    await ctx.database.transaction(async (tx) => {
      const e = await evaluationInScope(tx, actor, row.evaluationId, true);
      if (!EDITABLE_STATUSES.includes(e.status)) {
        throw new DomainError('evaluation-locked', `自评当前为「${STATUS_NAMES[e.status]}」，不能删除佐证材料`);
      }
      const deleted = await tx.delete(evidence).where(eq(evidence.id, row.id)).returning({ id: evidence.id });
      if (deleted.length === 0) throw notFound('evidence', row.id);
      await ctx.blobs.delete(tx, row.blobKey);
      await recordAudit(tx, ctx, {
        action: 'evidence-delete', entityType: 'evaluation', entityId: e.id,
        summary: `删除「${row.indicatorName}」的佐证材料「${row.fileName}」`,
        details: { evidenceId: row.id, sha256: row.sha256 },
      });
    });
    await ctx.blobs.discard(row.blobKey);
    return { id: row.id, deleted: true };
  },
});

export const EVIDENCE_COMMANDS = {
  'evidence-list': evidenceList,
  'evidence-add': evidenceAdd,
  'evidence-get': evidenceGet,
  'evidence-delete': evidenceDelete,
} as const;

/**
 * 抽查复核: a reviewer selects evaluations of their region and year (at random with a recorded seed, so
 * the draw can be reproduced, or by hand) and records the result of each.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@jixiao/core';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { STATUS_NAMES, type Status } from '../domain/workflow.ts';
import { evaluations, spotCheckItems, spotChecks, units, users } from '../storage/schema.ts';
import { defineCommand, id, type Page, paging, recordAudit, requireActor, writtenText } from './registry.ts';
import { notFound } from './scope.ts';

/** Statuses an evaluation must have to be drawn: it has been handed in. */
export const SPOT_CHECK_STATUSES: readonly Status[] = ['submitted', 'approved', 'published'];

export const SpotCheckResult = { confirmed: 'confirmed', adjusted: 'adjusted', problems: 'problems' } as const;
export type SpotCheckResult = (typeof SpotCheckResult)[keyof typeof SpotCheckResult];
export const SPOT_CHECK_RESULT_NAMES: Record<SpotCheckResult, string> = { confirmed: '自评属实', adjusted: '得分调整', problems: '存在问题' };

/** A deterministic draw of `n` of `ids` for a seed (Fisher–Yates on a SHA-256 counter stream). */
export function drawSample(ids: readonly string[], n: number, seed: string): string[] {
  const pool = [...ids].sort();
  let counter = 0;
  const next = (bound: number) => {
    const h = createHash('sha256').update(`${seed}:${counter++}`).digest();
    return h.readUInt32BE(0) % bound;
  };
  for (let i = pool.length - 1; i > 0; i--) {
    const j = next(i + 1);
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, Math.min(n, pool.length));
}

const REVIEWER = ['reviewer'] as const;

export const spotCheckCreate = defineCommand({
  name: 'spot-check-create',
  summary: '抽取自评进行抽查复核（随机抽取或指定）',
  access: REVIEWER,
  input: z
    .strictObject({
      year: z.coerce.number().int().min(2000).max(2100),
      count: z.coerce.number().int().min(1).max(10_000).optional(),
      evaluationIds: z.array(id('自评')).min(1).max(10_000).optional(),
      seed: z.string().trim().min(1).max(100).optional(),
      note: z.string().trim().max(2000).optional(),
    })
    .refine((v) => (v.count === undefined) !== (v.evaluationIds === undefined), { message: '请给出抽取数量 count 或指定的自评 evaluationIds（二者选一）', path: ['count'] }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const regionId = actor.regionId ?? '';
    return ctx.database.transaction(async (tx) => {
      const candidates = await tx
        .select({ id: evaluations.id })
        .from(evaluations)
        .innerJoin(units, eq(units.id, evaluations.unitId))
        .where(and(eq(units.regionId, regionId), eq(evaluations.year, input.year), inArray(evaluations.status, [...SPOT_CHECK_STATUSES])));
      const ids = candidates.map((c) => c.id);
      let chosen: string[];
      let seed: string | null = null;
      if (input.evaluationIds) {
        const known = new Set(ids);
        const unknown = input.evaluationIds.filter((x) => !known.has(x));
        if (unknown.length > 0) {
          throw new DomainError('spot-check-invalid', `有 ${unknown.length} 份自评不能抽查：不在本地区 ${input.year} 年度已提交的自评中`, unknown);
        }
        chosen = [...new Set(input.evaluationIds)];
      } else {
        if (ids.length === 0) throw new DomainError('spot-check-invalid', `本地区 ${input.year} 年度还没有已提交的自评可以抽查`);
        seed = input.seed ?? randomBytes(8).toString('hex');
        chosen = drawSample(ids, input.count ?? 1, seed);
      }
      const spotCheckId = ctx.newId();
      await tx.insert(spotChecks).values({
        id: spotCheckId, regionId, year: input.year, method: input.evaluationIds ? 'manual' : 'random', seed, note: input.note ?? null,
        createdBy: actor.id, createdAt: ctx.clock(),
      });
      await tx.insert(spotCheckItems).values(chosen.map((evaluationId) => ({ spotCheckId, evaluationId })));
      await recordAudit(tx, ctx, {
        action: 'spot-check-create', entityType: 'spot-check', entityId: spotCheckId,
        summary: `${input.year} 年度抽查：${input.evaluationIds ? '指定' : `从 ${ids.length} 份中随机（种子 ${seed}）`}抽取 ${chosen.length} 份`,
        reason: input.note,
        details: { evaluationIds: chosen, seed },
      });
      return { id: spotCheckId, year: input.year, method: input.evaluationIds ? 'manual' : 'random', seed, candidates: ids.length, evaluationIds: chosen };
    });
  },
});

export const spotCheckList = defineCommand({
  name: 'spot-check-list',
  summary: '列出本地区的抽查',
  access: REVIEWER,
  input: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional(), ...paging }),
  async run(ctx, input): Promise<Page<{ id: string; year: number; method: string; seed: string | null; note: string | null; createdAt: string; createdBy: string }>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const where = and(eq(spotChecks.regionId, actor.regionId ?? ''), input.year ? eq(spotChecks.year, input.year) : undefined);
    const [total] = await db.select({ n: count() }).from(spotChecks).where(where);
    const rows = await db
      .select({ s: spotChecks, by: users.displayName })
      .from(spotChecks)
      .innerJoin(users, eq(users.id, spotChecks.createdBy))
      .where(where)
      .orderBy(desc(spotChecks.createdAt))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    return {
      items: rows.map(({ s, by }) => ({ id: s.id, year: s.year, method: s.method, seed: s.seed, note: s.note, createdAt: s.createdAt.toISOString(), createdBy: by })),
      page: input.page,
      pageSize: input.pageSize,
      total: total?.n ?? 0,
    };
  },
});

async function spotCheckInScope(db: Parameters<typeof recordAudit>[0], regionId: string | null, spotCheckId: string) {
  const [row] = await db.select().from(spotChecks).where(and(eq(spotChecks.id, spotCheckId), eq(spotChecks.regionId, regionId ?? '')));
  if (!row) throw notFound('spot-check', spotCheckId);
  return row;
}

export const spotCheckGet = defineCommand({
  name: 'spot-check-get',
  summary: '读取一次抽查及其各份自评的复核结果',
  access: REVIEWER,
  input: z.strictObject({ id: id('抽查') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const s = await spotCheckInScope(db, actor.regionId, input.id);
    const items = await db
      .select({ item: spotCheckItems, unitName: units.name, status: evaluations.status, kind: evaluations.kind, projectName: evaluations.projectName })
      .from(spotCheckItems)
      .innerJoin(evaluations, eq(evaluations.id, spotCheckItems.evaluationId))
      .innerJoin(units, eq(units.id, evaluations.unitId))
      .where(eq(spotCheckItems.spotCheckId, s.id))
      .orderBy(asc(units.name));
    return {
      id: s.id,
      year: s.year,
      method: s.method,
      seed: s.seed,
      note: s.note,
      createdAt: s.createdAt.toISOString(),
      items: items.map(({ item, unitName, status, kind, projectName }) => ({
        evaluationId: item.evaluationId,
        unitName,
        kind,
        projectName,
        status,
        statusName: STATUS_NAMES[status as Status] ?? status,
        result: item.result,
        resultName: item.result ? SPOT_CHECK_RESULT_NAMES[item.result as SpotCheckResult] : null,
        opinion: item.opinion,
        checkedAt: item.checkedAt?.toISOString() ?? null,
      })),
    };
  },
});

export const spotCheckRecord = defineCommand({
  name: 'spot-check-record',
  summary: '记录一份被抽查自评的复核结果',
  access: REVIEWER,
  input: z.strictObject({
    id: id('抽查'),
    evaluationId: id('自评'),
    result: z.enum(['confirmed', 'adjusted', 'problems']),
    opinion: writtenText('复核意见'),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    return ctx.database.transaction(async (tx) => {
      const s = await spotCheckInScope(tx, actor.regionId, input.id);
      const now = ctx.clock();
      const updated = await tx
        .update(spotCheckItems)
        .set({ result: input.result, opinion: input.opinion, checkedBy: actor.id, checkedAt: now })
        .where(and(eq(spotCheckItems.spotCheckId, s.id), eq(spotCheckItems.evaluationId, input.evaluationId)))
        .returning({ id: spotCheckItems.evaluationId });
      if (updated.length === 0) throw new DomainError('spot-check-item-not-found', '这份自评不在本次抽查中');
      await recordAudit(tx, ctx, {
        action: 'spot-check-record', entityType: 'spot-check', entityId: s.id,
        summary: `抽查结果：${SPOT_CHECK_RESULT_NAMES[input.result]}`,
        reason: input.opinion,
        details: { evaluationId: input.evaluationId, result: input.result },
      });
      return { id: s.id, evaluationId: input.evaluationId, result: input.result, resultName: SPOT_CHECK_RESULT_NAMES[input.result], opinion: input.opinion, checkedAt: now.toISOString() };
    });
  },
});

export const SPOT_CHECK_COMMANDS = {
  'spot-check-create': spotCheckCreate,
  'spot-check-list': spotCheckList,
  'spot-check-get': spotCheckGet,
  'spot-check-record': spotCheckRecord,
} as const;

/**
 * 抽查复核: a reviewer selects evaluations of their region and year (at random with a recorded seed, so
 * the draw can be reproduced, or by hand), assigns each to a reviewer of the region, and records the
 * result, the opinion and the 复核得分 of each; reading a spot check compares the unit's own total, the
 * computed total and the reviewed score (differences in exact decimals).
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { cmp, dec, DomainError, format, parseDec, sub } from '@jixiao/core';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { STATUS_NAMES, type Status } from '../domain/workflow.ts';
import { evaluations, evaluationVersions, spotCheckItems, spotChecks, units, users } from '../storage/schema.ts';
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
  async run(ctx, input): Promise<Page<{ id: string; year: number; method: string; seed: string | null; note: string | null; createdAt: string; createdBy: string; items: number; recorded: number }>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const where = and(eq(spotChecks.regionId, actor.regionId ?? ''), input.year ? eq(spotChecks.year, input.year) : undefined);
    const [total] = await db.select({ n: count() }).from(spotChecks).where(where);
    const rows = await db
      .select({
        s: spotChecks, by: users.displayName,
        items: sql<number>`(SELECT count(*)::int FROM ${spotCheckItems} i WHERE i.spot_check_id = ${spotChecks.id})`,
        recorded: sql<number>`(SELECT count(*)::int FROM ${spotCheckItems} i WHERE i.spot_check_id = ${spotChecks.id} AND i.result IS NOT NULL)`,
      })
      .from(spotChecks)
      .innerJoin(users, eq(users.id, spotChecks.createdBy))
      .where(where)
      .orderBy(desc(spotChecks.createdAt))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    return {
      items: rows.map(({ s, by, items, recorded }) => ({
        id: s.id, year: s.year, method: s.method, seed: s.seed, note: s.note, createdAt: s.createdAt.toISOString(), createdBy: by, items: Number(items), recorded: Number(recorded),
      })),
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

const MAX_SCORE = dec(100);

/** 复核得分 as written ("92.5", 92.5): 0 to 100, at most two decimals; stored as its plain decimal text. */
export function parseReviewedScore(written: string | number): string {
  const score = parseDec(written);
  if (!score || score.units < 0 || score.scale > 2 || cmp(score, MAX_SCORE) > 0) {
    throw new DomainError('input-invalid', `复核得分应为 0 到 100 之间、至多两位小数的数，不是「${written}」`, ['复核得分：应为 0 到 100 之间、至多两位小数的数']);
  }
  return format(score, score.scale, false);
}

/** a − b as signed text ("+2.50", "-1", "0"), or null when either is missing or no number. */
export function difference(a: string | null, b: string | null): string | null {
  const x = a === null ? null : parseDec(a);
  const y = b === null ? null : parseDec(b);
  if (!x || !y) return null;
  const d = sub(x, y);
  const text = format(d, d.scale, false);
  return d.units > 0 ? `+${text}` : text;
}

const assignee = alias(users, 'assignee');
const checker = alias(users, 'checker');

export const spotCheckGet = defineCommand({
  name: 'spot-check-get',
  summary: '读取一次抽查及其各份自评的复核结果（自评、计算与复核得分的比较）',
  access: REVIEWER,
  input: z.strictObject({ id: id('抽查') }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const s = await spotCheckInScope(db, actor.regionId, input.id);
    const rows = await db
      .select({
        item: spotCheckItems, unitName: units.name, status: evaluations.status, kind: evaluations.kind, projectName: evaluations.projectName,
        statedTotal: evaluationVersions.statedTotal, computedTotal: evaluationVersions.computedTotal, computedGrade: evaluationVersions.computedGrade,
        errorCount: evaluationVersions.errorCount,
        assigneeName: assignee.displayName, checkerName: checker.displayName,
      })
      .from(spotCheckItems)
      .innerJoin(evaluations, eq(evaluations.id, spotCheckItems.evaluationId))
      .innerJoin(units, eq(units.id, evaluations.unitId))
      .innerJoin(evaluationVersions, and(eq(evaluationVersions.evaluationId, evaluations.id), eq(evaluationVersions.number, evaluations.currentVersion)))
      .leftJoin(assignee, eq(assignee.id, spotCheckItems.assignedTo))
      .leftJoin(checker, eq(checker.id, spotCheckItems.checkedBy))
      .where(eq(spotCheckItems.spotCheckId, s.id))
      .orderBy(asc(units.name), asc(evaluations.projectName));
    const reviewers = await db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.role, 'reviewer'), eq(users.regionId, s.regionId), eq(users.isActive, true)))
      .orderBy(asc(users.displayName));
    const items = rows.map((r) => {
      const computedScore = r.computedTotal;
      const reviewedScore = r.item.reviewedScore;
      return {
        evaluationId: r.item.evaluationId,
        unitName: r.unitName,
        kind: r.kind,
        projectName: r.projectName,
        status: r.status,
        statusName: STATUS_NAMES[r.status as Status] ?? r.status,
        /** The unit's own total as written (自评得分). */
        selfScore: r.statedTotal,
        computedScore,
        computedGrade: r.computedGrade,
        errorCount: r.errorCount,
        /** Why a draw by risk took it (null for a random or manual draw). */
        drawReason: r.item.drawReason,
        reviewedScore,
        differences: {
          selfMinusComputed: difference(r.statedTotal, computedScore),
          reviewedMinusSelf: difference(reviewedScore, r.statedTotal),
          reviewedMinusComputed: difference(reviewedScore, computedScore),
        },
        result: r.item.result,
        resultName: r.item.result ? SPOT_CHECK_RESULT_NAMES[r.item.result as SpotCheckResult] : null,
        opinion: r.item.opinion,
        assignee: r.item.assignedTo ? { id: r.item.assignedTo, displayName: r.assigneeName ?? '' } : null,
        checkedBy: r.item.checkedBy ? { id: r.item.checkedBy, displayName: r.checkerName ?? '' } : null,
        checkedAt: r.item.checkedAt?.toISOString() ?? null,
      };
    });
    return {
      id: s.id,
      year: s.year,
      method: s.method,
      seed: s.seed,
      note: s.note,
      createdAt: s.createdAt.toISOString(),
      recorded: items.filter((i) => i.result !== null).length,
      reviewers,
      items,
    };
  },
});

export const spotCheckAssign = defineCommand({
  name: 'spot-check-assign',
  summary: '把一份被抽查的自评分配给本地区的一位财政审核人员（或取消分配）',
  access: REVIEWER,
  input: z.strictObject({ id: id('抽查'), evaluationId: id('自评'), assigneeId: id('复核人').nullable() }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    return ctx.database.transaction(async (tx) => {
      const s = await spotCheckInScope(tx, actor.regionId, input.id);
      let assigneeName: string | null = null;
      if (input.assigneeId !== null) {
        const [user] = await tx
          .select({ displayName: users.displayName })
          .from(users)
          .where(and(eq(users.id, input.assigneeId), eq(users.role, 'reviewer'), eq(users.regionId, s.regionId), eq(users.isActive, true)));
        if (!user) throw new DomainError('spot-check-invalid', '只能分配给本地区在职的财政审核人员');
        assigneeName = user.displayName;
      }
      const updated = await tx
        .update(spotCheckItems)
        .set({ assignedTo: input.assigneeId })
        .where(and(eq(spotCheckItems.spotCheckId, s.id), eq(spotCheckItems.evaluationId, input.evaluationId)))
        .returning({ id: spotCheckItems.evaluationId });
      if (updated.length === 0) throw new DomainError('spot-check-item-not-found', '这份自评不在本次抽查中');
      await recordAudit(tx, ctx, {
        action: 'spot-check-assign', entityType: 'spot-check', entityId: s.id,
        summary: assigneeName ? `抽查分配给 ${assigneeName}` : '取消抽查分配',
        details: { evaluationId: input.evaluationId, assigneeId: input.assigneeId },
      });
      return { id: s.id, evaluationId: input.evaluationId, assignee: input.assigneeId ? { id: input.assigneeId, displayName: assigneeName ?? '' } : null };
    });
  },
});

export const spotCheckRecord = defineCommand({
  name: 'spot-check-record',
  summary: '记录一份被抽查自评的复核结果（结论、意见与复核得分）',
  access: REVIEWER,
  input: z.strictObject({
    id: id('抽查'),
    evaluationId: id('自评'),
    result: z.enum(['confirmed', 'adjusted', 'problems']),
    opinion: writtenText('复核意见'),
    reviewedScore: z.union([z.number(), z.string().trim().max(20)]).nullable().optional().describe('复核得分：0 到 100、至多两位小数；不给则不变，null 则清除'),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const written = input.reviewedScore;
    const reviewedScore = written === undefined ? undefined : written === null || written === '' ? null : parseReviewedScore(written);
    return ctx.database.transaction(async (tx) => {
      const s = await spotCheckInScope(tx, actor.regionId, input.id);
      const now = ctx.clock();
      const updated = await tx
        .update(spotCheckItems)
        .set({
          result: input.result, opinion: input.opinion, checkedBy: actor.id, checkedAt: now,
          ...(reviewedScore === undefined ? {} : { reviewedScore }),
        })
        .where(and(eq(spotCheckItems.spotCheckId, s.id), eq(spotCheckItems.evaluationId, input.evaluationId)))
        .returning({ id: spotCheckItems.evaluationId, reviewedScore: spotCheckItems.reviewedScore });
      if (updated.length === 0) throw new DomainError('spot-check-item-not-found', '这份自评不在本次抽查中');
      const stored = updated[0]?.reviewedScore ?? null;
      await recordAudit(tx, ctx, {
        action: 'spot-check-record', entityType: 'spot-check', entityId: s.id,
        summary: `抽查结果：${SPOT_CHECK_RESULT_NAMES[input.result]}${stored === null ? '' : `，复核得分 ${stored}`}`,
        reason: input.opinion,
        details: { evaluationId: input.evaluationId, result: input.result, reviewedScore: stored },
      });
      return {
        id: s.id, evaluationId: input.evaluationId, result: input.result, resultName: SPOT_CHECK_RESULT_NAMES[input.result], opinion: input.opinion,
        reviewedScore: stored, checkedAt: now.toISOString(),
      };
    });
  },
});

export const SPOT_CHECK_COMMANDS = {
  'spot-check-create': spotCheckCreate,
  'spot-check-list': spotCheckList,
  'spot-check-get': spotCheckGet,
  'spot-check-assign': spotCheckAssign,
  'spot-check-record': spotCheckRecord,
} as const;

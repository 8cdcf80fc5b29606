/**
 * Reviewer scores (复核得分) and opinions per indicator of the submitted version.
 * @module
 */
import { cmp, DomainError, type Evaluation, format, type Indicator, normalizeName, parseDec, parseEvaluation, scorecardOf } from '@jixiao/core';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../storage/database.ts';
import { indicatorReviews, users } from '../storage/schema.ts';
import { READERS } from './evaluations.ts';
import { loadVersion } from './evaluations.ts';
import { defineCommand, id, recordAudit, requireActor } from './registry.ts';
import { evaluationInScope } from './scope.ts';

/** The indicator rows of a stored version (its document was validated when saved). */
export async function indicatorsOf(db: Db, evaluationId: string, version: number): Promise<readonly Indicator[]> {
  const { document } = await loadVersion(db, evaluationId, version);
  const evaluation: Evaluation = parseEvaluation(document);
  return scorecardOf(evaluation)?.indicators ?? [];
}

export function indicatorAt(indicators: readonly Indicator[], index: number): Indicator {
  const indicator = indicators[index];
  if (!indicator) {
    throw new DomainError('indicator-not-found', `没有第 ${index + 1} 个绩效指标（indicatorIndex 从 0 起，这份自评有 ${indicators.length} 个）`);
  }
  return indicator;
}

export const reviewList = defineCommand({
  name: 'review-list',
  summary: '各指标的复核得分与意见（默认为提交的版本）',
  access: READERS,
  input: z.strictObject({ id: id('自评'), version: z.coerce.number().int().min(1).optional() }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const version = input.version ?? e.submittedVersion;
    if (version === null) return { version: null, items: [] };
    // Every review of this evaluation up to the version, newest first: a version's own, else the latest
    // one of an earlier version on the indicator of the same name, carried over.
    const rows = await db
      .select({ r: indicatorReviews, reviewerName: users.displayName })
      .from(indicatorReviews)
      .innerJoin(users, eq(users.id, indicatorReviews.reviewerId))
      .where(and(eq(indicatorReviews.evaluationId, e.id), lte(indicatorReviews.version, version)))
      .orderBy(desc(indicatorReviews.version), asc(indicatorReviews.indicatorIndex));
    const view = ({ r, reviewerName }: (typeof rows)[number]) => ({
      indicatorIndex: r.indicatorIndex,
      indicatorName: r.indicatorName,
      reviewScore: r.reviewScore,
      opinion: r.opinion,
      reviewer: { id: r.reviewerId, displayName: reviewerName },
      updatedAt: r.updatedAt.toISOString(),
      carriedFrom: null as number | null,
      changedSince: false,
    });
    const own = rows.filter((x) => x.r.version === version);
    const earlier = rows.filter((x) => x.r.version < version);
    if (earlier.length === 0) return { version, items: own.map(view) };
    return { version, items: await withCarried(db, e.id, version, own.map(view), earlier, view) };
  },
});

/** What a reviewer judged on an indicator: its figures and text as the unit wrote them. */
const judged = (i: Indicator): string => JSON.stringify([i.points, i.score, i.target, i.actual, i.qualitativeGrade, i.deviationExplanation, i.notApplicable]);

type ReviewView = { indicatorIndex: number; indicatorName: string; carriedFrom: number | null; changedSince: boolean };

/**
 * Adds the reviews of earlier versions to those of `version`: each indicator without a review of its own
 * gets the latest earlier one on the indicator of the same name (its index in `version`), marked with the
 * version it was written on and whether the unit changed that indicator since.
 */
async function withCarried<R, V extends ReviewView>(db: Db, evaluationId: string, version: number, own: V[], earlier: readonly R[], view: (row: R) => V): Promise<V[]> {
  const now = await indicatorsOf(db, evaluationId, version);
  const indexByName = new Map<string, number>();
  now.forEach((ind, i) => { if (!indexByName.has(normalizeName(ind.name))) indexByName.set(normalizeName(ind.name), i); });
  const covered = new Set(own.map((x) => x.indicatorIndex));
  const then = new Map<number, readonly Indicator[]>();
  const out = [...own];
  for (const row of earlier) {
    const v = view(row);
    const from = (row as { r: { version: number } }).r.version;
    const index = indexByName.get(normalizeName(v.indicatorName));
    if (index === undefined || covered.has(index)) continue;
    covered.add(index);
    if (!then.has(from)) then.set(from, await indicatorsOf(db, evaluationId, from));
    const before = then.get(from)?.[v.indicatorIndex];
    const current = now[index] as Indicator;
    out.push({ ...v, indicatorIndex: index, indicatorName: current.name, carriedFrom: from, changedSince: !before || judged(before) !== judged(current) });
  }
  return out.sort((a, b) => a.indicatorIndex - b.indicatorIndex);
}

export const reviewSave = defineCommand({
  name: 'review-save',
  summary: '填写某个指标的复核得分与意见（自评已提交时）',
  access: ['reviewer'],
  input: z
    .strictObject({
      id: id('自评'),
      indicatorIndex: z.coerce.number().int().min(0),
      reviewScore: z.union([z.number(), z.string()]).nullable().optional(),
      opinion: z.string().trim().max(5000).nullable().optional(),
    })
    .refine((v) => v.reviewScore != null || (v.opinion ?? '') !== '', { message: '请给出复核得分或意见', path: ['reviewScore'] }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    return ctx.database.transaction(async (tx) => {
      const e = await evaluationInScope(tx, actor, input.id, true);
      if (e.status !== 'submitted' || e.submittedVersion === null) {
        throw new DomainError('review-not-open', '只有已提交、待审核的自评可以填写复核得分');
      }
      const indicator = indicatorAt(await indicatorsOf(tx, e.id, e.submittedVersion), input.indicatorIndex);
      let score: string | null = null;
      if (input.reviewScore != null) {
        const d = parseDec(input.reviewScore);
        if (!d || d.units < 0 || d.scale > 2 || (indicator.points && cmp(d, indicator.points) > 0)) {
          throw new DomainError('input-invalid', `「${indicator.name}」的复核得分应在 0 到分值 ${indicator.points ? format(indicator.points) : ''} 之间、至多两位小数，不是「${input.reviewScore}」`, [`复核得分：应在 0 到 ${indicator.points ? format(indicator.points) : '分值'} 之间、至多两位小数`]);
        }
        score = format(d, d.scale, false);
      }
      const now = ctx.clock();
      const values = {
        evaluationId: e.id, version: e.submittedVersion, indicatorIndex: input.indicatorIndex, indicatorName: indicator.name,
        reviewScore: score, opinion: input.opinion ?? null, reviewerId: actor.id, updatedAt: now,
      };
      const [stored] = await tx
        .insert(indicatorReviews)
        .values(values)
        .onConflictDoUpdate({
          target: [indicatorReviews.evaluationId, indicatorReviews.version, indicatorReviews.indicatorIndex],
          set: { reviewScore: values.reviewScore, opinion: values.opinion, reviewerId: actor.id, updatedAt: now },
        })
        .returning({ reviewScore: indicatorReviews.reviewScore });
      await recordAudit(tx, ctx, {
        action: 'review-save', entityType: 'evaluation', entityId: e.id,
        summary: `复核「${indicator.name}」：${score === null ? '' : `复核得分 ${score}`}${input.opinion ? `，意见：${input.opinion.slice(0, 100)}` : ''}`,
        details: { version: e.submittedVersion, indicatorIndex: input.indicatorIndex },
      });
      return { indicatorIndex: input.indicatorIndex, indicatorName: indicator.name, reviewScore: stored?.reviewScore ?? null, opinion: values.opinion, version: e.submittedVersion };
    });
  },
});

export const REVIEW_COMMANDS = { 'review-list': reviewList, 'review-save': reviewSave } as const;

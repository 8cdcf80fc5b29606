/**
 * 抽查复核 by risk, beside the seeded random draw: the reviewer's region and year, handed-in evaluations
 * only, the `count` riskiest by one criterion — most findings (errors, then warnings), the largest gap
 * between the unit's own total and the computed one, or the lowest execution among high self scores
 * (a full 预算执行率 score below 90 % first). One ordered query over the current versions' summary
 * columns; the selection, the criterion and each one's reason are recorded like a random draw.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { spotCheckItems, spotChecks } from '../storage/schema.ts';
import { defineCommand, recordAudit, requireActor } from './registry.ts';
import { SPOT_CHECK_STATUSES } from './spot-checks.ts';

export const RISK_CRITERIA = {
  findings: '问题最多（错误数，其次警告数）',
  gap: '自评总分与计算总分差距最大',
  lowExecutionHighScore: '自评得分高而预算执行率最低',
} as const;
export type RiskCriterion = keyof typeof RISK_CRITERIA;

const ORDER = {
  findings: sql.raw('v.error_count DESC, v.warning_count DESC, e.id'),
  gap: sql.raw('abs(v.stated_score - v.computed_total) DESC NULLS LAST, e.id'),
  lowExecutionHighScore: sql.raw(
    '(v.funds_score_full AND v.execution_rate < 90) DESC, (coalesce(v.stated_score, v.computed_total) >= 90) DESC, v.execution_rate ASC NULLS LAST, e.id',
  ),
} as const;

type Candidate = { id: string; unit_name: string; error_count: number; warning_count: number; stated_score: string | null; computed_total: string | null; execution_rate: string | null; funds_score_full: boolean };

const reasonOf = (criterion: RiskCriterion, c: Candidate): string => {
  switch (criterion) {
    case 'findings':
      return `${c.error_count} 个错误、${c.warning_count} 个警告`;
    case 'gap':
      return c.stated_score === null || c.computed_total === null ? '自评总分缺失' : `自评 ${c.stated_score} 分，计算 ${c.computed_total} 分`;
    case 'lowExecutionHighScore':
      return `预算执行率 ${c.execution_rate ?? '—'}%，自评 ${c.stated_score ?? '—'} 分${c.funds_score_full ? '，执行率得满分' : ''}`;
  }
};

export const spotCheckCreateByRisk = defineCommand({
  name: 'spot-check-create-by-risk',
  summary: '按风险抽取自评进行抽查复核（问题最多、自评与计算差距最大、执行率低而得分高）',
  access: ['reviewer'],
  input: z.strictObject({
    year: z.coerce.number().int().min(2000).max(2100),
    criterion: z.enum(Object.keys(RISK_CRITERIA) as [RiskCriterion, ...RiskCriterion[]]),
    count: z.coerce.number().int().min(1).max(10_000),
    note: z.string().trim().max(2000).optional(),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const regionId = actor.regionId ?? '';
    return ctx.database.transaction(async (tx) => {
      const result = await tx.execute(sql`
        SELECT e.id, u.name AS unit_name, v.error_count, v.warning_count, v.stated_score, v.computed_total, v.execution_rate, v.funds_score_full,
          (count(*) OVER ())::int AS candidates
        FROM evaluations e
        JOIN units u ON u.id = e.unit_id
        JOIN evaluation_versions v ON v.evaluation_id = e.id AND v.number = e.current_version
        WHERE u.region_id = ${regionId} AND e.year = ${input.year}::int AND e.status IN (${sql.join(SPOT_CHECK_STATUSES.map((s) => sql`${s}`), sql`, `)})
        ORDER BY ${ORDER[input.criterion]}
        LIMIT ${input.count}`);
      const chosen = (result as unknown as { rows: (Candidate & { candidates: number })[] }).rows;
      if (chosen.length === 0) throw new DomainError('spot-check-invalid', `本地区 ${input.year} 年度还没有已提交的自评可以抽查`);
      const candidates = Number(chosen[0]?.candidates ?? 0);
      const spotCheckId = ctx.newId();
      const method = `risk:${input.criterion}`;
      await tx.insert(spotChecks).values({ id: spotCheckId, regionId, year: input.year, method, seed: null, note: input.note ?? null, createdBy: actor.id, createdAt: ctx.clock() });
      const items = chosen.map((c) => ({ evaluationId: c.id, unitName: c.unit_name, reason: reasonOf(input.criterion, c) }));
      await tx.insert(spotCheckItems).values(items.map((c) => ({ spotCheckId, evaluationId: c.evaluationId, drawReason: c.reason })));
      await recordAudit(tx, ctx, {
        action: 'spot-check-create', entityType: 'spot-check', entityId: spotCheckId,
        summary: `${input.year} 年度抽查：按风险（${RISK_CRITERIA[input.criterion]}）从 ${candidates} 份中抽取 ${chosen.length} 份`,
        reason: input.note,
        details: { criterion: input.criterion, items },
      });
      return { id: spotCheckId, year: input.year, method, criterion: input.criterion, criterionName: RISK_CRITERIA[input.criterion], candidates, evaluationIds: chosen.map((c) => c.id), items };
    });
  },
});

export const RISK_SPOT_CHECK_COMMANDS = { 'spot-check-create-by-risk': spotCheckCreateByRisk } as const;

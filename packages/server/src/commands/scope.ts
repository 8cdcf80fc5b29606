/**
 * Who sees what: a unit's users see only their unit, a reviewer only the units of their region. Anything
 * outside the actor's scope is reported as not found, so its existence does not leak.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../domain/roles.ts';
import { isStatus, type Status } from '../domain/workflow.ts';
import type { Db } from '../storage/database.ts';
import { evaluations, units } from '../storage/schema.ts';

/** A condition on `units` that keeps the actor's units (false for an administrator). */
export function unitScope(actor: Actor): SQL {
  if (actor.role === 'reviewer') return actor.regionId ? eq(units.regionId, actor.regionId) : sql`false`;
  if (actor.role === 'preparer' || actor.role === 'unitHead') return actor.unitId ? eq(units.id, actor.unitId) : sql`false`;
  return sql`false`;
}

export type EvaluationRow = typeof evaluations.$inferSelect & { readonly status: Status; readonly unitName: string; readonly regionId: string };

export const notFound = (what: string, id: string) => new DomainError(`${what}-not-found`, `找不到${{ evaluation: '自评', unit: '单位', region: '地区', evidence: '佐证材料', 'spot-check': '抽查', user: '用户', version: '版本' }[what] ?? what}「${id}」，或你无权查看`);

/**
 * The evaluation if the actor may see it. `lock` takes a row lock (FOR UPDATE) for the rest of the
 * transaction: concurrent writers of one evaluation wait for each other.
 * @throws DomainError `evaluation-not-found`
 */
export async function evaluationInScope(db: Db, actor: Actor, id: string, lock = false): Promise<EvaluationRow> {
  const query = db
    .select({ evaluation: evaluations, unitName: units.name, regionId: units.regionId })
    .from(evaluations)
    .innerJoin(units, eq(units.id, evaluations.unitId))
    .where(and(eq(evaluations.id, id), unitScope(actor)));
  const [row] = lock ? await query.for('update', { of: evaluations }) : await query;
  if (!row || !isStatus(row.evaluation.status)) throw notFound('evaluation', id);
  return { ...row.evaluation, status: row.evaluation.status, unitName: row.unitName, regionId: row.regionId };
}

/** @throws DomainError `unit-not-found` */
export async function unitInScope(db: Db, actor: Actor, id: string): Promise<typeof units.$inferSelect> {
  const condition = actor.role === 'admin' ? eq(units.id, id) : and(eq(units.id, id), unitScope(actor));
  const [row] = await db.select().from(units).where(condition);
  if (!row) throw notFound('unit', id);
  return row;
}

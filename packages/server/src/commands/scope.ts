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

type ScopeKind = 'unit' | 'region';

/** Placeholders for the scope: a unit's users by their unit, a reviewer by their region. */
function scopeOf(actor: Actor): { kind: ScopeKind; value: string } | null {
  if (actor.role === 'reviewer') return actor.regionId ? { kind: 'region', value: actor.regionId } : null;
  if (actor.role === 'preparer' || actor.role === 'unitHead') return actor.unitId ? { kind: 'unit', value: actor.unitId } : null;
  return null;
}

const scopeCondition = (kind: ScopeKind) => (kind === 'unit' ? eq(units.id, sql.placeholder('scope')) : eq(units.regionId, sql.placeholder('scope')));

const buildEvaluationQuery = (db: Db, kind: ScopeKind) =>
  db
    .select({ evaluation: evaluations, unitName: units.name, regionId: units.regionId })
    .from(evaluations)
    .innerJoin(units, eq(units.id, evaluations.unitId))
    .where(and(eq(evaluations.id, sql.placeholder('id')), scopeCondition(kind)));

type Prepared<T> = { readonly unit: T; readonly region: T };

/**
 * Statements of the hot paths, prepared once per database handle: building a drizzle query costs more
 * than running it on PGlite.
 */
export function preparedFor<T>(cache: WeakMap<Db, Prepared<T>>, db: Db, build: (kind: ScopeKind) => T): Prepared<T> {
  let prepared = cache.get(db);
  if (!prepared) {
    prepared = { unit: build('unit'), region: build('region') };
    cache.set(db, prepared);
  }
  return prepared;
}

const evaluationQueries = new WeakMap<Db, Prepared<ReturnType<ReturnType<typeof buildEvaluationQuery>['prepare']>>>();

/** Runs a scoped, prepared query for the actor (nothing for an actor without a scope). */
export async function inScope<T>(actor: Actor, prepared: Prepared<{ execute(p: Record<string, unknown>): Promise<T[]> }>, params: Record<string, unknown>): Promise<T[]> {
  const scope = scopeOf(actor);
  if (!scope) return [];
  return prepared[scope.kind].execute({ ...params, scope: scope.value });
}

/**
 * The evaluation if the actor may see it. `lock` takes a row lock (FOR UPDATE) for the rest of the
 * transaction: concurrent writers of one evaluation wait for each other.
 * @throws DomainError `evaluation-not-found`
 */
export async function evaluationInScope(db: Db, actor: Actor, id: string, lock = false): Promise<EvaluationRow> {
  let row: { evaluation: typeof evaluations.$inferSelect; unitName: string; regionId: string } | undefined;
  if (lock) {
    [row] = await db
      .select({ evaluation: evaluations, unitName: units.name, regionId: units.regionId })
      .from(evaluations)
      .innerJoin(units, eq(units.id, evaluations.unitId))
      .where(and(eq(evaluations.id, id), unitScope(actor)))
      .for('update', { of: evaluations });
  } else {
    const prepared = preparedFor(evaluationQueries, db, (kind) => buildEvaluationQuery(db, kind).prepare(`evaluation_in_${kind}`));
    [row] = await inScope(actor, prepared, { id });
  }
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

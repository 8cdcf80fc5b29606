/**
 * Stores generated demo data: regions, units, one inactive `demo` account as the author, and every
 * evaluation with its first version — summary and findings computed by the core exactly as a save does
 * (`analyse`) — in batched multi-row inserts, one transaction per batch.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { DomainError, type Scheme } from '@jixiao/core';
import { eq } from 'drizzle-orm';
import { analyse } from '../commands/analysis.ts';
import { storedFindings } from '../commands/evaluations.ts';
import { pgErrorCode, PG_ERROR, type Database } from '../storage/database.ts';
import { auditLog, evaluations, evaluationVersions, regions, units, users } from '../storage/schema.ts';
import { type DemoData, type DemoDefect, DEMO_DEFECTS } from './generate.ts';

export type DemoStoreOptions = {
  /** Evaluations per insert (default 500). */
  readonly batchSize?: number | undefined;
  readonly clock?: (() => Date) | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
};

export type DemoStoreResult = {
  readonly regions: number;
  readonly units: number;
  readonly evaluations: number;
  /** Evaluations with each injected defect, and how many of them the check named for it found. */
  readonly defects: Record<DemoDefect, { injected: number; found: number }>;
  readonly byStatus: Record<string, number>;
  readonly milliseconds: number;
};

const DEMO_USERNAME = 'demo';

/** The author of demo data: an inactive administrator that cannot sign in. */
async function demoAuthor(database: Database, at: Date): Promise<string> {
  const [found] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERNAME));
  if (found) return found.id;
  const id = randomUUID();
  await database.db.insert(users).values({
    id, username: DEMO_USERNAME, displayName: '演示数据生成器', passwordHash: '!', role: 'admin', isActive: false, createdAt: at, updatedAt: at,
  });
  return id;
}

/** @throws DomainError `demo-exists` when the regions of this seed are already stored */
export async function storeDemo(database: Database, data: DemoData, schemes: readonly Scheme[], options: DemoStoreOptions = {}): Promise<DemoStoreResult> {
  const started = performance.now();
  const clock = options.clock ?? (() => new Date());
  const batchSize = Math.max(1, options.batchSize ?? 500);
  const at = clock();
  const author = await demoAuthor(database, at);
  const regionIds = data.regions.map(() => randomUUID());
  const unitIds = data.units.map(() => randomUUID());
  try {
    await database.transaction(async (tx) => {
      await tx.insert(regions).values(data.regions.map((r, i) => ({ id: regionIds[i] as string, name: r.name, financeBureau: r.financeBureau, createdAt: at })));
      for (let i = 0; i < data.units.length; i += batchSize) {
        await tx.insert(units).values(data.units.slice(i, i + batchSize).map((u) => ({
          id: unitIds[u.index] as string, regionId: regionIds[u.regionIndex] as string, name: u.name, code: u.code, kind: 'supervisingDepartment', createdAt: at,
        })));
      }
    });
  } catch (e) {
    if (pgErrorCode(e) === PG_ERROR.uniqueViolation) {
      throw new DomainError('demo-exists', `种子「${data.seed}」的演示地区已经存在：请换一个 --seed，或使用新的数据目录/数据库`);
    }
    throw e;
  }

  const defects = Object.fromEntries(Object.keys(DEMO_DEFECTS).map((k) => [k, { injected: 0, found: 0 }])) as Record<DemoDefect, { injected: number; found: number }>;
  const byStatus: Record<string, number> = {};
  let done = 0;
  let batch: { evaluation: typeof evaluations.$inferInsert; version: typeof evaluationVersions.$inferInsert }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await database.transaction(async (tx) => {
      await tx.insert(evaluations).values(rows.map((r) => r.evaluation));
      await tx.insert(evaluationVersions).values(rows.map((r) => r.version));
    });
    done += rows.length;
    options.onProgress?.(done, data.evaluationCount);
  };
  for (const e of data.evaluations()) {
    const analysis = analyse(e.document, schemes);
    const checks = new Set(analysis.findings.map((f) => f.check));
    for (const d of e.defects) {
      defects[d].injected += 1;
      if (checks.has(DEMO_DEFECTS[d])) defects[d].found += 1;
    }
    byStatus[e.status] = (byStatus[e.status] ?? 0) + 1;
    const id = randomUUID();
    const s = analysis.summary;
    batch.push({
      evaluation: {
        id, unitId: unitIds[e.unitIndex] as string, year: e.year, kind: e.kind, projectName: e.projectName, status: e.status,
        currentVersion: 1, submittedVersion: e.status === 'draft' ? null : 1, createdBy: author, createdAt: at, updatedAt: at,
      },
      version: {
        evaluationId: id, number: 1, document: e.document, schemeId: s.schemeId, computedTotal: s.computedTotal, computedGrade: s.computedGrade,
        statedTotal: s.statedTotal, errorCount: s.errorCount, warningCount: s.warningCount, infoCount: s.infoCount,
        findings: storedFindings(analysis.findings), note: '演示数据', createdBy: author, createdAt: at,
      },
    });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await database.db.insert(auditLog).values({
    at: clock(), userId: author, username: DEMO_USERNAME, action: 'demo-load', entityType: 'demo', entityId: data.seed,
    summary: `生成演示数据：${data.regions.length} 个地区、${data.units.length} 个单位、${done} 份自评（种子 ${data.seed}）`,
    details: { years: data.years, defects, byStatus },
  });
  return { regions: data.regions.length, units: data.units.length, evaluations: done, defects, byStatus, milliseconds: Math.round(performance.now() - started) };
}

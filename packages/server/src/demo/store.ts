/**
 * Stores generated demo data: regions, units, one inactive `demo` account as the author, and every
 * evaluation with its first version — summary and findings computed by the core exactly as a save does
 * (`analyse`). Built for a province (100,000 evaluations):
 *
 * - generating and analysing (the CPU work, ~5 ms an evaluation) runs in worker threads, a range of units
 *   each, while this thread inserts what is ready (at most two ranges per thread wait, so memory stays flat);
 * - each range is inserted with one statement (`json_to_recordset` of one JSON parameter, see `insertRows`),
 *   in a transaction of its own.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { DomainError, type Scheme } from '@jixiao/core';
import { eq, sql } from 'drizzle-orm';
import { generatePassword, hashPassword, type PasswordCost } from '../auth/password.ts';
import { threadPool } from '../commands/analysis-pool.ts';
import { pgErrorCode, PG_ERROR, type Database, type Db } from '../storage/database.ts';
import { auditLog, regions, units, users } from '../storage/schema.ts';
import { type DemoData, type DemoDefect, DEMO_DEFECTS } from './generate.ts';
import { type DemoRow, type DemoTask, type PreparedRows, timedPrepare } from './prepare.ts';

export type DemoStoreOptions = {
  /** Evaluations per insert (and per task of a worker thread; default 500). */
  readonly batchSize?: number | undefined;
  /** Worker threads that generate and analyse (default: one per core when there are 2,000 evaluations or more, else none: this thread). */
  readonly threads?: number | undefined;
  readonly clock?: (() => Date) | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** One password for the regions' reviewer accounts (else each is generated, to be changed at the first login). */
  readonly reviewerPassword?: string | undefined;
  readonly passwordCost?: PasswordCost | undefined;
};

/** A demo region's 财政审核 account: the password is shown once (generated ones must be changed at the first login). */
export type DemoReviewer = { readonly username: string; readonly regionName: string; readonly password: string };

export type DemoStoreResult = {
  readonly regions: number;
  readonly units: number;
  readonly evaluations: number;
  /** Evaluations with each injected defect, and how many of them the check named for it found. */
  readonly defects: Record<DemoDefect, { injected: number; found: number }>;
  readonly byStatus: Record<string, number>;
  readonly milliseconds: number;
  /** Where the time went: generating and analysing (summed over the threads) and inserting (this thread). */
  readonly profile: { readonly threads: number; readonly prepareMilliseconds: number; readonly insertMilliseconds: number };
  readonly reviewers: readonly DemoReviewer[];
};

/** `jixiao-demo` → `jixiao-demo-reviewer-3`: a username per seed and region (3–32 characters, as user-create wants). */
export const demoReviewerUsername = (seed: string, regionIndex: number): string =>
  `${seed.toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 12) || 'demo'}-reviewer-${regionIndex + 1}`;

const DEMO_USERNAME = 'demo';
/** Below this many evaluations, starting worker threads costs more than it saves. */
const THREADS_FROM = 2000;

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

/**
 * Inserts the evaluations and their first versions of one range in ONE statement: the rows travel as one
 * JSON text parameter (the documents and findings spliced in as the JSON they already are) read with
 * `json_to_recordset`, and a data-modifying CTE writes both tables. One parameter whatever the number of
 * rows, the same on PGlite and PostgreSQL, no COPY driver needed; a text[] parameter per column was
 * three times slower (the driver escapes every quote of every document into an array literal).
 */
async function insertRows(tx: Db, rows: readonly DemoRow[], unitIds: readonly string[], author: string, at: Date): Promise<void> {
  const q = JSON.stringify;
  const json = `[${rows.map((r) => `{"id":${q(randomUUID())},"unit_id":${q(unitIds[r.unitIndex])},"year":${r.year},"kind":${q(r.kind)},"project_name":${q(r.projectName)},"status":${q(r.status)},`
    + `"scheme_id":${q(r.schemeId)},"computed_total":${q(r.computedTotal)},"computed_grade":${q(r.computedGrade)},"stated_total":${q(r.statedTotal)},`
    + `"errors":${r.errorCount},"warnings":${r.warningCount},"infos":${r.infoCount},"document":${r.document},"findings":${r.findings}}`).join(',')}]`;
  const when = at.toISOString();
  await tx.execute(sql`
    WITH t AS (
      SELECT * FROM json_to_recordset(${json}::json) AS t(id text, unit_id text, year int, kind text, project_name text, status text, scheme_id text,
        computed_total numeric, computed_grade text, stated_total text, errors int, warnings int, infos int, document jsonb, findings jsonb)
    ), e AS (
      INSERT INTO evaluations (id, unit_id, year, kind, project_name, status, current_version, submitted_version, created_by, created_at, updated_at)
      SELECT id, unit_id, year, kind, project_name, status, 1, CASE WHEN status = 'draft' THEN NULL ELSE 1 END, ${author}, ${when}::timestamptz, ${when}::timestamptz FROM t
    )
    INSERT INTO evaluation_versions (evaluation_id, number, document, scheme_id, computed_total, computed_grade, stated_total, error_count, warning_count, info_count, findings, note, created_by, created_at)
    SELECT id, 1, document, scheme_id, computed_total, computed_grade, stated_total, errors, warnings, infos, findings, '演示数据', ${author}, ${when}::timestamptz FROM t`);
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
  const reviewers: DemoReviewer[] = [];
  try {
    await database.transaction(async (tx) => {
      await tx.insert(regions).values(data.regions.map((r, i) => ({ id: regionIds[i] as string, name: r.name, financeBureau: r.financeBureau, createdAt: at })));
      for (let i = 0; i < data.units.length; i += batchSize) {
        await tx.insert(units).values(data.units.slice(i, i + batchSize).map((u) => ({
          id: unitIds[u.index] as string, regionId: regionIds[u.regionIndex] as string, name: u.name, code: u.code, kind: 'supervisingDepartment', createdAt: at,
        })));
      }
      for (const [i, r] of data.regions.entries()) {
        const password = options.reviewerPassword ?? generatePassword();
        const hash = await hashPassword(password, options.passwordCost);
        const username = demoReviewerUsername(data.seed, i);
        await tx.insert(users).values({
          id: randomUUID(), username, displayName: `${r.financeBureau}绩效股（演示）`, passwordHash: hash,
          provisionalPasswordHash: options.reviewerPassword === undefined ? hash : null, role: 'reviewer', regionId: regionIds[i] as string, createdAt: at, updatedAt: at,
        });
        reviewers.push({ username, regionName: r.name, password });
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
  const unitsPerTask = Math.max(1, Math.floor(batchSize / data.years.length));
  const tasks: { from: number; to: number }[] = [];
  for (let from = 0; from < data.units.length; from += unitsPerTask) tasks.push({ from, to: Math.min(data.units.length, from + unitsPerTask) });
  const threads = Math.max(0, options.threads ?? (data.evaluationCount >= THREADS_FROM ? availableParallelism() : 0));
  const pool = threads > 0 ? threadPool<DemoTask, PreparedRows>(new URL('./worker.ts', import.meta.url), threads, 'demo-failed') : null;
  const prepare = (t: { from: number; to: number }): Promise<PreparedRows> =>
    pool ? pool({ options: data.options, schemes, from: t.from, to: t.to }) : Promise.resolve(timedPrepare(data, schemes, t.from, t.to));

  let done = 0;
  let insertMilliseconds = 0;
  let prepareMilliseconds = 0;
  try {
    // Ranges are prepared ahead (two per thread) and inserted in order as they come.
    const ahead = Math.max(1, threads * 2);
    const pending: Promise<PreparedRows>[] = [];
    let next = 0;
    const fill = () => {
      while (next < tasks.length && pending.length < ahead) {
        const p = prepare(tasks[next++] as { from: number; to: number });
        p.catch(() => undefined); // awaited in order below; a rejection is not unhandled meanwhile
        pending.push(p);
      }
    };
    fill();
    while (pending.length > 0) {
      const { rows, milliseconds } = await (pending.shift() as Promise<PreparedRows>);
      prepareMilliseconds += milliseconds;
      fill();
      for (const r of rows) {
        for (const d of r.defects) defects[d].injected += 1;
        for (const d of r.found) defects[d].found += 1;
        byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      }
      const t0 = performance.now();
      await database.transaction((tx) => insertRows(tx, rows, unitIds, author, at));
      insertMilliseconds += performance.now() - t0;
      done += rows.length;
      options.onProgress?.(done, data.evaluationCount);
    }
  } finally {
    await pool?.close();
  }
  await database.db.insert(auditLog).values({
    at: clock(), userId: author, username: DEMO_USERNAME, action: 'demo-load', entityType: 'demo', entityId: data.seed,
    summary: `生成演示数据：${data.regions.length} 个地区、${data.units.length} 个单位、${done} 份自评（种子 ${data.seed}）`,
    details: { years: data.years, defects, byStatus },
  });
  return {
    regions: data.regions.length, units: data.units.length, evaluations: done, defects, byStatus, milliseconds: Math.round(performance.now() - started),
    profile: { threads, prepareMilliseconds: Math.round(prepareMilliseconds), insertMilliseconds: Math.round(insertMilliseconds) },
    reviewers,
  };
}

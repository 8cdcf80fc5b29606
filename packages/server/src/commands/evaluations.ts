/**
 * Evaluations and their versions: create, list, read, save an edit (a new version, with optimistic
 * locking), list and compare versions, run the checks without storing.
 * @module
 */
import { DomainError, type Finding } from '@jixiao/core';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Change, describeChange, diffDocuments } from '../domain/diff.ts';
import { type Actor } from '../domain/roles.ts';
import { allowedActions, EDITABLE_STATUSES, STATUS_NAMES, STATUSES, type Status } from '../domain/workflow.ts';
import { pgErrorCode, PG_ERROR, type Db } from '../storage/database.ts';
import { evaluations, evaluationVersions, type StoredFinding, units, users } from '../storage/schema.ts';
import { type Checked, findingKey } from './analysis.ts';
import { JsonText } from './json-text.ts';
import {
  type CommandContext, defineCommand, DetailedError, evaluationDocument, id, type Page, paging, recordAudit, requireActor,
} from './registry.ts';
import { type EvaluationRow, evaluationInScope, inScope, notFound, preparedFor, unitInScope, unitScope } from './scope.ts';

export const KIND_NAMES = { department: '部门整体支出绩效自评', project: '项目支出绩效自评' } as const;

const READERS = ['preparer', 'unitHead', 'reviewer'] as const;
const WRITERS = ['preparer'] as const;

/** A stored finding with the key the web app uses to follow it across versions. */
export type FindingView = StoredFinding & { readonly key: string };

export type VersionMeta = {
  readonly number: number;
  readonly schemeId: string;
  readonly computedTotal: string | null;
  readonly computedGrade: string | null;
  readonly statedTotal: string | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly note: string | null;
  readonly createdBy: { readonly id: string; readonly displayName: string };
  readonly createdAt: string;
};

export type EvaluationSummary = {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly kind: string;
  readonly kindName: string;
  readonly projectName: string;
  readonly status: Status;
  readonly statusName: string;
  readonly currentVersion: number;
  readonly submittedVersion: number | null;
  readonly reviewScore: string | null;
  readonly updatedAt: string;
};

export type EvaluationDetail = EvaluationSummary & {
  readonly reviewOpinion: string | null;
  readonly createdAt: string;
  readonly isEditable: boolean;
  readonly allowedActions: string[];
  readonly version: VersionMeta & { readonly document: unknown };
  readonly findings: FindingView[];
};

const summaryOf = (e: typeof evaluations.$inferSelect, unitName: string): EvaluationSummary => {
  const status = e.status as Status;
  return {
    id: e.id,
    unitId: e.unitId,
    unitName,
    year: e.year,
    kind: e.kind,
    kindName: KIND_NAMES[e.kind as keyof typeof KIND_NAMES] ?? e.kind,
    projectName: e.projectName,
    status,
    statusName: STATUS_NAMES[status] ?? e.status,
    currentVersion: e.currentVersion,
    submittedVersion: e.submittedVersion,
    reviewScore: e.reviewScore,
    updatedAt: e.updatedAt.toISOString(),
  };
};

/** The findings as stored with their version. */
export const storedFindings = (list: readonly Finding[]): StoredFinding[] =>
  list.map((f) => ({
    check: f.check,
    category: f.category,
    severity: f.severity,
    message: f.message,
    path: f.location.path,
    stated: f.stated === undefined ? null : String(f.stated),
    expected: f.expected === undefined ? null : String(f.expected),
    line: f.location.line ?? null,
    excerpt: f.location.excerpt ?? null,
  }));

const findingViews = (list: readonly StoredFinding[]): FindingView[] => list.map((f) => ({ key: findingKey({ check: f.check, path: f.path }), ...f }));

export async function loadFindings(db: Db, evaluationId: string, version: number): Promise<FindingView[]> {
  const [row] = await db
    .select({ findings: evaluationVersions.findings })
    .from(evaluationVersions)
    .where(and(eq(evaluationVersions.evaluationId, evaluationId), eq(evaluationVersions.number, version)));
  return findingViews(row?.findings ?? []);
}

const versionColumns = {
  number: evaluationVersions.number,
  schemeId: evaluationVersions.schemeId,
  computedTotal: evaluationVersions.computedTotal,
  computedGrade: evaluationVersions.computedGrade,
  statedTotal: evaluationVersions.statedTotal,
  errorCount: evaluationVersions.errorCount,
  warningCount: evaluationVersions.warningCount,
  infoCount: evaluationVersions.infoCount,
  note: evaluationVersions.note,
  createdAt: evaluationVersions.createdAt,
  createdById: users.id,
  createdByName: users.displayName,
};

type VersionRow = {
  readonly number: number;
  readonly schemeId: string;
  readonly computedTotal: string | null;
  readonly computedGrade: string | null;
  readonly statedTotal: string | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly note: string | null;
  readonly createdAt: Date;
  readonly createdById: string;
  readonly createdByName: string;
};

const metaOf = (r: VersionRow): VersionMeta => ({
  number: r.number,
  schemeId: r.schemeId,
  computedTotal: r.computedTotal,
  computedGrade: r.computedGrade,
  statedTotal: r.statedTotal,
  errorCount: r.errorCount,
  warningCount: r.warningCount,
  infoCount: r.infoCount,
  note: r.note,
  createdBy: { id: r.createdById, displayName: r.createdByName },
  createdAt: r.createdAt.toISOString(),
});

export async function loadVersion(db: Db, evaluationId: string, number: number): Promise<VersionMeta & { document: unknown }> {
  const [row] = await db
    .select({ ...versionColumns, document: evaluationVersions.document })
    .from(evaluationVersions)
    .innerJoin(users, eq(users.id, evaluationVersions.createdBy))
    .where(and(eq(evaluationVersions.evaluationId, evaluationId), eq(evaluationVersions.number, number)));
  if (!row) throw notFound('version', `${evaluationId} 第 ${number} 版`);
  return { ...metaOf(row), document: row.document };
}

/** The document must be the evaluation it is saved into: same kind, year, unit or project. */
function checkIdentity(analysis: Checked, target: { kind: string; year: number; projectName: string; unitName: string }): void {
  const doc = analysis.identity;
  const problems: string[] = [];
  if (doc.kind !== target.kind) problems.push(`类型为「${KIND_NAMES[doc.kind]}」，应为「${KIND_NAMES[target.kind as keyof typeof KIND_NAMES] ?? target.kind}」`);
  if (doc.year !== target.year) problems.push(`年度为 ${doc.year}，应为 ${target.year}`);
  if (doc.kind === 'project' && doc.projectName !== target.projectName) problems.push(`项目名称为「${doc.projectName}」，应为「${target.projectName}」`);
  if (doc.unitName !== null && doc.unitName !== target.unitName) problems.push(`unit.name 为「${doc.unitName}」，应为本单位「${target.unitName}」`);
  if (problems.length > 0) throw new DomainError('document-mismatch', `自评数据与这份自评不符：${problems.join('；')}`, problems);
}

async function storeVersion(tx: Db, ctx: CommandContext, actor: Actor, evaluationId: string, number: number, document: unknown, analysis: Checked, note: string | null): Promise<void> {
  await tx.insert(evaluationVersions).values({
    evaluationId,
    number,
    document,
    schemeId: analysis.summary.schemeId,
    computedTotal: analysis.summary.computedTotal,
    computedGrade: analysis.summary.computedGrade,
    statedTotal: analysis.summary.statedTotal,
    errorCount: analysis.summary.errorCount,
    warningCount: analysis.summary.warningCount,
    infoCount: analysis.summary.infoCount,
    findings: storedFindings(analysis.findings),
    note,
    createdBy: actor.id,
    createdAt: ctx.clock(),
  });
}

type ClaimInput = {
  readonly evaluationId: string;
  readonly baseVersion: number;
  readonly status: Status;
  readonly number: number;
  readonly document: unknown;
  readonly analysis: Checked;
  readonly note: string | null;
  readonly actor: Actor;
  readonly at: Date;
  readonly summary: string;
};

/**
 * Moves the evaluation from `baseVersion` to `number` if nobody did first, and in the same statement
 * stores the version (with its findings) and the audit row. Returns false (and writes nothing) when the
 * evaluation is no longer at `baseVersion` in `status`.
 */
export async function claimAndStoreVersion(tx: Db, v: ClaimInput): Promise<boolean> {
  const s = v.analysis.summary;
  const at = v.at.toISOString();
  const found = JSON.stringify(storedFindings(v.analysis.findings));
  const result = await tx.execute(sql`
    WITH claimed AS (
      UPDATE evaluations SET current_version = ${v.number}, updated_at = ${at}::timestamptz
      WHERE id = ${v.evaluationId} AND current_version = ${v.baseVersion} AND status = ${v.status}
      RETURNING id
    ), stored AS (
      INSERT INTO evaluation_versions (evaluation_id, number, document, scheme_id, computed_total, computed_grade, stated_total, error_count, warning_count, info_count, findings, note, created_by, created_at)
      SELECT id, ${v.number}, ${JSON.stringify(v.document)}::jsonb, ${s.schemeId}, ${s.computedTotal}::numeric, ${s.computedGrade}, ${s.statedTotal}, ${s.errorCount}, ${s.warningCount}, ${s.infoCount}, ${found}::jsonb, ${v.note}, ${v.actor.id}, ${at}::timestamptz
      FROM claimed
      RETURNING evaluation_id
    ), audited AS (
      INSERT INTO audit_log (at, user_id, username, action, entity_type, entity_id, summary, reason, details)
      SELECT ${at}::timestamptz, ${v.actor.id}, ${v.actor.username}, 'evaluation-save', 'evaluation', id, ${v.summary}, ${v.note}, ${JSON.stringify({ version: v.number })}::jsonb
      FROM claimed
    )
    SELECT count(*)::int AS n FROM stored`);
  const [row] = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(row?.n ?? 0) === 1;
}

const note = z.string().trim().max(500).optional();

export const evaluationCreate = defineCommand({
  name: 'evaluation-create',
  summary: '新建自评（第 1 版）',
  access: WRITERS,
  input: z.strictObject({ unitId: id('单位').optional(), document: evaluationDocument, note }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const unitId = input.unitId ?? actor.unitId ?? '';
    const analysis = await ctx.analyse(input.document);
    const identity = analysis.identity;
    const newId = ctx.newId();
    const now = ctx.clock();
    try {
      await ctx.database.transaction(async (tx) => {
        const unit = await unitInScope(tx, actor, unitId);
        checkIdentity(analysis, { ...identity, unitName: unit.name });
        await tx.insert(evaluations).values({
          id: newId, unitId: unit.id, year: identity.year, kind: identity.kind, projectName: identity.projectName,
          status: 'draft', currentVersion: 1, createdBy: actor.id, createdAt: now, updatedAt: now,
        });
        await storeVersion(tx, ctx, actor, newId, 1, input.document, analysis, input.note ?? null);
        await recordAudit(tx, ctx, {
          action: 'evaluation-create', entityType: 'evaluation', entityId: newId,
          summary: `新建 ${unit.name} ${identity.year}年度${KIND_NAMES[identity.kind]}${identity.projectName ? `「${identity.projectName}」` : ''}（第 1 版，${analysis.summary.errorCount} 个错误）`,
          reason: input.note,
        });
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_ERROR.uniqueViolation) {
        throw new DomainError('evaluation-exists', `本单位 ${identity.year} 年度的这份${KIND_NAMES[identity.kind]}已经存在，请打开它修改`);
      }
      throw e;
    }
    return getEvaluation(ctx, actor, newId);
  },
});

const buildGetQuery = (db: Db, kind: 'unit' | 'region') =>
  db
    .select({ evaluation: evaluations, unitName: units.name, regionId: units.regionId, ...versionColumns, document: sql<string>`${evaluationVersions.document}::text`, findings: evaluationVersions.findings })
    .from(evaluations)
    .innerJoin(units, eq(units.id, evaluations.unitId))
    .innerJoin(evaluationVersions, and(eq(evaluationVersions.evaluationId, evaluations.id), eq(evaluationVersions.number, evaluations.currentVersion)))
    .innerJoin(users, eq(users.id, evaluationVersions.createdBy))
    .where(and(eq(evaluations.id, sql.placeholder('id')), kind === 'unit' ? eq(units.id, sql.placeholder('scope')) : eq(units.regionId, sql.placeholder('scope'))))
    .prepare(`evaluation_get_in_${kind}`);
const getQueries = new WeakMap<Db, { unit: ReturnType<typeof buildGetQuery>; region: ReturnType<typeof buildGetQuery> }>();

/**
 * An evaluation with its current version, the version's author and its findings, in one prepared query.
 * The document stays the stored JSON text (`version.document` is a JsonText).
 */
async function getEvaluation(ctx: CommandContext, actor: Actor, evaluationId: string): Promise<EvaluationDetail> {
  const db = ctx.database.db;
  const [row] = await inScope(actor, preparedFor(getQueries, db, (kind) => buildGetQuery(db, kind)), { id: evaluationId });
  if (!row) throw notFound('evaluation', evaluationId);
  const e: EvaluationRow = { ...row.evaluation, status: row.evaluation.status as Status, unitName: row.unitName, regionId: row.regionId };
  return detailOf(e, actor, { ...metaOf(row), document: new JsonText(row.document) }, findingViews(row.findings));
}

const detailOf = (e: EvaluationRow, actor: Actor, version: VersionMeta & { document: unknown }, list: FindingView[]): EvaluationDetail => ({
  ...summaryOf(e, e.unitName),
  reviewOpinion: e.reviewOpinion,
  createdAt: e.createdAt.toISOString(),
  isEditable: EDITABLE_STATUSES.includes(e.status) && actor.role === 'preparer',
  allowedActions: allowedActions(e.status, actor),
  version,
  findings: list,
});

export const evaluationGet = defineCommand({
  name: 'evaluation-get',
  summary: '读取自评（当前版本、发现的问题、可进行的操作）',
  access: READERS,
  input: z.strictObject({ id: id('自评') }),
  run: (ctx, input) => getEvaluation(ctx, requireActor(ctx), input.id),
});

export const evaluationList = defineCommand({
  name: 'evaluation-list',
  summary: '列出自评（按单位、年度、类型、状态筛选，分页）',
  access: READERS,
  input: z.strictObject({
    unitId: id('单位').optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: z.enum(['department', 'project']).optional(),
    status: z.enum(STATUSES as [Status, ...Status[]]).optional(),
    ...paging,
  }),
  async run(ctx, input): Promise<Page<EvaluationSummary & { computedTotal: string | null; computedGrade: string | null; statedTotal: string | null; errorCount: number }>> {
    const actor = requireActor(ctx);
    const conditions: SQL[] = [unitScope(actor)];
    if (input.unitId) conditions.push(eq(evaluations.unitId, input.unitId));
    if (input.year) conditions.push(eq(evaluations.year, input.year));
    if (input.kind) conditions.push(eq(evaluations.kind, input.kind));
    if (input.status) conditions.push(eq(evaluations.status, input.status));
    const where = and(...conditions);
    const db = ctx.database.db;
    const [totalRow] = await db.select({ n: count() }).from(evaluations).innerJoin(units, eq(units.id, evaluations.unitId)).where(where);
    const rows = await db
      .select({ e: evaluations, unitName: units.name, computedTotal: evaluationVersions.computedTotal, computedGrade: evaluationVersions.computedGrade, statedTotal: evaluationVersions.statedTotal, errorCount: evaluationVersions.errorCount })
      .from(evaluations)
      .innerJoin(units, eq(units.id, evaluations.unitId))
      .innerJoin(evaluationVersions, and(eq(evaluationVersions.evaluationId, evaluations.id), eq(evaluationVersions.number, evaluations.currentVersion)))
      .where(where)
      .orderBy(desc(evaluations.year), asc(units.name), asc(evaluations.kind), asc(evaluations.projectName))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    return {
      items: rows.map((r) => ({ ...summaryOf(r.e, r.unitName), computedTotal: r.computedTotal, computedGrade: r.computedGrade, statedTotal: r.statedTotal, errorCount: r.errorCount })),
      page: input.page,
      pageSize: input.pageSize,
      total: totalRow?.n ?? 0,
    };
  },
});

/** `2023-02-20 15:04` in China Standard Time (UTC+8, no daylight saving). */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The conflict a stale save gets: what the other person changed since the base version, nothing overwritten. */
async function conflictError(tx: Db, e: EvaluationRow, baseVersion: number, mine: unknown): Promise<DetailedError> {
  const current = await loadVersion(tx, e.id, e.currentVersion);
  if (baseVersion < 1 || baseVersion > e.currentVersion) {
    return new DetailedError('edit-conflict', `保存冲突：第 ${baseVersion} 版不存在，当前是第 ${e.currentVersion} 版。你的修改没有保存，请在当前版本的基础上重新修改。`, [], { currentVersion: e.currentVersion, changes: [] });
  }
  const base = await loadVersion(tx, e.id, baseVersion);
  const theirs = diffDocuments(base.document, current.document);
  const minePaths = new Set(diffDocuments(base.document, mine).map((c) => c.path));
  const both = theirs.filter((c) => minePaths.has(c.path));
  const details = theirs.slice(0, 50).map((c) => `${describeChange(c)}${minePaths.has(c.path) ? '（你也改了这里）' : ''}`);
  if (theirs.length > 50) details.push(`…… 另有 ${theirs.length - 50} 处`);
  const when = beijingTime(current.createdAt);
  return new DetailedError(
    'edit-conflict',
    `保存冲突：你基于第 ${baseVersion} 版修改，但${current.createdBy.displayName}已于 ${when}（北京时间）保存了第 ${e.currentVersion} 版，改动了 ${theirs.length} 处${both.length ? `，其中 ${both.length} 处你也改了` : ''}。你的修改没有保存，也没有被覆盖：请在第 ${e.currentVersion} 版的基础上合并后再保存。`,
    details,
    { currentVersion: e.currentVersion, changedBy: current.createdBy, changedAt: current.createdAt, changes: theirs.slice(0, 500), bothChanged: both.map((c) => c.path) },
  );
}

export const evaluationSave = defineCommand({
  name: 'evaluation-save',
  summary: '保存修改（校验、计分、审核后存为新版本；基于旧版本的保存得到冲突）',
  access: WRITERS,
  input: z.strictObject({ id: id('自评'), baseVersion: z.coerce.number().int().min(1), document: evaluationDocument, note }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const analysis = await ctx.analyse(input.document);
    const db = ctx.database.db;
    const check = (e: EvaluationRow) => {
      if (!EDITABLE_STATUSES.includes(e.status)) {
        throw new DomainError('evaluation-locked', `自评当前为「${STATUS_NAMES[e.status]}」，不能修改（只有草稿和已退回的自评可以修改；已提交的版本不可更改）`);
      }
      checkIdentity(analysis, { kind: e.kind, year: e.year, projectName: e.projectName, unitName: e.unitName });
    };
    const e = await evaluationInScope(db, actor, input.id);
    check(e);
    if (e.currentVersion !== input.baseVersion) throw await conflictError(db, e, input.baseVersion, input.document);
    const next = e.currentVersion + 1;
    const now = ctx.clock();
    // One statement claims the next version (only if the base and the status are still what was read)
    // and stores the version, its findings and the audit row. A statement is its own transaction: all of
    // it or none of it, in one round trip.
    const isStored = await claimAndStoreVersion(db, {
      evaluationId: e.id, baseVersion: input.baseVersion, status: e.status, number: next, document: input.document, analysis,
      note: input.note ?? null, actor, at: now,
      summary: `保存第 ${next} 版（${analysis.summary.errorCount} 个错误，${analysis.summary.warningCount} 个警告）`,
    });
    if (!isStored) {
      const fresh = await evaluationInScope(db, actor, input.id);
      check(fresh);
      throw await conflictError(db, fresh, input.baseVersion, input.document);
    }
    const saved = { ...e, currentVersion: next, updatedAt: now };
    return {
      id: saved.id,
      version: saved.currentVersion,
      status: saved.status,
      summary: analysis.summary,
      findings: analysis.findings.map((f) => ({ key: findingKey(f), ...f })),
    };
  },
});

export const evaluationVersions_ = defineCommand({
  name: 'evaluation-versions',
  summary: '列出自评的全部版本（新的在前，分页）',
  access: READERS,
  input: z.strictObject({ id: id('自评'), ...paging }),
  async run(ctx, input): Promise<Page<VersionMeta>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const rows = await db
      .select(versionColumns)
      .from(evaluationVersions)
      .innerJoin(users, eq(users.id, evaluationVersions.createdBy))
      .where(eq(evaluationVersions.evaluationId, e.id))
      .orderBy(desc(evaluationVersions.number))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    return { items: rows.map(metaOf), page: input.page, pageSize: input.pageSize, total: e.currentVersion };
  },
});

export const evaluationVersion = defineCommand({
  name: 'evaluation-version',
  summary: '读取某一版本（内容与发现的问题）',
  access: READERS,
  input: z.strictObject({ id: id('自评'), number: z.coerce.number().int().min(1) }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const version = await loadVersion(db, e.id, input.number);
    return { ...version, findings: await loadFindings(db, e.id, input.number) };
  },
});

export const evaluationCompare = defineCommand({
  name: 'evaluation-compare',
  summary: '比较两个版本（逐字段列出改动）',
  access: READERS,
  input: z.strictObject({ id: id('自评'), from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  async run(ctx, input): Promise<{ from: VersionMeta; to: VersionMeta; changes: Change[]; descriptions: string[] }> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const [a, b] = [await loadVersion(db, e.id, input.from), await loadVersion(db, e.id, input.to)];
    const changes = diffDocuments(a.document, b.document);
    const { document: _a, ...from } = a;
    const { document: _b, ...to } = b;
    return { from, to, changes, descriptions: changes.map(describeChange) };
  },
});

export const checkRun = defineCommand({
  name: 'check-run',
  summary: '只校验、计分、审核一份自评数据，不保存',
  access: 'signed-in',
  input: z.strictObject({ document: evaluationDocument }),
  async run(ctx, input) {
    const analysis = await ctx.analyse(input.document);
    return { summary: analysis.summary, findings: analysis.findings.map((f) => ({ key: findingKey(f), ...f })) };
  },
});

export const EVALUATION_COMMANDS = {
  'evaluation-list': evaluationList,
  'evaluation-create': evaluationCreate,
  'evaluation-get': evaluationGet,
  'evaluation-save': evaluationSave,
  'evaluation-versions': evaluationVersions_,
  'evaluation-version': evaluationVersion,
  'evaluation-compare': evaluationCompare,
  'check-run': checkRun,
} as const;

export { READERS, WRITERS };

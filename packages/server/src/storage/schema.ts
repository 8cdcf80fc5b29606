/**
 * The database schema (drizzle, PostgreSQL only, so that the same schema, migrations and queries run on
 * PGlite and on a PostgreSQL server). Migrations in `packages/server/drizzle/` are generated from this file
 * with `npm run db:generate -w packages/server`.
 *
 * Ids are text (UUIDs made by the application), timestamps are `timestamptz`, scores are `numeric` (read
 * back as strings: no money or score ever passes through a float).
 * @module
 */
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, customType, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A finding as stored with its version. */
export type StoredFinding = {
  readonly check: string;
  readonly category: string;
  readonly severity: string;
  readonly message: string;
  readonly path: string;
  readonly stated: string | null;
  readonly expected: string | null;
  readonly line: number | null;
  readonly excerpt: string | null;
};

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea as a Uint8Array on both drivers (pg gives a Buffer, PGlite a Uint8Array). */
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** A region (县、市、省) and its finance bureau (财政局). */
export const regions = pgTable('regions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  financeBureau: text('finance_bureau').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('regions_name_key').on(t.name)]);

/** A unit: a 主管部门 (supervising department) or a 预算单位 (budget unit) under one. */
export const units = pgTable('units', {
  id: text('id').primaryKey(),
  regionId: text('region_id').notNull().references(() => regions.id),
  parentId: text('parent_id'),
  name: text('name').notNull(),
  code: text('code'),
  kind: text('kind').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('units_region_name_key').on(t.regionId, t.name),
  index('units_parent_idx').on(t.parentId),
  foreignKey({ columns: [t.parentId], foreignColumns: [t.id], name: 'units_parent_fk' }),
]);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  unitId: text('unit_id').references(() => units.id),
  regionId: text('region_id').references(() => regions.id),
  isActive: boolean('is_active').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: at('locked_until'),
  /**
   * The hash of a password the administrator handed out (a new account, a reset, a generated first-run
   * password): while it is still the user's password (`= password_hash`), the user must change it.
   */
  provisionalPasswordHash: text('provisional_password_hash'),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('users_username_key').on(t.username)]);

/** Sessions: only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  expiresAt: at('expires_at').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** One evaluation per unit, year, kind (and project name for 项目支出); its content lives in versions. */
export const evaluations = pgTable('evaluations', {
  id: text('id').primaryKey(),
  unitId: text('unit_id').notNull().references(() => units.id),
  year: integer('year').notNull(),
  kind: text('kind').notNull(),
  projectName: text('project_name').notNull().default(''),
  status: text('status').notNull(),
  currentVersion: integer('current_version').notNull(),
  submittedVersion: integer('submitted_version'),
  reviewScore: numeric('review_score', { precision: 7, scale: 2 }),
  reviewOpinion: text('review_opinion'),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('evaluations_unit_year_kind_key').on(t.unitId, t.year, t.kind, t.projectName),
  index('evaluations_status_idx').on(t.status),
]);

/** Every saved edit is a new, immutable version: the document exactly as the unit wrote it. */
export const evaluationVersions = pgTable('evaluation_versions', {
  evaluationId: text('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
  number: integer('number').notNull(),
  document: jsonb('document').notNull(),
  schemeId: text('scheme_id').notNull(),
  /** Computed by the engine at save time. */
  computedTotal: numeric('computed_total', { precision: 7, scale: 2 }),
  computedGrade: text('computed_grade'),
  statedTotal: text('stated_total'),
  errorCount: integer('error_count').notNull(),
  warningCount: integer('warning_count').notNull(),
  infoCount: integer('info_count').notNull(),
  /**
   * The findings of this version (the check engine's output, as data), in the order the engine gave
   * them: immutable like the version and always read with it. Query across evaluations with jsonb
   * containment, e.g. `findings @> '[{"check":"sum-mismatch"}]'`.
   */
  findings: jsonb('findings').$type<StoredFinding[]>().notNull().default([]),
  note: text('note'),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.evaluationId, t.number] })]);

/** The workflow history: every transition with who, when, the opinion, score and justifications. */
export const transitions = pgTable('transitions', {
  evaluationId: text('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  action: text('action').notNull(),
  fromStatus: text('from_status').notNull(),
  toStatus: text('to_status').notNull(),
  version: integer('version').notNull(),
  actorId: text('actor_id').notNull().references(() => users.id),
  at: at('at').notNull().defaultNow(),
  opinion: text('opinion'),
  reviewScore: numeric('review_score', { precision: 7, scale: 2 }),
  justifications: jsonb('justifications'),
}, (t) => [primaryKey({ columns: [t.evaluationId, t.seq] })]);

/** A reviewer's 复核得分 and opinion on one indicator of a submitted version. */
export const indicatorReviews = pgTable('indicator_reviews', {
  evaluationId: text('evaluation_id').notNull(),
  version: integer('version').notNull(),
  indicatorIndex: integer('indicator_index').notNull(),
  indicatorName: text('indicator_name').notNull(),
  reviewScore: numeric('review_score', { precision: 7, scale: 2 }),
  opinion: text('opinion'),
  reviewerId: text('reviewer_id').notNull().references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.evaluationId, t.version, t.indicatorIndex] }),
  foreignKey({ columns: [t.evaluationId, t.version], foreignColumns: [evaluationVersions.evaluationId, evaluationVersions.number], name: 'indicator_reviews_version_fk' }).onDelete('cascade'),
]);

/** 佐证材料: a file attached to one indicator; the bytes live behind the blob port. */
export const evidence = pgTable('evidence', {
  id: text('id').primaryKey(),
  evaluationId: text('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
  indicatorIndex: integer('indicator_index').notNull(),
  indicatorName: text('indicator_name').notNull(),
  fileName: text('file_name').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  blobKey: text('blob_key').notNull(),
  uploadedBy: text('uploaded_by').notNull().references(() => users.id),
  uploadedAt: at('uploaded_at').notNull().defaultNow(),
}, (t) => [index('evidence_evaluation_idx').on(t.evaluationId)]);

/** Blob bytes when the blob store is the database. */
export const blobs = pgTable('blobs', {
  key: text('key').primaryKey(),
  data: bytes('data').notNull(),
  size: integer('size').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** 抽查复核: a selection of evaluations of one region and year. */
export const spotChecks = pgTable('spot_checks', {
  id: text('id').primaryKey(),
  regionId: text('region_id').notNull().references(() => regions.id),
  year: integer('year').notNull(),
  method: text('method').notNull(),
  seed: text('seed'),
  note: text('note'),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const spotCheckItems = pgTable('spot_check_items', {
  spotCheckId: text('spot_check_id').notNull().references(() => spotChecks.id, { onDelete: 'cascade' }),
  evaluationId: text('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
  result: text('result'),
  opinion: text('opinion'),
  checkedBy: text('checked_by').references(() => users.id),
  checkedAt: at('checked_at'),
  /** The reviewer of the region this evaluation is assigned to (migration 0004). */
  assignedTo: text('assigned_to').references(() => users.id),
  /** 复核得分: the total as the reviewer finds it (migration 0004). */
  reviewedScore: numeric('reviewed_score', { precision: 7, scale: 2 }),
  /** Why a draw by risk took this evaluation (migration 0006); null for a random or manual draw. */
  drawReason: text('draw_reason'),
}, (t) => [primaryKey({ columns: [t.spotCheckId, t.evaluationId] }), index('spot_check_items_assigned_to_idx').on(t.assignedTo)]);

/** 批量审核: report files uploaded together by a finance bureau (migration 0003, written by hand). */
export const batches = pgTable('batches', {
  id: text('id').primaryKey(),
  /** The uploader's region (null for an administrator's batch). */
  regionId: text('region_id').references(() => regions.id),
  year: integer('year'),
  note: text('note'),
  createdBy: text('created_by').notNull().references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
}, (t) => [index('batches_region_created_idx').on(t.regionId, t.createdAt)]);

/**
 * One file of a batch, and the work queue: `queued` → `running` (claimed by a worker until `locked_until`)
 * → `done` or `failed`. The bytes are in `blobs` under `blob_key`.
 */
export const batchItems = pgTable('batch_items', {
  id: text('id').primaryKey(),
  batchId: text('batch_id').notNull().references(() => batches.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull(),
  fileName: text('file_name').notNull(),
  size: integer('size').notNull(),
  blobKey: text('blob_key').notNull(),
  status: text('status').notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lockedBy: text('locked_by'),
  lockedUntil: at('locked_until'),
  queuedAt: at('queued_at').notNull().defaultNow(),
  startedAt: at('started_at'),
  finishedAt: at('finished_at'),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
  kind: text('kind'),
  unitName: text('unit_name'),
  errorCount: integer('error_count'),
  warningCount: integer('warning_count'),
  infoCount: integer('info_count'),
  findings: jsonb('findings').$type<StoredFinding[]>(),
}, (t) => [
  uniqueIndex('batch_items_batch_seq_key').on(t.batchId, t.seq),
  index('batch_items_pending_idx').on(t.queuedAt, t.seq).where(sql`${t.status} IN ('queued', 'running')`),
]);

/** Every change: who, when, what, why. Written in the transaction of the change itself. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: at('at').notNull().defaultNow(),
  userId: text('user_id'),
  username: text('username'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  summary: text('summary').notNull(),
  reason: text('reason'),
  details: jsonb('details'),
}, (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId)]);

/** Installation facts (first start done, demo loaded). */
export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export const schema = {
  regions, units, users, sessions, evaluations, evaluationVersions, transitions, indicatorReviews, evidence,
  blobs, spotChecks, spotCheckItems, batches, batchItems, auditLog, meta,
};

/**
 * The tables a backup holds, in an order where every foreign key points backwards. Sessions are left out:
 * a restore logs everybody out.
 */
export const BACKUP_TABLES = [
  'meta', 'regions', 'units', 'users', 'evaluations', 'evaluation_versions', 'transitions',
  'indicator_reviews', 'blobs', 'evidence', 'spot_checks', 'spot_check_items', 'batches', 'batch_items', 'audit_log',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * What the server sends and takes (packages/server, `/api`; see `/api/openapi.json`). Evaluation documents
 * travel in the model's INPUT form: figures as written ("17,485.15").
 * @module
 */

export type Role = 'preparer' | 'unitHead' | 'reviewer' | 'admin';

export type User = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleName: string;
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly region: { readonly id: string; readonly name: string; readonly financeBureau: string } | null;
  /** The password is one the administrator handed out: a new one is asked for before anything else. */
  readonly mustChangePassword?: boolean;
};

export type Status = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export const STATUS_NAMES: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
};
export const STATUS_COLORS: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'purple',
};

export type EvaluationKind = 'department' | 'project';
export const KIND_NAMES: Record<EvaluationKind, string> = { department: '部门整体支出', project: '项目支出' };

export type Page<T> = { readonly items: T[]; readonly page: number; readonly pageSize: number; readonly total: number };

export type EvaluationSummary = {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly kindName: string;
  readonly projectName: string;
  readonly status: Status;
  readonly statusName: string;
  readonly currentVersion: number;
  readonly submittedVersion: number | null;
  /** 复核得分 (set when approved). */
  readonly reviewScore: string | null;
  readonly updatedAt: string;
};

export type EvaluationListItem = EvaluationSummary & {
  readonly computedTotal: string | null;
  readonly computedGrade: string | null;
  /** The unit's own total (自评得分) as written, when it wrote one. */
  readonly statedTotal?: string | null;
  readonly errorCount: number;
};

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

export type FindingView = {
  /** `${check}@${path}`: what a justification refers to. */
  readonly key: string;
  readonly check: string;
  readonly category: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly path: string;
  readonly stated: string | null;
  readonly expected: string | null;
  readonly line: number | null;
  readonly excerpt: string | null;
};

export type EvaluationDetail = EvaluationSummary & {
  readonly reviewOpinion: string | null;
  readonly createdAt: string;
  readonly isEditable: boolean;
  readonly allowedActions: string[];
  readonly version: VersionMeta & { readonly document: Record<string, unknown> };
  readonly findings: FindingView[];
};

export type SaveResult = {
  readonly id: string;
  readonly version: number;
  readonly status: Status;
  readonly summary: { readonly computedTotal: string; readonly computedGrade: string; readonly errorCount: number; readonly warningCount: number };
};

export type TransitionResult = { readonly id: string; readonly status: Status; readonly statusName: string; readonly version: number; readonly seq: number };

export type Transition = {
  readonly seq: number;
  readonly action: 'submit' | 'return' | 'approve' | 'publish' | 'withdraw' | 'sign';
  readonly actionName: string;
  readonly from: Status;
  readonly to: Status;
  readonly fromName: string;
  readonly toName: string;
  readonly version: number;
  readonly actor: { readonly id: string; readonly displayName: string };
  readonly at: string;
  readonly opinion: string | null;
  readonly reviewScore: string | null;
  readonly justifications: Record<string, string> | null;
};

export type IndicatorReview = {
  readonly indicatorIndex: number;
  readonly indicatorName: string;
  readonly reviewScore: string | null;
  readonly opinion: string | null;
  readonly reviewer: { readonly id: string; readonly displayName: string };
  readonly updatedAt: string;
  /** Written on an earlier submitted version and carried to this one (null: written on this version). */
  readonly carriedFrom?: number | null;
  /** The unit changed this indicator since the version the review was written on. */
  readonly changedSince?: boolean;
};

export type Evidence = {
  readonly id: string;
  readonly evaluationId: string;
  readonly indicatorIndex: number;
  readonly indicatorName: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly uploadedBy: { readonly id: string; readonly displayName: string };
  readonly uploadedAt: string;
};

export type ExportFormat = 'docx' | 'xlsx' | 'pdf';

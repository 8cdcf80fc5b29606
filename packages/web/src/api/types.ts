/**
 * What the server sends and takes (packages/server, `/api`). Evaluation data travels in the model's
 * INPUT form: figures as written ("17,485.15").
 * @module
 */

export const Role = { preparer: 'preparer', reviewer: 'reviewer', admin: 'admin' } as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLE_NAMES: Record<Role, string> = { preparer: '填报人', reviewer: '审核人', admin: '管理员' };

export type User = {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly unitId: string | null;
  readonly unitName: string | null;
};

export const Status = { draft: 'draft', submitted: 'submitted', returned: 'returned', approved: 'approved', published: 'published' } as const;
export type Status = (typeof Status)[keyof typeof Status];

export const STATUS_NAMES: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已通过',
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

export type EvaluationSummary = {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly kind: EvaluationKind;
  readonly title: string;
  readonly status: Status;
  readonly version: number;
  /** The unit's stated total and grade, and the engine's. */
  readonly statedScore: string | null;
  readonly computedScore: string | null;
  readonly grade: string | null;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
};

export type Review = {
  readonly id: string;
  readonly decision: 'returned' | 'approved';
  readonly opinion: string;
  /** Reviewer's score per indicator index (复核得分), and for the funds block under `funds`. */
  readonly scores: Readonly<Record<string, string>>;
  readonly reviewerName: string;
  readonly createdAt: string;
};

export type EvaluationRecord = EvaluationSummary & {
  readonly data: Record<string, unknown>;
  /** The unit's justification for findings left as errors when it submitted. */
  readonly justification: string | null;
  readonly reviews: readonly Review[];
};

export type VersionSummary = {
  readonly version: number;
  readonly status: Status;
  readonly authorName: string;
  readonly note: string | null;
  readonly createdAt: string;
};

export type Version = VersionSummary & { readonly data: Record<string, unknown> };

export type Evidence = {
  readonly id: string;
  readonly indicatorIndex: number;
  readonly fileName: string;
  readonly size: number;
  readonly uploadedAt: string;
};

export type ExportFormat = 'docx' | 'xlsx' | 'pdf';

/**
 * One function per server endpoint (packages/server/src/http/routes.ts, under `/api`).
 * @module
 */
import { download, request, setCsrfToken } from './client.ts';
import type {
  EvaluationDetail, EvaluationKind, EvaluationListItem, Evidence, ExportFormat, IndicatorReview, Page, SaveResult, Status, Transition,
  TransitionResult, User, VersionMeta,
} from './types.ts';

const q = (params: Record<string, string | number | boolean | null | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};
const id = (x: string) => encodeURIComponent(x);

// ---- 账户 (POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me)

export async function login(username: string, password: string): Promise<User> {
  const session = await request<{ csrfToken: string; expiresAt: string; user: User }>('POST', '/api/auth/login', { username, password }, { quietUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session.user;
}

export async function logout(): Promise<void> {
  try {
    await request<unknown>('POST', '/api/auth/logout', {});
  } finally {
    setCsrfToken(null);
  }
}

/** The signed-in user, or null when there is no session. */
export async function currentUser(): Promise<User | null> {
  try {
    const me = await request<User & { csrfToken?: string }>('GET', '/api/auth/me', undefined, { quietUnauthorized: true });
    const { csrfToken, ...user } = me;
    setCsrfToken(csrfToken ?? null);
    return user;
  } catch (e) {
    if ((e as { status?: number }).status === 401) return null;
    throw e;
  }
}

// ---- 自评

export type ListFilter = {
  unitId?: string | null;
  year?: number | null;
  kind?: EvaluationKind | null;
  status?: Status | null;
  page?: number;
  pageSize?: number;
};

/** GET /api/evaluations — a preparer sees their unit's, a reviewer their region's. */
export const listEvaluations = (filter: ListFilter = {}): Promise<Page<EvaluationListItem>> =>
  request('GET', `/api/evaluations${q({ pageSize: 100, ...filter })}`);

export const getEvaluation = (evaluationId: string): Promise<EvaluationDetail> => request('GET', `/api/evaluations/${id(evaluationId)}`);

/** POST /api/evaluations with the whole document (version 1). */
export const createEvaluation = (document: Record<string, unknown>, note?: string): Promise<EvaluationDetail> =>
  request('POST', '/api/evaluations', { document, ...(note ? { note } : {}) });

/** PUT /api/evaluations/:id — a new version on top of `baseVersion` (409 `edit-conflict` when someone saved since). */
export const saveEvaluation = (evaluationId: string, document: Record<string, unknown>, baseVersion: number, note?: string): Promise<SaveResult> =>
  request('PUT', `/api/evaluations/${id(evaluationId)}`, { document, baseVersion, ...(note ? { note } : {}) });

export const listVersions = (evaluationId: string): Promise<Page<VersionMeta>> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/versions${q({ pageSize: 100 })}`);

export const getVersion = (evaluationId: string, number: number): Promise<VersionMeta & { document: Record<string, unknown> }> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/versions/${number}`);

export type Comparison = { from: VersionMeta; to: VersionMeta; changes: { path: string; kind: string; before?: unknown; after?: unknown }[]; descriptions: string[] };

export const compareVersions = (evaluationId: string, from: number, to: number): Promise<Comparison> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/compare${q({ from, to })}`);

/** POST /api/check — validate, score and check a document without storing it. */
export const checkDocument = (document: Record<string, unknown>): Promise<{ summary: SaveResult['summary']; findings: unknown[] }> =>
  request('POST', '/api/check', { document });

// ---- 流程

/** Submits `version`; each remaining error needs a justification keyed `${check}@${path}`. */
export const submitEvaluation = (evaluationId: string, version: number, justifications: Record<string, string>): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/submit`, { version, justifications });

export const returnEvaluation = (evaluationId: string, opinion: string): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/return`, { opinion });

export const approveEvaluation = (evaluationId: string, reviewScore: string, reviewOpinion: string): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/approve`, { reviewScore, reviewOpinion });

export const publishEvaluation = (evaluationId: string): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/publish`, {});

/** POST /api/evaluations/:id/withdraw — back to 已审核, with the reason (recorded). */
export const withdrawEvaluation = (evaluationId: string, reason: string): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/withdraw`, { reason });

/** POST /api/evaluations/:id/sign — the unit head's 签字确认 of the current version. */
export const signEvaluation = (evaluationId: string, version: number): Promise<TransitionResult> =>
  request('POST', `/api/evaluations/${id(evaluationId)}/sign`, { version });

/** DELETE /api/evaluations/:id — a draft never submitted, with its versions and evidence. */
export const deleteEvaluation = (evaluationId: string): Promise<unknown> => request('DELETE', `/api/evaluations/${id(evaluationId)}`);

export const getHistory = (evaluationId: string): Promise<{ items: Transition[] }> => request('GET', `/api/evaluations/${id(evaluationId)}/history`);

// ---- 审核

export const listReviews = (evaluationId: string): Promise<{ version: number | null; items: IndicatorReview[] }> =>
  request('GET', `/api/evaluations/${id(evaluationId)}/reviews`);

export const saveReview = (evaluationId: string, indicatorIndex: number, reviewScore: string | null, opinion: string | null): Promise<unknown> =>
  request('PUT', `/api/evaluations/${id(evaluationId)}/reviews/${indicatorIndex}`, { reviewScore, opinion });

// ---- 佐证材料

export const listEvidence = (evaluationId: string): Promise<{ items: Evidence[] }> => request('GET', `/api/evaluations/${id(evaluationId)}/evidence`);

export function uploadEvidence(evaluationId: string, indicatorIndex: number, file: File): Promise<Evidence> {
  const form = new FormData();
  form.set('file', file);
  form.set('indicatorIndex', String(indicatorIndex));
  return request('POST', `/api/evaluations/${id(evaluationId)}/evidence`, form);
}

export const evidenceUrl = (evidenceId: string): string => `/api/evidence/${id(evidenceId)}`;

export const deleteEvidence = (evidenceId: string): Promise<unknown> => request('DELETE', evidenceUrl(evidenceId));

// ---- 文档（生成与导入）

export const exportUrl = (evaluationId: string, format: ExportFormat): string => `/api/evaluations/${id(evaluationId)}/export/${format}`;

export const downloadExport = (evaluationId: string, format: ExportFormat, name: string): Promise<void> =>
  download(exportUrl(evaluationId, format), `${name}.${format}`);

export type ImportResult = {
  readonly document: Record<string, unknown>;
  /** What the importer could not place in the model. */
  readonly warnings: readonly string[];
  readonly kind: EvaluationKind;
  /** Whether the imported data already validates as a whole evaluation. */
  readonly isComplete: boolean;
};

/** POST /api/import — reads a .docx/.xlsx/.pdf/.txt report into evaluation data (not stored). */
export function importDocument(file: File, kind: EvaluationKind | null): Promise<ImportResult> {
  const form = new FormData();
  form.set('file', file);
  if (kind) form.set('kind', kind);
  return request('POST', '/api/import', form);
}

// ---- 方案

export const listSchemes = (): Promise<{ items: { id: string; name: string; kind: EvaluationKind; year: number }[] }> => request('GET', '/api/schemes');

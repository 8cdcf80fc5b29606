/**
 * 批量审核 endpoints (POST/GET /api/batches…, the contract shared with packages/server's batch commands):
 * upload report files or zips, follow a batch's progress, read one file's findings, download the result.
 * @module
 */
import { download, request } from './client.ts';
import type { EvaluationKind, Page } from './types.ts';

export type BatchStatus = 'queued' | 'running' | 'done';
export type BatchItemStatus = 'queued' | 'running' | 'done' | 'failed';
export type Severity = 'error' | 'warning' | 'info';
export type SeverityCounts = { readonly error: number; readonly warning: number; readonly info: number };

export const BATCH_STATUS_NAMES: Record<BatchStatus, string> = { queued: '排队中', running: '审核中', done: '已完成' };
export const ITEM_STATUS_NAMES: Record<BatchItemStatus, string> = { queued: '排队中', running: '审核中', done: '已审核', failed: '失败' };
export const ITEM_STATUS_COLORS: Record<BatchItemStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

export type BatchSummary = {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly note: string | null;
  readonly status: BatchStatus;
  readonly total: number;
  /** Finished files, failed ones included. */
  readonly done: number;
  readonly failed: number;
  readonly errors: number;
  readonly warnings: number;
};

export type BatchItem = {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  readonly status: BatchItemStatus;
  readonly attempts: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly kind: EvaluationKind | null;
  readonly unitName: string | null;
  readonly counts: SeverityCounts;
};

export type BatchCheckCount = { readonly check: string; readonly name: string; readonly severity: Severity; readonly findings: number; readonly files: number };

export type Batch = Omit<BatchSummary, 'errors' | 'warnings'> & {
  readonly counts: SeverityCounts;
  readonly byCheck: readonly BatchCheckCount[];
  readonly items: readonly BatchItem[];
};

/** One finding as the audit gives it (the check's id under `checkId` or `check`). */
export type BatchFinding = {
  readonly checkId?: string;
  readonly check?: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line?: number | null;
  readonly path?: string | null;
  readonly stated?: string | null;
  readonly expected?: string | null;
  readonly excerpt?: string | null;
};

export type BatchItemDetail = Pick<BatchItem, 'id' | 'fileName' | 'status' | 'error' | 'kind' | 'unitName'> & { readonly findings: readonly BatchFinding[] };

const id = (x: string) => encodeURIComponent(x);

/** POST /api/batches — report files and/or .zip files, all in one batch. */
export function createBatch(files: readonly File[], options: { year?: number | null; note?: string | null } = {}): Promise<{ id: string; total: number }> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (options.year) form.set('year', String(options.year));
  if (options.note) form.set('note', options.note);
  return request('POST', '/api/batches', form);
}

export const listBatches = (page = 1, pageSize = 20): Promise<Page<BatchSummary>> => request('GET', `/api/batches?page=${page}&pageSize=${pageSize}`);

export const getBatch = (batchId: string): Promise<Batch> => request('GET', `/api/batches/${id(batchId)}`);

export const getBatchItem = (batchId: string, itemId: string): Promise<BatchItemDetail> => request('GET', `/api/batches/${id(batchId)}/items/${id(itemId)}`);

/** GET /api/batches/:id/export — the result as .xlsx (汇总, 问题清单, 按规则). */
export const exportBatch = (batchId: string): Promise<void> => download(`/api/batches/${id(batchId)}/export`, '批量审核结果.xlsx');

export const isRunning = (status: BatchStatus): boolean => status !== 'done';

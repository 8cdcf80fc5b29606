/**
 * 批量审核 endpoints (POST/GET /api/batches…, the contract shared with packages/server's batch commands):
 * upload report files or zips, follow a batch's progress, read one file's findings, download the result.
 * The types come from the server's declarations (type-only imports: nothing of the server is bundled).
 * @module
 */
import type { BatchDetail, BatchSummary as ServerBatchSummary, batchItemGet } from '../../../server/src/batch/commands.ts';
import type { StoredFinding } from '../../../server/src/storage/schema.ts';
import { download, request } from './client.ts';
import type { Page } from './types.ts';

export type BatchStatus = 'queued' | 'running' | 'done';
export type BatchItemStatus = 'queued' | 'running' | 'done' | 'failed';
export type Severity = 'error' | 'warning' | 'info';

export const BATCH_STATUS_NAMES: Record<BatchStatus, string> = { queued: '排队中', running: '审核中', done: '已完成' };
export const ITEM_STATUS_NAMES: Record<BatchItemStatus, string> = { queued: '排队中', running: '审核中', done: '已审核', failed: '失败' };
export const ITEM_STATUS_COLORS: Record<BatchItemStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLORS: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** The server's answers (declared where the server builds them); the web narrows the severities. */
export type BatchSummary = ServerBatchSummary;
export type BatchItem = BatchDetail['items'][number];
export type BatchCheckCount = Omit<BatchDetail['byCheck'][number], 'severity'> & { readonly severity: Severity };
export type Batch = Omit<BatchDetail, 'byCheck'> & { readonly byCheck: readonly BatchCheckCount[] };
export type BatchFinding = Omit<StoredFinding, 'severity'> & { readonly severity: Severity };
type ServerItemDetail = Awaited<ReturnType<(typeof batchItemGet)['run']>>;
export type BatchItemDetail = Omit<ServerItemDetail, 'findings'> & { readonly findings: readonly BatchFinding[] };

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

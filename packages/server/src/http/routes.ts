/**
 * The HTTP API as a table: each route names the command it wraps. The app registers these, the
 * OpenAPI document is generated from them, and the authorization test walks them all.
 * @module
 */
import { MAX_BATCH_UPLOAD_BYTES } from '../batch/upload.ts';
import type { CommandName } from '../commands/index.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteSpec = {
  readonly method: Method;
  /** Hono path: `/api/evaluations/:id`; each `:param` is an input field of the command. */
  readonly path: string;
  readonly command: CommandName;
  readonly status?: 200 | 201;
  /** How the request carries input besides path parameters (default: query for GET/DELETE, JSON otherwise). */
  readonly body?: 'query' | 'json' | 'multipart';
  /** A multipart route's largest request body (default: the evidence and import file limit). */
  readonly maxBodyBytes?: number;
  /** What the response is (default JSON of the command's result). */
  readonly respond?: 'json' | 'file' | 'login' | 'logout';
  readonly tag: string;
};

export const ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/api/auth/login', command: 'session-login', respond: 'login', tag: '账户' },
  { method: 'POST', path: '/api/auth/logout', command: 'session-logout', respond: 'logout', tag: '账户' },
  { method: 'GET', path: '/api/auth/me', command: 'session-me', tag: '账户' },
  { method: 'POST', path: '/api/auth/password', command: 'password-change', tag: '账户' },

  { method: 'GET', path: '/api/regions', command: 'region-list', tag: '地区与单位' },
  { method: 'POST', path: '/api/regions', command: 'region-create', status: 201, tag: '地区与单位' },
  { method: 'GET', path: '/api/units', command: 'unit-list', tag: '地区与单位' },
  { method: 'POST', path: '/api/units', command: 'unit-create', status: 201, tag: '地区与单位' },
  { method: 'GET', path: '/api/units/:id', command: 'unit-get', tag: '地区与单位' },

  { method: 'GET', path: '/api/users', command: 'user-list', tag: '用户' },
  { method: 'POST', path: '/api/users', command: 'user-create', status: 201, tag: '用户' },
  { method: 'PATCH', path: '/api/users/:id', command: 'user-update', tag: '用户' },
  { method: 'GET', path: '/api/audit', command: 'audit-list', tag: '用户' },

  { method: 'GET', path: '/api/schemes', command: 'scheme-list', tag: '自评' },
  { method: 'POST', path: '/api/check', command: 'check-run', tag: '自评' },
  { method: 'GET', path: '/api/evaluations', command: 'evaluation-list', tag: '自评' },
  { method: 'POST', path: '/api/evaluations', command: 'evaluation-create', status: 201, tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id', command: 'evaluation-get', tag: '自评' },
  { method: 'PUT', path: '/api/evaluations/:id', command: 'evaluation-save', tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id/versions', command: 'evaluation-versions', tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id/versions/:number', command: 'evaluation-version', tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id/compare', command: 'evaluation-compare', tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id/export/:format', command: 'evaluation-export', respond: 'file', tag: '文档' },
  { method: 'POST', path: '/api/import', command: 'document-import', body: 'multipart', tag: '文档' },

  { method: 'POST', path: '/api/evaluations/:id/submit', command: 'evaluation-submit', tag: '流程' },
  { method: 'POST', path: '/api/evaluations/:id/return', command: 'evaluation-return', tag: '流程' },
  { method: 'POST', path: '/api/evaluations/:id/approve', command: 'evaluation-approve', tag: '流程' },
  { method: 'POST', path: '/api/evaluations/:id/publish', command: 'evaluation-publish', tag: '流程' },
  { method: 'POST', path: '/api/evaluations/:id/withdraw', command: 'evaluation-withdraw', tag: '流程' },
  { method: 'POST', path: '/api/evaluations/:id/sign', command: 'evaluation-sign', tag: '流程' },
  { method: 'DELETE', path: '/api/evaluations/:id', command: 'evaluation-delete', tag: '自评' },
  { method: 'GET', path: '/api/evaluations/:id/history', command: 'evaluation-history', tag: '流程' },

  { method: 'GET', path: '/api/evaluations/:id/reviews', command: 'review-list', tag: '审核' },
  { method: 'PUT', path: '/api/evaluations/:id/reviews/:indicatorIndex', command: 'review-save', tag: '审核' },

  { method: 'GET', path: '/api/evaluations/:id/evidence', command: 'evidence-list', tag: '佐证材料' },
  { method: 'POST', path: '/api/evaluations/:id/evidence', command: 'evidence-add', status: 201, body: 'multipart', tag: '佐证材料' },
  { method: 'GET', path: '/api/evidence/:evidenceId', command: 'evidence-get', respond: 'file', tag: '佐证材料' },
  { method: 'DELETE', path: '/api/evidence/:evidenceId', command: 'evidence-delete', tag: '佐证材料' },

  { method: 'GET', path: '/api/spot-checks', command: 'spot-check-list', tag: '抽查复核' },
  { method: 'POST', path: '/api/spot-checks', command: 'spot-check-create', status: 201, tag: '抽查复核' },
  { method: 'POST', path: '/api/spot-checks/by-risk', command: 'spot-check-create-by-risk', status: 201, tag: '抽查复核' },
  { method: 'GET', path: '/api/spot-checks/:id', command: 'spot-check-get', tag: '抽查复核' },
  { method: 'PUT', path: '/api/spot-checks/:id/items/:evaluationId', command: 'spot-check-record', tag: '抽查复核' },
  { method: 'PUT', path: '/api/spot-checks/:id/items/:evaluationId/assignee', command: 'spot-check-assign', tag: '抽查复核' },

  { method: 'GET', path: '/api/dashboard', command: 'dashboard-get', tag: '绩效总览' },
  { method: 'GET', path: '/api/dashboard/ranking', command: 'dashboard-ranking', tag: '绩效总览' },
  { method: 'GET', path: '/api/dashboard/export', command: 'dashboard-export', respond: 'file', tag: '绩效总览' },

  { method: 'GET', path: '/api/batches', command: 'batch-list', tag: '批量审核' },
  { method: 'POST', path: '/api/batches', command: 'batch-create', status: 201, body: 'multipart', maxBodyBytes: MAX_BATCH_UPLOAD_BYTES, tag: '批量审核' },
  { method: 'GET', path: '/api/batches/:id', command: 'batch-get', tag: '批量审核' },
  { method: 'GET', path: '/api/batches/:id/items/:itemId', command: 'batch-item-get', tag: '批量审核' },
  { method: 'GET', path: '/api/batches/:id/export', command: 'batch-export', respond: 'file', tag: '批量审核' },

  { method: 'GET', path: '/api/open-data', command: 'open-data-export', respond: 'file', tag: '公开数据' },
  { method: 'GET', path: '/api/open-data/dictionary', command: 'open-data-dictionary', tag: '公开数据' },
];

export const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/gu)].map((m) => m[1] ?? '');

export const bodyKind = (route: RouteSpec): 'query' | 'json' | 'multipart' =>
  route.body ?? (route.method === 'GET' || route.method === 'DELETE' ? 'query' : 'json');

/**
 * 系统管理: regions, units, accounts and the audit log (administrator), and one's own password (everyone).
 * @module
 */
import { request } from './client.ts';
import type { Page, Role } from './types.ts';

const q = (params: Record<string, string | number | null | undefined>): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

export const ROLE_NAMES: Record<Role, string> = { preparer: '填报人', unitHead: '单位负责人', reviewer: '财政审核', admin: '系统管理员' };

export type Region = { readonly id: string; readonly name: string; readonly financeBureau: string; readonly createdAt: string };
export type UnitKind = 'supervisingDepartment' | 'budgetUnit';
export type Unit = {
  readonly id: string; readonly regionId: string; readonly parentId: string | null; readonly name: string; readonly code: string | null;
  readonly kind: UnitKind; readonly kindName: string; readonly createdAt: string;
};
export type Account = {
  readonly id: string; readonly username: string; readonly displayName: string; readonly role: Role; readonly roleName: string;
  readonly unitId: string | null; readonly regionId: string | null; readonly isActive: boolean; readonly isLocked: boolean;
  readonly mustChangePassword: boolean; readonly createdAt: string;
};
export type AuditEntry = {
  readonly id: number; readonly at: string; readonly userId: string | null; readonly username: string | null; readonly action: string;
  readonly actionName: string; readonly entityType: string; readonly entityId: string; readonly summary: string; readonly reason: string | null;
};

export const listRegions = (): Promise<Page<Region>> => request('GET', '/api/regions?pageSize=100');
export const createRegion = (input: { name: string; financeBureau: string }): Promise<Region> => request('POST', '/api/regions', input);

export const listUnits = (regionId?: string | null): Promise<Page<Unit>> => request('GET', `/api/units${q({ regionId, pageSize: 100 })}`);
export const createUnit = (input: { regionId: string; name: string; code?: string; kind: UnitKind; parentId?: string }): Promise<Unit> => request('POST', '/api/units', input);

export type AccountFilter = { role?: Role | null; regionId?: string | null; unitId?: string | null; page?: number };
export const listAccounts = (f: AccountFilter = {}): Promise<Page<Account>> =>
  request('GET', `/api/users${q({ role: f.role, regionId: f.regionId, unitId: f.unitId, page: f.page, pageSize: 100 })}`);
export const createAccount = (input: { username: string; displayName: string; role: Role; unitId?: string; regionId?: string }): Promise<{ user: Account; initialPassword: string | null }> =>
  request('POST', '/api/users', input);
export type AccountChange = { displayName?: string; isActive?: boolean; unlock?: boolean; resetPassword?: boolean; reason?: string };
export const updateAccount = (accountId: string, change: AccountChange): Promise<{ user: Account; newPassword: string | null }> =>
  request('PATCH', `/api/users/${encodeURIComponent(accountId)}`, change);

export type AuditFilter = { action?: string | null; userId?: string | null; from?: string | null; to?: string | null; page?: number };
export const listAudit = (f: AuditFilter = {}): Promise<Page<AuditEntry>> =>
  request('GET', `/api/audit${q({ action: f.action, userId: f.userId, from: f.from, to: f.to, page: f.page, pageSize: 50 })}`);

/** POST /api/auth/password — one's own password (other sessions are signed out). */
export const changePassword = (currentPassword: string, newPassword: string): Promise<{ changed: boolean }> =>
  request('POST', '/api/auth/password', { currentPassword, newPassword });

/** The audit actions an administrator filters by (the server names each entry too). */
export const AUDIT_ACTIONS: readonly { value: string; label: string }[] = [
  { value: 'login', label: '登录' },
  { value: 'password-change', label: '修改密码' },
  { value: 'user-create', label: '新建用户' },
  { value: 'user-update', label: '修改用户' },
  { value: 'region-create', label: '新建地区' },
  { value: 'unit-create', label: '新建单位' },
  { value: 'evaluation-create', label: '新建自评' },
  { value: 'evaluation-save', label: '保存自评' },
  { value: 'evaluation-delete', label: '删除草稿' },
  { value: 'evaluation-submit', label: '提交自评' },
  { value: 'evaluation-return', label: '退回自评' },
  { value: 'evaluation-approve', label: '审核通过' },
  { value: 'evaluation-publish', label: '公开自评' },
  { value: 'evaluation-withdraw', label: '撤回公开' },
  { value: 'review-save', label: '填写复核得分' },
  { value: 'evidence-add', label: '上传佐证材料' },
  { value: 'evidence-delete', label: '删除佐证材料' },
  { value: 'batch-create', label: '批量审核' },
];

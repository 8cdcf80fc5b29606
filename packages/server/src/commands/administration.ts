/**
 * Administration beside the account commands: the password an administrator hands out (it must be changed
 * at the next login), the Chinese names of audit actions and the audit log's period filter.
 * @module
 */
import { eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { hashPassword, type PasswordCost } from '../auth/password.ts';
import type { Db } from '../storage/database.ts';
import { auditLog, users } from '../storage/schema.ts';

/** True while the user's password is still the one the administrator handed out. */
export const isProvisional = (u: { readonly passwordHash: string; readonly provisionalPasswordHash: string | null }): boolean =>
  u.provisionalPasswordHash !== null && u.provisionalPasswordHash === u.passwordHash;

export async function mustChangePassword(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ passwordHash: users.passwordHash, provisionalPasswordHash: users.provisionalPasswordHash }).from(users).where(eq(users.id, userId));
  return row ? isProvisional(row) : false;
}

/** The columns that set a password handed out by the administrator (a reset): changing it clears the mark by itself. */
export async function provisionalPassword(password: string, cost: PasswordCost | undefined): Promise<{ passwordHash: string; provisionalPasswordHash: string }> {
  const hash = await hashPassword(password, cost);
  return { passwordHash: hash, provisionalPasswordHash: hash };
}

/** What each audited action is called in the administrator's log. */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  login: '登录',
  logout: '退出登录',
  'password-change': '修改密码',
  'region-create': '新建地区',
  'unit-create': '新建单位',
  'user-create': '新建用户',
  'user-update': '修改用户',
  'evaluation-create': '新建自评',
  'evaluation-save': '保存自评',
  'evaluation-delete': '删除草稿',
  'evaluation-submit': '提交自评',
  'evaluation-return': '退回自评',
  'evaluation-approve': '审核通过',
  'evaluation-publish': '公开自评',
  'evaluation-withdraw': '撤回公开',
  'evaluation-sign': '单位负责人签字确认',
  'review-save': '填写复核得分',
  'evidence-add': '上传佐证材料',
  'evidence-delete': '删除佐证材料',
  'spot-check-create': '新建抽查',
  'spot-check-assign': '分配抽查',
  'spot-check-record': '记录抽查结论',
  'batch-create': '批量审核',
  'demo-load': '载入演示数据',
};

export const auditActionName = (action: string): string => AUDIT_ACTION_NAMES[action] ?? '其他操作';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期应写作 2023-02-20');

/** `from` and `to` (inclusive) days of the audit log, in China Standard Time. */
export const auditPeriod = { from: day.optional(), to: day.optional() };

const beijingMidnight = (date: string, plusDays = 0): Date => new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

export function auditPeriodConditions(input: { readonly from?: string | undefined; readonly to?: string | undefined }): SQL[] {
  const out: SQL[] = [];
  if (input.from) out.push(gte(auditLog.at, beijingMidnight(input.from)));
  if (input.to) out.push(lt(auditLog.at, beijingMidnight(input.to, 1)));
  return out;
}

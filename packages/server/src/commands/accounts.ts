/**
 * Accounts: regions and their finance bureaus, units, users (managed by the administrator), sessions
 * (login with lockout, logout, password change), the audit log and the scheme list.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { and, asc, count, desc, eq, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkPasswordStrength, generatePassword, hashPassword, verifyPassword } from '../auth/password.ts';
import { accountLocked, deviceOf, deviceToken, FIRST_LOCK_SECONDS, LOCKOUT_MINUTES, lockSeconds, loginFailed, MAX_FAILED_LOGINS, ShadowAccounts } from '../auth/lockout.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { type Actor, Role, ROLE_NAMES, ROLES, UNIT_KIND_NAMES, type UnitKind } from '../domain/roles.ts';
import { pgErrorCode, PG_ERROR, type Db } from '../storage/database.ts';
import { auditLog, regions, sessions, units, users } from '../storage/schema.ts';
import { auditActionName, auditPeriod, auditPeriodConditions, isProvisional, mustChangePassword, provisionalPassword } from './administration.ts';
import { type CommandContext, defineCommand, id, type Page, paging, recordAudit, requireActor, writtenText } from './registry.ts';
import { notFound, unitInScope } from './scope.ts';

export { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../auth/lockout.ts';
export const SESSION_HOURS = 8;

const ADMIN = ['admin'] as const;

export type Me = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleName: string;
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly region: { readonly id: string; readonly name: string; readonly financeBureau: string } | null;
  /** The password is one the administrator handed out: the web app asks for a new one before anything else. */
  readonly mustChangePassword: boolean;
};

/** The actor behind a session token, or null (unknown, expired, or the user is deactivated). */
export async function actorForSession(db: Db, tokenHash: string, now: Date): Promise<{ actor: Actor; csrfToken: string; expiresAt: Date; mustChangePassword: boolean } | null> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, unitRegionId: units.regionId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.expiresAt <= now || !row.user.isActive) return null;
  const u = row.user;
  return {
    actor: { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, unitId: u.unitId, regionId: u.regionId ?? row.unitRegionId ?? null },
    csrfToken: row.csrfToken,
    expiresAt: row.expiresAt,
    mustChangePassword: isProvisional(u),
  };
}

async function describeMe(db: Db, actor: Actor): Promise<Me> {
  const [unit] = actor.unitId ? await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, actor.unitId)) : [];
  const [region] = actor.regionId ? await db.select({ id: regions.id, name: regions.name, financeBureau: regions.financeBureau }).from(regions).where(eq(regions.id, actor.regionId)) : [];
  return {
    id: actor.id, username: actor.username, displayName: actor.displayName, role: actor.role, roleName: ROLE_NAMES[actor.role],
    unit: unit ?? null, region: region ?? null, mustChangePassword: await mustChangePassword(db, actor.id),
  };
}

const dummyHashes = new Map<string, Promise<string>>();
/** A hash check of the same cost as a real one (unknown usernames, locked accounts): the same timing. */
async function dummyCheck(ctx: CommandContext, password: string): Promise<void> {
  const key = JSON.stringify(ctx.passwordCost);
  let hash = dummyHashes.get(key);
  if (!hash) dummyHashes.set(key, (hash = hashPassword('not-a-password', ctx.passwordCost)));
  await verifyPassword(password, await hash);
}

/** Unknown usernames and trusted devices, counted in memory per database (see `auth/lockout.ts`). */
const shadows = new WeakMap<object, { names: ShadowAccounts; devices: ShadowAccounts }>();
const shadowsOf = (ctx: CommandContext) => {
  let s = shadows.get(ctx.database);
  if (!s) shadows.set(ctx.database, (s = { names: new ShadowAccounts(), devices: new ShadowAccounts() }));
  return s;
};

/**
 * Reserves one password check on an account: increments `failed_logins` (locking from the 5th on) in the
 * statement that reads it, unless the account is locked. Returns the count after this attempt, or the end
 * of the lock.
 */
async function reserveAttempt(db: Db, userId: string, now: Date): Promise<{ failures: number } | { lockedUntil: Date }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
        THEN ${at} + least(${LOCKOUT_MINUTES * 60}, ${FIRST_LOCK_SECONDS} * power(2, least(10, ${users.failedLogins} + 1 - ${MAX_FAILED_LOGINS}))) * interval '1 second'
        ELSE ${users.lockedUntil} END`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failures: users.failedLogins });
  if (row) return row;
  const [locked] = await db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return { lockedUntil: locked?.lockedUntil ?? now };
}

/** Records a failed check (audit log) and answers it. */
async function failedAttempt(ctx: CommandContext, user: { id: string; username: string }, failures: number, what: string): Promise<DomainError> {
  const now = ctx.clock();
  const lock = lockSeconds(failures);
  await recordAudit(ctx.database.db, { ...ctx, actor: null }, {
    action: lock > 0 ? 'account-lock' : 'login-fail', entityType: 'user', entityId: user.id,
    summary: lock > 0 ? `${user.username} 连续 ${failures} 次${what}错误，锁定 ${Math.round(lock / 60)} 分钟` : `${user.username} ${what}错误（第 ${failures} 次）`,
  });
  return lock > 0 ? accountLocked(new Date(now.getTime() + lock * 1000), now) : loginFailed();
}

export const sessionLogin = defineCommand({
  name: 'session-login',
  summary: '登录（连续 5 次密码错误锁定账户，逐次加长至 15 分钟；登录过的浏览器不受锁定影响）',
  access: 'public',
  input: z.strictObject({ username: z.string().trim().min(1, '请填写用户名').max(64), password: z.string().min(1, '请填写密码').max(256) }),
  async run(ctx, input) {
    const db = ctx.database.db;
    const now = ctx.clock();
    const name = input.username.toLowerCase();
    const [user] = await db.select().from(users).where(eq(users.username, name));
    const shadow = shadowsOf(ctx);
    if (!user || !user.isActive) {
      // Counted and locked like a real account, and as slow: nothing tells that the name does not exist.
      const locked = shadow.names.reserve(name, now);
      await dummyCheck(ctx, input.password);
      if (locked) throw accountLocked(locked, now);
      const until = shadow.names.lockedAfter(name, now) ? lockSeconds(MAX_FAILED_LOGINS) : 0;
      throw until > 0 ? accountLocked(new Date(now.getTime() + until * 1000), now) : loginFailed();
    }
    // A browser this account signed in from has its own budget, so strangers cannot lock its owner out.
    const device = deviceOf(ctx.deviceToken, user.id, user.passwordHash);
    const deviceKey = device ? `${user.id}.${device}` : null;
    if (deviceKey && shadow.devices.reserve(deviceKey, now) === null) {
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        const error = await failedAttempt(ctx, user, 1, '（已登录过的浏览器）密码');
        throw error.code === 'account-locked' ? error : loginFailed();
      }
      shadow.devices.succeed(deviceKey);
    } else {
      const reserved = await reserveAttempt(db, user.id, now);
      if ('lockedUntil' in reserved) {
        await dummyCheck(ctx, input.password);
        throw accountLocked(reserved.lockedUntil, now);
      }
      if (!(await verifyPassword(input.password, user.passwordHash))) throw await failedAttempt(ctx, user, reserved.failures, '密码');
    }
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
    const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, role: user.role as Role, unitId: user.unitId, regionId: user.regionId };
    await ctx.database.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
      await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, csrfToken, createdAt: now, expiresAt });
      await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashToken(token)), lt(sessions.expiresAt, now)));
      await recordAudit(tx, { ...ctx, actor }, { action: 'login', entityType: 'user', entityId: user.id, summary: `${user.username} 登录` });
    });
    const resolved = await actorForSession(db, hashToken(token), now);
    return {
      token, csrfToken, expiresAt: expiresAt.toISOString(), user: await describeMe(db, resolved?.actor ?? actor),
      deviceToken: device ? (ctx.deviceToken ?? '') : deviceToken(user.id, user.passwordHash),
    };
  },
});

export const sessionLogout = defineCommand({
  name: 'session-logout',
  summary: '退出登录',
  access: 'signed-in',
  input: z.strictObject({}),
  async run(ctx) {
    const actor = requireActor(ctx);
    await ctx.database.transaction(async (tx) => {
      if (ctx.sessionTokenHash) await tx.delete(sessions).where(eq(sessions.tokenHash, ctx.sessionTokenHash));
      await recordAudit(tx, ctx, { action: 'logout', entityType: 'user', entityId: actor.id, summary: `${actor.username} 退出登录` });
    });
    ctx.onAccountsChanged?.();
    return { loggedOut: true };
  },
});

export const sessionMe = defineCommand({
  name: 'session-me',
  summary: '当前登录的用户',
  access: 'signed-in',
  input: z.strictObject({}),
  run: (ctx) => describeMe(ctx.database.db, requireActor(ctx)),
});

export const passwordChange = defineCommand({
  name: 'password-change',
  summary: '修改自己的密码（其他会话随之退出）',
  access: 'signed-in',
  input: z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: z.string().max(256) }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const [user] = await db.select().from(users).where(eq(users.id, actor.id));
    if (!user) throw new DomainError('password-wrong', '当前密码不正确');
    // Throttled like login: the same reserved count and lock on the account.
    const now = ctx.clock();
    const reserved = await reserveAttempt(db, user.id, now);
    if ('lockedUntil' in reserved) throw accountLocked(reserved.lockedUntil, now);
    if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
      const error = await failedAttempt(ctx, user, reserved.failures, '当前密码');
      throw error.code === 'account-locked' ? error : new DomainError('password-wrong', '当前密码不正确');
    }
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    checkPasswordStrength(input.newPassword, user);
    const hash = await hashPassword(input.newPassword, ctx.passwordCost);
    await ctx.database.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash: hash, updatedAt: ctx.clock() }).where(eq(users.id, actor.id));
      await tx.delete(sessions).where(and(eq(sessions.userId, actor.id), ne(sessions.tokenHash, ctx.sessionTokenHash ?? '')));
      await recordAudit(tx, ctx, { action: 'password-change', entityType: 'user', entityId: actor.id, summary: `${actor.username} 修改了密码` });
    });
    ctx.onAccountsChanged?.();
    return { changed: true };
  },
});

// ---------------------------------------------------------------------------------------------------------
// Regions and units

const regionView = (r: typeof regions.$inferSelect) => ({ id: r.id, name: r.name, financeBureau: r.financeBureau, createdAt: r.createdAt.toISOString() });

export const regionList = defineCommand({
  name: 'region-list',
  summary: '列出地区（管理员看全部，其他人看自己所在地区）',
  access: 'signed-in',
  input: z.strictObject({ ...paging }),
  async run(ctx, input): Promise<Page<ReturnType<typeof regionView>>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const where = actor.role === 'admin' ? undefined : eq(regions.id, actor.regionId ?? '');
    const [total] = await db.select({ n: count() }).from(regions).where(where);
    const rows = await db.select().from(regions).where(where).orderBy(asc(regions.name)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
    return { items: rows.map(regionView), page: input.page, pageSize: input.pageSize, total: total?.n ?? 0 };
  },
});

async function uniqueOr<T>(fn: () => Promise<T>, code: string, message: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (pgErrorCode(e) === PG_ERROR.uniqueViolation) throw new DomainError(code, message);
    throw e;
  }
}

export const regionCreate = defineCommand({
  name: 'region-create',
  summary: '新建地区及其财政局',
  access: ADMIN,
  input: z.strictObject({ name: writtenText('地区名称', 100), financeBureau: writtenText('财政局名称', 100) }),
  async run(ctx, input) {
    const regionId = ctx.newId();
    return uniqueOr(
      () =>
        ctx.database.transaction(async (tx) => {
          const [row] = await tx.insert(regions).values({ id: regionId, name: input.name, financeBureau: input.financeBureau, createdAt: ctx.clock() }).returning();
          await recordAudit(tx, ctx, { action: 'region-create', entityType: 'region', entityId: regionId, summary: `新建地区 ${input.name}（${input.financeBureau}）` });
          if (!row) throw new Error('insert returned nothing');
          return regionView(row);
        }),
      'region-exists',
      `地区「${input.name}」已存在`,
    );
  },
});

const unitView = (u: typeof units.$inferSelect) => ({
  id: u.id, regionId: u.regionId, parentId: u.parentId, name: u.name, code: u.code, kind: u.kind,
  kindName: UNIT_KIND_NAMES[u.kind as UnitKind] ?? u.kind, createdAt: u.createdAt.toISOString(),
});

export const unitList = defineCommand({
  name: 'unit-list',
  summary: '列出单位（管理员看全部，财政审核看本地区，单位用户看本单位）',
  access: 'signed-in',
  input: z.strictObject({ regionId: id('地区').optional(), parentId: id('主管部门').optional(), ...paging }),
  async run(ctx, input): Promise<Page<ReturnType<typeof unitView>>> {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const conditions: SQL[] = [];
    if (actor.role === 'reviewer') conditions.push(eq(units.regionId, actor.regionId ?? ''));
    else if (actor.role !== 'admin') conditions.push(eq(units.id, actor.unitId ?? ''));
    if (input.regionId) conditions.push(eq(units.regionId, input.regionId));
    if (input.parentId) conditions.push(eq(units.parentId, input.parentId));
    const where = and(...conditions);
    const [total] = await db.select({ n: count() }).from(units).where(where);
    const rows = await db.select().from(units).where(where).orderBy(asc(units.name)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
    return { items: rows.map(unitView), page: input.page, pageSize: input.pageSize, total: total?.n ?? 0 };
  },
});

export const unitGet = defineCommand({
  name: 'unit-get',
  summary: '读取单位',
  access: 'signed-in',
  input: z.strictObject({ id: id('单位') }),
  run: async (ctx, input) => unitView(await unitInScope(ctx.database.db, requireActor(ctx), input.id)),
});

export const unitCreate = defineCommand({
  name: 'unit-create',
  summary: '新建单位（主管部门或其下的预算单位）',
  access: ADMIN,
  input: z.strictObject({
    regionId: id('地区'),
    name: writtenText('单位名称', 100),
    code: z.string().trim().max(50).optional(),
    kind: z.enum(['supervisingDepartment', 'budgetUnit']),
    parentId: id('主管部门').optional(),
  }),
  async run(ctx, input) {
    const unitId = ctx.newId();
    return uniqueOr(
      () =>
        ctx.database.transaction(async (tx) => {
          const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId));
          if (!region) throw notFound('region', input.regionId);
          if (input.parentId) {
            const [parent] = await tx.select().from(units).where(eq(units.id, input.parentId));
            if (!parent || parent.regionId !== input.regionId) throw new DomainError('unit-parent-invalid', '上级主管部门不存在或不在同一地区');
            if (parent.kind !== 'supervisingDepartment') throw new DomainError('unit-parent-invalid', `「${parent.name}」不是主管部门，不能作为上级`);
          }
          const [row] = await tx
            .insert(units)
            .values({ id: unitId, regionId: input.regionId, parentId: input.parentId ?? null, name: input.name, code: input.code ?? null, kind: input.kind, createdAt: ctx.clock() })
            .returning();
          await recordAudit(tx, ctx, { action: 'unit-create', entityType: 'unit', entityId: unitId, summary: `新建${UNIT_KIND_NAMES[input.kind]} ${input.name}（${region.name}）` });
          if (!row) throw new Error('insert returned nothing');
          return unitView(row);
        }),
      'unit-exists',
      `本地区已有单位「${input.name}」`,
    );
  },
});

// ---------------------------------------------------------------------------------------------------------
// Users

const userView = (u: typeof users.$inferSelect, now: Date) => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, roleName: ROLE_NAMES[u.role as Role] ?? u.role,
  unitId: u.unitId, regionId: u.regionId, isActive: u.isActive, isLocked: Boolean(u.lockedUntil && u.lockedUntil > now),
  mustChangePassword: isProvisional(u), createdAt: u.createdAt.toISOString(),
});

const username = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/u, '用户名为 3–32 位小写字母、数字或 _ . -，以字母或数字开头');
const roleInput = z.enum(ROLES as [Role, ...Role[]]);

/** Where a role belongs: unit roles need a unit (their region is the unit's), a reviewer a region. */
async function placement(tx: Db, role: Role, unitId: string | null | undefined, regionId: string | null | undefined): Promise<{ unitId: string | null; regionId: string | null }> {
  if (role === Role.preparer || role === Role.unitHead) {
    if (!unitId) throw new DomainError('input-invalid', `${ROLE_NAMES[role]}须属于一个单位（unitId）`, ['unitId：缺少单位']);
    const [unit] = await tx.select().from(units).where(eq(units.id, unitId));
    if (!unit) throw notFound('unit', unitId);
    return { unitId: unit.id, regionId: unit.regionId };
  }
  if (role === Role.reviewer) {
    if (!regionId) throw new DomainError('input-invalid', '财政审核须属于一个地区（regionId）', ['regionId：缺少地区']);
    const [region] = await tx.select().from(regions).where(eq(regions.id, regionId));
    if (!region) throw notFound('region', regionId);
    return { unitId: null, regionId: region.id };
  }
  return { unitId: null, regionId: null };
}

export const userList = defineCommand({
  name: 'user-list',
  summary: '列出用户',
  access: ADMIN,
  input: z.strictObject({ role: roleInput.optional(), unitId: id('单位').optional(), regionId: id('地区').optional(), ...paging }),
  async run(ctx, input): Promise<Page<ReturnType<typeof userView>>> {
    const db = ctx.database.db;
    const conditions: SQL[] = [];
    if (input.role) conditions.push(eq(users.role, input.role));
    if (input.unitId) conditions.push(eq(users.unitId, input.unitId));
    if (input.regionId) conditions.push(eq(users.regionId, input.regionId));
    const where = and(...conditions);
    const [total] = await db.select({ n: count() }).from(users).where(where);
    const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
    const now = ctx.clock();
    return { items: rows.map((u) => userView(u, now)), page: input.page, pageSize: input.pageSize, total: total?.n ?? 0 };
  },
});

/** Creates a user; used by `user-create` and by the first start. Returns the password when generated. */
export async function createUser(
  tx: Db,
  ctx: CommandContext,
  input: { username: string; displayName: string; role: Role; unitId?: string | null | undefined; regionId?: string | null | undefined; password?: string | undefined },
  /** The user must choose a new password at the first login (default: when the password is generated). */
  provisional = input.password === undefined,
): Promise<{ user: ReturnType<typeof userView>; initialPassword: string | null }> {
  const where = await placement(tx, input.role, input.unitId, input.regionId);
  if (input.password !== undefined) checkPasswordStrength(input.password, input);
  const password = input.password ?? generatePassword();
  const userId = ctx.newId();
  const now = ctx.clock();
  const passwordHash = await hashPassword(password, ctx.passwordCost);
  const [row] = await tx
    .insert(users)
    .values({ id: userId, username: input.username, displayName: input.displayName, passwordHash, provisionalPasswordHash: provisional ? passwordHash : null, role: input.role, ...where, createdAt: now, updatedAt: now })
    .returning();
  await recordAudit(tx, ctx, { action: 'user-create', entityType: 'user', entityId: userId, summary: `新建用户 ${input.username}（${ROLE_NAMES[input.role]}）` });
  if (!row) throw new Error('insert returned nothing');
  return { user: userView(row, now), initialPassword: input.password === undefined ? password : null };
}

export const userCreate = defineCommand({
  name: 'user-create',
  summary: '新建用户（不给密码时生成一个，只在这次返回）',
  access: ADMIN,
  input: z.strictObject({
    username,
    displayName: writtenText('姓名', 50),
    role: roleInput,
    unitId: id('单位').optional(),
    regionId: id('地区').optional(),
    password: z.string().max(256).optional(),
  }),
  run: (ctx, input) =>
    uniqueOr(() => ctx.database.transaction((tx) => createUser(tx, ctx, input)), 'user-exists', `用户名「${input.username}」已被使用`),
});

export const userUpdate = defineCommand({
  name: 'user-update',
  summary: '修改用户：姓名、角色、单位或地区、停用或启用、解锁、重置密码',
  access: ADMIN,
  input: z.strictObject({
    id: id('用户'),
    displayName: writtenText('姓名', 50).optional(),
    role: roleInput.optional(),
    unitId: id('单位').nullable().optional(),
    regionId: id('地区').nullable().optional(),
    isActive: z.boolean().optional(),
    unlock: z.boolean().optional(),
    resetPassword: z.boolean().optional(),
    reason: z.string().trim().max(500).optional(),
  }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    if (input.id === actor.id && (input.isActive === false || (input.role !== undefined && input.role !== actor.role))) {
      throw new DomainError('self-lockout', '不能停用自己或改变自己的角色（请由另一位管理员操作）');
    }
    const newPassword = input.resetPassword ? generatePassword() : null;
    const result = await ctx.database.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.id, input.id)).for('update');
      if (!user) throw notFound('user', input.id);
      const role = input.role ?? (user.role as Role);
      const where = await placement(tx, role, input.unitId === undefined ? user.unitId : input.unitId, input.regionId === undefined ? user.regionId : input.regionId);
      const changes: string[] = [];
      if (input.displayName && input.displayName !== user.displayName) changes.push(`姓名 → ${input.displayName}`);
      if (role !== user.role) changes.push(`角色 ${ROLE_NAMES[user.role as Role]} → ${ROLE_NAMES[role]}`);
      if (where.unitId !== user.unitId || where.regionId !== user.regionId) changes.push('单位或地区');
      if (input.isActive !== undefined && input.isActive !== user.isActive) changes.push(input.isActive ? '启用' : '停用');
      if (input.unlock) changes.push('解锁');
      if (newPassword) changes.push('重置密码');
      const now = ctx.clock();
      const [row] = await tx
        .update(users)
        .set({
          displayName: input.displayName ?? user.displayName,
          role,
          ...where,
          isActive: input.isActive ?? user.isActive,
          ...(input.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
          ...(newPassword ? await provisionalPassword(newPassword, ctx.passwordCost) : {}),
          updatedAt: now,
        })
        .where(eq(users.id, user.id))
        .returning();
      if (input.isActive === false || newPassword || role !== user.role || where.unitId !== user.unitId || where.regionId !== user.regionId) {
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
      }
      await recordAudit(tx, ctx, {
        action: 'user-update', entityType: 'user', entityId: user.id,
        summary: `修改用户 ${user.username}：${changes.join('，') || '无变化'}`,
        reason: input.reason,
      });
      if (!row) throw new Error('update returned nothing');
      return userView(row, now);
    });
    ctx.onAccountsChanged?.();
    return { user: result, newPassword };
  },
});

export const auditList = defineCommand({
  name: 'audit-list',
  summary: '审计日志（每一次改动：谁、何时、做了什么、为什么），新的在前',
  access: ADMIN,
  input: z.strictObject({ entityType: z.string().max(50).optional(), entityId: z.string().max(100).optional(), action: z.string().max(50).optional(), userId: z.string().max(100).optional(), ...auditPeriod, ...paging }),
  async run(ctx, input) {
    const db = ctx.database.db;
    const conditions: SQL[] = auditPeriodConditions(input);
    if (input.entityType) conditions.push(eq(auditLog.entityType, input.entityType));
    if (input.entityId) conditions.push(eq(auditLog.entityId, input.entityId));
    if (input.action) conditions.push(eq(auditLog.action, input.action));
    if (input.userId) conditions.push(eq(auditLog.userId, input.userId));
    const where = and(...conditions);
    const [total] = await db.select({ n: count() }).from(auditLog).where(where);
    const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
    return {
      items: rows.map((r) => ({ ...r, at: r.at.toISOString(), actionName: auditActionName(r.action) })),
      page: input.page,
      pageSize: input.pageSize,
      total: total?.n ?? 0,
    };
  },
});

export const schemeList = defineCommand({
  name: 'scheme-list',
  summary: '可用的评价方案',
  access: 'signed-in',
  input: z.strictObject({}),
  async run(ctx) {
    return { items: ctx.schemes.map((s) => ({ id: s.id, name: s.name, kind: s.kind, region: s.region, year: s.year })) };
  },
});

export const ACCOUNT_COMMANDS = {
  'session-login': sessionLogin,
  'session-logout': sessionLogout,
  'session-me': sessionMe,
  'password-change': passwordChange,
  'region-list': regionList,
  'region-create': regionCreate,
  'unit-list': unitList,
  'unit-get': unitGet,
  'unit-create': unitCreate,
  'user-list': userList,
  'user-create': userCreate,
  'user-update': userUpdate,
  'audit-list': auditList,
  'scheme-list': schemeList,
} as const;

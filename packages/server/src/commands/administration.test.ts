import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/databases.ts';
import { worldOn } from '../testing/world-suite.ts';
import type { World } from '../testing/world.ts';

describe.each(ENGINES)('administration on %s', (engine) => {
  const world = worldOn(engine);
  let w: World;
  beforeAll(() => {
    w = world();
  });

  it('asks for a new password after an account is made or its password reset, until the user changes it', async () => {
    const created = await w.run('user-create', w.admin, { username: 'new-preparer', displayName: '新填报人', role: 'preparer', unitId: w.a.unitId });
    expect(created.initialPassword).toEqual(expect.any(String));
    expect(created.user.mustChangePassword).toBe(true);
    const actor = { id: created.user.id, username: 'new-preparer', displayName: '新填报人', role: 'preparer' as const, unitId: w.a.unitId, regionId: w.a.regionId };
    expect((await w.run('session-me', actor, {})).mustChangePassword).toBe(true);
    await w.run('password-change', actor, { currentPassword: created.initialPassword, newPassword: 'A-new-password-2024' });
    expect((await w.run('session-me', actor, {})).mustChangePassword).toBe(false);
    const reset = await w.run('user-update', w.admin, { id: created.user.id, resetPassword: true });
    expect(reset.newPassword).toEqual(expect.any(String));
    expect(reset.user.mustChangePassword).toBe(true);
    expect((await w.run('session-me', actor, {})).mustChangePassword).toBe(true);
    // A password the caller chose itself (a script, a migration) is not marked.
    const chosen = await w.run('user-create', w.admin, { username: 'own-password', displayName: '自设密码', role: 'preparer', unitId: w.a.unitId, password: 'Chosen-password-1' });
    expect(chosen.user.mustChangePassword).toBe(false);
    // Another change (a name) leaves the mark as it is.
    const renamed = await w.run('user-update', w.admin, { id: created.user.id, displayName: '改名的填报人' });
    expect(renamed.user.mustChangePassword).toBe(true);
  });

  it('filters the audit log by action, user and day (China Standard Time), with the action named in Chinese', async () => {
    const all = await w.run('audit-list', w.admin, { pageSize: 100 });
    expect(all.items.length).toBeGreaterThan(0);
    for (const item of all.items) expect(item.actionName).toMatch(/^[\u4e00-\u9fff]/u);
    const creates = await w.run('audit-list', w.admin, { action: 'user-create', pageSize: 100 });
    expect(creates.items.length).toBeGreaterThan(0);
    expect(creates.items.every((x) => x.action === 'user-create' && x.actionName === '新建用户')).toBe(true);
    const byAdmin = await w.run('audit-list', w.admin, { userId: w.admin.id, pageSize: 100 });
    expect(byAdmin.items.every((x) => x.userId === w.admin.id)).toBe(true);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const todays = await w.run('audit-list', w.admin, { from: today, to: today, pageSize: 100 });
    expect(todays.total).toBe(all.total);
    const before = await w.run('audit-list', w.admin, { to: '2020-01-01', pageSize: 100 });
    expect(before.total).toBe(0);
    await expect(w.run('audit-list', w.admin, { from: '2024/1/1' })).rejects.toMatchObject({ code: 'input-invalid' });
  });
});

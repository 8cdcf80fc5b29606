/**
 * 系统管理 in the browser on the real server: the administrator sets a bureau up — a region, a unit, a
 * preparer account (the initial password shown once) — and finds it in the audit log filtered by action;
 * the new preparer must change that password at the first login before anything else (the server refuses
 * every other call meanwhile; the app shows the change form, whatever address is opened), and then works;
 * a disabled account cannot sign in. At 1366×768 and 1920×1080.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AdminPageModel, PasswordDialogModel } from './page-models/admin-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { ADMIN_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

describe.skipIf(skip)('系统管理', () => {
  const suite = serverAndBrowser();

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    const at = pageAt(suite, viewport);
    const w = viewport.width;
    const region = `测试县${w}`;
    const unit = `测试县${w}教育局`;
    const username = `prep${w}`;
    let initial = '';
    afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `admin-${w}`));
    it('the administrator makes a region, a unit and an account, and finds them in the audit log', async () => {
      const login = new LoginPage(at().page, suite().server.url);
      await login.open();
      await login.login('admin', ADMIN_PASSWORD);
      const admin = new AdminPageModel(at().page, suite().server.url);
      await admin.open();
      await admin.createRegion(region, `${region}财政局`);
      await admin.createUnit(region, unit);
      initial = await admin.createAccount({ username, displayName: `填报人${w}`, role: '填报人', unit });
      expect(initial.length).toBeGreaterThanOrEqual(10);
      await expect.poll(() => admin.accountRow(username).textContent()).toMatch(/待改初始密码/u);
      await screenshot(at().page, `admin-accounts-${w}`);
      const created = await admin.auditSummaries('新建用户');
      expect(created.some((t) => t.includes(`新建用户 ${username}`))).toBe(true);
      for (const row of created) expect(row).toMatch(/新建用户/u);
      await screenshot(at().page, `admin-audit-${w}`);
      await login.logout();
    });

    it('the new preparer must change the handed-out password first, then works', async () => {
      const login = new LoginPage(at().page, suite().server.url);
      await login.login(username, initial);
      const dialog = new PasswordDialogModel(at().page);
      await dialog.dialog().waitFor();
      expect(await dialog.dialog().getByRole('button', { name: '取消' }).isVisible()).toBe(false);
      // Behind the dialog: no page that the server would refuse, a notice instead.
      await at().page.getByText('请先修改初始密码').first().waitFor();
      // The server itself refuses every other call until the password is changed.
      const refused = await at().page.evaluate(async () => {
        const r = await fetch('/api/evaluations', { credentials: 'same-origin' });
        return { status: r.status, body: (await r.json()) as { error: { code: string; message: string } } };
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('password-change-required');
      expect(refused.body.error.message).toMatch(/请先修改初始密码/u);
      await screenshot(at().page, `admin-forced-password-${w}`);
      // An address typed in leads to the same form, not to the page.
      await at().page.goto(`${suite().server.url}/evaluations/not-yet`);
      await dialog.dialog().waitFor();
      await at().page.getByText('请先修改初始密码').first().waitFor();
      expect(await at().page.getByRole('heading', { name: /编辑|我的自评/u }).count()).toBe(0);
      await at().page.goto(`${suite().server.url}/evaluations`);
      await dialog.dialog().waitFor();
      const next = `Mine-${w}-password`;
      await dialog.change(initial, next);
      await at().page.getByRole('heading', { name: /我的自评/u }).waitFor();
      await expect.poll(() => dialog.dialog().count()).toBe(0);
      await login.logout();
      await login.login(username, next);
      await at().page.getByRole('heading', { name: /我的自评/u }).waitFor();
      expect(await dialog.dialog().count()).toBe(0);
      await login.logout();
    });

    it('a disabled account cannot sign in', async () => {
      const login = new LoginPage(at().page, suite().server.url);
      await login.login('admin', ADMIN_PASSWORD);
      const admin = new AdminPageModel(at().page, suite().server.url);
      await admin.open();
      await admin.disable(username);
      await login.logout();
      await login.login(username, `Mine-${w}-password`);
      await expect.poll(() => login.errorText()).toMatch(/[\u4e00-\u9fff]/u);
      expect(await at().page.getByRole('heading', { name: /我的自评/u }).count()).toBe(0);
      expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
    });
  });
});

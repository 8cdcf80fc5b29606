/**
 * Saving never blocks: on the real server, a preparer types a bad amount ("abc"), a negative one (-500) and
 * valid changes in other fields. Each bad field is marked under itself in Chinese; every valid change is
 * saved (read back after a reload); what the server had in the bad fields is kept. 新建自评 refuses the year
 * 99999 with a message at the field and without an uncaught promise rejection. At 1366×768 and 1920×1080.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const INCOME = 'approvedBudget.generalBudgetIncome';
const OPERATING = 'approvedBudget.operating';
const PERSONNEL = 'approvedBudget.personnel';

describe.skipIf(skip)('saving never blocks', () => {
  const suite = serverAndBrowser();

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    const at = pageAt(suite, viewport);
    const tag = `${viewport.width}`;
    let page: Page;

    beforeAll(async () => {
      page = at().page;
      const login = new LoginPage(page, suite().server.url);
      await login.open();
      await login.login('preparer', DEMO_PASSWORD);
      await new EvaluationsPage(page, suite().server.url).waitUntilShown();
    });
    afterEach(async (ctx) => screenshotIfFailed(ctx, page, `saving-${tag}`));

    it('marks "abc" and -500 at their fields in Chinese and saves every other change', async () => {
      await new EvaluationsPage(page, suite().server.url).open('2022');
      const stored = new StoredEditorPage(page);
      await stored.editor.openSection('预决算');
      const before = { income: await stored.editor.field(INCOME).inputValue(), operating: await stored.editor.field(OPERATING).inputValue() };
      const personnel = `${tag}.25`;
      const shown = `${tag.slice(0, 1)},${tag.slice(1)}.25`; // tidied on leaving the field: 1,366.25
      await stored.editor.fill(INCOME, 'abc');
      await stored.editor.fill(OPERATING, '-500');
      await stored.editor.fill(PERSONNEL, personnel);
      await stored.editor.openSection('问题与措施');
      await stored.editor.fill('problems', `第${tag}次写的问题`);
      await stored.editor.openSection('预决算');
      expect(await stored.editor.problemText(INCOME)).toMatch(/不是有效的金额：「abc」，未保存/u);
      expect(await stored.editor.problemText(OPERATING)).toMatch(/不能为负数/u);
      await stored.save();
      const state = (await stored.saveState()) ?? '';
      expect(state).toMatch(/2 处填写有误，未保存/u);
      expect(state).not.toMatch(/[A-Za-z]/u);
      await screenshot(page, `saving-field-problems-${tag}`);
      // The server has every valid change and kept its own value in the bad fields.
      await page.reload();
      await page.getByTestId('finding-counts').waitFor();
      const offer = page.getByRole('button', { name: '丢弃' });
      if (await offer.isVisible()) await offer.click();
      await stored.editor.openSection('预决算');
      expect(await stored.editor.field(PERSONNEL).inputValue()).toBe(shown);
      expect(await stored.editor.field(INCOME).inputValue()).toBe(before.income);
      expect(await stored.editor.field(OPERATING).inputValue()).toBe(before.operating);
      await stored.editor.openSection('问题与措施');
      expect(await stored.editor.field('problems').inputValue()).toBe(`第${tag}次写的问题`);
    });

    it('refuses the year 99999 at the field without an uncaught error', async () => {
      const list = new EvaluationsPage(page, suite().server.url);
      await page.getByRole('link', { name: /我的自评/u }).first().click();
      await list.waitUntilShown();
      const message = await list.tryCreateWithYear('99999');
      expect(message).toMatch(/年度应在 2000 到 \d{4} 之间/u);
      await screenshot(page, `new-evaluation-year-${tag}`);
      await list.closeDialog();
      // No uncaught error (a rejected promise shows here); the 401 of the login page's session probe is expected.
      expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
    });
  });
});

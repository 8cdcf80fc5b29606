/**
 * The smaller items, in the browser on the real server with generated demo regions: a demo region's own
 * reviewer account signs in; the inbox filters by 年度 and shows 自评得分; 等级分布 has one 优秀 (优 and 优秀
 * merged); the review page prints without navigation or buttons; an evidence file over 20 MB is refused
 * before anything is sent; the unit head signs the current version (签字确认). At 1366×768 and 1920×1080.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { InboxPage } from './page-models/inbox-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

describe.skipIf(skip)('smaller items', () => {
  const suite = serverAndBrowser({ generate: { units: 16, years: 2, seed: 'small', unitsPerRegion: 16 } });

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    const at = pageAt(suite, viewport);
    const w = viewport.width;
    afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `smaller-${w}`));

    it('a demo region’s reviewer filters the inbox by year, sees 自评得分, and prints a review', async () => {
      const page = at().page;
      await signInAs(page, suite().server.url, 'small-reviewer-1', DEMO_PASSWORD);
      const inbox = new InboxPage(page, suite().server.url);
      await inbox.waitUntilShown();
      await page.getByLabel('按状态筛选').click();
      await page.keyboard.press('Backspace');
      await page.locator('.ant-select-clear').first().click().catch(() => undefined);
      const headers = await page.locator('.ant-table-thead th').allTextContents();
      expect(headers).toContain('自评得分');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      const year = ((await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').first().textContent()) ?? '').trim();
      await page.getByLabel('按年度筛选').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: year }).first().click();
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await expect.poll(async () => (await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents()).every((t) => t === year)).toBe(true);
      await screenshot(page, `inbox-year-${w}`);

      await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').first().click();
      await page.getByRole('table', { name: '逐项得分' }).waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.jx-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      expect(await page.getByRole('table', { name: '逐项得分' }).isVisible()).toBe(true);
      await screenshot(page, `review-print-${w}`);
      await page.emulateMedia({ media: 'screen' });
    });

    it('等级分布 counts 优 and 优秀 as one', async () => {
      const page = at().page;
      await page.getByRole('link', { name: '绩效总览' }).click();
      await page.getByRole('heading', { name: /绩效总览/u }).waitFor();
      await page.locator('.ant-spin-blur').waitFor({ state: 'detached' }).catch(() => undefined);
      // The figures load after the page: open the list until it has the grades.
      let grades: string[] = [];
      for (let i = 0; i < 10 && grades.length === 0; i++) {
        await page.getByLabel('按等级筛选').click();
        await page.waitForTimeout(300);
        grades = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
        await page.keyboard.press('Escape');
      }
      expect(grades.length).toBeGreaterThan(0);
      expect(grades).not.toContain('优');
      expect(grades).not.toContain('良');
      expect(new Set(grades).size).toBe(grades.length);
    });

    it('refuses an evidence file over 20 MB before sending it', async () => {
      const page = at().page;
      await signInAs(page, suite().server.url, 'preparer', DEMO_PASSWORD);
      const list = new EvaluationsPage(page, suite().server.url);
      await list.waitUntilShown();
      await list.open('2022');
      const stored = new StoredEditorPage(page);
      await stored.editor.openSection('绩效指标');
      const sent: string[] = [];
      page.on('request', (r) => { if (r.url().includes('/evidence') && r.method() === 'POST') sent.push(r.url()); });
      const button = page.getByRole('button', { name: '为项目完成进度上传佐证材料' });
      await page.locator('.ant-upload', { has: button }).locator('input[type=file]').setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) });
      await expect.poll(() => page.locator('.ant-message').textContent()).toMatch(/超过佐证材料 20 MB 的上限，未上传/u);
      expect(sent).toEqual([]);
      expect(await page.getByRole('link', { name: '扫描件.pdf' }).count()).toBe(0);
    });

    it('the unit head signs the current version (签字确认), and the preparer sees it', async () => {
      const page = at().page;
      await signInAs(page, suite().server.url, 'unithead', DEMO_PASSWORD);
      const list = new EvaluationsPage(page, suite().server.url);
      await list.waitUntilShown();
      await list.open('2022');
      const signed = page.getByTestId('signed');
      // The first screen size signs; the second finds it signed.
      if (w === 1366) {
        expect(await signed.textContent()).toMatch(/尚未经单位负责人签字确认/u);
        await page.getByRole('button', { name: '签字确认' }).click();
        await page.locator('.ant-popconfirm').getByRole('button', { name: '签字确认' }).click();
      }
      await expect.poll(() => signed.textContent()).toMatch(/已于 .* 签字确认第 1 版/u);
      expect(await page.getByRole('button', { name: '签字确认' }).count()).toBe(0);
      await screenshot(page, `unit-head-signed-${w}`);
      await signInAs(page, suite().server.url, 'preparer', DEMO_PASSWORD);
      await list.waitUntilShown();
      await list.open('2022');
      await expect.poll(() => signed.textContent()).toMatch(/单位负责人（演示）已于 .* 签字确认第 1 版/u);
      expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
    });
  });
});

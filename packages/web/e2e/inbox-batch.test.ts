/**
 * The inbox's batch approve and return, in the browser on the real server with a generated demo region:
 * the region's reviewer selects two submissions and returns them with one reason (refused without one),
 * then approves another, whose review score is its computed total as the dialog says; the list shows
 * 自评得分 beside 计算得分. At 1366×768 and 1920×1080.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InboxPage } from './page-models/inbox-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

type Listed = { items: { unitName: string; status: string; computedTotal: string | null; reviewScore: string | null }[] };

describe.skipIf(skip).each(VIEWPORTS)('inbox batch at $width×$height', (viewport) => {
  const suite = serverAndBrowser({ generate: { units: 24, years: 1, seed: 'batch', unitsPerRegion: 24 } });
  const at = pageAt(suite, viewport);
  const w = viewport.width;
  afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `inbox-batch-${w}`));

  it('returns two submissions with one reason and approves a third at its computed total', async () => {
    const page = at().page;
    await signInAs(page, suite().server.url, 'batch-reviewer-1', DEMO_PASSWORD);
    const inbox = new InboxPage(page, suite().server.url);
    await inbox.waitUntilShown();
    await inbox.rows().first().waitFor();
    expect(await page.locator('.ant-table-thead th').allTextContents()).toEqual(expect.arrayContaining(['自评得分', '计算得分', '复核得分']));
    const before = await inbox.unitNames();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const [first = '', second = '', third = ''] = before;

    await inbox.select(first);
    await inbox.select(second);
    const returning = await inbox.openBatch('退回');
    expect(await returning.getByTestId('batch-rows').locator('li').allTextContents()).toEqual([expect.stringContaining(first), expect.stringContaining(second)]);
    await returning.getByRole('button', { name: '退回 2 份' }).click();
    await page.getByText('请填写退回理由').first().waitFor();
    await returning.getByLabel('退回理由').fill('佐证材料不全，请补充后重报。');
    await screenshot(page, `inbox-batch-return-${w}`);
    await returning.getByRole('button', { name: '退回 2 份' }).click();
    await returning.waitFor({ state: 'hidden' });
    await expect.poll(() => inbox.unitNames()).toEqual(before.filter((u) => u !== first && u !== second));

    await inbox.select(third);
    const approving = await inbox.openBatch('通过');
    const line = (await approving.getByTestId('batch-rows').locator('li').first().textContent()) ?? '';
    const total = /计算得分 ([\d.]+)/u.exec(line)?.[1] ?? '';
    expect(total).not.toBe('');
    await approving.getByRole('button', { name: '通过 1 份' }).click();
    await approving.waitFor({ state: 'hidden' });
    await expect.poll(() => inbox.unitNames()).not.toContain(third);

    const listed = (status: string) => page.evaluate(async (s) => (await (await fetch(`/api/evaluations?status=${s}`)).json()) as Listed, status);
    const returned = (await listed('returned')).items.map((x) => x.unitName);
    expect(returned).toEqual(expect.arrayContaining([first, second]));
    const approved = (await listed('approved')).items.find((x) => x.unitName === third);
    expect(approved?.reviewScore).toBe(total);
    expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
  });
});

/**
 * A unit learns of a 退回 when it signs in, in the browser on the real server: the preparer submits a
 * clean evaluation, the region's reviewer returns it with a reason; at the preparer's next login the
 * header's 我的自评 carries a badge and the list a notice naming the returned evaluation; opening it shows
 * the reason and reads the return (badge and notice gone). At 1366×768 and 1920×1080.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { apiLogin } from './support/api.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const CLEAN = join(import.meta.dirname, '../../../examples/clean-department-2023.json');
const UNIT = '衡阳县自然资源局';
const REASON = '项目支出明细与决算不一致，请核对后重报。';

describe.skipIf(skip).each(VIEWPORTS)('returns notice at $width×$height', (viewport) => {
  const suite = serverAndBrowser();
  const at = pageAt(suite, viewport);
  const w = viewport.width;
  afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `returns-${w}`));

  it('shows an unread return as a badge and a notice at login, until the evaluation is opened', async () => {
    const url = suite().server.url;
    const preparer = await apiLogin(url, 'preparer', DEMO_PASSWORD);
    const clean = JSON.parse(readFileSync(CLEAN, 'utf8')) as Record<string, unknown>;
    const created = await preparer.call<{ id: string; version: { number: number } }>('POST', '/api/evaluations', { document: { ...clean, unit: { ...(clean['unit'] as object), name: UNIT } } });
    await preparer.call('POST', `/api/evaluations/${created.id}/submit`, { version: created.version.number, justifications: {} });
    const reviewer = await apiLogin(url, 'reviewer', DEMO_PASSWORD);
    await reviewer.call('POST', `/api/evaluations/${created.id}/return`, { opinion: REASON });

    const page = at().page;
    await signInAs(page, url, 'preparer', DEMO_PASSWORD);
    const list = new EvaluationsPage(page, url);
    await list.waitUntilShown();
    const badge = page.getByTestId('returns-badge');
    await badge.waitFor();
    expect((await badge.textContent())?.trim()).toMatch(/^我的自评\s*1$/u);
    const notice = page.getByTestId('unread-returns');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/财政局退回了 1 份自评/u);
    expect(await notice.locator('li').allTextContents()).toEqual(['2023年度部门整体支出绩效自评']);
    await screenshot(page, `returns-notice-${w}`);

    await notice.getByRole('link').click();
    await page.getByTestId('return-opinion').waitFor();
    expect(await page.getByTestId('return-opinion').textContent()).toBe(REASON);
    await page.getByRole('link', { name: '← 我的自评' }).click();
    await list.waitUntilShown();
    await expect.poll(() => page.getByTestId('unread-returns').count()).toBe(0);
    await expect.poll(() => page.getByTestId('returns-badge').count()).toBe(0);
    expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
  });
});

/**
 * 绩效总览 in a real browser on the real server: demo data for three years (`generateDemo` + `storeDemo`)
 * stored before the server starts, then the administrator looks at all regions and one, filters and pages
 * the ranking, and downloads the .xlsx; the demo reviewer sees only their region and drills down to an
 * evaluation. Screenshot: artifacts/screenshots/dashboard.png.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VIEWPORT, hasChromium, launch, screenshot, screenshotIfFailed, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type TestServer, startTestServer } from './support/server.ts';

const skip = !hasChromium();

describe.skipIf(skip)('dashboard in the browser on the server', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dashboard: DashboardPage;
  let login: LoginPage;

  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer({ generate: { units: 90, years: 3, seed: '网页', unitsPerRegion: 45 } });
    url = server.url;
    browser = await launch();
    const context = await browser.newContext({ viewport: { ...VIEWPORT, height: 1500 }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchErrors(page);
    login = new LoginPage(page, url);
    dashboard = new DashboardPage(page, url);
  });

  afterEach((ctx) => screenshotIfFailed(ctx, page, 'dashboard'));

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator lands on the dashboard of all regions, latest year, with every chart', async () => {
    await login.open();
    await login.login('admin', ADMIN_PASSWORD);
    await dashboard.waitUntilShown();
    expect(await dashboard.heading()).toContain('全部地区 2023年度');
    expect(await dashboard.statistic('自评')).toBe('90份');
    expect(await dashboard.rankingTotal()).toBe(90);
    for (const label of ['各单位状态', '等级分布', '计算得分分布', '预算执行率与计算得分', '问题最多的审核规则', '逐年对比']) {
      await expect.poll(() => dashboard.chart(label).locator('svg').count(), { message: label }).toBe(1);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'dashboard');
  });

  it('filters by region, searches, sorts and pages the ranking', async () => {
    await dashboard.pickSelect('地区', /演示青山县/u);
    await expect.poll(() => dashboard.heading()).toMatch(/演示青山县.*2023年度/u);
    await expect.poll(() => dashboard.rankingTotal()).toBe(45);
    await dashboard.search('水利局');
    await expect.poll(async () => (await dashboard.rankingColumn('单位')).every((u) => u.includes('水利局')) && (await dashboard.rankingTotal()) < 45).toBe(true);
    await dashboard.search('');
    await expect.poll(() => dashboard.rankingTotal()).toBe(45);
    await dashboard.pickSelect('排序', '按计算得分（低→高）');
    await expect.poll(async () => {
      const scores = (await dashboard.rankingColumn('计算得分')).map(Number);
      return scores.length === 20 && scores.every((s, i) => i === 0 || (scores[i - 1] ?? 0) <= s);
    }).toBe(true);
    // paging asks for the ranking alone: the figures are not computed again
    const asked: string[] = [];
    const onRequest = (r: { url: () => string }) => asked.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    await page.locator('.ant-pagination-item', { hasText: '2' }).first().click();
    await expect.poll(async () => (await dashboard.rankingColumn('名次')).length).toBe(20);
    page.off('request', onRequest);
    expect(asked.filter((p) => p.startsWith('/api/'))).toEqual(['/api/dashboard/ranking']);
    await dashboard.pickSelect('年度', /2021年度/u);
    await expect.poll(() => dashboard.heading()).toContain('2021年度');
  });

  it('downloads the summary as .xlsx', async () => {
    const download = await dashboard.export();
    expect(download.suggestedFilename()).toMatch(/演示青山县.*2021年度绩效总览\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(book.getWorksheet('排名')?.rowCount).toBe(46);
  });

  it('the reviewer sees only their region and opens an evaluation from the ranking', async () => {
    await login.logout();
    await login.login('reviewer', DEMO_PASSWORD);
    await page.getByRole('link', { name: '绩效总览' }).click();
    await dashboard.waitUntilShown();
    expect(await dashboard.heading()).toContain('湖南省衡阳县 2022年度');
    await expect(page.getByLabel('地区', { exact: true }).count()).resolves.toBe(0);
    expect(await dashboard.rankingColumn('单位')).toEqual(['衡阳县自然资源局']);
    await page.getByRole('table', { name: '排名' }).getByRole('link', { name: '衡阳县自然资源局' }).click();
    await page.waitForURL(/\/review\//u);
    // The login page asks who is signed in before anyone is: those 401s are expected.
    expect(errors.filter((e) => !/401|Unauthorized/u.test(e))).toEqual([]);
  });
});

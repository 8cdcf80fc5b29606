/**
 * 绩效总览 in a real browser on the real server: demo data for three years (`generateDemo` + `storeDemo`)
 * stored before the server starts, then the administrator looks at all regions and one, filters and pages
 * the ranking, and downloads the .xlsx; the demo reviewer sees only their region and drills down to an
 * evaluation. Screenshot: artifacts/screenshots/dashboard.png.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemo, openDatabase, type RunningServer, startServer, storeDemo } from '@jixiao/server';
import { loadSchemes } from '@jixiao/cli';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DashboardPage } from './page-models/dashboard-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { VIEWPORT, hasChromium, launch, screenshot, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { DIST } from './support/static-server.ts';

const skip = !hasChromium();
const ADMIN_PASSWORD = 'Admin-pass-2023';
const DEMO_PASSWORD = 'Demo-pass-2023';

describe.skipIf(skip)('dashboard in the browser on the server', () => {
  let dataDir: string;
  let server: RunningServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dashboard: DashboardPage;
  let login: LoginPage;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-dashboard-'));
    const schemes = loadSchemes();
    const database = await openDatabase({ dataDir });
    await storeDemo(database, generateDemo({ units: 90, years: 3, seed: '网页', unitsPerRegion: 45 }, schemes), schemes);
    await database.close();
    await buildWeb();
    server = await startServer({
      port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir, blobs: 'database', adminPassword: ADMIN_PASSWORD, demo: true, demoPassword: DEMO_PASSWORD,
      secureCookies: false, allowedOrigins: [], trustProxy: false, webRoot: DIST,
    });
    url = `http://127.0.0.1:${server.port}`;
    browser = await launch();
    const context = await browser.newContext({ viewport: { ...VIEWPORT, height: 1500 }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchErrors(page);
    login = new LoginPage(page, url);
    dashboard = new DashboardPage(page, url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-dashboard-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/gu, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
    await page.locator('.ant-pagination-item', { hasText: '2' }).first().click();
    await expect.poll(async () => (await dashboard.rankingColumn('名次')).length).toBe(20);
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

/**
 * 抽查复核 in a real browser on the real server: demo data for one region (`generateDemo` + `storeDemo`),
 * two reviewers of that region (made by the administrator through the API). A reviewer draws at random with
 * a seed, draws again with the same seed and gets the same evaluations, draws by risk, assigns an
 * evaluation to the other reviewer, records a 复核得分 with result and opinion, and sees the comparison
 * of self, computed and reviewed scores with the differences. Screenshot: artifacts/screenshots/spot-check.png.
 */
import { format, parseDec, sub } from '@jixiao/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './page-models/login-page.ts';
import { SpotCheckPage, SpotChecksPage } from './page-models/spot-checks-page.ts';
import { apiLogin } from './support/api.ts';
import { VIEWPORT, hasChromium, launch, screenshot, screenshotIfFailed, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { ADMIN_PASSWORD, type TestServer, startTestServer } from './support/server.ts';

const skip = !hasChromium();
const PASSWORD = 'Review-pass-2023';
const SEED = '网页抽查-2023';

describe.skipIf(skip)('spot checks in the browser on the server', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let list: SpotChecksPage;
  let drawn: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer({ generate: { units: 24, years: 1, seed: '抽查', unitsPerRegion: 24 } });
    url = server.url;
    const admin = await apiLogin(url, 'admin', ADMIN_PASSWORD);
    const regions = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/regions?pageSize=100');
    const region = regions.items.find((r) => r.name.startsWith('演示'));
    if (!region) throw new Error('演示地区不存在');
    for (const [username, displayName] of [['zhangsan', '绩效科张三'], ['lisi', '绩效科李四']]) {
      await admin.call('POST', '/api/users', { username, displayName, role: 'reviewer', regionId: region.id, password: PASSWORD });
    }
    browser = await launch();
    const context = await browser.newContext({ viewport: { ...VIEWPORT }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchErrors(page);
    list = new SpotChecksPage(page, url);
  });

  afterEach((ctx) => screenshotIfFailed(ctx, page, 'spot'));

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws at random with a seed, shows the seed, and the same seed draws the same evaluations again', async () => {
    const login = new LoginPage(page, url);
    await login.open();
    await login.login('zhangsan', PASSWORD);
    await page.getByRole('heading', { name: '审核收件箱' }).waitFor();
    await list.openFromMenu();
    const first = await list.drawRandom(/2023年度/u, 4, SEED);
    expect(await first.heading()).toBe('抽查复核：2023年度 · 随机抽取');
    expect(await first.seed()).toBe(SEED);
    drawn = await first.units();
    expect(drawn).toHaveLength(4);
    const firstUrl = page.url();

    await list.openFromMenu();
    const again = await list.drawRandom(/2023年度/u, 4, SEED);
    expect(page.url()).not.toBe(firstUrl);
    expect(await again.units()).toEqual(drawn);

    await list.openFromMenu();
    await expect.poll(async () => (await list.rows()).filter((r) => r[3] === SEED).length).toBe(2);
    await page.goto(firstUrl);
    await first.waitUntilShown();
  });

  it('assigns the other reviewer, records a 复核得分, and the comparison shows the differences', async () => {
    const spot = new SpotCheckPage(page);
    const unit = drawn[0] ?? '';
    const computed = await spot.cell(unit, '计算得分');
    const self = await spot.cell(unit, '自评得分');
    const computedDec = parseDec(computed);
    if (!computedDec) throw new Error(`计算得分不是数：${computed}`);
    const reviewed = format(sub(computedDec, parseDec('2.5') ?? computedDec), 2, false);
    await spot.assign(unit, '绩效科李四');
    await spot.record(unit, { score: reviewed, result: '得分调整', opinion: '产出数量指标佐证不足，扣 2.5 分' });
    await expect.poll(() => spot.difference(unit, '复核−计算').textContent()).toMatch(/复核−计算\s*-2\.50?$/u);
    const selfDec = parseDec(self);
    if (selfDec) {
      const d = sub(parseDec(reviewed) ?? computedDec, selfDec);
      const text = `${d.units > 0 ? '+' : ''}${format(d, d.scale, false)}`;
      expect((await spot.difference(unit, '复核−自评').textContent())?.replace(/\s+/gu, '')).toBe(`复核−自评${text}`);
    }
    await expect.poll(() => page.getByText('1 份复核得分与计算得分不同').count()).toBe(1);
    await expect.poll(() => spot.comparison().locator('svg').count()).toBe(1);

    // What was saved is what the page shows after a reload.
    await page.reload();
    await spot.waitUntilShown();
    expect(Number(await spot.rowOf(unit).getByLabel(/^复核得分：/u).inputValue())).toBe(Number(reviewed));
    expect(await spot.selected(unit, '复核人')).toBe('绩效科李四');
    expect(await spot.selected(unit, '复核结论')).toBe('得分调整');
    expect(await spot.cell(unit, '')).toContain('绩效科张三 已复核');
    expect(await page.getByText(/已复核 1 \/ 4/u).count()).toBe(1);
    await screenshot(page, 'spot-check');
  });

  it('draws by risk: the largest gaps between the unit’s total and the computed one', async () => {
    await list.openFromMenu();
    const risk = await list.drawByRisk(/2023年度/u, 3, '自评与计算得分差距最大');
    expect(await risk.heading()).toBe('抽查复核：2023年度 · 按风险：自评与计算得分差距最大');
    expect(await risk.units()).toHaveLength(3);
    // each drawn unit shows why it was drawn
    expect(await page.getByLabel(/^抽取理由：/u).allInnerTexts()).toEqual(Array.from({ length: 3 }, () => expect.stringMatching(/^抽取理由：(?:自评 [\d.]+ 分，计算 [\d.]+ 分|自评总分缺失)$/u)));
    expect(await page.getByTestId('seed').count()).toBe(0);
    await list.openFromMenu();
    await screenshot(page, 'spot-checks');
    expect(errors.filter((e) => !/401|Unauthorized/u.test(e))).toEqual([]);
  });
});

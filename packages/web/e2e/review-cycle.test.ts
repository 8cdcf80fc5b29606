/**
 * The whole cycle in a real browser on the real server (packages/server, embedded database, demo data):
 * the unit's preparer logs in, opens the seed's evaluation, sees the findings, fixes them until none is an
 * error, submits; the bureau's reviewer returns it with an opinion; the preparer sees the opinion, fixes and
 * resubmits; the reviewer approves with a review score and publishes; the .docx downloads and reads back as
 * the report. Screenshots of each main page.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '@jixiao/documents';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sectionOfPath } from '../src/editor/sections.ts';
import { SEED_FIXES } from '../src/testing/seed.ts';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { InboxPage } from './page-models/inbox-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { ReviewPage } from './page-models/review-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORT, hasChromium, launch, screenshot, screenshotDir, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { DEMO_PASSWORD, type TestServer, startTestServer } from './support/server.ts';

/** Polls wait this long: CI runs the browser beside the other test files on two cores. */
const POLL = 15_000;

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const UNIT = '衡阳县自然资源局';

describe.skipIf(skip)('review cycle in the browser on the server', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let login: LoginPage;

  beforeAll(async () => {
    await buildWeb();
    server = await startTestServer();
    browser = await launch();
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    page = await context.newPage();
    errors = watchErrors(page);
    login = new LoginPage(page, server.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/gu, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with a Chinese message', async () => {
    await login.open();
    await screenshot(page, 'login');
    await login.login('preparer', 'wrong-password-1');
    await expect.poll(() => login.errorText(), { timeout: POLL }).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('the preparer opens the seed, fixes every error and submits', async () => {
    await login.login('preparer', DEMO_PASSWORD);
    const list = new EvaluationsPage(page, server.url);
    await list.waitUntilShown();
    await screenshot(page, 'evaluations');
    await list.open('2022');
    const stored = new StoredEditorPage(page);
    expect(await stored.status()).toBe('草稿');
    expect((await stored.editor.counts()).error).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'editor');
    for (const [path, value] of SEED_FIXES) await stored.editor.fillIn(sectionOfPath('department', path).title, path, value);
    await expect.poll(async () => (await stored.editor.counts()).error, { timeout: POLL }).toBe(0);
    await stored.save();
    await stored.submit();
    expect(await stored.status()).toBe('已提交');
  });

  it('the reviewer sees it in the inbox and returns it with an opinion', async () => {
    await login.logout();
    await login.login('reviewer', DEMO_PASSWORD);
    const inbox = new InboxPage(page, server.url);
    await inbox.waitUntilShown();
    await page.locator('.ant-table-tbody tr', { hasText: UNIT }).waitFor();
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await screenshot(page, 'inbox');
    await inbox.open(UNIT);
    const review = new ReviewPage(page);
    const totals = await review.totals();
    expect(totals.stated).toBe('98');
    expect(totals.computed).toBe('98.00');
    await review.indicatorOpinion('项目完成进度', '未说明哪些项目延期、何时完成，请补充。');
    await screenshot(page, 'review');
    await review.returnToUnit('时效指标“项目完成进度”扣分，请写明偏差原因和改进措施后再报。');
    expect(await review.status()).toBe('已退回');
  });

  it('the preparer reads the opinion, fixes and resubmits', async () => {
    await login.logout();
    await login.login('preparer', DEMO_PASSWORD);
    const list = new EvaluationsPage(page, server.url);
    await list.waitUntilShown();
    await list.open('2022');
    const stored = new StoredEditorPage(page);
    expect(await stored.status()).toBe('已退回');
    expect(await stored.returnOpinion()).toContain('项目完成进度');
    await expect.poll(() => page.getByTestId('indicator-opinions').textContent(), { timeout: POLL }).toContain('未说明哪些项目延期');
    await stored.editor.fillIn('绩效指标', 'selfEvaluation.indicators[8].deviationExplanation', '受疫情影响，2个项目延至2023年一季度完工；已建立周调度制度，确保按期结项。');
    expect(await stored.tryLeaveAndStay()).toContain('尚未保存');
    expect(page.url()).toContain('/evaluations/');
    await stored.save();
    expect((await stored.editor.counts()).error).toBe(0);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
    await stored.uploadEvidence('项目完成进度', { name: '项目进度月报.pdf', mimeType: 'application/pdf', buffer: pdf });
    await screenshot(page, 'editor-returned');
    await stored.submit();
  });

  it('the reviewer approves with a review score and publishes', async () => {
    await login.logout();
    await login.login('reviewer', DEMO_PASSWORD);
    const inbox = new InboxPage(page, server.url);
    await inbox.waitUntilShown();
    await inbox.open(UNIT);
    const review = new ReviewPage(page);
    await review.setScore('项目完成进度', '3');
    await expect.poll(async () => (await review.totals()).review, { timeout: POLL }).toBe('97.00');
    await review.approve('数据已核实，同意自评结果，复核得分 97 分。');
    expect(await review.status()).toBe('已审核');
    await review.publish();
    expect(await review.status()).toBe('已公开');
    await screenshot(page, 'review-published');
  });

  it('downloads the report as .docx, which opens as the report', async () => {
    const review = new ReviewPage(page);
    const { name, bytes } = await review.downloadWord();
    expect(name).toMatch(/^衡阳县自然资源局2022年度.*\.docx$/u);
    writeFileSync(join(screenshotDir(), '..', name), bytes);
    const report = await readDocument(bytes, name);
    const text = report.lines.map((l) => l.text).join('\n');
    expect(text).toContain('衡阳县自然资源局');
    expect(text).toContain('部门整体支出绩效');
    expect(report.tables.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the version history with a readable diff', async () => {
    await page.getByRole('link', { name: '版本历史' }).click();
    await page.getByRole('heading', { name: /版本历史/u }).waitFor();
    await page.locator('.jx-diff-after').first().waitFor();
    await screenshot(page, 'history');
    // Latest two versions: the preparer's explanation after the return.
    await expect.poll(() => page.getByText('绩效指标 · 第9行 · 偏差原因分析及改进措施').count(), { timeout: POLL }).toBe(1);
    expect(await page.locator('.jx-diff-after').first().textContent()).toContain('周调度制度');
  });

  it('the preparer starts 2023 from 2022, with last year’s figures in the prior-year column', async () => {
    await login.logout();
    await login.login('preparer', DEMO_PASSWORD);
    const list = new EvaluationsPage(page, server.url);
    await list.waitUntilShown();
    await list.createFromPrior(2023);
    const stored = new StoredEditorPage(page);
    expect(await stored.status()).toBe('草稿');
    await stored.editor.openSection('基础数据表');
    expect(await stored.editor.field('basicData.reception.priorActual').inputValue()).toBe('40.11');
    expect(await stored.editor.field('basicData.reception.actual').inputValue()).toBe('');
    await stored.editor.openSection('绩效指标');
    expect(await stored.editor.field('selfEvaluation.indicators[1].target').inputValue()).toBe('800');
    expect(await stored.editor.field('selfEvaluation.indicators[1].actual').inputValue()).toBe('');
    await screenshot(page, 'editor-new-year');
  });

  it('submits with a justification for each error left, and the reviewer reads them', async () => {
    const stored = new StoredEditorPage(page);
    const errors = (await stored.editor.counts()).error;
    expect(errors).toBeGreaterThan(0);
    const asked = await stored.submitWithJustifications('本年数据待决算批复后补录');
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(errors);
    await login.logout();
    await login.login('reviewer', DEMO_PASSWORD);
    const inbox = new InboxPage(page, server.url);
    await inbox.waitUntilShown();
    await page.locator('.ant-table-tbody tr', { hasText: '2023年度' }).getByRole('link', { name: UNIT }).click();
    await page.getByTestId('justifications').waitFor();
    expect(await page.getByTestId('justifications').locator('li').count()).toBe(asked);
    expect(await page.getByTestId('justifications').textContent()).toContain('本年数据待决算批复后补录');
  });

  it('ran without page errors', () => {
    expect(errors.filter((e) => !/401|Unauthorized/u.test(e))).toEqual([]);
  });
});

/**
 * 批量审核 in a real browser on the real server (its in-process batch workers): the demo reviewer picks a
 * .zip of report files (the seed as text, .docx and .xlsx attachment in a folder, and a corrupt .docx) and one
 * loose report, starts the batch, watches the progress reach the end, reads the corrupt file's Chinese
 * reason and the seed's findings in the drawer, and downloads the result as .xlsx.
 * Screenshots: artifacts/screenshots/batch.png, batch-findings.png, batches.png.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES, zipOf } from '../../server/src/batch/testing.ts';
import { type BatchPage, BatchesPage } from './page-models/batches-page.ts';
import { LoginPage } from './page-models/login-page.ts';
import { apiLogin } from './support/api.ts';
import { VIEWPORT, hasChromium, launch, screenshot, screenshotIfFailed, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { DEMO_PASSWORD, type TestServer, startTestServer } from './support/server.ts';

const skip = !hasChromium();
const CORRUPT = '第一批/已损坏的报告.docx';
const SEED_TEXT = '第一批/衡阳县自然资源局2022年度部门整体支出绩效自评报告.txt';
const LOOSE = SAMPLE_FILES.seedDocx().fileName;

describe.skipIf(skip)('batch audit in the browser on the server', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let list: BatchesPage;
  let batch: BatchPage;
  let batchUrl = '';
  const dir = join(tmpdir(), `jixiao-web-batch-${process.pid}`);

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    const zip = zipOf('县直单位.zip', [
      { ...SAMPLE_FILES.seedText(), fileName: SEED_TEXT },
      { ...SAMPLE_FILES.corruptDocx(), fileName: CORRUPT },
      { ...SAMPLE_FILES.seedXlsx(), fileName: '第一批/附表/衡阳县自然资源局2022附表.xlsx' },
    ]);
    writeFileSync(join(dir, zip.fileName), zip.data);
    writeFileSync(join(dir, LOOSE), SAMPLE_FILES.seedDocx().data);
    await buildWeb();
    server = await startTestServer();
    browser = await launch();
    const context = await browser.newContext({ viewport: { ...VIEWPORT }, acceptDownloads: true });
    page = await context.newPage();
    errors = watchErrors(page);
    list = new BatchesPage(page);
  });

  afterEach((ctx) => screenshotIfFailed(ctx, page, 'batch'));

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a zip and a loose file; the progress reaches the end', async () => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('reviewer', DEMO_PASSWORD);
    await page.getByRole('heading', { name: '审核收件箱' }).waitFor();
    await list.openFromMenu();
    batch = await list.upload([join(dir, '县直单位.zip'), join(dir, LOOSE)], '县直单位第一批');
    batchUrl = page.url();
    expect(await page.getByRole('heading', { name: /^批量审核：/u }).textContent()).toContain('县直单位第一批');
    await expect.poll(() => batch.status(), { timeout: 120_000, interval: 500 }).toBe('已完成');
    expect(await batch.progress()).toBe('4 / 4');
    expect(await batch.fileNames()).toEqual([SEED_TEXT, CORRUPT, '第一批/附表/衡阳县自然资源局2022附表.xlsx', LOOSE]);
  });

  it('shows the corrupt file’s reason in Chinese and the seed’s findings in the drawer', async () => {
    expect(await batch.cell(CORRUPT, '状态')).toBe('失败');
    expect(await batch.fileRow(CORRUPT).getByTestId('item-error').textContent()).toMatch(/已损坏的报告\.docx.*[\u4e00-\u9fff]/u);

    // What the server found in the seed is what the page shows, row by row.
    const reviewer = await apiLogin(server.url, 'reviewer', DEMO_PASSWORD);
    const id = batchUrl.split('/').pop() ?? '';
    const detail = await reviewer.call<{ items: { id: string; fileName: string; counts: { error: number } }[] }>('GET', `/api/batches/${id}`);
    const seed = detail.items.find((i) => i.fileName === SEED_TEXT);
    if (!seed) throw new Error('种子报告不在批次中');
    const found = await reviewer.call<{ findings: { severity: string; message: string }[] }>('GET', `/api/batches/${id}/items/${seed.id}`);
    expect(seed.counts.error).toBeGreaterThan(0);
    expect(await batch.cell(SEED_TEXT, '错误')).toBe(String(seed.counts.error));

    await screenshot(page, 'batch');
    const drawer = await batch.openFindings(SEED_TEXT);
    const rows = drawer.getByRole('table', { name: '文件的问题' }).locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(found.findings.length);
    const messages = (await rows.locator('td:nth-child(4) > div > div:first-child').allTextContents()).map((t) => t.trim());
    expect([...messages].sort()).toEqual(found.findings.map((f) => f.message).sort());
    // Errors first.
    const severities = await rows.locator('td:nth-child(2)').allTextContents();
    expect(severities.slice(0, seed.counts.error).every((t) => t.trim() === '错误')).toBe(true);
    // Rules by their Chinese names (ids stay in JSON): 正文与附表数据不一致, not fact-vs-table.
    const rules = (await rows.locator('td:nth-child(3)').allTextContents()).map((t) => t.trim());
    expect(rules.every((t) => /^[\u4e00-\u9fff]+$/u.test(t))).toBe(true);
    expect(await page.getByRole('table', { name: '按审核规则' }).textContent()).not.toMatch(/[a-z]+-[a-z]+/u);
    await screenshot(page, 'batch-findings');
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();
  });

  it('downloads the result as .xlsx, and the list shows the finished batch', async () => {
    const download = await batch.export();
    expect(download.suggestedFilename()).toMatch(/^批量审核结果-.*\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['汇总', '问题清单', '按规则']);
    expect(book.getWorksheet('汇总')?.rowCount).toBe(5);
    const rulesSheet: string[] = [];
    book.getWorksheet('按规则')?.getColumn(1).eachCell((c) => rulesSheet.push(String(c.value)));
    expect(rulesSheet.slice(1).every((t) => /^[\u4e00-\u9fff]+$/u.test(t))).toBe(true);

    await list.openFromMenu();
    const [row] = await list.rows();
    expect(row).toEqual(expect.arrayContaining(['县直单位第一批', '已完成', '4 / 4']));
    await screenshot(page, 'batches');
    expect(errors.filter((e) => !/401|Unauthorized/u.test(e))).toEqual([]);
  });
});

/**
 * The editor in a real browser (Debian's Chromium), on the built app served statically: no server, the
 * core running in the page. A preparer opens the seed, sees its findings, jumps from a finding to its
 * field, fixes the figures until no finding is an error, edits the indicator tree with mouse and keyboard,
 * and finds the draft kept after a reload.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FIXES } from '../src/testing/seed.ts';
import { sectionOfPath } from '../src/editor/sections.ts';
import { SandboxPage } from './page-models/sandbox-page.ts';
import { VIEWPORT, hasChromium, launch, screenshot, watchErrors } from './support/browser.ts';
import { buildWeb } from './support/build.ts';
import { DIST, type StaticServer, serveStatic } from './support/static-server.ts';

/** Polls wait this long: CI runs the browser beside the other test files on two cores. */
const POLL = 15_000;

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

describe.skipIf(skip)('editor in the browser (static build, no server)', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let sandbox: SandboxPage;

  beforeAll(async () => {
    await buildWeb();
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    server = await serveStatic();
    browser = await launch();
    page = await browser.newPage({ viewport: VIEWPORT });
    errors = watchErrors(page);
    sandbox = new SandboxPage(page, server.url);
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/gu, '-')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the seed and shows its findings and live score', async () => {
    await sandbox.openExample('hengyang-natural-resources-2022');
    const counts = await sandbox.editor.counts();
    expect(counts.error).toBeGreaterThanOrEqual(10);
    expect(await sandbox.editor.computedTotal()).toBe('98.00');
    expect(await page.getByTestId('stated-total').textContent()).toBe('97');
    await screenshot(page, 'editor-seed');
  });

  it('jumps from a finding to its field', async () => {
    await sandbox.editor.finding('total-score-mismatch').click();
    await expect.poll(() => sandbox.editor.focusedPath(), { timeout: POLL }).toBe('selfEvaluation.totalScore');
    await expect.poll(() => page.locator('.jx-section-title').textContent(), { timeout: POLL }).toBe('自评表');
    await sandbox.editor.finding('rate-mismatch').click();
    await expect.poll(() => sandbox.editor.focusedPath(), { timeout: POLL }).toBe('basicData.staffing.controlRate');
  });

  it('every finding of the seed leads to a field in its section', async () => {
    const targets = await page.locator('.jx-finding').evaluateAll((els) => els.map((el) => el.getAttribute('data-target') ?? ''));
    expect(targets.length).toBeGreaterThanOrEqual(30);
    for (const [i, target] of targets.entries()) {
      await page.locator('.jx-finding').nth(i).click();
      const title = sectionOfPath('department', target).title;
      await expect.poll(() => page.locator('.jx-section-title').textContent(), { timeout: POLL, message: target }).toBe(title);
      // Focus follows the section's render; on a loaded machine it can land a frame or two later.
      await expect.poll(() => sandbox.editor.focusedPath(), { timeout: POLL, message: `问题 ${target} 没有跳到字段` }).not.toBeNull();
      const focused = await sandbox.editor.focusedPath();
      expect(sectionOfPath('department', focused ?? '').title, target).toBe(title);
    }
  });

  it('rechecks as one types, until no finding is an error', async () => {
    let before = (await sandbox.editor.counts()).error;
    for (const [path, value] of SEED_FIXES) {
      await sandbox.editor.fillIn(sectionOfPath('department', path).title, path, value);
      await expect.poll(async () => (await sandbox.editor.counts()).error, { message: `修改 ${path} 后错误应减少`, timeout: POLL }).toBeLessThan(before);
      before = (await sandbox.editor.counts()).error;
    }
    expect(before).toBe(0);
    expect(await page.getByTestId('stated-total').textContent()).toBe('98');
    await screenshot(page, 'editor-fixed');
  });

  it('tidies amounts to 17,485.15 and right-aligns them', async () => {
    await sandbox.editor.fillIn('自评表', 'selfEvaluation.funds.budget', '17485.15');
    expect(await sandbox.editor.field('selfEvaluation.funds.budget').inputValue()).toBe('17,485.15');
    const align = await sandbox.editor.field('selfEvaluation.funds.budget').evaluate((el) => getComputedStyle(el).textAlign);
    expect(align).toBe('right');
  });

  it('edits the indicator tree: add, move, remove, and moves down a column with the keyboard', async () => {
    const editor = sandbox.editor;
    await editor.openSection('绩效指标');
    const rows = await editor.indicatorRows().count();
    await page.getByRole('button', { name: '在数量指标下添加三级指标' }).click();
    await expect.poll(() => editor.indicatorRows().count(), { timeout: POLL }).toBe(rows + 1);
    await expect.poll(() => editor.focusedPath(), { timeout: POLL }).toBe('selfEvaluation.indicators[6].name');
    await page.keyboard.type('新增数量指标');
    await editor.fill('selfEvaluation.indicators[6].target', '≥20件');
    await editor.fill('selfEvaluation.indicators[6].actual', '10件');
    await editor.fill('selfEvaluation.indicators[6].points', '5');
    await editor.fill('selfEvaluation.indicators[6].score', '2.5');
    await expect.poll(() => page.getByTestId('computed-6').textContent(), { timeout: POLL }).toBe('2.50');
    await page.getByRole('button', { name: '上移新增数量指标' }).click();
    await expect.poll(() => editor.field('selfEvaluation.indicators[5].name').inputValue(), { timeout: POLL }).toBe('新增数量指标');
    await editor.field('selfEvaluation.indicators[0].points').click();
    await page.keyboard.press('ArrowDown');
    expect(await editor.focusedPath()).toBe('selfEvaluation.indicators[1].points');
    await page.keyboard.press('Enter');
    expect(await editor.focusedPath()).toBe('selfEvaluation.indicators[2].points');
    await screenshot(page, 'editor-indicators');
    await page.getByRole('button', { name: '删除新增数量指标' }).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => editor.indicatorRows().count(), { timeout: POLL }).toBe(rows);
  });

  it('keeps the draft in the browser and offers it after a reload', async () => {
    await expect.poll(() => sandbox.saveState(), { timeout: POLL }).toContain('已保存到本机');
    await page.goto(`${server.url}/try`);
    await page.getByRole('button', { name: '继续编辑' }).click();
    await page.getByTestId('finding-counts').waitFor();
    expect((await sandbox.editor.counts()).error).toBe(0);
  });

  it('labels every input and ran without page errors', async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]):not([type=file]), textarea:not([aria-hidden=true])')].filter(
        (el) => !el.getAttribute('aria-label') && !el.closest('label') && !document.querySelector(`label[for="${el.id}"]`),
      ).length,
    );
    expect(unlabelled).toBe(0);
    expect(errors.filter((e) => !e.includes('503'))).toEqual([]);
  });
});

/**
 * Debian's Chromium driven by playwright-core (never `playwright install`), at 1366×768, and where the
 * screenshots go (`$JIXIAO_ARTIFACTS/screenshots`, default `artifacts/screenshots`).
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

export const VIEWPORT = { width: 1366, height: 768 } as const;
/** The two screens every new page is tested on: a county office laptop and a desktop monitor. */
export const VIEWPORTS = [VIEWPORT, { width: 1920, height: 1080 }] as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export function screenshotDir(): string {
  const dir = join(process.env.JIXIAO_ARTIFACTS ?? join(repoRoot, 'artifacts'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Collects page errors and failed requests, so a test can assert the page ran clean. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`页面异常：${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`控制台错误：${m.text()}`);
  });
  return errors;
}

/** For `afterEach`: a screenshot named after the test when it failed. */
export async function screenshotIfFailed(ctx: { task: { name: string; result?: { state?: string } | undefined } }, page: Page | undefined, prefix: string): Promise<void> {
  if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-${prefix}-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/gu, '-')}`);
}

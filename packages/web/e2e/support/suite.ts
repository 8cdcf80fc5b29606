/**
 * The frame of a browser suite on the real server: the web app built, one server and one Chromium for the
 * file, and a fresh browser context per viewport (1366×768 and 1920×1080).
 * @module
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { LoginPage } from '../page-models/login-page.ts';
import { launch, watchErrors } from './browser.ts';
import { buildWeb } from './build.ts';
import { type TestServer, startTestServer } from './server.ts';

export type Suite = { readonly server: TestServer; readonly browser: Browser };

/** Call inside a `describe`: starts the server and browser before its tests and closes them after. */
export function serverAndBrowser(options: Parameters<typeof startTestServer>[0] = {}): () => Suite {
  let suite: Suite | null = null;
  beforeAll(async () => {
    await buildWeb();
    const server = await startTestServer(options);
    suite = { server, browser: await launch() };
  });
  afterAll(async () => {
    await suite?.browser.close();
    await suite?.server.close();
  });
  return () => {
    if (!suite) throw new Error('服务器与浏览器尚未启动');
    return suite;
  };
}

export type ViewportPage = { readonly context: BrowserContext; readonly page: Page; readonly errors: string[] };

/** Call inside a viewport's `describe`: a context and page at that size, closed after its tests. */
export function pageAt(suite: () => Suite, viewport: { width: number; height: number }): () => ViewportPage {
  let current: ViewportPage | null = null;
  beforeAll(async () => {
    const context = await suite().browser.newContext({ viewport, acceptDownloads: true });
    const page = await context.newPage();
    current = { context, page, errors: watchErrors(page) };
  });
  afterAll(async () => current?.context.close());
  return () => {
    if (!current) throw new Error('页面尚未打开');
    return current;
  };
}

/** Signs in as a user, signing out whoever is signed in first. */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  const login = new LoginPage(page, baseUrl);
  if (await page.getByRole('button', { name: '退出' }).count()) await login.logout();
  else await login.open();
  await login.login(username, password);
}

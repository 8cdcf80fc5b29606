/**
 * Web app benchmark (issue 6), measured in Debian's Chromium at 1366×768 on localhost:
 * - time to interactive of the editor (navigation start → fields, score and findings shown), cold cache,
 *   on the static build (离线试算, the seed bundled) and on the real server (a stored evaluation);
 * - keystroke in an amount field → updated score and findings for the seed (in the page: change event →
 *   findings committed to the DOM, and → the next frame);
 * - bundle sizes: what the first page (登录) and the editor load, gzip.
 * Targets: editor interactive < 1.5 s; keystroke → findings < 16 ms; the first page small.
 * @module
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORT, hasChromium, launch } from '../packages/web/e2e/support/browser.ts';
import { buildWeb } from '../packages/web/e2e/support/build.ts';
import { DIST, serveStatic } from '../packages/web/e2e/support/static-server.ts';

type Perf = { interactiveAt: number | null; timings: { recheckMs: number; commitMs: number; frameMs: number | null }[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const p90 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.9))] ?? NaN;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Files the page fetched from the app (JS and CSS), with their size on disk and gzip. */
async function loadedAssets(page: Page): Promise<{ files: string[]; raw: number; gzip: number }> {
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/assets/')));
  let raw = 0;
  let gzip = 0;
  for (const name of new Set(names)) {
    const bytes = readFileSync(join(DIST, name));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: [...new Set(names)], raw, gzip };
}

async function interactive(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>): Promise<{ ms: number; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  await page.goto(url);
  await page.getByTestId('finding-counts').waitFor();
  await page.waitForFunction(() => (window as unknown as { __jixiaoPerf?: Perf }).__jixiaoPerf?.interactiveAt != null);
  const at = await page.evaluate(() => (window as unknown as { __jixiaoPerf: Perf }).__jixiaoPerf.interactiveAt ?? NaN);
  return { ms: at, page };
}

async function keystrokes(page: Page, section: string, path: string, count: number): Promise<Perf['timings']> {
  await page.locator('.jx-outline').getByRole('button', { name: new RegExp(`^${section}`, 'u') }).click();
  const field = page.locator(`[data-path="${path}"]`);
  await field.click();
  await page.keyboard.press('End');
  await page.evaluate(() => { (window as unknown as { __jixiaoPerf: Perf }).__jixiaoPerf.timings = []; });
  for (let i = 0; i < count; i++) {
    // Alternate typing and deleting a digit: the amount stays a number, the findings change with it.
    await page.keyboard.press(i % 2 === 0 ? '7' : 'Backspace');
    await page.waitForFunction((n) => {
      const t = (window as unknown as { __jixiaoPerf: Perf }).__jixiaoPerf.timings;
      return t.length >= n && t[n - 1]?.frameMs != null;
    }, i + 1);
  }
  return page.evaluate(() => (window as unknown as { __jixiaoPerf: Perf }).__jixiaoPerf.timings);
}

function distFiles(): { total: number; gzip: number; count: number; largest: string } {
  const dir = join(DIST, 'assets');
  let total = 0;
  let gzip = 0;
  let largest = { name: '', size: 0 };
  const names = readdirSync(dir).filter((n) => n.endsWith('.js') || n.endsWith('.css'));
  for (const name of names) {
    const size = statSync(join(dir, name)).size;
    total += size;
    gzip += gzipSync(readFileSync(join(dir, name))).length;
    if (size > largest.size) largest = { name, size };
  }
  return { total, gzip, count: names.length, largest: `${largest.name}（${kb(largest.size)}）` };
}

export async function benchWeb(): Promise<string[]> {
  const lines = ['== 网页端（Chromium，1366×768，localhost）=='];
  if (!hasChromium()) return [...lines, '  没有 /usr/bin/chromium，未测（apt-get install chromium）'];
  const t0 = performance.now();
  await buildWeb();
  lines.push(`  构建（vite build，已是最新则跳过）：${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const all = distFiles();
  lines.push(`  全部产物：${all.count} 个 JS/CSS 文件，${kb(all.total)}（gzip ${kb(all.gzip)}）；最大 ${all.largest}`);

  const server = await serveStatic();
  const browser = await launch();
  try {
    // First page: 登录.
    {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('用户名').waitFor();
      const first = await loadedAssets(page);
      lines.push(`  首页（登录）加载：${first.files.length} 个文件，${kb(first.raw)}（gzip ${kb(first.gzip)}）`);
      await context.close();
    }
    // Editor on the static build (离线试算 with the seed).
    const runs = 5;
    const ttis: number[] = [];
    let editorPage: Page | null = null;
    for (let i = 0; i < runs; i++) {
      const { ms, page } = await interactive(browser, `${server.url}/try?example=hengyang-natural-resources-2022`);
      ttis.push(ms);
      if (i === runs - 1) editorPage = page;
      else await page.context().close();
    }
    if (!editorPage) throw new Error('编辑器未打开');
    const editorAssets = await loadedAssets(editorPage);
    lines.push(`  编辑器（离线试算，种子报告）可交互：中位数 ${median(ttis).toFixed(0)} ms（最慢 ${Math.max(...ttis).toFixed(0)} ms，${runs} 次冷启动）　目标 < 1500 ms`);
    lines.push(`  　编辑器页面加载：${editorAssets.files.length} 个文件，${kb(editorAssets.raw)}（gzip ${kb(editorAssets.gzip)}，含核心引擎与评价方案）`);
    const timings = await keystrokes(editorPage, '自评表', 'selfEvaluation.funds.budget', 60);
    const commit = timings.map((t) => t.commitMs);
    const frame = timings.map((t) => t.frameMs ?? NaN);
    const recheck = timings.map((t) => t.recheckMs);
    lines.push(`  金额字段按键 → 得分与问题更新（种子报告，${timings.length} 次）：`);
    lines.push(`  　重新校验（解析 + 推导 + 审核）：中位数 ${median(recheck).toFixed(2)} ms，p90 ${p90(recheck).toFixed(2)} ms`);
    lines.push(`  　到页面更新（提交到 DOM）：中位数 ${median(commit).toFixed(2)} ms，p90 ${p90(commit).toFixed(2)} ms　目标 < 16 ms`);
    lines.push(`  　到下一帧：中位数 ${median(frame).toFixed(2)} ms，p90 ${p90(frame).toFixed(2)} ms`);
    await editorPage.context().close();

    // Editor on the real server (a stored evaluation), when the server package is there.
    lines.push(...(await benchServerEditor(browser)));
  } finally {
    await browser.close();
    await server.close();
  }
  return lines;
}

async function benchServerEditor(browser: Browser): Promise<string[]> {
  const { startServer } = await import('@jixiao/server');
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-web-'));
  const password = 'Bench-pass-2023';
  const server = await startServer({
    port: 0, host: '127.0.0.1', databaseUrl: undefined, dataDir, blobs: 'database', adminPassword: password, demo: true,
    demoPassword: password, secureCookies: false, allowedOrigins: [], trustProxy: false, webRoot: DIST,
  });
  try {
    const id = server.bootstrap.demoEvaluationId;
    if (!id) return ['  服务器上的编辑器：没有演示数据，未测'];
    const url = `http://127.0.0.1:${server.port}`;
    const ttis: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { ms, page } = await interactive(browser, `${url}/evaluations/${id}`, async (p) => {
        const r = await p.request.post(`${url}/api/auth/login`, { data: { username: 'preparer', password } });
        if (!r.ok()) throw new Error(`登录失败：HTTP ${r.status()}`);
      });
      ttis.push(ms);
      await page.context().close();
    }
    return [`  编辑器（服务器上的自评，含登录后读取会话与自评）可交互：中位数 ${median(ttis).toFixed(0)} ms（最慢 ${Math.max(...ttis).toFixed(0)} ms，5 次冷启动）　目标 < 1500 ms`];
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

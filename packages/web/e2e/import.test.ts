/**
 * Import in the browser on the real server: the preparer starts a new evaluation from the seed report as
 * a .txt file; the editor opens with the imported data and lists by name, in Chinese, every place the
 * import could not map (not a bare count); closing the list removes it for good. At 1366×768 and 1920×1080.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const SEED_TXT = join(import.meta.dirname, '../../../examples/hengyang-natural-resources-2022.txt');

describe.skipIf(skip).each(VIEWPORTS)('import at $width×$height', (viewport) => {
  const suite = serverAndBrowser();
  const at = pageAt(suite, viewport);
  const w = viewport.width;
  afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `import-${w}`));

  it('lists every place the import could not map, by line and section, in Chinese', async () => {
    const page = at().page;
    await signInAs(page, suite().server.url, 'preparer', DEMO_PASSWORD);
    const list = new EvaluationsPage(page, suite().server.url);
    await list.waitUntilShown();
    await list.deleteDraft(2022); // the demo's draft of the same year
    await list.createByImport(SEED_TXT);
    const notes = page.getByTestId('import-notes');
    await notes.waitFor();
    const items = await notes.locator('li').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/^第 \d+ 行：「[^」]+」/u);
    expect(await notes.textContent()).toContain('hengyang-natural-resources-2022.txt');
    expect(await page.getByText(/另有 \d+ 处未能对应/u).count()).toBe(0);
    await screenshot(page, `import-notes-${w}`);
    // closed, it stays closed after a reload
    await notes.getByRole('button', { name: /close|关闭/iu }).click();
    await notes.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('finding-counts').waitFor();
    expect(await page.getByTestId('import-notes').count()).toBe(0);
    expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
  });
});

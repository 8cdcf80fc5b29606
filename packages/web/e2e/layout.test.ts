/**
 * The editor's layout at 1366×768 and 1920×1080 on the seed: the 三公经费 分项 table stays inside its
 * column (a wide one scrolls inside it, never under the score panel) and every row's 删除 is the element a
 * click reaches; the findings panel shows more than three findings without scrolling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

describe.skipIf(skip)('editor layout', () => {
  const suite = serverAndBrowser();

  describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
    const at = pageAt(suite, viewport);
    const w = viewport.width;
    afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `layout-${w}`));

    it('keeps the 三公经费 分项 table in its column with every 删除 clickable, and shows more than three findings', async () => {
      const page = at().page;
      await signInAs(page, suite().server.url, 'preparer', DEMO_PASSWORD);
      const list = new EvaluationsPage(page, suite().server.url);
      await list.waitUntilShown();
      await list.open('2022');
      const stored = new StoredEditorPage(page);
      await stored.editor.openSection('三公经费');
      const geometry = await page.evaluate(() => {
        const form = document.querySelector('main.jx-form') as HTMLElement;
        const side = document.querySelector('aside.jx-side') as HTMLElement;
        const lists = [...form.querySelectorAll<HTMLElement>('.jx-list')];
        const buttons = [...form.querySelectorAll<HTMLButtonElement>('button[aria-label^="删除分项"]')];
        return {
          formRight: form.getBoundingClientRect().right,
          sideLeft: side.getBoundingClientRect().left,
          listRights: lists.map((l) => l.getBoundingClientRect().right),
          buttons: buttons.length,
          reachable: buttons.map((b) => {
            b.scrollIntoView({ block: 'center', inline: 'nearest' });
            const r = b.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return hit !== null && b.contains(hit);
          }),
        };
      });
      expect(geometry.buttons).toBeGreaterThanOrEqual(3);
      for (const right of geometry.listRights) {
        expect(right).toBeLessThanOrEqual(geometry.formRight + 1);
        expect(right).toBeLessThanOrEqual(geometry.sideLeft);
      }
      expect(geometry.reachable).toEqual(geometry.reachable.map(() => true));
      await screenshot(page, `layout-three-public-${w}`);
      // A real click on the last row's 删除 removes that row.
      const rows = page.locator('button[aria-label^="删除分项"]');
      const before = await rows.count();
      await rows.last().click();
      await expect.poll(() => rows.count()).toBe(before - 1);

      await page.evaluate(() => window.scrollTo(0, 0));
      const shown = await page.evaluate(() => {
        const box = document.querySelector('.jx-finding-list') as HTMLElement;
        const frame = box.getBoundingClientRect();
        const bottom = Math.min(frame.bottom, window.innerHeight);
        return [...box.querySelectorAll('.jx-finding')].filter((f) => {
          const r = f.getBoundingClientRect();
          return r.top >= frame.top - 1 && r.bottom <= bottom + 1;
        }).length;
      });
      expect(shown).toBeGreaterThan(3);
    });
  });
});

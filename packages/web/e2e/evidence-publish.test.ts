/**
 * Evidence the reviewer sees, deletions that ask first, and a 公开 that is confirmed and can be undone, in
 * the browser on the real server: the preparer uploads two files to an indicator and deletes one
 * (confirmed); the reviewer sees the other under the indicator on the review page, approves, publishes
 * (confirmed) and withdraws the publication with a reason, which the administrator finds in the audit log;
 * the preparer deletes a mistaken draft from the list (confirmed). At 1366×768 and 1920×1080.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AdminPageModel } from './page-models/admin-page.ts';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { InboxPage } from './page-models/inbox-page.ts';
import { ReviewPage } from './page-models/review-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const UNIT = '衡阳县自然资源局';
const INDICATOR = '项目完成进度';
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

describe.skipIf(skip).each(VIEWPORTS)('evidence, deletion and publication at $width×$height', (viewport) => {
  const suite = serverAndBrowser();
  const at = pageAt(suite, viewport);
  const w = viewport.width;
  afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `evidence-${w}`));

  const as = (username: string, password = DEMO_PASSWORD) => signInAs(at().page, suite().server.url, username, password);

  it('the preparer deletes one of two evidence files after confirming, and submits', async () => {
    const page = at().page;
    await as('preparer');
    const list = new EvaluationsPage(page, suite().server.url);
    await list.waitUntilShown();
    await list.open('2022');
    const stored = new StoredEditorPage(page);
    await stored.editor.openSection('绩效指标');
    await stored.uploadEvidence(INDICATOR, { name: '项目进度月报.pdf', mimeType: 'application/pdf', buffer: pdf('a') });
    await stored.uploadEvidence(INDICATOR, { name: '传错的文件.pdf', mimeType: 'application/pdf', buffer: pdf('b') });
    await stored.deleteEvidence('传错的文件.pdf');
    expect(await page.getByRole('link', { name: '项目进度月报.pdf' }).count()).toBe(1);
    await stored.submitWithJustifications('决算批复数与报告口径不同，待财政局确认');
  });

  it('the reviewer sees the evidence, approves, publishes after confirming and withdraws with a reason', async () => {
    const page = at().page;
    await as('reviewer');
    const inbox = new InboxPage(page, suite().server.url);
    await inbox.waitUntilShown();
    await inbox.open(UNIT);
    const review = new ReviewPage(page);
    expect(await review.evidence(8)).toEqual(['佐证：项目进度月报.pdf']);
    await page.getByTestId('evidence-8').scrollIntoViewIfNeeded();
    await screenshot(page, `review-evidence-${w}`);
    await review.approve('数据已核实，同意。');
    await review.publish();
    await screenshot(page, `review-published-${w}`);
    await review.withdraw('附件中的月报日期有误，更正后再公开');
    expect(await review.status()).toBe('已审核');
    await as('admin', ADMIN_PASSWORD);
    const admin = new AdminPageModel(page, suite().server.url);
    await admin.open();
    const rows = await admin.auditSummaries('撤回公开');
    expect(rows.join('\n')).toContain('附件中的月报日期有误');
  });

  it('the preparer deletes a mistaken draft from the list after confirming', async () => {
    const page = at().page;
    await as('preparer');
    const list = new EvaluationsPage(page, suite().server.url);
    await list.waitUntilShown();
    await list.createBlank(2019);
    await page.getByRole('link', { name: '← 我的自评' }).click();
    await list.waitUntilShown();
    await list.row('2019年度').waitFor();
    await list.deleteDraft(2019);
    expect(await list.row('2019年度').count()).toBe(0);
    expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
  });
});

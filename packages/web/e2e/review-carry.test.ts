/**
 * A review that carries over, in the browser on the real server: the reviewer's 复核得分 and opinion on
 * version N stay on the unit's resubmission (marked 沿用, and ·已改 where the unit changed the indicator);
 * the review page lists what changed since the last submission; a score out of bounds (-2, 50 on a
 * 5-point indicator) is marked in Chinese and left out of the total; the approval records the total the
 * page names; the unit's reasons for errors left stand at the resubmission. At 1366×768 and 1920×1080.
 */
import { describe, expect, it, afterEach } from 'vitest';
import { EvaluationsPage } from './page-models/evaluations-page.ts';
import { InboxPage } from './page-models/inbox-page.ts';
import { ReviewPage } from './page-models/review-page.ts';
import { StoredEditorPage } from './page-models/stored-editor-page.ts';
import { VIEWPORTS, hasChromium, screenshot, screenshotIfFailed } from './support/browser.ts';
import { DEMO_PASSWORD } from './support/server.ts';
import { pageAt, serverAndBrowser, signInAs } from './support/suite.ts';

const skip = !hasChromium();
if (skip) console.warn('跳过浏览器测试：没有 /usr/bin/chromium（apt-get install chromium）');

const UNIT = '衡阳县自然资源局';
const FIRST = '项目完成进度'; // indicator row 9 (index 8)
const CHANGED_PATH = 'selfEvaluation.indicators[8].deviationExplanation';

describe.skipIf(skip).each(VIEWPORTS)('review carried over a resubmission at $width×$height', (viewport) => {
  const suite = serverAndBrowser();
  const at = pageAt(suite, viewport);
  const w = viewport.width;
  afterEach(async (ctx) => screenshotIfFailed(ctx, at().page, `carry-${w}`));

  const as = (username: string, password = DEMO_PASSWORD) => signInAs(at().page, suite().server.url, username, password);
  const openReview = async () => {
    await as('reviewer');
    const inbox = new InboxPage(at().page, suite().server.url);
    await inbox.waitUntilShown();
    await inbox.open(UNIT);
    return new ReviewPage(at().page);
  };

  it('the reviewer’s scores and opinions stay on the resubmitted version, and the approval records the total named', async () => {
    const page = at().page;
    await as('preparer');
    const list = new EvaluationsPage(page, suite().server.url);
    await list.waitUntilShown();
    await list.open('2022');
    const stored = new StoredEditorPage(page);
    const asked = await stored.submitWithJustifications('决算批复数与报告口径不同，待财政局确认');
    expect(asked).toBeGreaterThan(0);

    let review = await openReview();
    await review.setScore(FIRST, '-2');
    expect(await review.scoreProblem(8)).toBe('不能为负数');
    await review.setScore(FIRST, '50');
    expect(await review.scoreProblem(8)).toMatch(/不能超过分值/u);
    const computedTotal = (await review.totals()).computed;
    await review.setScore(FIRST, '3.5');
    expect(await review.scoreProblem(8)).toBeNull();
    await review.indicatorOpinion(FIRST, '未说明延期项目何时完成。');
    await review.returnToUnit('请补充项目完成进度的偏差说明。');

    await as('preparer');
    await list.waitUntilShown();
    await list.open('2022');
    await stored.editor.fillIn('绩效指标', CHANGED_PATH, '两个项目延至2023年一季度完工，已建立周调度。');
    await stored.save();
    // The reasons given last time stand: the dialog opens with them filled in.
    await page.getByRole('button', { name: '提交审核' }).click();
    const dialog = page.getByRole('dialog', { name: '提交审核' });
    await dialog.waitFor();
    const boxes = await dialog.getByRole('textbox').all();
    const prefilled = await Promise.all(boxes.map((b) => b.inputValue()));
    expect(prefilled.filter((t) => t.startsWith('决算批复数与报告口径不同')).length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await stored.submitWithJustifications('决算批复数与报告口径不同，待财政局确认');

    review = await openReview();
    expect(await review.score(FIRST)).toBe('3.50');
    expect(await review.carried(8)).toMatch(/沿用第 \d+ 版·已改/u);
    const since = await review.changesSinceSubmission();
    expect(since.title).toMatch(/自上次提交（第 \d+ 版）以来的改动：1 处/u);
    expect(since.lines.join('')).toContain('绩效指标 · 第9行 · 偏差原因分析及改进措施');
    await screenshot(page, `review-carried-${w}`);
    const total = (await review.totals()).review ?? '';
    expect(total).not.toBe(computedTotal); // 3.5 in place of the computed score
    await review.approve(`同意，复核得分 ${total} 分。`);
    expect(await review.status()).toBe('已审核');
    // What the server recorded is the total the page named.
    const evaluationId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const detail = (await (await at().context.request.get(`${suite().server.url}/api/evaluations/${evaluationId}`)).json()) as { reviewScore: string };
    expect(detail.reviewScore).toBe(total);
    expect(at().errors.filter((e) => e.startsWith('页面异常'))).toEqual([]);
  });
});

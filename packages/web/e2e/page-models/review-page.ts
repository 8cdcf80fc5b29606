/**
 * Page model of 审核 (the reviewer's page): scores side by side, opinion, return, approve, publish.
 * @module
 */
import type { Page } from 'playwright-core';

export class ReviewPage {
  constructor(readonly page: Page) {}

  status(): Promise<string | null> {
    return this.page.getByTestId('status').first().textContent();
  }

  totals(): Promise<{ stated: string | null; computed: string | null; review: string | null }> {
    return Promise.all([
      this.page.getByTestId('review-stated-total').textContent(),
      this.page.getByTestId('review-computed-total').textContent(),
      this.page.getByTestId('review-total').textContent(),
    ]).then(([stated, computed, review]) => ({ stated, computed, review }));
  }

  async setScore(indicatorName: string, score: string): Promise<void> {
    const input = this.page.getByLabel(`${indicatorName}复核得分`);
    await input.fill(score);
    await input.blur();
  }

  /** Writes the reviewer's opinion on one indicator (saved when the popover closes). */
  async indicatorOpinion(indicatorName: string, text: string): Promise<void> {
    await this.page.getByRole('button', { name: `填写${indicatorName}复核意见` }).click();
    const box = this.page.getByRole('textbox', { name: `${indicatorName}复核意见` });
    await box.fill(text);
    await box.blur();
    await this.page.getByRole('button', { name: `填写${indicatorName}复核意见` }).click();
    await this.page.getByRole('button', { name: `填写${indicatorName}复核意见` }).filter({ hasText: '已填' }).waitFor();
  }

  async writeOpinion(text: string): Promise<void> {
    await this.page.getByLabel('审核意见').fill(text);
  }

  async returnToUnit(opinion: string): Promise<void> {
    await this.writeOpinion(opinion);
    await this.page.getByRole('button', { name: '退回修改' }).click();
    await this.page.getByTestId('status').filter({ hasText: '已退回' }).waitFor();
  }

  async approve(opinion: string): Promise<void> {
    await this.writeOpinion(opinion);
    await this.page.getByRole('button', { name: '审核通过' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '通过', exact: true }).click();
    await this.page.getByTestId('status').filter({ hasText: '已审核' }).waitFor();
  }

  /** Clicks 下载 Word and returns the file as downloaded. */
  async downloadWord(): Promise<{ name: string; bytes: Uint8Array }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '下载 Word' }).click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) };
  }

  /** 公开 asks first; the page publishes on 公开 in the confirmation. */
  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: '公开', exact: true }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '公开', exact: true }).click();
    await this.page.getByTestId('status').filter({ hasText: '已公开' }).waitFor();
  }

  /** 撤回公开 with a reason: back to 已审核. */
  async withdraw(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '撤回公开' }).click();
    const dialog = this.page.getByRole('dialog', { name: '撤回公开' });
    await dialog.getByLabel('撤回理由').fill(reason);
    await dialog.getByRole('button', { name: '撤回', exact: true }).click();
    await this.page.getByTestId('status').filter({ hasText: '已审核' }).waitFor();
  }

  /** The evidence files shown under an indicator. */
  evidence(index: number): Promise<string[]> {
    return this.page.getByTestId(`evidence-${index}`).allTextContents();
  }

  /** The Chinese message under an indicator's 复核得分 that cannot be taken, or null. */
  async scoreProblem(index: number): Promise<string | null> {
    const note = this.page.locator(`[data-problem-for="review-score-${index}"]`);
    return (await note.count()) > 0 ? note.textContent() : null;
  }

  /** The mark of a review carried from an earlier version (沿用第 N 版, ·已改 when the unit changed it), or null. */
  async carried(index: number): Promise<string | null> {
    const tag = this.page.getByTestId(`carried-${index}`);
    return (await tag.count()) > 0 ? tag.textContent() : null;
  }

  score(indicatorName: string): Promise<string> {
    return this.page.getByLabel(`${indicatorName}复核得分`).inputValue();
  }

  /** The card of what the unit changed since its last submission: its title and its lines. */
  async changesSinceSubmission(): Promise<{ title: string; lines: string[] }> {
    const card = this.page.getByTestId('changes-since-submission');
    await card.waitFor();
    return { title: (await card.locator('.ant-card-head-title').textContent()) ?? '', lines: await card.locator('li').allTextContents() };
  }
}

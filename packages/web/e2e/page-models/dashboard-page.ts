/**
 * Page model of 绩效总览.
 * @module
 */
import type { Download, Page } from 'playwright-core';

export class DashboardPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: /绩效总览：/u }).waitFor();
    await this.page.getByRole('table', { name: '排名' }).waitFor();
  }

  heading(): Promise<string | null> {
    return this.page.getByRole('heading', { name: /绩效总览/u }).textContent();
  }

  /** The value of a statistic card by its title. */
  async statistic(title: string): Promise<string> {
    const card = this.page.locator('.ant-statistic', { has: this.page.locator('.ant-statistic-header', { hasText: new RegExp(`^${title}$`, 'u') }) });
    return (await card.locator('.ant-statistic-content').textContent())?.trim() ?? '';
  }

  async pickSelect(label: string, option: string | RegExp): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByLabel('按单位或项目搜索');
    await box.fill(text);
    await box.press('Enter');
  }

  /** The texts of one ranking column, by its header. */
  async rankingColumn(header: string): Promise<string[]> {
    const table = this.page.getByRole('table', { name: '排名' });
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    const index = headers.indexOf(header);
    if (index < 0) throw new Error(`排名表没有「${header}」列：${headers.join('、')}`);
    return table.locator(`tbody tr.ant-table-row td:nth-child(${index + 1})`).allTextContents();
  }

  async rankingTotal(): Promise<number> {
    const text = (await this.page.locator('.ant-pagination-total-text').textContent()) ?? '';
    return Number(/共 (\d+) 份/u.exec(text)?.[1] ?? Number.NaN);
  }

  chart(label: string) {
    return this.page.getByRole('img', { name: label });
  }

  async export(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '导出 .xlsx' }).click()]);
    return download;
  }
}

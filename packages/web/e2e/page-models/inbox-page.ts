/**
 * Page model of 审核收件箱.
 * @module
 */
import type { Page } from 'playwright-core';

export class InboxPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: '审核收件箱' }).waitFor();
  }

  async open(unitName: string): Promise<void> {
    await this.page.locator('.ant-table-tbody tr', { hasText: unitName }).getByRole('link', { name: unitName }).click();
    await this.page.getByRole('table', { name: '逐项得分' }).waitFor();
  }
}

/**
 * Page model of 审核收件箱.
 * @module
 */
import type { Locator, Page } from 'playwright-core';

export class InboxPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: '审核收件箱' }).waitFor();
  }

  async open(unitName: string): Promise<void> {
    await this.page.locator('.ant-table-tbody tr', { hasText: unitName }).getByRole('link', { name: unitName }).click();
    await this.page.getByRole('table', { name: '逐项得分' }).waitFor();
  }

  rows(): Locator {
    return this.page.locator('.ant-table-tbody tr.ant-table-row');
  }

  /** The unit name of each row shown. */
  async unitNames(): Promise<string[]> {
    return (await this.rows().locator('td:nth-child(2)').allTextContents()).map((t) => t.trim());
  }

  async select(unitName: string): Promise<void> {
    await this.rows().filter({ hasText: unitName }).first().locator('.ant-checkbox-input').check();
  }

  /** Opens 批量通过 / 批量退回 for the selected rows. */
  async openBatch(action: '通过' | '退回'): Promise<Locator> {
    await this.page.getByRole('button', { name: `批量${action}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `批量${action}` });
    await dialog.waitFor();
    return dialog;
  }
}

/**
 * Page model of 我的自评 (a unit's list of evaluations).
 * @module
 */
import type { Locator, Page } from 'playwright-core';

export class EvaluationsPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: /我的自评/u }).waitFor();
    await this.page.locator('.ant-table-tbody tr').first().waitFor();
  }

  row(text: string | RegExp): Locator {
    return this.page.locator('.ant-table-tbody tr', { hasText: text });
  }

  async open(text: string | RegExp): Promise<void> {
    await this.row(text).getByRole('link').first().click();
    await this.page.getByTestId('finding-counts').waitFor();
  }
}

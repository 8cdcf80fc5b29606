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

  /** 新建自评 from last year's: fills the dialog and waits for the editor. */
  async createFromPrior(year: number): Promise<void> {
    await this.page.getByRole('button', { name: '新建自评' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建自评' });
    await dialog.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await dialog.getByLabel(/沿用上年自评/u).check();
    await dialog.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByTestId('finding-counts').waitFor();
  }

  async open(text: string | RegExp): Promise<void> {
    await this.row(text).getByRole('link').first().click();
    await this.page.getByTestId('finding-counts').waitFor();
  }

  /** 新建自评 blank for a year; waits for the editor. */
  async createBlank(year: number): Promise<void> {
    await this.page.getByRole('button', { name: '新建自评' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建自评' });
    await dialog.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await dialog.getByLabel('空白').check();
    await dialog.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByTestId('finding-counts').waitFor();
  }

  /** 新建自评 by importing a report file; waits for the editor. */
  async createByImport(file: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建自评' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建自评' });
    await dialog.getByLabel(/导入已有报告/u).check();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await dialog.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByTestId('finding-counts').waitFor({ timeout: 60_000 });
  }

  /** Deletes a draft from the list, confirming. */
  async deleteDraft(year: number): Promise<void> {
    await this.page.getByRole('button', { name: `删除${year}年度草稿` }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await this.row(`${year}年度`).waitFor({ state: 'detached' });
  }

  /** 新建自评 with a year as typed; returns the message shown at the year field. */
  async tryCreateWithYear(year: string): Promise<string | null> {
    await this.page.getByRole('button', { name: '新建自评' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建自评' });
    await dialog.getByRole('spinbutton', { name: '年度' }).fill(year);
    await dialog.getByLabel('空白').check();
    await dialog.getByRole('button', { name: '新建', exact: true }).click();
    const explain = dialog.locator('.ant-form-item-explain-error').first();
    await explain.waitFor();
    return explain.textContent();
  }

  async closeDialog(): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: '新建自评' });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

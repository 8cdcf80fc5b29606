/**
 * Page models of 批量审核: the upload and the list of batches, and one batch (progress, files, findings
 * drawer, export).
 * @module
 */
import type { Download, Locator, Page } from 'playwright-core';
import { cellText } from './table-cell.ts';

export class BatchesPage {
  constructor(readonly page: Page) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '批量审核' }).click();
    await this.page.getByRole('heading', { name: '批量审核' }).waitFor();
  }

  /** Chooses files in the drop area (as a user picking them), adds a note, starts; returns on the batch's page. */
  async upload(files: readonly string[], note: string): Promise<BatchPage> {
    await this.page.locator('.ant-upload-drag input[type=file]').setInputFiles([...files]);
    await this.page.getByLabel('批次说明').fill(note);
    await this.page.getByRole('button', { name: /^开始审核/u }).click();
    const batch = new BatchPage(this.page);
    await batch.waitUntilShown();
    return batch;
  }

  /** The rows of the list as their cells' texts. */
  async rows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.page.getByRole('table', { name: '批次列表' }).locator('tbody tr.ant-table-row').all()) {
      out.push((await row.locator('td').allTextContents()).map((t) => t.trim()));
    }
    return out;
  }
}

export class BatchPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: /^批量审核：/u }).waitFor();
  }

  status(): Promise<string | null> {
    return this.page.getByTestId('batch-status').textContent();
  }

  progress(): Promise<string | null> {
    return this.page.locator('.ant-progress-indicator').first().textContent();
  }

  statistic(title: string): Promise<string | null> {
    return this.page.locator('.ant-statistic', { has: this.page.locator('.ant-statistic-header', { hasText: new RegExp(`^${title}$`, 'u') }) }).locator('.ant-statistic-content').textContent();
  }

  fileRow(fileName: string): Locator {
    return this.page.getByRole('table', { name: '文件' }).locator('tbody tr.ant-table-row', { has: this.page.getByRole('button', { name: fileName, exact: true }) });
  }

  async fileNames(): Promise<string[]> {
    return (await this.page.getByRole('table', { name: '文件' }).locator('tbody tr.ant-table-row td:first-child button').allTextContents()).map((t) => t.trim());
  }

  cell(fileName: string, header: string): Promise<string> {
    return cellText(this.page.getByRole('table', { name: '文件' }), this.fileRow(fileName), header);
  }


  /** Opens the findings drawer of one file; returns the drawer. */
  async openFindings(fileName: string): Promise<Locator> {
    await this.page.getByRole('table', { name: '文件' }).getByRole('button', { name: fileName, exact: true }).click();
    const drawer = this.page.getByRole('dialog', { name: `问题清单：${fileName}` });
    await drawer.getByRole('table', { name: '文件的问题' }).waitFor();
    return drawer;
  }

  async export(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: '下载结果（.xlsx）' }).click()]);
    return download;
  }
}

/**
 * Page models of 抽查复核: the list with the new-draw dialog, and one spot check (items table, comparison).
 * @module
 */
import type { Locator, Page } from 'playwright-core';
import { cellText } from './table-cell.ts';

async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

export class SpotChecksPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '抽查复核' }).click();
    await this.page.getByRole('heading', { name: '抽查复核' }).waitFor();
  }

  /** 新建抽查 → 随机抽取; returns when the new spot check's page shows. */
  async drawRandom(year: RegExp, count: number, seed: string): Promise<SpotCheckPage> {
    await this.page.getByRole('button', { name: '新建抽查' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建抽查' });
    await dialog.getByText('随机抽取', { exact: true }).click();
    await pick(this.page, '抽查年度', year);
    await dialog.getByLabel('抽取数量').fill(String(count));
    await dialog.getByLabel('随机种子').fill(seed);
    await dialog.getByRole('button', { name: '抽取' }).click();
    const spot = new SpotCheckPage(this.page);
    await spot.waitUntilShown();
    return spot;
  }

  /** 新建抽查 → 按风险. */
  async drawByRisk(year: RegExp, count: number, criterion: string): Promise<SpotCheckPage> {
    await this.page.getByRole('button', { name: '新建抽查' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建抽查' });
    await dialog.getByText('按风险', { exact: true }).click();
    await pick(this.page, '抽查年度', year);
    await dialog.getByLabel('抽取数量').fill(String(count));
    await pick(this.page, '风险依据', criterion);
    await dialog.getByRole('button', { name: '抽取' }).click();
    const spot = new SpotCheckPage(this.page);
    await spot.waitUntilShown();
    return spot;
  }

  /** The rows of the list: [抽取时间, 年度, 方式, 随机种子, …]. */
  async rows(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: '抽查列表' }).locator('tbody tr.ant-table-row');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allTextContents()).map((t) => t.trim()));
    return out;
  }
}

export class SpotCheckPage {
  constructor(readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: /^抽查复核：/u }).waitFor();
    await this.page.getByRole('table', { name: '抽查清单' }).locator('tbody tr.ant-table-row').first().waitFor();
  }

  heading(): Promise<string | null> {
    return this.page.getByRole('heading', { name: /^抽查复核：/u }).textContent();
  }

  seed(): Promise<string | null> {
    return this.page.getByTestId('seed').textContent();
  }

  rowOf(unit: string): Locator {
    return this.page.getByRole('table', { name: '抽查清单' }).locator('tbody tr.ant-table-row', { hasText: unit });
  }

  /** Each drawn evaluation as 单位 + 项目 (the first cell's text). */
  async units(): Promise<string[]> {
    return (await this.page.getByRole('table', { name: '抽查清单' }).locator('tbody tr.ant-table-row td:first-child').allTextContents()).map((t) => t.trim());
  }

  cell(unit: string, header: string): Promise<string> {
    return cellText(this.page.getByRole('table', { name: '抽查清单' }), this.rowOf(unit), header);
  }


  async assign(unit: string, reviewer: string): Promise<void> {
    await this.rowOf(unit).getByLabel(/^复核人：/u).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: reviewer }).first().click();
    await this.page.locator('.ant-message', { hasText: '已分配' }).waitFor();
  }

  async record(unit: string, values: { score: string; result: string; opinion: string }): Promise<void> {
    const row = this.rowOf(unit);
    await row.getByLabel(/^复核得分：/u).fill(values.score);
    await row.getByLabel(/^复核结论：/u).click();
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: values.result }).first().click();
    await row.getByLabel(/^复核意见：/u).fill(values.opinion);
    await row.getByRole('button', { name: /^保存：/u }).click();
    await this.page.locator('.ant-message', { hasText: '已保存' }).waitFor();
  }

  /** The option shown in a row's select (复核人, 复核结论). */
  async selected(unit: string, label: '复核人' | '复核结论'): Promise<string> {
    const select = this.rowOf(unit).locator('.ant-select', { has: this.page.getByLabel(new RegExp(`^${label}：`, 'u')) });
    return ((await select.textContent()) ?? '').trim();
  }

  difference(unit: string, label: '自评−计算' | '复核−计算' | '复核−自评'): Locator {
    return this.rowOf(unit).getByTestId(`diff-${label}`);
  }

  comparison(): Locator {
    return this.page.getByRole('img', { name: '得分比较' });
  }
}

/**
 * Page model of the evaluation editor (the same component on 离线试算 and on a stored evaluation): its
 * outline, fields by model path, the findings panel and live scoring.
 * @module
 */
import type { Locator, Page } from 'playwright-core';

export class EditorModel {
  constructor(readonly page: Page) {}

  section(title: string): Locator {
    return this.page.locator('.jx-outline').getByRole('button', { name: new RegExp(`^${title}`, 'u') });
  }

  async openSection(title: string): Promise<void> {
    await this.section(title).click();
    await this.page.locator('.jx-section-title', { hasText: title }).waitFor();
  }

  field(path: string): Locator {
    return this.page.locator(`[data-path="${path}"]`);
  }

  /** Types a value into a field as a person would (select all, type, leave the field). */
  async fill(path: string, value: string): Promise<void> {
    const field = this.field(path);
    await field.click();
    await field.fill(value);
    await field.blur();
  }

  /** Goes to the section that holds a path (as a finding would) and fills it. */
  async fillIn(sectionTitle: string, path: string, value: string): Promise<void> {
    await this.openSection(sectionTitle);
    await this.fill(path, value);
  }

  /** The Chinese message under a field that cannot be saved as written, or null. */
  async problemText(path: string): Promise<string | null> {
    const note = this.page.locator(`[data-problem-for="${path}"]`);
    return (await note.count()) > 0 ? note.textContent() : null;
  }

  async counts(): Promise<{ error: number; warning: number; info: number }> {
    const text = (await this.page.getByTestId('finding-counts').textContent()) ?? '';
    const n = (label: string) => Number(new RegExp(`${label}\\s*(\\d+)`, 'u').exec(text)?.[1] ?? NaN);
    return { error: n('错误'), warning: n('警告'), info: n('提示') };
  }

  findings(): Locator {
    return this.page.locator('.jx-finding');
  }

  finding(check: string, target?: string): Locator {
    return this.page.locator(`.jx-finding[data-check="${check}"]${target ? `[data-target="${target}"]` : ''}`).first();
  }

  /** The model path of the focused field. */
  focusedPath(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-path') ?? null);
  }

  computedTotal(): Promise<string | null> {
    return this.page.getByTestId('computed-total').textContent();
  }

  indicatorRows(): Locator {
    return this.page.locator('.jx-indicator-table [data-col="name"]');
  }
}

/**
 * Page model of 编辑自评 on the server: the editor plus saving, submitting, status and the reviewer's
 * opinion.
 * @module
 */
import type { Page } from 'playwright-core';
import { EditorModel } from './editor-page.ts';

export class StoredEditorPage {
  readonly editor: EditorModel;
  constructor(readonly page: Page) {
    this.editor = new EditorModel(page);
  }

  status(): Promise<string | null> {
    return this.page.getByTestId('status').first().textContent();
  }

  saveState(): Promise<string | null> {
    return this.page.getByTestId('save-state').textContent();
  }

  /** Waits until the server has every change (autosave or the 保存 button). */
  async waitSaved(): Promise<void> {
    await this.page.getByTestId('save-state').filter({ hasText: /已保存第/u }).waitFor({ timeout: 30_000 });
  }

  async save(): Promise<void> {
    const button = this.page.getByRole('button', { name: '保存', exact: true });
    if (await button.isEnabled()) await button.click();
    await this.waitSaved();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: '提交审核' }).click();
    const dialog = this.page.getByRole('dialog', { name: '提交审核' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await this.page.getByTestId('status').filter({ hasText: '已提交' }).waitFor();
  }

  /** Uploads a file as 佐证材料 of an indicator (its row's upload button) and waits for its link. */
  async uploadEvidence(indicatorName: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const button = this.page.getByRole('button', { name: `为${indicatorName}上传佐证材料` });
    await this.page.locator('.ant-upload', { has: button }).locator('input[type=file]').setInputFiles(file);
    await this.page.getByRole('link', { name: file.name }).waitFor();
  }

  /** Deletes an evidence file of an indicator, confirming, and waits until its link is gone. */
  async deleteEvidence(fileName: string): Promise<void> {
    await this.page.getByRole('button', { name: `删除佐证材料${fileName}` }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await this.page.getByRole('link', { name: fileName }).waitFor({ state: 'detached' });
  }

  /** Submits with errors left: one justification per error, as the dialog asks. Returns how many were asked. */
  async submitWithJustifications(reason: string): Promise<number> {
    await this.page.getByRole('button', { name: '提交审核' }).click();
    const dialog = this.page.getByRole('dialog', { name: '提交审核' });
    await dialog.waitFor();
    const boxes = dialog.getByRole('textbox');
    const n = await boxes.count();
    for (let i = 0; i < n; i++) await boxes.nth(i).fill(`${reason}（${i + 1}）`);
    await dialog.getByRole('button', { name: '提交', exact: true }).click();
    await this.page.getByTestId('status').filter({ hasText: '已提交' }).waitFor();
    return n;
  }

  /** Tries to leave for the list with unsaved changes: the page asks; the person stays. */
  async tryLeaveAndStay(): Promise<string | null> {
    await this.page.getByRole('link', { name: '← 我的自评' }).click();
    const dialog = this.page.getByRole('dialog', { name: '离开此页？' });
    await dialog.waitFor();
    const text = await dialog.textContent();
    await dialog.getByRole('button', { name: '留下' }).click();
    await dialog.waitFor({ state: 'hidden' });
    return text;
  }

  returnOpinion(): Promise<string | null> {
    return this.page.getByTestId('return-opinion').textContent();
  }
}

/**
 * Page model of 离线试算 (/try): the editor with the core in the browser and no server.
 * @module
 */
import type { Page } from 'playwright-core';
import { EditorModel } from './editor-page.ts';

export class SandboxPage {
  readonly editor: EditorModel;
  constructor(readonly page: Page, readonly baseUrl: string) {
    this.editor = new EditorModel(page);
  }

  async openExample(name: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/try?example=${name}`);
    await this.page.getByTestId('finding-counts').waitFor();
  }

  saveState(): Promise<string | null> {
    return this.page.getByTestId('save-state').textContent();
  }
}

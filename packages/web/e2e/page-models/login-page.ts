/**
 * Page model of 登录.
 * @module
 */
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByLabel('用户名').waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  errorText(): Promise<string | null> {
    return this.page.getByRole('alert').textContent();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: '退出' }).click();
    await this.page.getByLabel('用户名').waitFor();
  }
}

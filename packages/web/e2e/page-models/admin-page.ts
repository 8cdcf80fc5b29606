/**
 * Page model of 系统管理 (accounts, units, regions, audit log) and of the password dialog.
 * @module
 */
import type { Locator, Page } from 'playwright-core';

export class AdminPageModel {
  constructor(readonly page: Page, readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.getByRole('link', { name: '系统管理' }).click();
    await this.page.getByRole('heading', { name: '系统管理' }).waitFor();
  }

  async tab(name: '账户' | '单位' | '地区' | '审计日志'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  private dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Picks an option of an antd Select by its visible text. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    // A searchable select narrows its (virtual) list to the option; typing into another does nothing.
    await this.page.keyboard.type(option);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  async createRegion(name: string, bureau: string): Promise<void> {
    await this.tab('地区');
    await this.page.getByRole('button', { name: '新建地区' }).click();
    const d = this.dialog('新建地区');
    await d.getByLabel('地区名称').fill(name);
    await d.getByLabel('财政局名称').fill(bureau);
    await d.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.locator('.ant-table-row', { hasText: name }).waitFor();
  }

  async createUnit(region: string, name: string): Promise<void> {
    await this.tab('单位');
    await this.page.getByRole('button', { name: '新建单位' }).click();
    const d = this.dialog('新建单位');
    await this.choose(d.getByLabel('单位所在地区'), region);
    await d.getByLabel('单位名称').fill(name);
    await d.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.locator('.ant-table-row', { hasText: name }).waitFor();
  }

  /** Creates an account and returns the initial password the page shows once. */
  async createAccount(a: { username: string; displayName: string; role: string; unit?: string; region?: string }): Promise<string> {
    await this.tab('账户');
    await this.page.getByRole('button', { name: '新建账户' }).click();
    const d = this.dialog('新建账户');
    await d.getByLabel('用户名').fill(a.username);
    await d.getByLabel('姓名').fill(a.displayName);
    await this.choose(d.getByLabel('角色'), a.role);
    if (a.unit) await this.choose(d.getByLabel('所在单位'), a.unit);
    if (a.region) await this.choose(d.getByLabel('所在地区'), a.region);
    await d.getByRole('button', { name: '新建', exact: true }).click();
    return this.takePassword();
  }

  private async takePassword(): Promise<string> {
    const shown = this.page.getByTestId('handed-password');
    await shown.waitFor();
    const password = ((await shown.locator('code').textContent()) ?? '').trim();
    // A click while the dialog still zooms in can be lost: click until it closes.
    for (let i = 0; i < 5 && (await shown.isVisible()); i++) {
      await this.page.getByRole('button', { name: '我已记下' }).click();
      await shown.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
    await shown.waitFor({ state: 'hidden' });
    return password;
  }

  accountRow(username: string): Locator {
    return this.page.locator('.ant-table-row', { hasText: username });
  }

  async disable(username: string): Promise<void> {
    await this.tab('账户');
    await this.accountRow(username).getByRole('button', { name: '停用' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await this.accountRow(username).getByText('已停用').waitFor();
  }

  async resetPassword(username: string): Promise<string> {
    await this.tab('账户');
    await this.accountRow(username).getByRole('button', { name: '重置密码' }).click();
    await this.page.locator('.ant-popconfirm').getByRole('button', { name: '重置' }).click();
    return this.takePassword();
  }

  /** The audit log filtered by an action's Chinese name: the summaries shown. */
  async auditSummaries(actionName: string): Promise<string[]> {
    await this.tab('审计日志');
    await this.choose(this.page.getByLabel('按操作筛选'), actionName);
    const rows = this.page.getByRole('tabpanel', { name: '审计日志' }).locator('.ant-table-row');
    await rows.first().waitFor();
    // The filtered list has come back when every row shown is of that action.
    await this.page.waitForFunction(
      (name) => [...document.querySelectorAll('[role=tabpanel] .ant-table-row')].every((r) => r.textContent?.includes(name)),
      actionName,
    );
    return rows.allTextContents();
  }
}

/** The 修改密码 dialog (opened from the header, or by itself for a password handed out). */
export class PasswordDialogModel {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: '修改密码' });
  }

  async change(current: string, next: string): Promise<void> {
    const d = this.dialog();
    await d.getByLabel('当前密码').fill(current);
    await d.getByLabel('新密码', { exact: true }).fill(next);
    await d.getByLabel('再次输入新密码').fill(next);
    await d.getByRole('button', { name: '修改', exact: true }).click();
    await d.waitFor({ state: 'hidden' });
  }
}

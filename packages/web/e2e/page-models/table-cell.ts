/**
 * Reading an antd table by its headers: the text of one row's cell under a header.
 * @module
 */
import type { Locator } from 'playwright-core';

export async function cellText(table: Locator, row: Locator, header: string): Promise<string> {
  const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`表格没有「${header}」列：${headers.join('、')}`);
  return ((await row.locator(`td:nth-child(${index + 1})`).textContent()) ?? '').trim();
}

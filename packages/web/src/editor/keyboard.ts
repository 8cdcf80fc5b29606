/**
 * Keyboard moves in the editor's tables, as in a spreadsheet: ↓ / Enter to the same column in the next
 * row, ↑ to the previous one (in multi-line cells only with Ctrl or Alt, so the caret still moves there).
 * @module
 */
import type { KeyboardEvent } from 'react';

export function moveInTable(e: KeyboardEvent<HTMLElement>): void {
  const el = e.target as HTMLElement;
  const col = el.getAttribute('data-col');
  if (!col || e.shiftKey || e.nativeEvent.isComposing) return;
  const multiline = el.tagName === 'TEXTAREA';
  const modified = e.ctrlKey || e.altKey;
  let by = 0;
  if (e.key === 'ArrowDown' && (!multiline || modified)) by = 1;
  else if (e.key === 'ArrowUp' && (!multiline || modified)) by = -1;
  else if (e.key === 'Enter' && (!multiline || modified)) by = 1;
  if (by === 0) return;
  const table = el.closest('table');
  if (!table) return;
  const cells = [...table.querySelectorAll<HTMLElement>(`[data-col="${CSS.escape(col)}"]`)];
  const next = cells[cells.indexOf(el) + by];
  if (!next) return;
  e.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}

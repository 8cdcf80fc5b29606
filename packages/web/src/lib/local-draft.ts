/**
 * Drafts kept in the browser (localStorage) so that nothing typed is lost: the editor writes its input
 * here on every change (debounced), and offers it back when the page is opened again.
 * @module
 */

export type LocalDraft = { readonly savedAt: string; readonly baseVersion: number | null; readonly data: Record<string, unknown> };

const key = (id: string) => `jixiao:draft:${id}`;

export function readDraft(id: string): LocalDraft | null {
  try {
    const text = window.localStorage.getItem(key(id));
    if (!text) return null;
    const parsed = JSON.parse(text) as LocalDraft;
    return typeof parsed === 'object' && parsed !== null && typeof parsed.data === 'object' ? parsed : null;
  } catch {
    return null;
  }
}

export function writeDraft(id: string, data: Record<string, unknown>, baseVersion: number | null): boolean {
  try {
    window.localStorage.setItem(key(id), JSON.stringify({ savedAt: new Date().toISOString(), baseVersion, data }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(id: string): void {
  try {
    window.localStorage.removeItem(key(id));
  } catch {
    // storage unavailable: nothing to clear
  }
}

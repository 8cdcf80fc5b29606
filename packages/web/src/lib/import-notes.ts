/**
 * What an import could not map, kept in this browser beside the new evaluation until the preparer closes
 * the list: the editor names each item (「第 38 行：…」) instead of a count.
 * @module
 */

export type ImportNotes = { readonly fileName: string; readonly warnings: readonly string[] };

const key = (id: string) => `jixiao:import-notes:${id}`;

export function keepImportNotes(id: string, notes: ImportNotes): void {
  if (notes.warnings.length === 0) return;
  try {
    window.localStorage.setItem(key(id), JSON.stringify(notes));
  } catch {
    // a full or disabled storage: the list is only a help, the document is saved on the server
  }
}

export function readImportNotes(id: string): ImportNotes | null {
  try {
    const text = window.localStorage.getItem(key(id));
    if (!text) return null;
    const parsed = JSON.parse(text) as Partial<ImportNotes>;
    if (typeof parsed.fileName !== 'string' || !Array.isArray(parsed.warnings)) return null;
    return { fileName: parsed.fileName, warnings: parsed.warnings.filter((w): w is string => typeof w === 'string') };
  } catch {
    return null;
  }
}

export function dropImportNotes(id: string): void {
  try {
    window.localStorage.removeItem(key(id));
  } catch {
    // nothing kept
  }
}

/**
 * The text layer of a rendered PDF, page by page and line by line (top to bottom), read with pdfjs-dist —
 * what the page checks look at: no page holding only a signature, a single table row or a lone line, and a
 * table's continuation pages starting with its column header row.
 * @module
 */
import { fileURLToPath } from 'node:url';
import { gridsFrom, type Ops, rulings } from '../read/pdf-tables.ts';

type Item = { readonly str: string; readonly transform: readonly number[] };

export type PageText = {
  readonly number: number;
  readonly landscape: boolean;
  /** Lines of text from the top, with the whitespace squeezed out (the page number included). */
  readonly lines: readonly string[];
  /** Table rows drawn on the page (between ruled lines), over all its tables. */
  readonly tableRows: number;
};

const standardFonts = (): string | undefined => {
  try {
    return fileURLToPath(new URL('../../standard_fonts/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));
  } catch {
    return undefined;
  }
};

export async function pageTexts(bytes: Uint8Array): Promise<PageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const fonts = standardFonts();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0, ...(fonts ? { standardFontDataUrl: fonts } : {}) });
  const doc = await task.promise;
  const out: PageText[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const byLine = new Map<number, { x: number; text: string }[]>();
      for (const item of content.items as Item[]) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const y = Math.round((item.transform[5] ?? 0) / 2) * 2;
        const line = byLine.get(y) ?? [];
        line.push({ x: item.transform[4] ?? 0, text: item.str });
        byLine.set(y, line);
      }
      const lines = [...byLine.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.sort((a, b) => a.x - b.x).map((p) => p.text).join('').replace(/\s+/gu, ''));
      const operators = await page.getOperatorList();
      const grids = gridsFrom(rulings(operators.fnArray, operators.argsArray, pdfjs.OPS as unknown as Ops));
      const tableRows = grids.reduce((sum, g) => sum + Math.max(0, g.ys.length - 1), 0);
      out.push({ number: n, landscape: width > height, lines, tableRows });
    }
  } finally {
    await task.destroy();
  }
  return out;
}

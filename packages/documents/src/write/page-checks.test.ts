/**
 * The pages themselves, for each example rendered to PDF through LibreOffice: no page holds only a
 * signature, a single table row or a lone line, and every page a table runs onto starts with its column
 * header row. The text layer is read with pdfjs-dist; the pages are also saved as PNG to artifacts/pages/
 * (pdftoppm) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { attachmentsOf, type ReportDocument } from './document-model.ts';
import { findLibreOffice } from './libreoffice.ts';
import { type PageText, pageTexts } from './page-text.ts';
import { readDocument } from '../read/read-document.ts';
import { type SourceTable, toGrid } from '../source.ts';
import { cellPositions } from './render-xlsx.ts';
import { pdfToPng } from './pdf-inspect.ts';
import { renderPdf } from './render-pdf.ts';
import { EXAMPLE_FILES, hasCommand, loadExample, REPOSITORY_ROOT } from './test-support.ts';

const soffice = findLibreOffice();
if (!soffice) console.warn('跳过分页检查：本机没有 LibreOffice（soffice）');
const ARTIFACTS = fileURLToPath(new URL('artifacts/pages/', REPOSITORY_ROOT));
const squeeze = (s: string): string => s.replace(/\s+/gu, '');
const isPageNumber = (line: string): boolean => /^—\d+—$/u.test(line);

describe.skipIf(!soffice)('the pages of each example', () => {
  const rendered = new Map<string, { doc: ReportDocument; pages: PageText[]; tables: readonly SourceTable[] }>();
  beforeAll(async () => {
    for (const name of EXAMPLE_FILES) {
      const { evaluation, scheme } = loadExample(name);
      const doc = buildDocument(evaluation, scheme);
      const pdf = await renderPdf(doc);
      rendered.set(name, { doc, pages: await pageTexts(pdf), tables: (await readDocument(pdf, `${name}.pdf`)).tables });
      if (hasCommand('pdftoppm')) {
        mkdirSync(ARTIFACTS, { recursive: true });
        pdfToPng(pdf, Array.from({ length: (rendered.get(name)?.pages.length ?? 0) }, (_, i) => i + 1), ARTIFACTS, `pages-${name}`, 50);
      }
    }
  }, 600_000);

  it.each(EXAMPLE_FILES)('%s: no page holds only a signature, a lone line or a single table row', (name) => {
    const { doc, pages } = rendered.get(name) ?? { doc: null, pages: [] };
    if (!doc) throw new Error('没有生成');
    const problems: string[] = [];
    const signature = new Set(doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'paragraph' && (b.role === 'signature' || b.role === 'date')).map((b) => squeeze(b.kind === 'paragraph' ? b.text : '')));
    for (const page of pages) {
      const lines = page.lines.filter((l) => !isPageNumber(l));
      if (lines.length < 3) problems.push(`第 ${page.number} 页只有 ${lines.length} 行：${lines.join(' / ')}`);
      if (lines.length > 0 && lines.every((l) => signature.has(l))) problems.push(`第 ${page.number} 页只有落款`);
      // a page a table runs onto: its repeated header row and at least two rows of its own
      if (page.landscape && !lines.some((l) => /^附件/u.test(l)) && page.tableRows < 3) {
        problems.push(`第 ${page.number} 页只有 ${page.tableRows} 个表格行（含重复的表头行）：${lines.slice(0, 3).join(' / ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(EXAMPLE_FILES)('%s: every page a table runs onto starts with its column header row', (name) => {
    const { doc, pages } = rendered.get(name) ?? { doc: null, pages: [] };
    if (!doc) throw new Error('没有生成');
    const headers = attachmentsOf(doc).flatMap((a) => {
      const h = a.table.headerRows;
      return h ? [a.table.rows.slice(h.start, h.start + h.count).flat().map((c) => squeeze(c.text)).join('')] : [];
    });
    const continuation = pages.filter((p) => p.landscape && !p.lines.some((l) => /^附件/u.test(l)));
    for (const page of continuation) {
      const first = page.lines.filter((l) => !isPageNumber(l)).slice(0, 2).join('');
      expect(headers.some((h) => first.startsWith(h.slice(0, 12))), `第 ${page.number} 页开头：${first.slice(0, 40)}`).toBe(true);
    }
  });

  it.each(EXAMPLE_FILES)('%s: a page a table continues onto prints the labels merged down over the page break', (name) => {
    const { doc, tables } = rendered.get(name) ?? { doc: null, tables: [] };
    if (!doc) throw new Error('没有生成');
    const blanks: string[] = [];
    let continuations = 0;
    for (const a of attachmentsOf(doc)) {
      const h = a.table.headerRows;
      if (!h) continue;
      const model = toGrid({ index: 0, line: 0, rows: [cellPositions(a.table.rows).map(({ cell, row, col }) => ({ text: cell.text, row, col, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 }))] });
      const header = model.slice(h.start, h.start + h.count).map((r) => r.map(squeeze).join(''));
      for (const t of tables) {
        const page = toGrid(t).map((r) => r.map(squeeze));
        if (page.length <= h.count || page.slice(0, h.count).some((r, k) => r.join('') !== header[k])) continue;
        // the page's first row under the repeated header, found in the table by its written cells
        const first = page[h.count] ?? [];
        const row = model.slice(h.start + h.count).find((r) => first.some((x) => x !== '') && first.every((x, c) => x === '' || x === squeeze(r[c] ?? '')));
        if (!row) continue;
        continuations++;
        row.forEach((text, c) => { if (squeeze(text) !== '' && first[c] === '') blanks.push(`${a.label} 续页第一行第 ${c + 1} 列应为「${text}」`); });
      }
    }
    if (name !== 'clean-project-2023') expect(continuations).toBeGreaterThan(0);
    expect(blanks).toEqual([]);
  });

  it.each(EXAMPLE_FILES)('%s: no paragraph loses its final punctuation at a line end', (name) => {
    const { doc, pages } = rendered.get(name) ?? { doc: null, pages: [] };
    if (!doc) throw new Error('没有生成');
    const text = pages.flatMap((p) => p.lines).join('');
    const endings = doc.sections.flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'paragraph' && b.role === 'body' && /[。；！？]$/u.test(b.text))
      .map((b) => squeeze(b.kind === 'paragraph' ? b.text : '').slice(-6));
    expect(endings.length).toBeGreaterThan(2);
    expect(endings.filter((e) => !text.includes(e))).toEqual([]);
  });
});

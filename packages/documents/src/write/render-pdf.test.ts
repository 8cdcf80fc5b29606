/**
 * The PDF looked at as a person would: converted by LibreOffice, measured with poppler (page count and
 * size, every line inside the text block, 22 lines × 28 characters, page numbers under the block on the
 * outer side, fonts embedded), and a few pages saved as PNG to artifacts/pages/ for a person to open.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { fontSubstitutions } from './fonts.ts';
import { findLibreOffice } from './libreoffice.ts';
import { GB_T_9704, pageGeometry } from './page-profile.ts';
import { type PdfLine, type PdfPage, pdfFonts, pdfPages, pdfToPng } from './pdf-inspect.ts';
import { renderPdf } from './render-pdf.ts';
import { hasCommand, loadExample, REPOSITORY_ROOT } from './test-support.ts';

const soffice = findLibreOffice();
const poppler = hasCommand('pdftotext') && hasCommand('pdftoppm') && hasCommand('pdffonts');
const missing = [!soffice ? 'LibreOffice（soffice）' : '', !poppler ? 'poppler-utils（pdftotext/pdftoppm/pdffonts）' : ''].filter((x) => x);
if (missing.length > 0) console.warn(`跳过 PDF 检查：本机没有 ${missing.join('、')}`);

const ARTIFACTS = fileURLToPath(new URL('artifacts/pages/', REPOSITORY_ROOT));
const PT = (twips: number): number => twips / 20;
const HANGING = /[，。、；：！？”’）》」』]$/u;
const TOLERANCE = 1.5;

type Block = { left: number; top: number; right: number; bottom: number; orientation: 'portrait' | 'landscape' };
function blockOf(page: PdfPage): Block {
  const orientation = page.width > page.height ? 'landscape' : 'portrait';
  const g = pageGeometry(GB_T_9704, orientation);
  return { left: PT(g.margin.left), top: PT(g.margin.top), right: PT(g.margin.left + g.blockWidth), bottom: PT(g.margin.top + g.blockHeight), orientation };
}

const isPageNumber = (line: PdfLine, page: number): boolean => line.words.map((w) => w.text).join('') === `—${page}—`;
/** Width in characters of the body size: Latin letters and digits ½, everything else (CJK, “”, full-width) 1. */
const characters = (text: string): number => [...text.replace(/\s/gu, '')].reduce((s, ch) => s + ((ch.codePointAt(0) ?? 0) < 0x100 ? 0.5 : 1), 0);
const squeeze = (text: string): string => text.replace(/\s/gu, '');

describe.skipIf(missing.length > 0)('renderPdf — the seed looked at as a person would', () => {
  // rendered before the tests, not while they are collected: a skipped suite is still collected
  let pdf: Uint8Array = new Uint8Array();
  let pages: PdfPage[] = [];
  let portrait: PdfPage[] = [];
  let landscape: PdfPage[] = [];
  beforeAll(async () => {
    const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
    pdf = await renderPdf(buildDocument(evaluation, scheme));
    pages = pdfPages(pdf);
    portrait = pages.filter((p) => p.height > p.width);
    landscape = pages.filter((p) => p.width > p.height);
  }, 300_000); // laid out again where a table's merge runs over a page break

  it('is A4 throughout: the report portrait, then the two attachments landscape', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const p of pages) {
      expect([Math.round(Math.min(p.width, p.height)), Math.round(Math.max(p.width, p.height))]).toEqual([595, 842]);
    }
    expect(portrait.length).toBeGreaterThanOrEqual(8);
    expect(landscape.length).toBeGreaterThanOrEqual(2);
    // portrait pages come first, landscape pages after
    expect(pages.findIndex((p) => p.width > p.height)).toBe(portrait.length);
    expect(squeeze(landscape[0]?.lines[0]?.text ?? '')).toBe('附件1-1');
    expect(landscape.some((p) => p.lines.some((l) => squeeze(l.text) === '附件1-2'))).toBe(true);
  });

  it('keeps every line inside the text block (punctuation may hang, as Word allows)', () => {
    const outside: string[] = [];
    for (const page of pages) {
      const b = blockOf(page);
      for (const line of page.lines) {
        if (isPageNumber(line, page.number)) continue;
        const hangs = HANGING.test(line.text) && line.xMax <= b.right + 17;
        const inside = line.xMin >= b.left - TOLERANCE && line.yMin >= b.top - TOLERANCE && line.yMax <= b.bottom + TOLERANCE && (line.xMax <= b.right + TOLERANCE || hangs);
        if (!inside) outside.push(`第 ${page.number} 页「${line.text.slice(0, 20)}」(${line.xMin.toFixed(1)}, ${line.yMin.toFixed(1)})–(${line.xMax.toFixed(1)}, ${line.yMax.toFixed(1)})`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('numbers every page “— n —” 7 mm under the block, on the right of odd pages and the left of even pages', () => {
    for (const page of pages) {
      const b = blockOf(page);
      const number = page.lines.find((l) => isPageNumber(l, page.number));
      expect(number, `第 ${page.number} 页没有页码`).toBeDefined();
      if (!number) continue;
      const gapMm = ((number.yMin - b.bottom) * 25.4) / 72;
      expect(gapMm).toBeGreaterThan(5);
      expect(gapMm).toBeLessThan(9);
      const oneCharacter = 14; // 4号
      if (page.number % 2 === 1) expect(Math.abs(number.xMax - (b.right - oneCharacter))).toBeLessThan(3);
      else expect(Math.abs(number.xMin - (b.left + oneCharacter))).toBeLessThan(3);
    }
  });

  it('sets the body 22 lines to a page and 28 characters to a line', () => {
    const counts = portrait.map((p) => p.lines.filter((l) => !isPageNumber(l, p.number)).length);
    expect(Math.max(...counts)).toBe(22);
    const b = blockOf(portrait[0] as PdfPage);
    const fullLines = portrait.flatMap((p) => p.lines).filter((l) => /^[\u4e00-\u9fff，。、；：“”（）]+$/u.test(l.text.replace(/\s/gu, '')) && Math.abs(l.xMin - b.left) < TOLERANCE && l.xMax > b.right - 16);
    expect(fullLines.length).toBeGreaterThan(20);
    const widths = fullLines.map((l) => characters(l.text) - (HANGING.test(l.text) && l.xMax > b.right + TOLERANCE ? 1 : 0));
    // Never more than 28; fewer only where line-breaking rules (禁则: no closing mark at a line start) move a character down.
    expect(Math.max(...widths)).toBe(28);
    expect(widths.filter((n) => n === 28).length / widths.length).toBeGreaterThan(0.8);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(26);
  });

  it('embeds its fonts: a FangSong face for 仿宋, a Kai face for 楷体, 黑体 and 小标宋, each as the substitution report says', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const names = fonts.map((f) => f.name).join(' ');
    const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
    const used = new Map((fontSubstitutions(buildDocument(evaluation, scheme)) ?? []).map((x) => [x.requested, x]));
    if (used.get('仿宋_GB2312')?.used === 'FandolFang') {
      // Fandol (what .ci/run installs): a real FangSong and Kai covering every character of the report
      expect(names).toMatch(/FandolFang/u);
      expect(names).toMatch(/FandolKai/u);
      expect(used.get('仿宋_GB2312')?.missing).toBe('');
    } else {
      console.warn('没有安装 Fandol 字体（见 .ci/run），仿宋以 AR PL SungtiL GB 代替');
      expect(names).toMatch(/BousungEG-Light-GB/u); // AR PL SungtiL GB for 仿宋_GB2312
    }
    expect(names).toMatch(/NotoSansCJK/u); // 黑体
    expect(names).toMatch(/NotoSerifCJK\w*-Bold/u); // 方正小标宋简体
    expect(names).not.toMatch(/DejaVu/u); // a fallback font would mean a missing glyph
  });

  it('keeps the text readable (no replacement characters) and saves page images to artifacts/pages/', () => {
    const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(text).not.toContain('\uFFFD');
    expect(text).toContain('部门整体支出绩效自评报告');
    expect(text).toContain('综合评定等级');
    mkdirSync(ARTIFACTS, { recursive: true });
    const firstLandscape = portrait.length + 1;
    const files = pdfToPng(pdf, [1, 2, firstLandscape, firstLandscape + 2, pages.length], ARTIFACTS, 'hengyang-2022', 60);
    expect(files).toHaveLength(5);
  });
});

describe.skipIf(missing.length > 0)('renderPdf — a 项目 evaluation', () => {
  it('has the short report in portrait and the national table in landscape, with page images saved', async () => {
    const { evaluation, scheme } = loadExample('clean-project-2023');
    const pdf = await renderPdf(buildDocument(evaluation, scheme));
    const pages = pdfPages(pdf);
    const first = pages.findIndex((p) => p.width > p.height);
    expect(first).toBeGreaterThan(0);
    expect(pages.slice(first).every((p) => p.width > p.height)).toBe(true);
    expect(pages[first]?.lines.some((l) => squeeze(l.text) === '项目支出绩效自评表')).toBe(true);
    mkdirSync(ARTIFACTS, { recursive: true });
    pdfToPng(pdf, [1, first + 1], ARTIFACTS, 'clean-project-2023', 60);
  });
});

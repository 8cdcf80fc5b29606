/**
 * Looking at a PDF as a reader would, with poppler (pdfinfo, pdftotext -bbox-layout, pdffonts, pdftoppm):
 * page sizes, where each word and line lies, which fonts are embedded, and page images. For the writer's
 * tests.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PdfWord = { readonly text: string; readonly xMin: number; readonly yMin: number; readonly xMax: number; readonly yMax: number };
export type PdfLine = PdfWord & { readonly words: readonly PdfWord[] };
export type PdfPage = { readonly number: number; readonly width: number; readonly height: number; readonly lines: readonly PdfLine[] };

function withFile<T>(bytes: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const unescape = (s: string): string => s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
const attr = (tag: string, name: string): number => Number(new RegExp(`${name}="([0-9.]+)"`, 'u').exec(tag)?.[1] ?? Number.NaN);

/** Pages with their size (points) and text lines with word boxes (points, origin top-left). */
export function pdfPages(bytes: Uint8Array): PdfPage[] {
  const html = withFile(bytes, (file) => execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  const pages: PdfPage[] = [];
  for (const [, pageTag = '', body = ''] of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/gu)) {
    const lines: PdfLine[] = [];
    for (const [, lineTag = '', lineBody = ''] of body.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/gu)) {
      const words = [...lineBody.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/gu)].map(([, tag = '', text = '']) => ({
        text: unescape(text), xMin: attr(tag, 'xMin'), yMin: attr(tag, 'yMin'), xMax: attr(tag, 'xMax'), yMax: attr(tag, 'yMax'),
      }));
      lines.push({ text: words.map((w) => w.text).join(' '), xMin: attr(lineTag, 'xMin'), yMin: attr(lineTag, 'yMin'), xMax: attr(lineTag, 'xMax'), yMax: attr(lineTag, 'yMax'), words });
    }
    pages.push({ number: pages.length + 1, width: attr(pageTag, 'width'), height: attr(pageTag, 'height'), lines });
  }
  return pages;
}

/** The fonts pdffonts lists: name and whether embedded. */
export function pdfFonts(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const out = withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const parts = l.trim().split(/\s+/u);
      // name type… encoding emb sub uni object ID: emb is the 5th field from the end
      return { name: parts[0] ?? '', embedded: parts[parts.length - 5] === 'yes' };
    });
}

/** Renders pages to PNG files `${prefix}-<n>.png` in `directory`; returns the paths written. */
export function pdfToPng(bytes: Uint8Array, pages: readonly number[], directory: string, prefix: string, dpi = 60): string[] {
  return withFile(bytes, (file, dir) =>
    pages.map((n) => {
      const base = join(dir, `p${n}`);
      execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(n), '-l', String(n), file, base]);
      const target = join(directory, `${prefix}-${String(n).padStart(2, '0')}.png`);
      writeFileSync(target, readFileSync(`${base}.png`));
      return target;
    }),
  );
}

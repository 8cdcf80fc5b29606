/**
 * Fixtures for the reader and importer tests: the files under packages/documents/fixtures (built by
 * fixtures/make-fixtures.ts) and the seed report from examples/ (or /work/shared/seed on the build machine).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { findSoffice } from './soffice.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = join(here, '..', '..', 'fixtures');
export const ROOT = join(here, '..', '..', '..', '..');

export const fixturePath = (name: string): string => join(FIXTURES, name);
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fixturePath(name)));

export const SEED_NAME = 'hengyang-natural-resources-2022.txt';
export const seedPath = (): string =>
  [join(ROOT, 'examples', SEED_NAME), join('/work/shared/seed', SEED_NAME)].find(existsSync) ?? join(ROOT, 'examples', SEED_NAME);
export const seedBytes = (): Uint8Array => new Uint8Array(readFileSync(seedPath()));
export const examplePath = (name: string): string => join(ROOT, 'examples', name);

/** LibreOffice for the .doc/.xls tests; when it is absent those tests say why and are skipped. */
export const soffice = findSoffice();
if (!soffice) console.warn('未找到 LibreOffice（soffice）：.doc/.xls 转换测试跳过');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/** A minimal .docx around a body (and optional numbering/styles parts). */
export function docxOf(body: string, parts: { numbering?: string; styles?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`);
  return zipSync(files);
}

/** A one-page PDF whose content stream is `data` (already compressed), with `/Filter filter`. */
export function pdfWithStream(data: Uint8Array, filter = '/FlateDecode'): Uint8Array {
  const head = `%PDF-1.4\n1 0 obj<< /Type /Catalog /Pages 2 0 R >>endobj\n2 0 obj<< /Type /Pages /Kids [3 0 R] /Count 1 >>endobj\n3 0 obj<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>endobj\n4 0 obj<< /Length ${data.length} /Filter ${filter} >>\nstream\n`;
  const tail = '\nendstream\nendobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n';
  const enc = new TextEncoder();
  const out = new Uint8Array(head.length + data.length + tail.length);
  out.set(enc.encode(head), 0);
  out.set(data, head.length);
  out.set(enc.encode(tail), head.length + data.length);
  return out;
}

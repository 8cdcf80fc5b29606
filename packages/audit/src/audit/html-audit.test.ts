/**
 * The audit of a report read from a web page equals the audit of the same report read from .txt or .docx:
 * the HTML reader gives the audit the same lines and tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme } from '@jixiao/core';
import { readDocument, type SourceDocument, toGrid } from '@jixiao/documents';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { fixture, seedBytes } from '@jixiao/documents/testing';
import { auditDocument } from './audit-document.ts';
import { corpusFile, REAL_REPORTS, ROOT } from './testing.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (html: string | Uint8Array, name = 'page.html'): Promise<SourceDocument> =>
  readDocument(typeof html === 'string' ? utf8(html) : html, name);
const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(join(ROOT, 'schemes', f), 'utf8'))));
/** Whitespace inside cells differs between formats (a Word paragraph per line, a <br> per line): compare without it. */
const squeeze = (grid: string[][]) => grid.map((r) => r.map((c) => c.replace(/[\s\u3000]+/gu, '')));

describe('the seed as a government web page (hengyang-2022.html)', async () => {
  const docx = await readDocument(fixture('hengyang-2022.docx'), 'hengyang-2022.docx');

  it('the .docx converted to HTML by another program (mammoth: colspan/rowspan, <ol> lists) gives the .docx’s tables and errors', async () => {
    const docxBytes = fixture('hengyang-2022.docx');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(docxBytes) });
    const page = utf8(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${value}</body></html>`);
    const converted = await read(page, 'converted.html');
    expect(converted.tables.map((t) => squeeze(toGrid(t)))).toEqual(docx.tables.map((t) => squeeze(toGrid(t))));
    const errors = async (bytes: Uint8Array, name: string) =>
      (await auditDocument(bytes, name, schemes)).findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.stated} ${f.expected}`).sort();
    expect(await errors(page, 'converted.html')).toEqual(await errors(docxBytes, 'hengyang-2022.docx'));
  });

  // By figures: the .txt's 六（二） statements are read into the model (产出及效益指标…得分77分, the project
  // execution), so there the model's checks report 77 ≠ 78 and 11,853.56 ≠ 1,883.31, which the web page's
  // text checks report from its lines (fact-total-parts, fact-difference) — the same errors, other check ids.
  it('gives the same errors as the .txt seed (figures)', async () => {
    const errors = async (bytes: Uint8Array, name: string) =>
      (await auditDocument(bytes, name, schemes)).findings.filter((f) => f.severity === 'error').map((f) => `${f.stated} ${f.expected}`).sort();
    const fromHtml = await errors(fixture('hengyang-2022.html'), 'hengyang-2022.html');
    expect(fromHtml).toHaveLength(10);
    expect(fromHtml).toEqual(await errors(seedBytes(), 'hengyang-natural-resources-2022.txt'));
  });
});

/** A text document as a web page: its lines as <p>, its tables as <table> (a blank line as an empty paragraph). */
function asWebPage(doc: SourceDocument): string {
  const esc = (t: string) => t.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  const out = ['<html><head><meta charset="utf-8"><title>t</title></head><body><div class="nav">首页 政务公开</div>'];
  const tableAt = new Map(doc.tables.map((t) => [t.line, t]));
  for (const l of doc.lines) {
    const t = tableAt.get(l.line);
    if (t) out.push(`<table border="1">${t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c.text).replace(/\n/gu, '<br>')}</td>`).join('')}</tr>`).join('')}</table>`);
    if (l.table === undefined) out.push(l.text.trim() === '' ? '<p>&nbsp;</p>' : `<p>${esc(l.text)}</p>`);
  }
  out.push('<div class="footer">主办单位：某县人民政府</div></body></html>');
  return out.join('\n');
}

describe('every text fixture as a web page gives the errors of the text', () => {
  const src = join(ROOT, 'packages', 'audit', 'src');
  const files = ['facts/fixtures', 'audit/fixtures/styled']
    .flatMap((dir) => readdirSync(join(src, dir)).filter((f) => f.endsWith('.txt')).map((f) => join(src, dir, f)))
    .concat(REAL_REPORTS.map(corpusFile));
  for (const file of files) {
    const name = file.split('/').pop() ?? file;
    it(name, async () => {
      const bytes = new Uint8Array(readFileSync(file));
      const errors = async (b: Uint8Array, file: string) =>
        (await auditDocument(b, file, schemes)).findings.filter((f) => f.severity === 'error').map((f) => `${f.check} ${f.stated} ${f.expected}`).sort();
      const page = asWebPage(await readDocument(bytes, name));
      expect(await errors(utf8(page), name.replace(/\.txt$/u, '.html'))).toEqual(await errors(bytes, name));
    });
  }
});


import { isDomainError } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEvaluation } from '../import/import-evaluation.ts';
import type { SourceDocument } from '../source.ts';
import { type ReadOptions } from './limits.ts';
import { readDocument } from './read-document.ts';
import { fixture } from './testing.ts';

/** What any reader must give back: lines numbered 1…n, cells inside their table, spans of at least one. */
function assertWellFormed(doc: SourceDocument): void {
  doc.lines.forEach((l, i) => expect(l.line).toBe(i + 1));
  doc.tables.forEach((t, i) => {
    expect(t.index).toBe(i);
    for (const row of t.rows) {
      for (const c of row) {
        expect(c.row).toBeGreaterThanOrEqual(0);
        expect(c.col).toBeGreaterThanOrEqual(0);
        expect(c.rowSpan).toBeGreaterThanOrEqual(1);
        expect(c.colSpan).toBeGreaterThanOrEqual(1);
        if (c.line !== undefined) expect(c.line).toBeLessThanOrEqual(doc.lines.length);
      }
    }
  });
}

const OPTIONS: ReadOptions = { soffice: null, timeoutMs: 10_000 };

/** Reads; a DomainError is an answer, anything else is a crash. Time per file is bounded. */
async function survives(bytes: Uint8Array, name: string): Promise<void> {
  const started = Date.now();
  try {
    const doc = await readDocument(bytes, name, OPTIONS);
    assertWellFormed(doc);
    // and the importer never throws on what a reader returns
    const imported = importEvaluation(doc);
    expect(Array.isArray(imported.unmapped)).toBe(true);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.message).toContain(`「${name}」`);
  }
  expect(Date.now() - started).toBeLessThan(15_000);
}

const PREFIXES: Record<string, number[]> = {
  none: [],
  zip: [0x50, 0x4b, 0x03, 0x04],
  pdf: [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0)),
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  utf16: [0xff, 0xfe],
  utf8: [0xef, 0xbb, 0xbf],
  html: [...'<!DOCTYPE html><html><body>'].map((c) => c.charCodeAt(0)),
  mht: [...'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n'].map((c) => c.charCodeAt(0)),
};

type Mutation =
  | { readonly kind: 'flip'; readonly edits: readonly (readonly [number, number])[] }
  | { readonly kind: 'cut'; readonly at: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly len: number };

/** Changes a few bytes, cuts the end, or repeats a slice. */
const mutation = (length: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat({ max: Math.max(0, length - 1) }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => ({ kind: 'flip' as const, edits })),
    fc.nat({ max: Math.max(0, length - 1) }).map((at) => ({ kind: 'cut' as const, at })),
    fc.tuple(fc.nat({ max: Math.max(0, length - 1) }), fc.nat({ max: 4096 })).map(([at, len]) => ({ kind: 'repeat' as const, at, len })),
  );

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'cut') return bytes.slice(0, m.at);
  if (m.kind === 'repeat') {
    const part = bytes.slice(m.at, m.at + m.len);
    const out = new Uint8Array(bytes.length + part.length);
    out.set(bytes.subarray(0, m.at));
    out.set(part, m.at);
    out.set(bytes.subarray(m.at), m.at + part.length);
    return out;
  }
  const out = bytes.slice();
  for (const [at, value] of m.edits) out[at] = value;
  return out;
}

describe('fuzzing the readers: no crash other than DomainError, no hang', () => {
  it('random bytes behind every signature', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(PREFIXES)), fc.uint8Array({ maxLength: 2048 }), async (prefix, tail) => {
        const bytes = new Uint8Array([...(PREFIXES[prefix] ?? []), ...tail]);
        await survives(bytes, `随机.${prefix}`);
      }),
      { numRuns: 300 },
    );
  });

  it('random text with tabs, blank lines and table-like rows', async () => {
    const piece = fc.oneof(fc.constantFrom('\t', '\n', '\n\n', '\t\t', '"', '　', '一、', '（二）', '1.', '⑴', '产出指标（50分）', '三级指标', '分值', '得分', '17,485.15', '100%', '—', '……', '综合评定等级', '总分'), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 200 }), async (parts) => {
        const text = parts.join('');
        if (text.trim() === '') return;
        await survives(new TextEncoder().encode(text), '随机.txt');
      }),
      { numRuns: 300 },
    );
  });

  it('random web pages: tables with spans, unclosed and misnested tags, charsets, lists', async () => {
    const piece = fc.oneof(
      fc.constantFrom('<table>', '</table>', '<tr>', '<td>', '<th>', '<td rowspan="3">', '<td colspan="2">', '<td rowspan="0">', '<td rowspan="-1" colspan="99999">', '</td>', '</tr>',
        '<p>', '</p>', '<br>', '<div class="nav">', '<div style="display:none">', '</div>', '<ol start="-5" type="I">', '<li>', '</ol>', '<pre>', '</pre>', '<font>', '<b>', '</font>',
        '<script>', '</script>', '<meta charset="gbk">', '<img width="800" src="a.jpg">', '<a href="x.xls">', '</a>', '&nbsp;', '　', '\n', '产出指标', '分值', '得分', '17,485.15', '100%', '一、', '（二）'),
      fc.string({ maxLength: 8 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 200 }), async (parts) => {
        await survives(new TextEncoder().encode(`<html><body>${parts.join('')}`), '随机.html');
      }),
      { numRuns: 300 },
    );
  });

  for (const [name, runs] of [['hengyang-2022.html', 60], ['hengyang-2022.docx', 80], ['hengyang-2022-attachments.xlsx', 40], ['tricky-project.xlsx', 30], ['hengyang-2022.pdf', 15]] as const) {
    it(`mutations of ${name}`, async () => {
      const bytes = fixture(name);
      await fc.assert(
        fc.asyncProperty(mutation(bytes.length), async (m) => {
          await survives(mutate(bytes, m), name);
        }),
        { numRuns: runs },
      );
    });
  }

  it('mutations of the seed text', async () => {
    const bytes = fixture('tricky-tab-separated.txt');
    await fc.assert(
      fc.asyncProperty(mutation(bytes.length), async (m) => {
        await survives(mutate(bytes, m), 'tricky-tab-separated.txt');
      }),
      { numRuns: 100 },
    );
  });
});

/**
 * Reads a generated .docx back: its paragraphs in order, its tables as grids with merges (gridSpan,
 * vMerge), and each section's page size and orientation. Used by the round-trip tests (render → read →
 * the same figures) until the importer (`src/import`) reads reports end to end.
 * @module
 */
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { SourceCell, SourceTable } from '../source.ts';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

export type ReadBackSection = { readonly width: number; readonly height: number; readonly orientation: 'portrait' | 'landscape' };

export type ReadBack = {
  /** Body paragraphs outside tables, in order. */
  readonly paragraphs: readonly string[];
  readonly tables: readonly SourceTable[];
  readonly sections: readonly ReadBackSection[];
  /** Footer parts' text (page-number fields appear as their instruction, e.g. PAGE). */
  readonly footers: readonly string[];
  /** The raw document.xml, for structural assertions. */
  readonly documentXml: string;
};

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

const tagOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode): XmlNode[] => {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
};
const find = (nodes: readonly XmlNode[], tag: string): XmlNode | undefined => nodes.find((n) => tagOf(n) === tag);

function textOf(node: XmlNode): string {
  let out = '';
  const walk = (n: XmlNode): void => {
    const tag = tagOf(n);
    if (tag === '#text') {
      out += String(n['#text']);
      return;
    }
    if (tag === 'w:tab') out += '\t';
    if (tag === 'w:br') out += '\n';
    if (tag === 'w:instrText') {
      out += `{${childrenOf(n).map((c) => String(c['#text'] ?? '')).join('').trim()}}`;
      return;
    }
    for (const c of childrenOf(n)) walk(c);
  };
  walk(node);
  return out;
}

function readTable(node: XmlNode, index: number): SourceTable {
  type Raw = { text: string; col: number; colSpan: number; vMerge: 'restart' | 'continue' | null };
  const raw: Raw[][] = [];
  for (const tr of childrenOf(node).filter((n) => tagOf(n) === 'w:tr')) {
    const row: Raw[] = [];
    let col = 0;
    for (const tc of childrenOf(tr).filter((n) => tagOf(n) === 'w:tc')) {
      const props = childrenOf(find(childrenOf(tc), 'w:tcPr') ?? {});
      const span = Number(find(props, 'w:gridSpan')?.[':@']?.['w:val'] ?? 1);
      const vMergeNode = find(props, 'w:vMerge');
      const vMerge = vMergeNode ? (vMergeNode[':@']?.['w:val'] === 'restart' ? 'restart' : 'continue') : null;
      const text = childrenOf(tc).filter((n) => tagOf(n) === 'w:p').map(textOf).join('\n');
      row.push({ text, col, colSpan: span, vMerge });
      col += span;
    }
    raw.push(row);
  }
  const rows: SourceCell[][] = raw.map((row, r) =>
    row
      .filter((c) => c.vMerge !== 'continue')
      .map((c) => {
        let rowSpan = 1;
        if (c.vMerge === 'restart') {
          while (raw[r + rowSpan]?.some((below) => below.col === c.col && below.vMerge === 'continue')) rowSpan++;
        }
        return { text: c.text, row: r, col: c.col, rowSpan, colSpan: c.colSpan };
      }),
  );
  return { index, line: 0, rows };
}

/** Reads paragraphs, tables and sections of a .docx. */
export function readDocx(bytes: Uint8Array): ReadBack {
  const files = unzipSync(bytes);
  const part = files['word/document.xml'];
  if (!part) throw new Error('不是 .docx：缺少 word/document.xml');
  const documentXml = strFromU8(part);
  const root = parser.parse(documentXml) as XmlNode[];
  const document = find(root, 'w:document');
  const body = find(childrenOf(document ?? {}), 'w:body');
  const paragraphs: string[] = [];
  const tables: SourceTable[] = [];
  const sections: ReadBackSection[] = [];
  let lastWasTable = false;
  const readSection = (sectPr: XmlNode): void => {
    const size = find(childrenOf(sectPr), 'w:pgSz')?.[':@'] ?? {};
    const width = Number(size['w:w'] ?? 0);
    const height = Number(size['w:h'] ?? 0);
    sections.push({ width, height, orientation: size['w:orient'] === 'landscape' || width > height ? 'landscape' : 'portrait' });
  };
  // A table the writer split before its column header rows (so that they repeat on every page) comes
  // back as one: the two parts are separated by a single empty paragraph.
  let joinable = false;
  for (const node of childrenOf(body ?? {})) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      const text = textOf(node);
      const sectPr = find(childrenOf(find(childrenOf(node), 'w:pPr') ?? {}), 'w:sectPr');
      joinable = lastWasTable && text === '' && !sectPr;
      lastWasTable = false;
      if (!joinable) paragraphs.push(text);
      if (sectPr) readSection(sectPr);
    } else if (tag === 'w:tbl') {
      const table = readTable(node, tables.length);
      const previous = tables[tables.length - 1];
      if (joinable && previous) {
        const offset = previous.rows.length;
        tables[tables.length - 1] = { ...previous, rows: [...previous.rows, ...table.rows.map((r) => r.map((c) => ({ ...c, row: c.row + offset })))] };
      } else {
        tables.push(table);
      }
      joinable = false;
      lastWasTable = true;
    } else if (tag === 'w:sectPr') {
      readSection(node);
    }
  }
  const footers = Object.keys(files)
    .filter((name) => /^word\/footer\d+\.xml$/u.test(name))
    .sort()
    .map((name) => textOf({ root: parser.parse(strFromU8(files[name] as Uint8Array)) as unknown } as XmlNode));
  return { paragraphs, tables, sections, footers, documentXml };
}

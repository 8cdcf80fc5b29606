/**
 * .docx read structurally from `word/document.xml`: paragraphs in order (Word's automatic numbering
 * rendered as text, heading levels from styles and outline levels), tables with `gridSpan` → colSpan and
 * `vMerge` restart/continue → rowSpan exactly (also `gridBefore` and the legacy `hMerge`), nested tables,
 * content controls, tracked insertions kept and deletions dropped, text boxes read after their paragraph.
 *
 * Reference: ECMA-376 Part 1 §17.3 (paragraphs, runs), §17.4 (tables: tblGrid, gridSpan, vMerge, hMerge,
 * gridBefore), §17.7 (styles, outlineLvl), §17.9 (numbering).
 * @module
 */
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { CellBudget, type Deadline, type Limits, ReadErrorCode, readError } from './limits.ts';
import { type NumberingDefinitions, type NumberingLevel, NumberingCounter } from './numbering.ts';
import { type XmlElement, type XmlNode, child, children, findFirst, isElement, parseXml } from './xml.ts';
import { type InflateBudget, type ZipArchive, openZip, readText } from './zip.ts';

type Style = { name: string; basedOn?: string; outline?: number; numId?: string; ilvl?: number };

const val = (e: XmlElement | undefined, attr = 'val'): string | undefined => e?.attrs[attr];

/** Targets of a part's relationships by type suffix (`officeDocument`, `numbering`, `styles`). */
function relationships(xml: string | null, base: string, file: string, limits: Limits, deadline: Deadline): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  const root = findFirst(parseXml(xml, file, 'relationships', limits, deadline), 'Relationships');
  for (const rel of root ? children(root, 'Relationship') : []) {
    const type = (rel.attrs.Type ?? '').split('/').pop() ?? '';
    const target = rel.attrs.Target ?? '';
    if (!type || !target || rel.attrs.TargetMode === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : normalizePath(`${base}${target}`);
    if (!out.has(type)) out.set(type, path);
  }
  return out;
}

function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const s of p.split('/')) {
    if (s === '..') parts.pop();
    else if (s !== '.' && s !== '') parts.push(s);
  }
  return parts.join('/');
}

function readStyles(nodes: readonly XmlNode[]): Map<string, Style> {
  const styles = new Map<string, Style>();
  const root = findFirst(nodes, 'styles');
  for (const s of root ? children(root, 'style') : []) {
    const id = s.attrs.styleId;
    if (!id) continue;
    const pPr = child(s, 'pPr');
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const outline = val(pPr ? child(pPr, 'outlineLvl') : undefined);
    const style: Style = { name: (val(child(s, 'name')) ?? id).toLowerCase() };
    const basedOn = val(child(s, 'basedOn'));
    if (basedOn) style.basedOn = basedOn;
    if (outline !== undefined && /^\d$/u.test(outline)) style.outline = Number(outline);
    const numId = val(numPr ? child(numPr, 'numId') : undefined);
    if (numId !== undefined) style.numId = numId;
    const ilvl = val(numPr ? child(numPr, 'ilvl') : undefined);
    if (ilvl !== undefined && /^\d$/u.test(ilvl)) style.ilvl = Number(ilvl);
    styles.set(id, style);
  }
  return styles;
}

function readNumbering(nodes: readonly XmlNode[]): NumberingDefinitions {
  const abstracts = new Map<string, (NumberingLevel | undefined)[]>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  const root = findFirst(nodes, 'numbering');
  if (!root) return { abstracts, nums };
  for (const a of children(root, 'abstractNum')) {
    const id = a.attrs.abstractNumId;
    if (id === undefined) continue;
    const levels: (NumberingLevel | undefined)[] = [];
    for (const l of children(a, 'lvl')) {
      const ilvl = Number(l.attrs.ilvl ?? '0');
      if (!Number.isInteger(ilvl) || ilvl < 0 || ilvl > 8) continue;
      const suff = val(child(l, 'suff'));
      levels[ilvl] = {
        format: val(child(l, 'numFmt')) ?? 'decimal',
        text: val(child(l, 'lvlText')) ?? '',
        start: Number(val(child(l, 'start')) ?? '1') || 0,
        suffix: suff === 'space' ? 'space' : suff === 'nothing' ? 'nothing' : 'tab',
        legal: child(l, 'isLgl') !== undefined && val(child(l, 'isLgl')) !== '0',
      };
    }
    abstracts.set(id, levels);
  }
  for (const n of children(root, 'num')) {
    const id = n.attrs.numId;
    const abstractId = val(child(n, 'abstractNumId'));
    if (id === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of children(n, 'lvlOverride')) {
      const start = val(child(o, 'startOverride'));
      if (start !== undefined) starts.set(Number(o.attrs.ilvl ?? '0'), Number(start));
    }
    nums.set(id, { abstractId, starts });
  }
  return { abstracts, nums };
}

/** Containers whose content is read as if it were in place. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'bdo', 'dir', 'r', 'Choice']);
/** Content that is not visible text. */
const SKIPPED = new Set(['del', 'moveFrom', 'pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'instrText', 'delText', 'delInstrText', 'proofErr', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd', 'commentReference', 'footnoteReference', 'endnoteReference', 'lastRenderedPageBreak', 'Fallback', 'customXmlPr', 'permStart', 'permEnd', 'tcPr', 'trPr', 'tblPr', 'tblGrid', 'tblPrEx']);

/** The text of a paragraph's content appended to `out`; text boxes found in it are added to `boxes`. */
function paragraphText(nodes: readonly XmlNode[], boxes: XmlElement[], out: string): string {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (SKIPPED.has(n.name)) continue;
    switch (n.name) {
      case 't':
        for (const c of n.children) if (!isElement(c)) out += c.text;
        break;
      case 'tab': case 'ptab': out += '\t'; break;
      case 'br': case 'cr': out += '\n'; break;
      case 'noBreakHyphen': out += '-'; break;
      case 'softHyphen': break;
      case 'sym': {
        const code = Number.parseInt(n.attrs.char ?? '', 16);
        if (Number.isInteger(code) && code >= 0x20 && (code < 0xf000 || code > 0xf0ff)) out += String.fromCodePoint(code);
        break;
      }
      case 'txbxContent': boxes.push(n); break;
      case 'AlternateContent': {
        const choice = child(n, 'Choice') ?? child(n, 'Fallback');
        if (choice) out = paragraphText(choice.children, boxes, out);
        break;
      }
      case 'drawing': case 'pict': case 'object': {
        const box = findFirst(n.children, 'txbxContent');
        if (box) boxes.push(box);
        break;
      }
      default:
        if (TRANSPARENT.has(n.name) || n.children.length > 0) out = paragraphText(n.children, boxes, out);
    }
  }
  return out;
}

class DocxReader {
  readonly lines: SourceLine[] = [];
  readonly tables: SourceTable[] = [];
  readonly warnings: string[] = [];
  readonly #counter: NumberingCounter;
  #textBoxes = 0;

  constructor(
    private readonly styles: Map<string, Style>,
    numbering: NumberingDefinitions,
    private readonly budget: CellBudget,
    private readonly deadline: Deadline,
  ) {
    this.#counter = new NumberingCounter(numbering);
  }

  #style(id: string | undefined): { outline?: number; numId?: string; ilvl?: number; heading?: number } {
    const out: { outline?: number; numId?: string; ilvl?: number; heading?: number } = {};
    let guard = 0;
    for (let s = id ? this.styles.get(id) : undefined; s && guard < 20; s = s.basedOn ? this.styles.get(s.basedOn) : undefined, guard++) {
      if (out.outline === undefined && s.outline !== undefined) out.outline = s.outline;
      if (out.numId === undefined && s.numId !== undefined) out.numId = s.numId;
      if (out.ilvl === undefined && s.ilvl !== undefined) out.ilvl = s.ilvl;
      const m = /^(?:heading|标题)\s*(\d)$/u.exec(s.name);
      if (out.heading === undefined && m) out.heading = Number(m[1]);
      if (out.heading === undefined && s.name === 'title') out.heading = 0;
    }
    return out;
  }

  /** The text of a paragraph and the paragraphs of text boxes inside it. */
  #paragraphText(p: XmlElement, boxes: XmlElement[]): string {
    return paragraphText(p.children, boxes, '');
  }

  #addLine(text: string, extra: { table?: number; heading?: number }): number {
    this.budget.add();
    const line = this.lines.length + 1;
    this.lines.push({ line, text, ...extra });
    return line;
  }

  /** Adds a paragraph's lines (a line break inside a paragraph starts a new line); returns the first. */
  paragraph(p: XmlElement, table?: number): { first: number; text: string } {
    const pPr = child(p, 'pPr');
    const styleId = val(pPr ? child(pPr, 'pStyle') : undefined);
    const style = this.#style(styleId);
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const numId = val(numPr ? child(numPr, 'numId') : undefined) ?? style.numId;
    const ilvlText = val(numPr ? child(numPr, 'ilvl') : undefined);
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : (style.ilvl ?? 0);
    const outlineText = val(pPr ? child(pPr, 'outlineLvl') : undefined);
    const outline = outlineText !== undefined ? Number(outlineText) : style.outline;
    const boxes: XmlElement[] = [];
    let text = this.#paragraphText(p, boxes);
    if (numId && numId !== '0' && Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8) {
      text = this.#counter.next(numId, ilvl) + text;
    } else if (text.trim() !== '') this.#counter.gap();
    let heading: number | undefined;
    if (style.heading !== undefined && style.heading > 0) heading = style.heading;
    else if (outline !== undefined && outline >= 0 && outline <= 8) heading = outline + 1;
    const parts = text.split('\n');
    let first = 0;
    parts.forEach((part, i) => {
      const n = this.#addLine(part, {
        ...(table !== undefined ? { table } : {}),
        ...(heading !== undefined && i === 0 ? { heading } : {}),
      });
      if (i === 0) first = n;
    });
    for (const box of boxes) {
      this.#textBoxes++;
      this.blocks(box.children, table);
    }
    return { first, text };
  }

  /** Body-level content: paragraphs, tables, content controls. */
  blocks(nodes: readonly XmlNode[], table?: number): { first: number; texts: string[] } {
    let first = 0;
    const texts: string[] = [];
    for (const n of nodes) {
      if (!isElement(n)) continue;
      this.deadline.check();
      if (n.name === 'p') {
        const r = this.paragraph(n, table);
        if (!first) first = r.first;
        texts.push(r.text);
      } else if (n.name === 'tbl') {
        const inner = this.table(n);
        if (!first) first = inner.line;
        // a nested table's text also belongs to its cell
        texts.push(inner.rows.map((row) => row.map((c) => c.text).join('\t')).join('\n'));
      } else if (n.name === 'altChunk') {
        this.warnings.push('文档中有嵌入的外部内容（altChunk），未读取');
      } else if (TRANSPARENT.has(n.name)) {
        const r = this.blocks(n.children, table);
        if (!first) first = r.first;
        texts.push(...r.texts);
      }
    }
    return { first, texts };
  }

  /** Rows and cells of a table, with merges resolved. */
  table(tbl: XmlElement): SourceTable {
    const index = this.tables.length;
    const placeholder: SourceTable = { index, line: this.lines.length + 1, rows: [] };
    this.tables.push(placeholder);
    type Mutable = { -readonly [K in keyof SourceCell]: SourceCell[K] };
    const rows: Mutable[][] = [];
    /** The open vertical merge at each grid column: the cell above that a `continue` extends. */
    const open = new Map<number, Mutable>();
    const unwrap = (nodes: readonly XmlNode[], name: string): XmlElement[] => {
      const out: XmlElement[] = [];
      for (const n of nodes) {
        if (!isElement(n)) continue;
        if (n.name === name) out.push(n);
        else if (n.name === 'sdt' || n.name === 'sdtContent' || n.name === 'customXml') out.push(...unwrap(n.children, name));
      }
      return out;
    };
    let firstLine = 0;
    for (const tr of unwrap(tbl.children, 'tr')) {
      const r = rows.length;
      const row: Mutable[] = [];
      const trPr = child(tr, 'trPr');
      let col = Number(val(trPr ? child(trPr, 'gridBefore') : undefined) ?? '0') || 0;
      for (const tc of unwrap(tr.children, 'tc')) {
        this.deadline.check();
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Math.min(1000, Number(val(tcPr ? child(tcPr, 'gridSpan') : undefined) ?? '1') || 1));
        const vMergeEl = tcPr ? child(tcPr, 'vMerge') : undefined;
        const vMerge = vMergeEl ? (val(vMergeEl) === 'restart' ? 'restart' : 'continue') : null;
        const hMergeEl = tcPr ? child(tcPr, 'hMerge') : undefined;
        const hMerge = hMergeEl ? (val(hMergeEl) === 'restart' ? 'restart' : 'continue') : null;
        const above = open.get(col);
        if (vMerge === 'continue' && above && above.row + above.rowSpan === r && above.colSpan === span) {
          above.rowSpan += 1;
          col += span;
          continue;
        }
        const last = row[row.length - 1];
        if (hMerge === 'continue' && last && last.col + last.colSpan === col) {
          last.colSpan += span;
          col += span;
          continue;
        }
        const content = this.blocks(tc.children, index);
        if (!firstLine && content.first) firstLine = content.first;
        const cell: Mutable = { text: content.texts.join('\n'), row: r, col, rowSpan: 1, colSpan: span };
        if (content.first) cell.line = content.first;
        row.push(cell);
        for (let c = col; c < col + span; c++) open.delete(c);
        // a continuation with nothing to continue starts a merge of its own, as Word shows it
        if (vMerge !== null) open.set(col, cell);
        col += span;
      }
      rows.push(row);
    }
    const table: SourceTable = { index, line: firstLine || placeholder.line, rows };
    this.tables[index] = table;
    return table;
  }

  finish(): void {
    if (this.#textBoxes > 0) this.warnings.push(`文档中有 ${this.#textBoxes} 个文本框，其文字已按所在段落之后的顺序读出`);
  }
}

const CONTENT_TYPES = '[Content_Types].xml';

/** Reads a .docx. @throws DomainError file-corrupt / zip-bomb / xml-* / file-timeout / file-too-large */
export function readDocx(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): SourceDocument {
  const zip: ZipArchive = openZip(bytes, file, limits);
  const inflate: InflateBudget = { expanded: 0 };
  const text = (name: string) => readText(bytes, zip, name, file, limits, deadline, inflate);
  if (!zip.find(CONTENT_TYPES)) throw readError(ReadErrorCode.corrupt, file, '不是有效的 Word 文档（缺少 [Content_Types].xml）');
  const rootRels = relationships(text('_rels/.rels'), '', file, limits, deadline);
  const main = rootRels.get('officeDocument') ?? 'word/document.xml';
  const documentXml = text(main) ?? text('word/document.xml');
  if (documentXml === null) throw readError(ReadErrorCode.corrupt, file, '不是有效的 Word 文档（缺少正文 word/document.xml）');
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = relationships(text(`${dir}_rels/${main.slice(dir.length)}.rels`), dir, file, limits, deadline);
  const stylesXml = text(rels.get('styles') ?? `${dir}styles.xml`);
  const numberingXml = text(rels.get('numbering') ?? `${dir}numbering.xml`);
  const styles = stylesXml ? readStyles(parseXml(stylesXml, file, 'styles.xml', limits, deadline)) : new Map<string, Style>();
  const numbering = numberingXml
    ? readNumbering(parseXml(numberingXml, file, 'numbering.xml', limits, deadline))
    : { abstracts: new Map(), nums: new Map() };
  const document = parseXml(documentXml, file, 'document.xml', limits, deadline);
  const body = findFirst(document, 'body');
  if (!body) throw readError(ReadErrorCode.corrupt, file, '不是有效的 Word 文档（正文为空或结构损坏）');
  const reader = new DocxReader(styles, numbering, new CellBudget(file, limits.maxCells), deadline);
  reader.blocks(body.children);
  reader.finish();
  return { file, format: 'docx', lines: reader.lines, tables: reader.tables, warnings: reader.warnings };
}

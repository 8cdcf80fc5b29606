/**
 * Saved web pages: .html/.htm as published on government sites (政府信息公开), and the "single file web
 * page" .mht/.mhtml that Word and browsers save (MIME multipart/related; its text/html part is read).
 *
 * The page is parsed with parse5 (the WHATWG tree-building algorithm: unclosed <td>/<p>, implied
 * <tbody>, misnested tags come out as a browser shows them). Then:
 *
 * - every block element (p, div, h1–h6, li, br…) gives numbered lines; h1–h6 give heading levels;
 *   ordered lists get their numbers ("1.") as the browser draws them;
 * - a data table gives a {@link SourceTable} with rowspan/colspan merges placed by the HTML table model
 *   (cells skip the columns that merged cells above still occupy); its cells' lines carry the table's
 *   index. A layout table (a table around other tables, a single column, role="presentation") is read
 *   as ordinary blocks;
 * - scripts, styles, forms' controls, hidden elements, and navigation/share/footer containers (by tag,
 *   class or id; only when small and without tables, so a report inside one is never lost) are dropped;
 *   the remaining web furniture (打印本页, 【字体：大 中 小】…) is text the importer already ignores;
 * - what is not read is listed: pictures (tables published as images), embedded frames, linked
 *   attachments (.xls/.doc/.pdf to download).
 *
 * Charset: a byte-order mark, else the `<meta charset>` / `http-equiv` declaration, else detection —
 * text that is valid UTF-8 is UTF-8 whatever the page declares (pages re-saved by browsers keep a stale
 * gb2312 declaration), the GB family and undeclared pages go through the text reader's decoder
 * (UTF-8, else GB18030).
 *
 * Bounds: the file size like every reader; elements created are counted against 4 × `maxCells` and the
 * open-element depth against 4 × `maxXmlDepth` (old pages nest unclosed <font> tags deeply) inside the
 * parser itself, which also checks the deadline, so a hostile page stops early.
 * @module
 */
import { type DefaultTreeAdapterTypes, type TreeAdapter, defaultTreeAdapter, parse } from 'parse5';
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { CellBudget, type Deadline, type Limits, ReadErrorCode, readError } from './limits.ts';
import { formatNumber } from './numbering.ts';
import { decodeText } from './text.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;
type TreeMap = DefaultTreeAdapterTypes.DefaultTreeAdapterMap;

// ---------------------------------------------------------------------------------------------------------
// Recognising a page

const latin1 = (bytes: Uint8Array, max: number): string => new TextDecoder('latin1').decode(bytes.subarray(0, max));

/** The first bytes as ASCII-ish text: a UTF-16 page loses its zero bytes, a BOM is dropped. */
function headText(bytes: Uint8Array, max = 2048): string {
  return latin1(bytes, max).replace(/\0/gu, '').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/u, '');
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|span|font|center|link|script|style|base|h[1-6]|br|hr|ol|ul|li|img|a|b|i|u|em|strong|pre|form|section|article|header|nav|main|iframe)[\s>/]/iu;
const MIME_HEADER = /^[\w-]+:[^\n]*\r?\n/u;

/** A single-file web page: MIME headers with MIME-Version and a multipart/related or text/html type. */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = headText(bytes, 8192);
  const headers = head.split(/\r?\n\r?\n/u)[0] ?? '';
  return MIME_HEADER.test(head) && /^MIME-Version:/imu.test(headers) && /^Content-Type:\s*(?:multipart\/related|text\/html)/imu.test(headers);
}

/** Whether the bytes are an HTML page (or a saved single-file page), by content, not by name. */
export function isHtml(bytes: Uint8Array): boolean {
  return HTML_START.test(headText(bytes)) || isMhtml(bytes);
}

// ---------------------------------------------------------------------------------------------------------
// Single-file web pages (RFC 2557)

type MimePart = { readonly headers: Map<string, string>; readonly body: string };

function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const m = /^([\w-]+):\s*(.*)$/u.exec(line);
    if (m && !out.has((m[1] ?? '').toLowerCase())) out.set((m[1] ?? '').toLowerCase(), (m[2] ?? '').trim());
  }
  return out;
}

function splitPart(text: string): MimePart {
  const m = /\r?\n\r?\n/u.exec(text);
  return m ? { headers: parseHeaders(text.slice(0, m.index)), body: text.slice(m.index + m[0].length) } : { headers: parseHeaders(text), body: '' };
}

const param = (value: string | undefined, name: string): string | undefined =>
  value ? new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value)?.slice(1).find((v) => v !== undefined) : undefined;

function transferDecode(body: string, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').toLowerCase();
  if (enc === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64'));
  const text = enc === 'quoted-printable' ? body.replace(/=\r?\n/gu, '') : body;
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (enc === 'quoted-printable' && c === 0x3d && /^[0-9A-Fa-f]{2}$/u.test(text.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** The HTML of a single-file web page and the charset its MIME part declares. */
function mhtmlPage(bytes: Uint8Array, file: string): { bytes: Uint8Array; charset?: string } {
  const whole = new TextDecoder('latin1').decode(bytes);
  const top = splitPart(whole);
  const type = top.headers.get('content-type') ?? '';
  let parts: MimePart[] = [top];
  const boundary = param(type, 'boundary');
  if (/^multipart\//iu.test(type)) {
    if (!boundary) throw readError(ReadErrorCode.corrupt, file, '是单文件网页（.mht），但缺少分段标记（boundary），无法读取');
    parts = top.body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).map((p) => splitPart(p.replace(/^\r?\n/u, '')));
  }
  const page = parts.find((p) => /^text\/html/iu.test(p.headers.get('content-type') ?? ''));
  if (!page) throw readError(ReadErrorCode.corrupt, file, '是单文件网页（.mht），但其中没有网页正文（text/html）');
  const charset = param(page.headers.get('content-type'), 'charset');
  return { bytes: transferDecode(page.body, page.headers.get('content-transfer-encoding')), ...(charset ? { charset } : {}) };
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312|csgb2312|chinese|iso-ir-58)$/iu;
const UTF8 = /^(?:utf-?8|unicode-1-1-utf-8)$/iu;

/** The charset a page declares in its first bytes (<meta charset>, <meta http-equiv content="…charset=…">). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes, 8192);
  for (const meta of head.match(/<meta\b[^>]*>/giu) ?? []) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(meta);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** At most this share of a page's characters may be broken UTF-8 for it still to be read as UTF-8. */
const BROKEN_UTF8_SHARE = 0.001;

/**
 * The page's text. The GB family, UTF-8 and undeclared pages go through the text reader's decoder;
 * another declared charset (big5, windows-1252…) is used when the bytes are not valid UTF-8. A UTF-8 page
 * (declared or not) with a few broken bytes (a page cut or patched by hand) stays UTF-8, the broken bytes
 * replaced by U+FFFD and counted: read as GB18030 all of it would be garbled.
 */
export function decodeHtml(bytes: Uint8Array, file: string, hint?: string): { text: string; encoding: string; replaced?: number } {
  const declared = hint ?? declaredCharset(bytes);
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!bom && (declared === undefined || UTF8.test(declared)) && !isUtf8(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    let replaced = 0;
    let wide = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) replaced++;
      else if (c > 0x7f) wide++;
    }
    // GB18030 bytes read as UTF-8 break at nearly every Chinese character; a UTF-8 page breaks at a few
    if (replaced <= Math.max(8, text.length * BROKEN_UTF8_SHARE) && replaced * 20 <= wide) return { text, encoding: 'UTF-8', replaced };
  }
  if (!bom && declared && !GB_FAMILY.test(declared) && !UTF8.test(declared) && !/^utf-?16/iu.test(declared) && !isUtf8(bytes)) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(declared);
    } catch {
      decoder = undefined; // an unknown label: detect instead
    }
    if (decoder) {
      const text = decoder.decode(bytes);
      if (text.trim() === '') throw readError(ReadErrorCode.empty, file, '没有文字内容');
      return { text, encoding: decoder.encoding };
    }
  }
  return decodeText(bytes, file);
}

// ---------------------------------------------------------------------------------------------------------
// Parsing, bounded

/** parse5's default tree with a count of elements, the open-element depth and the deadline checked as it grows. */
function boundedAdapter(file: string, limits: Limits, deadline: Deadline): TreeAdapter<TreeMap> {
  const maxElements = limits.maxCells * 4;
  const maxDepth = limits.maxXmlDepth * 4;
  let elements = 0;
  let depth = 0;
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      elements++;
      if ((elements & 0x3ff) === 0) deadline.check();
      if (elements > maxElements) throw readError(ReadErrorCode.tooLarge, file, `网页元素过多（超过 ${maxElements} 个），拒绝读取`);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
    onItemPush() {
      depth++;
      if (depth > maxDepth) throw readError(ReadErrorCode.xmlTooDeep, file, `网页元素嵌套超过 ${maxDepth} 层，结构异常，拒绝读取`);
    },
    onItemPop() {
      depth--;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The page as lines and tables

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;

/** Content that is never text of the report. */
const DROPPED = new Set([
  'head', 'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'canvas', 'audio', 'video', 'select', 'option', 'button', 'input', 'textarea', 'map', 'xml', 'link', 'meta', 'title', 'dialog',
]);
const EMBEDDED = new Set(['iframe', 'frame', 'object', 'embed', 'applet']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li',
  'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'plaintext', 'section', 'summary', 'ul', 'xmp', 'caption', 'tr', 'td', 'th',
  'thead', 'tbody', 'tfoot', 'table',
]);
const HEADING = /^h([1-6])$/u;
/** Navigation, share bars, footers and <noscript> notes by tag, class or id (a whole class/id word, or one joined by - or _). */
const FURNITURE_TAG = new Set(['nav', 'footer', 'aside', 'noscript']);
const FURNITURE_NAME = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|position|location|share|bdsharebuttonbox|footer|foot|copyright|sidebar|toolbar)(?:$|[\s_-])/iu;
/** A furniture container is dropped only when it is this small and holds no table: a report inside one is kept. */
const FURNITURE_MAX_CHARS = 1000;
const ATTACHMENT = /\.(?:docx?|xlsx?|et|wps|pdf|zip|rar|7z|ofd)(?:$|[?#])/iu;
const ICON = /logo|icon|banner|btn|button|share|qr|ewm|erweima|weixin|wechat|weibo|arrow|dot|line|bg|spacer|blank|gif$/iu;
const ASCII_SPACE = /[ \t\n\r\f]+/gu;
const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const SEGMENT_BREAK = new RegExp(`([${WIDE}])[ \\t]*[\\r\\n][ \\t\\r\\n\\f]*(?=[${WIDE}])`, 'gu');
const WIDE_END = new RegExp(`[${WIDE}]$`, 'u');
const WIDE_START = new RegExp(`^[${WIDE}]`, 'u');

const isHidden = (e: Element): boolean => {
  if (attr(e, 'hidden') !== undefined) return true;
  const style = (attr(e, 'style') ?? '').toLowerCase();
  return /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/u.test(style);
};

/** Text length of an element's visible content, up to `max` (stops counting beyond). */
function textLength(e: Element, max: number): number {
  let n = 0;
  const stack: Node[] = [...e.childNodes];
  while (stack.length > 0 && n <= max) {
    const node = stack.pop();
    if (!node) break;
    if (node.nodeName === '#text') n += (node as DefaultTreeAdapterTypes.TextNode).value.replace(ASCII_SPACE, '').length;
    else if (isElement(node) && !DROPPED.has(node.tagName)) stack.push(...node.childNodes);
  }
  return n;
}

const hasDescendant = (e: Element, tag: string): boolean => {
  const stack: Node[] = [...e.childNodes];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || !isElement(node)) continue;
    if (node.tagName === tag) return true;
    stack.push(...node.childNodes);
  }
  return false;
};

const isFurniture = (e: Element): boolean => {
  if (!FURNITURE_TAG.has(e.tagName) && !FURNITURE_NAME.test(`${attr(e, 'class') ?? ''} ${attr(e, 'id') ?? ''}`)) return false;
  if (e.tagName === 'table' || e.tagName === 'td' || e.tagName === 'tr') return false;
  return !hasDescendant(e, 'table') && textLength(e, FURNITURE_MAX_CHARS) <= FURNITURE_MAX_CHARS;
};

const directChildren = (e: Element, tags: ReadonlySet<string>): Element[] =>
  e.childNodes.filter((c): c is Element => isElement(c) && tags.has(c.tagName));

const ROW_GROUPS = new Set(['thead', 'tbody', 'tfoot']);
const TR = new Set(['tr']);
const CELLS = new Set(['td', 'th']);

/** The rows of a table (not those of tables inside it), in document order. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (ROW_GROUPS.has(c.tagName)) rows.push(...directChildren(c, TR));
  }
  return rows;
}

/** More text than a data cell holds (the longest cells of a 自评表, 年度总体目标 or 厉行节约措施, have a few hundred characters). */
const PAGE_CELL_CHARS = 1500;
const countOf = (e: Element, tags: ReadonlySet<string>, max: number): number => {
  let n = 0;
  const stack: Node[] = [...e.childNodes];
  while (stack.length > 0 && n < max) {
    const node = stack.pop();
    if (!node || !isElement(node)) continue;
    if (tags.has(node.tagName)) n++;
    stack.push(...node.childNodes);
  }
  return n;
};
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PARAGRAPHS = new Set(['p', 'div', 'br', 'li']);

/**
 * A table for layout rather than data: around other tables, one column, marked presentational, or with a
 * cell that holds a page (headings, dozens of paragraphs, more text than a data cell): an old site's
 * navigation column beside the article column.
 */
function isLayoutTable(table: Element, rows: readonly Element[]): boolean {
  const role = attr(table, 'role');
  if (role === 'presentation' || role === 'none') return true;
  const cells = rows.map((r) => directChildren(r, CELLS));
  if (cells.every((c) => c.length <= 1)) return true;
  return cells.some((row) => row.some((cell) =>
    hasDescendant(cell, 'table') || countOf(cell, HEADINGS, 1) > 0 || countOf(cell, PARAGRAPHS, 20) >= 20 || textLength(cell, PAGE_CELL_CHARS) > PAGE_CELL_CHARS));
}

const spanOf = (e: Element, name: string, max: number): number => {
  const n = Number.parseInt(attr(e, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : 1;
};

const LIST_TYPES: Record<string, string> = { '1': 'decimal', a: 'lowerLetter', A: 'upperLetter', i: 'lowerRoman', I: 'upperRoman' };

class HtmlReader {
  readonly lines: SourceLine[] = [];
  readonly tables: SourceTable[] = [];
  #buffer = '';
  #heading: number | undefined;
  #pre = 0;
  #images = 0;
  #embedded = 0;
  readonly #attachments: string[] = [];

  constructor(
    private readonly budget: CellBudget,
    private readonly deadline: Deadline,
  ) {}

  #push(text: string, table: number | undefined, heading?: number): number {
    this.budget.add();
    const line = this.lines.length + 1;
    this.lines.push({ line, text, ...(table !== undefined ? { table } : {}), ...(heading !== undefined ? { heading } : {}) });
    return line;
  }

  /** Ends the line being written; whitespace-only text gives no line. */
  #flush(table: number | undefined): void {
    const text = this.#buffer.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/gu, '').replace(/\u00a0/gu, ' ');
    const heading = this.#heading;
    this.#buffer = '';
    this.#heading = undefined;
    if (text.replace(/[ \u3000]/gu, '') === '') return;
    this.#push(text, table, heading);
  }

  /** An empty paragraph or a second <br>: a blank line outside tables (never two in a row, never first). */
  #blank(table: number | undefined): void {
    const last = this.lines[this.lines.length - 1];
    if (table === undefined && last && last.text !== '' && last.table === undefined) this.#push('', undefined);
  }

  #text(value: string, table: number | undefined): void {
    if (this.#pre > 0) {
      const parts = value.split(/\r\n|\r|\n/u);
      parts.forEach((part, i) => {
        if (i > 0) this.#flush(table);
        this.#buffer += part;
      });
      return;
    }
    // a line break in the source between two Chinese characters is no space (CSS Text 3 §4.1.3): pages saved
    // from Word wrap their source lines inside sentences
    let v = value.replace(SEGMENT_BREAK, '$1');
    if (/^[ \t]*[\r\n]/u.test(v) && WIDE_END.test(this.#buffer) && WIDE_START.test(v.replace(/^[ \t\r\n\f]+/u, ''))) v = v.replace(/^[ \t\r\n\f]+/u, '');
    const collapsed = v.replace(ASCII_SPACE, ' ');
    this.#buffer += this.#buffer.endsWith(' ') && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
  }

  /** Walks nodes; `table` is the data table their lines belong to. */
  walk(nodes: readonly ChildNode[], table: number | undefined): void {
    for (const n of nodes) {
      if (n.nodeName === '#text') this.#text((n as DefaultTreeAdapterTypes.TextNode).value, table);
      else if (isElement(n)) this.#element(n, table);
    }
  }

  #element(e: Element, table: number | undefined): void {
    const tag = e.tagName;
    if (DROPPED.has(tag)) {
      if (EMBEDDED.has(tag)) this.#embedded++;
      return;
    }
    if (isHidden(e) || isFurniture(e)) return;
    switch (tag) {
      case 'br': {
        const empty = this.#buffer.replace(/[ \t\n\r\f]/gu, '') === '';
        this.#flush(table);
        if (empty) this.#blank(table);
        return;
      }
      case 'img': this.#image(e); return;
      case 'a': {
        const href = attr(e, 'href') ?? '';
        if (ATTACHMENT.test(href)) {
          const start = this.#buffer.length;
          this.walk(e.childNodes, table);
          const text = this.#buffer.length >= start ? this.#buffer.slice(start).replace(ASCII_SPACE, ' ').trim() : '';
          const label = text || decodeURIComponentSafe(href.split(/[?#]/u)[0]?.split('/').pop() ?? href);
          if (label && !this.#attachments.includes(label)) this.#attachments.push(label);
          return;
        }
        this.walk(e.childNodes, table);
        return;
      }
      case 'table': this.#table(e, table); return;
      case 'pre': case 'listing': case 'xmp': case 'plaintext':
        this.#flush(table);
        this.#pre++;
        this.walk(e.childNodes, table);
        this.#pre--;
        this.#flush(table);
        return;
      case 'ol': case 'ul': this.#list(e, table); return;
      default:
    }
    if (!BLOCK.has(tag)) {
      this.walk(e.childNodes, table);
      return;
    }
    this.deadline.check();
    this.#flush(table);
    const level = HEADING.exec(tag);
    if (level) this.#heading = Number(level[1]);
    const before = this.lines.length;
    this.walk(e.childNodes, table);
    const hadText = this.#buffer.replace(/[ \t\n\r\f\u00a0\u3000]/gu, '') !== '';
    this.#flush(table);
    this.#heading = undefined;
    if (tag === 'p' && !hadText && this.lines.length === before) this.#blank(table);
  }

  #image(e: Element): void {
    const size = (name: string) => Number.parseInt(attr(e, name) ?? (new RegExp(`${name}\\s*:\\s*(\\d+)`, 'u').exec(attr(e, 'style') ?? '')?.[1] ?? ''), 10);
    const width = size('width');
    const height = size('height');
    if ((Number.isFinite(width) && width < 120) || (Number.isFinite(height) && height < 60)) return;
    if (ICON.test(attr(e, 'src') ?? '') || ICON.test(attr(e, 'class') ?? '')) return;
    this.#images++;
  }

  #list(e: Element, table: number | undefined): void {
    this.#flush(table);
    const ordered = e.tagName === 'ol';
    const format = LIST_TYPES[attr(e, 'type') ?? '1'] ?? 'decimal';
    let n = Number.parseInt(attr(e, 'start') ?? '1', 10);
    if (!Number.isFinite(n)) n = 1;
    for (const c of e.childNodes) {
      if (!isElement(c) || c.tagName !== 'li') {
        if (isElement(c)) this.#element(c, table);
        else if (c.nodeName === '#text') this.#text((c as DefaultTreeAdapterTypes.TextNode).value, table);
        continue;
      }
      if (isHidden(c)) continue;
      const value = Number.parseInt(attr(c, 'value') ?? '', 10);
      if (Number.isFinite(value)) n = value;
      this.#flush(table);
      if (ordered) this.#buffer = `${formatNumber(n, format)}.`;
      this.walk(c.childNodes, table);
      this.#flush(table);
      n++;
    }
  }

  #table(e: Element, outer: number | undefined): void {
    this.#flush(outer);
    const rows = tableRows(e);
    for (const caption of directChildren(e, new Set(['caption']))) {
      this.walk(caption.childNodes, outer);
      this.#flush(outer);
    }
    if (isLayoutTable(e, rows)) {
      // each cell is a block of the page
      for (const row of rows) {
        for (const cell of directChildren(row, CELLS)) {
          if (isHidden(cell)) continue;
          this.walk(cell.childNodes, outer);
          this.#flush(outer);
        }
      }
      return;
    }
    const index = this.tables.length;
    const placeholder: SourceTable = { index, line: this.lines.length + 1, rows: [] };
    this.tables.push(placeholder);
    type Mutable = { -readonly [K in keyof SourceCell]: SourceCell[K] };
    const out: Mutable[][] = [];
    /** First row index each column is free again (after the merged cells above it). */
    const busyUntil: number[] = [];
    rows.forEach((tr, r) => {
      this.deadline.check();
      const row: Mutable[] = [];
      let col = 0;
      for (const td of directChildren(tr, CELLS)) {
        while ((busyUntil[col] ?? 0) > r) col++;
        const colSpan = Math.max(1, spanOf(td, 'colspan', 1000));
        const declared = spanOf(td, 'rowspan', 65534);
        // rowspan="0" runs to the end of the table; no span runs past it
        const rowSpan = Math.max(1, Math.min(declared === 0 ? rows.length - r : declared, rows.length - r));
        const first = this.lines.length;
        this.walk(td.childNodes, index);
        this.#flush(index);
        if (this.lines.length === first) this.#push('', index);
        const texts = this.lines.slice(first).map((l) => l.text);
        this.budget.add();
        row.push({ text: texts.join('\n'), row: r, col, rowSpan, colSpan, line: first + 1 });
        for (let c = col; c < col + colSpan; c++) busyUntil[c] = r + rowSpan;
        col += colSpan;
      }
      out.push(row);
    });
    this.tables[index] = { index, line: out.flat()[0]?.line ?? placeholder.line, rows: out };
  }

  /** Ends the text that runs to the end of the page outside any block. */
  end(): void {
    this.#flush(undefined);
  }

  warnings(): string[] {
    const out: string[] = [];
    if (this.#images > 0) out.push(`网页中有 ${this.#images} 张图片，图片里的文字没有读取（报表若以图片发布，请向单位索取原件）`);
    if (this.#embedded > 0) out.push(`网页中有 ${this.#embedded} 处嵌入的外部内容（iframe/object），没有读取`);
    if (this.#attachments.length > 0) {
      const shown = this.#attachments.slice(0, 10).map((a) => `「${a}」`).join('、');
      out.push(`网页链接了附件 ${shown}${this.#attachments.length > 10 ? ` 等 ${this.#attachments.length} 个` : ''}，附件的内容没有读取；请下载后一并审核`);
    }
    return out;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reads a saved web page (.html/.htm, or .mht/.mhtml).
 * @throws DomainError file-empty, file-corrupt (a broken .mht), file-too-large, xml-too-deep, file-timeout
 */
export function readHtml(bytes: Uint8Array, file: string, limits: Limits, deadline: Deadline): SourceDocument {
  const warnings: string[] = [];
  let page = bytes;
  let charset: string | undefined;
  if (isMhtml(bytes)) {
    ({ bytes: page, charset } = mhtmlPage(bytes, file));
    if (page.length === 0) throw readError(ReadErrorCode.empty, file, '是单文件网页（.mht），但网页正文为空');
  }
  const { text, replaced } = decodeHtml(page, file, charset);
  if (replaced) warnings.push(`网页中有 ${replaced} 处字节不是有效的 UTF-8 编码，已显示为「\ufffd」`);
  deadline.check();
  // as a browser without scripts shows it: <noscript> content is markup (a page that fills its article by
  // script often repeats it there); small <noscript> notes are dropped with the furniture
  const document = parse(text, { treeAdapter: boundedAdapter(file, limits, deadline), scriptingEnabled: false });
  deadline.check();
  const reader = new HtmlReader(new CellBudget(file, limits.maxCells), deadline);
  const html = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  const body = html?.childNodes.find((n): n is Element => isElement(n) && (n.tagName === 'body' || n.tagName === 'frameset'));
  if (body?.tagName === 'frameset') warnings.push('网页由多个框架（frameset）组成，框架中的页面没有读取；请打开正文所在的页面另存后再审核');
  if (body) reader.walk(body.childNodes, undefined);
  reader.end();
  const lines = reader.lines;
  while (lines.length > 0 && lines[lines.length - 1]?.text === '' && lines[lines.length - 1]?.table === undefined) lines.pop();
  if (!lines.some((l) => l.text.trim() !== '')) {
    throw readError(ReadErrorCode.empty, file, `是网页，但正文没有文字${reader.warnings().length > 0 ? `（${reader.warnings().join('；')}）` : ''}`);
  }
  return { file, format: 'html', lines, tables: reader.tables, warnings: [...warnings, ...reader.warnings()] };
}

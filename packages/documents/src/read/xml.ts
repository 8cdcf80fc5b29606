/**
 * XML for Office parts, parsed safely: any DOCTYPE or ENTITY declaration is refused (no entity
 * expansion, no "billion laughs"), nesting deeper than the limit is refused, and entities are never
 * expanded by the parser. The five XML entities and character references are decoded here, in text and
 * attribute values only.
 *
 * `parseXml` runs `checkXml` (fast-xml-parser reads a DOCTYPE instead of refusing it, and its nesting
 * limit has no Chinese message) and then fast-xml-parser 5 — a maintained parser — keeping the order of
 * the children, and converts its output to elements with local names.
 * @module
 */
import { isDomainError } from '@jixiao/core';
import { XMLParser } from 'fast-xml-parser';
import { type Deadline, type Limits, ReadErrorCode, readError } from './limits.ts';

export type XmlElement = {
  /** The local name, without namespace prefix (`p`, `tbl`, `t`). */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
};
export type XmlText = { readonly text: string };
export type XmlNode = XmlElement | XmlText;

export const isElement = (n: XmlNode): n is XmlElement => 'name' in n;

const entitiesError = (file: string, part: string) =>
  // <!DOCTYPE …> or <!ENTITY …>: never needed in Office files, the vector of entity-expansion attacks.
  readError(ReadErrorCode.xmlEntities, file, `中的「${part}」含有 DOCTYPE/ENTITY 声明（可用于实体膨胀攻击，如 billion laughs），已拒绝读取`);
const tooDeepError = (file: string, part: string, limits: Limits) =>
  readError(ReadErrorCode.xmlTooDeep, file, `中的「${part}」嵌套超过 ${limits.maxXmlDepth} 层，结构异常，已拒绝读取`);

/**
 * Refuses DTDs and entity declarations and measures the nesting depth without recursion.
 * @throws DomainError xml-entities / xml-too-deep / file-corrupt
 */
export function checkXml(xml: string, file: string, part: string, limits: Limits, deadline: Deadline): void {
  checkFrom(xml, xml.indexOf('<'), 0, file, part, limits, deadline);
}

/** {@link checkXml} from the `<` at `i` (or -1: nothing left) with `depth` elements open. */
function checkFrom(xml: string, i: number, depth: number, file: string, part: string, limits: Limits, deadline: Deadline): void {
  const n = xml.length;
  let steps = 0;
  while (i !== -1 && i < n) {
    if ((++steps & 0xffff) === 0) deadline.check();
    const c = xml.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        i = end === -1 ? n : end + 3;
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i + 9);
        i = end === -1 ? n : end + 3;
      } else {
        throw entitiesError(file, part);
      }
    } else if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === 0x2f /* / */) {
      depth--;
      const end = xml.indexOf('>', i + 2);
      i = end === -1 ? n : end + 1;
    } else {
      // A start tag: find its end, skipping quoted attribute values (which may contain '>').
      let j = i + 1;
      let quote = 0;
      while (j < n) {
        const d = xml.charCodeAt(j);
        if (quote) {
          if (d === quote) quote = 0;
        } else if (d === 0x22 || d === 0x27) quote = d;
        else if (d === 0x3e) break;
        j++;
      }
      if (xml.charCodeAt(j - 1) !== 0x2f) {
        depth++;
        if (depth > limits.maxXmlDepth) throw tooDeepError(file, part, limits);
      }
      i = j + 1;
    }
    i = xml.indexOf('<', i);
  }
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/gu;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named] ?? m;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
  });
}

const localName = (qname: string): string => {
  const k = qname.indexOf(':');
  return k === -1 ? qname : qname.slice(k + 1);
};

/**
 * Values and whitespace untouched, entities not processed (decoded by us), declarations and processing
 * instructions dropped, attributes kept without a prefix, children in order.
 */
const parserFor = (limits: Limits): XMLParser =>
  new XMLParser({
    preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', processEntities: false, htmlEntities: false,
    trimValues: false, parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true, ignorePiTags: true,
    allowBooleanAttributes: true,
    // checkXml has refused deeper nesting already, with its own message
    maxNestedTags: limits.maxXmlDepth + 1,
  });
const parsers = new Map<number, XMLParser>();

type Raw = Record<string, unknown>;

/** fast-xml-parser's ordered output (`[{ 'w:p': [...], ':@': { 'w:val': 'x' } }, { '#text': 'y' }]`) as elements with local names. */
function convert(raw: readonly Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      const value = item[key];
      if (key === '#text') {
        out.push({ text: decodeEntities(String(value ?? '')) });
        continue;
      }
      const attrs: Record<string, string> = {};
      // (fast-xml-parser refuses names that could reach a prototype: __proto__, constructor …)
      for (const [a, v] of Object.entries((item[':@'] ?? {}) as Raw)) attrs[localName(a)] = decodeEntities(String(v ?? ''));
      out.push({ name: localName(key), attrs, children: Array.isArray(value) ? convert(value as Raw[]) : [] });
    }
  }
  return out;
}

/**
 * Checks and parses an XML part into elements with local names.
 * @throws DomainError xml-entities / xml-too-deep / file-corrupt
 */
export function parseXml(xml: string, file: string, part: string, limits: Limits, deadline: Deadline): XmlNode[] {
  checkXml(xml, file, part, limits, deadline);
  let parser = parsers.get(limits.maxXmlDepth);
  if (!parser) parsers.set(limits.maxXmlDepth, (parser = parserFor(limits)));
  let nodes: XmlNode[];
  try {
    const raw: unknown = parser.parse(xml);
    nodes = Array.isArray(raw) ? convert(raw as Raw[]) : [];
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw readError(ReadErrorCode.corrupt, file, `已损坏（「${part}」不是有效的 XML）`);
  }
  deadline.check();
  return nodes;
}

/** The first child element with a local name. */
export const child = (e: XmlElement, name: string): XmlElement | undefined =>
  e.children.find((c): c is XmlElement => isElement(c) && c.name === name);

export const children = (e: XmlElement, name?: string): XmlElement[] =>
  e.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));

/** Finds the first element with a local name, depth first (iterative). */
export function findFirst(nodes: readonly XmlNode[], name: string): XmlElement | undefined {
  const stack: XmlNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || !isElement(n)) continue;
    if (n.name === name) return n;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c) stack.push(c);
    }
  }
  return undefined;
}

/** All text under an element, concatenated. */
export function textOf(e: XmlNode): string {
  if (!isElement(e)) return e.text;
  let s = '';
  for (const c of e.children) s += textOf(c);
  return s;
}

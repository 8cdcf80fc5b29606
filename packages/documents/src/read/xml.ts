/**
 * XML for Office parts, parsed safely: any DOCTYPE or ENTITY declaration is refused (no entity
 * expansion, no "billion laughs"), nesting deeper than the limit is refused, and entities are never
 * expanded. The five XML entities and character references are decoded here, in text and attribute values only.
 *
 * `parseXml` reads a part in one pass: our own parser (`buildTree`) builds the tree exactly as
 * fast-xml-parser 5 with the options we used followed by the conversion to local names did, and runs
 * `checkXml`'s scan along with it (the same refusals, the same errors first) instead of a pass of its own.
 * xml.test.ts compares it with checkXml + fast-xml-parser + conversion on the fixture's parts and on random
 * markup. It costs about a fifth of the two passes, with no intermediate objects.
 * @module
 */
import { isDomainError } from '@jixiao/core';
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

/** `\s` of JavaScript regular expressions (and of `String.prototype.trim`): ECMAScript WhiteSpace and LineTerminator. */
export const isXmlSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) ||
  (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

const localName = (qname: string): string => {
  const k = qname.indexOf(':');
  return k === -1 ? qname : qname.slice(k + 1);
};

/** Names that could reach an object's prototype: a part naming a tag or an attribute so is refused. */
const CRITICAL = new Set(['__proto__', 'constructor', 'prototype']);
/** Names of `Object.prototype` methods, renamed `__name` so they cannot shadow them. */
const RENAMED = new Set(['hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Thrown inside the parser for malformed XML; becomes file-corrupt naming the part. */
class Malformed extends Error {}

function safeName(name: string): string {
  // all of them begin with `_`, `c`, `h`, `p`, `t` or `v`; Word's names begin with a prefix (`w:`, `r:`…)
  const c = name.charCodeAt(0);
  if (c !== 0x5f && c !== 0x63 && c !== 0x68 && c !== 0x70 && c !== 0x74 && c !== 0x76) return name;
  if (CRITICAL.has(name)) throw new Malformed(name);
  return RENAMED.has(name) ? `__${name}` : name;
}

/** Whether a name is an array index, which an object lists before its other keys. */
const startsWithDigit = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
};

/** One start tag's attribute names and values, reused from tag to tag (the parser is synchronous). */
const attrNames: string[] = [];
const attrValues: string[] = [];

/**
 * Reads the attributes of a start tag's attribute text (`s` from `from` to `n`, after the name) into
 * `attrNames`/`attrValues` and gives their number, as leniently as the parser this replaces: `name="v"` or
 * `name='v'` (the closing quote inside the text), a name without a value is "true", a stray quote starts a
 * name. Names that would reach an object's prototype throw; `Object.prototype`'s are renamed.
 */
function scanAttributes(s: string, from: number, n: number): number {
  let count = 0;
  let p = from;
  while (p < n) {
    let c = s.charCodeAt(p);
    if (c === 0x3d /* = */ || isXmlSpace(c)) {
      p++;
      continue;
    }
    const start = p;
    while (p < n && (c = s.charCodeAt(p)) !== 0x3d && !isXmlSpace(c)) p++;
    const name = safeName(s.slice(start, p));
    while (p < n && isXmlSpace(s.charCodeAt(p))) p++;
    let value = 'true';
    if (p < n && s.charCodeAt(p) === 0x3d) {
      let q = p + 1;
      while (q < n && isXmlSpace(s.charCodeAt(q))) q++;
      const quote = q < n ? s.charCodeAt(q) : 0;
      if (quote === 0x22 || quote === 0x27) {
        const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
        if (close !== -1 && close < n) {
          value = s.slice(q + 1, close);
          p = close + 1;
        }
      }
    }
    attrNames[count] = name;
    attrValues[count] = value;
    count++;
  }
  return count;
}

/** Shared by every element without attributes, and by every empty element (`<w:b/>`): read only. */
const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

/**
 * The attributes by local name, decoded. A name given twice keeps its first place and its last value;
 * then local names are taken in that order, a later one replacing an earlier one (`w:val` and `val`).
 */
function attributes(s: string, from: number, to: number): Readonly<Record<string, string>> {
  const count = scanAttributes(s, from, to);
  if (count === 0) return NO_ATTRIBUTES;
  const out: Record<string, string> = {};
  let k = 0;
  for (; k < count; k++) {
    const name = attrNames[k] ?? '';
    const local = localName(name);
    // (a local name found on the prototype, such as `constructor`, also takes the careful way)
    if (startsWithDigit(name) || out[local] !== undefined) break;
    out[local] = decodeEntities(attrValues[k] ?? '');
  }
  if (k === count) return out;
  // Rare: a repeated name, two names with one local name, or a numeric name. Keep the order an object gives.
  const raw: Record<string, string> = {};
  for (let j = 0; j < count; j++) raw[attrNames[j] ?? ''] = attrValues[j] ?? '';
  const slow: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) slow[localName(name)] = decodeEntities(value);
  return slow;
}

/** The end of a tag from `from`: the index of `>` (or of `?` in `?>`) outside quoted values, -1 when there is none. */
function tagEnd(xml: string, from: number, pi: boolean): number {
  const n = xml.length;
  for (let j = from; j < n; j++) {
    const c = xml.charCodeAt(j);
    if (c === 0x22 || c === 0x27) {
      j = xml.indexOf(c === 0x22 ? '"' : "'", j + 1);
      if (j === -1) return -1;
    } else if (pi ? c === 0x3f && xml.charCodeAt(j + 1) === 0x3e : c === 0x3e) return j;
  }
  return -1;
}

type Open = { readonly tag: string; readonly children: XmlNode[] };

/** Most elements open at once (as fast-xml-parser, which this parser replaces, allowed). */
const MAX_OPEN = 100;

/**
 * Builds the tree in one pass over the text. It reads XML exactly as fast-xml-parser 5 (preserveOrder,
 * attributes kept, entities, values and whitespace untouched, declarations and processing instructions
 * dropped) followed by the conversion to local names did, without their intermediate objects:
 * - line ends are normalised (`\r\n` and `\r` → `\n`);
 * - a closing tag closes the innermost open element whatever its name; elements left open at the end
 *   stay in the tree; text after the last tag is dropped, as is text before a start tag outside any element;
 * - text is split only by tags, CDATA sections and processing instructions (not by comments); CDATA is
 *   a text node of its own, entities decoded like other text;
 * - a start tag's name runs to the first whitespace; `/` before `>` makes it empty; `<a/ x/>` is `a`;
 * - throws {@link Malformed} for an unclosed tag, comment, CDATA or instruction, an unterminated quoted
 *   value, more than {@link MAX_OPEN} open elements, and names that would reach an object's prototype.
 */
function buildTree(input: string, file: string, part: string, limits: Limits, deadline: Deadline): XmlNode[] {
  const xml = input.includes('\r') ? input.replace(/\r\n?/gu, '\n') : input;
  const root: XmlNode[] = [];
  const top: Open = { tag: '!xml', children: root };
  const stack: Open[] = [];
  let current = top;
  let text = '';
  const n = xml.length;
  let steps = 0;
  let i = 0;
  // checkXml's scan, run along: it reads tags as the tree does, except a processing instruction with a
  // quoted `?>` (it ends at the first one) and the malformed XML the tree refuses; from there it runs on its own.
  let checking = true;
  /** checkXml's open elements, which may go below zero; and where it goes on after the current tag. */
  let depth = 0;
  let checkNext = 0;
  try {
    while (i < n) {
      const lt = xml.indexOf('<', i);
      if (lt === -1) break;
      if (lt > i) text = text === '' ? xml.slice(i, lt) : text + xml.slice(i, lt);
      if ((++steps & 0xffff) === 0) deadline.check();
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 0x2f /* </ */) {
        const close = xml.indexOf('>', lt);
        if (checking) {
          depth--;
          checkNext = close === -1 ? n : close + 1;
        }
        if (close === -1) throw new Malformed('closing tag');
        safeName(xml.slice(lt + 2, close).trim());
        if (text !== '') current.children.push({ text: decodeEntities(text) });
        text = '';
        current = stack.pop() ?? top;
        i = close + 1;
      } else if (c1 === 0x3f /* <? */) {
        const end = tagEnd(xml, lt + 1, true);
        if (checking) {
          const first = xml.indexOf('?>', lt + 2);
          checkNext = first === -1 ? n : first + 2;
          if (end === -1 || first !== end) {
            checking = false;
            checkFrom(xml, xml.indexOf('<', checkNext), depth, file, part, limits, deadline);
          }
        }
        if (end === -1) throw new Malformed('instruction');
        scanAttributes(xml, attributeStart(xml, lt + 1, end), end); // only the names are checked
        if (text !== '') current.children.push({ text: decodeEntities(text) });
        text = '';
        i = end + 2;
      } else if (c1 === 0x21 /* <! */ && xml.charCodeAt(lt + 2) === 0x2d && xml.charCodeAt(lt + 3) === 0x2d) {
        const end = xml.indexOf('-->', lt + 4);
        if (checking) checkNext = end === -1 ? n : end + 3;
        if (end === -1) throw new Malformed('comment');
        i = end + 3; // text goes on across a comment
      } else if (c1 === 0x21 && checking && !xml.startsWith('<![CDATA[', lt)) {
        throw entitiesError(file, part);
      } else if (c1 === 0x21 && xml.charCodeAt(lt + 2) === 0x44 /* <!D */) {
        // a DOCTYPE checkXml could not see (after an instruction it read otherwise) is refused all the same
        throw new Malformed('doctype');
      } else if (c1 === 0x21 && xml.charCodeAt(lt + 2) === 0x5b /* <![ */) {
        const end = xml.indexOf(']]>', lt);
        if (checking) checkNext = end === -1 ? n : end + 3;
        if (end === -1) throw new Malformed('cdata');
        if (text !== '') current.children.push({ text: decodeEntities(text) });
        text = '';
        current.children.push({ text: decodeEntities(xml.substring(lt + 9, end)) });
        i = end + 3;
      } else {
        const end = tagEnd(xml, lt + 1, false);
        if (checking) {
          const j = end === -1 ? n : end;
          if (xml.charCodeAt(j - 1) !== 0x2f && ++depth > limits.maxXmlDepth) throw tooDeepError(file, part, limits);
          checkNext = j + 1;
        }
        if (end === -1) throw new Malformed('tag');
        // the name runs to the first whitespace; the attribute text starts after the whitespace
        let sep = lt + 1;
        while (sep < end && !isXmlSpace(xml.charCodeAt(sep))) sep++;
        const raw = xml.slice(lt + 1, sep);
        let tag = safeName(raw);
        if (tag === '#text') throw new Malformed(tag);
        if (text !== '' && current.tag !== '!xml') current.children.push({ text: decodeEntities(text) });
        text = '';
        // without whitespace the "attribute text" is the raw name: `<toString>` (renamed) has an attribute `toString`
        let restStart = lt + 1;
        if (sep < end) for (restStart = sep + 1; restStart < end && isXmlSpace(xml.charCodeAt(restStart));) restStart++;
        let restEnd = end;
        const selfClosing = restEnd > restStart && xml.charCodeAt(end - 1) === 0x2f; /* / */
        let hasAttributes: boolean;
        if (selfClosing && tag.charCodeAt(tag.length - 1) === 0x2f) {
          // `<a/>`, and `<a/ x/>` too: the name without its slash, no attributes
          tag = tag.slice(0, -1);
          hasAttributes = false;
        } else {
          if (selfClosing) restEnd--;
          // `<a a>` has none either: the attribute text must differ from the name
          hasAttributes = !(restEnd - restStart === tag.length && xml.startsWith(tag, restStart));
        }
        const attrs = hasAttributes ? attributes(xml, restStart, restEnd) : NO_ATTRIBUTES;
        if (selfClosing) tag = safeName(tag);
        const element: XmlElement = { name: localName(tag), attrs, children: selfClosing ? NO_CHILDREN : [] };
        // quirks of the conversion this replaces: an element named `:@` was lost, its content with it;
        // an empty `<#text/>` became empty text
        if (selfClosing && tag === '#text') current.children.push({ text: '' });
        else if (tag !== ':@') current.children.push(element);
        if (!selfClosing) {
          if (stack.length > MAX_OPEN) throw new Malformed('depth');
          stack.push(current);
          current = { tag, children: element.children as XmlNode[] };
        }
        i = end + 1;
      }
    }
  } catch (error) {
    // checkXml's refusals come first: let it read the rest before calling the part malformed
    if (error instanceof Malformed && checking) checkFrom(xml, xml.indexOf('<', checkNext), depth, file, part, limits, deadline);
    throw error;
  }
  return root;
}

/**
 * Where the attribute text of the tag text from `from` to `to` starts: after the name and the whitespace
 * that follows it; at `from` when there is no whitespace (the text is then only the name).
 */
function attributeStart(xml: string, from: number, to: number): number {
  let p = from;
  while (p < to && !isXmlSpace(xml.charCodeAt(p))) p++;
  if (p === to) return from;
  p++;
  while (p < to && isXmlSpace(xml.charCodeAt(p))) p++;
  return p;
}

/**
 * Checks and parses an XML part into elements with local names, in one pass.
 * @throws DomainError xml-entities / xml-too-deep / file-corrupt
 */
export function parseXml(xml: string, file: string, part: string, limits: Limits, deadline: Deadline): XmlNode[] {
  let nodes: XmlNode[];
  try {
    nodes = buildTree(xml, file, part, limits, deadline);
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

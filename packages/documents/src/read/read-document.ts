/**
 * One entry point for every format: the content decides, not the file name (a .doc that is really a
 * .docx, a .xls that is really HTML-free text…). Zip with [Content_Types].xml → .docx/.xlsx; %PDF → PDF;
 * OLE2 → legacy .doc/.xls through LibreOffice, or an encrypted Office file; {\rtf → RTF through
 * LibreOffice; an HTML page or a single-file web page (.mht) → the HTML reader; anything else → text
 * with encoding detection.
 * @module
 */
import { readFile as readFileFromDisk, stat } from 'node:fs/promises';
import { isDomainError } from '@jixiao/core';
import type { SourceDocument, SourceFormat } from '../source.ts';
import { readDocx } from './docx.ts';
import { isHtml, readHtml } from './html.ts';
import { Deadline, type Limits, type ReadOptions, ReadErrorCode, baseName, formatBytes, readError, resolveLimits } from './limits.ts';
import { readPdf } from './pdf.ts';
import { convertWithSoffice } from './soffice.ts';
import { readText } from './text.ts';
import { readXlsx } from './xlsx.ts';
import { isZip, openZip } from './zip.ts';

export type SniffedFormat = SourceFormat | 'rtf' | 'encrypted-office' | 'ole-unknown' | 'zip-unknown' | 'odf';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((b, i) => bytes[at + i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = [...'{\\rtf'].map((c) => c.charCodeAt(0));

/**
 * Whether ASCII `text` is in the first `within` bytes, as in their windows-1252 reading (one character per
 * byte, ASCII as itself, no other byte read as ASCII) without decoding them.
 */
function hasAscii(bytes: Uint8Array, text: string, within: number): boolean {
  const head = bytes.subarray(0, within);
  const sig = [...text].map((c) => c.charCodeAt(0));
  const first = sig[0] ?? 0;
  for (let i = head.indexOf(first); i !== -1 && i + sig.length <= head.length; i = head.indexOf(first, i + 1)) if (startsWith(head, sig, i)) return true;
  return false;
}

/** Finds an ASCII name written in UTF-16LE (OLE2 directory entries store stream names so). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
  const first = pattern[0];
  outer: for (let i = bytes.indexOf(first ?? 0); i !== -1 && i + pattern.length <= bytes.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    for (let j = 1; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether the bytes can begin what {@link isHtml} recognises. It reads the first 2,048 bytes as windows-1252
 * without zero bytes and one byte-order mark (ï»¿, ÿþ, þÿ) and wants blanks then `<` (a page), or a header name
 * right away (`MIME-Version:`, a .mht). The windows-1252 blanks are the ASCII ones and NBSP (0xa0). A report that
 * starts with Chinese (a UTF-8 or GB18030 lead byte), blanks first or not, can be neither, and is not decoded
 * three more times to find out. Undecided (the window ends first) counts as possible.
 */
function mayBeMarkup(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 2048);
  const nonZero: number[] = [];
  for (let i = 0; i < end && nonZero.length < 3; i++) if (bytes[i] !== 0) nonZero.push(i);
  const [a, b, c] = nonZero.map((i) => bytes[i]);
  const mark = a === 0xef && b === 0xbb && c === 0xbf ? 3 : (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff) ? 2 : 0;
  let blanks = false;
  for (let i = mark === 0 ? 0 : (nonZero[mark - 1] ?? 0) + 1; i < end; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0) continue;
    if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d) || byte === 0xa0) {
      blanks = true;
      continue;
    }
    const word = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2d;
    return byte === 0x3c || (word && !blanks);
  }
  return true;
}

/** What the bytes are. Zip archives are opened (central directory only) to tell .docx from .xlsx. */
export function sniff(bytes: Uint8Array, file: string, limits: Limits): SniffedFormat {
  if (isZip(bytes)) {
    const zip = openZip(bytes, file, limits);
    const mimetype = zip.find('mimetype');
    if (mimetype && !zip.find('[Content_Types].xml')) return 'odf';
    if (!zip.find('[Content_Types].xml')) return 'zip-unknown';
    if (zip.find('word/document.xml') || zip.entries.some((e) => /^word\/document\d*\.xml$/iu.test(e.name))) return 'docx';
    if (zip.find('xl/workbook.xml')) return 'xlsx';
    return 'zip-unknown';
  }
  if (hasAscii(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, OLE)) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) return 'encrypted-office';
    if (hasUtf16Name(bytes, 'WordDocument')) return 'doc';
    if (hasUtf16Name(bytes, 'Workbook') || hasUtf16Name(bytes, 'Book')) return 'xls';
    return 'ole-unknown';
  }
  if (startsWith(bytes, RTF)) return 'rtf';
  if (mayBeMarkup(bytes) && isHtml(bytes)) return 'html';
  return 'txt';
}

const SUPPORTED = '支持的格式：.txt、.docx、.doc、.xlsx、.xls、.pdf、.html';

/**
 * Reads a report file into lines and tables.
 * @throws DomainError file-empty, file-too-large, file-corrupt, file-encrypted, file-unsupported,
 *   file-timeout, zip-bomb, xml-entities, xml-too-deep, pdf-no-text, soffice-missing, soffice-failed —
 *   each with a Chinese message naming the file. Any other failure inside a reader becomes file-corrupt.
 */
export async function readDocument(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<SourceDocument> {
  const file = baseName(fileName);
  const limits = resolveLimits(options);
  if (bytes.length === 0) throw readError(ReadErrorCode.empty, file, '是空文件（0 字节）');
  if (bytes.length > limits.maxBytes) {
    throw readError(ReadErrorCode.tooLarge, file, `有 ${formatBytes(bytes.length)}，超过 ${formatBytes(limits.maxBytes)} 的上限`);
  }
  const deadline = new Deadline(file, limits.timeoutMs);
  try {
    const format = sniff(bytes, file, limits);
    switch (format) {
      case 'txt': return readText(bytes, file, limits, deadline);
      case 'html': return readHtml(bytes, file, limits, deadline);
      case 'docx': return readDocx(bytes, file, limits, deadline);
      case 'xlsx': return await readXlsx(bytes, file, limits, deadline);
      case 'pdf': return await readPdf(bytes, file, limits, deadline);
      case 'doc':
      case 'rtf': {
        const converted = await convertWithSoffice(bytes, file, format, 'docx', limits.soffice, new Deadline(file, limits.timeoutMs * 2));
        const doc = readDocx(converted, file, limits, new Deadline(file, limits.timeoutMs));
        return { ...doc, format: 'doc', warnings: [`已用 LibreOffice 把旧版 .${format} 转为 .docx 后读取`, ...doc.warnings] };
      }
      case 'xls': {
        const converted = await convertWithSoffice(bytes, file, 'xls', 'xlsx', limits.soffice, new Deadline(file, limits.timeoutMs * 2));
        const doc = await readXlsx(converted, file, limits, new Deadline(file, limits.timeoutMs));
        return { ...doc, format: 'xls', warnings: ['已用 LibreOffice 把旧版 .xls 转为 .xlsx 后读取', ...doc.warnings] };
      }
      case 'encrypted-office':
        throw readError(ReadErrorCode.encrypted, file, '已加密（Office 文件设置了打开密码），请在 Word/WPS/Excel 中取消密码后再导入');
      case 'odf':
        throw readError(ReadErrorCode.unsupported, file, `是 OpenDocument（.odt/.ods）文件，请另存为 .docx 或 .xlsx 后再导入；${SUPPORTED}`);
      case 'ole-unknown':
        throw readError(ReadErrorCode.unsupported, file, `是旧版 Office 文件，但不是 Word 文档或 Excel 工作簿；${SUPPORTED}`);
      case 'zip-unknown':
        throw readError(ReadErrorCode.unsupported, file, `是压缩包，但不是 Word 文档或 Excel 工作簿；${SUPPORTED}`);
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    if (error instanceof RangeError) {
      throw readError(ReadErrorCode.tooLarge, file, '结构过大或过深，超出读取能力，已停止', [error.message]);
    }
    throw readError(ReadErrorCode.corrupt, file, '已损坏或格式异常，无法读取', [error instanceof Error ? error.message : String(error)]);
  }
}

/**
 * Reads a file from disk (its size is checked before it is loaded).
 * @throws DomainError as {@link readDocument}, and file-missing when the path cannot be read
 */
export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<SourceDocument> {
  const file = baseName(path);
  const limits = resolveLimits(options);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw readError(ReadErrorCode.missing, file, '不存在或无法打开（请检查路径）');
  }
  if (size > limits.maxBytes) {
    throw readError(ReadErrorCode.tooLarge, file, `有 ${formatBytes(size)}，超过 ${formatBytes(limits.maxBytes)} 的上限`);
  }
  const bytes = new Uint8Array(await readFileFromDisk(path));
  return readDocument(bytes, path, options);
}

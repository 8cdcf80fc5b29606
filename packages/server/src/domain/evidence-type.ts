/**
 * What an uploaded evidence file really is, from its bytes (not its name or the browser's claim): PDF,
 * images, Office documents (OOXML zip and legacy OLE), OFD. The declared extension must agree.
 * @module
 */
export type EvidenceType = { readonly mediaType: string; readonly extensions: readonly string[]; readonly name: string };

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) => bytes.every((b, i) => data[at + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

function containsAscii(data: Uint8Array, needle: string, limit = data.length): boolean {
  const n = ascii(needle);
  const end = Math.min(limit, data.length) - n.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < n.length; j++) if (data[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

const PDF: EvidenceType = { mediaType: 'application/pdf', extensions: ['pdf'], name: 'PDF' };
const PNG: EvidenceType = { mediaType: 'image/png', extensions: ['png'], name: 'PNG 图片' };
const JPEG: EvidenceType = { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], name: 'JPEG 图片' };
const DOCX: EvidenceType = { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], name: 'Word 文档' };
const XLSX: EvidenceType = { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], name: 'Excel 表格' };
const OLE: EvidenceType = { mediaType: 'application/x-ole-storage', extensions: ['doc', 'xls'], name: '旧版 Word/Excel 文档' };
const OFD: EvidenceType = { mediaType: 'application/ofd', extensions: ['ofd'], name: 'OFD 版式文件' };

export const EVIDENCE_TYPES: readonly EvidenceType[] = [PDF, PNG, JPEG, DOCX, XLSX, OLE, OFD];
export const ALLOWED_EXTENSIONS = EVIDENCE_TYPES.flatMap((t) => t.extensions);

/** The type the bytes show, or null when they are none of the accepted kinds. */
export function sniffEvidenceType(data: Uint8Array): EvidenceType | null {
  if (startsWith(data, ascii('%PDF-'))) return PDF;
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(data, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return OLE;
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // Zip entry names are stored uncompressed in the local headers and the central directory.
    if (containsAscii(data, 'word/document.xml')) return DOCX;
    if (containsAscii(data, 'xl/workbook.xml')) return XLSX;
    if (containsAscii(data, 'OFD.xml')) return OFD;
  }
  return null;
}

export const extensionOf = (fileName: string): string => {
  const m = /\.([A-Za-z0-9]+)$/u.exec(fileName);
  return m?.[1]?.toLowerCase() ?? '';
};

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
/** The longest file name kept, in characters. */
export const MAX_FILE_NAME = 200;

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const whole = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/gu, '').trim();
  // Cut long names in the middle of the stem, never the extension (the type of a report in a zip is read
  // from it), and never inside a surrogate pair.
  const ext = /\.[A-Za-z0-9]{1,10}$/u.exec(whole)?.[0] ?? '';
  const chars = [...whole];
  const cleaned = chars.length <= MAX_FILE_NAME ? whole : `${chars.slice(0, MAX_FILE_NAME - ext.length).join('')}${ext}`;
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '' : cleaned;
}

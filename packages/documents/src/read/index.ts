/**
 * Readers: any report file → {@link SourceDocument} (numbered lines, tables as cell grids with merges,
 * warnings). Start with {@link readDocument} (bytes) or {@link readDocumentFile} (a path).
 * @module
 */
export * from './limits.ts';
export * from './read-document.ts';
export { decodeText, linesAndTables, readText, splitLines } from './text.ts';
export { readDocx } from './docx.ts';
export { decodeHtml, isHtml, readHtml } from './html.ts';
export { readXlsx, cellText, checkOfficeZip } from './xlsx.ts';
export { readPdf, pageLines } from './pdf.ts';
export { convertWithSoffice, findSoffice } from './soffice.ts';
export { formatNumber as formatExcelNumber, formatGeneral, roundDecimal, formatDate } from './number-format.ts';
export { chineseNumber, formatNumber as formatListNumber, NumberingCounter } from './numbering.ts';
export { checkXml, parseXml, decodeEntities } from './xml.ts';
export { isZip, openZip, readEntry, ZIP_TAIL_BYTES, zipDirectoryStart } from './zip.ts';
export type { ZipArchive, ZipEntry } from './zip.ts';
export type { XmlElement, XmlNode } from './xml.ts';

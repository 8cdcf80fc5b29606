/**
 * The PDF of a document: its .docx converted by LibreOffice headless with the package's font aliases.
 * @module
 */
import type { ReportDocument } from './document-model.ts';
import { type ConvertOptions, convertWithLibreOffice } from './libreoffice.ts';
import { type DocxOptions, renderDocx } from './render-docx.ts';

export type PdfOptions = DocxOptions & ConvertOptions;

/** @throws DomainError `soffice-missing`, `soffice-failed`, `soffice-timeout` */
export async function renderPdf(document: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const docx = await renderDocx(document, options);
  return convertWithLibreOffice(docx, 'docx', 'pdf', options);
}

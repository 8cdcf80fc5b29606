/**
 * Writing the documents a unit stamps and submits: the report (.docx or .pdf) and its attachment tables
 * (.xlsx), from a model, correct by construction: every figure in the narrative is the model's figure, every
 * total, rate, score and grade the engine's. `corrections` lists each place where the unit's stated figure
 * was replaced by the computed one, so that the caller (CLI, server) can say so.
 *
 * @example
 * const { bytes, corrections } = await render(evaluation, scheme, 'docx');
 * await writeFile('report.docx', bytes);
 * for (const c of corrections) console.log(`${c.path}：${c.message}`);
 * @module
 */
import type { Evaluation, Scheme } from '@jixiao/core';
import { buildDocument } from './build-document.ts';
import type { Correction } from './document-model.ts';
import type { ConvertOptions } from './libreoffice.ts';
import type { PageProfile } from './page-profile.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';

export const RenderFormat = { docx: 'docx', xlsx: 'xlsx', pdf: 'pdf' } as const;
export type RenderFormat = (typeof RenderFormat)[keyof typeof RenderFormat];

export type RenderOptions = ConvertOptions & {
  /** Page profile (default GB/T 9704-2012). */
  readonly profile?: PageProfile;
};

export type RenderResult = { readonly bytes: Uint8Array; readonly corrections: Correction[] };

/**
 * Renders an evaluation as a .docx (report with attachments), .xlsx (the attachment tables with live
 * formulas) or .pdf (the .docx through LibreOffice).
 * @throws DomainError `scheme-kind-mismatch`; for pdf also `soffice-missing`, `soffice-failed`, `soffice-timeout`
 */
export async function render(evaluation: Evaluation, scheme: Scheme, to: RenderFormat, options: RenderOptions = {}): Promise<RenderResult> {
  const document = buildDocument(evaluation, scheme);
  const bytes = to === 'docx' ? await renderDocx(document, options) : to === 'xlsx' ? await renderXlsx(document, options) : await renderPdf(document, options);
  return { bytes, corrections: [...document.corrections] };
}

export { buildDocument } from './build-document.ts';
export type {
  AttachmentBlock, Block, Cell, CellValue, Correction, DocumentSection, Formula, ParagraphBlock, ReportDocument, TableModel,
} from './document-model.ts';
export { attachmentsOf, ParagraphRole, ValueKind } from './document-model.ts';
export { bodyGrid, FONT_SIZE, GB_T_9704, mmToTwips, pageGeometry } from './page-profile.ts';
export type { BodyGrid, PageGeometry, PageProfile, TextStyle } from './page-profile.ts';
export { renderDocx } from './render-docx.ts';
export type { DocxOptions } from './render-docx.ts';
export { renderXlsx } from './render-xlsx.ts';
export type { XlsxOptions } from './render-xlsx.ts';
export { renderPdf } from './render-pdf.ts';
export type { PdfOptions } from './render-pdf.ts';
export { convertWithLibreOffice, findLibreOffice, FONTS_CONF, setConversionWorkers } from './libreoffice.ts';
export type { ConvertOptions } from './libreoffice.ts';

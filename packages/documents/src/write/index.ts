/**
 * Writing the documents a unit stamps and submits: the report (.docx or .pdf) and its attachment tables
 * (.xlsx), from a model, **as written**: every figure and sentence the unit wrote is printed as written;
 * sentences are made from its figures only where it wrote no text. `corrections` lists each place where the
 * engine computes another figure; `renderReview` prints them, with the audit's findings, as a separate
 * 审核意见及更正建议 document. With `corrected: true` the report prints the computed figures instead, each
 * marked in place (〔更正：原填 …；…〕).
 *
 * @example
 * const { bytes, corrections } = await render(evaluation, scheme, 'docx');
 * await writeFile('report.docx', bytes);
 * await writeFile('report-审核意见.docx', await renderReview(evaluation, scheme, 'docx'));
 * @module
 */
import type { Evaluation, Scheme } from '@jixiao/core';
import { buildDocument } from './build-document.ts';
import { buildReview } from './build-review.ts';
import type { Correction, ReportDocument } from './document-model.ts';
import type { ConvertOptions } from './libreoffice.ts';
import type { PageProfile } from './page-profile.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import { RenderMode } from './wording.ts';

export const RenderFormat = { docx: 'docx', xlsx: 'xlsx', pdf: 'pdf' } as const;
export type RenderFormat = (typeof RenderFormat)[keyof typeof RenderFormat];

export type RenderOptions = ConvertOptions & {
  /** Page profile (default GB/T 9704-2012). */
  readonly profile?: PageProfile;
  /** Print the computed figures, each marked in place with the unit's figure and why (default: as written). */
  readonly corrected?: boolean;
};

export type RenderResult = { readonly bytes: Uint8Array; readonly corrections: Correction[] };

/**
 * Renders an evaluation as a .docx (report with attachments), .xlsx (the attachment tables with live
 * formulas) or .pdf (the .docx through LibreOffice).
 * @throws DomainError `scheme-kind-mismatch`; for pdf also `soffice-missing`, `soffice-failed`, `soffice-timeout`
 */
export async function render(evaluation: Evaluation, scheme: Scheme, to: RenderFormat, options: RenderOptions = {}): Promise<RenderResult> {
  const document = buildDocument(evaluation, scheme, options.corrected ? RenderMode.corrected : RenderMode.asWritten);
  return { bytes: await renderAs(document, to, options), corrections: [...document.corrections] };
}

async function renderAs(document: ReportDocument, to: RenderFormat, options: RenderOptions): Promise<Uint8Array> {
  return to === 'docx' ? renderDocx(document, options) : to === 'xlsx' ? renderXlsx(document, options) : renderPdf(document, options);
}

/**
 * The 审核意见及更正建议 of an evaluation as its own document (.docx or .pdf; an .xlsx request gets a .docx):
 * the figures the engine computes differently and the audit's findings.
 */
export async function renderReview(evaluation: Evaluation, scheme: Scheme, to: RenderFormat, options: RenderOptions = {}): Promise<Uint8Array> {
  const { corrections } = buildDocument(evaluation, scheme, RenderMode.asWritten);
  return renderAs(buildReview(evaluation, scheme, corrections), to === 'xlsx' ? 'docx' : to, options);
}

export { buildDocument } from './build-document.ts';
export { buildReview } from './build-review.ts';
export { RenderMode } from './wording.ts';
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
export { describeSubstitutions, fontSubstitutions } from './fonts.ts';
export type { FontSubstitution } from './fonts.ts';
export type { ConvertOptions } from './libreoffice.ts';

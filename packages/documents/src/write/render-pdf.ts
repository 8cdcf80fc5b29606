/**
 * The PDF of a document: its .docx converted by LibreOffice headless with the package's font aliases. A table
 * merge carried over a page break is split there and laid out again, so that a continuation page prints its
 * 一级/二级 labels (see continued-merges.ts).
 * @module
 */
import { pageBreaksOf, splitsAMerge, withBreaks } from './continued-merges.ts';
import type { ReportDocument } from './document-model.ts';
import { type ConvertOptions, convertWithLibreOffice } from './libreoffice.ts';
import { type DocxOptions, renderDocx } from './render-docx.ts';

export type PdfOptions = DocxOptions & ConvertOptions & {
  /** Repeat a merged label on the page a table continues onto (default true; one more layout per change). */
  readonly continueMerges?: boolean;
};

/** Layouts tried at most: the first, then until the breaks stay where they were. */
const MAX_LAYOUTS = 3;

const sameBreaks = (a: ReadonlyMap<string, readonly number[]>, b: ReadonlyMap<string, readonly number[]>): boolean =>
  a.size === b.size && [...a].every(([id, rows]) => (b.get(id) ?? []).join(',') === rows.join(','));

/** @throws DomainError `soffice-missing`, `soffice-failed`, `soffice-timeout` */
export async function renderPdf(document: ReportDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const layout = async (doc: ReportDocument): Promise<Uint8Array> => convertWithLibreOffice(await renderDocx(doc, options), 'docx', 'pdf', options);
  let pdf = await layout(document);
  if (options.continueMerges === false) return pdf;
  let breaks = await pageBreaksOf(document, pdf);
  for (let i = 1; i < MAX_LAYOUTS && splitsAMerge(document, breaks); i++) {
    pdf = await layout(withBreaks(document, breaks));
    const now = await pageBreaksOf(document, pdf);
    if (sameBreaks(now, breaks)) break;
    breaks = now;
  }
  return pdf;
}

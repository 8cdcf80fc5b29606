import { describe, expect, it } from 'vitest';
import { buildDocument, findLibreOffice, render } from './index.ts';
import { loadExample, loadScheme } from './test-support.ts';

const magic = (bytes: Uint8Array, n: number): string => new TextDecoder().decode(bytes.slice(0, n));

describe('render', () => {
  const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');

  it('returns the .docx and .xlsx bytes and the corrections the CLI reports', async () => {
    const docx = await render(evaluation, scheme, 'docx');
    const xlsx = await render(evaluation, scheme, 'xlsx');
    expect(magic(docx.bytes, 2)).toBe('PK');
    expect(magic(xlsx.bytes, 2)).toBe('PK');
    expect(docx.corrections).toEqual(buildDocument(evaluation, scheme).corrections);
    expect(xlsx.corrections).toEqual(docx.corrections);
    expect(docx.corrections.map((c) => c.path)).toContain('selfEvaluation.totalScore');
    for (const c of docx.corrections) expect(Object.keys(c).sort()).toEqual(['message', 'path', 'stated', 'used']);
  });

  it('rejects a scheme of the other kind before writing anything', async () => {
    await expect(render(evaluation, loadScheme('national-project-2020'), 'docx')).rejects.toMatchObject({ code: 'scheme-kind-mismatch' });
  });

  it.skipIf(!findLibreOffice())('returns a PDF through LibreOffice', async () => {
    const pdf = await render(evaluation, scheme, 'pdf');
    expect(magic(pdf.bytes, 5)).toBe('%PDF-');
    expect(pdf.corrections.length).toBeGreaterThan(0);
  }, 240_000); // laid out again where a table's merge runs over a page break
});

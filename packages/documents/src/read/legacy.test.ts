import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';
import { fixture, soffice } from './testing.ts';

const cells = (rows: readonly (readonly { text: string; col: number; rowSpan: number; colSpan: number }[])[]) =>
  rows.map((r) => r.map((c) => `${c.text.replace(/\s+$/u, '')}@${c.col}:${c.rowSpan}x${c.colSpan}`));

describe('legacy .doc and .xls through LibreOffice', () => {
  it('says that LibreOffice is needed when it is not there, naming the file', async () => {
    await expect(readDocument(fixture('hengyang-2022.doc'), '自评报告.doc', { soffice: null })).rejects.toMatchObject({
      code: 'soffice-missing',
      message: expect.stringMatching(/^文件「自评报告\.doc」是旧版 \.doc 格式，读取它需要 LibreOffice/u),
    });
    await expect(readDocument(fixture('hengyang-2022-attachments.xls'), '附件.xls', { soffice: '/nonexistent/soffice' })).rejects.toMatchObject({ code: 'soffice-missing' });
  });

  it.skipIf(!soffice)('reads a .doc with the same tables and merges as the .docx it was saved from', async () => {
    const doc = await readDocument(fixture('hengyang-2022.doc'), 'hengyang-2022.doc');
    const docx = await readDocument(fixture('hengyang-2022.docx'), 'hengyang-2022.docx');
    expect(doc.format).toBe('doc');
    expect(doc.warnings[0]).toBe('已用 LibreOffice 把旧版 .doc 转为 .docx 后读取');
    expect(doc.tables.map((t) => cells(t.rows))).toEqual(docx.tables.map((t) => cells(t.rows)));
    expect(doc.lines.map((l) => l.text)).toContain('（十八）承办县人民政府交办的其他事项。');
  });

  it.skipIf(!soffice)('reads an .xls with the same cells, merges and number formats as the .xlsx', async () => {
    const xls = await readDocument(fixture('hengyang-2022-attachments.xls'), 'hengyang-2022-attachments.xls');
    const xlsx = await readDocument(fixture('hengyang-2022-attachments.xlsx'), 'hengyang-2022-attachments.xlsx');
    expect(xls.format).toBe('xls');
    expect(xls.tables.map((t) => cells(t.rows))).toEqual(xlsx.tables.map((t) => cells(t.rows)));
  });

  it.skipIf(!soffice)('reports a .doc cut short as a failed conversion or a corrupt file, naming it', async () => {
    const doc = fixture('hengyang-2022.doc');
    const broken = doc.slice(0, Math.floor(doc.length / 2));
    await expect(readDocument(broken, '坏.doc')).rejects.toMatchObject({
      code: expect.stringMatching(/^(soffice-failed|file-corrupt|file-unsupported)$/u),
      message: expect.stringContaining('「坏.doc」'),
    });
  });
});

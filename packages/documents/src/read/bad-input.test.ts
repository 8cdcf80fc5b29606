import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument, readDocumentFile } from './read-document.ts';
import { docxOf, fixture } from './testing.ts';

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Sets the uncompressed size recorded for `name` in the central directory (a header that lies). */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = out.length - 46; i >= 0; i--) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const len = dv.getUint16(i + 28, true);
    if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + len)) === name) {
      dv.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

/** Expects a DomainError with `code` whose message names the file, within `ms`. */
async function expectRefused(work: Promise<unknown>, code: string, file: string, ms = 5000): Promise<void> {
  const started = Date.now();
  await expect(work).rejects.toMatchObject({ name: 'DomainError', code, message: expect.stringContaining(`「${file}」`) });
  expect(Date.now() - started).toBeLessThan(ms);
}

describe('bad input: each file gets a Chinese error naming it and the problem, quickly', () => {
  it('empty file', async () => {
    await expectRefused(readDocument(new Uint8Array(0), '空.docx'), 'file-empty', '空.docx');
  });

  it('oversize file, checked before it is loaded', async () => {
    await expectRefused(readDocument(new Uint8Array(2048).fill(0x41), '大.txt', { maxBytes: 1024 }), 'file-too-large', '大.txt');
    const path = join(tmpdir(), `jixiao-big-${process.pid}.txt`);
    writeFileSync(path, 'A'.repeat(4096));
    await expectRefused(readDocumentFile(path, { maxBytes: 1024 }), 'file-too-large', `jixiao-big-${process.pid}.txt`);
    await expectRefused(readDocumentFile(join(tmpdir(), 'jixiao-no-such-file.docx')), 'file-missing', 'jixiao-no-such-file.docx');
  });

  it('corrupt zip: cut short, or damaged inside', async () => {
    const docx = fixture('hengyang-2022.docx');
    await expectRefused(readDocument(docx.slice(0, docx.length >> 1), '截断.docx'), 'file-corrupt', '截断.docx');
    const xlsx = fixture('hengyang-2022-attachments.xlsx');
    await expectRefused(readDocument(xlsx.slice(0, xlsx.length - 100), '截断.xlsx'), 'file-corrupt', '截断.xlsx');
    const damaged = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': strToU8('<w:document>'.repeat(50)) }, { level: 9 });
    // scramble the compressed bytes of document.xml
    const i = new TextDecoder('latin1').decode(damaged).indexOf('word/document.xml') + 'word/document.xml'.length;
    for (let k = i; k < i + 20; k++) damaged[k] = (damaged[k] ?? 0) ^ 0xa5;
    await expect(readDocument(damaged, '损坏.docx')).rejects.toMatchObject({ code: expect.stringMatching(/^(file-corrupt|zip-bomb)$/u) });
  });

  it('binary junk', async () => {
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    await expectRefused(readDocument(junk, '乱码.bin'), 'file-unsupported', '乱码.bin');
  });

  it('zip bomb: too many entries, a declared size over the limit, a header that lies about the size', async () => {
    const many: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(CT) };
    for (let i = 0; i < 4100; i++) many[`word/media/${i}.xml`] = new Uint8Array(0);
    await expectRefused(readDocument(zipSync(many, { level: 0 }), '多条目.docx'), 'zip-bomb', '多条目.docx');

    const zeros = new Uint8Array(16 * 1024 * 1024);
    const bomb = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': zeros }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    await expectRefused(readDocument(patchDeclaredSize(bomb, 'word/document.xml', 900 * 1024 * 1024), '炸弹.docx'), 'zip-bomb', '炸弹.docx');
    await expectRefused(readDocument(bomb, '炸弹.docx', { maxUncompressedBytes: 4 * 1024 * 1024 }), 'zip-bomb', '炸弹.docx');
    // the header says 1 KB, the data expands to 16 MB: expansion stops at 1 KB
    await expectRefused(readDocument(patchDeclaredSize(bomb, 'word/document.xml', 1024), '说谎.docx'), 'zip-bomb', '说谎.docx');
    // the same against exceljs, which would expand everything: checked before it runs
    const xlsxBomb = zipSync({ '[Content_Types].xml': strToU8(CT), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/sharedStrings.xml': zeros }, { level: 9 });
    await expectRefused(readDocument(patchDeclaredSize(xlsxBomb, 'xl/sharedStrings.xml', 2048), '说谎.xlsx'), 'zip-bomb', '说谎.xlsx');
  });

  it('XML entity expansion (billion laughs) in a .docx and in an .xlsx', async () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const docx = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': strToU8(`${lol}<w:document><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`) });
    await expectRefused(readDocument(docx, '实体.docx'), 'xml-entities', '实体.docx');
    const xlsx = zipSync({ '[Content_Types].xml': strToU8(CT), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/sharedStrings.xml': strToU8(`${lol}<sst><si><t>&lol3;</t></si></sst>`) });
    await expectRefused(readDocument(xlsx, '实体.xlsx'), 'xml-entities', '实体.xlsx');
  });

  it('10 000-deep nesting', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(5000)}${'</w:sdtContent></w:sdt>'.repeat(5000)}`;
    await expectRefused(readDocument(docxOf(deep), '嵌套.docx'), 'xml-too-deep', '嵌套.docx');
  });

  it('encrypted Office file (OLE2 EncryptedPackage) and a zip with a password', async () => {
    await expectRefused(readDocument(fixture('bad/encrypted.docx'), '加密.docx'), 'file-encrypted', '加密.docx');
    const zip = zipSync({ '[Content_Types].xml': strToU8(CT), 'word/document.xml': strToU8('<w:document/>') });
    const dv = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint16(i + 8, dv.getUint16(i + 8, true) | 1, true);
    await expectRefused(readDocument(zip, '密码.docx'), 'file-encrypted', '密码.docx');
  });

  it('zips that are not Word or Excel, OpenDocument, other OLE files', async () => {
    await expectRefused(readDocument(zipSync({ 'a.txt': strToU8('x') }), '压缩包.zip'), 'file-unsupported', '压缩包.zip');
    await expectRefused(readDocument(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }), '报告.odt'), 'file-unsupported', '报告.odt');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expectRefused(readDocument(ole, '幻灯片.ppt'), 'file-unsupported', '幻灯片.ppt');
  });

  it('time is bounded: a reader stops at the deadline', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `<w:p><w:r><w:t>第${i}段</w:t></w:r></w:p>`).join('');
    await expectRefused(readDocument(docxOf(body), '很长.docx', { timeoutMs: 1 }), 'file-timeout', '很长.docx');
  });
});

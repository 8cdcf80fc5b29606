import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILES, zipOf } from './testing.ts';
import { expandUpload, MAX_BATCH_FILE_BYTES } from './upload.ts';

/** A zip of one stored entry, its name given as raw bytes and flags (as Windows' built-in zip writes GBK names). */
function storedZip(name: Uint8Array, data: Uint8Array, flags: number): Uint8Array {
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  const crc = crc32(data);
  const local = [...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...name, ...data];
  const central = [
    ...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(flags), ...u16(0), ...u16(0), ...u16(0), ...u32(crc), ...u32(data.length), ...u32(data.length),
    ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...name,
  ];
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(1), ...u16(1), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

describe('batch upload expansion', () => {
  it('reads the names of a zip made by Chinese Windows (GBK, not flagged UTF-8) and of one flagged UTF-8', async () => {
    const text = new TextEncoder().encode('报告正文');
    // 县直/报告.txt in GBK: 县 CFD8 直 D6B1 / 报 B1A8 告 B8E6
    const gbk = new Uint8Array([0xcf, 0xd8, 0xd6, 0xb1, 0x2f, 0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74]);
    const files = await expandUpload([
      { fileName: 'windows.zip', data: storedZip(gbk, text, 0) },
      { fileName: 'utf8.zip', data: storedZip(new TextEncoder().encode('乡镇/报告.txt'), text, 0x800) },
    ]);
    expect(files.map((f) => f.fileName)).toEqual(['县直/报告.txt', '乡镇/报告.txt']);
    expect(new TextDecoder().decode(files[0]?.data)).toBe('报告正文');
  });

  it('keeps report files and folders, skips what archivers add, refuses the rest by name', async () => {
    const files = await expandUpload([
      SAMPLE_FILES.seedText(),
      zipOf('a.zip', [
        { fileName: '一/二/报告.DOCX', data: new Uint8Array([1]) },
        { fileName: '网页/报告.html', data: new Uint8Array([1]) },
        { fileName: '__MACOSX/一/._报告.docx', data: new Uint8Array([1]) },
        { fileName: '一/~$报告.docx', data: new Uint8Array([1]) },
        { fileName: '一/Thumbs.db', data: new Uint8Array([1]) },
      ]),
    ]);
    expect(files.map((f) => f.fileName)).toEqual([SAMPLE_FILES.seedText().fileName, '一/二/报告.DOCX', '网页/报告.html']);
    const refused = await expandUpload([
      zipOf('b.zip', [{ fileName: '里面/另一个.zip', data: new Uint8Array([1]) }, { fileName: '大/大报告.pdf', data: new Uint8Array(MAX_BATCH_FILE_BYTES + 1) }]),
      { fileName: '../../etc/passwd', data: new Uint8Array([1]) },
    ]).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'batch-files-rejected',
      details: ['b.zip 中的 里面/另一个.zip：不是报告文件', 'b.zip 中的 大/大报告.pdf：20.0 MB，超过单个文件 20 MB 的上限', 'passwd：不是报告文件'],
    });
  });

  it('says a broken or password-protected archive is one, naming it', async () => {
    await expect(expandUpload([{ fileName: '坏.zip', data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }])).rejects.toMatchObject({ code: 'file-corrupt', message: expect.stringContaining('坏.zip') });
    await expect(expandUpload([{ fileName: '密码.zip', data: storedZip(new TextEncoder().encode('a.txt'), new Uint8Array([1]), 1) }])).rejects.toMatchObject({ code: 'file-encrypted', message: expect.stringContaining('密码.zip') });
  });
});

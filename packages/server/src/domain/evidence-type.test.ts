import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf, sniffEvidenceType } from './evidence-type.ts';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('evidence file types, from the bytes', () => {
  it.each([
    ['PDF', bytes('%PDF-1.7\n…'), 'application/pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['docx', bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', bytes([0x50, 0x4b, 0x03, 0x04], '....xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['doc/xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'application/x-ole-storage'],
    ['OFD', bytes([0x50, 0x4b, 0x03, 0x04], '..OFD.xml..'), 'application/ofd'],
  ])('recognises %s', (_name, data, mediaType) => {
    expect(sniffEvidenceType(data)?.mediaType).toBe(mediaType);
  });

  it.each([
    ['an executable', bytes('MZ\x90\x00')],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['SVG (can carry scripts)', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ['a plain zip', bytes([0x50, 0x4b, 0x03, 0x04], 'payload.exe')],
    ['empty', bytes()],
    ['text', bytes('hello')],
  ])('refuses %s', (_name, data) => {
    expect(sniffEvidenceType(data)).toBeNull();
  });

  it('cleans file names: no path, no control or reserved characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\台账.pdf')).toBe('台账.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\u0007"c<d>.pdf')).toBe('abcd.pdf');
    expect(cleanFileName('..')).toBe('');
    // a long name is cut in its stem, keeping the extension (a zip entry's type is read from it)
    const long = cleanFileName(`${'衡阳县自然资源局'.repeat(40)}.docx`);
    expect(long).toHaveLength(200);
    expect(long).toBe(`${'衡阳县自然资源局'.repeat(40).slice(0, 195)}.docx`);
    expect(cleanFileName(`${'😀'.repeat(250)}.pdf`)).toBe(`${'😀'.repeat(196)}.pdf`);
    expect(extensionOf('照片.JPG')).toBe('jpg');
    expect(extensionOf('无扩展名')).toBe('');
  });
});

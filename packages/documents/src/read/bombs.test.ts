import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document.ts';
import { pdfWithStream } from './testing.ts';

describe('decompression limits of the PDF reader', () => {
  it('refuses a flate bomb (a small file expanding past the per-stream limit) before pdf.js expands it', async () => {
    const bomb = pdfWithStream(deflateSync(Buffer.alloc(80 * 1024 * 1024), { level: 9 }));
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = await readDocument(bomb, 'bomb.pdf').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'zip-bomb' });
    expect((error as Error).message).toMatch(/^文件「bomb\.pdf」中第 1 个压缩数据流解压后超过单个数据流 64\.0 MB 的上限/u);
  });

  it('sees through filters chained twice (the inner layer is the bomb)', async () => {
    const inner = deflateSync(Buffer.alloc(80 * 1024 * 1024), { level: 9 });
    const bomb = pdfWithStream(deflateSync(inner), '[/FlateDecode /FlateDecode]');
    expect(bomb.length).toBeLessThan(2048);
    await expect(readDocument(bomb, 'double.pdf')).rejects.toMatchObject({ code: 'zip-bomb' });
  });

  it('counts all streams together against the total limit', async () => {
    const stream = deflateSync(Buffer.alloc(3 * 1024 * 1024));
    const error = await readDocument(pdfWithStream(stream), 'many.pdf', { maxStreamBytes: 4 * 1024 * 1024, maxUncompressedBytes: 2 * 1024 * 1024 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/解压后合计超过 2\.0 MB 的上限/u);
  });
});

import { DomainError } from '@jixiao/core';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { convertWithLibreOffice, findLibreOffice, FONTS_CONF, setConversionWorkers } from './libreoffice.ts';
import { renderDocx } from './render-docx.ts';
import { loadExample } from './test-support.ts';

const soffice = findLibreOffice();
if (!soffice) console.warn('跳过 LibreOffice 转换检查：本机没有 soffice');
const isPdf = (bytes: Uint8Array): boolean => new TextDecoder().decode(bytes.slice(0, 5)) === '%PDF-';

describe('the font alias file', () => {
  it('ships with the package', async () => {
    const { readFileSync } = await import('node:fs');
    const conf = readFileSync(FONTS_CONF, 'utf8');
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '黑体', '宋体', '方正小标宋简体']) expect(conf).toContain(`<family>${name}</family>`);
  });
});

describe.skipIf(!soffice)('convertWithLibreOffice', async () => {
  const { evaluation, scheme } = loadExample('clean-project-2023');
  const docx = await renderDocx(buildDocument(evaluation, scheme));
  afterEach(() => setConversionWorkers(1));

  it('runs conversions started together one after another in one profile', async () => {
    const results = await Promise.all([1, 2, 3].map(() => convertWithLibreOffice(docx, 'docx', 'pdf')));
    expect(results.every(isPdf)).toBe(true);
  });

  it('runs them side by side with one profile per worker', async () => {
    setConversionWorkers(2);
    const results = await Promise.all([1, 2, 3].map(() => convertWithLibreOffice(docx, 'docx', 'pdf')));
    expect(results.every(isPdf)).toBe(true);
  });

  it('says in Chinese when soffice cannot be started or takes too long', async () => {
    const failed = convertWithLibreOffice(docx, 'docx', 'pdf', { soffice: '/nonexistent/soffice' });
    await expect(failed).rejects.toThrowError(DomainError);
    await expect(failed).rejects.toThrowError(/无法启动 LibreOffice/u);
    await expect(convertWithLibreOffice(docx, 'docx', 'pdf', { timeoutMs: 50 })).rejects.toMatchObject({ code: 'soffice-timeout' });
    // the queue goes on after a failure
    expect(isPdf(await convertWithLibreOffice(docx, 'docx', 'pdf'))).toBe(true);
  });
});

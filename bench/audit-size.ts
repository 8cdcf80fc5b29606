/**
 * Audit time against size (issue 16): .docx reports of 10,000 to 100,000 paragraphs — a third one
 * repeated sentence with a rate and an amount, the rest numbered sentences with their own figures —
 * read and audited as a batch file is (`auditFile`), in this process. The time per 1,000 paragraphs should
 * stay flat (near-linear); the last column is each size's per-paragraph time over the smallest one's.
 * @module
 */
import { strToU8, zipSync } from 'fflate';
import { loadSchemes } from '@jixiao/documents/schemes';
import { auditFile } from '../packages/server/src/batch/audit-file.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

function report(paragraphs: number): Uint8Array {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = i % 3 === 0 ? '预算执行率为100%，项目资金1万元。' : `（${i}）第${i}项工作完成${i % 97}件，支出${(i % 500) + 1}.5万元，完成率${i % 100}%。`;
    body.push(`<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`);
  }
  return zipSync({ '[Content_Types].xml': strToU8(TYPES), 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body.join('')}</w:body></w:document>`) });
}

export async function benchAuditSize(): Promise<string[]> {
  const schemes = loadSchemes();
  await auditFile(report(1000), 'warm-up.docx', schemes);
  const lines = ['## 审核时间与文件大小（.docx，读取 + 审核，本进程）', '', '| 段落 | 文件 | 用时 | 每千段 | 每段用时 / 1 万段时 |', '|---:|---:|---:|---:|---:|'];
  let base = 0;
  for (const n of [10_000, 20_000, 40_000, 70_000, 100_000]) {
    const bytes = report(n);
    const started = performance.now();
    const result = await auditFile(bytes, `${n}.docx`, schemes);
    const ms = performance.now() - started;
    const perK = ms / (n / 1000);
    base ||= perK;
    lines.push(`| ${n.toLocaleString('en')} | ${(bytes.length / 1024).toFixed(0)} KB | ${(ms / 1000).toFixed(1)} s | ${perK.toFixed(0)} ms | ${(perK / base).toFixed(2)} |`);
    void result;
  }
  return lines;
}

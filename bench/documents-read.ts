/**
 * Reading + auditing benchmark (issue 3): the seed as .txt and as .docx (the fixture with real Word
 * tables), reports per second on one core, and the ratio of the .docx audit to the bare cost of unzipping
 * and XML-parsing the same file with fflate + fast-xml-parser.
 * Targets: the audit costs at most 2× the bare read; at least 100 seed-size text reports per second per core.
 * @module
 */
import { readFileSync } from 'node:fs';
import { auditDocument, auditSource, readDocument } from '@jixiao/documents';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { loadSchemes } from '../packages/cli/src/schemes.ts';
import { ms, ratio, time, timeAsync } from './measure.ts';

export async function benchRead(): Promise<string[]> {
  const schemes = loadSchemes();
  const txt = new Uint8Array(readFileSync(new URL('../examples/hengyang-natural-resources-2022.txt', import.meta.url)));
  const docx = new Uint8Array(readFileSync(new URL('../packages/documents/fixtures/hengyang-2022.docx', import.meta.url)));
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: false });
  const bare = time(() => {
    const files = unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' });
    const xml = new TextDecoder().decode(files['word/document.xml']);
    return parser.parse(xml);
  });
  const txtRead = await timeAsync(() => readDocument(txt, 'seed.txt'), { minRuns: 30 });
  const txtDoc = await readDocument(txt, 'seed.txt');
  const txtAuditOnly = time(() => auditSource(txtDoc, schemes), { minRuns: 30, warmup: 5 });
  const txtAll = await timeAsync(() => auditDocument(txt, 'seed.txt', schemes), { minRuns: 30 });
  const docxRead = await timeAsync(() => readDocument(docx, 'seed.docx'), { minRuns: 30 });
  const docxAll = await timeAsync(() => auditDocument(docx, 'seed.docx', schemes), { minRuns: 30 });
  const findings = (await auditDocument(txt, 'seed.txt', schemes)).findings.length;
  return [
    '== 读取与审核他人报告（种子报告）==',
    `.txt  读取 ${ms(txtRead.medianMs)}，映射 + 审核 ${ms(txtAuditOnly.medianMs)}，合计 ${ms(txtAll.medianMs)}（CPU ${ms(txtAll.cpuMs)}；${findings} 条发现）→ 单核约 ${Math.round(1000 / txtAll.cpuMs)} 份/秒（按 CPU 时间；目标 ≥ 100）`,
    `.docx 裸解压 + XML 解析（fflate + fast-xml-parser）${ms(bare.medianMs)}（CPU ${ms(bare.cpuMs)}）；我们的读取 ${ms(docxRead.medianMs)}；读取 + 审核 ${ms(docxAll.medianMs)}（CPU ${ms(docxAll.cpuMs)}）`,
    `      比值（读取 + 审核 ÷ 裸读取）：墙钟 ${ratio(docxAll.medianMs, bare.medianMs)}，CPU ${ratio(docxAll.cpuMs, bare.cpuMs)}   目标 ≤ 2×；读取本身 ÷ 裸读取：${ratio(docxRead.medianMs, bare.medianMs)}`,
  ];
}

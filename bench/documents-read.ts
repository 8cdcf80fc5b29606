/**
 * Reading + auditing benchmark (issue 3): the seed as .txt and as .docx (the fixture with real Word
 * tables), reports per second on one core, and the ratio of the .docx audit to the bare cost of unzipping
 * and XML-parsing the same file with fflate + fast-xml-parser.
 * Targets: the audit costs at most 2× the bare read; at least 100 seed-size text reports per second per core.
 *
 * The figures that are compared are measured side by side: each round runs the bare read, our .docx read,
 * our .docx read + audit and our .txt read + audit once, in turn, so the heap, the JIT and the load of a
 * shared machine weigh on all of them alike. CPU time is this process's (user + system, garbage-collection
 * threads included), the fairer per-core figure on a busy machine.
 * @module
 */
import { readFileSync } from 'node:fs';
import { auditDocument, auditSource, readDocument } from '@jixiao/documents';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { loadSchemes } from '../packages/cli/src/schemes.ts';
import { ms, ratio, type Timing } from './measure.ts';

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** Runs the tasks in turn, round after round, and gives each one's median wall and CPU time. */
async function interleaved(tasks: Record<string, () => unknown>, { warmup = 5, rounds = 40, minMs = 4000 } = {}): Promise<Record<string, Timing>> {
  const names = Object.keys(tasks);
  for (let i = 0; i < warmup; i++) for (const n of names) await tasks[n]?.();
  const wall = new Map<string, number[]>(names.map((n) => [n, []]));
  const cpu = new Map<string, number[]>(names.map((n) => [n, []]));
  const start = performance.now();
  for (let r = 0; r < rounds || performance.now() - start < minMs; r++) {
    for (const n of names) {
      const c0 = cpuNow();
      const t0 = performance.now();
      await tasks[n]?.();
      wall.get(n)?.push(performance.now() - t0);
      cpu.get(n)?.push(cpuNow() - c0);
    }
  }
  const out: Record<string, Timing> = {};
  for (const n of names) {
    const w = wall.get(n) ?? [];
    out[n] = { medianMs: median(w), p90Ms: [...w].sort((a, b) => a - b)[Math.floor(w.length * 0.9)] ?? 0, cpuMs: median(cpu.get(n) ?? []), runs: w.length };
  }
  return out;
}

export async function benchRead(): Promise<string[]> {
  const schemes = loadSchemes();
  const txt = new Uint8Array(readFileSync(new URL('../examples/hengyang-natural-resources-2022.txt', import.meta.url)));
  const docx = new Uint8Array(readFileSync(new URL('../packages/documents/fixtures/hengyang-2022.docx', import.meta.url)));
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, processEntities: false });
  const bare = () => {
    const files = unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' });
    const xml = new TextDecoder().decode(files['word/document.xml']);
    return parser.parse(xml);
  };
  const txtDoc = await readDocument(txt, 'seed.txt');
  const t = await interleaved({
    bare,
    txtRead: () => readDocument(txt, 'seed.txt'),
    txtAuditOnly: () => auditSource(txtDoc, schemes),
    txtAll: () => auditDocument(txt, 'seed.txt', schemes),
    docxRead: () => readDocument(docx, 'seed.docx'),
    docxAll: () => auditDocument(docx, 'seed.docx', schemes),
  });
  const { bare: b, txtRead, txtAuditOnly, txtAll, docxRead, docxAll } = t as Record<'bare' | 'txtRead' | 'txtAuditOnly' | 'txtAll' | 'docxRead' | 'docxAll', Timing>;
  const findings = (await auditDocument(txt, 'seed.txt', schemes)).findings.length;
  return [
    `== 读取与审核他人报告（种子报告；各项逐轮交替测量 ${b.runs} 轮）==`,
    `.txt  读取 ${ms(txtRead.medianMs)}，映射 + 审核 ${ms(txtAuditOnly.medianMs)}（CPU ${ms(txtAuditOnly.cpuMs)}），合计 ${ms(txtAll.medianMs)}（CPU ${ms(txtAll.cpuMs)}；${findings} 条发现）→ 单核约 ${Math.round(1000 / txtAll.cpuMs)} 份/秒（按 CPU 时间；目标 ≥ 100）`,
    `.docx 裸解压 + XML 解析（fflate + fast-xml-parser）${ms(b.medianMs)}（CPU ${ms(b.cpuMs)}）；我们的读取 ${ms(docxRead.medianMs)}（CPU ${ms(docxRead.cpuMs)}）；读取 + 审核 ${ms(docxAll.medianMs)}（CPU ${ms(docxAll.cpuMs)}）`,
    `      比值（读取 + 审核 ÷ 裸读取）：墙钟 ${ratio(docxAll.medianMs, b.medianMs)}，CPU ${ratio(docxAll.cpuMs, b.cpuMs)}   目标 ≤ 2×；读取本身 ÷ 裸读取：墙钟 ${ratio(docxRead.medianMs, b.medianMs)}，CPU ${ratio(docxRead.cpuMs, b.cpuMs)}`,
  ];
}

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
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { auditDocument, auditSource } from '@jixiao/audit';
import { readDocument } from '@jixiao/documents';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { loadSchemes } from '../packages/documents/src/schemes.ts';
import { ms, ratio, type Timing } from './measure.ts';
import type { ThroughputWindow } from './read-throughput.ts';

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

/**
 * Sustained .txt throughput in a child process pinned to the last core with `taskset` (all its threads on
 * one core); unpinned, and said so, where there is no taskset.
 */
function oneCoreThroughput(): { windows: ThroughputWindow[]; pinned: string } {
  const script = new URL('./read-throughput.ts', import.meta.url).pathname;
  const core = String(availableParallelism() - 1);
  const args = ['--import', 'tsx', script];
  let out: string;
  let pinned = `绑定第 ${core} 号核（taskset）`;
  try {
    out = execFileSync('taskset', ['-c', core, process.execPath, ...args], { encoding: 'utf8' });
  } catch {
    out = execFileSync(process.execPath, args, { encoding: 'utf8' });
    pinned = '未绑定单核（本机没有 taskset），垃圾回收线程可能用到其他核';
  }
  return { windows: JSON.parse(out.trim().split('\n').pop() ?? '[]') as ThroughputWindow[], pinned };
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
  const load = loadavg()[0] ?? 0;
  const { windows, pinned } = oneCoreThroughput();
  const best = [...windows].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(windows.length / 2)];
  return [
    `== 读取与审核他人报告（种子报告；各项逐轮交替测量 ${b.runs} 轮）==`,
    `.txt  读取 ${ms(txtRead.medianMs)}，映射 + 审核 ${ms(txtAuditOnly.medianMs)}（CPU ${ms(txtAuditOnly.cpuMs)}），合计 ${ms(txtAll.medianMs)}（CPU ${ms(txtAll.cpuMs)}；${findings} 条发现）→ 按 CPU 时间约 ${Math.round(1000 / txtAll.cpuMs)} 份/秒（与 .docx 各项交替，含它们留下的垃圾回收）`,
    `.txt  单核持续吞吐（独立进程，${pinned}；预热后 3 个 ≥2 秒的窗口：${windows.map((w) => `${w.perSecond.toFixed(0)}`).join(' / ')} 份/秒）：中位 ${best?.perSecond.toFixed(0)} 份/秒，每份 CPU ${ms(best?.cpuMsPerReport ?? 0)}（按 CPU 时间 ${Math.round(1000 / (best?.cpuMsPerReport ?? 1))} 份/秒）   目标 ≥ 100 份/秒/核（测量前 1 分钟平均负载 ${load.toFixed(2)}，共 ${availableParallelism()} 核）`,
    `.docx 裸解压 + XML 解析（fflate + fast-xml-parser）${ms(b.medianMs)}（CPU ${ms(b.cpuMs)}）；我们的读取 ${ms(docxRead.medianMs)}（CPU ${ms(docxRead.cpuMs)}）；读取 + 审核 ${ms(docxAll.medianMs)}（CPU ${ms(docxAll.cpuMs)}）`,
    `      比值（读取 + 审核 ÷ 裸读取）：墙钟 ${ratio(docxAll.medianMs, b.medianMs)}，CPU ${ratio(docxAll.cpuMs, b.cpuMs)}   目标 ≤ 2×；读取本身 ÷ 裸读取：墙钟 ${ratio(docxRead.medianMs, b.medianMs)}，CPU ${ratio(docxRead.cpuMs, b.cpuMs)}`,
  ];
}

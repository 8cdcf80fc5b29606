/**
 * Sustained throughput of reading + auditing the seed as .txt, in a process of its own pinned to one core
 * (`taskset`): every thread of the process — the main thread, the garbage collector's, the compiler's —
 * shares that core, so reports per second here are reports per second per core, with the cost of
 * collecting the garbage included. Started by bench/documents-read.ts; prints one JSON line.
 *
 * After a warm-up, it runs three windows of at least two seconds each and reports each window's rate and
 * CPU time per report; the caller takes the median window.
 * @module
 */
import { readFileSync } from 'node:fs';
import { auditDocument } from '@jixiao/audit';
import { loadSchemes } from '../packages/documents/src/schemes.ts';

export type ThroughputWindow = { readonly reports: number; readonly perSecond: number; readonly cpuMsPerReport: number };

const schemes = loadSchemes();
const txt = new Uint8Array(readFileSync(new URL('../examples/hengyang-natural-resources-2022.txt', import.meta.url)));

async function window(minMs: number, minReports: number): Promise<ThroughputWindow> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (n < minReports || performance.now() - t0 < minMs) {
    await auditDocument(txt, 'seed.txt', schemes);
    n++;
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { reports: n, perSecond: (n / wall) * 1000, cpuMsPerReport: (cpu.user + cpu.system) / 1000 / n };
}

await window(3000, 300); // warm-up: the compiler's tiers and the heap settle
const windows = [await window(2000, 100), await window(2000, 100), await window(2000, 100)];
process.stdout.write(`${JSON.stringify(windows)}\n`);

/**
 * Batch audit throughput (issue 7): one .zip of 200 mixed report files — the seed report as text with the
 * unit's name changed, .docx and .xlsx rendered from demo evaluations (`generateDemo` + the documents
 * writers), copies of the seed PDF fixture (no PDF is generated: LibreOffice takes seconds a file), and
 * corrupt files — uploaded with `batch-create` and audited by the queue:
 *
 * - PostgreSQL (DATABASE_URL; a database of its own, dropped after): 1 and then 2 worker **processes**
 *   (`jixiao worker` children, each one loop), files/s each and the scaling ratio;
 * - PGlite: the server's in-process workers (1 and 2 loops, each auditing in a worker thread);
 * - beside them, the same files audited one after another in this process, without any queue.
 *
 * Workers are started and warmed up (a small batch) before the clock starts; the clock runs from the
 * batch's commit to its last file. On a machine with 2 shared cores the ratio says how much a second
 * worker gains there, not what more cores would give.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseEvaluation, selectScheme } from '@jixiao/core';
import { render } from '@jixiao/documents';
import { sql } from 'drizzle-orm';
import { loadSchemes } from '../packages/documents/src/schemes.ts';
import { auditFile } from '../packages/server/src/batch/audit-file.ts';
import { runBatchWorkers } from '../packages/server/src/batch/start.ts';
import { SAMPLE_FILES, zipOf } from '../packages/server/src/batch/testing.ts';
import type { UploadedFile } from '../packages/server/src/batch/upload.ts';
import { generateDemo } from '../packages/server/src/demo/generate.ts';
import type { Database } from '../packages/server/src/storage/database.ts';
import { createTestPostgres, openTestPglite } from '../packages/server/src/testing/databases.ts';
import { buildWorld, type World } from '../packages/server/src/testing/world.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../packages/cli/src/bin.ts', import.meta.url));
const FILES = 200;

/** 200 report files: 70 .txt, 60 .docx, 50 .xlsx, 10 .pdf, 10 corrupt. */
async function makeFiles(): Promise<UploadedFile[]> {
  const schemes = loadSchemes();
  const demo = generateDemo({ units: 110, years: 1, seed: 'bench-batch' }, schemes);
  const evaluations = [...demo.evaluations()];
  const seedText = new TextDecoder().decode(SAMPLE_FILES.seedText().data);
  const files: UploadedFile[] = [];
  for (let i = 0; i < 70; i++) {
    const unit = demo.units[i]?.name ?? `单位${i}`;
    files.push({ fileName: `文本/${unit}.txt`, data: new TextEncoder().encode(seedText.replaceAll('衡阳县自然资源局', unit)) });
  }
  for (let i = 0; i < 110; i++) {
    const e = evaluations[i];
    if (!e) break;
    const evaluation = parseEvaluation(e.document);
    const scheme = selectScheme(schemes, evaluation.kind, evaluation.schemeId);
    const format = i < 60 ? 'docx' : 'xlsx';
    const name = `${demo.units[e.unitIndex]?.name ?? i}${e.projectName ? `-${e.projectName}` : ''}`;
    files.push({ fileName: `${format}/${name}.${format}`, data: (await render(evaluation, scheme, format)).bytes });
  }
  const pdf = SAMPLE_FILES.seedPdf();
  for (let i = 0; i < 10; i++) files.push({ fileName: `pdf/报告${i + 1}.pdf`, data: pdf.data });
  const docx = files.find((f) => f.fileName.endsWith('.docx'))?.data ?? new Uint8Array();
  for (let i = 0; i < 10; i++) {
    const data = i % 2 === 0 ? docx.subarray(0, Math.floor(docx.length / 3)) : new Uint8Array(Array.from({ length: 2048 }, (_, k) => (k * 7919 + i) % 256));
    files.push({ fileName: `损坏/损坏${i + 1}.${i % 2 === 0 ? 'docx' : 'xlsx'}`, data });
  }
  return files.slice(0, FILES);
}

async function waitDone(database: Database, batchId: string): Promise<void> {
  for (;;) {
    const result = (await database.db.execute(sql`SELECT count(*) FILTER (WHERE status IN ('done', 'failed'))::int AS done, count(*)::int AS total FROM batch_items WHERE batch_id = ${batchId}`)) as unknown as { rows: { done: number; total: number }[] };
    const row = result.rows[0];
    if (row && row.done >= row.total) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Uploads the files and times the audit of the batch from its commit to its last file. */
async function timeBatch(w: World, database: Database, zip: UploadedFile): Promise<{ seconds: number; createSeconds: number; failed: number; errors: number }> {
  const t0 = performance.now();
  const { id } = await w.run('batch-create', w.a.reviewer, { files: [zip] });
  const t1 = performance.now();
  await waitDone(database, id);
  const seconds = (performance.now() - t1) / 1000;
  const detail = await w.run('batch-get', w.a.reviewer, { id });
  return { seconds, createSeconds: (t1 - t0) / 1000, failed: detail.failed, errors: detail.counts.error };
}

async function warmUp(w: World, database: Database, copies: number): Promise<void> {
  const { id } = await w.run('batch-create', w.a.reviewer, { files: Array.from({ length: copies * 2 }, (_, i) => (i % 2 ? SAMPLE_FILES.seedDocx() : SAMPLE_FILES.seedXlsx())) });
  await waitDone(database, id);
}

function startWorkerProcess(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'worker', '--workers', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: url } });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('工作进程已启动')) resolve(child);
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`jixiao worker 退出（${code}）：${output.slice(-500)}`)));
  });
}

async function stopProcesses(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map((c) => new Promise<void>((resolve) => {
    if (c.exitCode !== null) return resolve();
    c.removeAllListeners('exit');
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
  })));
}

const rate = (seconds: number) => FILES / seconds;
const line = (label: string, r: { seconds: number; failed: number }) =>
  `  ${rate(r.seconds).toFixed(1).padStart(6)} 个/秒  ${label}（${r.seconds.toFixed(1)} 秒，${r.failed} 个无法读取）`;

async function benchPostgres(zip: UploadedFile): Promise<string[]> {
  const { database, url } = await createTestPostgres();
  const out: string[] = [];
  try {
    const w = await buildWorld(database);
    const results: number[] = [];
    for (const n of [1, 2]) {
      const children: ChildProcess[] = [];
      try {
        for (let i = 0; i < n; i++) children.push(await startWorkerProcess(url));
        await warmUp(w, database, n);
        const r = await timeBatch(w, database, zip);
        results.push(r.seconds);
        out.push(line(`PostgreSQL ${n} 个工作进程`, r));
        if (n === 1) out.push(`  （上传并展开 .zip、写入 ${FILES} 个文件：${r.createSeconds.toFixed(2)} 秒；全部文件共发现错误 ${r.errors} 个）`);
      } finally {
        await stopProcesses(children);
      }
    }
    const [one = Number.NaN, two = Number.NaN] = results;
    out.push(`  2 个进程 / 1 个进程：${(one / two).toFixed(2)} 倍`);
  } finally {
    await database.close();
  }
  return out;
}

async function benchPglite(zip: UploadedFile): Promise<string[]> {
  const out: string[] = [];
  const results: number[] = [];
  for (const n of [1, 2]) {
    const database = await openTestPglite();
    const w = await buildWorld(database);
    const workers = await runBatchWorkers(database, n, { log: () => undefined });
    try {
      await warmUp(w, database, n);
      const r = await timeBatch(w, database, zip);
      results.push(r.seconds);
      out.push(line(`PGlite 服务器内 ${n} 个工作线程`, r));
    } finally {
      await workers.close();
      await database.close();
    }
  }
  const [one = Number.NaN, two = Number.NaN] = results;
  out.push(`  2 个线程 / 1 个线程：${(one / two).toFixed(2)} 倍`);
  return out;
}

export async function benchBatch(): Promise<string[]> {
  const out = [`批量审核（${FILES} 个文件的 .zip：70 .txt、60 .docx、50 .xlsx、10 .pdf、10 个损坏；本机 ${availableParallelism()} 核，与其他进程共用）`];
  const load0 = loadavg()[0] ?? 0;
  const files = await makeFiles();
  const zip = zipOf('批量审核基准.zip', files);
  out.push(`  .zip ${(zip.data.byteLength / 1048576).toFixed(1)} MB，展开 ${(files.reduce((s, f) => s + f.data.byteLength, 0) / 1048576).toFixed(1)} MB`);

  // The same files one after another in this process: the audit alone, no queue, no database.
  const schemes = loadSchemes();
  for (const f of files.slice(0, 4)) await auditFile(f.data, f.fileName, schemes).catch(() => undefined);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let failed = 0;
  for (const f of files) await auditFile(f.data, f.fileName, schemes).catch(() => failed++);
  const sequential = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  out.push(line('逐个审核（本进程，无队列）', { seconds: sequential, failed }));
  // One stream of audits already keeps more than one core busy (garbage collection and compilation run on
  // threads of their own): what is left of the machine bounds what a second worker can add.
  out.push(`  逐个审核占用 CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} 秒 = ${((cpu.user + cpu.system) / 1e6 / sequential).toFixed(2)} 核（本机 ${availableParallelism()} 核）`);

  out.push(...(await benchPglite(zip)));
  if (process.env['DATABASE_URL']) out.push(...(await benchPostgres(zip)));
  else out.push('  PostgreSQL：未设置 DATABASE_URL，跳过（例如 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench -- batch）');
  // Two workers gain only with a core to spare: the load says whether there was one.
  out.push(`  本机负载（1 分钟平均）：开始时 ${load0.toFixed(1)}，结束时 ${(loadavg()[0] ?? 0).toFixed(1)}（${availableParallelism()} 核）`);
  return out;
}

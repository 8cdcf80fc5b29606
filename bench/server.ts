/**
 * Server benchmark (issue 5; 200 connections and memory: issue 16): autocannon on loopback, 50 and then 200
 * concurrent connections, against the real app in
 * a child process — reading an evaluation, and saving an edited one (validate + derive + check + store a
 * version with its findings and audit row) — each next to a bare hono handler that reads or stores the
 * same JSON in the same database. Targets: a save costs at most 3× the bare store (throughput ratio);
 * reads reach at least half the bare throughput. PGlite always; PostgreSQL too when DATABASE_URL is set.
 * The server process's resident memory (now and its peak, from /proc) is printed after each load.
 * `JIXIAO_BENCH_SECONDS` sets the length of each run (default 10). A request may take up to 60 s before it
 * counts as failed, so that p99 shows the queueing of a busy machine instead of dropping it.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Result = {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
};
type Request = {
  readonly method?: string;
  readonly path?: string;
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly setupRequest?: (request: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  readonly onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
};
type Options = { url: string; connections: number; duration: number; timeout: number; headers?: Record<string, string>; requests: Request[] };

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: Options) => Promise<Result>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = fileURLToPath(new URL('../packages/server/src/testing/bench-server.ts', import.meta.url));
const SEED = fileURLToPath(new URL('../examples/hengyang-natural-resources-2022.json', import.meta.url));
const PASSWORD = 'Bench-password-1';
const CONNECTIONS: readonly number[] = [50, 200];

/** The server process's resident memory now and at its peak (Linux /proc), in MB. */
function memoryOf(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (key: string) => Math.round(Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? 0) / 1024);
    return `服务器内存 ${mb('VmRSS')} MB（峰值 ${mb('VmHWM')} MB）`;
  } catch {
    return '服务器内存：无法读取（非 Linux）';
  }
}

type Ready = { port: number; engine: string; evaluationIds: string[]; bareId: string; seedYear: number };

async function startTarget(engine: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', TARGET, engine], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  let output = '';
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /^READY (.+)$/mu.exec(output);
      if (m?.[1]) resolve(JSON.parse(m[1]) as Ready);
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`基准服务器退出（${code}）：${output}`)));
  });
  child.removeAllListeners('exit');
  return { child, ready };
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`登录失败：${response.status}`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '', csrf: body.csrfToken };
}

const rps = (r: Result) => r.requests.average;
const fmt = (r: Result) => `${rps(r).toFixed(0).padStart(6)} 次/秒  p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms${r.non2xx + r.errors + r.timeouts > 0 ? `  （失败 ${r.non2xx + r.errors + r.timeouts}）` : ''}`;

async function benchEngine(engine: string, seconds: number): Promise<string[]> {
  const { child, ready } = await startTarget(engine);
  try {
    const base = `http://127.0.0.1:${ready.port}`;
    const session = await login(base);
    const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown>;
    const docOf = (i: number) => JSON.stringify({ ...seed, year: ready.seedYear + i, problems: `${String(seed['problems'])}（基准测试修改）` });
    const docs = ready.evaluationIds.map((_, i) => docOf(i));
    const lines: string[] = [];
    // the version each evaluation is at, across the runs (a save is based on it)
    const versions = ready.evaluationIds.map(() => 1);
    for (const connections of CONNECTIONS) {
      const run = (requests: Request[], withSession: boolean, most = connections) =>
        autocannon({ url: base, connections: Math.min(connections, most), duration: seconds, timeout: 60, requests, ...(withSession ? { headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } } : {}) });

      const evaluationId = ready.evaluationIds[0] ?? '';
      const read = await run([{ method: 'GET', path: `/api/evaluations/${evaluationId}` }], true);
      const bareRead = await run([{ method: 'GET', path: `/bare/documents/${ready.bareId}` }], false);

      // Each request edits an evaluation no other request is editing, on top of its current version (read
      // again before each run: saves cut off at the end of the previous run may have landed).
      for (const [i, id] of ready.evaluationIds.entries()) {
        const r = await fetch(`${base}/api/evaluations/${id}`, { headers: { cookie: session.cookie } });
        const body = (await r.json()) as { currentVersion?: number; evaluation?: { currentVersion?: number } };
        versions[i] = body.currentVersion ?? body.evaluation?.currentVersion ?? versions[i] ?? 1;
      }
      const free = ready.evaluationIds.map((_, i) => i);
      let conflicts = 0;
      const save = await run([{
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context) => {
          const i = free.shift() ?? 0;
          context['i'] = i;
          return { ...request, path: `/api/evaluations/${ready.evaluationIds[i]}`, body: `{"baseVersion":${versions[i]},"document":${docs[i]}}` };
        },
        onResponse: (status, body, context) => {
          const i = Number(context['i']);
          if (status === 200) versions[i] = (JSON.parse(body) as { version: number }).version;
          else if (status === 409) conflicts++;
          free.push(i);
        },
      }], true, ready.evaluationIds.length);
      const bareBody = `{"baseVersion":1,"document":${docs[0]}}`;
      const bareSave = await run([{ method: 'PUT', path: '/bare/documents', headers: { 'content-type': 'application/json' }, body: bareBody }], false, ready.evaluationIds.length);
      const saveConnections = Math.min(connections, ready.evaluationIds.length);

      const saveCost = rps(bareSave) / rps(save);
      const readShare = rps(read) / rps(bareRead);
      lines.push(
        `== 服务器（${engine === 'postgres' ? 'PostgreSQL' : 'PGlite 内嵌'}；autocannon，回环地址，${connections} 个并发连接，每项 ${seconds} 秒；自评约 ${(docs[0]?.length ?? 0) / 1024 | 0} KB）==`,
        `  读取自评  GET /api/evaluations/:id（会话、权限、当前版本与发现的问题）  ${fmt(read)}`,
        `  裸读取    GET /bare/documents/:id（同一数据库中同一 JSON）            ${fmt(bareRead)}`,
        `  读取吞吐比（读取 ÷ 裸读取）：${readShare.toFixed(2)}×   目标 ≥ 0.5×  ${readShare >= 0.5 ? '达到' : '未达到'}`,
        `  保存修改  PUT /api/evaluations/:id（校验 + 计分 + 审核 + 存版本${saveConnections < connections ? `；${saveConnections} 个连接，每个编辑不同的自评` : ''}）     ${fmt(save)}${conflicts ? `  冲突 ${conflicts}` : ''}`,
        `  裸存储    PUT /bare/documents（解析并存入同一 JSON）                 ${fmt(bareSave)}`,
        `  保存成本比（裸存储吞吐 ÷ 保存吞吐）：${saveCost.toFixed(2)}×   p99 比：${(save.latency.p99 / Math.max(1, bareSave.latency.p99)).toFixed(2)}×   目标 ≤ 3×  ${saveCost <= 3 ? '达到' : '未达到'}`,
        `  ${memoryOf(child.pid)}`,
      );
    }
    return lines;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchServer(): Promise<string[]> {
  const seconds = Number(process.env['JIXIAO_BENCH_SECONDS'] ?? 10);
  const lines = await benchEngine('pglite', seconds);
  if (process.env['DATABASE_URL']) lines.push(...(await benchEngine('postgres', seconds)));
  return lines;
}

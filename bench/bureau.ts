/**
 * The finance bureau's dashboard at scale (issue 7): demo evaluations (`generateDemo` + `storeDemo`, four
 * years) on PGlite (10,000, in memory, made each run) and on PostgreSQL (100,000 in a database of its own,
 * `jixiao_bench_100k`, when DATABASE_URL is set). The PostgreSQL database is kept between runs: a marker
 * table records the generator version, seed and size, and a run whose marker matches reuses the data (and
 * says so) instead of generating it again. Each figure of the dashboard, as the server runs it, is timed
 * against a hand-written single SQL aggregate of the same figure, for the whole installation (an
 * administrator, every region) and for one county (a reviewer); a figure that misses a target prints its
 * plan (EXPLAIN) and the indexes it uses. Targets: each figure under 500 ms and at most 2× the hand-written
 * aggregate. Then the memory of the real server process (a child process) on the same data: RSS and heap
 * at idle and after the dashboard and a list page as a reviewer and as the administrator.
 *
 * `JIXIAO_BENCH_BUREAU_PGLITE` (PGlite count), `JIXIAO_BENCH_BUREAU_POSTGRES` (PostgreSQL count),
 * `JIXIAO_BENCH_BUREAU_FRESH=1` (generate the PostgreSQL data again).
 * @module
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { loadSchemes } from '../packages/documents/src/schemes.ts';
import {
  executionFigure, gapFigure, gradeFigure, histogramFigure, rankingFigure, statusFigure, topChecksFigure, yearsFigure,
} from '../packages/server/src/commands/dashboard.ts';
import { openDataEntries, zipOf } from '../packages/server/src/commands/open-data-files.ts';
import { OPEN_DATA_SOURCE } from '../packages/server/src/commands/open-data-export.ts';
import { DEMO_GENERATOR_VERSION, generateDemo } from '../packages/server/src/demo/generate.ts';
import { type DemoStoreResult, storeDemo } from '../packages/server/src/demo/store.ts';
import type { Database, Db } from '../packages/server/src/storage/database.ts';
import { openPglite } from '../packages/server/src/storage/pglite.ts';
import { openPostgres } from '../packages/server/src/storage/postgres.ts';

const YEARS = 4;
const YEAR = 2023;
const RUNS = 15;
const BENCH_DATABASE = 'jixiao_bench_100k';
const POSTGRES_SEED = 'bench-postgres';

/** Medians of two queries run alternately (so that load on the machine hits both alike). */
async function medians(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [fn, samples] of [[a, sa], [b, sb]] as const) {
      const t0 = performance.now();
      await fn();
      samples.push(performance.now() - t0);
    }
  }
  const mid = (x: number[]) => x.sort((p, q) => p - q)[Math.floor(x.length / 2)] ?? Number.NaN;
  return [mid(sa), mid(sb)];
}

const exec = (db: Db, q: SQL) => db.execute(q);
const rowsOf = async <T>(db: Db, q: SQL): Promise<T[]> => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** The hand-written aggregate of each figure: one plain statement giving the same numbers, written directly. */
function handWritten(db: Db, region: string | null): Record<string, () => Promise<unknown>> {
  const where = region ? sql`AND u.region_id = ${region}` : sql``;
  const from = sql`evaluations e JOIN units u ON u.id = e.unit_id JOIN evaluation_versions v ON v.evaluation_id = e.id AND v.number = e.current_version`;
  return {
    状态: () => exec(db, sql`SELECT coalesce(e.status, 'notStarted'), count(*) FROM units u LEFT JOIN evaluations e ON e.unit_id = u.id AND e.year = ${YEAR} WHERE true ${where} GROUP BY 1`),
    等级: () => exec(db, sql`SELECT v.computed_grade, count(*) FROM ${from} WHERE e.year = ${YEAR} ${where} GROUP BY 1`),
    分数分布: () => exec(db, sql`SELECT floor(v.computed_total / 10), count(*) FROM ${from} WHERE e.year = ${YEAR} ${where} GROUP BY 1`),
    执行率与得分: () => exec(db, sql`SELECT e.id, v.execution_rate, v.computed_total, v.funds_score_full AND v.execution_rate < 90 AS f, count(*) FILTER (WHERE v.funds_score_full AND v.execution_rate < 90) OVER ()
      FROM ${from} WHERE e.year = ${YEAR} ${where} AND v.execution_rate IS NOT NULL ORDER BY f DESC, e.id LIMIT 2000`),
    审核规则: () => exec(db, sql`SELECT f ->> 'check', count(*) FROM ${from} CROSS JOIN LATERAL jsonb_array_elements(v.findings) f WHERE e.year = ${YEAR} ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`),
    差距: () => exec(db, sql`SELECT e.id, v.stated_score - v.computed_total FROM ${from} WHERE e.year = ${YEAR} ${where} AND v.stated_score <> v.computed_total ORDER BY abs(v.stated_score - v.computed_total) DESC LIMIT 10`),
    排名: () => exec(db, sql`SELECT e.id, v.computed_total, count(*) OVER () FROM ${from} WHERE e.year = ${YEAR} ${where} ORDER BY v.computed_total DESC LIMIT 20`),
    逐年对比: () => exec(db, sql`SELECT e.year, count(*), avg(v.computed_total) FROM ${from} WHERE e.year BETWEEN ${YEAR - 2} AND ${YEAR} ${where} GROUP BY 1`),
  };
}

function ours(db: Db, region: string | null): Record<string, () => Promise<unknown>> {
  return {
    状态: () => statusFigure(db, YEAR, region),
    等级: () => gradeFigure(db, YEAR, region),
    分数分布: () => histogramFigure(db, YEAR, region),
    执行率与得分: () => executionFigure(db, YEAR, region),
    审核规则: () => topChecksFigure(db, YEAR, region),
    差距: () => gapFigure(db, YEAR, region),
    排名: () => rankingFigure(db, { year: YEAR, sort: 'score', page: 1, pageSize: 20 }, region),
    逐年对比: () => yearsFigure(db, YEAR, region),
  };
}

/** The plan of the figure's query exactly as the server sends it (captured from the figure function) and the indexes it scans. */
async function explain(db: Db, name: string, region: string | null): Promise<string[]> {
  let captured: SQL | null = null;
  const capture = { execute: (q: SQL) => { captured = q; return Promise.resolve({ rows: [] }); } } as unknown as Db;
  await (ours(capture, region)[name] as () => Promise<unknown>)();
  if (!captured) return [`    ${name}：未能取得查询`];
  const plan = await rowsOf<{ 'QUERY PLAN': string }>(db, sql`EXPLAIN (ANALYZE, COSTS OFF) ${captured}`);
  const lines = plan.map((p) => p['QUERY PLAN']);
  const indexes = [...new Set(lines.flatMap((l) => [...l.matchAll(/ using (\S+)/giu)].map((m) => m[1])))];
  return [`    ${name}（${region ? '一个县' : '全部地区'}）：使用的索引 ${indexes.length ? indexes.join('、') : '无（顺序扫描）'}`, ...lines.slice(0, 30).map((l) => `      ${l}`)];
}

async function benchDatabase(label: string, database: Database, evaluations: number, generationNote: string): Promise<string[]> {
  const db = database.db;
  await db.execute(sql`ANALYZE`);
  const [first] = await rowsOf<{ id: string }>(db, sql`SELECT id FROM regions WHERE name LIKE '演示%' ORDER BY name LIMIT 1`);
  const lines = [`${label}：${evaluations} 份自评（${YEARS} 年）${generationNote}`];
  lines.push('  图表            范围        本系统 ms   手写单条SQL ms   比值   <500ms  ≤2×');
  let worstRatio = 0;
  let worstMs = 0;
  const missed: [string, string | null][] = [];
  for (const [scope, region] of [['全部地区', null], ['一个县', first?.id ?? null]] as const) {
    const a = ours(db, region);
    const b = handWritten(db, region);
    for (const name of Object.keys(a)) {
      const [mine, hand] = await medians(a[name] as () => Promise<unknown>, b[name] as () => Promise<unknown>);
      // Below a millisecond the ratio measures call overhead, not the query: compare against at least 1 ms.
      const ratio = mine / Math.max(hand, 1);
      worstRatio = Math.max(worstRatio, ratio);
      worstMs = Math.max(worstMs, mine);
      if (mine >= 500 || ratio > 2) missed.push([name, region]);
      lines.push(`  ${name.padEnd(8, '　')}  ${scope.padEnd(5, '　')}  ${mine.toFixed(1).padStart(9)}   ${hand.toFixed(1).padStart(14)}   ${ratio.toFixed(2).padStart(5)}   ${mine < 500 ? '是' : '否'}      ${ratio <= 2 ? '是' : '否'}`);
    }
  }
  lines.push(`  最慢 ${worstMs.toFixed(1)} ms，最大比值 ${worstRatio.toFixed(2)}×（手写查询不足 1 ms 时按 1 ms 计）`);
  if (missed.length > 0) {
    lines.push('  未达标的图表的查询计划（EXPLAIN ANALYZE）：');
    for (const [name, region] of missed) lines.push(...(await explain(db, name, region)));
  }
  return lines;
}

const describeStore = (r: DemoStoreResult) => {
  const seconds = r.milliseconds / 1000;
  const prepare = r.profile.prepareMilliseconds / r.evaluations;
  const insert = r.profile.insertMilliseconds / r.evaluations;
  return `生成并写入用时 ${seconds.toFixed(0)} 秒（${(r.evaluations / seconds).toFixed(0)} 份/秒；${r.profile.threads || '不用'} 个工作线程；`
    + `每份生成＋校验计分审核 ${prepare.toFixed(2)} ms（各线程合计），写入 ${insert.toFixed(2)} ms）`;
};

async function fill(database: Database, evaluations: number, seed: string, progress?: (done: number, total: number) => void): Promise<DemoStoreResult> {
  const schemes = loadSchemes();
  return storeDemo(database, generateDemo({ units: Math.ceil(evaluations / YEARS), years: YEARS, seed, lastYear: YEAR }, schemes), schemes, { batchSize: 1000, onProgress: progress });
}

type Marker = { generator: string; seed: string; evaluations: number; seconds: string; created_at: Date };

/**
 * The PostgreSQL benchmark database with `evaluations` demo evaluations: reused when its marker matches
 * (generator version, seed, count), else emptied and generated again (a marker is written only at the end,
 * so an interrupted generation is never reused).
 */
export async function benchPostgres(base: string, evaluations: number, log: (line: string) => void = () => undefined): Promise<{ database: Database; url: string; note: string }> {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${BENCH_DATABASE}`;
  const database = await openPostgres({ url: url.toString(), poolSize: 10 });
  await database.migrate();
  const db = database.db;
  await db.execute(sql`CREATE TABLE IF NOT EXISTS jixiao_bench_marker (generator text NOT NULL, seed text NOT NULL, evaluations int NOT NULL, seconds numeric NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  const [marker] = await rowsOf<Marker>(db, sql`SELECT generator, seed, evaluations, seconds::text AS seconds, created_at FROM jixiao_bench_marker LIMIT 1`);
  const fresh = process.env['JIXIAO_BENCH_BUREAU_FRESH'] === '1';
  if (!fresh && marker && marker.generator === DEMO_GENERATOR_VERSION && marker.seed === POSTGRES_SEED && Number(marker.evaluations) === evaluations) {
    const when = new Date(marker.created_at).toISOString().slice(0, 16).replace('T', ' ');
    return { database, url: url.toString(), note: `，复用数据库 ${BENCH_DATABASE} 中已有的数据（生成器版本 ${marker.generator}，${when} UTC 生成，当时生成并写入用时 ${Number(marker.seconds).toFixed(0)} 秒；JIXIAO_BENCH_BUREAU_FRESH=1 重新生成）` };
  }
  log(`PostgreSQL：在数据库 ${BENCH_DATABASE} 中生成 ${evaluations} 份演示自评${fresh ? '（JIXIAO_BENCH_BUREAU_FRESH=1，先清空）' : marker ? '（已有的数据版本或数量不符，先清空）' : ''}……`);
  await database.truncateAll();
  await db.execute(sql`DELETE FROM jixiao_bench_marker`);
  let last = 0;
  const result = await fill(database, evaluations, POSTGRES_SEED, (done, total) => {
    if (done - last >= 10_000 || done === total) {
      last = done;
      log(`  已写入 ${done}/${total}`);
    }
  });
  await db.execute(sql`ANALYZE`);
  await db.execute(sql`INSERT INTO jixiao_bench_marker (generator, seed, evaluations, seconds) VALUES (${DEMO_GENERATOR_VERSION}, ${POSTGRES_SEED}, ${result.evaluations}, ${result.milliseconds / 1000})`);
  return { database, url: url.toString(), note: `，新生成：${describeStore(result)}` };
}

/** The open-data .zip of the year with the most published evaluations, streamed to nowhere: size, time, heap. */
async function benchOpenData(database: Database): Promise<string[]> {
  const [best] = await rowsOf<{ year: number; n: number }>(database.db, sql`SELECT year, count(*)::int AS n FROM evaluations WHERE status = 'published' GROUP BY year ORDER BY 2 DESC LIMIT 1`);
  if (!best) return [];
  const counts = { evaluations: 0, figures: 0 };
  const meta = { scope: { year: Number(best.year), regionId: null }, scopeName: '全部地区', generatedAt: new Date(), source: OPEN_DATA_SOURCE };
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  let bytes = 0;
  const t0 = performance.now();
  for await (const chunk of zipOf(openDataEntries(database.db, meta, counts), meta.generatedAt)) {
    bytes += chunk.byteLength;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = (performance.now() - t0) / 1000;
  return [`  公开数据导出（${best.year} 年，全部地区，.zip）：${counts.evaluations} 份已公开自评、${counts.figures} 行资金数据，${(bytes / 1048576).toFixed(1)} MB，`
    + `${seconds.toFixed(1)} 秒（${(counts.evaluations / seconds).toFixed(0)} 份/秒，三遍读取）；导出期间堆比开始时最多多 ${mb(Math.max(0, peak - heap0))}（按页读取，不随份数增长）`];
}

// -------------------------------------------------------------------------------------------------
// Memory of the server process

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  return typeof address === 'object' && address ? address.port : 0;
}

type Memory = { rss: number; heapUsed: number; heapTotal: number; external: number };
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

/**
 * Starts the real server (`bureau-server.ts`: `startServer` with a reviewer and the
 * administrator) in a child process on the database, asks it for `process.memoryUsage()` over IPC at idle
 * and after the dashboard and a list page for each, and prints RSS and heap.
 */
async function serverMemory(label: string, env: Record<string, string>): Promise<string[]> {
  const port = await freePort();
  const child: ChildProcess = fork(new URL('./bureau-server.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ask = async <T>(message: Record<string, unknown>): Promise<T> => {
    const reply = once(child, 'message') as Promise<[T]>;
    child.send(message);
    return (await reply)[0];
  };
  try {
    const ready = await ask<{ ok: boolean; error?: string; reviewer: string; admin: string; password: string }>({ type: 'ready' });
    if (!ready.ok) return [`${label}：服务器未能启动：${ready.error ?? ''}`];
    const idle = await ask<Memory>({ type: 'memory', gc: true });
    const base = `http://127.0.0.1:${port}`;
    const timings: string[] = [];
    const lists = { 财政审核: ['自评列表', `/api/evaluations?year=${YEAR}&pageSize=100`], 系统管理员: ['单位列表', '/api/units?pageSize=100'] } as const;
    for (const [who, username] of [['财政审核', ready.reviewer], ['系统管理员', ready.admin]] as const) {
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username, password: ready.password }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      // as the web app asks: the figures without the ranking, then the ranking's pages on their own
      const asked = [['总览（不含排名）', `/api/dashboard?year=${YEAR}&ranking=false`], ['排名第 1 页', `/api/dashboard/ranking?year=${YEAR}`], ['排名第 2 页', `/api/dashboard/ranking?year=${YEAR}&page=2&pageSize=100`], lists[who]] as const;
      for (const [page, path] of asked) {
        const t0 = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        timings.push(`${who}·${page} ${res.status} ${(performance.now() - t0).toFixed(0)} ms`);
      }
    }
    const after = await ask<Memory>({ type: 'memory', gc: false });
    const afterGc = await ask<Memory>({ type: 'memory', gc: true });
    return [
      `${label}：服务器进程内存（子进程中的真实服务器）`,
      `  空闲：RSS ${mb(idle.rss)}，堆 ${mb(idle.heapUsed)} / ${mb(idle.heapTotal)}，外部 ${mb(idle.external)}`,
      `  请求后：RSS ${mb(after.rss)}，堆 ${mb(after.heapUsed)} / ${mb(after.heapTotal)}；垃圾回收后堆 ${mb(afterGc.heapUsed)}`,
      `  请求：${timings.join('；')}`,
    ];
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit').catch(() => undefined);
  }
}

export async function benchBureau(): Promise<string[]> {
  const lines = ['绩效总览（issue 7）：每个图表一条 SQL 聚合，对比手写的单条聚合查询；服务器进程内存'];
  const pgliteCount = Number(process.env['JIXIAO_BENCH_BUREAU_PGLITE'] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-bureau-'));
  try {
    const dataDir = join(dir, 'data');
    const pglite = await openPglite({ dataDir });
    try {
      await pglite.migrate();
      const filled = await fill(pglite, pgliteCount, 'bench-pglite');
      lines.push(...(await benchDatabase('PGlite（数据目录）', pglite, filled.evaluations, `，${describeStore(filled)}`)));
    } finally {
      await pglite.close();
    }
    lines.push(...(await serverMemory(`PGlite，${pgliteCount} 份`, { JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '' })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env['DATABASE_URL'];
  if (!base) {
    lines.push('PostgreSQL：未设置 DATABASE_URL，跳过');
    return lines;
  }
  const count = Number(process.env['JIXIAO_BENCH_BUREAU_POSTGRES'] ?? 100_000);
  const { database, url, note } = await benchPostgres(base, count, (line) => process.stderr.write(`${line}\n`));
  try {
    lines.push(...(await benchDatabase('PostgreSQL', database, count, note)));
    lines.push(...(await benchOpenData(database)));
  } finally {
    await database.close();
  }
  lines.push(...(await serverMemory(`PostgreSQL，${count} 份`, { DATABASE_URL: url })));
  return lines;
}

/**
 * The finance bureau's dashboard at scale (issue 7): demo evaluations (`generateDemo` + `storeDemo`, three
 * years) on PGlite (10,000) and on PostgreSQL (as many as fit in about two minutes of generation, when
 * DATABASE_URL is set; a database of its own, dropped after). Each figure of the dashboard, as the server
 * runs it, is timed against a hand-written single SQL aggregate of the same figure, for the whole
 * installation (an administrator, every region) and for one county (a reviewer). Targets: each figure
 * under 500 ms and at most 2× the hand-written aggregate. `JIXIAO_BENCH_BUREAU_PGLITE` /
 * `JIXIAO_BENCH_BUREAU_SECONDS` change the PGlite count and the PostgreSQL generation budget.
 * @module
 */
import { sql, type SQL } from 'drizzle-orm';
import { loadSchemes } from '../packages/cli/src/schemes.ts';
import {
  executionFigure, gapFigure, gradeFigure, histogramFigure, rankingFigure, statusFigure, topChecksFigure, yearsFigure,
} from '../packages/server/src/commands/dashboard.ts';
import { generateDemo } from '../packages/server/src/demo/generate.ts';
import { storeDemo } from '../packages/server/src/demo/store.ts';
import type { Database, Db } from '../packages/server/src/storage/database.ts';
import { openPglite } from '../packages/server/src/storage/pglite.ts';
import { createTestPostgres } from '../packages/server/src/testing/databases.ts';

const YEARS = 3;
const YEAR = 2023;
const RUNS = 15;

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

async function benchDatabase(label: string, database: Database, evaluations: number, generationNote: string): Promise<string[]> {
  const db = database.db;
  await db.execute(sql`ANALYZE`);
  const [first] = ((await db.execute(sql`SELECT id FROM regions ORDER BY name LIMIT 1`)) as unknown as { rows: { id: string }[] }).rows;
  const lines = [`${label}：${evaluations} 份自评（${YEARS} 年）${generationNote}`];
  lines.push('  图表            范围        本系统 ms   手写单条SQL ms   比值   <500ms  ≤2×');
  let worstRatio = 0;
  let worstMs = 0;
  for (const [scope, region] of [['全部地区', null], ['一个县', first?.id ?? null]] as const) {
    const a = ours(db, region);
    const b = handWritten(db, region);
    for (const name of Object.keys(a)) {
      const [mine, hand] = await medians(a[name] as () => Promise<unknown>, b[name] as () => Promise<unknown>);
      // Below a millisecond the ratio measures call overhead, not the query: compare against at least 1 ms.
      const ratio = mine / Math.max(hand, 1);
      worstRatio = Math.max(worstRatio, ratio);
      worstMs = Math.max(worstMs, mine);
      lines.push(`  ${name.padEnd(8, '　')}  ${scope.padEnd(5, '　')}  ${mine.toFixed(1).padStart(9)}   ${hand.toFixed(1).padStart(14)}   ${ratio.toFixed(2).padStart(5)}   ${mine < 500 ? '是' : '否'}      ${ratio <= 2 ? '是' : '否'}`);
    }
  }
  lines.push(`  最慢 ${worstMs.toFixed(1)} ms，最大比值 ${worstRatio.toFixed(2)}×（手写查询不足 1 ms 时按 1 ms 计）`);
  return lines;
}

async function fill(database: Database, units: number, seed: string): Promise<{ evaluations: number; seconds: number }> {
  const schemes = loadSchemes();
  const result = await storeDemo(database, generateDemo({ units, years: YEARS, seed, lastYear: YEAR }, schemes), schemes, { batchSize: 1000 });
  return { evaluations: result.evaluations, seconds: result.milliseconds / 1000 };
}

export async function benchBureau(): Promise<string[]> {
  const lines = ['绩效总览（issue 7）：每个图表一条 SQL 聚合，对比手写的单条聚合查询'];
  const pgliteCount = Number(process.env['JIXIAO_BENCH_BUREAU_PGLITE'] ?? 10_000);
  const pglite = await openPglite();
  try {
    await pglite.migrate();
    const filled = await fill(pglite, Math.ceil(pgliteCount / YEARS), 'bench-pglite');
    const rate = filled.evaluations / filled.seconds;
    lines.push(...(await benchDatabase('PGlite（内存）', pglite, filled.evaluations, `，生成并写入用时 ${filled.seconds.toFixed(0)} 秒（${rate.toFixed(0)} 份/秒，含每份的校验、计分和审核）`)));
    const url = process.env['DATABASE_URL'];
    if (!url) {
      lines.push('PostgreSQL：未设置 DATABASE_URL，跳过');
      return lines;
    }
    const budget = Number(process.env['JIXIAO_BENCH_BUREAU_SECONDS'] ?? 120);
    const target = Math.min(100_000, Math.max(pgliteCount, Math.round((rate * budget) / 1000) * 1000));
    const { database } = await createTestPostgres();
    try {
      const pg = await fill(database, Math.ceil(target / YEARS), 'bench-postgres');
      const note = `，生成并写入用时 ${pg.seconds.toFixed(0)} 秒${pg.evaluations < 100_000 ? `（约 ${budget} 秒的生成预算内能写入的数量，不是 issue 要求的 100,000 份）` : ''}`;
      lines.push(...(await benchDatabase('PostgreSQL', database, pg.evaluations, note)));
    } finally {
      await database.close();
    }
  } finally {
    await pglite.close();
  }
  return lines;
}

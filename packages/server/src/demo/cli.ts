/**
 * `jixiao demo --units N --years K [--seed S]`: generates demo data and stores it in the server's storage
 * (DATABASE_URL, else the data directory), reporting the injected defects and how many the checks found.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { configFromEnv } from '../config.ts';
import { loadSchemes } from '../schemes.ts';
import { STATUS_NAMES, type Status } from '../domain/workflow.ts';
import { openDatabase } from '../storage/open.ts';
import { DEMO_DEFECT_NAMES, type DemoDefect, generateDemo } from './generate.ts';
import { storeDemo } from './store.ts';

export type DemoCliOptions = {
  readonly units?: string | undefined;
  readonly years?: string | undefined;
  readonly seed?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly progress?: ((text: string) => void) | undefined;
};

function count(text: string | undefined, flag: string, fallback: number | null): number {
  if (text === undefined) {
    if (fallback === null) throw new DomainError('usage', `请给出 ${flag}，例如：jixiao demo --units 100 --years 3`);
    return fallback;
  }
  const n = Number(text);
  if (!/^\d+$/u.test(text.trim()) || !Number.isSafeInteger(n)) throw new DomainError('usage', `${flag} 应为正整数，收到「${text}」`);
  return n;
}

export async function demoCommand(options: DemoCliOptions): Promise<string> {
  const units = count(options.units, '--units', null);
  const years = count(options.years, '--years', 1);
  const schemes = loadSchemes();
  const data = generateDemo({ units, years, seed: options.seed }, schemes);
  const c = configFromEnv(options.env ?? process.env);
  const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: options.dataDir ?? c.dataDir });
  try {
    const result = await storeDemo(database, data, schemes, {
      onProgress: options.progress ? (done, total) => options.progress?.(`已生成 ${done}/${total} 份自评`) : undefined,
    });
    options.progress?.('');
    const defects = (Object.entries(result.defects) as [DemoDefect, { injected: number; found: number }][])
      .map(([k, v]) => `  ${DEMO_DEFECT_NAMES[k]}：注入 ${v.injected} 份，审核发现 ${v.found} 份`);
    const statuses = Object.entries(result.byStatus).map(([s, n]) => `${STATUS_NAMES[s as Status] ?? s} ${n}`).join('，');
    return [
      `已在 ${database.description} 生成演示数据（种子 ${data.seed}，${data.years.join('、')} 年度）：`,
      `  ${result.regions} 个地区、${result.units} 个单位、${result.evaluations} 份自评，用时 ${(result.milliseconds / 1000).toFixed(1)} 秒`,
      `  每份：生成＋校验计分审核 ${(result.profile.prepareMilliseconds / Math.max(1, result.evaluations)).toFixed(2)} ms（${result.profile.threads ? `${result.profile.threads} 个工作线程合计` : '本线程'}），`
        + `写入 ${(result.profile.insertMilliseconds / Math.max(1, result.evaluations)).toFixed(2)} ms`,
      `  状态：${statuses}`,
      ...defects,
      `各地区的财政审核账户（密码只显示这一次，首次登录须修改）：`,
      ...result.reviewers.slice(0, 20).map((r) => `  ${r.regionName}：${r.username} / ${r.password}`),
      ...(result.reviewers.length > 20 ? [`  …… 另有 ${result.reviewers.length - 20} 个（管理员可在“系统管理 · 账户”中重置密码）`] : []),
    ].join('\n');
  } finally {
    await database.close();
  }
}

/**
 * `jixiao open-data --year 2023 -o out/ [--region <地区名称或编号>]`: writes the open-data files of a
 * year's published evaluations into a directory, straight from the server's storage (DATABASE_URL, else
 * the data directory) — the operator who holds the database is the administrator here.
 * @module
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { DomainError } from '@jixiao/core';
import { eq, or } from 'drizzle-orm';
import { configFromEnv } from '../config.ts';
import { openDatabase } from '../storage/open.ts';
import { regions } from '../storage/schema.ts';
import { OPEN_DATA_SOURCE } from './open-data-export.ts';
import { openDataEntries, type OpenDataCounts } from './open-data-files.ts';

export type OpenDataCliOptions = {
  readonly year?: string | undefined;
  readonly output?: string | undefined;
  readonly region?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: () => Date;
};

export async function openDataCommand(options: OpenDataCliOptions): Promise<string> {
  const year = Number(options.year);
  if (!options.year || !/^\d{4}$/u.test(options.year.trim()) || year < 2000 || year > 2100) {
    throw new DomainError('usage', `请用 --year 给出年度（2000 到 2100），例如：jixiao open-data --year 2023 -o out/${options.year ? `；收到「${options.year}」` : ''}`);
  }
  if (!options.output) throw new DomainError('usage', '请用 -o 给出输出目录，例如：jixiao open-data --year 2023 -o out/');
  const dir = resolve(options.output);
  const c = configFromEnv(options.env ?? process.env);
  const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: options.dataDir ?? c.dataDir });
  try {
    let region: { id: string; name: string } | null = null;
    if (options.region) {
      const [found] = await database.db.select({ id: regions.id, name: regions.name }).from(regions).where(or(eq(regions.id, options.region), eq(regions.name, options.region)));
      if (!found) throw new DomainError('region-not-found', `找不到地区「${options.region}」（请给出地区名称或编号）`);
      region = found;
    }
    mkdirSync(dir, { recursive: true });
    const counts: OpenDataCounts = { evaluations: 0, figures: 0 };
    const meta = { scope: { year, regionId: region?.id ?? null }, scopeName: region?.name ?? '全部地区', generatedAt: (options.clock ?? (() => new Date()))(), source: OPEN_DATA_SOURCE };
    const written: string[] = [];
    for (const entry of openDataEntries(database.db, meta, counts)) {
      const file = join(dir, entry.name);
      const out = createWriteStream(file);
      try {
        for await (const text of entry.chunks()) if (!out.write(text)) await once(out, 'drain');
      } finally {
        out.end();
        await once(out, 'close');
      }
      written.push(entry.name);
    }
    return [
      `已写出 ${meta.scopeName} ${year} 年度的公开数据到 ${dir}：已公开的自评 ${counts.evaluations} 份，资金数据 ${counts.figures} 行`,
      `  ${written.join('、')}`,
    ].join('\n');
  } finally {
    await database.close();
  }
}

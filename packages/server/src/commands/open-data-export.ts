/**
 * The open-data commands: `open-data-export` (a reviewer for their own region, an administrator for any
 * region or all) streams the files of `open-data-files.ts`; `open-data-dictionary` gives the data
 * dictionary to anyone (it describes columns, not data).
 *
 * Not a public download: an export reads and converts every published evaluation of a year (a province:
 * tens of thousands of documents), and an endpoint without login would let anyone make the server do that
 * repeatedly. The published files are meant to be put on the open-data portal as they are (`jixiao
 * open-data`, or a download by the bureau), where they are static and cached.
 * @module
 */
import { z } from 'zod';
import { regionOf } from './dashboard.ts';
import { openDataEntries, streamOf, zipOf } from './open-data-files.ts';
import { DICTIONARY, openDataInput } from './open-data.ts';
import { defineCommand, requireActor } from './registry.ts';

export const OPEN_DATA_SOURCE = 'jixiao 预算绩效自评系统';

export const openDataExport = defineCommand({
  name: 'open-data-export',
  summary: '导出某年度已公开自评的公开数据（.zip：两张 CSV、JSON、数据字典与说明；或单独的 CSV、JSON），分预算阶段（年初预算、调整预算、执行）',
  access: ['reviewer', 'admin'],
  input: openDataInput,
  async run(ctx, input) {
    const region = await regionOf(ctx.database.db, requireActor(ctx), input.regionId);
    const scopeName = region?.name ?? '全部地区';
    const meta = { scope: { year: input.year, regionId: region?.id ?? null }, scopeName, generatedAt: ctx.clock(), source: OPEN_DATA_SOURCE };
    const entries = openDataEntries(ctx.database.db, meta);
    const base = `${scopeName}${input.year}年度绩效自评公开数据`;
    if (input.format === 'zip') {
      return { fileName: `${base}.zip`, mediaType: 'application/zip', data: streamOf(zipOf(entries, meta.generatedAt)) };
    }
    const name = input.format === 'json' ? 'data.json' : `${input.table}.csv`;
    const entry = entries.find((e) => e.name === name);
    if (!entry) throw new Error(`没有文件 ${name}`);
    return { fileName: `${base}-${name}`, mediaType: entry.mediaType, data: streamOf(entry.chunks()) };
  },
});

export const openDataDictionary = defineCommand({
  name: 'open-data-dictionary',
  summary: '公开数据的数据字典：每个字段的名称、中文名、类型、单位、说明与取值',
  access: 'public',
  input: z.strictObject({}),
  run: async () => DICTIONARY,
});

export const OPEN_DATA_COMMANDS = { 'open-data-export': openDataExport, 'open-data-dictionary': openDataDictionary } as const;

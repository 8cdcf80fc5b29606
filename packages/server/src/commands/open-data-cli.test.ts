import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCommand } from '../demo/cli.ts';
import { openDataCommand } from './open-data-cli.ts';

describe('jixiao open-data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-open-data-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {};
  const dataDir = join(dir, 'data');

  it('asks for --year and -o, in Chinese', async () => {
    await expect(openDataCommand({ output: join(dir, 'x'), dataDir, env })).rejects.toThrow(/请用 --year 给出年度/u);
    await expect(openDataCommand({ year: '23', output: join(dir, 'x'), dataDir, env })).rejects.toThrow(/收到「23」/u);
    await expect(openDataCommand({ year: '2023', dataDir, env })).rejects.toThrow(/请用 -o 给出输出目录/u);
  });

  it('writes every file of the published evaluations of the year into the directory', async () => {
    const demo = await demoCommand({ units: '30', years: '1', seed: 'open-cli', dataDir, env });
    const published = Number(/已公开 (\d+)/u.exec(demo)?.[1]);
    expect(published).toBeGreaterThan(0);
    const out = join(dir, 'out');
    const report = await openDataCommand({ year: '2023', output: out, dataDir, env });
    expect(report).toContain(`已公开的自评 ${published} 份`);
    expect(readdirSync(out).sort()).toEqual(['README.txt', 'data.json', 'dictionary.csv', 'dictionary.json', 'evaluations.csv', 'figures.csv']);
    const rows = parseCsv(readFileSync(join(out, 'evaluations.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(published);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain(`自评 ${published} 份`);
    await expect(openDataCommand({ year: '2023', output: join(dir, 'none'), region: '不存在的县', dataDir, env })).rejects.toThrow(/找不到地区「不存在的县」/u);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCommand } from './cli.ts';

describe('jixiao demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-demo-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {};

  it('asks for --units and refuses what is not a count, in Chinese', async () => {
    await expect(demoCommand({ dataDir: dir, env })).rejects.toThrow(/请给出 --units/u);
    await expect(demoCommand({ units: '12x', dataDir: dir, env })).rejects.toThrow(/--units 应为正整数/u);
    await expect(demoCommand({ units: '3', years: '0', dataDir: dir, env })).rejects.toThrow(/--years 应为 1 到/u);
  });

  it('stores the data in the data directory and reports what it injected and what the checks found', async () => {
    const progress: string[] = [];
    const out = await demoCommand({ units: '12', years: '2', seed: 'cli', dataDir: dir, env, progress: (t) => progress.push(t) });
    expect(out).toMatch(/1 个地区、12 个单位、24 份自评/u);
    expect(out).toMatch(/种子 cli，2022、2023 年度/u);
    expect(out).toMatch(/每份：生成＋校验计分审核 \d+\.\d\d ms（本线程），写入 \d+\.\d\d ms/u);
    for (const m of out.matchAll(/注入 (\d+) 份，审核发现 (\d+) 份/gu)) expect(m[2]).toBe(m[1]);
    expect(progress.at(-2)).toBe('已生成 24/24 份自评');
  });
});

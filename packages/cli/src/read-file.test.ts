import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { readRegularFile } from './read-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('the CLI reads regular files only', () => {
  it('skips a link to /dev/zero with a message instead of reading it for ever', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    expect(() => readRegularFile(join(dir, 'zero.txt'))).toThrow(/zero\.txt 是设备文件，不是普通文件，已跳过/u);
    const r = await run(['check', join(dir, 'zero.txt')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('是设备文件，不是普通文件');
  });

  it('does not hang on a FIFO, named or found in a folder', async () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    execFileSync('mkfifo', [join(folder, 'pipe.txt')]);
    expect(() => readRegularFile(join(folder, 'pipe.txt'))).toThrow(/是命名管道（FIFO），不是普通文件/u);
    writeFileSync(join(folder, 'report.txt'), '衡阳县自然资源局2022年度部门整体支出绩效自评报告\n');
    symlinkSync(folder, join(folder, 'loop'));
    const r = await run(['check', folder]);
    expect(r.out).toContain('是命名管道（FIFO）');
    expect(r.out).toContain('report.txt');
  });

  it('refuses a file past the size limit before reading it', () => {
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2048, 0x61));
    expect(() => readRegularFile(join(dir, 'big.txt'), 1024)).toThrow(/big\.txt 有 0\.0 MB，超过/u);
    expect(readRegularFile(join(dir, 'big.txt'))).toHaveLength(2048);
  });

  it('says an unknown option in Chinese', async () => {
    const r = await run(['check', '--no-such-option']);
    expect(r.err).toMatch(/^jixiao：参数有误（--no-such-option）：没有这个选项。/u);
  });
});

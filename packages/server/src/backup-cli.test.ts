import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { main } from '@jixiao/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, ENGINES, openTestPglite } from './testing/databases.ts';
import { buildWorld, seedDocument } from './testing/world.ts';

const rows = (file: string) => {
  const bytes = readFileSync(file);
  // without the header (its time differs) and the signature over it
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8').trimEnd().split('\n').slice(1).map((l) => l.replace(/,"mac":"[0-9a-f]+"/u, ''));
};

async function cli(args: string[], env: Record<string, string | undefined>) {
  const saved = { DATABASE_URL: process.env['DATABASE_URL'] };
  if (env['DATABASE_URL'] === undefined) delete process.env['DATABASE_URL'];
  else process.env['DATABASE_URL'] = env['DATABASE_URL'];
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await main(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved.DATABASE_URL === undefined) delete process.env['DATABASE_URL'];
    else process.env['DATABASE_URL'] = saved.DATABASE_URL;
  }
}

describe.each(ENGINES)('jixiao backup and jixiao restore on %s', (engine) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  // The source and the target are different data directories: the administrator's key signs and checks.
  const savedKey = process.env['JIXIAO_BACKUP_KEY'];
  beforeAll(() => {
    process.env['JIXIAO_BACKUP_KEY'] = 'test-backup-key-of-the-administrator';
  });
  afterAll(async () => {
    if (savedKey === undefined) delete process.env['JIXIAO_BACKUP_KEY'];
    else process.env['JIXIAO_BACKUP_KEY'] = savedKey;
    for (const c of cleanups.reverse()) await c();
  });

  it('backs up, restores into an empty database, and the restored database backs up identically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    let source: Record<string, string | undefined>;
    let target: Record<string, string | undefined>;
    let sourceArgs: string[] = [];
    let targetArgs: string[] = [];
    if (engine === 'pglite') {
      const database = await openTestPglite(join(dir, 'a'));
      const w = await buildWorld(database);
      await w.run('evaluation-create', w.a.preparer, { document: seedDocument(), note: '备份前的数据' });
      await database.close();
      await (await openTestPglite(join(dir, 'b'))).close();
      source = { DATABASE_URL: undefined };
      target = source;
      sourceArgs = ['--data', join(dir, 'a')];
      targetArgs = ['--data', join(dir, 'b')];
    } else {
      const a = await createTestPostgres();
      const b = await createTestPostgres();
      cleanups.push(() => a.database.close(), () => b.database.close());
      const w = await buildWorld(a.database);
      await w.run('evaluation-create', w.a.preparer, { document: seedDocument(), note: '备份前的数据' });
      source = { DATABASE_URL: a.url };
      target = { DATABASE_URL: b.url };
    }
    const backup = await cli(['backup', join(dir, 'one.jsonl.gz'), ...sourceArgs], source);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/^已备份 .+：\d+ 行（自评 1 份、版本 1 个、用户 7 个、审计记录 \d+ 条）$/u);
    const restore = await cli(['restore', join(dir, 'one.jsonl.gz'), ...targetArgs], target);
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('所有用户需要重新登录');
    expect((await cli(['backup', join(dir, 'two.jsonl'), ...targetArgs], target)).code).toBe(0);
    expect(rows(join(dir, 'two.jsonl'))).toEqual(rows(join(dir, 'one.jsonl.gz')));

    const again = await cli(['restore', join(dir, 'one.jsonl.gz'), ...targetArgs], target);
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining('目标数据库已有数据') });
    expect((await cli(['restore', join(dir, 'one.jsonl.gz'), '--force', ...targetArgs], target)).code).toBe(0);
    process.env['JIXIAO_BACKUP_KEY'] = 'another-key-not-the-one-that-signed';
    expect(await cli(['restore', join(dir, 'one.jsonl.gz'), '--force', ...targetArgs], target)).toMatchObject({ code: 2, err: expect.stringContaining('签名不符') });
    process.env['JIXIAO_BACKUP_KEY'] = 'test-backup-key-of-the-administrator';
    expect(await cli(['restore', join(dir, 'missing.jsonl'), ...targetArgs], target)).toMatchObject({ code: 2, err: expect.stringContaining('找不到备份文件') });
    expect(await cli(['backup'], target)).toMatchObject({ code: 2, err: expect.stringContaining('请给出一个备份文件') });
  });
});

describe('jixiao backup while the server holds the data directory', () => {
  it('says the directory is in use instead of opening it a second time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-held-'));
    const database = await openTestPglite(dir);
    try {
      const result = await cli(['backup', join(dir, 'x.jsonl'), '--data', dir], { DATABASE_URL: undefined });
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/数据目录 .+ 已被占用.+不能由两个进程同时打开/u);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

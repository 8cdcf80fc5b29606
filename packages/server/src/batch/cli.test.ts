import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../storage/pglite.ts';
import { createTestPostgres, ENGINES, openTestPglite } from '../testing/databases.ts';
import { COMMANDS } from '../commands/index.ts';
import { execute } from '../commands/registry.ts';
import { buildWorld, testServices } from '../testing/world.ts';
import { workerCommand } from './cli.ts';
import { SAMPLE_FILES } from './testing.ts';

describe.each(ENGINES)('jixiao worker on %s', (engine) => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('audits what is queued in the server\'s storage, then (with --exit-when-idle) stops and says what it did', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-worker-'));
    dirs.push(dataDir);
    const pg = engine === 'postgres' ? await createTestPostgres() : null;
    const database = pg?.database ?? (await openTestPglite(dataDir));
    const env = pg ? { DATABASE_URL: pg.url } : {};
    try {
      const w = await buildWorld(database);
      const batchId = (await w.run('batch-create', w.a.reviewer, { files: [SAMPLE_FILES.seedText(), SAMPLE_FILES.corruptDocx(), SAMPLE_FILES.seedXlsx()] })).id;
      // The embedded database admits one process: the server (here, the test) lets go of it first.
      if (!pg) await database.close();
      const lines: string[] = [];
      const summary = await workerCommand({ workers: '2', dataDir, exitWhenIdle: true, env, out: (line) => lines.push(line) });
      expect(summary).toMatch(/^批量审核工作进程已停止：审核 3 个文件，其中 1 个无法读取/u);
      expect(lines.filter((l) => l.startsWith('已审核：'))).toHaveLength(2);
      expect(lines.filter((l) => l.startsWith('无法审核：已损坏的报告.docx'))).toHaveLength(1);
      const after = pg ? database : await openPglite({ dataDir });
      try {
        const detail = await execute(COMMANDS['batch-get'], { ...testServices(after), actor: w.a.reviewer }, { id: batchId });
        expect(detail).toMatchObject({ status: 'done', done: 3, failed: 1 });
      } finally {
        if (!pg) await after.close();
      }
    } finally {
      await database.close();
    }
  });

  it('refuses a bad --workers in Chinese', async () => {
    await expect(workerCommand({ workers: '0', out: () => undefined })).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(/--workers/u) });
    await expect(workerCommand({ workers: '两个', out: () => undefined })).rejects.toMatchObject({ code: 'usage' });
  });
});

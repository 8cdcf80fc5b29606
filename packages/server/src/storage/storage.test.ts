import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc } from 'drizzle-orm';
import { ENGINES, createTestPostgres, openTestDatabase, openTestPglite } from '../testing/databases.ts';
import { buildWorld, cleanDocument, seedDocument } from '../testing/world.ts';
import { BACKUP_KEY_FILE, backupKey, restoreBackup, writeBackup } from './backup.ts';
import { databaseBlobStore, directoryBlobStore, type BlobStore } from './blob-store.ts';
import { type Database, type Engine, MIGRATIONS_FOLDER } from './database.ts';
import { LOCK_FILE } from './directory-lock.ts';
import { openPglite } from './pglite.ts';
import { auditLog, evaluations, users } from './schema.ts';

/** The backup signing key of these tests. */
const KEY = new TextEncoder().encode('test-backup-key-0123456789');

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), `jixiao-${prefix}-`));

/** Fills a database through the commands: evaluations in every state, versions, evidence, reviews, a spot check. */
async function populate(database: Database, blobs: BlobStore) {
  const w = await buildWorld(database, blobs);
  const seed = await w.run('evaluation-create', w.a.preparer, { document: seedDocument(), note: '原文' });
  await w.run('evidence-add', w.a.preparer, { id: seed.id, indicatorIndex: 1, fileName: '登记台账.pdf', data: new TextEncoder().encode('%PDF-1.4\n台账\n%%EOF') });
  const clean = await w.run('evaluation-create', w.a.preparer, { document: cleanDocument(w.a.unitName) });
  await w.run('evaluation-save', w.a.preparer, { id: clean.id, baseVersion: 1, document: cleanDocument(w.a.unitName), note: '第二版' });
  await w.run('evaluation-submit', w.a.preparer, { id: clean.id, version: 2 });
  await w.run('review-save', w.a.reviewer, { id: clean.id, indicatorIndex: 0, reviewScore: '4.5', opinion: '佐证不足' });
  await w.run('evaluation-approve', w.a.reviewer, { id: clean.id, reviewScore: '95.5', reviewOpinion: '同意' });
  await w.run('spot-check-create', w.a.reviewer, { year: 2023, count: 1, seed: 'fixed' });
  return w;
}

async function backupLines(database: Database, blobs: BlobStore, dir: string, name: string): Promise<string[]> {
  const file = join(dir, name);
  await writeBackup(database, blobs, file, { key: KEY });
  const bytes = readFileSync(file);
  const text = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return unsigned(text.trimEnd().split('\n').slice(1)); // without the header (its time differs)
}

/** Lines without the trailer's signature (it covers the header, whose time differs). */
const unsigned = (lines: readonly string[]) => lines.map((l) => l.replace(/,"mac":"[0-9a-f]+"/u, ''));

describe.each(ENGINES)('storage on %s', (engine: Engine) => {
  let dir: string;
  beforeAll(() => {
    dir = temp('storage');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies migrations once (migrating again changes nothing)', async () => {
    const database = await openTestDatabase(engine);
    try {
      await database.migrate();
      await database.migrate();
      const [row] = await database.db.select({ n: count() }).from(evaluations);
      expect(row?.n).toBe(0);
    } finally {
      await database.close();
    }
  });

  it('restores a backup into an empty database so that a backup of it is identical, row for row', async () => {
    const source = await openTestDatabase(engine);
    const target = await openTestDatabase(engine);
    try {
      const blobs = databaseBlobStore();
      await populate(source, blobs);
      const before = await backupLines(source, blobs, dir, 'a.jsonl.gz');
      expect(before.length).toBeGreaterThan(30);
      const summary = await restoreBackup(target, blobs, join(dir, 'a.jsonl.gz'), { key: KEY });
      expect(summary.tables['evaluation_versions']).toBe(3);
      const after = await backupLines(target, blobs, dir, 'b.jsonl');
      expect(after).toEqual(before);
      const [people] = await target.db.select({ n: count() }).from(users);
      expect(people?.n).toBe(7);
      // the audit sequence continues after the restored rows
      const [last] = await target.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      await target.db.insert(auditLog).values({ action: 'test', entityType: 't', entityId: 't', summary: '恢复后的第一条' });
      const [next] = await target.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
      expect(next?.id).toBe((last?.id ?? 0) + 1);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a truncated backup and restores nothing from it; refuses a non-empty target unless replacing', async () => {
    const source = await openTestDatabase(engine);
    const target = await openTestDatabase(engine);
    try {
      const blobs = databaseBlobStore();
      await populate(source, blobs);
      await writeBackup(source, blobs, join(dir, 'full.jsonl'), { key: KEY });
      const lines = readFileSync(join(dir, 'full.jsonl'), 'utf8').trimEnd().split('\n');
      writeFileSync(join(dir, 'cut.jsonl'), `${lines.slice(0, -5).join('\n')}\n`);
      await expect(restoreBackup(target, blobs, join(dir, 'cut.jsonl'), { key: KEY })).rejects.toMatchObject({ code: 'backup-invalid', message: expect.stringContaining('缺少结尾') });
      const dropped = lines.findIndex((l) => l.includes('"table":"audit_log"'));
      writeFileSync(join(dir, 'edited.jsonl'), `${lines.filter((_, i) => i !== dropped).join('\n')}\n`);
      await expect(restoreBackup(target, blobs, join(dir, 'edited.jsonl'), { key: KEY })).rejects.toMatchObject({ code: 'backup-invalid', message: expect.stringMatching(/表「audit_log」应有 \d+ 行，实有 \d+ 行/u) });
      writeFileSync(join(dir, 'other.jsonl'), '{"hello":1}\n');
      await expect(restoreBackup(target, blobs, join(dir, 'other.jsonl'), { key: KEY })).rejects.toMatchObject({ code: 'backup-invalid', message: expect.stringContaining('缺少文件头') });
      const [empty] = await target.db.select({ n: count() }).from(evaluations);
      expect(empty?.n).toBe(0);

      await restoreBackup(target, blobs, join(dir, 'full.jsonl'), { key: KEY });
      await expect(restoreBackup(target, blobs, join(dir, 'full.jsonl'), { key: KEY })).rejects.toMatchObject({ code: 'restore-target-not-empty' });
      await target.db.insert(auditLog).values({ action: 'later', entityType: 't', entityId: 't', summary: '备份之后的改动' });
      await restoreBackup(target, blobs, join(dir, 'full.jsonl'), { replace: true, key: KEY });
      expect(await backupLines(target, blobs, dir, 'again.jsonl')).toEqual(unsigned(lines.slice(1)));
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('signs a backup: an edit that keeps the row counts (a unit head made an administrator) or another key restores nothing', async () => {
    const source = await openTestDatabase(engine);
    const target = await openTestDatabase(engine);
    try {
      const blobs = databaseBlobStore();
      await populate(source, blobs);
      const file = join(dir, 'signed.jsonl');
      await writeBackup(source, blobs, file, { key: KEY });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(/("username":"a-head"[^\n]*?"role":)"unitHead"/u, '$1"admin"');
      expect(edited).not.toBe(text);
      writeFileSync(join(dir, 'promoted.jsonl'), edited);
      await expect(restoreBackup(target, blobs, join(dir, 'promoted.jsonl'), { key: KEY })).rejects.toMatchObject({ code: 'backup-invalid', message: expect.stringContaining('签名不符') });
      await expect(restoreBackup(target, blobs, file, { key: new TextEncoder().encode('another-key-0123456789') })).rejects.toMatchObject({ message: expect.stringContaining('签名不符') });
      const [empty] = await target.db.select({ n: count() }).from(users);
      expect(empty?.n).toBe(0);
      await restoreBackup(target, blobs, file, { key: KEY });
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('backs up evidence kept in a directory together with the database, and restores both', async () => {
    const source = await openTestDatabase(engine);
    const target = await openTestDatabase(engine);
    const sourceBlobs = directoryBlobStore(join(dir, 'blobs-a'));
    const targetBlobs = directoryBlobStore(join(dir, 'blobs-b'));
    try {
      const w = await populate(source, sourceBlobs);
      expect(readdirSync(join(dir, 'blobs-a'))).toHaveLength(1);
      await writeBackup(source, sourceBlobs, join(dir, 'dir.jsonl.gz'), { key: KEY });
      const summary = await restoreBackup(target, targetBlobs, join(dir, 'dir.jsonl.gz'), { key: KEY });
      expect(summary.blobs).toBe(1);
      const restored = { ...w.services, database: target, blobs: targetBlobs };
      const { COMMANDS } = await import('../commands/index.ts');
      const { execute } = await import('../commands/registry.ts');
      const list = await execute(COMMANDS['evidence-list'], { ...restored, actor: w.a.preparer }, { id: (await execute(COMMANDS['evaluation-list'], { ...restored, actor: w.a.preparer }, { year: 2022 })).items[0]?.id });
      const file = await execute(COMMANDS['evidence-get'], { ...restored, actor: w.a.reviewer }, { evidenceId: list.items[0]?.id });
      expect(new TextDecoder().decode(file.data)).toBe('%PDF-1.4\n台账\n%%EOF');
      expect(await backupLines(target, targetBlobs, dir, 'dir2.jsonl')).toEqual(await backupLines(source, sourceBlobs, dir, 'dir1.jsonl'));
    } finally {
      await source.close();
      await target.close();
    }
  });
});

// Like describe.each(ENGINES): present when PostgreSQL is configured, absent (not skipped) otherwise.
const acrossEngines = ENGINES.includes('postgres') ? describe : () => undefined;
acrossEngines('backups across engines', () => {
  it('restores a PGlite backup on PostgreSQL and the PostgreSQL backup back on PGlite, identically', async () => {
    const dir = temp('cross');
    const pglite = await openTestPglite();
    const { database: postgres } = await createTestPostgres();
    const back = await openTestPglite();
    try {
      const blobs = databaseBlobStore();
      await populate(pglite, blobs);
      const a = await backupLines(pglite, blobs, dir, 'pglite.jsonl');
      await restoreBackup(postgres, blobs, join(dir, 'pglite.jsonl'), { key: KEY });
      const b = await backupLines(postgres, blobs, dir, 'postgres.jsonl');
      await restoreBackup(back, blobs, join(dir, 'postgres.jsonl'), { key: KEY });
      const c = await backupLines(back, blobs, dir, 'back.jsonl');
      expect(b).toEqual(a);
      expect(c).toEqual(a);
    } finally {
      await pglite.close();
      await postgres.close();
      await back.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrations', () => {
  it('moves the findings of databases made before 0001 into their versions, in order', async () => {
    const dir = temp('migrate');
    try {
      // The migrations folder as it was before 0001.
      mkdirSync(join(dir, 'meta'), { recursive: true });
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
      const first = journal.entries[0];
      writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));
      copyFileSync(join(MIGRATIONS_FOLDER, `${first?.tag}.sql`), join(dir, `${first?.tag}.sql`));
      const client = await PGlite.create();
      const db = drizzle({ client });
      await migrate(db, { migrationsFolder: dir });
      await client.exec(`
        INSERT INTO regions (id, name, finance_bureau) VALUES ('r', '某县', '某县财政局');
        INSERT INTO units (id, region_id, name, kind) VALUES ('u', 'r', '某局', 'budgetUnit');
        INSERT INTO users (id, username, display_name, password_hash, role, unit_id) VALUES ('p', 'p', '填报人', 'x', 'preparer', 'u');
        INSERT INTO evaluations (id, unit_id, year, kind, status, current_version, created_by) VALUES ('e', 'u', 2022, 'department', 'draft', 2, 'p');
        INSERT INTO evaluation_versions (evaluation_id, number, document, scheme_id, error_count, warning_count, info_count, created_by)
          VALUES ('e', 1, '{}', 's', 1, 1, 0, 'p'), ('e', 2, '{}', 's', 0, 0, 0, 'p');
        INSERT INTO findings (evaluation_id, version, seq, "check", category, severity, message, path, stated, expected, line)
          VALUES ('e', 1, 1, 'b-check', 'arithmetic', 'warning', '第二条', 'a.b', '1', '2', 7), ('e', 1, 0, 'a-check', 'scoring', 'error', '第一条', 'x', NULL, NULL, NULL);
      `);
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      const { rows } = await client.query<{ number: number; findings: unknown }>('SELECT number, findings FROM evaluation_versions ORDER BY number');
      expect(rows).toEqual([
        { number: 1, findings: [
          { check: 'a-check', category: 'scoring', severity: 'error', message: '第一条', path: 'x', stated: null, expected: null, line: null, excerpt: null },
          { check: 'b-check', category: 'arithmetic', severity: 'warning', message: '第二条', path: 'a.b', stated: '1', expected: '2', line: 7, excerpt: null },
        ] },
        { number: 2, findings: [] },
      ]);
      await client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the data directory lock (PGlite)', () => {
  it('refuses a second opening of a data directory with a message naming the holder, until it is closed', async () => {
    const dir = temp('lock');
    try {
      const first = await openTestPglite(dir);
      await expect(openTestPglite(dir)).rejects.toMatchObject({ code: 'database-locked', message: expect.stringContaining('本进程已经打开了它') });
      await first.close();
      const again = await openPglite({ dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes the data directory owner-only (it holds password hashes), and the backup key in it', async () => {
    const parent = temp('modes');
    const dir = join(parent, 'data');
    try {
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      const database = await openTestPglite(dir);
      await database.close();
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const key = backupKey(dir, {});
      expect(key.length).toBeGreaterThanOrEqual(64);
      expect(statSync(join(dir, BACKUP_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(backupKey(dir, {})).toEqual(key);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('takes over the lock of a process that died, and respects a live one', async () => {
    const dir = temp('stale');
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout), hostname: hostname(), startedAt: '2023-01-01T00:00:00Z', command: 'killed' }));
      const database = await openTestPglite(dir);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      await database.close();
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: '2023-01-01T00:00:00Z', command: 'jixiao start' }));
      await expect(openTestPglite(dir)).rejects.toMatchObject({ code: 'database-locked', message: expect.stringContaining(`进程 ${process.ppid}`) });
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, hostname: 'another-host', startedAt: '2023-01-01T00:00:00Z', command: 'jixiao start' }));
      await expect(openTestPglite(dir)).rejects.toMatchObject({ code: 'database-locked' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

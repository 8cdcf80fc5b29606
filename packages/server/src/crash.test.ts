/**
 * Durability: the server runs as a child process on a free port with its own data; a stream of writes
 * goes in; the process is killed with SIGKILL mid-stream. Then every acknowledged write must be there,
 * exactly as sent, and the data consistent (versions contiguous, the current version the last one, the
 * findings and audit row of every version present); and the server must start again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './storage/pglite.ts';
import type { Database, Engine } from './storage/database.ts';
import { auditLog, evaluations, evaluationVersions } from './storage/schema.ts';
import { createTestPostgres, ENGINES, openTestPglite } from './testing/databases.ts';
import { projectDocument } from './testing/world.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const START = fileURLToPath(new URL('./start.ts', import.meta.url));
const PASSWORD = 'Crash-test-pass-1';

type Child = { process: ChildProcess; url: string; output: () => string };

async function startChild(env: Record<string, string>): Promise<Child> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && !k.startsWith('JIXIAO_') && k !== 'PORT'));
  const child = spawn(process.execPath, ['--import', 'tsx', START], {
    cwd: ROOT,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', JIXIAO_ADMIN_PASSWORD: PASSWORD, JIXIAO_DEMO_PASSWORD: PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      const m = /已启动：http:\/\/localhost:(\d+)/u.exec(output);
      if (m && output.includes('按 Ctrl+C 停止')) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return { process: child, url, output: () => output };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

async function api(url: string, method: string, path: string, session: { cookie: string; csrf: string } | null, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, json, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

type Ack = { evaluationId: string; version: number; marker: string };

/** Saves in a loop on `writers` evaluations at once until killed; returns what the server acknowledged. */
async function writeUntilKilled(child: Child, writers: number, killAfterAcks: number): Promise<Ack[]> {
  const login = await api(child.url, 'POST', '/api/auth/login', null, { username: 'preparer', password: PASSWORD });
  expect(login.status).toBe(200);
  const session = { cookie: login.cookie, csrf: String(login.json['csrfToken']) };
  const acks: Ack[] = [];
  let killed = false;
  const doc = (name: string, marker: string) => {
    const d = projectDocument() as { project: Record<string, unknown>; report: unknown[] };
    return { ...d, project: { ...d.project, name }, report: [{ heading: '写入标记', text: marker }] };
  };
  const writer = async (w: number) => {
    const name = `崩溃测试项目${w}`;
    let marker = `${name}#1`;
    const created = await api(child.url, 'POST', '/api/evaluations', session, { document: doc(name, marker) }).catch(() => null);
    if (!created || created.status !== 201) return;
    const id = String(created.json['id']);
    acks.push({ evaluationId: id, version: 1, marker });
    for (let k = 2; !killed; k++) {
      marker = `${name}#${k}`;
      const saved = await api(child.url, 'PUT', `/api/evaluations/${id}`, session, { baseVersion: k - 1, document: doc(name, marker), note: marker }).catch(() => null);
      if (!saved) return; // the connection died with the server: not acknowledged
      if (saved.status !== 200) throw new Error(`save ${marker}: ${saved.status} ${JSON.stringify(saved.json)}`);
      acks.push({ evaluationId: id, version: Number(saved.json['version']), marker });
      if (acks.length >= killAfterAcks && !killed) {
        killed = true;
        child.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  return acks;
}

async function verify(database: Database, acks: readonly Ack[]): Promise<void> {
  const db = database.db;
  for (const ack of acks) {
    const [row] = await db.select({ document: evaluationVersions.document }).from(evaluationVersions).where(and(eq(evaluationVersions.evaluationId, ack.evaluationId), eq(evaluationVersions.number, ack.version)));
    expect(row, `acknowledged ${ack.marker} is missing`).toBeDefined();
    expect((row?.document as { report: { text: string }[] }).report[0]?.text).toBe(ack.marker);
  }
  for (const e of await db.select().from(evaluations)) {
    const versions = await db.select().from(evaluationVersions).where(eq(evaluationVersions.evaluationId, e.id));
    expect(versions.map((v) => v.number).sort((a, b) => a - b)).toEqual(Array.from({ length: e.currentVersion }, (_, i) => i + 1));
    for (const v of versions) expect(v.findings.length).toBe(v.errorCount + v.warningCount + v.infoCount);
    const saves = await db.select().from(auditLog).where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, 'evaluation-save')));
    expect(saves.length).toBe(e.currentVersion - 1);
  }
}

describe.each(ENGINES)('a server killed mid-stream on %s', (engine: Engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged write and consistent data, and starts again', async () => {
    let env: Record<string, string>;
    let reopen: () => Promise<Database>;
    if (engine === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      await (await openTestPglite(dir)).close(); // a migrated cluster, without a 6 s initdb in the child
      env = { JIXIAO_DATA_DIR: dir };
      reopen = () => openPglite({ dataDir: dir });
    } else {
      const { database, url } = await createTestPostgres();
      cleanups.push(() => database.close());
      env = { DATABASE_URL: url };
      reopen = async () => database;
    }
    const child = await startChild(env);
    cleanups.push(async () => {
      child.process.kill('SIGKILL');
      await exited(child.process);
    });
    const acks = await writeUntilKilled(child, 4, 40 + Math.floor(Math.random() * 40));
    await exited(child.process);
    expect(child.process.signalCode).toBe('SIGKILL');
    expect(acks.length).toBeGreaterThanOrEqual(40);

    const database = await reopen();
    try {
      await verify(database, acks);
    } finally {
      if (engine === 'pglite') await database.close();
    }

    const again = await startChild(env);
    try {
      expect(again.output()).toContain('账户在首次启动时已创建');
      const login = await api(again.url, 'POST', '/api/auth/login', null, { username: 'preparer', password: PASSWORD });
      expect(login.status).toBe(200);
      const last = acks[acks.length - 1] as Ack;
      const read = await api(again.url, 'GET', `/api/evaluations/${last.evaluationId}`, { cookie: login.cookie, csrf: '' });
      expect(read.status).toBe(200);
      expect(Number(read.json['currentVersion'])).toBeGreaterThanOrEqual(last.version);
    } finally {
      again.process.kill('SIGTERM');
      await exited(again.process);
    }
  }, 180_000);
});

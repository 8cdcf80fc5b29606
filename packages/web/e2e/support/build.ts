/**
 * Builds the web app (`vite build packages/web`, production mode) unless dist is newer than every source
 * it is built from. Test files run in parallel workers: a lock directory makes one build at a time, and the
 * others wait for it and reuse the result.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const web = fileURLToPath(new URL('../../', import.meta.url));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const lock = join(web, '.build-lock');
const STALE_LOCK_MS = 180_000;

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let t = info.mtimeMs;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

function isFresh(): boolean {
  const index = join(web, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const sources = [join(web, 'src'), join(web, 'index.html'), join(web, 'vite.config.ts'), join(repo, 'packages', 'core', 'src'), join(repo, 'schemes'), join(repo, 'examples')];
  return statSync(index).mtimeMs > Math.max(...sources.map(newest));
}

function tryLock(): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // the holder just released it
    }
    return false;
  }
}

let pending: Promise<void> | null = null;

export function buildWeb(): Promise<void> {
  pending ??= (async () => {
    for (;;) {
      if (isFresh()) return;
      if (tryLock()) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    try {
      if (isFresh()) return;
      const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
      await promisify(execFile)(process.execPath, [vite, 'build', web, '--logLevel', 'warn'], { cwd: repo, env: { ...process.env, NODE_ENV: 'production' } });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  })();
  return pending;
}

/**
 * Builds the web app once per test run (`vite build packages/web`) unless dist is newer than every source
 * file; several test files share the result.
 * @module
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const web = fileURLToPath(new URL('../../', import.meta.url));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

let pending: Promise<void> | null = null;

export function buildWeb(): Promise<void> {
  pending ??= (async () => {
    const index = join(web, 'dist', 'index.html');
    const sources = Math.max(newest(join(web, 'src')), newest(join(repo, 'packages', 'core', 'src')), newest(join(repo, 'schemes')), statSync(join(web, 'index.html')).mtimeMs);
    if (existsSync(index) && statSync(index).mtimeMs > sources) return;
    await promisify(execFile)(process.execPath, [join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', web, '--logLevel', 'warn'], { cwd: repo, env: { ...process.env, NODE_ENV: 'production' } });
  })();
  return pending;
}

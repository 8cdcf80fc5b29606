/**
 * Conversions through LibreOffice headless (docx → pdf, xlsx → pdf, xlsx → xlsx recalculated), with the
 * fontconfig alias file that maps official font names to open fonts, a time limit, and a small pool of
 * workers each with a LibreOffice profile of its own: two soffice processes sharing one profile fail.
 *
 * Reference: STACK.md §3 (commands, fonts) and pitfalls 11, 13.
 * @module
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { DomainError } from '@jixiao/core';

/** The fontconfig file shipped with this package (packages/documents/fonts.conf). */
export const FONTS_CONF = fileURLToPath(new URL('../../fonts.conf', import.meta.url));

const CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/usr/local/bin/soffice'];

const isExecutable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** soffice: $JIXIAO_SOFFICE, then PATH, then the usual install places; null when absent. */
export function findLibreOffice(): string | null {
  const env = process.env.JIXIAO_SOFFICE;
  if (env && isExecutable(env)) return env;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'soffice'))) return join(dir, 'soffice');
  }
  return CANDIDATES.find(isExecutable) ?? null;
}

export type ConvertOptions = {
  /** Path of soffice; found when not given. */
  readonly soffice?: string;
  /** Time limit of one conversion (default 120 s). */
  readonly timeoutMs?: number;
  /** fontconfig file (default: the package's fonts.conf). */
  readonly fontsConf?: string;
};

/** Conversions run in at most this many workers per process (each with its own profile). */
let workerCount = 1;
const workers: Promise<unknown>[] = [];
const pending: number[] = [];

/** Sets how many conversions may run at once in this process (≥ 1; each worker keeps its own profile). */
export function setConversionWorkers(count: number): void {
  workerCount = Math.max(1, Math.floor(count));
}

function enqueue<T>(job: (worker: number) => Promise<T>): Promise<T> {
  let worker = 0;
  for (let i = 0; i < workerCount; i++) if ((pending[i] ?? 0) < (pending[worker] ?? 0)) worker = i;
  pending[worker] = (pending[worker] ?? 0) + 1;
  const previous = workers[worker] ?? Promise.resolve();
  const run = (): Promise<T> => job(worker);
  const next = previous.then(run, run);
  workers[worker] = next.catch(() => undefined).finally(() => {
    pending[worker] = (pending[worker] ?? 1) - 1;
  });
  return next;
}

const PROFILE_PREFIX = 'jixiao-render-profile-';
const profiles = new Set<string>();

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes profiles left by processes of this library that ended without their exit handler (killed workers). */
function sweepStaleProfiles(): void {
  let names: string[] = [];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^jixiao-render-profile-(\d+)-/u.exec(name)?.[1]);
    if (name.startsWith(PROFILE_PREFIX) && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** The worker's LibreOffice profile; kept warm while the process lives (the first run costs ~1.5 s more), removed at exit. */
function profileDir(worker: number): string {
  const dir = join(tmpdir(), `${PROFILE_PREFIX}${process.pid}-${threadId}-${worker}`);
  if (!profiles.has(dir)) {
    if (profiles.size === 0) {
      sweepStaleProfiles();
      process.once('exit', () => profiles.forEach((d) => rmSync(d, { recursive: true, force: true })));
    }
    profiles.add(dir);
  }
  return dir;
}

/**
 * Converts a file with LibreOffice and returns the result's bytes.
 * @throws DomainError `soffice-missing`, `soffice-failed`, `soffice-timeout`
 */
export async function convertWithLibreOffice(
  bytes: Uint8Array,
  from: 'docx' | 'xlsx',
  to: 'pdf' | 'xlsx' | 'docx',
  options: ConvertOptions = {},
): Promise<Uint8Array> {
  const soffice = options.soffice ?? findLibreOffice();
  if (!soffice) {
    throw new DomainError('soffice-missing', `生成 ${to.toUpperCase()} 需要 LibreOffice（soffice），本机没有找到；请安装 LibreOffice，或设置环境变量 JIXIAO_SOFFICE 指向 soffice`);
  }
  const timeoutMs = options.timeoutMs ?? 120_000;
  const fontsConf = options.fontsConf ?? FONTS_CONF;
  return enqueue(async (worker) => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-render-'));
    const outDir = join(dir, 'out');
    try {
      const input = join(dir, `document.${from}`);
      await writeFile(input, bytes);
      const args = [
        `-env:UserInstallation=file://${profileDir(worker)}`,
        '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nofirststartwizard',
        '--convert-to', to, '--outdir', outDir, input,
      ];
      const { code, stderr, timedOut } = await new Promise<{ code: number | null; stderr: string; timedOut: boolean }>((resolve, reject) => {
        const child = spawn(soffice, args, {
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: true,
          env: { ...process.env, FONTCONFIG_FILE: fontsConf },
        });
        let err = '';
        let timedOut = false;
        child.stderr?.on('data', (d: Buffer) => {
          if (err.length < 4000) err += d.toString('utf8');
        });
        const timer = setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            // the process group is already gone
          }
        }, timeoutMs);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(new DomainError('soffice-failed', `无法启动 LibreOffice（${soffice}）：${e.message}`));
        });
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c, stderr: err, timedOut });
        });
      });
      if (timedOut) throw new DomainError('soffice-timeout', `LibreOffice 转换为 ${to.toUpperCase()} 超过 ${Math.round(timeoutMs / 1000)} 秒未完成，已中止`);
      const produced = (await readdir(outDir).catch(() => [] as string[])).find((f) => f.toLowerCase().endsWith(`.${to}`));
      if (code !== 0 || !produced) {
        throw new DomainError(
          'soffice-failed',
          `LibreOffice 未能把 .${from} 转换为 .${to}（退出码 ${code ?? '无'}）`,
          stderr.split('\n').filter((l) => l.trim() !== '' && !/javaldx/u.test(l)).slice(0, 5),
        );
      }
      return new Uint8Array(await readFile(join(outDir, produced)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

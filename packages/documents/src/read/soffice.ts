/**
 * Legacy .doc/.xls (and .rtf) through LibreOffice headless: converted to .docx/.xlsx in a private temporary
 * folder, one conversion at a time per process, with a profile of its own (parallel runs sharing a profile
 * fail — STACK.md pitfall 13) and a time limit.
 * @module
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { type Deadline, ReadErrorCode, readError } from './limits.ts';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/usr/local/bin/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
];

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The soffice binary: an explicit path, $JIXIAO_SOFFICE, PATH, then the usual install places; null if none. */
export function findSoffice(explicit?: string | null): string | null {
  if (explicit === null) return null;
  if (explicit) return executable(explicit) ? explicit : null;
  const env = process.env.JIXIAO_SOFFICE;
  if (env && executable(env)) return env;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  }
  return CANDIDATES.find(executable) ?? null;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts `bytes` (a legacy file) to `target` with soffice and returns the converted bytes.
 * @throws DomainError soffice-missing / soffice-failed / file-timeout
 */
export async function convertWithSoffice(
  bytes: Uint8Array, file: string, from: 'doc' | 'xls' | 'rtf', target: 'docx' | 'xlsx', soffice: string | null | undefined, deadline: Deadline,
): Promise<Uint8Array> {
  const binary = findSoffice(soffice);
  if (!binary) {
    throw readError(
      ReadErrorCode.sofficeMissing, file,
      `是旧版 .${from} 格式，读取它需要 LibreOffice（soffice），本机没有安装；请安装 LibreOffice，或在 Word/WPS/Excel 中另存为 .${target} 后再导入`,
    );
  }
  const run = async (): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-convert-'));
    const profile = join(tmpdir(), `jixiao-soffice-profile-${process.pid}`);
    try {
      const input = join(dir, `input.${from}`);
      await writeFile(input, bytes);
      const args = [
        `-env:UserInstallation=file://${profile.startsWith('/') ? '' : '/'}${profile.replace(/\\/gu, '/')}`,
        '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nofirststartwizard',
        '--convert-to', target, '--outdir', dir, input,
      ];
      const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
        let err = '';
        child.stderr?.on('data', (d: Buffer) => {
          if (err.length < 4000) err += d.toString('utf8');
        });
        const kill = () => {
          try {
            if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
            else child.kill('SIGKILL');
          } catch {
            // already gone
          }
        };
        const timer = setTimeout(() => {
          kill();
          reject(deadline.error());
        }, deadline.remaining);
        child.on('error', (e) => {
          clearTimeout(timer);
          reject(readError(ReadErrorCode.sofficeFailed, file, `转换失败：无法启动 LibreOffice（${e.message}）`));
        });
        child.on('close', (c) => {
          clearTimeout(timer);
          resolve({ code: c, stderr: err });
        });
      });
      const produced = (await readdir(dir)).find((f) => f.toLowerCase().endsWith(`.${target}`));
      if (code !== 0 || !produced) {
        throw readError(
          ReadErrorCode.sofficeFailed, file,
          `用 LibreOffice 转换为 .${target} 失败（文件可能已损坏、加密或不是 .${from} 格式）`,
          stderr.split('\n').filter((l) => l.trim() !== '' && !/javaldx/u.test(l)).slice(0, 5),
        );
      }
      return new Uint8Array(await readFile(join(dir, produced)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

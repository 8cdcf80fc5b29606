/**
 * An exclusive lock on a data directory, across processes. PGlite has no locking of its own: two
 * processes that open one directory both "succeed" and writes are silently lost (STACK.md P6). The lock
 * is a file created with O_EXCL holding the owner's pid; a lock whose process is gone (crash, SIGKILL)
 * is stale and is taken over, under a second exclusive file so two starters cannot both take it.
 * @module
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@jixiao/core';

export const LOCK_FILE = 'jixiao.lock';

type Owner = { readonly pid: number; readonly hostname: string; readonly startedAt: string; readonly command: string };

export type DirectoryLock = { readonly file: string; release(): void };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readOwner(file: string): Owner | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    if (typeof data.pid !== 'number' || typeof data.hostname !== 'string') return null;
    return { pid: data.pid, hostname: data.hostname, startedAt: String(data.startedAt ?? ''), command: String(data.command ?? '') };
  } catch {
    return null;
  }
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

const removeQuietly = (file: string) => {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
};

/** @throws DomainError `database-locked` naming the process that holds the directory. */
export function lockDirectory(dir: string): DirectoryLock {
  const file = join(dir, LOCK_FILE);
  const me: Owner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(file, content)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const owner = readOwner(file);
        if (owner?.pid === me.pid && owner.startedAt === me.startedAt) removeQuietly(file);
        process.off('exit', release);
      };
      process.on('exit', release);
      return { file, release };
    }
    const owner = readOwner(file);
    const isStale = owner !== null && owner.hostname === me.hostname && owner.pid !== process.pid && !isAlive(owner.pid);
    if (owner === null || isStale) {
      // Break the stale lock under a second exclusive file, re-checking inside it.
      const breaker = `${file}.break`;
      if (createExclusive(breaker, content)) {
        try {
          const again = readOwner(file);
          const stillStale = again === null ? owner === null : again.pid === owner?.pid && again.startedAt === owner.startedAt;
          if (stillStale) removeQuietly(file);
        } finally {
          removeQuietly(breaker);
        }
      }
      continue;
    }
    const who = owner.pid === process.pid ? '本进程已经打开了它' : `进程 ${owner.pid}（${owner.hostname}，${owner.startedAt} 启动：${owner.command}）正在使用它`;
    throw new DomainError(
      'database-locked',
      `数据目录 ${dir} 已被占用：${who}。内嵌数据库（PGlite）不能由两个进程同时打开，否则会静默丢失数据。请先停止该进程（例如正在运行的服务器），或设置 DATABASE_URL 改用 PostgreSQL 服务器。`,
      [`锁文件：${file}（确认没有进程在用时可以删除）`],
    );
  }
  throw new DomainError('database-locked', `无法锁定数据目录 ${dir}：锁文件 ${file} 反复被其他进程抢占`);
}

/**
 * Reading a file named on the command line: regular files only. The file is opened first without
 * blocking (a FIFO would otherwise wait for a writer forever) and checked on the open descriptor (no
 * race between a check and the read): a device (a link to /dev/zero), a FIFO or a socket is refused with a
 * Chinese message, and so is a file past the size limit, before anything is read.
 * @module
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { DomainError } from '@jixiao/core';

/** The largest file read (the document readers' own limit). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const KIND_NAMES: readonly [string, (s: Stats) => boolean][] = [
  ['目录', (s) => s.isDirectory()],
  ['设备文件', (s) => s.isCharacterDevice() || s.isBlockDevice()],
  ['命名管道（FIFO）', (s) => s.isFIFO()],
  ['套接字', (s) => s.isSocket()],
];

/** @throws DomainError file-unreadable / file-too-large, naming the file */
export function readRegularFile(file: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DomainError('file-unreadable', code === 'ENOENT' ? `找不到文件：${file}` : code === 'EACCES' ? `没有权限读取 ${file}` : `无法读取 ${file}（${code ?? '未知错误'}）`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      const kind = KIND_NAMES.find(([, is]) => is(stats))?.[0] ?? '特殊文件';
      throw new DomainError('file-unreadable', `${file} 是${kind}，不是普通文件，已跳过`);
    }
    if (stats.size > maxBytes) {
      throw new DomainError('file-too-large', `${file} 有 ${(stats.size / 1048576).toFixed(1)} MB，超过 ${maxBytes / 1048576} MB 的上限，已跳过`);
    }
    const out = new Uint8Array(stats.size);
    let at = 0;
    while (at < out.length) {
      const n = readSync(fd, out, at, out.length - at, null);
      if (n === 0) break;
      at += n;
    }
    return at === out.length ? out : out.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

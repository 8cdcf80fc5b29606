/**
 * Loading the scheme files of `schemes/` (one JSON file per province, year and kind): the one loader of
 * the project, here so that the server and the CLI both use it without importing each other.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, parseScheme, type Scheme } from '@jixiao/core';

export const DEFAULT_SCHEMES_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../schemes');

export function loadSchemes(dir = DEFAULT_SCHEMES_DIR): Scheme[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch {
    throw new DomainError('schemes-missing', `找不到评价方案目录：${dir}`);
  }
  return files.map((file) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (e) {
      throw new DomainError('scheme-invalid', `评价方案文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
    }
    return parseScheme(data, `评价方案文件 ${file}`);
  });
}

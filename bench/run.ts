/**
 * `npm run bench`: every benchmark, figures and ratios measured side by side in one run. Not a test.
 * @module
 */
import { existsSync } from 'node:fs';
import { benchCore } from './core.ts';

// `npm run bench -- documents-read web` runs only the named sections (file names without .ts); none: all.
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);
const sections: (() => Promise<string[]> | string[])[] = wanted('core') ? [benchCore] : [];

for (const extra of ['./documents-write.ts', './documents-read.ts', './web.ts', './server.ts', './bureau.ts', './batch.ts', './audit-size.ts']) {
  if (wanted(extra.slice(2, -3)) && existsSync(new URL(extra, import.meta.url))) {
    const mod = (await import(extra)) as Record<string, () => Promise<string[]>>;
    const fn = Object.values(mod).find((v) => typeof v === 'function' && v.name.startsWith('bench'));
    if (fn) sections.push(fn);
  }
}

console.log(`jixiao 基准测试 · Node ${process.version} · ${new Date().toISOString()}`);
for (const section of sections) {
  console.log('');
  for (const line of await section()) console.log(line);
}

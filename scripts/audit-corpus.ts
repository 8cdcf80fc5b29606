/**
 * A refactoring guard for the reader and the audit: audits a fixed corpus — every report fixture of the
 * repository, the documents of corpus/reports, and a few hundred seeded mutations of the seed (lines deleted, repeated, swapped, digits
 * changed, lines of other reports inserted) — and writes what came out (findings, model, unmapped list,
 * warnings), one JSON line per document. Run it before and after a change that should not change any
 * result, and compare:
 *
 *   node --import tsx scripts/audit-corpus.ts > /tmp/before.jsonl
 *   … change …
 *   node --import tsx scripts/audit-corpus.ts --compare /tmp/before.jsonl
 *
 * `--mutations N` sets the number of mutated seeds (default 300).
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { auditDocument } from '@jixiao/audit';
import { loadSchemes } from '@jixiao/documents/schemes';

const root = new URL('..', import.meta.url).pathname;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const REPORT = /\.(?:txt|docx|xlsx|html?|mht|pdf)$/u;
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'bad') out.push(...filesUnder(path));
    } else if (REPORT.test(name)) out.push(path);
  }
  return out;
}

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(seed: string, others: readonly string[], n: number): string {
  const rnd = random(n + 1);
  const pick = (k: number): number => Math.floor(rnd() * k);
  const lines = seed.split('\n');
  const edits = 1 + pick(4);
  for (let e = 0; e < edits; e++) {
    const i = pick(lines.length);
    switch (pick(5)) {
      case 0:
        lines.splice(i, 1 + pick(3));
        break;
      case 1:
        lines.splice(i, 0, lines[pick(lines.length)] ?? '');
        break;
      case 2: {
        const j = pick(lines.length);
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 3: {
        const line = lines[i] ?? '';
        const digits = [...line.matchAll(/\d/gu)];
        const d = digits[pick(Math.max(digits.length, 1))];
        if (d?.index !== undefined) lines[i] = line.slice(0, d.index) + String(pick(10)) + line.slice(d.index + 1);
        break;
      }
      default: {
        const other = (others[pick(others.length)] ?? '').split('\n');
        lines.splice(i, 0, ...other.slice(pick(other.length)).slice(0, 1 + pick(4)));
      }
    }
  }
  return lines.join('\n');
}

const schemes = loadSchemes();
const files = [...filesUnder(join(root, 'examples')), ...filesUnder(join(root, 'packages/documents')), ...filesUnder(join(root, 'packages/audit')), ...filesUnder(join(root, 'corpus/reports'))].filter((f) => !f.includes('/dist/'));
const seedPath = join(root, 'examples/hengyang-natural-resources-2022.txt');
const seed = readFileSync(seedPath, 'utf8');
const others = files.filter((f) => f.endsWith('.txt') && f !== seedPath).map((f) => readFileSync(f, 'utf8'));
const mutations = Number(arg('--mutations') ?? 300);

const corpus: { name: string; bytes: Uint8Array; file: string }[] = [
  ...files.map((f) => ({ name: relative(root, f), bytes: new Uint8Array(readFileSync(f)), file: f.split('/').pop() ?? f })),
  ...Array.from({ length: mutations }, (_, n) => ({ name: `mutation ${n}`, bytes: new TextEncoder().encode(mutate(seed, others, n)), file: 'seed.txt' })),
];

const lines: string[] = [];
for (const item of corpus) {
  let out: unknown;
  try {
    const a = await auditDocument(item.bytes, item.file, schemes);
    out = { findings: a.findings, evaluation: a.evaluation, unmapped: a.unmapped, warnings: a.warnings, scheme: a.scheme?.id ?? null };
  } catch (e) {
    out = { error: e instanceof Error ? e.message : String(e) };
  }
  lines.push(JSON.stringify({ name: item.name, out }));
}

const before = arg('--compare');
if (!before) {
  process.stdout.write(`${lines.join('\n')}\n`);
} else {
  const old = readFileSync(before, 'utf8').trim().split('\n');
  let differ = 0;
  for (let i = 0; i < Math.max(old.length, lines.length); i++) {
    if (old[i] === lines[i]) continue;
    differ++;
    if (differ <= 5) {
      const a = old[i] ?? '';
      const b = lines[i] ?? '';
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      console.log(`差异：${JSON.parse(b || a).name}\n  之前 …${a.slice(Math.max(0, at - 80), at + 160)}\n  之后 …${b.slice(Math.max(0, at - 80), at + 160)}`);
    }
  }
  console.log(differ === 0 ? `一致：${lines.length} 份文档的审核结果与 ${before} 相同` : `不一致：${differ} / ${lines.length} 份文档不同`);
  process.exitCode = differ === 0 ? 0 : 1;
}

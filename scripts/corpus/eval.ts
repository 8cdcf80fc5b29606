/**
 * `npm run eval`: measures the audit on the labelled corpus (corpus/reports) and on its mutants, in one
 * process, and compares with the previous result.
 *
 *   npm run eval                      print, compare with eval/result.json, write it anew
 *   npm run eval -- --no-write        print and compare only
 *   npm run eval -- --out FILE        write elsewhere (compared with FILE when it exists)
 *   npm run eval -- --compare FILE    compare with another result
 *   npm run eval -- --seed N          another set of mutants (default 12)
 *   npm run eval -- --only ID         one document
 *   npm run eval -- --all             print every missed mutant, not the first 40
 *
 * Not a test: the figures are a measure, the baseline of the next change to the audit.
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScheme } from '@jixiao/core';
import { auditDocument } from '@jixiao/audit';
import { loadCorpus, verifyDocument, type CorpusDocument } from './corpus.ts';
import { auditMutant, classify, type Audit, type ClassifiedFinding, type DocumentOutcome, type MutantOutcome } from './evaluate.ts';
import { DEFAULT_SEED, mutantsOf } from './mutate.ts';
import { compareResults, summarize, type Result } from './result.ts';

const root = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const out = arg('--out') ?? join(root, 'eval/result.json');
const compareWith = arg('--compare') ?? out;
const seed = Number(arg('--seed') ?? DEFAULT_SEED);
const only = arg('--only');

const started = performance.now();
const schemes = readdirSync(join(root, 'schemes')).filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(join(root, 'schemes', f), 'utf8'))));
const audit: Audit = async (text, name) => (await auditDocument(new TextEncoder().encode(text), name, schemes)).findings;

const docs: CorpusDocument[] = loadCorpus().filter((d) => d.labels && (!only || d.id === only));
if (docs.length === 0) {
  console.error(only ? `语料中没有带标注的文档 ${only}` : '语料中还没有带标注的文档（corpus/reports/*.labels.json）');
  process.exit(1);
}

const outcomes: DocumentOutcome[] = [];
const mutants: MutantOutcome[] = [];
let labelProblems = 0;
for (const doc of docs) {
  labelProblems += verifyDocument(doc).length;
  try {
    outcomes.push(classify(doc, await audit(doc.text, `${doc.id}.txt`)));
  } catch (e) {
    console.error(`${doc.id}：审核出错（${e instanceof Error ? e.message : String(e)}）`);
    outcomes.push(classify(doc, []));
  }
  for (const m of mutantsOf(doc, seed)) mutants.push(await auditMutant(doc, m, audit));
}
const seconds = (performance.now() - started) / 1000;

const result: Result = summarize({ seed, docs, outcomes, mutants, seconds });
const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%（${n}/${d}）`);
const lineText = (id: string, line: number | null): string => {
  if (line === null) return '';
  const text = docs.find((d) => d.id === id)?.lines[line - 1] ?? '';
  return text.trim().length > 90 ? `${text.trim().slice(0, 90)}…` : text.trim();
};

const s = result.summary;
console.log(`语料 ${s.documents} 份（标注有问题 ${labelProblems} 处，不计入），关系 ${s.relations} 条，违反 ${s.violations} 条；变异体 ${s.mutants} 个（种子 ${seed}）；用时 ${seconds.toFixed(1)} 秒`);
console.log(`\n标注违反的召回：${pct(s.violationsFound, s.violations)}`);
for (const [k, v] of Object.entries(s.violationsByKind)) console.log(`  ${k.padEnd(12)} ${pct(v.found, v.n)}`);
console.log(`\n变异体的召回：${pct(s.mutantsFound, s.mutants)}；另有 ${s.mutantsFigure} 个报出了改动的数字但应为值不对或没有，${s.mutantsRelation} 个报出了同一关系的另一个数字`);
console.log(`  注意到（报出该关系的任何一个数字，不论应为值）：${pct(s.mutantsFound + s.mutantsFigure + s.mutantsRelation, s.mutants)}；改动后的值在别的行（或无行号）报出的另有 ${s.mutantsElsewhere ?? 0} 个`);
for (const [title, table] of [['按关系类型', s.mutantsByKind], ['按版式（文档的每种版式各计一次）', s.mutantsByLayout], ['按省份', s.mutantsByProvince], ['按笔误类型', s.mutantsBySlip]] as const) {
  console.log(`  ${title}：`);
  for (const [k, v] of Object.entries(table)) console.log(`    ${k.padEnd(14)} ${pct(v.found, v.n)}`);
}
console.log(`\n成立关系上的错误和警告：每 100 份 ${s.holdingPer100.toFixed(1)} 条（共 ${s.holding} 条）`);
const perDocs = (n: number, per: number): string => ((n * per) / Math.max(1, s.documents)).toFixed(2);
console.log(`  其中错误 ${s.holdingErrors ?? 0} 条，每 100 份 ${perDocs(s.holdingErrors ?? 0, 100)} 条（目标 ≤ 1）；警告 ${s.holdingWarnings ?? 0} 条，每 10 份 ${perDocs(s.holdingWarnings ?? 0, 10)} 条（目标 ≤ 1）`);
console.log(`不对应任何标注（既非违反的关系，也非软缺陷）的错误和警告：每 100 份 ${s.unlabelledPer100.toFixed(1)} 条（共 ${s.unlabelled} 条，其中在成立关系上 ${s.holding} 条、在标为非单位所致处 ${s.notTheUnits} 条、在省略处 ${s.inOmitted} 条）`);
for (const [check, n] of Object.entries(s.unlabelledByCheck)) console.log(`  ${check.padEnd(28)} ${n}`);
console.log(`软缺陷处的发现 ${s.soft} 条；对应违反关系但应为值不对 ${s.otherValue} 条`);

const top = (counts: Record<string, number>): string =>
  Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([k, n]) => `${k} ${n}`).join('，');
const missesByKind: Record<string, number> = {};
for (const v of outcomes.flatMap((o) => o.violations).filter((v) => !v.found)) missesByKind[v.kind] = (missesByKind[v.kind] ?? 0) + 1;
for (const m of mutants.filter((x) => x.outcome !== 'found')) missesByKind[m.kind] = (missesByKind[m.kind] ?? 0) + 1;
console.log(`\n最常见的漏报（按关系类型，标注违反与变异体合计）：${top(missesByKind)}`);
console.log(`最常见的误报（按检查项）：${top(s.unlabelledByCheck)}`);

console.log('\n漏掉的标注违反：');
for (const o of outcomes) {
  for (const v of o.violations.filter((x) => !x.found)) {
    const r = docs.find((d) => d.id === o.id)?.labels?.relations.find((x) => x.id === v.id);
    console.log(`  ${o.id} ${v.id} ${v.kind}（${r?.note ?? ''}）第 ${v.lines.join('、')} 行：${lineText(o.id, v.lines[0] ?? null)}`);
  }
}
console.log('\n误报（不对应任何标注的错误和警告）：');
const falseAlarm = (f: ClassifiedFinding): boolean => f.class === 'holding' || f.class === 'unlabelled';
for (const o of outcomes) {
  for (const f of o.findings.filter(falseAlarm)) {
    console.log(`  ${o.id} 第 ${f.line ?? '-'} 行 ${f.severity === 'error' ? '错误' : '警告'} ${f.check}${f.class === 'holding' ? `（成立关系 ${f.relations.join('、')}）` : ''}：${f.message}`);
  }
}
const missed = mutants.filter((m) => m.outcome !== 'found');
const MUTANT_NOTE: Record<MutantOutcome['outcome'], string> = { found: '', figure: '（报出该数字，应为值不对）', relation: '（报出同一关系的另一个数字）', elsewhere: '（改动后的值在别的行报出）', missed: '' };
console.log(`\n漏掉的变异体（${missed.length} 个${flag('--all') ? '' : '，列前 40 个；--all 全列'}）：`);
for (const m of flag('--all') ? missed : missed.slice(0, 40)) {
  console.log(`  ${m.document} ${m.relation} ${m.kind} ${m.slip} 第 ${m.line} 行「${m.from}」→「${m.to}」${MUTANT_NOTE[m.outcome]}${m.error ? `（审核出错：${m.error}）` : ''}`);
}

if (existsSync(compareWith)) {
  const previous = JSON.parse(readFileSync(compareWith, 'utf8')) as Result;
  console.log(`\n与 ${compareWith} 比较：`);
  for (const line of compareResults(previous, result)) console.log(`  ${line}`);
} else {
  console.log(`\n没有可比较的上次结果（${compareWith}）`);
}
if (!flag('--no-write')) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  console.log(`结果已写入 ${out}`);
}

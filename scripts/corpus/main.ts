/**
 * `npm run corpus -- verify [<id>]`: validates every label file of corpus/reports (or one), locates every
 * figure, recomputes every verdict, and prints the corpus' spread; exit code 1 on any problem.
 * `npm run corpus -- mutants <id>`: lists the mutants of one document (what `npm run eval` audits).
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, loadCorpus, loadDocument, spread, verifyDocument } from './corpus.ts';
import { mutantsOf } from './mutate.ts';

const [command, id] = process.argv.slice(2);

function documents() {
  if (!id) return loadCorpus();
  if (!existsSync(join(CORPUS, `${id}.txt`))) {
    console.error(`corpus/reports/${id}.txt 不存在`);
    process.exit(1);
  }
  return [loadDocument(id)];
}

if (command === 'verify') {
  const docs = documents();
  let bad = 0;
  for (const doc of docs) {
    const problems = verifyDocument(doc);
    if (problems.length === 0) continue;
    bad++;
    console.log(`✗ ${doc.id}`);
    for (const p of problems) console.log(`  ${p}`);
  }
  console.log(spread(docs));
  for (const sub of readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const n = readdirSync(join(CORPUS, sub.name)).filter((f) => f.endsWith('.txt')).length;
    if (n > 0) console.log(`注意：子目录 ${sub.name}/ 中的 ${n} 份文档不计入（只读 corpus/reports/ 顶层；年度不明的文档可写 evaluatedYear: null）`);
  }
  console.log(bad === 0 ? `核对通过：${docs.length} 份文档` : `核对未通过：${bad} / ${docs.length} 份文档有问题`);
  process.exitCode = bad === 0 ? 0 : 1;
} else if (command === 'mutants' && id) {
  for (const m of documents().flatMap((d) => mutantsOf(d))) {
    console.log(`${m.relation.id} ${m.relation.kind} 第 ${m.line} 行 ${m.slip}：「${m.from}」→「${m.to}」`);
  }
} else {
  console.error('用法：npm run corpus -- verify [<文档 id>] | npm run corpus -- mutants <文档 id>');
  process.exitCode = 1;
}

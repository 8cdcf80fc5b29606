import { readdirSync, readFileSync } from 'node:fs';
import { parseScheme } from '@jixiao/core';
import { auditDocument } from '@jixiao/documents';
import { loadDocument } from './corpus.ts';
import { classify } from './evaluate.ts';
const root = '/work/wt/eval/';
const schemes = readdirSync(root + 'schemes').filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(root + 'schemes/' + f, 'utf8'))));
for (const id of process.argv.slice(2)) {
  const doc = loadDocument(id);
  const a = await auditDocument(new TextEncoder().encode(doc.text), id + '.txt', schemes);
  const o = classify(doc, a.findings);
  console.log('==', id, 'violations', JSON.stringify(o.violations.map((v) => `${v.id}:${v.found}`)));
  for (const f of o.findings) console.log('  ', f.severity, f.line, f.check, f.class, f.relations.join(','), String(f.stated), String(f.expected), f.message.slice(0, 60));
}

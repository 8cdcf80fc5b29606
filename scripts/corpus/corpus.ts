/**
 * Loading the corpus (corpus/reports: `<id>.txt`, `<id>.labels.json`, `<id>.source.json`) and verifying
 * its labels: every file well formed, every figure on its line, every verdict recomputed.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseWritten } from './exact.ts';
import { linesOf, locate } from './locate.ts';
import { figuresOf, labelsSchema, sourceSchema, type Labels, type Relation, type Source } from './schema.ts';
import { explain, verdictOf } from './verdict.ts';

export const CORPUS = process.env.JIXIAO_CORPUS ?? new URL('../../corpus/reports/', import.meta.url).pathname;

export type CorpusDocument = {
  readonly id: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly labels: Labels | null;
  readonly source: Source | null;
  /** Why the labels or the source could not be read (Chinese, naming the file and field). */
  readonly problems: readonly string[];
};

/** zod's Chinese messages, for this parse only (not the process-wide configuration the audit also uses). */
const CHINESE = z.locales.zhCN().localeError;

const issues = (file: string, error: z.ZodError): string[] =>
  error.issues.map((i) => `${file}：${i.path.length > 0 ? i.path.join('.') : '（整个文件）'}：${i.message}`);

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>, problems: string[]): T | null {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push(`${file}：文件不存在`);
    return null;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.push(`${file}：不是合法的 JSON（${e instanceof Error ? e.message : String(e)}）`);
    return null;
  }
  const parsed = schema.safeParse(raw, { error: CHINESE });
  if (!parsed.success) {
    problems.push(...issues(file, parsed.error));
    return null;
  }
  return parsed.data;
}

/** The ids of the corpus: one per `<id>.txt`. */
export function corpusIds(dir = CORPUS): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

export function loadDocument(id: string, dir = CORPUS): CorpusDocument {
  const problems: string[] = [];
  const text = readFileSync(join(dir, `${id}.txt`), 'utf8');
  const labels = readJson(dir, `${id}.labels.json`, labelsSchema, problems);
  const source = readJson(dir, `${id}.source.json`, sourceSchema, problems);
  return { id, text, lines: linesOf(text), labels, source, problems };
}

export const loadCorpus = (dir = CORPUS): CorpusDocument[] => corpusIds(dir).map((id) => loadDocument(id, dir));

/** Everything wrong with one document's labels (empty when it verifies). */
export function verifyDocument(doc: CorpusDocument): string[] {
  const out = [...doc.problems];
  const { labels } = doc;
  if (!labels) return out;
  const file = `${doc.id}.labels.json`;
  if (labels.document !== doc.id) out.push(`${file}：document 写为「${labels.document}」，应为文件名的「${doc.id}」`);
  if (doc.source && doc.source.year !== labels.evaluatedYear) out.push(`${file}：evaluatedYear ${labels.evaluatedYear} 与 ${doc.id}.source.json 的 year ${doc.source.year} 不同`);
  if (doc.text.includes('\r')) out.push(`${doc.id}.txt：含回车符（CR），应为 LF 行尾`);
  const seen = new Set<string>();
  for (const r of labels.relations) {
    const where = `${file} 关系 ${r.id}（${r.kind}）`;
    if (seen.has(r.id)) out.push(`${where}：id 重复`);
    seen.add(r.id);
    let readable = true;
    for (const { role, figure } of figuresOf(r)) {
      try {
        parseWritten(figure.text);
      } catch (e) {
        out.push(`${where} ${role}：${e instanceof Error ? e.message : String(e)}`);
        readable = false;
        continue;
      }
      const at = locate(doc.lines, figure);
      if (typeof at === 'string') out.push(`${where} ${role}「${figure.text}」：${at}`);
    }
    if (r.kind === 'grade') {
      if (!doc.lines[r.grade.line - 1]?.includes(r.grade.text)) out.push(`${where} grade：第 ${r.grade.line} 行没有「${r.grade.text}」`);
      if (!r.bands.some((b) => b.grade === r.grade.text)) out.push(`${where} grade：「${r.grade.text}」不在 bands 里`);
    }
    if (r.kind === 'year' && labels.evaluatedYear === null) out.push(`${where}：evaluatedYear 为 null，不能有年份关系`);
    if (!readable) continue;
    const recomputed = verdictOf(r, labels.evaluatedYear);
    if (recomputed !== r.verdict) {
      out.push(`${where}：标注为 ${r.verdict}，重算为 ${recomputed}（${explain(r, labels.evaluatedYear)}）`);
    }
  }
  return out;
}

/** The verified relations of a document (a relation with a problem is left out of the measure). */
export function goodRelations(doc: CorpusDocument): Relation[] {
  if (!doc.labels) return [];
  return doc.labels.relations.filter((r) => {
    try {
      return figuresOf(r).every((x) => (parseWritten(x.figure.text), typeof locate(doc.lines, x.figure) !== 'string')) && verdictOf(r, doc.labels?.evaluatedYear ?? null) === r.verdict && !(r.kind === 'year' && doc.labels?.evaluatedYear === null);
    } catch {
      return false;
    }
  });
}

const tally = (values: readonly string[]): string =>
  [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join('，');

/** The corpus' spread: documents, provinces, kinds, years, layouts, relations by kind, violations. */
export function spread(docs: readonly CorpusDocument[]): string {
  const sources = docs.flatMap((d) => (d.source ? [d.source] : []));
  const relations = docs.flatMap((d) => d.labels?.relations ?? []);
  const violated = relations.filter((r) => r.verdict === 'violated');
  return [
    `文档 ${docs.length} 份（有标注 ${docs.filter((d) => d.labels).length}，有来源 ${sources.length}）`,
    `省份 ${new Set(sources.flatMap((s) => (s.province ? [s.province] : []))).size} 个：${tally(sources.map((s) => s.province ?? '（未知）'))}`,
    `类型：${tally(sources.map((s) => s.kind))}`,
    `年度：${tally(sources.map((s) => String(s.year ?? '（未知）')))}`,
    `版式：${tally(sources.flatMap((s) => s.layouts))}`,
    `关系 ${relations.length} 条：${tally(relations.map((r) => r.kind))}`,
    `违反 ${violated.length} 条：${tally(violated.map((r) => r.kind))}`,
    `软缺陷 ${docs.reduce((n, d) => n + (d.labels?.soft.length ?? 0), 0)} 处；省略 ${docs.reduce((n, d) => n + (d.labels?.omitted.length ?? 0), 0)} 处`,
  ].join('\n');
}

/**
 * The open-data files, written as streams a page of records at a time: `evaluations.csv`,
 * `figures.csv` (UTF-8 with BOM so Excel reads the Chinese, RFC 4180 quoting, CRLF), `data.json` (both
 * tables nested: each evaluation with its figures), `dictionary.json`, `dictionary.csv` and `README.txt`
 * (source, licence, date, counts). The .zip is deflated as the files stream through it (fflate).
 * @module
 */
import { Zip, ZipDeflate } from 'fflate';
import type { Db } from '../storage/database.ts';
import {
  DICTIONARY, type DictionaryTable, type EvaluationRecord, type FigureRecord, OPEN_DATA_LICENCE, OPEN_DATA_VERSION, type OpenDataScope, publishedRecords,
} from './open-data.ts';

const BOM = '\uFEFF';
const EVALUATIONS = DICTIONARY.tables.find((t) => t.name === 'evaluations') as DictionaryTable;
const FIGURES = DICTIONARY.tables.find((t) => t.name === 'figures') as DictionaryTable;
const IDENTITY = ['evaluation_id', 'region', 'unit', 'unit_code', 'year', 'kind', 'project_name'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. Text
 * that a spreadsheet would run as a formula (= + - @ at the start) gets a leading apostrophe; numbers are
 * never text here, so a negative amount stays as it is.
 */
export function csvField(value: unknown, isText = true): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (isText && /^[=+\-@\t\r]/u.test(text)) text = `'${text}`;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly unknown[], textColumns?: readonly boolean[]): string =>
  `${values.map((v, i) => csvField(v, textColumns?.[i] ?? true)).join(',')}\r\n`;

const isText = (t: DictionaryTable) => t.columns.map((c) => c.type === 'string');

export type OpenDataMeta = { readonly scope: OpenDataScope; readonly scopeName: string; readonly generatedAt: Date; readonly source: string };
export type OpenDataCounts = { evaluations: number; figures: number };

type Entry = { readonly name: string; readonly mediaType: string; chunks(): AsyncIterable<string> };

async function* csvOf(db: Db, scope: OpenDataScope, table: DictionaryTable, rowsOf: (e: EvaluationRecord, f: readonly FigureRecord[]) => unknown[][], counts: OpenDataCounts): AsyncGenerator<string> {
  const text = isText(table);
  yield BOM + csvLine(table.columns.map((c) => c.name));
  for await (const page of publishedRecords(db, scope)) {
    let out = '';
    for (const r of page) {
      const rows = rowsOf(r.evaluation, r.figures);
      if (table === EVALUATIONS) counts.evaluations += 1;
      else counts.figures += rows.length;
      for (const row of rows) out += csvLine(row, text);
    }
    yield out;
  }
}

const evaluationRows = (e: EvaluationRecord) => [EVALUATIONS.columns.map((c) => e[c.name as keyof EvaluationRecord])];
const figureRows = (e: EvaluationRecord, figures: readonly FigureRecord[]) => {
  const identity = IDENTITY.map((k) => e[k]);
  return figures.map((f) => [...identity, f.figure, f.figure_label, f.item, f.item_label, f.phase, f.phase_label, f.amount]);
};

async function* jsonOf(db: Db, meta: OpenDataMeta): AsyncGenerator<string> {
  const head = {
    title: `${meta.scopeName}${meta.scope.year}年度预算绩效自评结果（已公开）`, year: meta.scope.year, region: meta.scopeName, generatedAt: meta.generatedAt.toISOString(),
    source: meta.source, licence: OPEN_DATA_LICENCE, version: OPEN_DATA_VERSION, moneyUnit: '万元', dictionary: 'dictionary.json',
  };
  yield `${JSON.stringify(head).slice(0, -1)},"evaluations":[`;
  let first = true;
  for await (const page of publishedRecords(db, meta.scope)) {
    yield page.map((r) => {
      const text = `${first ? '' : ','}\n${JSON.stringify({ ...r.evaluation, figures: r.figures })}`;
      first = false;
      return text;
    }).join('');
  }
  yield '\n]}\n';
}

export function dictionaryCsv(): string {
  const lines = [BOM + csvLine(['table', 'table_label', 'name', 'label', 'type', 'unit', 'nullable', 'description', 'values'])];
  for (const t of DICTIONARY.tables) {
    for (const c of t.columns) {
      lines.push(csvLine([t.name, t.label, c.name, c.label, c.type, c.unit, c.nullable ? 'yes' : 'no', c.description, c.values?.map((v) => `${v.value}=${v.label}`).join('; ') ?? null]));
    }
  }
  return lines.join('');
}

function readme(meta: OpenDataMeta, counts: OpenDataCounts): string {
  return [
    `${meta.scopeName} ${meta.scope.year} 年度预算绩效自评结果 · 公开数据`,
    '',
    `来源：${meta.source}（只含已公开的自评）`,
    `生成时间：${meta.generatedAt.toISOString()}`,
    `许可：${OPEN_DATA_LICENCE}`,
    `数据版本：${OPEN_DATA_VERSION}`,
    `自评 ${counts.evaluations} 份；资金数据 ${counts.figures} 行。`,
    '',
    '文件：',
    '  evaluations.csv  自评结果，每份自评一行（得分、等级、执行率、问题数、资金总额）',
    '  figures.csv      分预算阶段的资金数据（长表）：每份自评 × 数据项 × 预算阶段一行，phase = initial（年初预算）| adjusted（调整预算／全年预算）| actual（执行）',
    '  data.json        同样的数据，JSON：evaluations 数组，每份自评带其 figures',
    '  dictionary.json  数据字典：每个字段的名称、中文名、类型、单位、说明与取值（dictionary.csv 为同一内容）',
    '',
    '约定：CSV 为 UTF-8（带 BOM）、逗号分隔、RFC 4180 引号规则；金额单位万元，十进制字符串，以元填写的已精确换算；',
    '以 = + - @ 开头的文字前加了一个撇号（\'），以免电子表格把它当作公式。',
    '',
  ].join('\r\n');
}

/** Every file of an export, in the order of the .zip (README last: it carries the counts). */
export function openDataEntries(db: Db, meta: OpenDataMeta, counts: OpenDataCounts = { evaluations: 0, figures: 0 }): Entry[] {
  return [
    { name: 'evaluations.csv', mediaType: 'text/csv; charset=utf-8', chunks: () => csvOf(db, meta.scope, EVALUATIONS, evaluationRows, counts) },
    { name: 'figures.csv', mediaType: 'text/csv; charset=utf-8', chunks: () => csvOf(db, meta.scope, FIGURES, figureRows, counts) },
    { name: 'data.json', mediaType: 'application/json; charset=utf-8', chunks: () => jsonOf(db, meta) },
    { name: 'dictionary.json', mediaType: 'application/json; charset=utf-8', async *chunks() { yield `${JSON.stringify(DICTIONARY, null, 2)}\n`; } },
    { name: 'dictionary.csv', mediaType: 'text/csv; charset=utf-8', async *chunks() { yield dictionaryCsv(); } },
    { name: 'README.txt', mediaType: 'text/plain; charset=utf-8', async *chunks() { yield BOM + readme(meta, counts); } },
  ];
}

const encoder = new TextEncoder();

async function* bytesOf(chunks: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  for await (const text of chunks) yield encoder.encode(text);
}

/** The entries deflated into one .zip as they stream (nothing but the current page is held). */
export async function* zipOf(entries: readonly Entry[], modified: Date): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = modified;
    zip.add(file);
    for await (const bytes of bytesOf(entry.chunks())) {
      file.push(bytes);
      if (failure) throw failure;
      yield* out.splice(0);
    }
    file.push(new Uint8Array(0), true);
    yield* out.splice(0);
  }
  zip.end();
  if (failure) throw failure;
  yield* out.splice(0);
}

/** A web stream that pulls the chunks one at a time (backpressure: the next page is read when the client has taken this one). */
export function streamOf(chunks: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
    },
    async cancel() {
      await it.return?.(undefined);
    },
  });
}

/**
 * The `jixiao` command: check, score, schemes (and the document commands). One error mapper at this
 * edge turns expected failures into a Chinese message and exit code 2; nothing prints a stack trace
 * unless JIXIAO_DEBUG is set.
 * @module
 */
import { lstatSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  audit, CATEGORY_NAMES, CHECKS, checkCatalogue, DomainError, SEVERITY_NAMES, type Evaluation, type Finding, isDomainError, safeParseEvaluation, type Scheme, selectScheme,
} from '@jixiao/core';
import { readJson } from './json-source.ts';
import { readRegularFile } from './read-file.ts';
import { colourStyle, countBySeverity, type FileReport, formatReport, formatScore, plainStyle, type Style } from './output.ts';
import { loadSchemes } from '@jixiao/documents';
import { renderTable, truncate } from './text-table.ts';

export const VERSION = '0.1.0';

export type Io = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  /** A one-line progress display on a terminal (empty text clears it); absent when not a terminal. */
  readonly progress?: (text: string) => void;
};

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const HELP = `jixiao —— 预算绩效自评的评分与审核

用法：
  jixiao check <文件或目录…> [--format text|json] [--scheme <方案id>]
      审核自评：模型 .json，或单位报送的报告 .txt .docx .doc .xlsx .xls .pdf .html .mht（目录会逐级查找），
      按类别列出每个问题及其数字和位置，多个文件时最后给出汇总表
  jixiao import <报告文件> [-o model.json]
      把报告读成自评数据（.json），并列出未能对应的内容
  jixiao score <文件> [--scheme <方案id>]
      按评价方案计算自评表各项得分、总分和等级，并说明计算过程
  jixiao render <文件> --to docx|xlsx|pdf [-o 输出文件] [--scheme <方案id>] [--corrected] [--strict]
      生成报告（GB/T 9704 .docx、附表 .xlsx、PDF），数字和文字按单位填报原样印出；计算结果与填报不符处
      另行写入「…-审核意见.docx」（审核意见及更正建议）；--corrected 改印计算结果并在原处逐处标注原填数字和理由；
      生成后按 check 审核所生成的文件并给出汇总，--strict 时仍有错误则退出码为 1
  jixiao schemes
      列出可用的评价方案
  jixiao checks [--format text|markdown]
      列出全部审核规则（类别、默认严重程度、说明、依据）
  jixiao backup <文件> [--data <数据目录>]    jixiao restore <文件> [--data <数据目录>] [--force]
      备份或恢复服务器的数据库（设置了 DATABASE_URL 时为 PostgreSQL，否则为数据目录，默认 ./data）；
      文件名以 .gz 结尾时压缩；恢复只写入空数据库，--force 先清空
  jixiao demo --units <N> [--years <K>] [--seed <种子>] [--data <数据目录>]
      生成演示数据：N 个单位（每 100 个一个演示县）、每个单位每年一份自评（部门整体或项目），
      按已知比例注入错误（总分、执行率、等级、正文与表不符、执行率低却得满分），同一种子生成相同数据
  jixiao open-data --year <年度> -o <输出目录> [--region <地区名称或编号>] [--data <数据目录>]
      导出该年度已公开自评的公开数据：evaluations.csv、figures.csv（分预算阶段的长表）、data.json、数据字典与说明
  jixiao worker [--workers <N>] [--data <数据目录>] [--exit-when-idle]
      批量审核工作进程：从服务器的数据库（设置了 DATABASE_URL 时为 PostgreSQL，否则为数据目录）的队列中
      逐个领取上传的文件并审核；PostgreSQL 上可在一台或多台机器上同时运行多个，按 Ctrl+C 停止
  jixiao --help | --version

退出码：0 没有错误；1 发现错误；2 用法错误或文件无法读取。`;

type Options = { format: string; scheme?: string; color?: boolean };

function modelTitle(e: Evaluation): string {
  return e.kind === 'project'
    ? `${e.project.name} ${e.year}年度 项目支出绩效自评`
    : `${e.unit.name} ${e.year}年度 部门整体支出绩效自评`;
}

type Loaded = { readonly evaluation: Evaluation; readonly scheme: Scheme; readonly lineOf: (path: string) => number | undefined };

/** Reads a model file. @throws DomainError naming the file. */
export function loadModel(file: string, schemes: readonly Scheme[], schemeId?: string): Loaded {
  const text = new TextDecoder().decode(readRegularFile(file));
  const json = readJson(text, file);
  const parsed = safeParseEvaluation(json.data);
  if (!parsed.ok) throw new DomainError(parsed.error.code, `${file}：${parsed.error.message}`, parsed.error.details);
  const evaluation = parsed.value;
  return { evaluation, scheme: selectScheme(schemes, evaluation.kind, schemeId ?? evaluation.schemeId), lineOf: json.lineOf };
}

function withJsonLines(findings: readonly Finding[], lineOf: (path: string) => number | undefined): Finding[] {
  return findings.map((f) => {
    if (f.location.line !== undefined) return f;
    const line = lineOf(f.location.path);
    return line === undefined ? f : { ...f, location: { ...f.location, line } };
  });
}

function unreadable(file: string, error: unknown): Finding {
  const message = isDomainError(error) ? [error.message, ...error.details.slice(0, 20)].join('\n      ') : `无法读取：${(error as Error).message}`;
  return { check: 'file-unreadable', category: 'completeness', severity: 'error', message, location: { path: '', file } };
}

const MODEL_EXTENSIONS = new Set(['.json']);
const DOCUMENT_EXTENSIONS = new Set(['.txt', '.docx', '.doc', '.xlsx', '.xls', '.pdf', '.html', '.htm', '.mht', '.mhtml']);

/** Files named, and the report files inside folders named (recursively, in name order). */
export function expandInputs(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      const ext = extname(name).toLowerCase();
      // lstat: a link to a folder is not followed (a link to its parent would never end); links to files,
      // FIFOs and devices among report names are reported by the reader (regular files only)
      const info = lstatSync(full);
      if (info.isDirectory()) walk(full);
      else if (MODEL_EXTENSIONS.has(ext) || DOCUMENT_EXTENSIONS.has(ext)) out.push(full);
    }
  };
  for (const p of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(p).isDirectory();
    } catch {
      // A missing path is reported as unreadable with the others.
    }
    if (isDirectory) walk(p);
    else out.push(p);
  }
  return out;
}

const isModelFile = (file: string): boolean => MODEL_EXTENSIONS.has(extname(file).toLowerCase());

const readBytes = (file: string): Uint8Array => readRegularFile(file);

/** A model from any file: a model .json as it is, a report (.txt/.docx/.xlsx/.pdf…) through the importer. */
async function loadAny(file: string, schemes: readonly Scheme[], schemeId?: string): Promise<Loaded & { unmapped: readonly string[] }> {
  if (isModelFile(file)) return { ...loadModel(file, schemes, schemeId), unmapped: [] };
  const { readDocument, importEvaluation } = await import('@jixiao/documents');
  const doc = await readDocument(readBytes(file), basename(file));
  const imported = importEvaluation(doc, schemeId ? { schemeId } : {});
  if (!imported.evaluation) {
    throw new DomainError('import-failed', `${file}：没有识别出自评表或基础数据表，无法建立自评数据`, imported.unmapped);
  }
  const evaluation = imported.evaluation;
  return { evaluation, scheme: selectScheme(schemes, evaluation.kind, schemeId ?? evaluation.schemeId), lineOf: () => undefined, unmapped: imported.unmapped };
}

async function check(paths: readonly string[], options: Options, io: Io, style: Style): Promise<number> {
  if (paths.length === 0) throw new DomainError('usage', '请给出要审核的文件或目录，例如：jixiao check report.docx');
  const files = expandInputs(paths);
  if (files.length === 0) throw new DomainError('usage', `${paths.join('、')} 中没有可审核的文件（.json .txt .docx .doc .xlsx .xls .pdf .html .htm .mht .mhtml）`);
  const schemes = loadSchemes();
  const reports: (FileReport & { ok: boolean })[] = [];
  const showProgress = io.progress !== undefined && files.length > 3 && options.format !== 'json';
  for (const [i, file] of files.entries()) {
    if (showProgress) io.progress?.(progressBar(i, files.length, basename(file)));
    try {
      if (isModelFile(file)) {
        const { evaluation, scheme, lineOf } = loadModel(file, schemes, options.scheme);
        const { findings } = audit(CHECKS, evaluation, scheme);
        reports.push({ file, title: `${modelTitle(evaluation)} · ${scheme.name}`, findings: withJsonLines(findings, lineOf), ok: true });
      } else {
        const { auditDocument } = await import('@jixiao/audit');
        const result = await auditDocument(readBytes(file), basename(file), schemes, options.scheme ? { schemeId: options.scheme } : {});
        const title = result.evaluation ? `${modelTitle(result.evaluation)} · ${result.scheme?.name ?? ''}` : '（未识别出自评表，仅审核正文）';
        const notes: Finding[] = result.warnings.map((w) => ({ check: 'document-unreadable-part', category: 'completeness', severity: 'info', message: w, location: { path: '', file } }));
        reports.push({ file, title, findings: [...notes, ...result.findings], ok: true });
      }
    } catch (e) {
      if (!isDomainError(e)) throw e;
      reports.push({ file, findings: [unreadable(file, e)], ok: false });
    }
  }
  if (showProgress) io.progress?.('');
  if (options.format === 'json') {
    io.stdout(JSON.stringify({ reports: reports.map((r) => ({ file: r.file, findings: r.findings })) }, null, 2));
  } else {
    io.stdout(reports.map((r) => formatReport(r, style)).join('\n\n'));
    if (reports.length > 1) {
      const rows = reports.map((r) => {
        const c = countBySeverity(r.findings);
        return [r.file, r.ok ? String(c.error) : '无法读取', String(c.warning), String(c.info)];
      });
      const total = countBySeverity(reports.flatMap((r) => r.findings));
      rows.push([`合计 ${reports.length} 个文件`, String(total.error), String(total.warning), String(total.info)]);
      io.stdout(`\n${renderTable(['文件', '错误', '警告', '提示'], rows, ['left', 'right', 'right', 'right'])}`);
    }
  }
  if (reports.every((r) => !r.ok)) return EXIT.usage;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.findings : EXIT.ok;
}

function progressBar(done: number, total: number, name: string): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `审核中 ${String(done + 1).padStart(String(total).length)}/${total} ▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏ ${truncate(name, 40)}`;
}

async function importCommand(files: readonly string[], options: Options & { output?: string }, io: Io): Promise<number> {
  if (files.length !== 1) throw new DomainError('usage', '请给出一个要导入的文件，例如：jixiao import report.docx -o model.json');
  const file = files[0] ?? '';
  const { readDocument, importEvaluation } = await import('@jixiao/documents');
  const doc = await readDocument(readBytes(file), basename(file));
  const imported = importEvaluation(doc, options.scheme ? { schemeId: options.scheme } : {});
  const json = `${JSON.stringify(imported.input, null, 2)}\n`;
  if (options.output) {
    try {
      writeFileSync(options.output, json);
    } catch (e) {
      throw new DomainError('file-unwritable', `无法写入 ${options.output}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    }
    io.stdout(`已导入 ${file} → ${options.output}（${imported.kind === 'department' ? '部门整体' : '项目'}自评）`);
  } else {
    io.stdout(json.trimEnd());
  }
  for (const w of doc.warnings) io.stderr(`未能读取：${w}`);
  if (imported.unmapped.length > 0) {
    io.stderr(`以下 ${imported.unmapped.length} 处未能对应到自评数据：`);
    for (const u of imported.unmapped) io.stderr(`  · ${u}`);
  }
  if (!imported.evaluation) {
    io.stderr('注意：导入的内容还不是一份完整的自评数据（见上），jixiao check 只能审核其正文。');
    return EXIT.usage;
  }
  return EXIT.ok;
}

async function score(files: readonly string[], options: Options, io: Io, style: Style): Promise<number> {
  if (files.length !== 1) throw new DomainError('usage', '请给出一个要评分的文件，例如：jixiao score report.json');
  const schemes = loadSchemes();
  const { evaluation, scheme } = await loadAny(files[0] ?? '', schemes, options.scheme);
  const { derived } = audit([], evaluation, scheme);
  if (options.format === 'json') {
    const n = (d: { units: number; scale: number } | null | undefined) => (d ? d.units / 10 ** d.scale : null);
    io.stdout(JSON.stringify({
      file: files[0],
      scheme: scheme.id,
      funds: { rate: n(derived.funds.rate), score: n(derived.funds.score), explanation: derived.funds.explanation },
      indicators: derived.indicators.map((r) => ({ name: r.indicator.name, points: n(r.indicator.points), stated: n(r.indicator.score), computed: n(r.expected ?? r.counted), explanation: r.explanation })),
      groups: derived.groups.map((g) => ({ name: g.name, points: n(g.points), score: n(g.score), explanation: g.explanation })),
      total: { stated: n(derived.card?.totalScore), statedSum: n(derived.total.statedSum), computed: n(derived.total.computed), explanation: derived.total.explanation },
      grade: { stated: derived.card?.grade ?? null, computed: derived.grade.name },
    }, null, 2));
  } else {
    io.stdout(formatScore(modelTitle(evaluation), derived, style));
  }
  return EXIT.ok;
}

const RENDER_FORMATS = ['docx', 'xlsx', 'pdf'] as const;

type RenderCliOptions = Options & { to?: string; output?: string; corrected?: boolean; strict?: boolean };

const writeOut = (file: string, bytes: Uint8Array): void => {
  try {
    writeFileSync(file, bytes);
  } catch (e) {
    throw new DomainError('file-unwritable', `无法写入 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
};

/**
 * Renders the report as the unit wrote it (or, with --corrected, with the computed figures marked in place),
 * writes the 审核意见及更正建议 as a document of its own next to it, then audits the file it wrote as
 * `check` would and prints the summary; --strict exits 1 when that audit finds errors.
 */
async function renderCommand(files: readonly string[], options: RenderCliOptions, io: Io, style: Style): Promise<number> {
  if (files.length !== 1) throw new DomainError('usage', '请给出一个要生成文档的文件，例如：jixiao render report.json --to docx');
  const to = options.to ?? 'docx';
  if (!(RENDER_FORMATS as readonly string[]).includes(to)) throw new DomainError('usage', `--to 只能是 docx、xlsx 或 pdf，不是「${to}」`);
  const file = files[0] ?? '';
  const schemes = loadSchemes();
  const { evaluation, scheme } = await loadAny(file, schemes, options.scheme);
  const { render, renderReview } = await import('@jixiao/documents');
  const { auditDocument } = await import('@jixiao/audit');
  const format = to as (typeof RENDER_FORMATS)[number];
  const { bytes, corrections } = await render(evaluation, scheme, format, { corrected: options.corrected === true });
  const output = options.output ?? `${basename(file, extname(file))}.${to}`;
  writeOut(output, bytes);
  io.stdout(`已生成 ${output}（${(bytes.length / 1024).toFixed(1)} KB，按「${scheme.name}」，${options.corrected ? '更正版：计算结果与填报不符处已逐处标注' : '按单位填报原样印出'}）`);
  if (corrections.length > 0) {
    const reviewFile = `${join(dirname(output), basename(output, extname(output)))}-审核意见.${format === 'pdf' ? 'pdf' : 'docx'}`;
    writeOut(reviewFile, await renderReview(evaluation, scheme, format));
    io.stdout(`已生成 ${reviewFile}（审核意见及更正建议，与报告分开印制）：${corrections.length} 处填报与计算结果不符${options.corrected ? '，报告中已逐处标注' : '，报告中照填报印出'}`);
  }
  if (format === 'pdf') {
    // which installed faces stand in for the fonts the document names, and any glyph taken from another face
    const { buildDocument, fontSubstitutions, describeSubstitutions } = await import('@jixiao/documents');
    const substitutions = fontSubstitutions(buildDocument(evaluation, scheme));
    if (substitutions) io.stdout(`字体：${describeSubstitutions(substitutions).join('；')}`);
  }
  // The file as written, audited as `jixiao check` would audit it.
  const audited = await auditDocument(bytes, basename(output), schemes, { schemeId: scheme.id });
  const counts = countBySeverity(audited.findings);
  io.stdout(`\n审核所生成的文件：错误 ${counts.error} 处，警告 ${counts.warning} 处，提示 ${counts.info} 处`);
  const serious = audited.findings.filter((f) => f.severity !== 'info');
  if (serious.length > 0) io.stdout(formatReport({ file: output, findings: serious }, style));
  if (options.strict && counts.error > 0) {
    io.stderr(`--strict：所生成的文件仍有 ${counts.error} 处错误`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

function listChecks(io: Io, format: string): number {
  if (format === 'markdown') {
    io.stdout(checkCatalogue().trimEnd());
    return EXIT.ok;
  }
  const rows = CHECKS.map((c) => [c.id, CATEGORY_NAMES[c.meta.category], SEVERITY_NAMES[c.meta.defaultSeverity], c.meta.description]);
  io.stdout(renderTable(['规则 id', '类别', '默认', '说明'], rows));
  return EXIT.ok;
}

function listSchemes(io: Io): number {
  const rows = loadSchemes().map((s) => [s.id, s.kind === 'department' ? '部门整体' : '项目', s.region, String(s.year), s.groups.map((g) => `${g.name}${g.points}`).join('/'), s.grades.map((g) => g.name).join('/'), s.name]);
  io.stdout(renderTable(['方案 id', '类型', '地区', '年度', '一级分值', '等级', '名称'], rows));
  return EXIT.ok;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        scheme: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        data: { type: 'string' },
        force: { type: 'boolean' },
        units: { type: 'string' },
        years: { type: 'string' },
        seed: { type: 'string' },
        year: { type: 'string' },
        region: { type: 'string' },
        workers: { type: 'string' },
        'exit-when-idle': { type: 'boolean' },
        corrected: { type: 'boolean' },
        strict: { type: 'boolean' },
      },
    });
    if (values.version) {
      io.stdout(VERSION);
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.stdout(HELP);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    if (command === 'checks') return listChecks(io, values.format);
    if (values.format !== 'text' && values.format !== 'json') throw new DomainError('usage', `--format 只能是 text 或 json，不是「${values.format}」`);
    const useColour = values['no-color'] ? false : (values.color ?? (io.isTty && !process.env['NO_COLOR']));
    const style = useColour ? colourStyle : plainStyle;
    const options: Options = { format: values.format, ...(values.scheme ? { scheme: values.scheme } : {}) };
    switch (command) {
      case 'check':
        return await check(rest, options, io, style);
      case 'score':
        return await score(rest, options, io, style);
      case 'import':
        return await importCommand(rest, { ...options, ...(values.output ? { output: values.output } : {}) }, io);
      case 'schemes':
        return listSchemes(io);
      case 'render':
        return await renderCommand(rest, {
          ...options, ...(values.to ? { to: values.to } : {}), ...(values.output ? { output: values.output } : {}),
          corrected: values.corrected === true, strict: values.strict === true,
        }, io, style);
      case 'backup':
      case 'restore': {
        if (rest.length !== 1) throw new DomainError('usage', `请给出一个备份文件，例如：jixiao ${command} jixiao-backup.jsonl.gz`);
        const server = await import('@jixiao/server');
        const run = command === 'backup' ? server.backupCommand : server.restoreCommand;
        io.stdout(await run(rest[0] ?? '', { dataDir: values.data, force: values.force }));
        return EXIT.ok;
      }
      case 'demo': {
        const server = await import('@jixiao/server');
        io.stdout(await server.demoCommand({ units: values.units, years: values.years, seed: values.seed, dataDir: values.data, progress: io.progress }));
        return EXIT.ok;
      }
      case 'open-data': {
        const server = await import('@jixiao/server');
        io.stdout(await server.openDataCommand({ year: values.year, output: values.output, region: values.region, dataDir: values.data }));
        return EXIT.ok;
      }
      case 'worker': {
        const server = await import('@jixiao/server');
        io.stdout(await server.workerCommand({ workers: values.workers, dataDir: values.data, exitWhenIdle: values['exit-when-idle'], out: io.stdout }));
        return EXIT.ok;
      }
      default:
        throw new DomainError('usage', `未知命令「${command}」。运行 jixiao --help 查看用法。`);
    }
  } catch (e) {
    return reportError(e, io);
  }
}

/** The one error mapper of the CLI edge. */
export function reportError(e: unknown, io: Io): number {
  if (isDomainError(e)) {
    io.stderr(`jixiao：${e.message}`);
    for (const d of e.details.slice(0, 30)) io.stderr(`  · ${d}`);
    if (e.details.length > 30) io.stderr(`  …… 另有 ${e.details.length - 30} 处`);
    return EXIT.usage;
  }
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    const named = /'([^']+)'/u.exec((e as Error).message)?.[1];
    io.stderr(`jixiao：参数有误${named ? `（${named}）` : ''}：${code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? '没有这个选项' : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? '多余的参数' : '选项的值不对'}。运行 jixiao --help 查看用法。`);
    return EXIT.usage;
  }
  // in Chinese: the original (English) message only with JIXIAO_DEBUG
  const what = e instanceof RangeError ? '内容超出处理能力（结构过大或过深）' : '程序出错，这不是输入文件的问题，请报告给维护者';
  io.stderr(`jixiao：内部错误：${what}${process.env['JIXIAO_DEBUG'] ? `\n${(e as Error)?.stack ?? String(e)}` : '（设置 JIXIAO_DEBUG=1 查看详情）'}`);
  return EXIT.usage;
}

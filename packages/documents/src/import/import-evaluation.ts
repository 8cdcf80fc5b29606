/**
 * A read document mapped into the core model: the kind (部门整体 or 项目), the unit, the year and date, the
 * outline sections' text (with line numbers in `sourceMap`), and the tables (基础数据表, 自评表, 项目支出绩效自评表).
 * Everything mapped is as written (numbers kept as strings, "17,485.15"); what is unknown, ambiguous or
 * inferred is listed in `unmapped` in Chinese with its place in the file. Narrative figures (amounts,
 * counts and scores stated in the text) are not read here.
 * @module
 */
import { type Evaluation, safeParseEvaluation } from '@jixiao/core';
import type { SourceDocument, SourceLine } from '../source.ts';
import { ImportContext, type Mutable, type SourceRef } from './context.ts';
import { OPENING } from '../write/wording.ts';
import { junkLines } from './junk.ts';
import { approvedBudgetFrom, threePublicFrom } from './written-sentences.ts';
import { staffingFromText } from './staffing.ts';
import { level1Of, projectExecutionIn, readStatement } from './statements.ts';
import { beginDocument, cleanValue, findDate, isBlankText, label, oneLine, stripMarker } from './normalize.ts';
import { type Section, looksLikeOrg, markerOf, outline, signatureIn } from './outline.ts';
import { type Row, rowsOf, textTables } from './rows.ts';
import {
  type Candidate, type EvaluationKind, type TableKind, mapTables, metadataFromLine, parseSignOff, tableUnits,
} from './tables.ts';

export type ImportOptions = {
  /** Force the kind instead of recognising it. */
  readonly kind?: EvaluationKind;
  /** The evaluation year when the document does not state it. */
  readonly year?: number;
  /** The unit's (or project's implementing unit's) name when the document does not state it. */
  readonly unitName?: string;
  /** The project's name when the document does not state it. */
  readonly projectName?: string;
  readonly schemeId?: string;
};

export type ImportResult = {
  /** A plain object for `parseEvaluation`. */
  readonly input: Record<string, unknown>;
  /** The parsed model, or null when not even a minimal model could be built (see `unmapped`). */
  readonly evaluation: Evaluation | null;
  /** What could not be mapped, or was inferred, in Chinese, with line numbers. */
  readonly unmapped: string[];
  readonly kind: EvaluationKind;
  /** Which tables were recognised as what (by table index; text-rebuilt tables are negative). */
  readonly tableKinds: ReadonlyMap<number, TableKind>;
};

const KIND_DEPARTMENT = /部门整体支出|部门整体绩效|部门整体/u;
const KIND_DEPARTMENT_CELL = /^(?:部门资金|财政供养人员情况|经费控制情况)/u;
const KIND_PROJECT = /项目支出绩效(?:自评|评价)|项目绩效自评/u;
const KIND_PROJECT_CELL = /^(?:项目名称|项目资金)/u;

function detectKind(lines: readonly SourceLine[], rows: readonly Row[], ctx: ImportContext): EvaluationKind {
  // the patterns hold no line break: a line at a time finds what the joined text would, and stops at the first
  const inCells = (re: RegExp) => rows.some((r) => r.cells.some((c) => re.test(c.label)));
  if (lines.some((l) => KIND_DEPARTMENT.test(label(l.text))) || inCells(KIND_DEPARTMENT_CELL)) return 'department';
  if (lines.some((l) => KIND_PROJECT.test(label(l.text))) || inCells(KIND_PROJECT_CELL)) return 'project';
  ctx.note(undefined, '没有找到「部门整体」或「项目支出」字样，按部门整体支出绩效自评导入');
  return 'department';
}

/** Orders rows table by table, tables by their first line. */
function orderedRows(doc: SourceDocument, skip: ReadonlySet<number>): Row[] {
  const groups: Row[][] = doc.tables.map((t) => rowsOf(t, doc.format === 'pdf'));
  const synthetic = textTables(doc, skip);
  const byTable = new Map<number, Row[]>();
  for (const r of synthetic) {
    const list = byTable.get(r.table) ?? [];
    list.push(r);
    byTable.set(r.table, list);
  }
  groups.push(...byTable.values());
  const first = (g: Row[]) => g.reduce((m, r) => Math.min(m, r.line), Number.POSITIVE_INFINITY);
  return groups.filter((g) => g.length > 0).sort((a, b) => first(a) - first(b)).flat();
}

const compactRanges = (ns: readonly number[]): string => {
  const sorted = [...ns].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] ?? 0;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] ?? end;
    parts.push(end > start ? `${start}–${end}` : String(start));
  }
  return parts.join('、');
};

const textOf = (lines: readonly SourceLine[]): string => lines.map((l) => cleanValue(l.text)).filter((t) => t !== '').join('\n');
const nonBlank = (lines: readonly SourceLine[]): SourceLine[] => lines.filter((l) => !isBlankText(l.text));

/** Headings inside a section: a marker with a short text, or a short standalone line ("经济效益"). */
const isSubHeading = (l: SourceLine): boolean => {
  const t = cleanValue(l.text);
  const m = markerOf(t);
  if (l.heading !== undefined && l.heading >= 2 && t.length <= 40) return true;
  if (m && m.rest.length <= 20 && !/[，,。；;]/u.test(m.rest.slice(0, -1))) return true;
  return !m && t.length <= 12 && !/[，,。；;：:]/u.test(t);
};

/** The sub-sections of 二 whose text the model keeps, by their heading. */
const SPENDING_TEXTS: readonly (readonly [RegExp, 'basicSpending' | 'projectSpending' | 'carryover' | 'management'])[] = [
  [/基本支出/u, 'basicSpending'],
  [/项目支出|专项/u, 'projectSpending'],
  [/结转|结余/u, 'carryover'],
  [/管理|制度/u, 'management'],
];

/** 一（一）机构设置 as the profile text and 一（二）人员编制 as the staffing figures. */
function profileAndStaffing(lines: readonly SourceLine[], fields: Mutable, ctx: ImportContext): void {
  const profile: SourceLine[] = [];
  for (const l of lines) {
    const t = label(l.text);
    if (isSubHeading(l) && /^(?:[（(][一二三四五六七八九十]+[)）])?(?:机构设置|人员编制|人员情况)$/u.test(stripMarker(t)) ) continue;
    const staffing = staffingFromText(t);
    if (staffing && !fields.staffing) {
      fields.staffing = staffing;
      // each figure at its line, so that a finding on it names the line (and merges with the text check's)
      for (const key of ['authorized', 'actual'] as const) {
        const group = staffing[key] as { total: string; parts: { count: string }[] } | undefined;
        if (!group) continue;
        ctx.source(`staffing.${key}.total`, l.line, group.total);
        group.parts.forEach((part, i) => ctx.source(`staffing.${key}.parts[${i}].count`, l.line, part.count));
      }
      if (typeof staffing.retired === 'string') ctx.source('staffing.retired', l.line, staffing.retired);
      continue;
    }
    profile.push(l);
  }
  if (profile.length === 0) return;
  fields.profileText = textOf(profile);
  ctx.source('unit.profileText', profile[0]?.line, fields.profileText as string);
}

type Narrative = { fields: Mutable; signature: { unit: string; date: string; unitLine: number; dateLine: number } | null; title: { text: string; line: number } | null };

function departmentNarrative(lines: readonly SourceLine[], ctx: ImportContext): Narrative {
  const fields: Mutable = {};
  const o = outline(lines);
  const section = (key: Section['key']) => o.sections.find((s) => s.key === key);

  // title: the first line of the preamble that names a report
  const titleLine = nonBlank(o.preamble).slice(0, 8).find((l) => /报告|自评表|自评情况|绩效评价/u.test(label(l.text)));
  const title = titleLine ? { text: cleanValue(titleLine.text), line: titleLine.line } : null;
  if (title) {
    fields.title = title.text;
    ctx.source('title', title.line, title.text);
  }

  // the unit's opening paragraph(s) between the title and 一、 (the writer's generated sentence is not the unit's)
  if (titleLine) {
    const opening = nonBlank(o.preamble).filter((l) => l.line > titleLine.line && /[。；，]/u.test(l.text) && !OPENING.read(cleanValue(l.text)));
    if (opening.length > 0) {
      fields.introduction = textOf(opening);
      ctx.source('introduction', opening[0]?.line, fields.introduction as string);
    }
  }

  // 一、部门基本情况: the duties list after 部门职责 / 主要职责, and the text before it
  const profile = section('profile');
  if (profile) {
    const body = nonBlank(profile.body);
    const at = body.findIndex((l) => /^(?:[（(][一二三四五六七八九十]+[)）])?(?:部门|主要|单位|机构)?(?:职责|职能)/u.test(stripMarker(label(l.text))));
    if (at >= 0) {
      const dutiesLine = body[at];
      const duties: string[] = [];
      let first = true;
      for (const l of body.slice(at + 1)) {
        const m = markerOf(l.text);
        if (!m) {
          if (duties.length > 0) break;
          continue;
        }
        if (/^(?:人员编制|机构设置|人员情况)/u.test(label(m.rest))) break;
        ctx.source(`duties[${duties.length}]`, l.line, m.rest);
        duties.push(m.rest);
        first = false;
      }
      const inline = dutiesLine ? cleanValue(dutiesLine.text).replace(/^[^:：]*[:：]/u, '').trim() : '';
      if (first && inline && dutiesLine) {
        duties.push(inline);
        ctx.source('duties[0]', dutiesLine.line, inline);
      }
      if (duties.length > 0) fields.duties = duties;
      profileAndStaffing(body.slice(0, at), fields, ctx);
    } else {
      profileAndStaffing(body, fields, ctx);
    }
  }

  // 二、部门整体支出管理及使用情况: the text of each sub-section the model keeps as text
  const spending = section('spending');
  if (spending) {
    const execution: Mutable = {};
    let current: { heading: SourceLine | null; lines: SourceLine[] } = { heading: null, lines: [] };
    const parts: (typeof current)[] = [current];
    for (const l of nonBlank(spending.body)) {
      if (isSubHeading(l)) {
        current = { heading: l, lines: [] };
        parts.push(current);
      } else current.lines.push(l);
    }
    for (const part of parts) {
      if (part.lines.length === 0) continue;
      const heading = part.heading ? label(part.heading.text) : '';
      const text = textOf(part.lines);
      const target = SPENDING_TEXTS.find(([re]) => re.test(heading));
      if (!target && /批复/u.test(heading)) {
        // 经批复的预、决算情况 as the writer prints it: its figures into approvedBudget, any other line listed
        const { approvedBudget, unread } = approvedBudgetFrom(part.lines, ctx);
        if (approvedBudget) fields.approvedBudget = approvedBudget;
        if (unread.length > 0) ctx.note(unread[0]?.line, `「${oneLine(part.heading?.text ?? spending.heading.text)}」下的文字未导入（其中的数字请在自评数据中核对填写）`);
        continue;
      }
      const threePublic = !target && /三公/u.test(heading) ? threePublicFrom(part.lines, ctx) : null;
      if (threePublic) {
        execution.threePublic = threePublic;
        continue;
      }
      if (!target) {
        ctx.note(part.lines[0]?.line, `「${oneLine(part.heading?.text ?? spending.heading.text)}」下的文字未导入（其中的数字请在自评数据中核对填写）`);
        continue;
      }
      const [, key] = target;
      if (key === 'management') execution.management = text;
      else execution[key] = { ...(execution[key] as Mutable | undefined), text };
      ctx.source(key === 'management' ? 'execution.management' : `execution.${key}.text`, part.lines[0]?.line, text);
    }
    if (Object.keys(execution).length > 0) fields.execution = execution;
  }

  // 三、四、五: the budget sections' text
  for (const key of ['governmentFund', 'stateCapital', 'socialInsurance'] as const) {
    const s = section(key);
    const body = s ? nonBlank(s.body) : [];
    if (s && body.length > 0) {
      const text = textOf(body);
      fields[key] = { text };
      ctx.source(`${key}.text`, body[0]?.line, text);
    }
  }

  // 六、绩效情况: the conclusion and every paragraph under its heading
  const performance = section('performance');
  if (performance) {
    const body = nonBlank(performance.body);
    const perf: Mutable = {};
    const conclusionLines = new Set<SourceLine>();
    const conclusionAt = body.findIndex((l) => /评价结论|自评结论|总体评价|综合评价结论|评价结果/u.test(label(l.text)) && isSubHeading(l));
    if (conclusionAt >= 0) {
      const rest = body.slice(conclusionAt + 1);
      const end = rest.findIndex((l) => isSubHeading(l) && (markerOf(l.text)?.level ?? 9) <= (markerOf(body[conclusionAt]?.text ?? '')?.level ?? 2));
      const lines2 = end === -1 ? rest : rest.slice(0, end);
      const text = textOf(lines2);
      if (text) {
        for (const l of lines2) conclusionLines.add(l);
        const conclusion: Mutable = { text };
        ctx.source('performance.conclusion.text', lines2[0]?.line, text);
        const g = /(?:结果|等级|结论|评定)(?:为|是|[:：])\s*[“"「]?(优秀|良好|合格|中等|较差|优|良|中|差)/u.exec(label(text));
        if (g?.[1]) {
          conclusion.grade = g[1];
          const line = lines2.find((l) => label(l.text).includes(g[0]));
          ctx.source('performance.conclusion.grade', line?.line, g[0]);
        }
        perf.conclusion = conclusion;
      }
    }
    const paragraphs: Mutable[] = [];
    const statements: Mutable[] = [];
    let heading: string | null = null;
    let level1Above: string | null = null;
    /** The statement whose list (分别是：) goes on in the lines that follow, each led by ①②… (a PDF's lines). */
    let listOpen: { statement: Mutable; line: SourceLine } | null = null;
    for (const l of body) {
      // the conclusion's lines are its text, not paragraphs a second time
      if (conclusionLines.has(l)) continue;
      if (listOpen && /^[①-⑳]/u.test(cleanValue(l.text))) {
        const joined = readStatement(`${String(listOpen.statement['text'])}${cleanValue(l.text)}`, level1Above);
        if (joined) {
          Object.assign(listOpen.statement, joined);
          ctx.source(`performance.statements[${statements.length - 1}].text`, listOpen.line.line, String(joined['text']));
          continue;
        }
      }
      listOpen = null;
      if (isSubHeading(l)) {
        heading = cleanValue(l.text);
        continue;
      }
      // the unit's statements about its groups (产出指标总分为50分，得分48分；数量指标5个…)
      const statement = readStatement(cleanValue(l.text), level1Above);
      if (statement) {
        const at = `performance.statements[${statements.length}]`;
        for (const key of ['points', 'score', 'indicatorCount', 'deductedCount', 'amount', 'executionRate', 'text'] as const) {
          if (statement[key] !== undefined) ctx.source(`${at}.${key}`, l.line, key === 'text' ? l.text : String(statement[key]));
        }
        statements.push(statement);
        const execution = perf['projectExecution'] === undefined ? projectExecutionIn(String(statement['text'])) : null;
        if (execution) {
          perf['projectExecution'] = execution;
          for (const [key, value] of Object.entries(execution)) ctx.source(`performance.projectExecution.${key}`, l.line, String(value));
        }
        if (/[：:]$/u.test(String(statement['text'])) || statement['listedItems'] !== undefined) listOpen = { statement, line: l };
        level1Above = level1Of(statement) ?? level1Above;
        // what follows a statement is about its group, not under the heading above it
        heading = null;
        continue;
      }
      ctx.source(`performance.paragraphs[${paragraphs.length}].text`, l.line, l.text);
      paragraphs.push({ heading, text: cleanValue(l.text) });
    }
    if (statements.length > 0) perf.statements = statements;
    if (paragraphs.length > 0) perf.paragraphs = paragraphs;
    if (Object.keys(perf).length > 0) fields.performance = perf;
  }

  const problems = section('problems');
  const problemsBody = problems ? nonBlank(problems.body) : [];
  if (problemsBody.length > 0) {
    const text = textOf(problemsBody);
    fields.problems = text;
    ctx.source('problems', problemsBody[0]?.line, text);
  }

  const measures = section('measures');
  if (measures) {
    const items: string[] = [];
    for (const l of nonBlank(measures.body)) {
      const m = markerOf(l.text);
      const text = m ? m.rest : cleanValue(l.text);
      if (!m && items.length > 0 && !/^[（(]?[一二三四五六七八九十\d]/u.test(text) && text.length < 15) continue;
      ctx.source(`measures[${items.length}]`, l.line, text);
      items.push(text);
    }
    if (items.length > 0) fields.measures = items;
  }

  const sign = signatureIn(o.closing.slice(0, 40)) ?? signatureIn(lines);
  const signature = sign ? { unit: sign.unit, date: sign.date, unitLine: sign.unitLine.line, dateLine: sign.dateLine.line } : null;

  for (const s of o.sections) {
    if (s.key === null) ctx.note(s.heading.line, `章节「${oneLine(s.heading.text)}」不是模板中的章节，其文字未导入`);
  }
  return { fields, signature, title };
}

function projectNarrative(lines: readonly SourceLine[], ctx: ImportContext): Narrative {
  const report: Mutable[] = [];
  let heading: string | null = null;
  const body = nonBlank(lines);
  const titleLine = body.slice(0, 8).find((l) => /报告|自评表|自评情况/u.test(label(l.text)));
  const sign = signatureIn(lines);
  for (const l of body) {
    // the report's text lies between its title (with the project's name above it) and the signature; after
    // the signature come the attachments' own lines (附件, their titles, 填报单位, 说明), the 附件：line is no text
    if (titleLine && l.line <= titleLine.line) continue;
    if (sign && l.line >= sign.unitLine.line) break;
    if (/^附件[:：]/u.test(label(l.text))) continue;
    if (isSubHeading(l) || markerOf(l.text)?.level === 1) {
      heading = cleanValue(l.text);
      continue;
    }
    ctx.source(`report[${report.length}].text`, l.line, l.text);
    report.push({ heading, text: cleanValue(l.text) });
  }
  return {
    fields: report.length > 0 ? { report } : {},
    signature: sign ? { unit: sign.unit, date: sign.date, unitLine: sign.unitLine.line, dateLine: sign.dateLine.line } : null,
    title: titleLine ? { text: cleanValue(titleLine.text), line: titleLine.line } : null,
  };
}

/** The keys of a source map entry, in the order {@link ImportContext.source} writes them. */
const WITH_LINE = ['line', 'excerpt', 'file'];
const WITHOUT_LINE = ['excerpt', 'file'];

/**
 * A copy of the source map when every entry has the shape {@link ImportContext.source} gives it — `{ line, excerpt,
 * file }` with an integer line, or `{ excerpt, file }`, strings otherwise — which is what the model's schema
 * (`z.record(z.string(), sourceLocation)`) makes of such a map; null for anything else.
 */
function sourceMapCopy(map: Readonly<Record<string, SourceRef>>): Record<string, SourceRef> | null {
  const out: Record<string, SourceRef> = {};
  for (const key of Object.keys(map)) {
    const ref = map[key] as Record<string, unknown> | undefined;
    if (typeof ref !== 'object' || ref === null || Object.getPrototypeOf(ref) !== Object.prototype) return null;
    const { line, excerpt, file } = ref;
    if (typeof excerpt !== 'string' || typeof file !== 'string') return null;
    // its keys in this order and no other (enumerated without making a list per entry)
    const shape = 'line' in ref ? WITH_LINE : WITHOUT_LINE;
    let k = 0;
    for (const name in ref) if (name !== shape[k++]) return null;
    if (k !== shape.length) return null;
    if (shape === WITH_LINE) {
      if (!Number.isSafeInteger(line)) return null;
      out[key] = { line: line as number, excerpt, file };
    } else out[key] = { excerpt, file };
  }
  return out;
}

/**
 * `safeParseEvaluation(input)` with the source map, a few hundred entries the importer wrote itself, checked
 * here instead of by the schema entry by entry (a quarter of the validation's time): the rest of the model goes
 * through the schema without it (the schema's default, {}, keeps its place last) and gets a copy of the checked
 * map. Anything else — an entry of another shape, a model the schema refuses — is parsed whole as before, so
 * the result and the messages are the schema's.
 */
export function parseImported(input: Mutable, sourceMap: Readonly<Record<string, SourceRef>>): ReturnType<typeof safeParseEvaluation> {
  const copy = sourceMapCopy(sourceMap);
  if (copy !== null && input.sourceMap === sourceMap) {
    const bare: Mutable = {};
    for (const key of Object.keys(input)) if (key !== 'sourceMap') bare[key] = input[key];
    const parsed = safeParseEvaluation(bare);
    if (parsed.ok && Object.keys(parsed.value.sourceMap).length === 0) {
      parsed.value.sourceMap = copy;
      return parsed;
    }
  }
  return safeParseEvaluation(input);
}

/** Maps a read document into the model. Never throws for content: what it cannot map it lists. */
export function importEvaluation(doc: SourceDocument, options: ImportOptions = {}): ImportResult {
  beginDocument();
  const ctx = new ImportContext(doc);
  const junk = junkLines(doc);
  if (junk.size > 0) ctx.note(undefined, `已忽略网页附带的文字（第 ${compactRanges([...junk])} 行）`);
  const textLines = doc.lines.filter((l) => l.table === undefined && !junk.has(l.line));
  const rows = orderedRows(doc, junk);
  const kind = options.kind ?? detectKind(textLines, rows, ctx);

  // the money unit: 元 only when every table that says so says 元
  const tableStart = new Map<number, number>();
  for (const r of rows) if (!tableStart.has(r.table)) tableStart.set(r.table, r.line);
  const linesBefore = (table: number): string[] => {
    const start = tableStart.get(table) ?? 0;
    return textLines.filter((l) => l.line < start && l.line >= start - 4).map((l) => l.text);
  };
  const unitOf = tableUnits(rows, linesBefore);
  const declared = [...tableStart.keys()].map(unitOf).filter((u) => u !== null);
  if (declared.length > 0 && declared.every((u) => u === '元')) ctx.moneyUnit = '元';

  const tables = mapTables(rows, ctx, kind, unitOf);

  // 填报单位 / 填报时间 / （2022年度） / 填表人 on lines around the tables
  const units: Candidate[] = [...tables.meta.units];
  const dates: Candidate[] = [...tables.meta.dates];
  const years: Candidate[] = [...tables.meta.years];
  const signOffs = [...tables.meta.signOffs];
  const starts = [...tableStart.entries()].sort((a, b) => a[1] - b[1]);
  const startsDescending = [...starts].reverse();
  /** The table a 填表人 line signs: the one just above it. */
  const previousTable = (line: number): number | undefined => startsDescending.find(([, s]) => s < line)?.[0];
  const nearestTable = (line: number): number | undefined => {
    const next = starts.find(([, s]) => s > line && s - line <= 8);
    if (next) return next[0];
    return previousTable(line);
  };
  for (const l of textLines) {
    const m = metadataFromLine(l.text, l.line);
    const s = parseSignOff(l.text);
    // most lines have neither: no table looked for
    if (!m.unit && !m.date && !m.year && !s) continue;
    const table = nearestTable(l.line);
    const t = table !== undefined ? { table } : {};
    if (m.unit) units.push({ ...m.unit, ...t });
    if (m.date) dates.push({ ...m.date, ...t });
    if (m.year) years.push({ ...m.year, ...t });
    const above = previousTable(l.line) ?? table;
    if (s && above !== undefined) signOffs.push({ value: s, line: l.line, table: above });
  }
  const kindOf = (c: { table?: number }): TableKind | undefined => (c.table !== undefined ? tables.tableKinds.get(c.table) : undefined);

  const narrative = kind === 'department' ? departmentNarrative(textLines, ctx) : projectNarrative(textLines, ctx);

  // the unit
  let unitName: Candidate | null = options.unitName ? { value: options.unitName, line: undefined } : null;
  unitName ??= units[0] ?? null;
  if (!unitName && narrative.signature) unitName = { value: narrative.signature.unit, line: narrative.signature.unitLine };
  const written = nonBlank(textLines);
  const firstLine = written[0];
  if (!unitName && firstLine && looksLikeOrg(firstLine.text)) unitName = { value: cleanValue(firstLine.text), line: firstLine.line };
  if (!unitName && narrative.title) {
    const m = /^(.{2,30}?(?:局|委员会|委|办公室|办|中心|院|站|所|馆|队|部|厅|处|会|公司|学校|医院|政府|街道))(?:关于)?(?:(?:19|20)\d{2}年度?)?/u.exec(narrative.title.text);
    if (m?.[1]) unitName = { value: m[1], line: narrative.title.line };
  }
  if (kind === 'project' && !unitName) {
    const impl = tables.meta.projectInfo.get('实施单位');
    if (impl) unitName = impl;
  }
  if (!unitName && !options.unitName) {
    const stem = doc.file.replace(/\.[^.]+$/u, '');
    unitName = { value: stem, line: undefined };
    ctx.note(undefined, `没有找到单位名称，暂用文件名「${stem}」`);
  }

  // the year
  let year: { value: number; line: number | undefined } | null = options.year ? { value: options.year, line: undefined } : null;
  const yearCandidate = years[0];
  if (!year && yearCandidate) year = { value: Number(yearCandidate.value), line: yearCandidate.line };
  if (!year) {
    const early = written.slice(0, 12);
    for (const l of early) {
      // not the year of a cited notice (《关于开展2022年…的通知》, 茂财绩函〔2022〕2号): written the year after,
      // it often names the year it is issued in, not the year evaluated
      const own = l.text.replace(/《[^》]*》?|〔\s*\d{4}\s*〕|\[\s*\d{4}\s*\]/gu, '');
      const m = /((?:19|20)\d{2})\s*年度/u.exec(own) ?? /(?:对|开展|关于)\s*((?:19|20)\d{2})\s*年/u.exec(own) ??
        /^[\s\u3000]*((?:19|20)\d{2})\s*年(?![\d\s]{1,3}月).{0,40}(?:绩效|自评|评价)/u.exec(own);
      if (m?.[1]) {
        year = { value: Number(m[1]), line: l.line };
        break;
      }
    }
  }
  if (!year) {
    const dated = narrative.signature?.date ?? dates[0]?.value;
    const d = dated ? findDate(dated) : null;
    if (d) {
      year = { value: d.year - 1, line: narrative.signature?.dateLine ?? dates[0]?.line };
      ctx.note(year.line, `没有写明评价年度，按报告日期 ${d.normalized} 推断为 ${d.year - 1} 年度`);
    }
  }
  if (!year) ctx.note(undefined, '没有找到评价年度（如「2022年度」），无法建立模型；请用选项指定年度');
  if (year && (year.value < 2000 || year.value > 2100)) {
    ctx.note(year.line, `年度 ${year.value} 不在 2000–2100 之间，未采用`);
    year = null;
  }

  // assemble
  const input: Mutable = { kind, schemeId: options.schemeId ?? null };
  if (year) {
    input.year = year.value;
    ctx.source('year', year.line, String(year.value));
  }
  input.moneyUnit = ctx.moneyUnit;
  const dateFor = (k: TableKind) => dates.find((d) => kindOf(d) === k);
  const signOffFor = (k: TableKind) => signOffs.find((s) => tables.tableKinds.get(s.table) === k);
  const applySignOff = (target: Mutable, path: string, k: TableKind) => {
    const date = dateFor(k);
    if (date) {
      target.preparedOn = date.value;
      ctx.source(`${path}preparedOn`, date.line, date.value);
    }
    const s = signOffFor(k);
    if (s) {
      target.signOff = { preparer: s.value.preparer ?? null, phone: s.value.phone ?? null, unitHead: s.value.unitHead ?? null };
      for (const key of ['preparer', 'phone', 'unitHead'] as const) {
        if (s.value[key]) ctx.source(`${path}signOff.${key}`, s.line, s.value[key] ?? '');
      }
    }
  };

  if (kind === 'department') {
    const f = narrative.fields;
    if (f.title ?? narrative.title) input.title = f.title ?? narrative.title?.text;
    const unit: Mutable = { name: unitName?.value ?? '' };
    if (unitName) ctx.source('unit.name', unitName.line, unitName.value);
    if (typeof f.profileText === 'string') unit.profileText = f.profileText;
    input.unit = unit;
    if (f.duties) input.duties = f.duties;
    for (const key of ['introduction', 'staffing', 'execution', 'approvedBudget', 'governmentFund', 'stateCapital', 'socialInsurance', 'performance', 'problems', 'measures'] as const) {
      if (f[key] !== undefined) input[key] = f[key];
    }
    if (narrative.signature) {
      input.signature = { unit: narrative.signature.unit, date: narrative.signature.date };
      ctx.source('signature.unit', narrative.signature.unitLine, narrative.signature.unit);
      ctx.source('signature.date', narrative.signature.dateLine, narrative.signature.date);
    }
    if (tables.basicData) {
      applySignOff(tables.basicData, 'basicData.', 'basic');
      input.basicData = tables.basicData;
    }
    if (tables.card) {
      applySignOff(tables.card, 'selfEvaluation.', 'self');
      input.selfEvaluation = tables.card;
    }
    if (!tables.basicData) ctx.note(undefined, '没有找到基础数据表（财政供养人员情况、经费控制情况）');
    if (!tables.card) ctx.note(undefined, '没有找到部门整体支出绩效自评表（部门资金、绩效指标）');
  } else {
    const info = tables.meta.projectInfo;
    const name = info.get('项目名称') ?? (options.projectName ? { value: options.projectName, line: undefined } : null);
    const project: Mutable = {};
    if (name) {
      project.name = name.value;
      ctx.source('project.name', name.line, name.value);
    } else {
      const fromTitle = narrative.title?.text.replace(/(?:(?:19|20)\d{2}年度?)?(?:项目)?(?:支出)?绩效自评(?:表|报告)$/u, '').trim();
      const fallback = fromTitle && fromTitle.length >= 2 ? fromTitle : doc.file.replace(/\.[^.]+$/u, '');
      project.name = fallback;
      ctx.note(narrative.title?.line, `没有找到项目名称，暂用「${fallback}」`);
    }
    for (const [key, field] of [['主管部门', 'supervisingDepartment'], ['实施单位', 'implementingUnit']] as const) {
      const v = info.get(key);
      if (v) {
        project[field] = v.value;
        ctx.source(`project.${field}`, v.line, v.value);
      }
    }
    if (!project.implementingUnit && unitName && unitName.line !== undefined) {
      project.implementingUnit = unitName.value;
      ctx.source('project.implementingUnit', unitName.line, unitName.value);
    }
    input.project = project;
    const card = tables.card ?? { funds: { total: {} } };
    if (!tables.card) ctx.note(undefined, '没有找到项目支出绩效自评表（项目资金、绩效指标）');
    applySignOff(card, '', 'project');
    Object.assign(input, card);
    if (narrative.fields.report) input.report = narrative.fields.report;
    if (tables.basicData) ctx.note(undefined, '项目评价不含基础数据表，文档中的基础数据表未导入');
  }
  input.sourceMap = ctx.sourceMap;

  let evaluation: Evaluation | null = null;
  if (year) {
    const parsed = parseImported(input, ctx.sourceMap);
    if (parsed.ok) evaluation = parsed.value;
    else {
      ctx.note(undefined, `导入的数据未通过模型校验：${parsed.error.message}`);
      for (const d of parsed.error.details) ctx.note(undefined, d);
    }
  }
  return { input, evaluation, unmapped: ctx.unmapped, kind, tableKinds: tables.tableKinds };
}


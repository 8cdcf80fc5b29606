/**
 * The cells of every table of a document as one stream, whatever the layout it came in: the grids the
 * readers rebuilt (.docx/.xlsx/.html/.pdf tables, text tables one cell per line, tab-, blank- or
 * `|`-separated), and the lines no reader could make a table of — a table pasted one cell per line
 * (" |" endings, blank lines between), `|`- or tab-separated lines, a whole table run together on one line
 * with blanks between its cells. Each cell keeps its source line; a row break is kept where the layout
 * shows one (a grid row, the end of a line of several cells).
 *
 * The grid extractors read tables from this stream by their captions (年初预算数 … 得分, 分值 得分, 产出指标(50分),
 * 总分): where blanks were lost the positions of cells are not known, so every reading is anchored on the
 * header's words and the written form of each cell (a % under 执行率, points under 分值), never on a
 * position alone.
 * @module
 */
import { type Dec, parseDec } from '@jixiao/core';
import { isJunkLine, type SourceDocument, toSimplified } from '@jixiao/documents';
import { gluedCells } from './grid-glued.ts';
import type { ExtractorInput, Figure, Relation } from './types.ts';

export type Token = {
  /** The cell's text, blanks inside collapsed ("产出 指标" stays as written but trimmed). */
  readonly text: string;
  /** Its text as a caption ({@link captionOf}), made once. */
  readonly caption: string;
  readonly line: number;
  /** The first cell of a row, where the layout shows rows. */
  readonly rowStart: boolean;
};

const BLANKS = /[ \t\u3000\u00a0]+/u;
const ONLY_PIPES = /^[\s|]*$/u;

/** The cells of one line outside a table. */
function cellsOfLine(text: string): string[] {
  const t = text.trim();
  if (t === '' || ONLY_PIPES.test(t)) return [];
  if (t.includes('|')) return t.split('|').map((c) => c.trim()).filter((c) => c !== '');
  if (t.includes('\t')) return t.split('\t').map((c) => c.trim()).filter((c) => c !== '');
  // a piece that runs a table together without blanks is cut into its cells where the text shows them
  return t.split(BLANKS).flatMap((c) => (c.length >= GLUED ? (gluedCells(c) ?? [c]) : c === '' ? [] : [c]));
}

/** The length from which a piece without blanks may be a table run together (a row is longer). */
const GLUED = 40;

/** The stream of each document, made once for the four grid extractors. */
const streams = new WeakMap<SourceDocument, readonly Token[]>();

/** Every cell of the document in reading order (tables where the reader found them, lines elsewhere). */
export function tokensOf(doc: SourceDocument): readonly Token[] {
  const known = streams.get(doc);
  if (known) return known;
  const out = streamOf(doc);
  streams.set(doc, out);
  return out;
}

/**
 * The captions a layout breaks into pieces — a PDF's or a mirror's text writes 年初 and 预算数 as two cells
 * (one per line, or blanks between), 效益指 标(30 分) as three.
 */
const KNOWN_CAPTION = new Set([
  '年初预算数', '全年预算数', '全年执行数', '调整后预算数', '调整预算数', '预算执行数', '实际执行数', '执行率', '预算执行率', '资金执行率',
  '年度指标值', '实际完成值', '全年实际值', '年度目标值', '一级指标', '二级指标', '三级指标', '指标名称', '年度资金总额', '当年财政拨款',
  '本年财政拨款', '上年结转资金', '其中:当年财政拨款', '其中:本年财政拨款', '偏差原因分析及改进措施', '自评得分', '指标分值', '年度总体目标',
  '产出指标', '效益指标', '满意度指标', '数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '经济效益指标', '生态效益指标',
  '可持续影响指标', '服务对象满意度指标',
]);
/** A level-1 block with its points, however its pieces were cut: 产出指标(50分). */
const BLOCK_CAPTION = /^(?:产出|效益|满意度)指标[(（]\d+(?:\.\d+)?分?[)）]$/u;
const isCaption = (c: string): boolean => KNOWN_CAPTION.has(c) || BLOCK_CAPTION.test(c);

/**
 * Pieces of one caption joined again: a cell that is no caption by itself, no figure, and that makes a
 * known caption with the one to three cells after it (年初 + 预算数, 效益指 + 标(30 + 分)). A caption that
 * is one already (预算数, 分值) is never joined to what follows it.
 */
function joinCaptions(tokens: readonly Token[], fromLines: readonly boolean[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let joined: Token | null = null;
    if (fromLines[i] && t.caption.length <= 8 && !isCaption(t.caption) && !numberCell(t.caption)) {
      let caption = t.caption;
      let text = t.text;
      for (let k = 1; k <= 3 && i + k < tokens.length; k++) {
        const u = tokens[i + k] as Token;
        if (!fromLines[i + k] || numberCell(u.caption) || u.caption === '' || u.line - t.line > 4) break;
        caption += u.caption;
        text += u.text;
        if (caption.length > 16) break;
        if (isCaption(caption)) {
          joined = { text, caption, line: t.line, rowStart: t.rowStart };
          i += k;
          break;
        }
      }
    }
    out.push(joined ?? t);
  }
  return out;
}

function streamOf(doc: SourceDocument): Token[] {
  const raw = streamOfCells(doc);
  return joinCaptions(raw.tokens, raw.fromLines);
}

function streamOfCells(doc: SourceDocument): { tokens: Token[]; fromLines: boolean[] } {
  const out: Token[] = [];
  const fromLines: boolean[] = [];
  const done = new Set<number>();
  for (const l of doc.lines) {
    if (l.table !== undefined) {
      if (done.has(l.table)) continue;
      done.add(l.table);
      const table = doc.tables[l.table];
      if (!table) continue;
      for (const row of table.rows) {
        let first = true;
        for (const cell of row) {
          const text = cell.text.replace(/\s+/gu, ' ').trim();
          if (text === '' || ONLY_PIPES.test(text)) continue;
          out.push({ text, caption: captionOf(text), line: cell.line ?? table.line, rowStart: first });
          first = false;
        }
      }
      continue;
    }
    // web-page furniture between the cells (a page counter, a 来源 line) is no cell of the table; a line of
    // marks alone ("/ |", an empty cell) is kept
    if (/[\p{L}\p{N}]/u.test(l.text) && isJunkLine(l.text)) continue;
    const cells = cellsOfLine(l.text);
    // a line of one cell continues the row of the lines around it (one cell per line, "名称 |"); a line of
    // several, or one opened by "|" (a row of a `|` table whose merged cells are left out), is a row
    const row = cells.length > 1 || l.text.trimStart().startsWith('|');
    cells.forEach((text, i) => {
      out.push({ text, caption: captionOf(text), line: l.line, rowStart: row && i === 0 });
      fromLines[out.length - 1] = true;
    });
  }
  // tables a reader found that have no lines (a spreadsheet's cells only)
  for (const t of doc.tables) {
    if (done.has(t.index)) continue;
    for (const row of t.rows) {
      let first = true;
      for (const cell of row) {
        const text = cell.text.replace(/\s+/gu, ' ').trim();
        if (text === '') continue;
        out.push({ text, caption: captionOf(text), line: cell.line ?? t.line, rowStart: first });
        first = false;
      }
    }
  }
  return { tokens: out, fromLines: out.map((_, i) => fromLines[i] === true) };
}

/** Pinyin a mirror site put after each character: 資金總額(zǒng é). */
const PINYIN = /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+[)）]/gu;

/**
 * A caption with its blanks, colons and line breaks removed, a mirror's pinyin dropped and traditional
 * characters simplified, a note saying how the column is computed dropped: "年初 预算数" → 年初预算数, "年度资金总额:" →
 * 年度资金总额, 實(shí)際完成值 → 实际完成值, "得分 (20分*执行率)" → 得分.
 */
export const captionOf = (text: string): string =>
  toSimplified(text.replace(PINYIN, '').replace(/[\s:：]/gu, '').replace(FORMULA_NOTE, ''));

/** A caption's note that only says how the column is computed: 得分(20分*执行率), 执行率(B/A), 得分(分值×执行率). */
const FORMULA_NOTE = /[(（][^()（）]*[*＊×÷/][^()（）]*[)）]/gu;

/** Cells that mean "nothing written": —, -, /, 无. */
export const isEmptyCell = (text: string): boolean => /^[-—–－―/／\\…]+$/u.test(text.trim());

export type Written = { readonly value: Dec; readonly percent: boolean; readonly text: string };

const NUMBER_CELL = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%％]?$/u;

/** A cell holding one number (with or without %), or null. */
export function numberCell(text: string): Written | null {
  const t = text.trim().replace(/％/gu, '%');
  if (!NUMBER_CELL.test(t)) return null;
  const percent = t.endsWith('%');
  const value = parseDec(percent ? t.slice(0, -1) : t);
  return value ? { value, percent, text: t } : null;
}

/** A figure of a table cell. */
export function cellFigure(token: Token, n: Written, label: string, exact = false): Figure {
  return {
    value: n.value,
    written: n.text,
    label,
    line: token.line,
    ...(exact ? { exact: true } : {}),
  };
}

/** The figures of a relation. */
export function figuresOf(r: Relation): Figure[] {
  switch (r.kind) {
    case 'sum':
    case 'score-sum':
      return [r.total, ...r.parts];
    case 'rate':
      return [r.rate, r.numerator, r.denominator];
    case 'growth':
      return [r.rate, r.current, r.previous];
    case 'difference':
      return [r.result, r.minuend, r.subtrahend];
    case 'product':
      return [r.result, ...r.factors, ...(r.cap ? [r.cap] : [])];
    case 'cap':
      return [r.score, r.points];
    case 'grade':
      return [r.score];
    case 'count':
      return [r.count];
    case 'equal':
    case 'unit':
      return [r.a, r.b];
    case 'year':
      return [r.year];
  }
}

/**
 * The score relations (sums of points and scores, the grade) whose every figure is a cell the importer
 * mapped into the model (its `sourceMap`: line and excerpt): the core's total-score, weight and grade checks
 * judge those on the model and would report the same fault at another figure, so the grid arithmetic leaves
 * them out. A row's own relations (rate, capped product, score ≤ points, total vs parts) are kept: their
 * findings fall on the row's line and merge with the core's (one finding per line and figures), and they
 * also hold where the core checks are off for a partial document. Relations with one figure the model does
 * not hold (a block header's points, a row the template has no field for) are kept too.
 */
export function notJudgedByModel(input: ExtractorInput, relations: readonly Relation[]): Relation[] {
  const map = input.evaluation?.sourceMap;
  if (!map) return [...relations];
  const mapped = new Set<string>();
  for (const loc of Object.values(map)) {
    if (loc.line === undefined || loc.excerpt === undefined) continue;
    const n = numberCell(loc.excerpt);
    if (n) mapped.add(`${loc.line}:${n.value.units}/${n.value.scale}`);
  }
  const isMapped = (f: Figure): boolean => mapped.has(`${f.line}:${f.value.units}/${f.value.scale}`);
  return relations.filter((r) => !((r.kind === 'score-sum' || r.kind === 'grade') && figuresOf(r).every(isMapped)));
}

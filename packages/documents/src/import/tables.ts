/**
 * The tables of a report mapped into the model, recognised by their header cells wherever they are:
 * 附件1-1 基础数据表 (财政供养人员, 经费控制情况 rows by their labels), the 自评表 blocks (部门资金 / 项目资金,
 * 按收入/支出性质分类, 年度总体目标, 绩效指标 with first- and second-level names inherited from merged or
 * blank cells, 综合评定等级 / 总分, 偏差及原因分析 / 改进措施, 填表人). Values are aligned to header
 * columns by grid position; a row narrower than its header (cells merged down and left out by a web page
 * or a copy) is aligned from the right when that fits its content better. Anything that does not fit is
 * left out and noted, never guessed.
 * @module
 */
import { toSimplified } from './hanzi.ts';
import { type ImportContext, type Mutable } from './context.ts';
import { cleanValue, findDate, isBlankValue, label, oneLine, stripMarker } from './normalize.ts';
import { type WrittenUnit, readPoints, readRate, unitIn } from './numbers.ts';
import type { Cell, Row } from './rows.ts';

export type EvaluationKind = 'department' | 'project';
export type TableKind = 'basic' | 'self' | 'project';

/** Patterns → fields. Every pattern must need a Chinese character to match (`match` skips labels without one). */
type Vocab = readonly (readonly [RegExp, string])[];
type Column = { readonly field: string; readonly col: number; readonly colSpan: number };
type Header = { readonly columns: readonly Column[]; readonly width: number; readonly line: number };

const INDICATOR_VOCAB: Vocab = [
  [/^一级(?:指标)?$/u, 'level1'],
  [/^二级(?:指标)?$/u, 'level2'],
  [/^三级(?:指标)?$|^指标名称$|^三级指标名称$|^绩效指标名称$/u, 'name'],
  [/^(?:年度|全年|预期|计划)?(?:指标值|目标值)$|^年度指标值|^指标值|^年初目标值|^目标值|^计划值$/u, 'target'],
  [/^(?:全年)?实际(?:完成)?值|^完成值|^实际完成(?:情况)?$|^全年完成值/u, 'actual'],
  [/^(?:分值|权重|标准分|满分|指标分值)/u, 'points'],
  [/^(?:复核|审核|评审|抽查)得分/u, 'reviewScore'],
  [/^(?:自评)?得分$|^评分$|^自评分$/u, 'score'],
  [/偏差|原因分析|改进措施|未完成原因/u, 'deviationExplanation'],
  [/^(?:计量|指标)?单位$/u, 'unit'],
  [/^(?:指标)?方向$|^指标性质$|^计算符号$/u, 'direction'],
];

const FUNDS_VOCAB: Vocab = [
  [/^年初预算数?/u, 'initialBudget'],
  [/^全年(?:调整后)?预算数?|^调整后预算数?|^预算数$|^全年预算$/u, 'budget'],
  [/到位/u, 'received'],
  [/^(?:预算)?执行率/u, 'executionRate'],
  [/^全年执行数?|^执行数$|^全年实际支出|^实际支出数?$|^全年决算数?/u, 'actual'],
  [/^分值$/u, 'points'],
  [/^得分$/u, 'score'],
];

const CONTROL_VOCAB: Vocab = [
  [/^上年(?:决算数?|实际数?|执行数?)/u, 'priorActual'],
  [/^(?:当年|本年)?(?:决算数?|实际数?|执行数?)$/u, 'actual'],
  [/^(?:当年|本年)?预算数?$/u, 'budget'],
];

const STAFFING_VOCAB: Vocab = [
  [/编制数|核定编制/u, 'authorized'],
  [/在职人数|实有人数|实有在职|实际人数/u, 'actual'],
  [/控制率/u, 'controlRate'],
];

const GOALS_VOCAB: Vocab = [
  [/预期|设定目标|^目标$|计划目标/u, 'expected'],
  [/实际完成|完成情况|实际情况/u, 'achieved'],
];

const EXPLANATION_VOCAB: Vocab = [
  [/偏差/u, 'deviationAnalysis'],
  [/改进措施|整改措施/u, 'measures'],
];

/**
 * 附件1-1 经费控制情况 row labels → model keys, matched on the whole label (list marker and 其中： removed):
 * a project listed under a category may be called anything, 农业产业发展专项资金 included.
 */
const CONTROL_ROWS: Vocab = [
  [/^厉行节约/u, 'savingMeasures'],
  [/^业务工作专项(?:资金)?(?:\(.*\))?$/u, 'category:business'],
  [/^(?:运行|运转)维护专项(?:资金)?(?:\(.*\))?$/u, 'category:operation'],
  [/^(?:县级|本级)专项(?:资金)?(?:\(.*\))?$/u, 'category:countySpecial'],
  [/^其他(?:项目|专项)(?:支出|资金)?(?:\(.*\))?$/u, 'category:other'],
  [/^(?:压缩)?一般性支出$/u, 'generalSpendingCut'],
  [/^(?:公车|公务用车)购置(?:费)?$/u, 'vehiclePurchase'],
  [/^(?:公车|公务用车)运行(?:维护)?(?:费)?$/u, 'vehicleOperation'],
  [/^公务用车(?:购置)?(?:和|及|与)?(?:运行)?维护(?:经费|费)?$|^公务用车(?:经费|费)?$/u, 'vehicle'],
  [/^公务接待(?:费)?$/u, 'reception'],
  [/^(?:因公)?出国(?:\(境\))?(?:经费|费)?$/u, 'overseasTravel'],
  [/^["“]?三公["”]?经费(?:合计)?$/u, 'threePublic'],
  [/^政府采购(?:金额|支出)?$/u, 'procurement'],
  [/^(?:部门)?基本支出(?:合计)?$/u, 'basicSpending'],
  [/^(?:部门)?项目支出(?:合计)?$/u, 'projectSpending'],
];

/** A control row's label without its list marker and 其中：. */
const controlLabel = (l: string): string => {
  let t = l;
  for (let i = 0; i < 3; i++) t = stripMarker(t.replace(/^其中[:：]?/u, ''));
  return t;
};

const CONTROL_NAMES: Record<string, string> = {
  generalSpendingCut: '压缩一般性支出', vehiclePurchase: '公车购置', vehicleOperation: '公车运行维护', vehicle: '公务用车购置和维护经费',
  reception: '公务接待', overseasTravel: '出国（境）经费', threePublic: '三公经费', procurement: '政府采购金额',
  basicSpending: '部门基本支出', projectSpending: '部门项目支出',
};

const INCOME_LABELS: Vocab = [
  [/一般公共预算/u, 'generalBudget'],
  [/政府性基金/u, 'governmentFund'],
  [/非税收入/u, 'nonTaxIncome'],
  [/^其他(?:资金|收入)/u, 'other'],
];
const SPENDING_LABELS: Vocab = [
  [/三公经费/u, 'threePublic'],
  [/人员经费|人员支出|工资福利/u, 'personnel'],
  [/公用经费|公用支出/u, 'operating'],
  [/基本支出/u, 'basic'],
  [/项目支出/u, 'project'],
];

const PROJECT_FUND_ROWS: Vocab = [
  [/年度资金总额|资金总额|^合计$|^总计$/u, 'total'],
  [/财政拨款|财政资金/u, 'fiscalAppropriation'],
  [/上年结转|结转资金/u, 'priorCarryover'],
  [/其他资金|自筹|其他/u, 'otherFunds'],
];

const LEVEL1_NAMES = /^(?:产出|效益|满意度|效果|投入|过程|决策|管理|履职|绩效)/u;
const LEVEL2_CATALOGUE: Vocab = [
  [/^(?:数量|质量|时效|成本)(?:指标)?$/u, '产出指标'],
  [/^(?:经济效益|社会效益|生态效益|环境效益|可持续影响)(?:指标)?$/u, '效益指标'],
  [/满意度(?:指标)?$/u, '满意度指标'],
];

/** 自评等级：优 — the label and the grade in one cell. */
const GRADE_INLINE = /^(?:综合评定等级|综合评价等级|自评等级|评价等级|评定等级|自评结论|评价结论)[:：]?(优秀|良好|合格|中等|较差|不合格|及格|优|良|中|差)$/u;
const GRADE_WORD = /^(?:优秀|良好|合格|中等|较差|不合格|及格|优|良|中|差)$/u;
const TOTAL_LABEL = /^(?:总分|合计|总计|得分合计|总得分|分值合计)$/u;
const GRADE_LABEL = /^(?:综合评定等级|综合评价等级|自评等级|评价等级|评定等级|等级|自评结论|评价结论)$/u;
const LEVEL_POINTS = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/u;

/** Whether a label has a Chinese character: every vocabulary pattern needs one (a figure or a blank matches none). */
const hasHanzi = (l: string): boolean => {
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
};

/** Each vocabulary's patterns as one alternation: most labels match none, found out in one test instead of one per pattern. */
const anyPattern = new WeakMap<Vocab, RegExp>();
const anyOf = (vocab: Vocab): RegExp => {
  let re = anyPattern.get(vocab);
  if (!re) {
    // with the u flag alone (no g or y state) and no back-references or named groups the alternation matches where one
    // of the patterns does; otherwise a pattern that matches everything leaves it to them
    const plain = vocab.every(([p]) => p.flags === 'u' && !/\\[1-9k]|\(\?</u.test(p.source));
    re = plain ? new RegExp(vocab.map(([p]) => `(?:${p.source})`).join('|'), 'u') : /(?:)/u;
    anyPattern.set(vocab, re);
  }
  return re;
};

const match = (vocab: Vocab, l: string): string | null => {
  // most cells are figures: no pattern to try (each vocabulary's patterns all contain Chinese characters)
  if (!hasHanzi(l) || !anyOf(vocab).test(l)) return null;
  for (const [re, field] of vocab) if (re.test(l)) return field;
  return null;
};

function header(row: Row, vocab: Vocab): Header {
  const columns: Column[] = [];
  for (const c of row.cells) {
    const field = match(vocab, c.label);
    // a field's first column only (a dozen fields at most: no set made for every row and vocabulary)
    if (field && !columns.some((x) => x.field === field)) columns.push({ field, col: c.col, colSpan: c.colSpan });
  }
  return { columns, width: row.width, line: row.line };
}

const has = (h: Header, ...fields: string[]): boolean => fields.every((f) => h.columns.some((c) => c.field === f));
const count = (h: Header, ...fields: string[]): number => fields.filter((f) => h.columns.some((c) => c.field === f)).length;

const overlaps = (a: number, aSpan: number, b: number, bSpan: number): boolean => a < b + bSpan && b < a + aSpan;

/** How well a cell fits a column: +1 fits, 0 says nothing (blank, ambiguous), −1 does not fit. */
export type Fit = (field: string, cell: Cell) => number;

/**
 * Cells of `row` under each header column. A row narrower than its header is tried at every shift and the
 * shift whose cells fit their columns best wins; a row starting with an explicit blank (a merged cell
 * flattened to nothing) stays aligned from the left, so a row cut short is not pushed right. Around a
 * cell in which several numbers ran together the cells before it are aligned from the left and those
 * after it from the right; the ambiguous cell itself lands where it starts and is never read as a value.
 */
function align(h: Header, row: Row, fit: Fit = () => 0): Map<string, Cell> {
  const ambiguous = row.cells.findIndex((c) => c.ambiguous);
  const shift = Math.max(0, h.width - row.width);
  const place = (offsetOf: (c: Cell, i: number) => number): { map: Map<string, Cell>; score: number } => {
    const map = new Map<string, Cell>();
    let score = 0;
    for (const column of h.columns) {
      // the one cell that overlaps the column (none or several: no cell), counted without building a list
      let candidates = 0;
      let cell: Cell | undefined;
      let at = 0;
      for (let i = 0; i < row.cells.length; i++) {
        const c = row.cells[i] as Cell;
        const x = c.col + offsetOf(c, i);
        if (!overlaps(x, c.colSpan, column.col, column.colSpan)) continue;
        if (candidates++ === 0) {
          cell = c;
          at = x;
        }
      }
      if (candidates !== 1) cell = undefined;
      if (cell) {
        const span = cell.colSpan;
        const spansOthers = h.columns.some((o) => o !== column && overlaps(at, span, o.col, o.colSpan));
        if (spansOthers) cell = undefined;
      }
      if (!cell && candidates === 0 && offsetOf(row.cells[0] as Cell, 0) === 0) {
        const covering = row.covering[column.col];
        if (covering && covering.row < row.index) cell = covering;
      }
      if (cell) {
        map.set(column.field, cell);
        if (cell.row === row.index) score += fit(column.field, cell);
      }
    }
    return { map, score };
  };
  if (ambiguous >= 0) return place((_c, i) => (i > ambiguous ? shift : 0)).map;
  if (shift === 0 || (row.cells[0] !== undefined && row.cells[0].col === 0 && isBlankValue(row.cells[0].text))) return place(() => 0).map;
  let best = place(() => shift);
  for (let offset = shift - 1; offset >= 0; offset--) {
    const next = place(() => offset);
    if (next.score > best.score) best = next;
  }
  return best.map;
}

/**
 * A row rebuilt from space-separated text fits its header when, after the first- and second-level names it
 * starts with, it has exactly one token per remaining column (the deviation column may be left out).
 */
function textRowFits(h: Header, row: Row): boolean {
  if (row.cells.some((c) => c.ambiguous)) return false;
  let i = 0;
  while (i < row.cells.length && i < 2) {
    const l = row.cells[i]?.label ?? '';
    if ((LEVEL1_NAMES.test(l) && /指标/u.test(l)) || match(LEVEL2_CATALOGUE, l) !== null) i++;
    else break;
  }
  const rest = row.cells.length - i;
  const fields = h.columns.filter((c) => c.field !== 'level1' && c.field !== 'level2').length;
  const last = [...h.columns].sort((a, b) => b.col - a.col)[0];
  return rest === fields || (rest === fields - 1 && last?.field === 'deviationExplanation');
}

/**
 * As {@link align}; when nothing lands (the next page's table has a grid of its own), each filled cell
 * goes to the column whose relative horizontal position is nearest.
 */
function alignOrOrder(h: Header, row: Row, fields: readonly string[]): Map<string, Cell> {
  const aligned = align(h, row);
  if ([...aligned.values()].some((c) => !isBlankValue(c.text))) return aligned;
  const out = new Map<string, Cell>();
  const columns = h.columns.filter((c) => fields.includes(c.field));
  if (row.width === 0 || h.width === 0 || columns.length === 0) return out;
  for (const cell of row.cells.filter((c) => !isBlankValue(c.text))) {
    const x = (cell.col + cell.colSpan / 2) / row.width;
    let best: Column | undefined;
    for (const col of columns) {
      const d = Math.abs((col.col + col.colSpan / 2) / h.width - x);
      if (!best || d < Math.abs((best.col + best.colSpan / 2) / h.width - x)) best = col;
    }
    if (best && !out.has(best.field)) out.set(best.field, cell);
  }
  return out;
}

const firstText = (row: Row): Cell | undefined => row.cells.find((c) => !isBlankValue(c.text));

/** A row holding only the rest of long texts: nothing in its first column, no numbers, no known label. */
const isContinuation = (row: Row): boolean => {
  const filled = row.cells.filter((c) => !isBlankValue(c.text));
  return filled.length > 0 && filled.every((c) => c.col > 0 && !isNumberLike(c.text) && c.label.length > 4);
};
const rowText = (row: Row): string => row.cells.map((c) => cleanValue(c.text)).filter((t) => t !== '').join(' ');

/** A name as the model keeps group names: simplified, no blanks, no points suffix. */
export const groupName = (text: string): string => toSimplified(cleanValue(text)).replace(/[\s\u3000\u00a0]+/gu, '').replace(LEVEL_POINTS, '');

const isNumberLike = (t: string): boolean => readPoints(t).kind !== 'invalid';

export type SignOff = { preparer?: string; phone?: string; unitHead?: string };

/** 填表人：张三  联系电话：…  单位负责人签字：… */
export function parseSignOff(text: string): SignOff | null {
  // both words start with 填, which no traditional character becomes: most lines are refused without simplifying
  if (!text.includes('填')) return null;
  const simplified = toSimplified(text);
  // blanks made single spaces cannot make or break these words: test before rewriting the text
  if (!/填表人|填报人/u.test(simplified)) return null;
  const t = simplified.replace(/\s+/gu, ' ');
  const grab = (re: RegExp): string | undefined => {
    const m = re.exec(t);
    const v = m?.[1]?.trim();
    return v && !isBlankValue(v) ? v : undefined;
  };
  const out: SignOff = {};
  const preparer = grab(/(?:填表人|填报人)\s*[:：]?\s*(.*?)\s*(?=联系电话|电话|单位负责人|负责人|审核人|$)/u);
  const phone = grab(/(?:联系电话|电话)\s*[:：]?\s*(.*?)\s*(?=单位负责人|负责人|审核人|填表人|$)/u);
  const unitHead = grab(/(?:单位负责人(?:签字|签名)?|负责人(?:签字|签名)?)\s*[:：]?\s*(.*?)\s*(?=填表人|联系电话|审核人|$)/u);
  if (preparer) out.preparer = preparer;
  if (phone) out.phone = phone;
  if (unitHead) out.unitHead = unitHead;
  return out;
}

export type Candidate = { readonly value: string; readonly line: number | undefined; readonly table?: number };

export type TableMeta = {
  readonly units: Candidate[];
  readonly dates: Candidate[];
  readonly years: Candidate[];
  readonly signOffs: { readonly value: SignOff; readonly line: number | undefined; readonly table: number }[];
  readonly projectInfo: Map<string, Candidate>;
  readonly titles: Candidate[];
};

export type TablesResult = {
  readonly basicData: Mutable | null;
  readonly card: Mutable | null;
  readonly tableKinds: Map<number, TableKind>;
  readonly meta: TableMeta;
};

type Block = 'none' | 'staffing' | 'control' | 'funds' | 'classification' | 'goals' | 'indicators' | 'explanation' | 'notes';

/** Maps every row of every table; `kind` decides the shape of the 自评表 (部门 or 项目). */
export function mapTables(rows: readonly Row[], ctx: ImportContext, kind: EvaluationKind, unitOf: (table: number) => WrittenUnit | null): TablesResult {
  const cardPath = kind === 'department' ? 'selfEvaluation.' : '';
  const meta: TableMeta = { units: [], dates: [], years: [], signOffs: [], projectInfo: new Map(), titles: [] };
  const tableKinds = new Map<number, TableKind>();
  let basic: Mutable | null = null;
  let card: Mutable | null = null;
  const needBasic = (row: Row): Mutable => {
    tableKinds.set(row.table, 'basic');
    basic ??= {};
    return basic;
  };
  const needCard = (row: Row): Mutable => {
    if (!tableKinds.has(row.table) || tableKinds.get(row.table) === 'basic') tableKinds.set(row.table, kind === 'department' ? 'self' : 'project');
    card ??= kind === 'department' ? { funds: {} } : { funds: { total: {} } };
    return card;
  };
  const sub = (obj: Mutable, key: string): Mutable => {
    const v = obj[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Mutable;
    const fresh: Mutable = {};
    obj[key] = fresh;
    return fresh;
  };

  let block: Block = 'none';
  let head: Header | null = null;
  let lastTable: number | null = null;
  let level1 = '';
  let level2 = '';
  let category: Mutable | null = null;
  let categoryIndex = -1;
  let goalsDone = false;
  let explanationDone = false;
  let implicitNoted = false;
  /** Appends the text of a row cut by a page break (PDF) to the fields the row above filled. */
  const cont: { with: ((row: Row) => void) | null } = { with: null };
  const appendTo = (target: Mutable, key: string, path: string, cell: Cell | undefined) => {
    if (!cell || isBlankValue(cell.text)) return;
    const before = typeof target[key] === 'string' ? (target[key] as string) : '';
    const value = before + cleanValue(cell.text);
    target[key] = value;
    ctx.source(path, ctx.sourceMap[path]?.line ?? cell.line, value);
  };
  const level1Headers: { name: string; points?: string; line?: number; text: string }[] = [];
  const inferredNoted = new Set<string>();
  const indicators: Mutable[] = [];

  const indicatorFit: Fit = (field, cell) => {
    if (cell.ambiguous) return 0;
    const blank = isBlankValue(cell.text);
    switch (field) {
      case 'points': case 'score': case 'reviewScore':
        return blank ? 0 : isNumberLike(cell.text) && Number(label(cell.text).replace(/[,分]/gu, '')) <= 100 ? 1 : -1;
      case 'name': return blank ? -1 : isNumberLike(cell.text) ? -1 : 1;
      case 'level1': return blank ? 0 : LEVEL1_NAMES.test(cell.label) ? 1 : -1;
      case 'level2': return blank ? 0 : /指标$|效益|满意度|数量|质量|时效|成本/u.test(cell.label) ? 1 : -1;
      default: return 0;
    }
  };
  const numberFit: Fit = (field, cell) => {
    if (cell.ambiguous || isBlankValue(cell.text)) return 0;
    if (field === 'executionRate' || field === 'controlRate') return readRate(cell.text).kind === 'number' ? 1 : -1;
    return isNumberLike(cell.text) ? 1 : -1;
  };

  const setLevel1 = (text: string, line: number | undefined) => {
    const name = groupName(text);
    if (name === '' || name === level1) return;
    level1 = name;
    level2 = '';
    if (!level1Headers.some((h) => h.name === name)) {
      const points = LEVEL_POINTS.exec(toSimplified(cleanValue(text)).replace(/[\s\u3000]+/gu, ''))?.[1];
      level1Headers.push({ name, ...(points ? { points } : {}), ...(line !== undefined ? { line } : {}), text });
    }
  };

  /** An indicator row under the current header. */
  const indicatorRow = (row: Row) => {
    if (!head) return;
    const c = needCard(row);
    if (row.synthetic && !textRowFits(head, row)) {
      // columns written with spaces and fewer than the header has: which ran together is unknowable
      const first = row.cells.find((x) => !LEVEL1_NAMES.test(x.label) && match(LEVEL2_CATALOGUE, x.label) === null && !isNumberLike(x.text));
      ctx.note(row.line, `这一行的列数与表头不符（可能有几列连在一起），${first ? `只读取了指标名称「${oneLine(first.text)}」` : '未读取'}`);
      if (first) {
        for (const x of row.cells) {
          if (x === first) break;
          if (LEVEL1_NAMES.test(x.label) && /指标/u.test(x.label)) setLevel1(x.text, x.line);
          else if (match(LEVEL2_CATALOGUE, x.label)) level2 = groupName(x.text);
        }
        const index = indicators.length;
        const indicator: Mutable = { level1, level2, name: cleanValue(first.text) };
        ctx.source(`${cardPath}indicators[${index}].name`, first.line, first.text);
        indicators.push(indicator);
        c.indicators = indicators;
      }
      return;
    }
    const cells = align(head, row, indicatorFit);
    if (!row.synthetic && row.width < head.width && row.index === lastRowOf.get(row.table) && !cells.has('score') && !cells.has('points')) {
      ctx.note(row.line, '表格在这一行被截断，这一行不完整，未导入');
      return;
    }
    const text = (f: string) => cells.get(f)?.text ?? '';
    const l1 = cells.get('level1');
    const l2 = cells.get('level2');
    if (l1 && !isBlankValue(l1.text)) setLevel1(l1.text, l1.line);
    if (l2 && !isBlankValue(l2.text)) level2 = groupName(l2.text);
    const valueFields = ['name', 'target', 'actual', 'points', 'score', 'deviationExplanation'];
    if (valueFields.every((f) => isBlankValue(text(f)) && !cells.get(f)?.ambiguous)) return; // a blank template row
    const name = cleanValue(text('name'));
    if (/^(?:合计|小计|总计)$/u.test(label(name))) {
      ctx.note(row.line, `「${name}」行是合计，不作为指标导入`);
      return;
    }
    let l1Name = level1;
    if (!l1Name && level2) {
      const inferred = match(LEVEL2_CATALOGUE, label(level2));
      if (inferred) {
        l1Name = inferred;
        if (!inferredNoted.has(inferred)) ctx.note(row.line, `没有一级指标名称，按二级指标「${level2}」推断为「${inferred}」`);
        inferredNoted.add(inferred);
      }
    }
    const index = indicators.length;
    const path = `${cardPath}indicators[${index}]`;
    const indicator: Mutable = { level1: l1Name, level2, name };
    if (name) ctx.source(`${path}.name`, cells.get('name')?.line, name);
    else ctx.note(row.line, '指标行没有三级指标名称');
    if (l1Name) ctx.source(`${path}.level1`, l1?.line ?? row.line, l1Name);
    if (level2) ctx.source(`${path}.level2`, l2?.line ?? row.line, level2);
    for (const f of ['target', 'actual', 'deviationExplanation', 'unit'] as const) {
      const cell = cells.get(f);
      if (cell?.ambiguous) {
        ctx.note(cell.line, `「${oneLine(cell.text)}」可能是几列连在一起，未读取`);
        continue;
      }
      ctx.text(indicator, f, `${path}.${f}`, cell?.text, cell?.line, cleanValue);
    }
    const direction = cells.get('direction');
    if (direction && !isBlankValue(direction.text)) {
      const d = direction.label;
      const value = /正向|≥|>=|大于等于|^\+$/u.test(d) ? 'higherIsBetter' : /反向|≤|<=|小于等于/u.test(d) ? 'lowerIsBetter'
        : /等于|^=$/u.test(d) ? 'equals' : /定性/u.test(d) ? 'qualitative' : null;
      if (value) {
        indicator.direction = value;
        ctx.source(`${path}.direction`, direction.line, direction.text);
      } else ctx.note(direction.line, `指标方向「${oneLine(direction.text)}」不认识，未读取`);
    }
    ctx.points(indicator, 'points', `${path}.points`, cells.get('points'), '分值');
    ctx.points(indicator, 'score', `${path}.score`, cells.get('score'), '得分');
    for (const f of ['points', 'score'] as const) {
      const v = indicator[f];
      if (typeof v === 'string' && Number(v.replace(/,/gu, '')) > 100) {
        ctx.note(cells.get(f)?.line, `${f === 'points' ? '分值' : '得分'}「${v}」大于 100，可能是几列连在一起，未读取`);
        delete indicator[f];
        delete ctx.sourceMap[`${path}.${f}`];
      }
    }
    const review = cells.get('reviewScore');
    if (review && !isBlankValue(review.text)) ctx.note(review.line, `复核得分「${oneLine(review.text)}」不在自评模型中，未导入`);
    indicators.push(indicator);
    c.indicators = indicators;
    const h = head;
    cont.with = (next) => {
      const more = align(h, next);
      for (const f of ['target', 'actual', 'deviationExplanation'] as const) appendTo(indicator, f, `${path}.${f}`, more.get(f));
    };
  };

  /** A row that starts the indicator rows of an excerpt without header: a known level name then five values. */
  const implicitIndicatorHeader = (row: Row): Header | null => {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (!c) continue;
      const isL2 = match(LEVEL2_CATALOGUE, c.label) !== null;
      const isL1 = !isL2 && LEVEL1_NAMES.test(c.label) && /指标/u.test(c.label);
      if (!isL1 && !isL2) continue;
      const l2Col = isL1 ? c.col + c.colSpan : c.col;
      const after = cells.filter((x) => x.col > l2Col);
      const last = after.slice(-2);
      if (after.length < 4 || !last.every((x) => !isBlankValue(x.text) && isNumberLike(x.text))) return null;
      const fields = ['name', 'target', 'actual', 'points', 'score', 'deviationExplanation'];
      const columns: Column[] = [];
      if (isL1) columns.push({ field: 'level1', col: c.col, colSpan: c.colSpan });
      else if (c.col > 0) columns.push({ field: 'level1', col: c.col - 1, colSpan: 1 });
      columns.push({ field: 'level2', col: l2Col, colSpan: 1 });
      const rest = after.slice(0, fields.length);
      // a trailing deviation column only when there are six values
      rest.forEach((x, k) => {
        const f = fields[k];
        if (f && (k < 5 || rest.length === 6)) columns.push({ field: f, col: x.col, colSpan: x.colSpan });
      });
      return { columns, width: row.width, line: row.line };
    }
    return null;
  };

  const totalsRow = (row: Row): boolean => {
    const cells = row.cells.filter((c) => !isBlankValue(c.text));
    const hasTotal = cells.some((c) => TOTAL_LABEL.test(c.label));
    const hasGrade = cells.some((c) => GRADE_LABEL.test(c.label));
    const inline = cells.map((c) => GRADE_INLINE.exec(c.label)).find((m) => m !== null);
    if (!hasTotal && !hasGrade && !inline) return false;
    const c = needCard(row);
    const gradeCell = inline ? cells.find((x) => GRADE_INLINE.test(x.label)) : undefined;
    if (inline?.[1] && gradeCell) ctx.text(c, 'grade', `${cardPath}grade`, inline[1], gradeCell.line, (t) => t);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell) continue;
      if (GRADE_LABEL.test(cell.label)) {
        const next = cells[i + 1];
        if (next && !TOTAL_LABEL.test(next.label) && !isNumberLike(next.text)) {
          ctx.text(c, 'grade', `${cardPath}grade`, next.text, next.line, (s) => toSimplified(cleanValue(s)).replace(/[\s\u3000]+/gu, ''));
          i++;
        }
      } else if (TOTAL_LABEL.test(cell.label)) {
        const numbers: Cell[] = [];
        let j = i + 1;
        for (; j < cells.length; j++) {
          const n = cells[j];
          if (!n || GRADE_LABEL.test(n.label)) break;
          if (/^(?:得分|自评得分)$/u.test(n.label)) continue;
          if (isNumberLike(n.text) || n.ambiguous) numbers.push(n);
          else break;
        }
        // aligned under the indicator header's 分值/得分 columns when the grid says so
        const aligned = head && row.width === head.width && head.columns.some((x) => x.field === 'points') ? align(head, row) : new Map<string, Cell>();
        const byColumn = (f: string) => {
          const a = aligned.get(f);
          return a && numbers.includes(a) ? a : undefined;
        };
        const pointsCell = byColumn('points') ?? (numbers.length === 2 ? numbers[0] : undefined);
        const scoreCell = byColumn('score') ?? (numbers.length === 2 ? numbers[1] : undefined);
        if (numbers.length === 1 && !pointsCell && !scoreCell) {
          ctx.note(numbers[0]?.line, `总分行只有一个数字「${oneLine(numbers[0]?.text ?? '')}」，无法确定是分值还是得分，未读取`);
        } else if (numbers.length > 2 && !byColumn('points') && !byColumn('score')) {
          ctx.note(row.line, `总分行有 ${numbers.length} 个数字，无法确定分值和得分，未读取`);
        } else {
          ctx.points(c, 'totalPoints', `${cardPath}totalPoints`, pointsCell, '总分分值');
          ctx.points(c, 'totalScore', `${cardPath}totalScore`, scoreCell, '总分得分');
        }
        // a grade written right after the two totals, without a label (总分 | 100 | 97 | 优)
        const after = cells[j];
        if (after && numbers.length === 2 && !hasGrade && GRADE_WORD.test(label(after.text))) {
          ctx.text(c, 'grade', `${cardPath}grade`, after.text, after.line, (t) => toSimplified(cleanValue(t)).replace(/[\s\u3000]+/gu, ''));
          j++;
        }
        i = j - 1;
      }
    }
    return true;
  };

  const staffingRow = (row: Row) => {
    if (!head) return;
    const cells = align(head, row, numberFit);
    if ([...cells.values()].every((c) => isBlankValue(c.text))) return;
    const b = needBasic(row);
    const s = sub(b, 'staffing');
    ctx.count(s, 'authorized', 'basicData.staffing.authorized', cells.get('authorized'), '编制数');
    ctx.count(s, 'actual', 'basicData.staffing.actual', cells.get('actual'), '年末实际在职人数');
    ctx.rate(s, 'controlRate', 'basicData.staffing.controlRate', cells.get('controlRate'), '控制率');
    block = 'none';
  };

  const controlRow = (row: Row) => {
    if (!head) return;
    const first = firstText(row);
    const b = needBasic(row);
    const unit = unitOf(row.table);
    if (!first) {
      const cells = align(head, row);
      if ([...cells.values()].some((c) => !isBlankValue(c.text))) ctx.note(row.line, '经费控制情况中有一行没有名称但有数字，未导入');
      return;
    }
    const name = stripMarker(cleanValue(first.text).replace(/^其中[:：]\s*/u, '')).replace(/^其中[:：]\s*/u, '');
    const key = match(CONTROL_ROWS, controlLabel(first.label));
    if (key === 'savingMeasures') {
      const value = row.cells.filter((c) => c !== first && !isBlankValue(c.text)).map((c) => cleanValue(c.text)).join('\n');
      const line = row.cells.find((c) => c !== first && !isBlankValue(c.text))?.line;
      ctx.text(b, 'savingMeasures', 'basicData.savingMeasures', value, line, (s) => s);
      cont.with = (next) => appendTo(b, 'savingMeasures', 'basicData.savingMeasures', next.cells.find((c) => !isBlankValue(c.text)));
      return;
    }
    const cells = align(head, row, numberFit);
    const fill = (target: Mutable, path: string, what: string) => {
      for (const f of ['actual', 'budget', 'priorActual'] as const) {
        const cell = cells.get(f);
        if (cell === first) continue;
        const fieldName = f === 'actual' ? '当年决算数' : f === 'budget' ? '当年预算数' : '上年决算数';
        ctx.amount(target, f, `${path}.${f}`, cell, `${what}${fieldName}`, unit);
      }
    };
    if (key?.startsWith('category:')) {
      const list = (b.projectCategories ??= []) as Mutable[];
      category = { category: key.slice('category:'.length), label: groupName(name.replace(/[（(][^（()）]*一[个项][^（()）]*[)）]$/u, '')), total: {}, items: [] };
      list.push(category);
      categoryIndex = list.length - 1;
      fill(category.total as Mutable, `basicData.projectCategories[${categoryIndex}].total`, `${name}`);
      return;
    }
    if (key) {
      category = key === 'projectSpending' ? category : null;
      fill(sub(b, key), `basicData.${key}`, CONTROL_NAMES[key] ?? name);
      return;
    }
    // a project under a category, or a row nobody knows
    const values = [...cells.entries()].filter(([, c]) => c !== first && !isBlankValue(c.text));
    if (isBlankValue(first.text) || /^[…．.·]+$/u.test(first.label)) {
      if (values.length > 0) ctx.note(row.line, '经费控制情况中有一行没有名称但有数字，未导入');
      return;
    }
    if (category) {
      const items = category.items as Mutable[];
      const item: Mutable = { name: cleanValue(first.text), row: {} };
      const path = `basicData.projectCategories[${categoryIndex}].items[${items.length}]`;
      ctx.source(`${path}.name`, first.line, first.text);
      fill(item.row as Mutable, `${path}.row`, cleanValue(first.text));
      items.push(item);
      return;
    }
    ctx.note(row.line, `基础数据表中的「${oneLine(first.text)}」不认识，未导入`);
  };

  const fundsRow = (row: Row) => {
    if (!head) return;
    const first = firstText(row);
    if (!first) return;
    const c = needCard(row);
    const unit = unitOf(row.table);
    const cells = align(head, row, numberFit);
    const fill = (target: Mutable, path: string, what: string) => {
      const amounts: [string, string][] = [['initialBudget', '年初预算数'], ['budget', '全年预算数'], ['received', '实际到位资金'], ['actual', '全年执行数']];
      for (const [f, name] of amounts) {
        const cell = cells.get(f);
        if (!cell || cell === first) continue;
        if (f === 'initialBudget' && kind === 'department') {
          if (!isBlankValue(cell.text)) ctx.note(cell.line, `部门资金的年初预算数「${oneLine(cell.text)}」不在部门整体模型中，未导入`);
          continue;
        }
        ctx.amount(target, f, `${path}.${f}`, cell, `${what}${name}`, unit);
      }
      ctx.rate(target, 'executionRate', `${path}.executionRate`, cells.get('executionRate'), `${what}执行率`);
      ctx.points(target, 'points', `${path}.points`, cells.get('points'), `${what}分值`);
      ctx.points(target, 'score', `${path}.score`, cells.get('score'), `${what}得分`);
    };
    const which = match(PROJECT_FUND_ROWS, stripMarker(first.label.replace(/^其中[:：]/u, '')));
    if (kind === 'department') {
      if (which === 'total') fill(sub(c, 'funds'), `${cardPath}funds`, '');
      else if ([...cells.values()].some((x) => x !== first && !isBlankValue(x.text))) {
        ctx.note(row.line, `部门资金中的「${oneLine(first.text)}」行不在部门整体模型中，未导入`);
      }
      return;
    }
    if (which) fill(sub(sub(c, 'funds'), which), `funds.${which}`, '');
    else ctx.note(row.line, `项目资金中的「${oneLine(first.text)}」行不认识，未导入`);
  };

  const classificationRow = (row: Row) => {
    const c = needCard(row);
    const unit = unitOf(row.table);
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell || isBlankValue(cell.text)) continue;
      const l = stripMarker(cell.label.replace(/^其中[:：]/u, ''));
      const income = match(INCOME_LABELS, l);
      const spending = income ? null : match(SPENDING_LABELS, l);
      const next = cells[i + 1];
      const valueCell = next && (isNumberLike(next.text) || isBlankValue(next.text) || next.ambiguous) && !match(INCOME_LABELS, next.label) && !match(SPENDING_LABELS, next.label) ? next : undefined;
      if (income) {
        ctx.amount(sub(c, 'income'), income, `${cardPath}income.${income}`, valueCell, cleanValue(cell.text), unit);
      } else if (spending) {
        ctx.amount(sub(c, 'spending'), spending, `${cardPath}spending.${spending}`, valueCell, cleanValue(cell.text), unit);
      } else if (/拨款$/u.test(l) && valueCell && !isBlankValue(valueCell.text) && !/^[…．.·]/u.test(l)) {
        const list = (sub(c, 'income').additional ??= []) as Mutable[];
        const item: Mutable = { label: cleanValue(cell.text) };
        if (ctx.amount(item, 'amount', `${cardPath}income.additional[${list.length}].amount`, valueCell, cleanValue(cell.text), unit)) list.push(item);
      } else if (!isNumberLike(cell.text)) {
        if (valueCell && !isBlankValue(valueCell.text) && !/^[…．.·]/u.test(l)) ctx.note(cell.line, `收支分类中的「${oneLine(cell.text)}」不认识，未导入`);
        continue;
      } else continue;
      if (valueCell) i++;
    }
  };

  const goalsValues = (row: Row, h: Header | null) => {
    const c = needCard(row);
    const goals = sub(c, 'goals');
    const path = `${cardPath}goals`;
    if (h && h.columns.length > 0) {
      const cells = align(h, row);
      ctx.text(goals, 'expected', `${path}.expected`, cells.get('expected')?.text, cells.get('expected')?.line, cleanValue);
      ctx.text(goals, 'achieved', `${path}.achieved`, cells.get('achieved')?.text, cells.get('achieved')?.line, cleanValue);
      cont.with = (next) => {
        const more = alignOrOrder(h, next, ['expected', 'achieved']);
        appendTo(goals, 'expected', `${path}.expected`, more.get('expected'));
        appendTo(goals, 'achieved', `${path}.achieved`, more.get('achieved'));
      };
    } else {
      const values = row.cells.filter((x) => !isBlankValue(x.text) && !/总体目标/u.test(x.label));
      ctx.text(goals, 'expected', `${path}.expected`, values[0]?.text, values[0]?.line, cleanValue);
      ctx.text(goals, 'achieved', `${path}.achieved`, values[1]?.text, values[1]?.line, cleanValue);
    }
    goalsDone = true;
  };

  const explanationValues = (row: Row) => {
    if (!head) return;
    const c = needCard(row);
    const cells = align(head, row);
    if (kind === 'department') {
      ctx.text(c, 'deviationAnalysis', `${cardPath}deviationAnalysis`, cells.get('deviationAnalysis')?.text, cells.get('deviationAnalysis')?.line, cleanValue);
      ctx.text(c, 'measures', `${cardPath}measures`, cells.get('measures')?.text, cells.get('measures')?.line, cleanValue);
      const h = head;
      cont.with = (next) => {
        const more = alignOrOrder(h, next, ['deviationAnalysis', 'measures']);
        appendTo(c, 'deviationAnalysis', `${cardPath}deviationAnalysis`, more.get('deviationAnalysis'));
        appendTo(c, 'measures', `${cardPath}measures`, more.get('measures'));
      };
    } else if ([...cells.values()].some((x) => !isBlankValue(x.text))) {
      ctx.note(row.line, '偏差及原因分析、改进措施不在项目模型中，未导入');
    }
    explanationDone = true;
  };

  /** Title rows, 填报单位, 填报时间, （2022年度）, 项目名称 … inside a table (spreadsheets keep them there). */
  const metadataRow = (row: Row): boolean => {
    let used = false;
    const cells = row.cells.filter((c) => !isBlankValue(c.text));
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell) continue;
      const l = cell.label;
      const m = /^(填报单位|填报部门|单位名称|预算单位|部门名称)(?:[（(]盖章[)）])?[:：]?(.*)$/u.exec(l);
      if (m) {
        used = true;
        const inline = /[:：]/u.test(cell.text) ? cleanValue(cell.text.replace(/^[^:：]*[:：]/u, '')).split(/\s{2,}|填报时间|填报日期/u)[0]?.trim() ?? '' : '';
        const value = inline || (cells[i + 1] && !/[:：]$/u.test(cells[i + 1]?.label ?? '') ? cleanValue(cells[i + 1]?.text ?? '') : '');
        if (value && !isBlankValue(value)) meta.units.push({ value, line: cell.line, table: row.table });
      }
      if (/填报时间|填报日期|填表日期/u.test(l)) {
        used = true;
        const date = findDate(cell.text) ?? findDate(cells[i + 1]?.text ?? '');
        if (date) meta.dates.push({ value: date.normalized, line: cell.line, table: row.table });
      }
      const year = /^[（(]?((?:19|20)\d{2})年度?[)）]?$/u.exec(l);
      if (year?.[1]) {
        used = true;
        meta.years.push({ value: year[1], line: cell.line, table: row.table });
      }
      if (/绩效自评表$|绩效评价表$|基础数据表$|绩效目标自评表$/u.test(l) || /^附件\d/u.test(l)) {
        used = true;
        meta.titles.push({ value: cleanValue(cell.text), line: cell.line, table: row.table });
      }
      const info = /^(项目名称|主管部门|实施单位|项目单位|预算单位|主管单位)[:：]?(.*)$/u.exec(l);
      if (info?.[1]) {
        used = true;
        const inline = info[2] ? cleanValue(cell.text.replace(/^[^:：]*[:：]/u, '')) : '';
        const next = cells[i + 1];
        const value = inline || (next && !/^(项目名称|主管部门|实施单位|项目单位)/u.test(next.label) ? cleanValue(next.text) : '');
        const key = info[1] === '项目单位' ? '实施单位' : info[1] === '主管单位' ? '主管部门' : info[1];
        if (value && !meta.projectInfo.has(key)) meta.projectInfo.set(key, { value, line: (inline ? cell : next)?.line, table: row.table });
        if (!inline && next) i++;
      }
    }
    return used;
  };

  const isPdf = ctx.doc.format === 'pdf';
  /** Tables not mapped: a project table inside a department report, a second project's table. */
  const skipped = new Set<number>();
  let projectSeen: string | null = null;
  /** Project self-evaluation tables: a 项目资金 block, or 项目名称 with 主管部门 / 实施单位. */
  const projectTables = new Set<number>();
  {
    const labelsOf = new Map<number, string[]>();
    for (const r of rows) {
      const list = labelsOf.get(r.table) ?? [];
      for (const c of r.cells) list.push(c.label);
      labelsOf.set(r.table, list);
    }
    for (const [table, ls] of labelsOf) {
      if (ls.some((l) => /^项目资金/u.test(l)) || (ls.some((l) => /^项目名称/u.test(l)) && ls.some((l) => /^(?:主管部门|实施单位|项目单位)/u.test(l)))) projectTables.add(table);
    }
  }
  const lastRowOf = new Map<number, number>();
  for (const r of rows) lastRowOf.set(r.table, Math.max(lastRowOf.get(r.table) ?? 0, r.index));
  for (const row of rows) {
    const labels = row.cells.map((c) => c.label);
    const carry = cont.with;
    if (row.table !== lastTable && isPdf && carry && row.index === 0 && isContinuation(row)) {
      // a row cut by a page break: the rest of the cells of the last row of the previous page
      carry(row);
      cont.with = null;
      const previous = lastTable !== null ? tableKinds.get(lastTable) : undefined;
      if (previous) tableKinds.set(row.table, previous);
      lastTable = row.table;
      continue;
    }
    if (row.table !== lastTable) {
      // a table split over two pages goes on; anything else starts afresh
      const goesOn = block === 'indicators' && head !== null && row.cells.length > 0 && !row.cells.some((c) => /^三级指标$|^一级指标$|绩效指标$/u.test(c.label) && c.col === 0);
      if (!goesOn && block !== 'control') block = 'none';
      // 经费控制情况 goes on over a page break: its next row, or its header row repeated at the top of the page
      const repeatsHeader = count(header(row, CONTROL_VOCAB), 'actual', 'budget', 'priorActual') >= 2;
      if (block === 'control' && !repeatsHeader && !match(CONTROL_ROWS, controlLabel(firstText(row)?.label ?? ''))) block = 'none';
      lastTable = row.table;
    }
    if (skipped.has(row.table)) continue;
    const projectName = projectTables.has(row.table) ? row.cells.findIndex((c) => /^项目名称[:：]?/u.test(c.label)) : -1;
    if (kind === 'department' && projectTables.has(row.table)) {
      skipped.add(row.table);
      block = 'none';
      ctx.note(row.line, '这里起是一张项目支出绩效自评表；按部门整体评价导入时不取其中的数据');
      continue;
    }
    if (kind === 'project' && projectName >= 0) {
      const own = row.cells[projectName]?.text ?? '';
      const inline = /[:：]/u.test(own) ? cleanValue(own.replace(/^[^:：]*[:：]/u, '')) : '';
      const name = inline || cleanValue(row.cells[projectName + 1]?.text ?? '');
      if (projectSeen !== null && name !== projectSeen) {
        skipped.add(row.table);
        block = 'none';
        ctx.note(row.line, `文档中还有另一个项目「${oneLine(name)}」的自评表；一次只导入一个项目（「${oneLine(projectSeen)}」），这张表未导入`);
        continue;
      }
      projectSeen = name;
    }
    if (row.cells.every((c) => isBlankValue(c.text)) && block !== 'indicators') continue;
    // a sign-off row has 填 in a cell (see parseSignOff): the other rows' texts are not joined
    const signOff = row.cells.some((c) => c.text.includes('填')) ? parseSignOff(rowText(row)) : null;
    if (signOff) {
      meta.signOffs.push({ value: signOff, line: row.line, table: row.table });
      block = 'none';
      continue;
    }
    if (block !== 'indicators' && metadataRow(row)) continue;

    const indicatorHead = header(row, INDICATOR_VOCAB);
    if (has(indicatorHead, 'name') && count(indicatorHead, 'target', 'actual', 'points', 'score') >= 2) {
      head = indicatorHead;
      block = 'indicators';
      needCard(row);
      // the header row itself may carry the first-level name of a block (绩效指标 | 产出指标 …): no
      continue;
    }
    const staffingHead = header(row, STAFFING_VOCAB);
    if (has(staffingHead, 'authorized') && count(staffingHead, 'actual', 'controlRate') >= 1) {
      head = staffingHead;
      block = 'staffing';
      needBasic(row);
      continue;
    }
    const controlHead = header(row, CONTROL_VOCAB);
    if (count(controlHead, 'actual', 'budget', 'priorActual') >= 2 && (has(controlHead, 'priorActual') || labels.some((l) => /经费控制/u.test(l)))) {
      head = controlHead;
      // the same header repeated at the top of a continuation page keeps the project category it was in
      if (block !== 'control') category = null;
      block = 'control';
      needBasic(row);
      continue;
    }
    const fundsHead = header(row, FUNDS_VOCAB);
    if (has(fundsHead, 'budget', 'actual') || (has(fundsHead, 'actual') && labels.some((l) => /部门资金|项目资金/u.test(l)))) {
      head = fundsHead;
      block = 'funds';
      needCard(row);
      continue;
    }
    if (labels.some((l) => /^按(?:收入|支出)性质分类$/u.test(l))) {
      block = 'classification';
      needCard(row);
      continue;
    }
    const goalsCell = row.cells.find((c) => /^(?:年度)?总体目标$|^年度目标$/u.test(c.label));
    if (goalsCell && !goalsDone) {
      const goalsHead = header(row, GOALS_VOCAB);
      if (goalsHead.columns.length > 0) {
        head = goalsHead;
        block = 'goals';
      } else {
        goalsValues(row, null);
        block = 'none';
      }
      continue;
    }
    if (totalsRow(row)) {
      block = 'none';
      continue;
    }
    const explanationHead = header(row, EXPLANATION_VOCAB);
    if (has(explanationHead, 'deviationAnalysis', 'measures') && !explanationDone) {
      head = explanationHead;
      block = 'explanation';
      continue;
    }
    if (/^(?:说明|注|备注)[:：]/u.test(labels.find((l) => l !== '') ?? '')) {
      block = 'notes'; // the template's notes: 说明：1.… then 2.… 3.… on rows of their own
      continue;
    }
    if (block === 'notes') {
      const first = firstText(row);
      if (first && /^(?:\d{1,2}[.、．]|[（(]\d{1,2}[)）])/u.test(first.label) && row.cells.filter((c) => !isBlankValue(c.text)).length === 1) continue;
      block = 'none';
    }
    cont.with = null;
    switch (block) {
      case 'indicators': indicatorRow(row); break;
      case 'staffing': staffingRow(row); break;
      case 'control': controlRow(row); break;
      case 'funds': {
        const first = firstText(row);
        if (first && /^按(?:收入|支出)/u.test(first.label)) block = 'classification';
        else fundsRow(row);
        break;
      }
      case 'classification': classificationRow(row); break;
      case 'goals':
        if (row.cells.some((c) => !isBlankValue(c.text))) {
          goalsValues(row, head);
          block = 'none';
        }
        break;
      case 'explanation':
        if (row.cells.some((c) => !isBlankValue(c.text))) {
          explanationValues(row);
          block = 'none';
        }
        break;
      case 'none': {
        const implicit = implicitIndicatorHeader(row);
        if (implicit) {
          head = implicit;
          block = 'indicators';
          if (!implicitNoted) ctx.note(row.line, '指标行前没有表头（节选或截断），按标准列序（三级指标、年度指标值、实际完成值、分值、得分）读取');
          implicitNoted = true;
          indicatorRow(row);
          break;
        }
        if (row.cells.some((c) => !isBlankValue(c.text)) && !row.synthetic && tableKinds.has(row.table)) {
          ctx.note(row.line, `表格行「${oneLine(rowText(row))}」不在已识别的栏目中，未导入`);
        }
        break;
      }
    }
  }

  if (card && level1Headers.length > 0) {
    const headers: Mutable[] = [];
    for (const h of level1Headers) {
      if (h.points === undefined) continue;
      const index = headers.length;
      headers.push({ name: h.name, points: h.points });
      ctx.source(`${cardPath}level1[${index}].points`, h.line, h.text);
    }
    if (headers.length > 0) (card as Mutable).level1 = headers;
  }
  return { basicData: basic, card, tableKinds, meta };
}

/** The unit a table declares for its amounts: in its cells or in the few lines before it. */
export function tableUnits(rows: readonly Row[], linesBefore: (table: number) => string[]): (table: number) => WrittenUnit | null {
  const units = new Map<number, WrittenUnit | null>();
  for (const row of rows) {
    if (units.get(row.table)) continue;
    for (const c of row.cells) {
      const u = unitIn(c.text);
      if (u) {
        units.set(row.table, u);
        break;
      }
    }
  }
  // asked once per amount row: the lines before a table are looked through once per table
  const before = new Map<number, WrittenUnit | null>();
  return (table) => {
    const found = units.get(table);
    if (found) return found;
    let u = before.get(table);
    if (u === undefined) {
      u = null;
      for (const l of linesBefore(table)) {
        u = unitIn(l);
        if (u) break;
      }
      before.set(table, u);
    }
    return u;
  };
}

/** Candidates for the unit's name from a `填报单位` written on a line (not in a table). */
export function metadataFromLine(text: string, line: number): { unit?: Candidate; date?: Candidate; year?: Candidate } {
  const out: { unit?: Candidate; date?: Candidate; year?: Candidate } = {};
  const l = toSimplified(text);
  // the pattern needs a colon: most lines are refused without trying it
  const unit = l.includes('：') || l.includes(':') ? /(?:填报单位|填报部门|单位名称|预算单位|部门名称)\s*(?:[（(]盖章[)）])?\s*[:：]\s*(.*?)(?:\s{2,}|填报时间|填报日期|$)/u.exec(l) : null;
  if (unit?.[1] && !isBlankValue(unit[1])) out.unit = { value: cleanValue(text.slice(l.indexOf(unit[1]), l.indexOf(unit[1]) + unit[1].length)), line };
  if (/填报时间|填报日期|填表日期/u.test(l)) {
    const d = findDate(l.slice(l.search(/填报时间|填报日期|填表日期/u)));
    if (d) out.date = { value: d.normalized, line };
  }
  // the year alone on its line, as under a table's title: （2022年度）
  const year = /^[\s\u3000]*[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）][\s\u3000]*$/u.exec(l);
  if (year?.[1]) out.year = { value: year[1], line };
  return out;
}

/**
 * A table run together on one line with no blanks at all (a PDF or a mirror site that dropped every
 * separator): `…全年预算数(A)全年执行数(B)分值执行率(B/A)得分…安装坡面水标尺10≥266米≥266米10水标尺宽度10…`.
 * The cells are recovered from what the text itself shows, and only where it shows one split:
 *
 * - the header's captions (全年预算数, 分值, 得分, 三级指标, 产出指标(50分) …) are cells of their own;
 * - a figure ends where its written form ends: a %, a unit (≥266米), the next comparator (≥, ≤), the next
 *   character that is no digit;
 * - figures glued to each other are split by the precision the line writes its decimals with (64.864.8 is
 *   64.8 and 64.8 when every separate decimal of the line has one decimal, or when one precision only
 *   splits them; a rate's % ends the last), by the header's points before a rate (10100% under 分值 执行率
 *   is 10 and 100%: points are 1–100, a rate has three digits at most, and only one split fits), or by a
 *   value written twice
 *   (指标值 and 实际值: 1020万元20万元 is 10 and 20万元 before 20万元; 显著提升显著提升 is two cells);
 * - a run of digits that can still be split in more than one way (202010 before 100.00%) is not split: it
 *   stays glued to the text before it, so no cell of it is read as a figure.
 *
 * Only lines that carry a table's header are split (at least three of its captions run together), so a
 * sentence of the narrative is never cut into cells.
 * @module
 */
import { toSimplified } from '@jixiao/documents';

/** The captions of a self-evaluation table, longest first where one contains another. */
const CAPTION_WORDS = [
  '年初预算数', '全年预算数', '调整后预算数', '调整预算数', '预算执行数', '全年执行数', '预算执行率', '执行率', '指标分值', '分值',
  '自评得分', '得分', '年度指标值', '全年实际值', '实际完成值', '年度目标值', '指标值', '一级指标', '二级指标', '三级指标',
  '年度资金总额', '其中:本年财政拨款', '其中:当年财政拨款', '其中：本年财政拨款', '其中：当年财政拨款', '本年财政拨款', '当年财政拨款',
  '上年结转资金', '其他资金', '总分',
];
const LEVEL2 = '(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)指标';
const BLOCK = '(?:产出|效益|满意度)指标[(（]\\d+(?:\\.\\d+)?分?[)）]';
const NOTE = '(?:[(（][A-Za-z/×*%％]+[)）])?';
const CAPTION = new RegExp(`(?:${BLOCK}|${LEVEL2}|(?:${CAPTION_WORDS.join('|')})${NOTE})`, 'uy');
/** Captions that are a table's header (three of them on a line make it a run-together table). */
const HEADER = /年初预算数|全年预算数|全年执行数|执行率|分值|得分|年度指标值|实际完成值|全年实际值|三级指标|二级指标/gu;

/** Text that holds digits but is no figure of a cell: 指标1:, dates, (50分), ranges, 第3. */
const PROTECTED = /(?:指标\d+[:：]?|\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|[(（]\d+(?:\.\d+)?分?[)）]|\d+[-~～—至]\d+|第\d+)/uy;
const UNIT = '(?:万元|亿元|元|平方米|立方米|平方公里|公里|千米|厘米|米|亩|人次|人|户|个|次|项|家|所|套|台|份|篇|场|种|株|吨|辆|间|座|处|条|名|天|小时|公顷|宗|期|批|只|头|册|本|件|万|%|％|‰)';
const FIGURE = new RegExp(`[≥≤＞＜><=]{0,2}\\d[\\d,.]*${UNIT}?`, 'uy');
const SINGLE = /^(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?$/u;
const INTEGER = /^(?:0|[1-9]\d*)$/u;

type Atom = { text: string; kind: 'text' | 'caption' | 'figure' };

/** The parts of a figure: comparator, digits, unit. */
function partsOf(figure: string): { pre: string; body: string; unit: string } {
  const pre = /^[≥≤＞＜><=]*/u.exec(figure)?.[0] ?? '';
  const rest = figure.slice(pre.length);
  const body = /^[\d,.]*/u.exec(rest)?.[0] ?? '';
  return { pre, body, unit: rest.slice(body.length) };
}

/** A figure that is one number as written (a % no larger than 999%). */
function isSingle(figure: string): boolean {
  const { body, unit } = partsOf(figure);
  if (!SINGLE.test(body)) return false;
  if (/^[%％‰]$/u.test(unit) && (body.split('.')[0] ?? '').replace(/,/gu, '').length > 3) return false;
  return true;
}

/**
 * Points glued to the rate after them (10100% under 分值 执行率): the one split into points (1–100) and a
 * rate of three digits at most, or null when there is none or more than one.
 */
function pointsThenRate(digits: string): [string, string] | null {
  const found: [string, string][] = [];
  for (let k = 1; k < digits.length; k++) {
    const p = digits.slice(0, k);
    const r = digits.slice(k);
    if (INTEGER.test(p) && Number(p) >= 1 && Number(p) <= 100 && INTEGER.test(r) && r.length <= 3) found.push([p, r]);
  }
  return found.length === 1 ? (found[0] as [string, string]) : null;
}

/**
 * Decimals glued to each other, split by the precision `d`: 64.864.864.8 → 64.8 64.8 64.8; a rate's % ends
 * the last (64.8100%), with the points before it where the header puts 分值 before the rate. Null when
 * the text does not split so.
 */
function byPrecision(body: string, d: number, percent: boolean, pointsBefore: boolean): string[] | null {
  const out: string[] = [];
  let rest = body;
  while (rest !== '') {
    const dot = rest.indexOf('.');
    if (dot < 0) {
      if (!percent || out.length === 0 || !INTEGER.test(rest)) return null;
      // the rate alone, or the points and the rate: only one of the two may fit
      const split = pointsBefore ? pointsThenRate(rest) : null;
      const alone = rest.length <= 3;
      if (split && !alone) out.push(...split);
      else if (alone && !split) out.push(rest);
      else return null;
      break;
    }
    const piece = rest.slice(0, dot + 1 + d);
    if (piece.length < dot + 1 + d || !SINGLE.test(piece)) return null;
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  return out.length > 1 ? out : null;
}

/** The split by the one precision, among those the line writes its separate decimals with, that splits the text (none seen: no split). */
function byAnyPrecision(body: string, seen: ReadonlySet<number>, percent: boolean, pointsBefore: boolean): string[] | null {
  const found = [...seen].map((d) => byPrecision(body, d, percent, pointsBefore)).filter((x) => x !== null);
  return found.length === 1 ? (found[0] as string[]) : null;
}

/** The atoms of a line: captions, figures, and the text between. */
function atomsOf(line: string): Atom[] {
  const simple = toSimplified(line);
  const s = simple.length === line.length ? simple : line;
  const atoms: Atom[] = [];
  const text = (t: string) => {
    const last = atoms.at(-1);
    if (last?.kind === 'text') last.text += t;
    else atoms.push({ text: t, kind: 'text' });
  };
  let i = 0;
  while (i < s.length) {
    const at = (re: RegExp): RegExpExecArray | null => {
      re.lastIndex = i;
      return re.exec(s);
    };
    const c = at(CAPTION);
    if (c) {
      atoms.push({ text: line.slice(i, i + c[0].length), kind: 'caption' });
      i += c[0].length;
      continue;
    }
    const p = at(PROTECTED);
    if (p) {
      text(line.slice(i, i + p[0].length));
      i += p[0].length;
      continue;
    }
    const f = at(FIGURE);
    // a figure starts at a digit or a comparator, not inside a word's digits (A1, 3D)
    // … nor a figure run into a date (52021年12月: points glued to a year)
    if (f && !/[A-Za-z]/u.test(s[i - 1] ?? '') && !/[年月日]/u.test(s[i + f[0].length] ?? '')) {
      atoms.push({ text: line.slice(i, i + f[0].length), kind: 'figure' });
      i += f[0].length;
      continue;
    }
    text(line.slice(i, i + 1));
    i++;
  }
  return atoms;
}

/**
 * The cells of a line that runs a whole table together without blanks, or null when the line is no such
 * table (fewer than three header captions) — then the caller keeps its own reading.
 */
export function gluedCells(line: string): string[] | null {
  const simple = toSimplified(line);
  const heads = new Set(simple.match(HEADER) ?? []);
  if (heads.size < 3) return null;
  const atoms = atomsOf(line);
  // the precisions the line writes its separate decimals with
  const decimals = new Set<number>();
  for (const a of atoms) {
    if (a.kind !== 'figure' || !isSingle(a.text)) continue;
    const body = partsOf(a.text).body;
    const dot = body.indexOf('.');
    if (dot >= 0) decimals.add(body.length - dot - 1);
  }
  // the header puts the points right before a column written in % (分值 执行率, 分值 年度指标值)
  const pointsBefore = /(?:分值|权重)(?:执行率|年度指标值|指标值)/u.test(simple);
  const cells: string[] = [];
  /** A piece that cannot be split in one way joins the text before it. */
  const glue = (t: string) => {
    if (cells.length > 0) cells[cells.length - 1] += t;
    else cells.push(t);
    // never left as a cell of digits and marks alone (":2020" would read as a figure once its colon is dropped)
    while (cells.length > 1 && !/\p{L}/u.test(cells[cells.length - 1] as string)) {
      const last = cells.pop() as string;
      cells[cells.length - 1] += last;
    }
  };
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k] as Atom;
    if (a.kind !== 'figure') {
      // a value written twice in a row between figures (显著提升显著提升): the target and the actual
      const half = a.text.length / 2;
      const twice = a.kind === 'text' && Number.isInteger(half) && half >= 2 && a.text.slice(0, half) === a.text.slice(half);
      if (twice && atoms[k - 1]?.kind === 'figure' && atoms[k + 1]?.kind === 'figure') cells.push(a.text.slice(0, half), a.text.slice(half));
      else cells.push(a.text);
      continue;
    }
    // a figure glued to the value written after it (points before 指标值 = 实际值): 1020万元 20万元
    const next = atoms[k + 1];
    if (next?.kind === 'figure' && next.text !== a.text && a.text.endsWith(next.text) && atoms[k - 1]?.kind !== 'figure') {
      const head = a.text.slice(0, a.text.length - next.text.length);
      if (INTEGER.test(head) && Number(head) <= 100 && isSingle(next.text)) {
        cells.push(head, next.text);
        continue;
      }
    }
    if (isSingle(a.text)) {
      cells.push(a.text);
      continue;
    }
    const { pre, body, unit } = partsOf(a.text);
    const percent = /^[%％]$/u.test(unit);
    const pieces = body.includes('.')
      ? byAnyPrecision(body, decimals, percent, pointsBefore)
      : percent && pointsBefore && INTEGER.test(body) ? pointsThenRate(body) : null;
    if (pieces) {
      pieces.forEach((x, i) => cells.push(`${i === 0 ? pre : ''}${x}${i === pieces.length - 1 ? unit : ''}`));
      continue;
    }
    glue(a.text);
  }
  return cells.map((c) => c.trim()).filter((c) => c !== '');
}

/**
 * Indicator tables that write each indicator's points in its name — 部门决策(25分) / 目标任务(15分) /
 * 相关性(5分), the 部门整体 and older 决策/过程/产出/效益 templates — one level per column, a merged cell
 * written once at the top of its rows: each indicator's points against the points of the indicators under
 * it, and a score written right after a lowest-level indicator against its points.
 *
 * Levels are read from the rows: the last named cell of a row is of the lowest level, the cells before it
 * of the levels above, in order (a merged cell is written in the first of its rows only). Only rows the
 * layout shows are read (a grid's rows, a line of cells); an indicator without points under a parent
 * leaves the parent unchecked.
 * @module
 */
import { parseDec } from '@jixiao/core';
import { notJudgedByModel, numberCell, type Token, tokensOf } from './grid-tokens.ts';
import type { Extractor, ExtractorInput, Figure, Relation } from './types.ts';

const LEVEL_CAPTION = /^(?:[一二三]级指标)$/u;
const NODE = /^(?:\d+[.、．]?)?(.+?)[(（](\d+(?:\.\d+)?)分[)）]$/u;
const SCORE_CAPTION = /^(?:得分|自评得分|评价得分)$/u;
/** A points column after each level's name column: 一级指标 分值 二级指标 分值 … (the 2011 national framework). */
const POINTS_CAPTION = /^(?:分值|权重|指标分值)$/u;
const END = /^(?:总分|合计|总计|填表人|填报人|联系人|单位负责人|说明|注)/u;

type Node = { name: string; points: Figure | null; level: number; children: Node[]; score?: Figure; closed: boolean; broken?: boolean };

/**
 * The rows of the stream from the header at `i` on: the named cells of each row, and a number after the last.
 * With `pointsColumns` (一级指标 分值 二级指标 分值 三级指标 分值 得分) each name's points are the number after it.
 */
function readRows(tokens: readonly Token[], from: number, levels: number, source: string, scored: boolean, pointsColumns = false): Relation[] {
  const out: Relation[] = [];
  const roots: Node[] = [];
  const open: (Node | undefined)[] = [];
  let row: { t: Token; name: string; points: Figure | null }[] = [];
  let score: Figure | null = null;
  let bad = false;
  const closeRow = () => {
    if (row.length === 0 || row.length > levels || bad) {
      // a row not read (more cells than levels: descriptions, criteria) may be an indicator of the open ones
      if (row.length > 0) for (const o of open) if (o) o.broken = true;
      row = [];
      score = null;
      bad = false;
      return;
    }
    const first = levels - row.length + 1;
    row.forEach((c, k) => {
      const level = first + k;
      const node: Node = { name: c.name, points: c.points, level, children: [], closed: false };
      if (k === row.length - 1 && score) node.score = score;
      const parent = level > 1 ? open[level - 1] : undefined;
      if (level > 1 && !parent) return;
      if (parent) parent.children.push(node);
      else roots.push(node);
      // a node at this level closes the ones open at it and below: their rows are all read
      for (let l = level; l <= levels; l++) {
        const o = open[l];
        if (o) o.closed = true;
        open[l] = undefined;
      }
      open[level] = node;
    });
    row = [];
    score = null;
  };
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    const c = t.caption;
    if (END.test(c)) {
      closeRow();
      for (const o of open) if (o) o.closed = true;
      break;
    }
    if (t.rowStart) closeRow();
    const n = numberCell(c);
    if (n && pointsColumns && row.length > 0 && !row.at(-1)?.points && !n.percent) {
      const cell = row.at(-1);
      if (cell) cell.points = { value: n.value, written: n.text, label: `「${cell.name}」分值`, line: t.line, exact: true };
      continue;
    }
    if (n) {
      // the score right after the row's last indicator; a number elsewhere (a 序号 before it) is no cell of ours
      if (scored && row.length > 0 && !score && !n.percent) score = { value: n.value, written: n.text, label: `「${row.at(-1)?.name ?? ''}」得分`, line: t.line, exact: true };
      continue;
    }
    if (c.length > 30) continue;
    const m = NODE.exec(c);
    if (score) closeRow();
    const points = m?.[2] ? parseDec(m[2]) : null;
    const name = m?.[1] ?? c;
    if (/^[一二三]级指标$|^分值$|^得分$/u.test(c)) continue;
    row.push({ t, name, points: points && m?.[2] ? { value: points, written: `${m[2]}分`, label: `「${name}」分值`, line: t.line, exact: true } : null });
    if (row.length > levels) bad = true;
  }
  closeRow();
  const walk = (node: Node) => {
    // a node still open at the end of the excerpt may miss rows
    if (node.closed && !node.broken && node.children.length > 0 && node.points && node.children.every((ch) => ch.points)) {
      out.push({ kind: 'score-sum', source, confidence: 'certain', total: node.points, parts: node.children.map((ch) => ch.points as Figure) });
    }
    if (node.score && node.points && node.children.length === 0) out.push({ kind: 'cap', source, confidence: 'certain', score: node.score, points: node.points });
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

export function extractPoints(input: ExtractorInput, source = 'grid-points'): Relation[] {
  const tokens = tokensOf(input.doc);
  const out: Relation[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!LEVEL_CAPTION.test((tokens[i] as Token).caption)) continue;
    // the header: the level captions (一级指标 二级指标 三级指标) and whether a score column follows them
    let j = i;
    let levels = 0;
    let scored = false;
    let pointsColumns = 0;
    for (; j < tokens.length && j < i + 10; j++) {
      const c = (tokens[j] as Token).caption;
      if (LEVEL_CAPTION.test(c)) levels++;
      else if (SCORE_CAPTION.test(c)) scored = true;
      else if (POINTS_CAPTION.test(c) && levels > 0 && LEVEL_CAPTION.test((tokens[j - 1] as Token).caption)) pointsColumns++;
      // with points columns the first name after the score caption is the first row's (it has no points in it)
      else if (pointsColumns > 0 && scored) break;
      else if (NODE.test(c) || numberCell(c)) break;
    }
    // one points column after the lowest level only is followed by description columns (指标解释, 评分标准) a
    // row of names cannot be told from: read as before, the points in the names
    if (levels >= 2) out.push(...readRows(tokens, j, levels, source, scored, pointsColumns >= 2));
    i = j;
  }
  return out;
}

export const gridPoints: Extractor = {
  id: 'grid-points',
  description: '指标名称中写有分值的评价表：各级指标分值与其下级指标分值之和，得分不超过分值',
  extract: (input) => notJudgedByModel(input, extractPoints(input)),
};

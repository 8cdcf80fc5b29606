/**
 * Generic table arithmetic on any grid of numbers, mapped to a template or not: a 合计 / 总计 / 小计 / 总额 row
 * against the rows it totals, column by column (财政资金小计 over 项目支出 and 基本支出, 合计 over 中央 / 省 / 市 / 县).
 *
 * Rows are read where the layout shows them (a grid's rows, a line of blank-separated cells): a row label
 * and then numbers or empty cells (—, -, /), a block being consecutive rows with as many numbers each. Which
 * rows a total covers is not written: the rows next to it (above or below, up to the next total) are taken
 * where most of its columns add up with them — so one wrong cell, which breaks one column, does not change
 * the reading — and then every column of the total is a relation. The label names the total (certain);
 * which rows are its parts is read from the other columns, and the message says so.
 * @module
 */
import { add, cmp, type Dec, dec, max, ratioConsistent, sub } from '@jixiao/core';
import { fundsBlocks } from './grid-funds.ts';
import { cellFigure, figuresOf, isEmptyCell, notJudgedByModel, numberCell, type Token, tokensOf, type Written } from './grid-tokens.ts';
import type { Extractor, ExtractorInput, Figure, Relation } from './types.ts';

const TOTAL = /^(?:[一二三四五六七八九十\d]+[、.．])?(?:.{0,12}(?:合计|总计|小计|总额)|合计数|共计)$/u;

type Cell = { token: Token; n: Written } | null;
type Row = { label: string; labelToken: Token; cells: Cell[] };

/** Rows of label + numbers, from the stream's row starts. */
function rowsOf(tokens: readonly Token[]): Row[][] {
  const blocks: Row[][] = [];
  let block: Row[] = [];
  const flush = () => {
    if (block.length >= 3) blocks.push(block);
    block = [];
  };
  let i = 0;
  while (i < tokens.length) {
    const start = tokens[i] as Token;
    let j = i + 1;
    while (j < tokens.length && !(tokens[j] as Token).rowStart) j++;
    const row = tokens.slice(i, j);
    i = j;
    if (!start.rowStart) {
      flush();
      continue;
    }
    // the label: the leading cells without numbers (a numbering 1. or ① may stand alone before it)
    let k = 0;
    while (k < row.length && !numberCell((row[k] as Token).text) && !isEmptyCell((row[k] as Token).text)) k++;
    const cells = row.slice(k);
    if (k === 0 || cells.length < 2 || !cells.every((c) => numberCell(c.text) || isEmptyCell(c.text))) {
      flush();
      continue;
    }
    const r: Row = {
      label: row.slice(0, k).map((t) => t.caption).join(''),
      labelToken: row[k - 1] as Token,
      cells: cells.map((c) => {
        const n = numberCell(c.text);
        return n ? { token: c, n } : null;
      }),
    };
    if (block.length > 0 && (block[0] as Row).cells.length !== r.cells.length) flush();
    block.push(r);
  }
  flush();
  return blocks;
}

/** Half the last written unit of a cell. */
const half = (d: Dec): Dec => dec(5, d.scale + 1);

/** Whether the total can equal the sum of the parts within their rounding (a rate is no amount). */
function adds(total: Cell, parts: readonly Cell[]): boolean {
  if (!total || total.n.percent || parts.some((p) => p?.n.percent)) return false;
  let s = dec(0);
  let tol = half(total.n.value);
  for (const p of parts) {
    if (!p) continue;
    s = add(s, p.n.value);
    tol = add(tol, half(p.n.value));
  }
  const diff = sub(total.n.value, s);
  return cmp(diff.units < 0 ? dec(-diff.units, diff.scale) : diff, max(tol, dec(0))) <= 0;
}

const key = (f: Figure): string => `${f.line}:${f.written}`;

function totalsOf(block: readonly Row[], source: string): Relation[] {
  const out: Relation[] = [];
  const width = (block[0] as Row).cells.length;
  block.forEach((row, t) => {
    if (!TOTAL.test(row.label)) return;
    // candidate parts: the rows right above it, or right below it, up to another total
    const candidates: Row[][] = [];
    for (let a = t - 1; a >= 0 && !TOTAL.test((block[a] as Row).label); a--) if (t - a >= 2) candidates.push(block.slice(a, t));
    for (let b = t + 1; b < block.length && !TOTAL.test((block[b] as Row).label); b++) if (b - t >= 2) candidates.push(block.slice(t + 1, b + 1));
    let best: { parts: Row[]; holds: number; filled: number } | null = null;
    let tie = false;
    // rows of zeros and empty cells at the far end change no sum: the same candidate as the shorter one
    const zero = (r: Row): boolean => r.cells.every((c) => !c || c.n.value.units === 0);
    const seen = new Set<string>();
    for (const raw of candidates) {
      const parts = [...raw];
      while (parts.length > 2 && zero(parts[parts.length - 1] as Row)) parts.pop();
      while (parts.length > 2 && zero(parts[0] as Row)) parts.shift();
      const id = parts.map((p) => p.labelToken.line).join(',');
      if (seen.has(id)) continue;
      seen.add(id);
      let holds = 0;
      let filled = 0;
      for (let c = 0; c < width; c++) {
        const total = row.cells[c] ?? null;
        const ps = parts.map((p) => p.cells[c] ?? null);
        if (!total || ps.every((p) => !p)) continue;
        filled++;
        if (adds(total, ps)) holds++;
      }
      // most columns, and at least two, add up with these rows
      if (filled < 2 || holds * 2 <= filled || holds < 2) continue;
      if (!best || holds > best.holds) {
        best = { parts, holds, filled };
        tie = false;
      } else if (holds === best.holds) tie = true;
    }
    if (!best || tie) return;
    for (let c = 0; c < width; c++) {
      const total = row.cells[c];
      if (!total) continue;
      const parts = best.parts.map((p) => ({ p, cell: p.cells[c] })).filter((x): x is { p: Row; cell: { token: Token; n: Written } } => !!x.cell);
      if (parts.length === 0 || total.n.percent || parts.some((x) => x.cell.n.percent)) continue;
      // a column whose total is below one of its parts and does not add up is a rate or an average (支出实现率),
      // not an amount: it is no sum
      if (!adds(total, parts.map((x) => x.cell)) && parts.some((x) => cmp(x.cell.n.value, total.n.value) > 0)) continue;
      const tf = cellFigure(total.token, total.n, `「${row.label}」第 ${c + 1} 列`);
      const pf = parts.map((x) => cellFigure(x.cell.token, x.cell.n, `「${x.p.label}」第 ${c + 1} 列`));
      const base = {
        source, confidence: 'certain' as const,
        assumption: `「${row.label}」所合计的行按其他各列的加总确定：${best.parts.map((p) => `「${p.label}」`).join('')}`,
      };
      if (pf.length === 1 && pf[0]) out.push({ kind: 'equal', ...base, a: tf, b: pf[0] });
      else out.push({ kind: 'sum', ...base, total: tf, parts: pf });
    }
  });
  return out;
}

type Full = { token: Token; n: Written };
const nonzero = (c: Cell): c is Full => !!c && c.n.value.units !== 0;

/**
 * Columns that are the sum of the columns right before them (小计③ = 年初① + 调整②) or a rate of two others
 * (支出实现率⑤ = ④ ÷ ③), read from the rows: in every row but one at most, of three rows or more, two of them
 * with their terms not zero. Position implies it: a likely reading, saying which columns it took.
 */
function columnsOf(block: readonly Row[], source: string): Relation[] {
  const out: Relation[] = [];
  const width = (block[0] as Row).cells.length;
  const cellAt = (r: Row, c: number): Cell => r.cells[c] ?? null;
  const judge = (test: (r: Row) => boolean | null): { rows: Row[]; failed: number } | null => {
    const rows = block.filter((r) => test(r) !== null);
    const failed = rows.filter((r) => test(r) === false).length;
    return rows.length >= 3 && failed <= 1 && failed * 3 < rows.length ? { rows, failed } : null;
  };
  const used = new Set<number>();
  for (let c = 2; c < width; c++) {
    // c = the k columns right before it, the fewest that fit
    for (let k = 2; k <= c && !used.has(c); k++) {
      const cols = Array.from({ length: k }, (_, i) => c - k + i);
      const test = (r: Row): boolean | null => {
        const t = cellAt(r, c);
        const ps = cols.map((x) => cellAt(r, x));
        if (!t || t.n.percent || ps.some((p) => !p || p.n.percent)) return null;
        return adds(t, ps);
      };
      const ok = judge(test);
      if (!ok || block.filter((r) => cols.filter((x) => nonzero(cellAt(r, x))).length >= 2).length < 2) continue;
      used.add(c);
      for (const r of ok.rows) {
        const t = cellAt(r, c) as Full;
        out.push({
          kind: 'sum', source, confidence: 'likely',
          assumption: `按各行均有此关系，第 ${c + 1} 列为第 ${cols[0] as number + 1}—${c} 列之和`,
          total: cellFigure(t.token, t.n, `「${r.label}」第 ${c + 1} 列`),
          parts: cols.map((x) => cellFigure((cellAt(r, x) as Full).token, (cellAt(r, x) as Full).n, `「${r.label}」第 ${x + 1} 列`)),
        });
      }
    }
  }
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    // a rate column: c = a ÷ b × 100 for two other columns, a ≤ b in most rows
    let found: { a: number; b: number; rows: Row[] } | null = null;
    let ambiguous = false;
    for (let a = 0; a < width; a++) {
      for (let b = 0; b < width; b++) {
        if (a === b || a === c || b === c) continue;
        const test = (r: Row): boolean | null => {
          const t = cellAt(r, c);
          const x = cellAt(r, a);
          const y = cellAt(r, b);
          if (!t || !x || !y || x.n.percent || y.n.percent || !nonzero(y)) return null;
          return ratioConsistent(t.n.value, x.n.value, y.n.value, 100);
        };
        const ok = judge(test);
        if (!ok || ok.rows.filter((r) => nonzero(cellAt(r, a)) && cmp((cellAt(r, a) as Full).n.value, (cellAt(r, b) as Full).n.value) !== 0).length < 2) continue;
        if (found) ambiguous = true;
        found = { a, b, rows: ok.rows };
      }
    }
    if (!found || ambiguous) continue;
    const { a, b } = found;
    for (const r of found.rows) {
      const t = cellAt(r, c) as Full;
      const x = cellAt(r, a) as Full;
      const y = cellAt(r, b) as Full;
      out.push({
        kind: 'rate', source, confidence: 'likely', factor: 100,
        assumption: `按各行均有此关系，第 ${c + 1} 列为第 ${a + 1} 列 ÷ 第 ${b + 1} 列`,
        rate: cellFigure(t.token, t.n, `「${r.label}」第 ${c + 1} 列`),
        numerator: cellFigure(x.token, x.n, `「${r.label}」第 ${a + 1} 列`),
        denominator: cellFigure(y.token, y.n, `「${r.label}」第 ${b + 1} 列`),
      });
    }
  }
  return out;
}

export function extractTotals(input: ExtractorInput, source = 'grid-totals'): Relation[] {
  const tokens = tokensOf(input.doc);
  // the funds rows of a self-evaluation table are read (with their captions) by grid-funds
  const known = new Set<string>();
  for (const r of fundsBlocks(tokens).relations) figuresOf(r).forEach((f) => known.add(key(f)));
  const out: Relation[] = [];
  for (const block of rowsOf(tokens)) {
    for (const r of [...totalsOf(block, source), ...columnsOf(block, source)]) {
      if (figuresOf(r).every((f) => known.has(key(f)))) continue;
      out.push(r);
    }
  }
  return out;
}

export const gridTotals: Extractor = {
  id: 'grid-totals',
  description: '任意表格的合计、小计、总额行与其所合计的各行，逐列核对',
  extract: (input) => notJudgedByModel(input, extractTotals(input)),
};

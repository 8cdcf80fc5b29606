/**
 * Tables in a PDF recovered from their ruling lines (the cell borders Word, WPS and LibreOffice draw):
 * horizontal and vertical segments are collected from the page's drawing operators (with the current
 * transformation matrix), grouped into tables by contact, cut into a grid at their distinct positions,
 * and grid cells with no border between them are merged — so merged cells come back as spans. Text items
 * are then placed in the cell that contains their centre; lines wrapped inside a cell are joined again.
 *
 * Reference: the approach of Tabula's "lattice" mode (ruling-line table detection); PDF 32000-1 §8.5
 * (path construction and painting operators).
 * @module
 */

export type Segment = { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };
export type Rulings = { readonly horizontal: Segment[]; readonly vertical: Segment[] };

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export type Ops = Readonly<Record<string, number>>;

const MAX_SEGMENTS = 20_000;

/** Horizontal and vertical segments painted on a page (strokes, and fills of thin rectangles). */
export function rulings(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Ops): Rulings {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  let ctm: Matrix = [...IDENTITY];
  const stack: Matrix[] = [];
  let pending: { seg: Segment; thin: boolean }[] = [];
  const add = (x1: number, y1: number, x2: number, y2: number, thin: boolean) => {
    const [ax, ay] = apply(ctm, x1, y1);
    const [bx, by] = apply(ctm, x2, y2);
    pending.push({ seg: { x1: ax, y1: ay, x2: bx, y2: by }, thin });
  };
  const commit = (all: boolean) => {
    for (const { seg, thin } of pending) {
      if (!all && !thin) continue;
      const dx = Math.abs(seg.x2 - seg.x1);
      const dy = Math.abs(seg.y2 - seg.y1);
      if (dy < 1.2 && dx > 3) horizontal.push({ x1: Math.min(seg.x1, seg.x2), x2: Math.max(seg.x1, seg.x2), y1: (seg.y1 + seg.y2) / 2, y2: (seg.y1 + seg.y2) / 2 });
      else if (dx < 1.2 && dy > 3) vertical.push({ x1: (seg.x1 + seg.x2) / 2, x2: (seg.x1 + seg.x2) / 2, y1: Math.min(seg.y1, seg.y2), y2: Math.max(seg.y1, seg.y2) });
    }
    pending = [];
  };
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < fnArray.length && horizontal.length + vertical.length < MAX_SEGMENTS; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [...IDENTITY];
    else if (fn === OPS.transform && Array.isArray(args) && args.length >= 6) ctm = multiply(args.slice(0, 6).map(Number) as Matrix, ctm);
    else if (fn === OPS.constructPath && Array.isArray(args)) {
      const ops = (args[0] ?? []) as number[];
      const coords = (args[1] ?? []) as number[];
      let k = 0;
      let cx = 0;
      let cy = 0;
      let sx = 0;
      let sy = 0;
      for (const op of ops) {
        if (op === OPS.moveTo) {
          cx = Number(coords[k++]); cy = Number(coords[k++]); sx = cx; sy = cy;
        } else if (op === OPS.lineTo) {
          const x = Number(coords[k++]);
          const y = Number(coords[k++]);
          add(cx, cy, x, y, false);
          cx = x; cy = y;
        } else if (op === OPS.rectangle) {
          const x = Number(coords[k++]);
          const y = Number(coords[k++]);
          const w = Number(coords[k++]);
          const h = Number(coords[k++]);
          const thin = Math.abs(w) < 2.5 || Math.abs(h) < 2.5;
          if (thin) {
            if (Math.abs(h) < 2.5) add(x, y + h / 2, x + w, y + h / 2, true);
            else add(x + w / 2, y, x + w / 2, y + h, true);
          } else {
            add(x, y, x + w, y, false); add(x + w, y, x + w, y + h, false);
            add(x + w, y + h, x, y + h, false); add(x, y + h, x, y, false);
          }
          cx = x; cy = y; sx = x; sy = y;
        } else if (op === OPS.curveTo) {
          k += 4; cx = Number(coords[k++]); cy = Number(coords[k++]);
        } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
          k += 2; cx = Number(coords[k++]); cy = Number(coords[k++]);
        } else if (op === OPS.closePath) {
          add(cx, cy, sx, sy, false);
          cx = sx; cy = sy;
        }
      }
    } else if (fn !== undefined && strokes.has(fn)) commit(true);
    else if (fn !== undefined && fills.has(fn)) commit(false);
    else if (fn === OPS.endPath) pending = [];
  }
  return { horizontal, vertical };
}

export type GridCell = {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Page-space box: x from left to right, y from bottom to top. */
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  readonly top: number;
};

export type Grid = {
  /** Column boundaries, left to right. */
  readonly xs: readonly number[];
  /** Row boundaries, top to bottom (descending y). */
  readonly ys: readonly number[];
  readonly cells: readonly GridCell[];
  /** Cell of each base position [row][col]. */
  readonly at: readonly (readonly GridCell[])[];
};

const TOL = 2;

function distinct(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > 1.5) out.push(v);
  }
  return out;
}

class UnionFind {
  readonly #parent: number[];
  constructor(n: number) {
    this.#parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let r = i;
    while (this.#parent[r] !== r) r = this.#parent[r] ?? r;
    let j = i;
    while (this.#parent[j] !== r) {
      const next = this.#parent[j] ?? r;
      this.#parent[j] = r;
      j = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent[ra] = rb;
  }
}

/** Grids of the tables drawn with ruling lines. */
export function gridsFrom({ horizontal, vertical }: Rulings): Grid[] {
  const segs = [...horizontal.map((s) => ({ s, h: true })), ...vertical.map((s) => ({ s, h: false }))];
  if (segs.length > 4000) return []; // a drawing, not a table
  const uf = new UnionFind(segs.length);
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i];
      const b = segs[j];
      if (!a || !b) continue;
      const touch = a.h === b.h
        ? a.h
          ? Math.abs(a.s.y1 - b.s.y1) <= TOL && a.s.x1 <= b.s.x2 + TOL && b.s.x1 <= a.s.x2 + TOL
          : Math.abs(a.s.x1 - b.s.x1) <= TOL && a.s.y1 <= b.s.y2 + TOL && b.s.y1 <= a.s.y2 + TOL
        : (() => {
            const hs = a.h ? a.s : b.s;
            const vs = a.h ? b.s : a.s;
            return vs.x1 >= hs.x1 - TOL && vs.x1 <= hs.x2 + TOL && hs.y1 >= vs.y1 - TOL && hs.y1 <= vs.y2 + TOL;
          })();
      if (touch) uf.union(i, j);
    }
  }
  const groups = new Map<number, { h: Segment[]; v: Segment[] }>();
  segs.forEach((seg, i) => {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    (seg.h ? g.h : g.v).push(seg.s);
    groups.set(uf.find(i), g);
  });
  const grids: Grid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const xs = distinct(v.map((s) => s.x1));
    const ys = distinct(h.map((s) => s.y1)).reverse();
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2 || xs.length > 200 || ys.length > 2000) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    const hasVertical = (x: number, y: number) => v.some((s) => Math.abs(s.x1 - x) <= TOL && y >= s.y1 - TOL && y <= s.y2 + TOL);
    const hasHorizontal = (y: number, x: number) => h.some((s) => Math.abs(s.y1 - y) <= TOL && x >= s.x1 - TOL && x <= s.x2 + TOL);
    const uf2 = new UnionFind(rows * cols);
    for (let r = 0; r < rows; r++) {
      const ymid = ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
      for (let c = 0; c < cols; c++) {
        const xmid = ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
        if (c + 1 < cols && !hasVertical(xs[c + 1] ?? 0, ymid)) uf2.union(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows && !hasHorizontal(ys[r + 1] ?? 0, xmid)) uf2.union(r * cols + c, (r + 1) * cols + c);
      }
    }
    const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = uf2.find(r * cols + c);
        const b = boxes.get(k);
        if (!b) boxes.set(k, { r0: r, r1: r, c0: c, c1: c });
        else {
          b.r0 = Math.min(b.r0, r); b.r1 = Math.max(b.r1, r);
          b.c0 = Math.min(b.c0, c); b.c1 = Math.max(b.c1, c);
        }
      }
    }
    const at: GridCell[][] = Array.from({ length: rows }, () => []);
    const cells: GridCell[] = [];
    for (const b of boxes.values()) {
      const cell: GridCell = {
        row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1,
        left: xs[b.c0] ?? 0, right: xs[b.c1 + 1] ?? 0, top: ys[b.r0] ?? 0, bottom: ys[b.r1 + 1] ?? 0,
      };
      cells.push(cell);
      for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) (at[r] ??= [])[c] = cell;
    }
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    grids.push({ xs, ys, cells, at });
  }
  return grids.sort((a, b) => (b.ys[0] ?? 0) - (a.ys[0] ?? 0));
}

/** The grid cell containing a point, if any. */
export function cellAt(grid: Grid, x: number, y: number): GridCell | undefined {
  const { xs, ys } = grid;
  if (x < (xs[0] ?? 0) || x > (xs[xs.length - 1] ?? 0) || y > (ys[0] ?? 0) || y < (ys[ys.length - 1] ?? 0)) return undefined;
  let c = 0;
  while (c < xs.length - 2 && x >= (xs[c + 1] ?? 0)) c++;
  let r = 0;
  while (r < ys.length - 2 && y <= (ys[r + 1] ?? 0)) r++;
  return grid.at[r]?.[c];
}

const PARAGRAPH_START = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d)|[⒈-⒛⑴-⒇①-⑳])/u;

/** Lines wrapped by the cell's width joined again; a line starting with a list marker starts a paragraph. */
export function joinWrapped(lines: readonly string[]): string {
  let out = '';
  for (const l of lines) {
    const t = l.trim();
    if (t === '') continue;
    if (out === '') out = t;
    else out += PARAGRAPH_START.test(t) ? `\n${t}` : /[A-Za-z]$/u.test(out) && /^[A-Za-z0-9]/u.test(t) ? ` ${t}` : t;
  }
  return out;
}

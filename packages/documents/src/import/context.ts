/**
 * What an import collects besides the model: where each figure came from (`sourceMap`, field path →
 * line and excerpt) and what could not be mapped or was inferred (Chinese, with the place in the file).
 * @module
 */
import type { SourceDocument } from '../source.ts';
import { oneLine } from './normalize.ts';
import {
  type MoneyUnit, type NumberRead, type WrittenUnit, readAmount, readCount, readPoints, readRate,
} from './numbers.ts';
import type { Cell } from './rows.ts';

export type SourceRef = { readonly line?: number; readonly excerpt?: string; readonly file?: string };

export type Mutable = Record<string, unknown>;

export class ImportContext {
  readonly sourceMap: Record<string, SourceRef> = {};
  readonly unmapped: string[] = [];
  readonly #lines: SourceDocument['lines'];
  moneyUnit: MoneyUnit = '万元';

  constructor(readonly doc: SourceDocument) {
    this.#lines = doc.lines;
  }

  /** 第 12 行, or the reader's own description (第 3 页 / 工作表「附件1-2」第 5 行). */
  at(line: number | undefined): string {
    if (line === undefined) return '（位置未知）';
    const where = this.#lines[line - 1]?.where;
    if (!where) return `第 ${line} 行`;
    return where.includes('行') ? where : `第 ${line} 行（${where}）`;
  }

  /** Records something that could not be mapped or was inferred. */
  note(line: number | undefined, message: string): void {
    const text = line === undefined ? message : `${this.at(line)}：${message}`;
    if (!this.unmapped.includes(text)) this.unmapped.push(text);
  }

  /** Records where a field came from. */
  source(path: string, line: number | undefined, excerpt: string): void {
    // no spread of a conditional object: that costs a runtime call per field recorded
    const text = oneLine(excerpt, 80);
    this.sourceMap[path] = line !== undefined ? { line, excerpt: text, file: this.doc.file } : { excerpt: text, file: this.doc.file };
  }

  /** Sets `target[key]` from a cell read by `read`, with its source; notes what is not a number. */
  #setNumber(target: Mutable, key: string, path: string, cell: Cell | undefined, what: string, read: (t: string) => NumberRead): boolean {
    if (!cell) return false;
    if (cell.ambiguous) {
      this.note(cell.line, `「${oneLine(cell.text)}」可能是几个数字连在一起（列的边界无法确定），${what}未读取`);
      return false;
    }
    const r = read(cell.text);
    if (r.kind === 'blank') return false;
    if (r.kind === 'invalid') {
      this.note(cell.line, `${what}「${oneLine(r.text)}」不是一个数字，未读取`);
      return false;
    }
    target[key] = r.value;
    this.source(path, cell.line, cell.text);
    if (r.kind === 'number' && r.converted) this.note(cell.line, `${what}写作「${r.converted}」，已换算为 ${r.value}${this.moneyUnit}`);
    return true;
  }

  amount(target: Mutable, key: string, path: string, cell: Cell | undefined, what: string, unit: WrittenUnit | null): boolean {
    return this.#setNumber(target, key, path, cell, what, (t) => readAmount(t, this.moneyUnit, unit));
  }

  rate(target: Mutable, key: string, path: string, cell: Cell | undefined, what: string): boolean {
    return this.#setNumber(target, key, path, cell, what, readRate);
  }

  count(target: Mutable, key: string, path: string, cell: Cell | undefined, what: string): boolean {
    return this.#setNumber(target, key, path, cell, what, (t) => readCount(t));
  }

  points(target: Mutable, key: string, path: string, cell: Cell | undefined, what: string): boolean {
    return this.#setNumber(target, key, path, cell, what, readPoints);
  }

  /** Sets a text field (as written, blanks → nothing). */
  text(target: Mutable, key: string, path: string, value: string | undefined, line: number | undefined, clean: (s: string) => string): boolean {
    if (value === undefined) return false;
    const v = clean(value);
    if (v === '') return false;
    target[key] = v;
    this.source(path, line, v);
    return true;
  }
}

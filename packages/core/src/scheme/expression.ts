/**
 * A small arithmetic language for scheme formulas over the report's named figures:
 * `staff.actual / staff.authorized * 100`. Numbers, names (letters, digits, dots), + − × ÷ and
 * parentheses. Evaluated exactly on decimals; a missing figure or a division by zero gives null.
 * @module
 */
import { type Dec, add, divide, multiply, parseDec, sub } from '../decimal.ts';

export type Expression =
  | { readonly type: 'number'; readonly value: Dec }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'binary'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expression; readonly right: Expression }
  | { readonly type: 'negate'; readonly operand: Expression };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)|([-+*/()]))/uy;

/** @throws Error with a Chinese message when the formula is malformed. */
export function parseExpression(source: string): Expression {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/u.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (!m) throw new Error(`公式第 ${at + 1} 个字符无法识别：「${source.slice(at, at + 8)}」`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const next = (): string => {
    const t = tokens[pos++];
    if (t === undefined) throw new Error('公式意外结束');
    return t;
  };
  const primary = (): Expression => {
    const t = next();
    if (t === '(') {
      const e = additive();
      if (next() !== ')') throw new Error('公式缺少右括号');
      return e;
    }
    if (t === '-') return { type: 'negate', operand: primary() };
    if (/^\d/u.test(t)) {
      const value = parseDec(t);
      if (!value) throw new Error(`公式中的数字无效：${t}`);
      return { type: 'number', value };
    }
    if (/^[A-Za-z_]/u.test(t)) return { type: 'name', name: t };
    throw new Error(`公式中此处不应出现「${t}」`);
  };
  const multiplicative = (): Expression => {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = next() as '*' | '/';
      left = { type: 'binary', op, left, right: primary() };
    }
    return left;
  };
  const additive = (): Expression => {
    let left = multiplicative();
    while (peek() === '+' || peek() === '-') {
      const op = next() as '+' | '-';
      left = { type: 'binary', op, left, right: multiplicative() };
    }
    return left;
  };
  if (tokens.length === 0) throw new Error('公式为空');
  const expression = additive();
  if (pos !== tokens.length) throw new Error(`公式多余的部分：「${tokens.slice(pos).join(' ')}」`);
  return expression;
}

export function expressionNames(e: Expression): string[] {
  switch (e.type) {
    case 'number':
      return [];
    case 'name':
      return [e.name];
    case 'negate':
      return expressionNames(e.operand);
    case 'binary':
      return [...expressionNames(e.left), ...expressionNames(e.right)];
  }
}

const DIVISION_SCALE = 10;

export function evaluateExpression(e: Expression, figures: (name: string) => Dec | null): Dec | null {
  switch (e.type) {
    case 'number':
      return e.value;
    case 'name':
      return figures(e.name);
    case 'negate': {
      const v = evaluateExpression(e.operand, figures);
      return v && { units: -v.units, scale: v.scale };
    }
    case 'binary': {
      const l = evaluateExpression(e.left, figures);
      const r = evaluateExpression(e.right, figures);
      if (!l || !r) return null;
      if (e.op === '+') return add(l, r);
      if (e.op === '-') return sub(l, r);
      if (e.op === '*') return multiply(l, r);
      return divide(l, r, DIVISION_SCALE);
    }
  }
}

/**
 * A model file as JSON: parsed strictly, with a Chinese message naming the line when it is malformed,
 * and a map from field paths to lines so findings can point into the file.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

export type JsonSource = { readonly data: unknown; readonly lineOf: (path: string) => number | undefined };

const ERROR_NAMES: Record<string, string> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '无效的数字',
  PropertyNameExpected: '缺少属性名',
  ValueExpected: '缺少值',
  ColonExpected: '缺少冒号',
  CommaExpected: '缺少逗号',
  CloseBraceExpected: '缺少 }',
  CloseBracketExpected: '缺少 ]',
  EndOfFileExpected: '文件末尾有多余内容',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: '无效的 Unicode 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '无效的字符',
};

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export const pathSegments = (path: string): (string | number)[] =>
  path.split(/\.|\[(\d+)\]/u).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/u.test(p) ? Number(p) : p));

/** @throws DomainError `json-invalid` naming the file, line and column. */
export function readJson(text: string, file: string): JsonSource {
  const errors: ParseError[] = [];
  const tree = parseTree(text.replace(/^\uFEFF/u, ''), errors, { allowTrailingComma: false, disallowComments: true });
  const starts = lineStarts(text);
  const first = errors[0];
  if (first || !tree) {
    const offset = first?.offset ?? 0;
    const line = lineAt(starts, offset);
    const column = offset - (starts[line - 1] ?? 0) + 1;
    const what = first ? (ERROR_NAMES[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error)) : '文件为空';
    throw new DomainError('json-invalid', `${file} 不是有效的 JSON：第 ${line} 行第 ${column} 列，${what}`);
  }
  const data: unknown = JSON.parse(text.replace(/^\uFEFF/u, ''));
  return {
    data,
    lineOf(path: string) {
      const segments = pathSegments(path);
      for (let n = segments.length; n > 0; n--) {
        const node: Node | undefined = findNodeAtLocation(tree, segments.slice(0, n));
        if (node) return lineAt(starts, node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return undefined;
    },
  };
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Evaluation, parseDec, parseScheme, type Scheme, selectScheme } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOf, seedText } from '../facts/testing.ts';
import { importEvaluation } from '@jixiao/documents';
import { ROOT } from './testing.ts';
import type { SourceDocument } from '@jixiao/documents';
import { coreOverrides, fundsShifted } from './audit-document.ts';

const seed = documentOf(seedText());
const evaluation = importEvaluation(seed).evaluation as Evaluation;
const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(join(ROOT, 'schemes', f), 'utf8'))));
const scheme: Scheme = selectScheme(schemes, evaluation.kind, evaluation.schemeId);

/** The statement the check switches follow: the patterns tried on one text of every line and then every cell. */
function joinedTextTests(doc: SourceDocument): boolean[] {
  const cells = doc.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => c.text))).join('\n');
  const text = doc.lines.map((l) => l.text).join('\n') + cells;
  return [
    /填表人|填报人|单位负责人/u.test(text),
    /偏差|原因分析|未完成原因/u.test(cells),
    /等级|评级|评定/u.test(text),
    /指标值|目标值|完成值/u.test(cells) || /预算数|执行数|资金总额/u.test(cells),
  ];
}

/** What coreOverrides made of the same patterns (sign-off, deviation-explanation, grade-mismatch, required-fields on). */
function switchesOf(doc: SourceDocument): boolean[] {
  const off = coreOverrides(doc, evaluation, scheme);
  return [off['sign-off'] !== 'off', off['deviation-explanation'] !== 'off', off['grade-mismatch'] !== 'off', off['required-fields'] !== 'off'];
}

describe('coreOverrides', () => {
  it('leaves the seed every switch on that its content asks for', () => {
    expect(joinedTextTests(seed)).toEqual([true, true, true, true]);
    expect(switchesOf(seed)).toEqual([true, true, true, true]);
  });

  it('tries each line and cell as it would one text of them all, the junction of the last line and the first cell included', () => {
    // few tokens, so that patterns are often cut between a line and a cell or two lines
    const piece = fc.array(fc.constantFrom('填表', '填报', '人', '联系电话', '等', '级', '偏差', '指标值', '预算数', 'x', '\n'), { maxLength: 3 }).map((parts) => parts.join(''));
    const rows = fc.array(fc.array(piece, { maxLength: 3 }), { maxLength: 3 });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), fc.array(rows, { maxLength: 3 }), (lines, tables) => {
        const doc: SourceDocument = {
          file: 't.txt',
          format: 'txt',
          lines: lines.map((text, i) => ({ line: i + 1, text })),
          tables: tables.map((rs, index) => ({ index, line: 1, rows: rs.map((r, row) => r.map((text, col) => ({ text, row, col, rowSpan: 1, colSpan: 1 }))) })),
          warnings: [],
        };
        // the seed's model asks for all four: each switch follows its pattern alone
        expect(switchesOf(doc)).toEqual(joinedTextTests(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('judges the weights of a report older than its scheme as a warning only (a 2019 table under the rules of 2020)', () => {
    const at = (year: number) => coreOverrides(seed, { ...evaluation, year }, { ...scheme, year: 2020 })['weight-mismatch'];
    expect([at(2019), at(2020), at(2022)]).toEqual(['warning', undefined, undefined]);
  });

  const table = (evaluation as Extract<Evaluation, { kind: 'department' }>).selfEvaluation;
  const withTable = (change: Partial<NonNullable<typeof table>>): Evaluation => ({ ...evaluation, selfEvaluation: { ...table, ...change } } as Evaluation);

  it('does not weigh a table whose points or first-level names were not read', () => {
    const indicators = table?.indicators ?? [];
    expect(indicators.length).toBeGreaterThan(0);
    const cases: [string, Evaluation, string | undefined][] = [
      ['the seed', evaluation, undefined],
      ['every 分值 empty', withTable({ indicators: indicators.map((x) => ({ ...x, points: null })) }), 'off'],
      ['a 一级指标 blank', withTable({ indicators: indicators.map((x, i) => (i === 0 ? { ...x, level1: ' ' } : x)) }), 'off'],
    ];
    for (const [, e, expected] of cases) expect(coreOverrides(seed, e, scheme)['weight-mismatch']).toBe(expected);
  });

  it.each([
    // 年初预算数 全年预算数 全年执行数 分值 执行率 得分 read one column short: 分值 takes an amount
    ['分值 above 100', { budget: '880', actual: '880', points: '880', executionRate: '10' }, true],
    ['分值 equal to both amounts while the rate says they differ', { budget: '55', actual: '55', points: '55', executionRate: '10' }, true],
    ['a row read right', { budget: '55', actual: '55', points: '10', executionRate: '100' }, false],
    ['amounts and points alike, the rate 100%', { budget: '10', actual: '10', points: '10', executionRate: '100' }, false],
    ['a wrong rate in a row read right', { budget: '55', actual: '50', points: '10', executionRate: '10' }, false],
  ])('funds row shifted: %s', (_, row, shifted) => {
    const funds = Object.fromEntries(Object.entries({ ...table?.funds, ...row }).map(([k, v]) => [k, typeof v === 'string' ? parseDec(v) : v]));
    const e = withTable({ funds: funds as NonNullable<typeof table>['funds'] });
    expect(fundsShifted(e)).toBe(shifted);
    expect(coreOverrides(seed, e, scheme)['rate-mismatch']).toBe(shifted ? 'off' : undefined);
  });
});

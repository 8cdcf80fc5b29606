import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceCell, SourceDocument, SourceLine, SourceTable } from '../source.ts';
import { importEvaluation } from './import-evaluation.ts';
import { halfWidth } from './normalize.ts';

const LABELS = [
  '部门资金（万元）', '全年预算数', '全年执行数', '预算执行率', '分值', '得分', '年度资金总额', '按收入性质分类', '按支出性质分类',
  '一般公共预算拨款', '政府性基金拨款', '其他资金', '基本支出', '人员经费', '公用经费', '其中：三公经费', '项目支出',
  '年度总体目标', '年初预期（设定）目标', '全年实际完成情况', '绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值',
  '实际完成值', '偏差原因分析及改进措施', '产出指标（50分）', '效益指标（30分）', '满意度指标（10分）', '数量指标', '质量指标',
  '社会效益指标', '综合评定等级', '优', '总分', '说明', '偏差及原因分析', '改进措施', '财政供养人员情况', '编制数',
  '年末实际在职人数', '控制率', '经费控制情况', '当年决算数', '当年预算数', '上年决算数', '一、部门基本支出', '公务接待',
  '政府采购金额', '1、业务工作专项(一个项目一行)', '项目名称', '项目资金（万元）', '年初预算数', '执行率', '填表人：张三 联系电话：1',
  '（2022年度）', '填报单位：某局', '填报时间：2023年2月20日', '—', '……', '', '　', '摸排化解', '办证', '≥90%', '90%以上',
];
const NUMBER = fc.oneof(
  fc.integer({ min: 0, max: 120 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([w, f]) => `${w.toLocaleString('en-US')}.${String(f).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 10_000 }).map((n) => `${(n / 100).toFixed(2)}%`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}${b}`),
);
const CELL_TEXT = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...LABELS) }, { weight: 2, arbitrary: NUMBER });

/** A random document of one to three tables with random spans, each cell on a line of its own. */
const documents: fc.Arbitrary<SourceDocument> = fc
  .array(fc.array(fc.array(fc.tuple(CELL_TEXT, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 3 })
  .map((tables) => {
    const lines: SourceLine[] = [];
    const out: SourceTable[] = [];
    tables.forEach((rows, index) => {
      const first = lines.length + 1;
      const cellRows: SourceCell[][] = rows.map((cells, r) => {
        let col = 0;
        return cells.map(([text, colSpan, rowSpan]) => {
          lines.push({ line: lines.length + 1, text, table: index });
          const cell = { text, row: r, col, rowSpan: Math.min(rowSpan, rows.length - r), colSpan, line: lines.length };
          col += colSpan;
          return cell;
        });
      });
      out.push({ index, line: first, rows: cellRows });
    });
    return { file: 'random.docx', format: 'docx' as const, lines, tables: out, warnings: [] };
  });

const HEADERS = [
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
  ['部门资金（万元）', '', '全年预算数', '全年执行数', '预算执行率', '分值', '得分'],
  ['经费控制情况', '当年决算数', '当年预算数', '上年决算数'],
  ['财政供养人员情况', '编制数', '年末实际在职人数', '控制率'],
  ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
];

/** Tables that start with a real template header, then random rows of about its width. */
const structured: fc.Arbitrary<SourceDocument> = fc
  .array(fc.tuple(fc.constantFrom(...HEADERS), fc.array(fc.array(fc.tuple(CELL_TEXT, fc.integer({ min: 1, max: 2 })), { minLength: 2, maxLength: 9 }), { minLength: 1, maxLength: 10 })), { minLength: 1, maxLength: 3 })
  .map((tables) => {
    const lines: SourceLine[] = [];
    const out: SourceTable[] = [];
    tables.forEach(([head, rows], index) => {
      const first = lines.length + 1;
      const all = [head.map((t) => [t, 1] as const), ...rows];
      out.push({
        index, line: first,
        rows: all.map((cells, r) => {
          let col = 0;
          return cells.map(([text, rowSpan]) => {
            lines.push({ line: lines.length + 1, text, table: index });
            const cell = { text, row: r, col, rowSpan: Math.min(rowSpan, all.length - r), colSpan: 1, line: lines.length };
            col += 1;
            return cell;
          });
        }),
      });
    });
    return { file: 'random.xlsx', format: 'xlsx' as const, lines, tables: out, warnings: [] };
  });

const anyDocument = fc.oneof(documents, structured);

/** Every number-valued field of the imported object (amounts, rates, points, scores, counts, year). */
function numbersIn(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    if (/(?:budget|actual|received|Budget|executionRate|points|score|Score|Points|authorized|controlRate|generalBudget|governmentFund|nonTaxIncome|other|basic|personnel|operating|threePublic|project|amount|priorActual)$/u.test(path) && /\d/u.test(value)) out.push([path, value]);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'sourceMap') numbersIn(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

const digits = (s: string) => halfWidth(s).replace(/[^\d.%-]/gu, '');

describe('importing arbitrary tables', () => {
  it('never throws, and every figure it maps is written in the document (nothing invented)', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const result = importEvaluation(doc, { year: 2022 });
        const written = doc.tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => digits(c.text))));
        for (const [path, value] of numbersIn(result.input)) {
          expect({ path, value, found: written.includes(digits(value)) }).toEqual({ path, value, found: true });
        }
        // and the model either parses or says why not
        if (!result.evaluation) expect(result.unmapped.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('maps a figure only with a source line pointing at a cell holding it', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const result = importEvaluation(doc, { year: 2022 });
        const map = (result.input as { sourceMap: Record<string, { line?: number; excerpt?: string }> }).sourceMap;
        for (const [path, value] of numbersIn(result.input)) {
          const at = map[path.replace(/\.(\d+)(?=\.|$)/gu, '[$1]')];
          expect(at?.line).toBeDefined();
          expect(digits(doc.lines[(at?.line ?? 0) - 1]?.text ?? '')).toBe(digits(value));
        }
      }),
      { numRuns: 200 },
    );
  });
});

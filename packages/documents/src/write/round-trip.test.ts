/**
 * Round trip: render(model) → read the .docx back (paragraphs, tables with merges) → the same figures: the
 * unit's as written by default, the engine's in the corrected version.
 */
import { type Dec, dec, derive, type Derived, type Evaluation, parseEvaluation } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SourceTable, toGrid } from '../source.ts';
import { buildDocument } from './build-document.ts';
import { attachmentsOf, type ReportDocument, type TableModel } from './document-model.ts';
import { readDocx } from './read-back.ts';
import { renderDocx } from './render-docx.ts';
import { cellPositions } from './render-xlsx.ts';
import { departmentArbitrary, EXAMPLE_FILES, generatedDepartment as generated, loadExample, loadScheme } from './test-support.ts';
import { percent, plain, RenderMode } from './wording.ts';

const asSource = (table: TableModel): SourceTable => ({
  index: 0,
  line: 0,
  rows: [cellPositions(table.rows).map(({ cell, row, col }) => ({ text: cell.text, row, col, rowSpan: cell.rowSpan ?? 1, colSpan: cell.colSpan ?? 1 }))],
});
const blank = (s: string): string => s.replace(/[\s\u3000]+/gu, '');

/** What the unit stated for the funds block, the total and the grade (null where it stated nothing). */
function statedOf(evaluation: Evaluation): { rate: Dec | null; score: Dec | null; total: Dec | null; grade: string | null } {
  if (evaluation.kind === 'project') {
    return { rate: evaluation.funds.total.executionRate, score: evaluation.funds.total.score, total: evaluation.totalScore, grade: evaluation.grade };
  }
  const t = evaluation.selfEvaluation;
  return { rate: t?.funds.executionRate ?? null, score: t?.funds.score ?? null, total: t?.totalScore ?? null, grade: t?.grade ?? null };
}

/**
 * Reads the document back and checks its tables and figures: as written, the unit's own figures (the
 * engine's only where the unit stated none); corrected, the engine's (followed by the mark of a change).
 */
async function roundTrip(evaluation: Evaluation, doc: ReportDocument, derived: Derived, mode: RenderMode = RenderMode.asWritten): Promise<void> {
  const back = readDocx(await renderDocx(doc));
  const attachments = attachmentsOf(doc);
  expect(back.tables).toHaveLength(attachments.length);
  // Every cell and every merge survives.
  attachments.forEach((a, i) => {
    const table = back.tables[i];
    if (!table) throw new Error(`第 ${i + 1} 个表没有读出`);
    expect(toGrid(table)).toEqual(toGrid(asSource(a.table)));
  });
  const asWritten = mode === RenderMode.asWritten;
  const stated = statedOf(evaluation);
  /** As written: the stated figure, blank where none was stated (the total: the computed one). */
  const expectShows = (cell: string | undefined, statedFigure: string | null, computed: string, filled = false): void => {
    if (asWritten) expect(cell).toBe(statedFigure ?? (filled ? computed : ''));
    else expect((cell ?? '').startsWith(computed), `${cell} 应以 ${computed} 开头`).toBe(true);
  };
  const scoring = back.tables[back.tables.length - 1];
  if (!scoring) throw new Error('没有自评表');
  const grid = toGrid(scoring);
  // Columns of both tables: 一级 二级 三级 (index 3 after the label column) 年度指标值 实际完成值 分值 得分.
  const names = derived.indicators.map((r) => r.indicator.name.trim());
  expect(new Set(names).size, '测试数据的三级指标名须各不相同').toBe(names.length);
  derived.indicators.forEach((r) => {
    const row = grid.find((cells) => cells[3] === r.indicator.name.trim());
    expect(row, `指标「${r.indicator.name}」`).toBeDefined();
    if (!row) return;
    expect(blank(row[4] ?? '')).toBe(blank(r.indicator.target ?? ''));
    expect(blank(row[5] ?? '')).toBe(blank(r.indicator.actual ?? ''));
    expect(row[6]).toBe(r.indicator.points ? plain(r.indicator.points) : '');
    if (r.indicator.notApplicable) expect(row[7]).toBe('不适用');
    else expectShows(row[7], r.indicator.score ? plain(r.indicator.score) : null, plain(r.counted));
  });
  const funds = grid.find((cells) => cells.includes('年度资金总额')) ?? [];
  const rateIndex = evaluation.kind === 'project' ? 7 : 5;
  if (derived.funds.rate) expectShows(funds[rateIndex], stated.rate ? percent(stated.rate) : null, percent(derived.funds.rate));
  const totalRow = grid.find((cells) => cells.includes('总分')) ?? [];
  const totalCell = totalRow[7];
  expectShows(totalCell, stated.total ? plain(stated.total) : null, plain(derived.total.computed), true);
  expect(grid.flat().join('')).toContain(asWritten ? (stated.grade?.trim() || derived.grade.name) : derived.grade.name);
}

describe('round trip of the examples', () => {
  it.each(EXAMPLE_FILES)('%s: tables and figures read back as written', async (name) => {
    const { evaluation, scheme } = loadExample(name);
    await roundTrip(evaluation, buildDocument(evaluation, scheme), derive(evaluation, scheme));
  });

  it.each(EXAMPLE_FILES)('%s: the corrected version reads back with the engine’s figures', async (name) => {
    const { evaluation, scheme } = loadExample(name);
    await roundTrip(evaluation, buildDocument(evaluation, scheme, RenderMode.corrected), derive(evaluation, scheme), RenderMode.corrected);
  });

  it('the seed’s narrative and tables read back with the unit’s own figures and sentences', async () => {
    const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
    const back = readDocx(await renderDocx(buildDocument(evaluation, scheme)));
    const basicData = toGrid(back.tables[0] as SourceTable);
    const text = back.paragraphs.join('');
    // 附件1-1 as the unit filled it: 645 in post, 87.15% (not the 90.08% that 645 ÷ 716 gives)
    expect(basicData[1]).toEqual(['', '716', '645', '87.15%']);
    // the narrative's own figures: 644 and its parts 29 + 615, 16,030.63 as written (the parts give 16,030.64)
    const asWritten = [
      '根据县财政局《关于开展2022年度财政支出绩效自评工作的通知》精神，我局对2022年预算支出绩效情况进行了全面综合评价。', '年末实有在职人员644人，其中：行政人员29人，事业编615人', '财政拨款16,030.63万元', '公务接待费预算60.11万元，实际使用40.11万元',
      '年度指标10个楼盘，实际完成13个楼盘', '原因是：因疫情影响，项目进度稍有减缓', '项目执行率偏低。主要原因是：疫情原因', '无结转结余',
    ];
    expect(asWritten.filter((x) => !text.includes(x))).toEqual([]);
    expect(text).not.toMatch(/1,883\.31|未填/u);
    const scoring = toGrid(back.tables[1] as SourceTable);
    expect(scoring.find((r) => r.includes('总分'))).toEqual(['综合评定等级', '综合评定等级', '优', '优', '总分', '总分', '100', '97']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Generated models

describe('round trip of generated department evaluations', () => {
  const scheme = loadScheme('hunan-county-department-2022');
  it('reads back every table cell and merge, the stated scores as written and the engine’s when corrected', async () => {
    await fc.assert(
      fc.asyncProperty(departmentArbitrary, async (input) => {
        const evaluation = parseEvaluation(generated(input));
        const doc = buildDocument(evaluation, scheme);
        const derived = derive(evaluation, scheme);
        await roundTrip(evaluation, doc, derived);
        await roundTrip(evaluation, buildDocument(evaluation, scheme, RenderMode.corrected), derived, RenderMode.corrected);
        // a stated score the engine does not give is listed as a correction with its path
        derived.indicators.forEach((r, i) => {
          const stated = r.indicator.score as Dec | null;
          if (stated && plain(stated) !== plain(r.counted)) {
            expect(doc.corrections.some((c) => c.path === `selfEvaluation.indicators[${i}].score` && c.used === plain(r.counted))).toBe(true);
          }
        });
        if (input.statedTotal !== null && plain(dec(input.statedTotal)) !== plain(derived.total.computed)) {
          expect(doc.corrections.some((c) => c.path === 'selfEvaluation.totalScore')).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
});

import { toNumber } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { attachmentsOf, type Cell, type ReportDocument } from './document-model.ts';
import { convertWithLibreOffice, findLibreOffice } from './libreoffice.ts';
import { cellPositions, columnLetter, formulaText, renderXlsx, tableOrigin } from './render-xlsx.ts';
import { EXAMPLE_FILES, loadExample } from './test-support.ts';
import { RenderMode } from './wording.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Every formula cell of the document with its sheet address and the engine's value. */
function formulaCells(doc: ReportDocument): { sheet: number; address: string; cell: Cell; expected: number | string }[] {
  return attachmentsOf(doc).flatMap((block, sheet) => {
    const origin = tableOrigin(block);
    return cellPositions(block.table.rows)
      .filter(({ cell }) => cell.formula)
      .map(({ cell, row, col }) => ({
        sheet,
        address: `${columnLetter(col)}${origin + row}`,
        cell,
        expected: cell.value ? toNumber(cell.value.value) : cell.text,
      }));
  });
}

describe('formulaText', () => {
  const at = (id: string): string => ({ a: 'B2', b: 'C2', t: 'E9', x: 'F9', w: 'G9', s: 'H9' })[id] ?? '??';
  it('writes sums, ratios and the execution score with the scheme rounding', () => {
    expect(formulaText({ kind: 'sum', of: ['a', 'b'], decimals: 2, mode: 'halfUp' }, at)).toBe('ROUND(SUM(B2,C2),2)');
    expect(formulaText({ kind: 'sum', of: ['a'], decimals: 0, mode: 'truncate' }, at)).toBe('TRUNC(SUM(B2),0)');
    expect(formulaText({ kind: 'ratio', numerator: 'a', denominator: 'b', decimals: 4 }, at)).toBe('ROUND(B2/C2,4)');
    expect(formulaText({ kind: 'executionScore', actual: 'a', denominator: 'b', points: 'w', cap: 1, decimals: 2, mode: 'halfUp' }, at)).toBe('ROUND(MIN(B2/C2,1)*G9,2)');
    expect(formulaText({ kind: 'executionScore', actual: 'a', denominator: 'b', points: 'w', cap: null, decimals: 2, mode: 'halfUp' }, at)).toBe('ROUND(B2/C2*G9,2)');
  });
  it('writes each indicator rule, counting a negative actual as 0', () => {
    const f = (rule: 'proportional' | 'reverseRatio' | 'reverseLinear' | 'equalsZero' | 'equalsExact') =>
      formulaText({ kind: 'indicatorScore', rule, target: 't', actual: 'x', points: 'w', decimals: 2, mode: 'halfUp' }, at);
    expect(f('proportional')).toBe('IF(OR(MAX(F9,0)>=E9,E9<=0),G9,ROUND(MAX(F9,0)/E9*G9,2))');
    expect(f('reverseRatio')).toBe('IF(MAX(F9,0)<=E9,G9,ROUND(E9/MAX(F9,0)*G9,2))');
    expect(f('reverseLinear')).toBe('IF(MAX(F9,0)<=E9,G9,IF(MAX(F9,0)>=2*E9,0,ROUND((2*E9-MAX(F9,0))/E9*G9,2)))');
    expect(f('equalsZero')).toBe('IF(MAX(F9,0)<=0,G9,0)');
    expect(f('equalsExact')).toBe('IF(MAX(F9,0)=E9,G9,0)');
  });
  it('writes the grade bands highest first', () => {
    expect(formulaText({ kind: 'grade', total: 's', grades: [{ name: '优', min: 90 }, { name: '良', min: 80 }, { name: '差', min: 0 }] }, at))
      .toBe('IF(H9>=90,"优",IF(H9>=80,"良","差"))');
  });
  it('refuses a reference to a cell the table does not have', async () => {
    const { evaluation, scheme } = loadExample('clean-department-2023');
    const doc = buildDocument(evaluation, scheme);
    const [first] = attachmentsOf(doc);
    if (!first) throw new Error('no attachment');
    const broken: ReportDocument = {
      ...doc,
      sections: [{ orientation: 'landscape', blocks: [{ ...first, table: { ...first.table, rows: [[{ text: '1', role: 'value', formula: { kind: 'sum', of: ['nowhere'], decimals: 2, mode: 'halfUp' } }, ...(first.table.rows[0]?.slice(1) ?? [])], ...first.table.rows.slice(1)] } }] }],
    };
    await expect(renderXlsx(broken)).rejects.toThrow(/nowhere/u);
  });
});

describe('renderXlsx — the seed', async () => {
  const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
  const doc = buildDocument(evaluation, scheme);
  const bytes = await renderXlsx(doc);
  const workbook = await load(bytes);
  const [basic, self] = workbook.worksheets;

  it('has one sheet per attachment with the label, title and header line', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['附件1-1 基础数据表', '附件1-2 自评表']);
    expect(self?.getCell('A1').value).toBe('附件1-2');
    expect(self?.getCell('A2').value).toBe('部门整体支出绩效自评表');
    expect(self?.getCell('A3').value).toBe('（2022年度）');
    expect(String(self?.getCell('A4').value)).toContain('衡阳县自然资源局');
  });

  it('prints A4 landscape, one page wide, the column header repeated, an absolute print area, page numbers right/left', () => {
    for (const sheet of [basic, self]) {
      expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet?.headerFooter).toMatchObject({ differentOddEven: true, oddFooter: '&R— &P —', evenFooter: '&L— &P —' });
    }
    // as Excel reads them: the print areas absolute, the print titles the column header rows
    const names = strFromU8(unzipSync(bytes)['xl/workbook.xml'] ?? new Uint8Array()).match(/<definedName [^>]*>[^<]*<\/definedName>/gu) ?? [];
    const defined = (name: string, sheet: number): string | undefined => names.find((n) => n.includes(name) && n.includes(`localSheetId="${sheet}"`))?.replace(/^.*!|<\/definedName>$/gu, '');
    const rowOf = (sheet: ExcelJS.Worksheet | undefined, col: number, text: string): number =>
      [...Array(80).keys()].map((i) => i + 1).find((r) => sheet?.getCell(r, col).value === text) ?? -1;
    expect(defined('Print_Titles', 1)).toBe(`$${rowOf(self, 2, '一级指标')}:$${rowOf(self, 2, '一级指标')}`);
    expect(defined('Print_Titles', 0)).toBe(`$${rowOf(basic, 1, '经费控制情况')}:$${rowOf(basic, 1, '经费控制情况')}`);
    expect(defined('Print_Area', 1)).toBe(`$A$1:$H$${self?.rowCount}`);
    expect(defined('Print_Area', 0)).toBe(`$A$1:$D$${basic?.rowCount}`);
  });

  it('merges cells as the template does and formats amounts and rates', () => {
    const merges = (self as unknown as { model: { merges: string[] } }).model.merges;
    const origin = 5;
    // 部门资金（万元） down the funds block, 绩效指标 down the indicator block
    expect(merges).toContain(`A${origin}:A${origin + 2 + 5}`);
    expect(merges.some((m) => /^B\d+:B\d+$/u.test(m))).toBe(true);
    expect(self?.getCell(`D${origin + 1}`).numFmt).toBe('#,##0.00');
    expect(self?.getCell(`D${origin + 1}`).value).toBe(17485.15);
    expect(self?.getCell(`F${origin + 1}`).numFmt).toBe('0%'); // written 100%, shown as written
    expect(basic?.getCell('B5').value).toBe(716);
  });

  it('writes a formula where the unit’s figure is the computed one, and keeps the unit’s other figures as values', () => {
    const cells = formulaCells(doc);
    expect(cells.length).toBeGreaterThan(5);
    for (const { sheet, address, expected } of cells) {
      const cell = workbook.worksheets[sheet]?.getCell(address);
      expect(cell?.formula, `${address}`).toBeTruthy();
      expect(cell?.result, `${address} = ${cell?.formula}`).toEqual(expected);
    }
    // the unit's 97 (the engine computes 98) and 87.15% (645 ÷ 716 = 90.08%) are values, not formulas
    expect(cells.find((c) => c.cell.id === 'total.score')).toBeUndefined();
    const totalRow = [...Array(60).keys()].map((i) => self?.getRow(i + 1)).find((r) => r?.getCell(5).value === '总分');
    expect(totalRow?.getCell(8).value).toBe(97);
    expect(basic?.getCell('D5').value).toBe(0.8715);
  });

  it('in the corrected version writes the total as a formula with the engine’s 98 and a note of the change', async () => {
    const corrected = buildDocument(evaluation, scheme, RenderMode.corrected);
    const book = await load(await renderXlsx(corrected));
    const total = formulaCells(corrected).find((c) => c.cell.id === 'total.score');
    expect(total?.expected).toBe(98);
    const cell = book.worksheets[total?.sheet ?? 0]?.getCell(total?.address ?? 'A1');
    expect(cell?.result).toBe(98);
    expect(JSON.stringify(cell?.note)).toContain('原填97');
  });

  const indicatorRow = (name: string): ExcelJS.Row | undefined => [...Array(60).keys()].map((i) => self?.getRow(i + 1)).find((r) => r?.getCell(4).value === name);

  it('keeps text as text (≥90%, 90%以上, 2023基本完成) and bare numbers as numbers', () => {
    expect(indicatorRow('公众满意度')?.getCell(5).value).toBe('≥90%');
    expect(indicatorRow('公众满意度')?.getCell(6).value).toBe('90%以上');
    expect(indicatorRow('项目完成进度')?.getCell(6).value).toBe('2023基本完成');
    expect(indicatorRow('办理不动产登记证')?.getCell(5).value).toBe(800);
    expect(indicatorRow('办理不动产登记证')?.getCell(6).value).toBe(1008);
  });

  it('writes formulas only over cells holding numbers, and lets only numbers into the cells that expect them', () => {
    for (const sheet of [basic, self]) {
      sheet?.eachRow((row) => row.eachCell((cell) => {
        if (cell.formula) {
          for (const ref of cell.formula.match(/[A-Z]+[0-9]+/gu) ?? []) {
            const target = sheet.getCell(ref);
            const blankInSum = /SUM\(/u.test(cell.formula) && (target.value === null || target.value === '');
            expect(typeof target.value === 'number' || target.formula !== undefined || blankInSum, `${cell.address} 的公式引用 ${ref}（${String(target.value)}）`).toBe(true);
          }
        } else if (typeof cell.value === 'number' && cell.master.address === cell.address) {
          expect(cell.dataValidation, `${sheet.name} ${cell.address}`).toMatchObject({ type: 'decimal', showErrorMessage: true });
        }
      }));
    }
    // the satisfaction score is not a formula of ≥90% and 90%以上 (text), the 登记证 score is
    expect(indicatorRow('公众满意度')?.getCell(8).formula).toBeUndefined();
    expect(indicatorRow('办理不动产登记证')?.getCell(8).formula).toBeTruthy();
  });

  it('keeps a bare percentage a percentage: 96.3% is 0.963 shown as 96.3%', async () => {
    const clean = loadExample('clean-department-2023');
    const book = await load(await renderXlsx(buildDocument(clean.evaluation, clean.scheme)));
    const cells: ExcelJS.Cell[] = [];
    book.worksheets.forEach((w) => w.eachRow((r) => r.eachCell((c) => { if (c.numFmt?.endsWith('%') && c.value === 0.963) cells.push(c); })));
    expect(cells.map((c) => c.numFmt)).toContain('0.0%');
  });
});

describe.skipIf(!findLibreOffice())('renderXlsx — LibreOffice recalculates the formulas to the engine’s values', () => {
  if (!findLibreOffice()) console.warn('跳过：本机没有 LibreOffice（soffice），无法验证公式的计算结果');
  it.each(EXAMPLE_FILES)('%s', async (name) => {
    const { evaluation, scheme } = loadExample(name);
    const doc = buildDocument(evaluation, scheme);
    // No cached results: whatever LibreOffice shows, it computed.
    const bytes = await renderXlsx(doc, { cachedResults: false });
    const raw = await load(bytes);
    const anyCell = formulaCells(doc)[0];
    expect(raw.worksheets[anyCell?.sheet ?? 0]?.getCell(anyCell?.address ?? 'A1').result).toBeUndefined();
    const recalculated = await load(await convertWithLibreOffice(bytes, 'xlsx', 'xlsx'));
    const cells = formulaCells(doc);
    expect(cells.length).toBeGreaterThan(3);
    for (const { sheet, address, expected, cell } of cells) {
      const got = recalculated.worksheets[sheet]?.getCell(address);
      if (typeof expected === 'number') {
        expect(typeof got?.result, `${name} ${address} ${cell.text}`).toBe('number');
        expect(Math.abs((got?.result as number) - expected), `${name} ${address}: ${String(got?.result)} ≠ ${expected}`).toBeLessThan(1e-9);
      } else {
        expect(got?.result, `${name} ${address}`).toBe(expected);
      }
    }
  });
});

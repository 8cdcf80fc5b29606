import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGeneral, formatNumber, roundDecimal } from './number-format.ts';
import { readDocument } from './read-document.ts';
import { fixture } from './testing.ts';

describe('xlsx reader on the seed attachments', async () => {
  const doc = await readDocument(fixture('hengyang-2022-attachments.xlsx'), 'hengyang-2022-attachments.xlsx');

  it('one table per sheet, each sheet row a line with where it is', () => {
    expect(doc.format).toBe('xlsx');
    expect(doc.tables.map((t) => [t.sheet, t.rows.length])).toEqual([['附件1-1', 28], ['附件1-2', 39]]);
    expect(doc.lines[3]).toEqual({ line: 4, text: '财政供养人员情况\t编制数\t年末实际在职人数\t控制率', table: 0, where: '工作表「附件1-1」第 4 行' });
  });

  it('shows numbers with their formats and keeps merges as spans', () => {
    const basic = doc.tables[0];
    expect(basic?.rows[4]?.map((c) => [c.text, c.col, c.rowSpan])).toEqual([['716', 1, 1], ['645', 2, 1], ['87.15%', 3, 1]]);
    expect(basic?.rows[3]?.[0]).toMatchObject({ text: '财政供养人员情况', rowSpan: 2, colSpan: 1, ref: '附件1-1!A4' });
    expect(basic?.rows[6]?.map((c) => c.text)).toEqual(['一、部门基本支出', '7,514.90', '5,947.80', '6,468.11']);
    const self = doc.tables[1];
    expect(self?.rows[4]?.[0]).toMatchObject({ text: '部门资金（万元）', rowSpan: 8, colSpan: 1 });
    expect(self?.rows[5]?.map((c) => c.text)).toEqual(['年度资金总额', '17,485.15', '17,485.15', '100%', '10', '10']);
    expect(self?.rows[15]?.[0]).toMatchObject({ text: '产出\n\n指标\n\n（50分）', col: 1, rowSpan: 10 });
    expect(self?.rows[32]?.map((c) => `${c.text}:${c.colSpan}`)).toEqual(['综合评定等级:1', '优:3', '总  分:2', '100:1', '97:1']);
  });

  it('reads cached formula results, warns when there are none, skips hidden sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '合计';
    ws.getCell('B1').value = { formula: 'SUM(B2:B3)', result: 17485.15 };
    ws.getCell('B1').numFmt = '#,##0.00';
    ws.getCell('C1').value = { formula: 'B1/100' };
    ws.getCell('A2').value = { richText: [{ text: '富' }, { text: '文本' }] };
    ws.getCell('B2').value = new Date(Date.UTC(2023, 1, 20));
    ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = '不读';
    const doc2 = await readDocument(new Uint8Array(await wb.xlsx.writeBuffer()), 'f.xlsx');
    expect(doc2.tables).toHaveLength(1);
    // column C holds nothing visible, so the table ends at B
    expect(doc2.tables[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([['合计', '17,485.15'], ['富文本', '2023年2月20日']]);
    expect(doc2.warnings).toEqual(['工作表「表」C1 是公式，但文件中没有保存计算结果，按空白处理', '工作表「隐藏」是隐藏的，未读取']);
  });
});

describe('Excel number formats', () => {
  it.each([
    [17485.15, '#,##0.00', '17,485.15'],
    [7514.9, '#,##0.00', '7,514.90'],
    [0.8715, '0.00%', '87.15%'],
    [1, '0%', '100%'],
    [1.005, '0.00', '1.01'],
    [-1234.5, '#,##0.00;[Red]-#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00_);(#,##0.00)', '(1,234.50)'],
    [0, '#,##0.00;-#,##0.00;"—"', '—'],
    [386.88, '"¥"#,##0.00', '¥386.88'],
    [12.5, '0.00"万元"', '12.50万元'],
    [0.5, '0.##', '0.5'],
    [12345678, '#,##0,', '12,346'],
    [1 / 3, 'General', '0.3333333333'],
    [9970.250000000002, 'General', '9970.25'],
    [716, undefined, '716'],
  ])('%s with %s → %s', (value, format, expected) => {
    expect(formatNumber(value, format)).toBe(expected);
  });

  it('rounds the written decimal, not the float (2 decimals, any amount)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (units) => {
        const written = `${units < 0 ? '-' : ''}${Math.floor(Math.abs(units) / 100)}.${String(Math.abs(units) % 100).padStart(2, '0')}`;
        expect(roundDecimal(Number(written), 2)).toBe(written === '-0.00' ? '0.00' : written.replace(/^-0\.00$/u, '0.00'));
      }),
    );
  });

  it('General shows integers as they are and at most 10 significant digits', () => {
    expect(formatGeneral(100)).toBe('100');
    expect(formatGeneral(0.1 + 0.2)).toBe('0.3');
    expect(formatGeneral(2 / 3)).toBe('0.6666666667');
  });
});

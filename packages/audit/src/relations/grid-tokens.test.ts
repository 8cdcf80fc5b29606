import { readDocument } from '@jixiao/documents';
import { describe, expect, it } from 'vitest';
import { gridFunds } from './grid-funds.ts';
import { extractFromText } from './grid-testing.ts';
import { tokensOf } from './grid-tokens.ts';

const cells = async (text: string): Promise<string[]> => {
  const doc = await readDocument(new TextEncoder().encode(text), 'test.txt', {});
  return tokensOf(doc).map((t) => t.text);
};

describe('grid-tokens', () => {
  it('joins the pieces of a caption a layout cut (one per line, blank lines between)', async () => {
    const text = ['年初', '', '预算数', '', '全年', '', '预算数', '', '全年', '', '执行数', '', '分值', '', '执行率', '', '得分'].join('\n');
    expect(await cells(text)).toEqual(['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
  });

  it('joins a block header cut by blanks, and never a caption that is one already or a figure', async () => {
    expect(await cells('三级指标 分值 得分\n效益指 标(30 分) 社会效益 指标 知晓率 10 9')).toEqual([
      '三级指标', '分值', '得分', '效益指标(30分)', '社会效益指标', '知晓率', '10', '9',
    ]);
    // 预算数 is a caption of its own: 预算数 + 执行数 stay two cells; 全年 + 10 is no caption
    expect(await cells('预算数 执行数 全年 10 产出 指标 30')).toEqual(['预算数', '执行数', '全年', '10', '产出指标', '30']);
  });

  it('lets the funds row of such a table be read', async () => {
    const text = ['年初', '预算数', '全年', '预算数', '全年', '执行数', '分值', '执行率', '得分', '年度资金总额', '43.2', '43.2', '37.24', '10', '86%', '9']
      .join('\n\n');
    expect(await extractFromText(gridFunds, text)).toEqual([
      'rate certain 86%@29 = 37.24@25 ÷ 43.2@23',
      'cap certain 9@31 ≤ 10@27',
      'product certain 9@31 = 10@27 × 86%@29 ≤ 10@27',
    ]);
  });
});

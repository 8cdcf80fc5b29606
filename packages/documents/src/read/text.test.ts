import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGrid } from '../source.ts';
import { readDocument } from './read-document.ts';
import { alignedRight, blankCells, joinedCells, splitLines, trimmedLength, utf8OrNull } from './text.ts';
import { fixture, seedBytes } from './testing.ts';

const cellTexts = (rows: readonly (readonly { text: string }[])[]) => rows.map((r) => r.map((c) => c.text));

describe('text reader on the seed (flattened tables, one cell per line)', async () => {
  const doc = await readDocument(seedBytes(), 'hengyang-natural-resources-2022.txt');

  it('keeps every line with its number and finds the two attachment tables', () => {
    expect(doc.format).toBe('txt');
    expect(doc.lines).toHaveLength(530);
    expect(doc.lines[0]).toEqual({ line: 1, text: ' 衡阳县自然资源局' });
    expect(doc.lines[131]).toEqual({ line: 132, text: '填报单位：衡阳县自然资源局         ' });
    expect(doc.tables.map((t) => [t.line, t.rows.length])).toEqual([[135, 23], [259, 31]]);
    expect(doc.warnings).toEqual([]);
  });

  it('rebuilds rows of 附件1-1 with exact cells and their lines', () => {
    const [basic] = doc.tables;
    expect(cellTexts(basic?.rows.slice(0, 4) ?? [])).toEqual([
      ['财政供养人员情况', '编制数', '年末实际在职人数', '控制率'],
      ['', '　716', '645　', '87.15%　'],
      ['经费控制情况', '当年决算数', '当年预算数', '上年决算数'],
      ['一、部门基本支出', '7,514.90', '5,947.80', '6,468.11'],
    ]);
    expect(basic?.rows[1]?.map((c) => c.line)).toEqual([140, 141, 142, 143]);
    expect(basic?.rows[22]?.[0]?.text).toBe('厉行节约保障措施');
    expect(basic?.rows[22]?.[1]?.text).toMatch(/^承办会议，坚持务实、节俭、高效原则。.*严格控制陪餐次数和人数。$/u);
  });

  it('keeps multi-line cells of 附件1-2 and their blank lines, rows of different widths as written', () => {
    const self = doc.tables[1];
    expect(self?.rows.map((r) => r.length)).toEqual([7, 7, 3, 5, 5, 5, 5, 5, 3, 3, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 5, 3, 3]);
    expect(self?.rows[11]?.[1]?.text).toBe('产出\n\n指标\n\n（50分）');
    expect(self?.rows[21]?.[1]?.text).toBe('效益\n指标\n\n（30分）');
    expect(self?.rows[9]?.[1]?.text).toBe('1、注重空间规划引领作用\n\n2、较好服务县域经济发展\n\n3、建立耕地保护责任体系\n\n4、积极完成国土专项调查');
    expect(cellTexts([self?.rows[28] ?? []])).toEqual([['综合评定等级', '优', '总  分', '100', '97']]);
    expect(self?.rows.flat().every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
  });

  it('marks the lines of each table and no line outside them', () => {
    expect(doc.lines[134]?.table).toBe(0);
    expect(doc.lines[245]).toMatchObject({ line: 246, table: 0 }); // the 厉行节约 text
    const note = doc.lines.find((l) => l.text.startsWith('说明：“公用经费”'));
    expect(note?.line).toBe(249);
    expect(note?.table).toBeUndefined();
    expect(doc.lines.filter((l) => l.table === 1)[0]?.line).toBe(259);
    expect(doc.lines[529]?.table).toBeUndefined();
  });
});

describe('tab-separated tables', () => {
  it('reads the seed tables copied from Excel (quoted cells with line breaks) exactly as the flattened ones', async () => {
    const seed = await readDocument(seedBytes(), 'seed.txt');
    const tsv = await readDocument(fixture('tricky-tab-separated.txt'), 'tricky-tab-separated.txt');
    expect(tsv.tables).toHaveLength(2);
    expect(cellTexts(tsv.tables[0]?.rows ?? [])).toEqual(cellTexts(seed.tables[0]?.rows ?? []));
    expect(cellTexts(tsv.tables[1]?.rows ?? [])).toEqual(cellTexts(seed.tables[1]?.rows ?? []));
  });

  it('does not take numbered lines with a tab or tab-indented prose for tables', async () => {
    const text = '八、改进措施\n1.\t加强绩效评价管理制度和流程的建设。\n2.\t下一步将加强部门绩效目标编报基础工作。\n\n\t根据县财政局的通知精神，我局对2022年预算支出绩效情况进行了全面综合评价。\n\t现将整体支出绩效自评情况报告如下，请审阅并提出意见。\n';
    const doc = await readDocument(new TextEncoder().encode(text), 'a.txt');
    expect(doc.tables).toEqual([]);
  });

  it('reads rows of tabs with a blank line between them as one table', async () => {
    const text = '一级指标\t二级指标\t三级指标\t分值\t得分\n\n产出指标\t数量指标\t办证\t5\t5\n';
    const doc = await readDocument(new TextEncoder().encode(text), 'a.txt');
    expect(toGrid(doc.tables[0] ?? { index: 0, line: 1, rows: [] })).toEqual([
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['产出指标', '数量指标', '办证', '5', '5'],
    ]);
    expect(doc.tables[0]?.rows[1]?.[0]?.line).toBe(3);
  });
});

describe('tables whose cells are set apart by blanks (a web page or PDF viewer copied as text)', () => {
  const read = (text: string) => readDocument(new TextEncoder().encode(text), 'a.txt');
  // 鄂州 2019: one blank between cells, an empty cell written as one blank
  const ezhou = [
    '项目支出绩效自评表',
    '项目名称 购买第三方服务',
    '主管部门 市财政局 实施单位 市财政局',
    '项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分',
    '(万元)',
    '  年度资金总额 287 287 171 10 60% 6',
    '  其中:当年财政拨款 287 287 171  ',
    '年度总体目标 预期目标 实际完成情况',
    '  287 171',
  ];

  it('splits one blank between cells and reads a blank for each empty cell', () => {
    expect(blankCells('项目资金   年初预算数 分值')).toEqual(['项目资金', '', '年初预算数', '分值']);
    expect(blankCells('  年度资金总额 287')).toEqual(['', '年度资金总额', '287']);
    expect(blankCells('171 15  ')).toEqual(['171', '15', '']);
    expect(blankCells('分值\u3000得分\u00a0总分')).toEqual(['分值', '得分', '总分']);
    expect(blankCells('   仅一格   ')).toBeNull();
    expect(blankCells('分值  得分')).toBeNull();
    expect(blankCells('   分值 得分')).toBeNull();
    expect(blankCells('a\tb c')).toBeNull();
  });

  it('rebuilds the rows with their lines, span 1, a short line between rows kept as its own row', async () => {
    const doc = await read(ezhou.join('\n'));
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(table?.line).toBe(2);
    expect(cellTexts(table?.rows ?? [])).toEqual([
      ['项目名称', '购买第三方服务'],
      ['主管部门', '市财政局', '实施单位', '市财政局'],
      ['项目资金', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['(万元)'],
      ['', '年度资金总额', '287', '287', '171', '10', '60%', '6'],
      ['', '其中:当年财政拨款', '287', '287', '171', ''],
      ['年度总体目标', '预期目标', '实际完成情况'],
      ['', '287', '171'],
    ]);
    expect(table?.rows.map((r) => r[0]?.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(table?.rows.flat().every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
    expect(doc.lines[0]?.table).toBeUndefined();
    expect(doc.lines[8]?.table).toBe(0);
  });

  // 鄂州 2019: the indicator block, its header over two lines, each row one empty cell wider than the header
  const indicatorBlock = [
    '一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施',
    '指标值 完成值',
    '   ',
    '   ',
    '  产出指标 数量指标 服务对象人数 100人次 100人次 15 15  ',
    '    质量指标 服务达标率 80% 80% 20 20  ',
    '    成本指标 计划完成率 90% 60% 20 10 部分项目延续至下年',
    '    社会效益 财政工作运行效率 ≥80% ≥80% 15 15  ',
    '指标',
    '  满意度 服务对象满意度指标 受益群体满意度 90% 90% 15 15  ',
    '指标',
    '总分 100 90  ',
  ];

  it('joins a header with the line under it that completes its captions, and aligns rows wider by empty leading cells from the right', async () => {
    const doc = await read(indicatorBlock.join('\n'));
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(cellTexts(table?.rows ?? [])).toEqual([
      ['一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '服务对象人数', '100人次', '100人次', '15', '15', ''],
      ['', '质量指标', '服务达标率', '80%', '80%', '20', '20', ''],
      ['', '成本指标', '计划完成率', '90%', '60%', '20', '10', '部分项目延续至下年'],
      // a cell's second line joined to the cell it completes to a level name
      ['', '社会效益\n指标', '财政工作运行效率', '≥80%', '≥80%', '15', '15', ''],
      ['满意度\n指标', '服务对象满意度指标', '受益群体满意度', '90%', '90%', '15', '15', ''],
      ['总分', '100', '90', ''],
    ]);
    expect(table?.rows.map((r) => r[0]?.line)).toEqual([1, 5, 6, 7, 8, 10, 12]);
    expect(doc.lines.map((l) => l.table)).toEqual(indicatorBlock.map(() => 0));
  });

  it('joins a header only with captions placed in one way, never with a row of data', () => {
    expect(joinedCells(['一级指标', '三级指标', '年度', '实际', '分值', '得分'], '指标值 完成值')).toEqual(['一级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分']);
    // a row of data under a header: nothing it would make is a caption
    expect(joinedCells(['一级指标', '三级指标', '年度', '实际', '分值', '得分'], '产出指标 办证 800 1008 5 5')).toBeNull();
    expect(joinedCells(['一级指标', '三级指标', '年度', '实际', '分值', '得分'], '  产出指标 数量指标 服务对象人数 100人次 100人次 15 15  ')).toBeNull();
    // a caption that is whole already is not continued; a word that completes two cells is not placed
    expect(joinedCells(['一级指标', '年度指标值', '分值'], '指标值')).toBeNull();
    expect(joinedCells(['年初', '全年', '分值'], '预算数')).toBeNull();
    // every word must be placed, in order
    expect(joinedCells(['年度', '实际', '分值'], '完成值 指标值')).toBeNull();
    expect(joinedCells(['年度', '实际', '分值'], '指标值 完成值 备注')).toBeNull();
    expect(joinedCells(['项目资金', '', '年初预算数', '分值'], '(万元)')).toBeNull();
  });

  it('aligns a wider row from the right only where its surplus cells are empty and only so its numbers fall under 分值 and 得分', () => {
    const header = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    expect(alignedRight(['', '', '质量指标', '服务达标率', '80%', '80%', '20', '20', ''], header)).toEqual(['', '质量指标', '服务达标率', '80%', '80%', '20', '20', '']);
    // a surplus leading cell that is written: not shifted
    expect(alignedRight(['x', '', '质量指标', '服务达标率', '80%', '80%', '20', '20', ''], header)).toBeNull();
    // placed from the left the numbers fit as well (which is right cannot be told): not shifted
    expect(alignedRight(['', '产出指标', '数量指标', '人数', '100', '100', '15', '15', ''], header)).toBeNull();
    // placed from the right they do not fit: not shifted
    expect(alignedRight(['', '', '质量指标', '服务达标率', '80%', '80%', '20', '20%', '好'], header)).toBeNull();
    // a header without number captions says nothing about where the cells go
    expect(alignedRight(['', 'a', 'b'], ['预期目标', '实际完成情况'])).toBeNull();
    expect(alignedRight(['', '质量指标', '20'], header)).toBeNull();
  });

  it('ends the table at a wider row whose surplus leading cell is written (its columns cannot be placed)', async () => {
    const text = [...indicatorBlock.slice(0, 7), 'x   时效指标 完成时限 2019年 2019年 15 15  ', ...indicatorBlock.slice(7)].join('\n');
    const doc = await read(text);
    expect(doc.tables).toHaveLength(1);
    expect(cellTexts(doc.tables[0]?.rows ?? []).map((r) => r[2])).toEqual(['三级指标', '服务对象人数', '服务达标率', '计划完成率']);
    expect(doc.lines[7]?.table).toBeUndefined();
    // and the rows after it are no table of their own
    expect(doc.lines.slice(7).every((l) => l.table === undefined)).toBe(true);
  });

  it('keeps a short line between rows as a row of its own where it completes no cell, or several', async () => {
    const doc = await read(ezhou.concat(['指标', '  287 171']).join('\n'));
    expect(cellTexts(doc.tables[0]?.rows ?? []).slice(-2)).toEqual([['指标'], ['', '287', '171']]);
    expect(joinedCells(['', '社会效益', '经济效益', '15', '15'], '指标')).toBeNull();
    expect(joinedCells(['', '社会效益', '财政工作运行效率', '15', '15'], '指标')).toEqual(['', '社会效益\n指标', '财政工作运行效率', '15', '15']);
  });

  it('leaves columns run together without any empty cell to the importer (it splits numbers only where certain)', async () => {
    const text = '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 办证 10 13 5 5\n办理不动产登记证 800 10085 5\n绿色矿山建设 4 4 5 5\n';
    expect((await read(text)).tables).toEqual([]);
  });

  it('takes no narrative, poem, list, address or single row for a table', async () => {
    const texts = [
      '我局认真落实  各项工作，  取得了良好成效。\n根据县财政局的通知精神，  我局对2022年预算支出  进行了全面综合评价。\n下一步将  加强部门绩效目标编报基础工作。\n',
      '床前明月光  疑是地上霜\n举头望明月  低头思故乡\n春眠不觉晓  处处闻啼鸟\n',
      '一、 加强管理\n二、 提高效率\n三、 完善制度\n四、 强化监督\n',
      '地址：湖北省 鄂州市 滨湖南路 1号\n电话：0711  3200000\n邮编：436000  \n',
      '项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分\n',
      '填报单位：衡阳县自然资源局         \n填报时间：2023年2月20日   \n',
      // fixed-width text (pdftotext -layout): runs of blanks of any length, left to other readings
      '一级指标    二级指标    三级指标      分值    得分\n产出指标    数量指标    办证          5       5\n            质量指标    合格率        5       4\n',
    ];
    for (const text of texts) expect((await read(text)).tables, text).toEqual([]);
  });

  it('property: random lines never crash, and lines without a blank between two words are never a table', async () => {
    const word = fc.stringMatching(/^[\u4e00-\u4e2f0-9%，。]{1,12}$/u);
    const line = fc.tuple(fc.stringMatching(/^[ \u3000]{0,3}$/u), word, fc.stringMatching(/^[ \u3000]{0,3}$/u)).map(([a, w, b]) => a + w + b);
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
      const doc = await read(lines.join('\n'));
      expect(doc.tables).toEqual([]);
    }), { numRuns: 200 });
    const any = fc.array(fc.stringMatching(/^[ \u3000\u00a0a-z0-9分值得分项目资金，。%]{0,30}$/u), { minLength: 1, maxLength: 10 });
    await fc.assert(fc.asyncProperty(any, async (lines) => {
      const text = lines.join('\n');
      if (text.trim() === '') return;
      const doc = await read(text);
      expect(doc.lines.length).toBe(lines.length - trailingBlankLines(lines));
    }), { numRuns: 200 });
  });
});

describe('tables of one cell per line ending with " |" (a web page saved as text)', () => {
  const read = (text: string) => readDocument(new TextEncoder().encode(text), 'a.txt');
  // 巴彦淖尔 2024: "|" opens a row, a lone "|" in it is an empty cell, "|||" pads the row to the width (12 here, 5 below)
  const table = [
    '|', '项目支出绩效自评表 |', '||||',
    '|', '项目名称 |', '某项目 |', '|||',
    '|', '项目资金 |', '|', '全年预算数 |', '全年执行数 |', '执行率 |',
    '|', '其他资金 |', '1.8 |', '1.8 |', '0 |', '|',
    '|', '一级指标 |', '二级指标 |', '分值 |', '||',
    '|', '数量指标 |', '8 |', '|||',
  ];

  it('rebuilds the rows (padding not being cells), each cell with its line, span 1', async () => {
    const doc = await read(['报告', '', ...table, '说明文字'].join('\n'));
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.line).toBe(3);
    expect(cellTexts(doc.tables[0]?.rows ?? [])).toEqual([
      ['项目支出绩效自评表'],
      ['项目名称', '某项目'],
      ['项目资金', '', '全年预算数', '全年执行数', '执行率'],
      ['其他资金', '1.8', '1.8', '0', ''],
      ['一级指标', '二级指标', '分值'],
      ['数量指标', '8'],
    ]);
    expect(doc.tables[0]?.rows[3]?.map((c) => c.line)).toEqual([17, 18, 19, 20, 21]);
    expect(doc.tables[0]?.rows.flat().every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
    expect(doc.lines[1]?.table).toBeUndefined();
    expect(doc.lines[table.length + 1]?.table).toBe(0);
    expect(doc.lines[table.length + 2]?.table).toBeUndefined();
  });

  it('takes no table where rows cannot be told apart: no padding (青神 2023), padding of different widths, a single row', async () => {
    const unpadded = ['|', '|', '项目名称 |', '某项目 |', '主管部门 |', '某局 |', '年初预算 |', '238.93 |', '权重 |', '10 |'];
    const uneven = ['|', '项目名称 |', '某项目 |', '|||', '|', '主管部门 |', '某局 |', '||||||', '|', '分值 |', '10 |', '|||'];
    const single = ['|', '项目名称 |', '某项目 |', '|||'];
    for (const lines of [unpadded, uneven, single]) expect((await read(lines.join('\n'))).tables).toEqual([]);
  });
});

const trailingBlankLines = (lines: readonly string[]): number => {
  let n = 0;
  for (let i = lines.length - 1; i > 0 && /^[\s\u3000\u00a0]*$/u.test(lines[i] ?? ''); i--) n++;
  return n;
};

describe('encodings', () => {
  const text = '部门整体支出绩效自评表\n\t编制数\n\t控制率\n\n\t716\n\t87.15%\n';
  const utf16 = (s: string, bigEndian: boolean, bom: boolean) => {
    const out: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
    for (const ch of s) {
      const c = ch.charCodeAt(0);
      out.push(...(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8]));
    }
    return new Uint8Array(out);
  };

  it.each([
    ['UTF-8', new TextEncoder().encode(text)],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])],
    ['UTF-16LE with BOM', utf16(text, false, true)],
    ['UTF-16BE with BOM', utf16(text, true, true)],
    ['UTF-16LE without BOM', utf16(text, false, false)],
  ])('%s', async (_name, bytes) => {
    const doc = await readDocument(bytes, 'a.txt');
    expect(doc.lines[0]?.text).toBe('部门整体支出绩效自评表');
    expect(cellTexts(doc.tables[0]?.rows ?? [])).toEqual([['编制数', '控制率'], ['716', '87.15%']]);
  });

  it('GB18030 (a file saved by Notepad on a Chinese Windows)', async () => {
    const doc = await readDocument(fixture('tricky-gb18030.txt'), 'tricky-gb18030.txt');
    const utf8 = new TextDecoder().decode(fixture('tricky-excerpt.txt'));
    expect(doc.lines.map((l) => l.text).join('\n')).toBe(utf8.replace(/\n$/u, ''));
    expect(doc.tables.length).toBeGreaterThan(0);
  });

  it('refuses binary content and empty text with a Chinese message naming the file', async () => {
    await expect(readDocument(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10]), '扫描件.txt')).rejects.toMatchObject({
      code: 'file-unsupported', message: expect.stringContaining('扫描件.txt'),
    });
    await expect(readDocument(new TextEncoder().encode(' \n\u3000\n'), '空白.txt')).rejects.toMatchObject({ code: 'file-empty' });
  });
});

describe('fast paths give what the platform gives', () => {
  const fatal = (b: Uint8Array): string | null => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      return null;
    }
  };

  it('utf8OrNull is the fatal UTF-8 decoder: the same text, or null where it throws', () => {
    // well-formed text (any code point; lone surrogates are encoded as U+FFFD) around at most one doubtful sequence:
    // a lead byte (or a stray one) with continuation-like bytes — overlong forms, surrogates, values past U+10FFFF,
    // sequences cut short — so that the doubtful sequence alone decides
    const text = fc.string({ unit: 'binary', maxLength: 8 }).map((t) => [...new TextEncoder().encode(t)]);
    const doubtful = fc.tuple(fc.integer({ min: 0x80, max: 0xff }), fc.array(fc.integer({ min: 0x7e, max: 0xc1 }), { maxLength: 3 }));
    fc.assert(
      fc.property(text, fc.option(doubtful), text, fc.boolean(), (before, odd, after, bom) => {
        const b = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...before, ...(odd ? [odd[0], ...odd[1]] : []), ...after]);
        expect(utf8OrNull(b)).toBe(fatal(b));
      }),
      { numRuns: 20_000 },
    );
    for (let lead = 0x80; lead <= 0xff; lead++) {
      for (let c1 = 0x7e; c1 <= 0xc1; c1++) {
        for (const rest of [[], [0x80], [0x80, 0x80]]) {
          const b = new Uint8Array([0x61, lead, c1, ...rest, 0x62]);
          expect(utf8OrNull(b), `${lead.toString(16)} ${c1.toString(16)} ${rest.length}`).toBe(fatal(b));
          expect(utf8OrNull(b.subarray(0, -1))).toBe(fatal(b.subarray(0, -1)));
        }
      }
    }
    const seed = seedBytes();
    expect(utf8OrNull(seed)).toBe(fatal(seed));
    // past the reused buffer's 64 KiB, then a short text again (nothing left over from the long one)
    const long = new Uint8Array([...seed, ...seed, ...seed, ...seed]);
    expect(long.length).toBeGreaterThan(1 << 16);
    expect(utf8OrNull(long)).toBe(fatal(long));
    expect(utf8OrNull(new TextEncoder().encode('部门'))).toBe('部门');
  });

  it('trimmedLength is the length trim leaves', () => {
    const piece = fc.constantFrom('a', '部门', ' ', '\u3000', '\u00a0', '\t', '\n', '\u200b', '\ufeff', '\u2003', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(trimmedLength(text)).toBe(text.trim().length);
      }),
      { numRuns: 2000 },
    );
  });

  it('splitLines is the split on every line terminator', () => {
    const piece = fc.constantFrom('a', '部门', '\r', '\n', '\r\n', '\u2028', '\u2029', '\ufeff', '\t', ' ', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(splitLines(text)).toEqual(text.replace(/^\ufeff/u, '').split(/\r\n|\r|\n|\u2028|\u2029/u));
      }),
      { numRuns: 3000 },
    );
  });
});

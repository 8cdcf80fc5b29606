import { describe, expect, it } from 'vitest';
import { gridsFrom, joinWrapped } from './pdf-tables.ts';
import { pageLines } from './pdf.ts';
import { readDocument } from './read-document.ts';
import { fixture, seedBytes } from './testing.ts';

const spans = (rows: readonly (readonly { text: string; col: number; rowSpan: number; colSpan: number }[])[]) =>
  rows.map((r) => r.map((c) => `${c.text}@${c.col}${c.rowSpan > 1 || c.colSpan > 1 ? `:${c.rowSpan}x${c.colSpan}` : ''}`));

describe('PDF reader on the seed printed by LibreOffice', async () => {
  const doc = await readDocument(fixture('hengyang-2022.pdf'), 'hengyang-2022.pdf');

  it('rebuilds the tables from their ruling lines, merged cells as spans', () => {
    expect(doc.format).toBe('pdf');
    const basic = doc.tables.find((t) => t.rows[0]?.[0]?.text === '财政供养人员情况');
    expect(spans(basic?.rows.slice(0, 4) ?? [])).toEqual([
      ['财政供养人员情况@0:2x1', '编制数@1', '年末实际在职人数@2', '控制率@3'],
      ['716@1', '645@2', '87.15%@3'],
      ['经费控制情况@0', '当年决算数@1', '当年预算数@2', '上年决算数@3'],
      ['一、部门基本支出@0', '7,514.90@1', '5,947.80@2', '6,468.11@3'],
    ]);
    const indicators = doc.tables.find((t) => t.rows[0]?.some((c) => c.text === '三级指标'));
    expect(spans(indicators?.rows.slice(0, 3) ?? [])).toEqual([
      ['绩效指标@0:11x1', '一级指标@1', '二级指标@2', '三级指标@3', '年度指标值@4', '实际完成值@5', '分值@6', '得分@7'],
      ['产出指标（50分）@1:10x1', '数量指标@2:6x1', '摸排化解房地产历史遗留办证@3', '10@4', '13@5', '5@6', '5@7'],
      ['办理不动产登记证@3', '800@4', '1008@5', '5@6', '5@7'],
    ]);
  });

  it('joins amounts wrapped in narrow cells and lines wrapped by the page into paragraphs', async () => {
    const seed = new TextDecoder().decode(seedBytes());
    const texts = doc.lines.map((l) => l.text);
    // a duty that wraps at the right margin comes back as one line, as the seed writes it
    expect(texts).toContain('（十四）推进国土资源科技进步，组织制定和实施全县国土资源科技发展和人才培养战略、规划和计划，组织实施重大科技专项，推进国土资源信息化和信息资料的公共服务。');
    expect(seed).toContain('（十四）推进国土资源科技进步，组织制定和实施全县国土资源科技发展和人才培养战略、规划和计划，组织实施重大科技专项，推进国土资源信息化和信息资料的公共服务。');
    // the sign-off stays two lines
    const at = texts.lastIndexOf('衡阳县自然资源局');
    expect(texts[at + 1]?.replace(/\s/gu, '')).toBe('2023年2月20日');
    expect(doc.lines.find((l) => l.text === '一、部门基本情况')?.where).toBe('第 1 页');
  });

  it('refuses a PDF without a text layer (a scan) and an encrypted PDF, naming the file', async () => {
    await expect(readDocument(fixture('bad/scanned.pdf'), '扫描件.pdf')).rejects.toMatchObject({ code: 'pdf-no-text', message: expect.stringContaining('「扫描件.pdf」') });
    await expect(readDocument(fixture('bad/encrypted.pdf'), '加密.pdf')).rejects.toMatchObject({ code: 'file-encrypted', message: expect.stringContaining('「加密.pdf」') });
  });
});

describe('PDF text layout', () => {
  const item = (str: string, x: number, y: number, size = 10, width = str.length * size) => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });

  it('groups items by baseline, top first; a wide gap is a tab, a small one a space between Latin text', () => {
    const lines = pageLines([
      item('第二行', 72, 700), item('项目', 72, 720), item('资金', 92, 720), item('386.88', 300, 720, 10, 30),
      item('GB/T', 72, 680, 10, 20), item('30600', 95, 680, 10, 25),
    ]);
    expect(lines).toEqual(['项目资金\t386.88', '第二行', 'GB/T 30600']);
  });

  it('drops the single spaces a justified Chinese line carries in its text runs, keeps Latin spaces and column gaps', () => {
    const lines = pageLines([
      item('万 元， 其 中 财 政 拨 款8,275.80万 元（ 一般公 共 预 算', 72, 720, 10, 300),
      item('GB/T 9704  附件', 72, 700, 10, 120),
      item('⑥ 2022年 1. 高位', 72, 680, 10, 120),
    ]);
    expect(lines).toEqual(['万元，其中财政拨款8,275.80万元（一般公共预算', 'GB/T 9704  附件', '⑥2022年 1. 高位']);
  });

  it('finds a grid with a merged cell from ruling lines', () => {
    const h = (y: number, x1: number, x2: number) => ({ x1, x2, y1: y, y2: y });
    const v = (x: number, y1: number, y2: number) => ({ x1: x, x2: x, y1, y2 });
    // 2×2 grid, the left column merged over both rows (no horizontal line between them on the left)
    const grids = gridsFrom({ horizontal: [h(100, 0, 200), h(50, 100, 200), h(0, 0, 200)], vertical: [v(0, 0, 100), v(100, 0, 100), v(200, 0, 100)] });
    expect(grids).toHaveLength(1);
    expect(grids[0]?.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([[0, 0, 2, 1], [0, 1, 1, 1], [1, 1, 1, 1]]);
  });

  it('joins lines wrapped inside a cell; a list marker starts a new paragraph', () => {
    expect(joinWrapped(['6,506.2', '6'])).toBe('6,506.26');
    expect(joinWrapped(['1、注重空间规划', '引领作用', '2、较好服务'])).toBe('1、注重空间规划引领作用\n2、较好服务');
  });
});

import { describe, expect, it } from 'vitest';
import { toGrid } from '../source.ts';
import { readDocument } from './read-document.ts';
import { docxOf, fixture, seedBytes } from './testing.ts';

const p = (text: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(text)}</w:tc>`;
const spans = (rows: readonly (readonly { text: string; row: number; col: number; rowSpan: number; colSpan: number }[])[]) =>
  rows.map((r) => r.map((c) => `${c.text}@${c.row},${c.col}${c.rowSpan > 1 || c.colSpan > 1 ? `:${c.rowSpan}x${c.colSpan}` : ''}`));

describe('docx reader on the seed as a Word document', async () => {
  const doc = await readDocument(fixture('hengyang-2022.docx'), 'hengyang-2022.docx');
  const seed = await readDocument(seedBytes(), 'seed.txt');

  it('reads the two attachment tables with gridSpan and vMerge as spans, exactly', () => {
    expect(doc.format).toBe('docx');
    expect(doc.tables).toHaveLength(2);
    const self = doc.tables[1];
    expect(spans(self?.rows.slice(0, 4) ?? [])).toEqual([
      ['部门资金（万元）@0,0:8x1', '@0,1:1x2', '全年预算数@0,3', '全年执行数@0,4', '预算执行率@0,5', '分值@0,6', '得分@0,7'],
      ['年度资金总额　@1,1:1x2', '17,485.15@1,3', '17,485.15　@1,4', '　100%@1,5', '10@1,6', '10@1,7'],
      ['按收入性质分类@2,1:1x3', '按支出性质分类　　@2,4:1x4'],
      ['一般公共预算拨款@3,1:1x2', '13,749.75@3,3', '基本支出@3,4:1x3', '@3,7'],
    ]);
    expect(spans(self?.rows.slice(10, 13) ?? [])).toEqual([
      ['绩效指标@10,0:11x1', '一级\n\n指标@10,1', '二级指标@10,2', '三级指标　@10,3', '年度指标值@10,4', '实际完成值@10,5', '分值@10,6', '得分@10,7'],
      ['产出\n\n指标\n\n（50分）@11,1:10x1', '数量指标@11,2:6x1', '摸排化解房地产历史遗留办证@11,3', '　10@11,4', '13@11,5', '5@11,6', '5@11,7'],
      ['办理不动产登记证@12,3', '　800@12,4', '1008@12,5', '5@12,6', '5@12,7'],
    ]);
    expect(spans(self?.rows.slice(25, 29) ?? [])).toEqual([
      ['满意度\n\n指标\n\n（10分）@25,1:3x1', '社会公众或服务对象满意度指标@25,2:3x1', '　公众满意度@25,3', '≥90%@25,4', '90%以上@25,5', '10@25,6', '10@25,7'],
      ['@26,3', '@26,4', '@26,5', '@26,6', '@26,7'],
      ['@27,3', '@27,4', '@27,5', '@27,6', '@27,7'],
      ['综合评定等级@28,0', '优@28,1:1x3', '总  分@28,4:1x2', '100@28,6', '97@28,7'],
    ]);
  });

  it('holds the same texts as the seed, cell for cell (a merged cell once, at its top-left)', () => {
    for (const t of [0, 1]) {
      const fromWord = doc.tables[t]?.rows.map((r) => r.map((c) => c.text).filter((x) => x !== '')) ?? [];
      const fromText = seed.tables[t]?.rows.map((r) => r.map((c) => c.text).filter((x) => x !== '')) ?? [];
      expect(fromWord).toEqual(fromText);
    }
  });

  it('fills merged regions in toGrid as a reader sees them', () => {
    const grid = toGrid(doc.tables[1] ?? { index: 0, line: 0, rows: [] });
    expect(grid[12]?.slice(0, 4)).toEqual(['绩效指标', '产出\n\n指标\n\n（50分）', '数量指标', '办理不动产登记证']);
    expect(grid[7]?.[0]).toBe('部门资金（万元）');
  });

  it('renders Word list numbering (（一）…（十八）, 1. 2.) and heading levels', () => {
    const texts = doc.lines.map((l) => l.text);
    expect(texts).toContain('（一）承担保护和合理利用土地资源、矿产资源等自然资源的责任。');
    expect(texts).toContain('（十八）承办县人民政府交办的其他事项。');
    expect(texts.some((t) => t.startsWith('1.加强绩效评价管理制度和流程的建设'))).toBe(true);
    expect(texts.some((t) => t.startsWith('2.下一步将加强部门绩效目标编报基础工作'))).toBe(true);
    expect(doc.lines.find((l) => l.text === '一、部门基本情况')?.heading).toBe(1);
    expect(doc.lines.find((l) => l.text === '（一）经批复的预、决算情况')?.heading).toBe(2);
    expect(doc.lines.find((l) => l.text.startsWith('（一）承担'))?.heading).toBeUndefined();
  });

  it('gives each cell the line of its first paragraph, and cell lines their table', () => {
    const cell = doc.tables[1]?.rows[11]?.find((c) => c.col === 2);
    expect(doc.lines[(cell?.line ?? 0) - 1]).toEqual({ line: cell?.line, text: '数量指标', table: 1 });
  });
});

describe('docx structures', () => {
  it('gridBefore, legacy hMerge, vMerge without restart, cells in content controls', async () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}<w:sdt><w:sdtContent>${tc('C')}</w:sdtContent></w:sdt>${tc('D')}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('E', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('F')}${tc('', '<w:vMerge/>')}${tc('G')}</w:tr>
    </w:tbl>`;
    const doc = await readDocument(docxOf(body), 'x.docx');
    expect(spans(doc.tables[0]?.rows ?? [])).toEqual([
      ['A@0,0:2x1', 'B@0,1:1x2'],
      ['C@1,1', 'D@1,2'],
      ['E@2,1:1x2'],
      ['F@3,0', '@3,1', 'G@3,2'],
    ]);
  });

  it('keeps insertions, drops deletions and field codes, splits at line breaks, reads tabs and text boxes', async () => {
    const body = `<w:p><w:r><w:t>预算</w:t></w:r><w:ins><w:r><w:t>执行率</w:t></w:r></w:ins><w:del><w:r><w:delText>完成率</w:delText></w:r></w:del>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
      <w:r><w:tab/><w:t>84.11%</w:t><w:br/><w:t>第二行</w:t></w:r>
      <w:r><w:drawing><wp:inline xmlns:wp="wp"><w:txbxContent>${p('文本框里的字')}</w:txbxContent></wp:inline></w:drawing></w:r></w:p>
      <w:p><w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>与标记</w:t></w:r></w:smartTag></w:p>`;
    const doc = await readDocument(docxOf(body), 'x.docx');
    expect(doc.lines.map((l) => l.text)).toEqual(['预算执行率3\t84.11%', '第二行', '文本框里的字', '链接文字与标记']);
    expect(doc.warnings).toEqual(['文档中有 1 个文本框，其文字已按所在段落之后的顺序读出']);
  });

  it('reads a table nested in a cell as a table of its own and as the cell’s text', async () => {
    const inner = `<w:tbl><w:tr>${tc('内1')}${tc('内2')}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr>${tc('外')}<w:tc>${p('上')}${inner}</w:tc></w:tr></w:tbl>`;
    const doc = await readDocument(docxOf(body), 'x.docx');
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0]?.rows[0]?.[1]?.text).toBe('上\n内1\t内2');
    expect(doc.tables[1]?.rows[0]?.map((c) => c.text)).toEqual(['内1', '内2']);
  });

  it('numbers lists as Word does: levels, restarts, start overrides, Chinese and enclosed formats', async () => {
    const lvl = (ilvl: number, fmt: string, text: string, start = 1) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}${lvl(3, 'decimalEnclosedParen', '%4')}${lvl(4, 'decimalEnclosedCircle', '%5')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.', 5)}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>`;
    const np = (text: string, numId: number, ilvl: number) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    const body = [
      np('基本情况', 1, 0), np('机构', 1, 1), np('职责', 1, 1), np('甲', 1, 2), np('乙', 1, 3), np('丙', 1, 4),
      np('支出情况', 1, 0), np('预算', 1, 1), np('第九项', 2, 0), np('第十项', 2, 0),
    ].join('');
    const doc = await readDocument(docxOf(body, { numbering }), 'x.docx');
    expect(doc.lines.map((l) => l.text)).toEqual([
      '一、基本情况', '（一）机构', '（二）职责', '1.甲', '⑴ 乙', '① 丙', '二、支出情况', '（一）预算', '9.第九项', '10.第十项',
    ]);
  });

  it('takes heading levels from styles (based-on chains) and outline levels', async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="我的标题"/><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="O2"><w:name w:val="outline"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const body = p('一级', '<w:pStyle w:val="Mine"/>') + p('二级', '<w:pStyle w:val="O2"/>') + p('正文') + p('三级', '<w:outlineLvl w:val="2"/>');
    const doc = await readDocument(docxOf(body, { styles }), 'x.docx');
    expect(doc.lines.map((l) => [l.text, l.heading])).toEqual([['一级', 1], ['二级', 2], ['正文', undefined], ['三级', 3]]);
  });
});

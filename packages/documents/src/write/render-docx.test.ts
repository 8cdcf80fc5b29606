import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toGrid } from '../source.ts';
import { buildDocument } from './build-document.ts';
import { bodyGrid, GB_T_9704 } from './page-profile.ts';
import { readDocx } from './read-back.ts';
import { columnWidths, renderDocx, titleLines } from './render-docx.ts';
import { loadExample } from './test-support.ts';

describe('renderDocx — the seed', async () => {
  const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
  const doc = buildDocument(evaluation, scheme);
  const bytes = await renderDocx(doc);
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml'] as Uint8Array);
  const back = readDocx(bytes);
  const grid = bodyGrid(GB_T_9704);

  it('has an A4 portrait section for the report and landscape sections for the attachments, with GB/T 9704 edges', () => {
    expect(back.sections).toEqual([
      { width: 11906, height: 16838, orientation: 'portrait' },
      { width: 16838, height: 11906, orientation: 'landscape' },
      { width: 16838, height: 11906, orientation: 'landscape' },
    ]);
    const margins = [...xml.matchAll(/<w:pgMar ([^>]*)\/>/gu)].map((m) => {
      const attr = (name: string): number => Number(new RegExp(`w:${name}="(\\d+)"`, 'u').exec(m[1] ?? '')?.[1]);
      return [attr('top'), attr('right'), attr('bottom'), attr('left')];
    });
    // portrait: 37 / 26 / 35 / 28 mm; landscape: the same block turned (28 / 37 / 26 / 35 mm)
    expect(margins).toEqual([[2098, 1475, 1984, 1587], [1587, 2098, 1475, 1984], [1587, 2098, 1475, 1984]]);
  });

  it('sets the body in 3号 仿宋 with an exact line of the grid, a 2-character indent and condensed spacing', () => {
    const body = /<w:p>(?:(?!<\/w:p>).)*?基本支出是用于维持单位的正常运转(?:(?!<\/w:p>).)*<\/w:p>/su.exec(xml)?.[0] ?? '';
    expect(body.includes(`w:line="${grid.line}" w:lineRule="exact"`)).toBe(true);
    expect(body.includes(`<w:ind w:firstLine="${grid.firstLineIndent}"/>`)).toBe(true);
    expect(body.includes('w:eastAsia="仿宋_GB2312"')).toBe(true);
    expect(body.includes('<w:sz w:val="32"/>')).toBe(true);
    expect(body.includes(`<w:spacing w:val="${grid.characterSpacing}"/>`)).toBe(true);
  });

  it('uses 小标宋 for the title, 黑体 and 楷体 for the heading levels, in black', () => {
    const styles = strFromU8(files['word/styles.xml'] as Uint8Array);
    const style = (id: string): string => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`, 'u').exec(styles)?.[0] ?? '';
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(style('Heading1')).toContain('<w:color w:val="000000"/>');
    expect(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>[^]*?衡阳县自然资源局/u.test(xml)).toBe(true);
    expect(back.paragraphs.slice(0, 2)).toEqual(['衡阳县自然资源局', '部门整体支出绩效自评报告']);
  });

  it('lists every face in the font table with its other name and the GB2312 character set, for Word and WPS', () => {
    const table = strFromU8(files['word/fontTable.xml'] as Uint8Array);
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>');
    expect(table).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(table).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="FZXiaoBiaoSong-B05S"/>');
    expect(table).toContain('<w:font w:name="宋体"><w:altName w:val="SimSun"/>');
  });

  it('numbers pages “— 1 —” on the right of odd pages and the left of even pages', () => {
    const settings = strFromU8(files['word/settings.xml'] as Uint8Array);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(xml.includes('<w:footerReference w:type="default"')).toBe(true);
    expect(xml.includes('<w:footerReference w:type="even"')).toBe(true);
    expect(new Set(back.footers)).toEqual(new Set(['— {PAGE} —']));
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/u.test(f)).map((f) => strFromU8(files[f] as Uint8Array));
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    for (const f of footers) expect(f).toContain('w:eastAsia="宋体"');
  });

  it('writes the attachment tables with merged cells (gridSpan and vMerge) and single borders', () => {
    expect(back.tables).toHaveLength(2); // 附件1-2 is written in two parts and read back as one
    expect(xml.includes('<w:gridSpan w:val="2"/>')).toBe(true);
    expect(xml.includes('<w:vMerge w:val="restart"/>')).toBe(true);
    expect(xml.includes('<w:top w:val="single" w:color="000000" w:sz="4"/>')).toBe(true);
    const selfEvaluation = back.tables[1];
    if (!selfEvaluation) throw new Error('附件1-2 没有读出');
    // 绩效指标 beside the column header row; an empty cell merged down the 14 indicator rows
    const indicatorLabel = selfEvaluation.rows.flat().find((c) => c.text === '绩效指标');
    expect(indicatorLabel?.rowSpan).toBe(1);
    expect(selfEvaluation.rows.flat().find((c) => c.col === 0 && c.text === '' && c.rowSpan === 14)).toBeDefined();
    const output = selfEvaluation.rows.flat().find((c) => c.text === '产出指标（50分）');
    expect(output?.rowSpan).toBe(10);
    const grid = toGrid(selfEvaluation);
    expect(grid.every((row) => row.length === 8)).toBe(true);
  });

  it('keeps rows whole, repeats the 自评表 column header row on every page, and keeps headings and the 落款 with what follows', () => {
    const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gsu)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    const headerRows = rows.filter((r) => r.includes('<w:tblHeader/>'));
    expect(headerRows.map((r) => [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('|'))).toEqual([
      '经费控制情况|当年决算数|当年预算数|上年决算数',
      '绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分',
    ]);
    const paragraph = (text: string): string => new RegExp(`<w:p>(?:(?!</w:p>).)*${text}(?:(?!</w:p>).)*</w:p>`, 'su').exec(xml)?.[0] ?? '';
    expect(paragraph('衡阳县自然资源局</w:t></w:r></w:p><w:p><w:pPr><w:jc w:val="right"/>')).toBe('');
    for (const text of ['附件：1.部门整体支出绩效评价基础数据表', '2.下一步将加强部门绩效目标编报基础工作', '七、存在的主要问题']) {
      expect(paragraph(text), text).toContain('<w:keepNext/>');
    }
    expect(paragraph('1.加强绩效评价管理制度和流程的建设')).not.toContain('<w:keepNext/>');
  });
});

describe('columnWidths and titleLines', () => {
  it('makes every column wide enough for its longest number, in one line', async () => {
    const { evaluation, scheme } = loadExample('clean-department-2023');
    const table = buildDocument(evaluation, scheme).sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'attachment').at(-1);
    if (table?.kind !== 'attachment') throw new Error('没有自评表');
    const widths = columnWidths(table.table, 13_000, 21, 57);
    expect(widths.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(13_000);
    // 得分 97.92: five characters of half width at 10.5 pt plus the margins
    expect(widths.at(-1)).toBeGreaterThanOrEqual(Math.ceil(2.5 * 210) + 2 * 57);
    expect(widths.at(-2)).toBeGreaterThanOrEqual(Math.ceil(1.5 * 210) + 2 * 57);
  });

  it('breaks a long title between words, never inside 支出绩效 or 自评报告', () => {
    expect(titleLines('某县农业农村局2023年度部门整体支出绩效自评报告', 20)).toEqual(['某县农业农村局2023年度', '部门整体支出绩效自评报告']);
    expect(titleLines('部门整体支出绩效自评报告', 20)).toEqual(['部门整体支出绩效自评报告']);
    expect(titleLines('衡阳县自然资源局2022年度高标准农田建设项目支出绩效自评报告', 20)).toEqual(['衡阳县自然资源局2022年度', '高标准农田建设项目支出绩效自评报告']);
  });
});

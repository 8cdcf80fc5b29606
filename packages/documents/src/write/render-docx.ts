/**
 * The declarative document as a .docx: one portrait section for the report and one landscape section per
 * attachment, laid out by the page profile (GB/T 9704 by default): A4, white edges, fixed line height and
 * character spacing that give 22 lines × 28 characters, heading fonts by level, title in 小标宋, page
 * numbers "— 1 —" right on odd pages and left on even pages, tables with merged cells and single borders.
 *
 * Reference: GB/T 9704-2012 §5–§7; STACK.md §2 (docx 9.15.2 checks) and pitfall 12 (exact twips, heading
 * colours, East-Asian font attributes).
 * @module
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph,
  type ParagraphChild, TabStopType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { AttachmentBlock, Cell, ParagraphBlock, ReportDocument, TableModel } from './document-model.ts';
import { cellPositions as cellPositionsOf } from './render-xlsx.ts';
import { bodyGrid, GB_T_9704, type PageProfile, pageGeometry, type TextStyle } from './page-profile.ts';

export type DocxOptions = {
  readonly profile?: PageProfile;
};

const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

function run(style: TextStyle, text: string, characterSpacing?: number): TextRun {
  return new TextRun({
    text,
    font: fontOf(style.font),
    size: style.size,
    ...(style.bold ? { bold: true } : {}),
    ...(characterSpacing ? { characterSpacing } : {}),
    color: '000000',
  });
}

/** Width of a text in characters of its size: CJK and full-width count 1, others ½. */
export function textWidthInCharacters(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) < 0x100 ? 0.5 : 1;
  return width;
}

/**
 * Column widths (twips) from the content: each column is at least as wide as its longest unbreakable run —
 * a number (97.92, 17,485.15, 87.15%) or a heading word of at most four characters — in the table font, plus
 * the cell margins; what is left of the width is shared by the relative widths of the model.
 */
export function columnWidths(model: TableModel, width: number, fontHalfPoints: number, margin: number): number[] {
  const em = fontHalfPoints * 10;
  const need = model.columns.map(() => 0);
  for (const { cell, col } of cellPositionsOf(model.rows)) {
    if ((cell.colSpan ?? 1) > 1) continue;
    const runs = cell.text.split(/[\s\u3000]+/u).flatMap((t) => t.match(/[0-9０-９.,%％≥≤<>＜＞+-]+|[^0-9０-９.,%％≥≤<>＜＞+-]{1,4}/gu) ?? []);
    const longest = Math.max(0, ...runs.map(textWidthInCharacters));
    need[col] = Math.max(need[col] ?? 0, Math.ceil(longest * em) + 2 * margin + 40);
  }
  const totalWeight = model.columns.reduce((s, w) => s + w, 0);
  const byWeight = model.columns.map((w) => Math.floor((w / totalWeight) * width));
  const short = byWeight.map((w, i) => Math.max(0, (need[i] ?? 0) - w));
  const extra = short.reduce((s, x) => s + x, 0);
  if (extra === 0) return byWeight;
  // take the extra from the columns with room to spare, in proportion to their room
  const room = byWeight.map((w, i) => Math.max(0, w - (need[i] ?? 0)));
  const roomTotal = room.reduce((s, x) => s + x, 0);
  if (roomTotal <= extra) return byWeight.map((w, i) => Math.max(w, need[i] ?? 0));
  const widths = byWeight.map((w, i) => (short[i] ? w + (short[i] ?? 0) : w - Math.floor(((room[i] ?? 0) / roomTotal) * extra)));
  const drift = width - widths.reduce((s, w) => s + w, 0);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = (widths[widest] ?? 0) + Math.min(0, drift);
  return widths;
}

/** Where a title may break: after the unit or project name and year, before the kind of report. */
const TITLE_BREAKS = [/(?<=年度?)(?=[^年])/gu, /(?=部门整体)/gu, /(?=项目支出)/gu, /(?=(?:整体)?支出绩效)/gu, /(?=绩效自评)/gu, /(?=自评报告)/gu];

/**
 * A title as lines of at most `perLine` characters, broken only at word boundaries (after the name and
 * year, before 部门整体 / 项目支出 / 绩效自评 / 自评报告), as evenly as possible; a title that fits is one line.
 */
export function titleLines(title: string, perLine: number): string[] {
  if (textWidthInCharacters(title) <= perLine) return [title];
  const points = new Set<number>();
  for (const re of TITLE_BREAKS) for (const m of title.matchAll(re)) if (m.index > 0 && m.index < title.length) points.add(m.index);
  let best: [string, string] | null = null;
  for (const at of points) {
    const parts: [string, string] = [title.slice(0, at), title.slice(at)];
    if (parts.some((x) => textWidthInCharacters(x) > perLine)) continue;
    const balance = Math.abs(textWidthInCharacters(parts[0]) - textWidthInCharacters(parts[1]));
    if (!best || balance < Math.abs(textWidthInCharacters(best[0]) - textWidthInCharacters(best[1]))) best = parts;
  }
  return best ?? [title];
}

/** How many rows at the end of a table are kept with the rows before them and with the lines under the table. */
const KEEP_LAST_ROWS = 3;

const HEADING = { heading1: HeadingLevel.HEADING_1, heading2: HeadingLevel.HEADING_2, heading3: HeadingLevel.HEADING_3 } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** The docx for a declarative document. */
export async function renderDocx(document: ReportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const profile = options.profile ?? GB_T_9704;
  const grid = bodyGrid(profile);
  const styles = profile.styles;
  const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

  // The date under the signature ends 4 characters from the right edge; the unit name is centred over it.
  const dateBlock = document.sections.flatMap((s) => s.blocks).find((b): b is ParagraphBlock => b.kind === 'paragraph' && b.role === 'date');
  const dateRightIndent = 4 * grid.pitch;

  /**
   * The 落款 is kept with the last lines of the body: every paragraph from the last body paragraph before the
   * attachment list down to the signature keeps with the next (and widow control keeps two lines of it).
   */
  const keptWithSignature = new Set<ParagraphBlock>();
  for (const section of document.sections) {
    const blocks = section.blocks;
    const at = blocks.findIndex((b) => b.kind === 'paragraph' && b.role === 'signature');
    for (let i = at - 1; i >= 0; i--) {
      const b = blocks[i];
      if (!b || b.kind !== 'paragraph') break;
      keptWithSignature.add(b);
      if ((b.role === 'body' || b.role === 'plain') && !/^(?:附件[:：]|[\s\u3000]+\d+[.．])/u.test(b.text)) break;
    }
  }

  function paragraph(block: ParagraphBlock): Paragraph {
    const text = block.text;
    const keepNext = keptWithSignature.has(block) ? { keepNext: true } : {};
    switch (block.role) {
      case 'title': {
        // broken at a word boundary when it does not fit one line (not 支出绩效 / 自评报告)
        const perLine = Math.floor((grid.pitch * profile.charactersPerLine) / (styles.title.size * 10));
        const lines = titleLines(text, perLine);
        const children = lines.flatMap((t, i) => [run(styles.title, t), ...(i < lines.length - 1 ? [new TextRun({ break: 1 })] : [])]);
        return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(grid.line), keepNext: true, children });
      }
      case 'heading1':
      case 'heading2':
      case 'heading3':
        return new Paragraph({
          heading: HEADING[block.role],
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(grid.line),
          indent: { firstLine: grid.firstLineIndent },
          keepNext: true,
          children: [run(styles[block.role], text, grid.characterSpacing)],
        });
      case 'body':
        return new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(grid.line),
          indent: { firstLine: grid.firstLineIndent },
          widowControl: true,
          ...keepNext,
          children: [run(styles.body, text, grid.characterSpacing)],
        });
      case 'plain':
        return new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(grid.line), ...keepNext, children: [run(styles.body, text, grid.characterSpacing)] });
      case 'signature': {
        const dateWidth = dateBlock ? textWidthInCharacters(dateBlock.text) : 0;
        const offset = Math.max(0, (dateWidth - textWidthInCharacters(text)) / 2);
        return new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exact(grid.line),
          indent: { right: Math.round(dateRightIndent + offset * grid.pitch) },
          keepNext: true,
          children: [run(styles.body, text, grid.characterSpacing)],
        });
      }
      case 'date':
        return new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exact(grid.line),
          indent: { right: dateRightIndent },
          children: [run(styles.body, text, grid.characterSpacing)],
        });
      case 'blank':
        return new Paragraph({ spacing: exact(grid.line), ...keepNext, children: [] });
    }
  }

  function cellParagraphs(cell: Cell, keepNext = false): Paragraph[] {
    const style = cell.role === 'header' ? styles.tableHeader : styles.tableBody;
    const line = Math.round(style.size * 10 * profile.table.lineFactor);
    const lines = cell.text === '' ? [''] : cell.text.split('\n');
    return lines.map((t) => new Paragraph({
      alignment: ALIGN[cell.align ?? (cell.role === 'header' ? 'center' : 'left')],
      spacing: exact(line),
      ...(keepNext ? { keepNext: true } : {}),
      children: t === '' ? [] : [run(style, t)],
    }));
  }

  /**
   * The table as one or two Word tables: with column header rows in the middle (一级指标 … 得分 under the
   * funds block), the table is split before them so that Word and LibreOffice can repeat them at the top of
   * every page the rest runs onto (a repeated header must be a table's first rows). Every row is kept whole.
   */
  function tables(model: TableModel, width: number): (Table | Paragraph)[] {
    const widths = columnWidths(model, width, styles.tableBody.size, Math.round(profile.table.cellMarginMm * (1440 / 25.4)));
    const header = model.headerRows;
    if (!header) return [table(model.rows, widths, 0)];
    if (header.start === 0) return [table(model.rows, widths, header.count)];
    const splitsMerge = model.rows.slice(0, header.start).some((cells, r) => cells.some((c) => r + (c.rowSpan ?? 1) > header.start));
    if (splitsMerge) return [table(model.rows, widths, 0)];
    return [
      table(model.rows.slice(0, header.start), widths, 0),
      // no gap between the two parts: a paragraph of 1 twip (Word needs one to keep two tables apart)
      new Paragraph({ spacing: exact(1), children: [new TextRun({ text: '', size: 2 })] }),
      table(model.rows.slice(header.start), widths, header.count),
    ];
  }

  function table(modelRows: TableModel['rows'], widths: readonly number[], headerCount: number): Table {
    const margin = Math.round(profile.table.cellMarginMm * (1440 / 25.4));
    const border = { style: BorderStyle.SINGLE, size: profile.table.borderEighthsOfPoint, color: '000000' };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    // Column positions of each row's cells, accounting for cells merged down from rows above.
    const covered: number[][] = [];
    const rows = modelRows.map((cells, r) => {
      // the last rows of a table go to the next page together (never one row alone), and with the lines under it
      const keepWithNext = r >= modelRows.length - KEEP_LAST_ROWS;
      const taken = covered[r] ?? [];
      let col = 0;
      const children = cells.map((cell) => {
        while (taken.includes(col)) col++;
        const span = cell.colSpan ?? 1;
        for (let k = 1; k < (cell.rowSpan ?? 1); k++) {
          const below = (covered[r + k] ??= []);
          for (let c = col; c < col + span; c++) below.push(c);
        }
        const cellWidth = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
        col += span;
        return new TableCell({
          children: cellParagraphs(cell, keepWithNext),
          width: { size: cellWidth, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: margin, right: margin, top: 15, bottom: 15 },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
        });
      });
      return new TableRow({ children, cantSplit: true, ...(r < headerCount ? { tableHeader: true } : {}) });
    });
    return new Table({
      rows,
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: [...widths],
      layout: TableLayoutType.FIXED,
      borders,
    });
  }

  function attachment(block: AttachmentBlock, blockWidth: number): (Paragraph | Table)[] {
    const noteLine = Math.round(styles.attachmentNote.size * 10 * 1.35);
    const out: (Paragraph | Table)[] = [
      new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(grid.line), children: [run(styles.attachmentLabel, block.label)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(Math.round(styles.attachmentTitle.size * 10 * 1.4)), children: [run(styles.attachmentTitle, block.title)] }),
    ];
    if (block.subtitle) {
      out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(noteLine), children: [run(styles.attachmentNote, block.subtitle)] }));
    }
    out.push(new Paragraph({
      spacing: exact(noteLine),
      tabStops: [{ type: TabStopType.RIGHT, position: blockWidth }],
      children: [run(styles.attachmentNote, block.headerLine[0]), new TextRun({ text: '\t', font: fontOf(styles.attachmentNote.font), size: styles.attachmentNote.size }), run(styles.attachmentNote, block.headerLine[1])],
    }));
    out.push(...tables(block.table, blockWidth));
    block.footerLines.forEach((line, i) => {
      const keepNext = i < block.footerLines.length - 1 ? { keepNext: true } : {};
      out.push(new Paragraph({ spacing: exact(noteLine), ...keepNext, children: [run(styles.attachmentNote, line)] }));
    });
    return out;
  }

  function footer(parity: 'odd' | 'even', line: number): Footer {
    const [before = '', after = ''] = profile.pageNumber.template.split('{n}');
    const style = styles.pageNumber;
    const indent = profile.pageNumber.indentCharacters * style.size * 10;
    const children: ParagraphChild[] = [
      new TextRun({ font: fontOf(style.font), size: style.size, children: [before, PageNumber.CURRENT, after] }),
    ];
    return new Footer({
      children: [new Paragraph({
        alignment: parity === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: exact(line),
        indent: parity === 'odd' ? { right: indent } : { left: indent },
        children,
      })],
    });
  }

  const sections = document.sections.map((section) => {
    const page = pageGeometry(profile, section.orientation);
    const children = section.blocks.flatMap((b) => (b.kind === 'paragraph' ? [paragraph(b)] : attachment(b, page.blockWidth)));
    return {
      properties: {
        page: {
          size: {
            width: section.orientation === 'portrait' ? page.width : page.height,
            height: section.orientation === 'portrait' ? page.height : page.width,
            orientation: section.orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
          },
          margin: { ...page.margin, header: Math.round(page.margin.top / 2), footer: page.footer, gutter: 0 },
        },
        grid: { linePitch: grid.line },
      },
      footers: { default: footer('odd', page.footerLine), even: footer('even', page.footerLine) },
      children,
    };
  });

  const headingStyle = (id: 'Heading1' | 'Heading2' | 'Heading3', name: string, style: TextStyle) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: fontOf(style.font), size: style.size, bold: style.bold ?? false, italics: false, color: '000000' },
    paragraph: { spacing: exact(grid.line), indent: { firstLine: grid.firstLineIndent }, keepNext: true },
  });

  const doc = new Document({
    title: document.title,
    creator: 'jixiao',
    description: '由 jixiao 按模型数据生成',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: fontOf(styles.body.font), size: styles.body.size }, paragraph: { spacing: exact(grid.line) } },
      },
      paragraphStyles: [
        headingStyle('Heading1', 'heading 1', styles.heading1),
        headingStyle('Heading2', 'heading 2', styles.heading2),
        headingStyle('Heading3', 'heading 3', styles.heading3),
      ],
    },
    sections,
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(doc)), profile);
}

/**
 * Word and WPS look a font up in the font table: for each face the document names, its other name (仿宋 for
 * 仿宋_GB2312, SimHei for 黑体), its character set (GB2312) and its family and pitch, so that a machine without
 * the exact font picks the nearest Chinese face of the same kind instead of a Latin default.
 */
const FONT_TABLE: Record<string, { altName: string; family: 'roman' | 'modern' | 'swiss' | 'script'; pitch: 'fixed' | 'variable' }> = {
  仿宋_GB2312: { altName: '仿宋', family: 'modern', pitch: 'fixed' },
  楷体_GB2312: { altName: '楷体', family: 'modern', pitch: 'fixed' },
  黑体: { altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  宋体: { altName: 'SimSun', family: 'roman', pitch: 'variable' },
  方正小标宋简体: { altName: 'FZXiaoBiaoSong-B05S', family: 'script', pitch: 'variable' },
};

function withFontTable(bytes: Uint8Array, profile: PageProfile): Uint8Array {
  const files = unzipSync(bytes);
  const names = [...new Set(Object.values(profile.styles).map((style) => style.font))];
  const entries = names.map((name) => {
    const known = FONT_TABLE[name];
    const esc = (t: string): string => t.replace(/&/gu, '&amp;').replace(/"/gu, '&quot;').replace(/</gu, '&lt;');
    return `<w:font w:name="${esc(name)}">${known ? `<w:altName w:val="${esc(known.altName)}"/>` : ''}<w:charset w:val="86"/>`
      + `<w:family w:val="${known?.family ?? 'auto'}"/><w:pitch w:val="${known?.pitch ?? 'variable'}"/></w:font>`;
  });
  files['word/fontTable.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    + `<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`);
  return zipSync(files);
}

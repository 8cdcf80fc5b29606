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
import type { AttachmentBlock, Cell, ParagraphBlock, ReportDocument, TableModel } from './document-model.ts';
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

  function paragraph(block: ParagraphBlock): Paragraph {
    const text = block.text;
    switch (block.role) {
      case 'title':
        return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(grid.line), children: [run(styles.title, text)] });
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
          children: [run(styles.body, text, grid.characterSpacing)],
        });
      case 'plain':
        return new Paragraph({ alignment: AlignmentType.LEFT, spacing: exact(grid.line), children: [run(styles.body, text, grid.characterSpacing)] });
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
        return new Paragraph({ spacing: exact(grid.line), children: [] });
    }
  }

  function cellParagraphs(cell: Cell): Paragraph[] {
    const style = cell.role === 'header' ? styles.tableHeader : styles.tableBody;
    const line = Math.round(style.size * 10 * profile.table.lineFactor);
    const lines = cell.text === '' ? [''] : cell.text.split('\n');
    return lines.map((t) => new Paragraph({
      alignment: ALIGN[cell.align ?? (cell.role === 'header' ? 'center' : 'left')],
      spacing: exact(line),
      children: t === '' ? [] : [run(style, t)],
    }));
  }

  function table(model: TableModel, width: number): Table {
    const total = model.columns.reduce((s, w) => s + w, 0);
    const widths = model.columns.map((w) => Math.floor((w / total) * width));
    const margin = Math.round(profile.table.cellMarginMm * (1440 / 25.4));
    const border = { style: BorderStyle.SINGLE, size: profile.table.borderEighthsOfPoint, color: '000000' };
    const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
    // Column positions of each row's cells, accounting for cells merged down from rows above.
    const covered: number[][] = [];
    const rows = model.rows.map((cells, r) => {
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
          children: cellParagraphs(cell),
          width: { size: cellWidth, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: margin, right: margin, top: 15, bottom: 15 },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
        });
      });
      // Short rows are kept whole; a row with long text may break across pages rather than leave a blank page end.
      const isShort = cells.every((cell) => cell.text.length <= 60);
      return new TableRow({ children, ...(isShort ? { cantSplit: true } : {}) });
    });
    return new Table({
      rows,
      width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnWidths: widths,
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
    out.push(table(block.table, blockWidth));
    for (const line of block.footerLines) {
      out.push(new Paragraph({ spacing: exact(noteLine), children: [run(styles.attachmentNote, line)] }));
    }
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
  return new Uint8Array(await Packer.toBuffer(doc));
}

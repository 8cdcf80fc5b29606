/**
 * The page profile: paper, white edges, text block, lines and characters, fonts of each level, page numbers.
 * It is data, so a province's or a unit's variant is a setting (`{ ...GB_T_9704, … }`), not code.
 *
 * Reference: GB/T 9704-2012《党政机关公文格式》§5.2 (A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), §5.2.3 /
 * §7.1 (3号仿宋, 22 行 × 28 字), §7.3.3 (标题 2号小标宋), §7.3.3 (层次 一、黑体 / （一）楷体 / 1.（1）仿宋), §7.5
 * (页码 4号半角宋体阿拉伯数字，一字线，单页居右、双页居左，各空一字，距版心下边缘 7 mm); RULES.md §4.1.
 * @module
 */

/** A font and size for one kind of text. `size` is in half-points (docx): 3号 = 16 pt = 32. */
export type TextStyle = {
  readonly font: string;
  readonly size: number;
  readonly bold?: boolean;
};

/** Font sizes of the Chinese 字号 in half-points. */
export const FONT_SIZE = {
  初号: 84, 小初: 72, 一号: 52, 小一: 48, 二号: 44, 小二: 36, 三号: 32, 小三: 30, 四号: 28, 小四: 24, 五号: 21, 小五: 18,
} as const;

export type PageProfile = {
  readonly id: string;
  readonly name: string;
  /** Where the numbers come from. */
  readonly basis: string;
  /** Paper in millimetres (portrait). */
  readonly paper: { readonly widthMm: number; readonly heightMm: number };
  /** Portrait pages: top and left white edges and the text block, in millimetres. Right and bottom follow. */
  readonly portrait: { readonly topMm: number; readonly leftMm: number; readonly blockWidthMm: number; readonly blockHeightMm: number };
  /**
   * Landscape pages (attachment tables): the same text block turned a quarter, so that its top lies along the
   * binding edge. Given as white edges in millimetres.
   */
  readonly landscape: { readonly topMm: number; readonly leftMm: number; readonly blockWidthMm: number; readonly blockHeightMm: number };
  /** Body grid: lines per page and characters per line of the body size. */
  readonly linesPerPage: number;
  readonly charactersPerLine: number;
  /** First-line indent of body paragraphs, in characters. */
  readonly firstLineIndentCharacters: number;
  readonly styles: {
    readonly title: TextStyle;
    readonly heading1: TextStyle;
    readonly heading2: TextStyle;
    readonly heading3: TextStyle;
    readonly body: TextStyle;
    readonly pageNumber: TextStyle;
    readonly attachmentLabel: TextStyle;
    readonly attachmentTitle: TextStyle;
    /** The 填报单位 line above an attachment table and the lines under it. */
    readonly attachmentNote: TextStyle;
    readonly tableHeader: TextStyle;
    readonly tableBody: TextStyle;
  };
  /** Page number text; `{n}` is the page number. */
  readonly pageNumber: {
    readonly template: string;
    /** Gap between the text block and the top of the page-number line, in millimetres. */
    readonly gapMm: number;
    /** Indent from the outer edge of the text block, in characters of the page-number size. */
    readonly indentCharacters: number;
  };
  /** Table cells: line height as a multiple of the font size, inner margin in millimetres. */
  readonly table: { readonly lineFactor: number; readonly cellMarginMm: number; readonly borderEighthsOfPoint: number };
  /** The date as written under the signature: 2023年2月20日. */
  readonly dateStyle: 'chinese';
};

/** GB/T 9704-2012: the profile every tested document uses unless a caller passes another. */
export const GB_T_9704: PageProfile = {
  id: 'gb-t-9704-2012',
  name: 'GB/T 9704-2012 党政机关公文格式',
  basis: 'GB/T 9704-2012 §5.2、§7：A4，天头 37 mm，订口 28 mm，版心 156 mm × 225 mm，3号仿宋，每页 22 行、每行 28 字，页码 4号宋体一字线',
  paper: { widthMm: 210, heightMm: 297 },
  portrait: { topMm: 37, leftMm: 28, blockWidthMm: 156, blockHeightMm: 225 },
  landscape: { topMm: 28, leftMm: 35, blockWidthMm: 225, blockHeightMm: 156 },
  linesPerPage: 22,
  charactersPerLine: 28,
  firstLineIndentCharacters: 2,
  styles: {
    title: { font: '方正小标宋简体', size: FONT_SIZE.二号 },
    heading1: { font: '黑体', size: FONT_SIZE.三号 },
    heading2: { font: '楷体_GB2312', size: FONT_SIZE.三号 },
    heading3: { font: '仿宋_GB2312', size: FONT_SIZE.三号 },
    body: { font: '仿宋_GB2312', size: FONT_SIZE.三号 },
    pageNumber: { font: '宋体', size: FONT_SIZE.四号 },
    attachmentLabel: { font: '黑体', size: FONT_SIZE.三号 },
    attachmentTitle: { font: '方正小标宋简体', size: FONT_SIZE.小二 },
    attachmentNote: { font: '仿宋_GB2312', size: FONT_SIZE.小四 },
    tableHeader: { font: '黑体', size: FONT_SIZE.五号 },
    tableBody: { font: '仿宋_GB2312', size: FONT_SIZE.五号 },
  },
  pageNumber: { template: '— {n} —', gapMm: 7, indentCharacters: 1 },
  table: { lineFactor: 1.25, cellMarginMm: 1, borderEighthsOfPoint: 4 },
  dateStyle: 'chinese',
};

const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
export const twipsToPoints = (twips: number): number => twips / 20;

export type PageGeometry = {
  readonly orientation: 'portrait' | 'landscape';
  /** Page size as laid out (landscape: wider than high), twips. */
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** Text block, twips. */
  readonly blockWidth: number;
  readonly blockHeight: number;
  /** Distance from the bottom edge of the page to the bottom of the page-number line, twips. */
  readonly footer: number;
  /** Fixed line height of the page-number line, twips. */
  readonly footerLine: number;
};

/** Page, margins and footer position of one orientation, in twips, derived from the profile. */
export function pageGeometry(profile: PageProfile, orientation: 'portrait' | 'landscape'): PageGeometry {
  const paperW = mmToTwips(profile.paper.widthMm);
  const paperH = mmToTwips(profile.paper.heightMm);
  const width = orientation === 'portrait' ? paperW : paperH;
  const height = orientation === 'portrait' ? paperH : paperW;
  const edges = orientation === 'portrait' ? profile.portrait : profile.landscape;
  const top = mmToTwips(edges.topMm);
  const left = mmToTwips(edges.leftMm);
  const blockWidth = mmToTwips(edges.blockWidthMm);
  const blockHeight = mmToTwips(edges.blockHeightMm);
  const right = width - left - blockWidth;
  const bottom = height - top - blockHeight;
  const footerLine = Math.round(profile.styles.pageNumber.size * 10 * 1.1);
  const footer = Math.max(0, bottom - mmToTwips(profile.pageNumber.gapMm) - footerLine);
  return { orientation, width, height, margin: { top, right, bottom, left }, blockWidth, blockHeight, footer, footerLine };
}

export type BodyGrid = {
  /** Fixed line height of body text (and headings), twips: the text block height ÷ lines per page, rounded down. */
  readonly line: number;
  /** Character pitch of the body size, twips: the block width ÷ characters per line, rounded down. */
  readonly pitch: number;
  /** Run character spacing that brings the body font to that pitch, twips (negative: condensed). */
  readonly characterSpacing: number;
  /** First-line indent, twips. */
  readonly firstLineIndent: number;
};

/**
 * The body grid that gives exactly `linesPerPage` lines of `charactersPerLine` characters in the portrait
 * text block: fixed line height and a slight character spacing (3号 is 16 pt = 320 twips; 156 mm holds
 * 28 characters at 315 twips).
 */
export function bodyGrid(profile: PageProfile): BodyGrid {
  const page = pageGeometry(profile, 'portrait');
  const line = Math.floor(page.blockHeight / profile.linesPerPage);
  const pitch = Math.floor(page.blockWidth / profile.charactersPerLine);
  const characterSpacing = pitch - profile.styles.body.size * 10;
  return { line, pitch, characterSpacing, firstLineIndent: pitch * profile.firstLineIndentCharacters };
}

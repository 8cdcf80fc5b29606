/**
 * The declarative document: what the report and its attachments say, block by block, before any file
 * format. Builders (`build-department.ts`, `build-project.ts`) make it from an evaluation and the engine's
 * derivation; renderers (`render-docx.ts`, `render-xlsx.ts`) turn it into bytes. Tests assert on this
 * structure rather than on zip bytes.
 *
 * Reference: STYLE.md §10 (declarative model → renderer returning bytes); DOMAIN.md "The 部门整体 report".
 * @module
 */
import type { Dec, RoundingMode } from '@jixiao/core';

export const ParagraphRole = {
  /** 2号小标宋, centred (one paragraph per title line). */
  title: 'title',
  heading1: 'heading1',
  heading2: 'heading2',
  heading3: 'heading3',
  body: 'body',
  /** A body paragraph without first-line indent (lists of attachments, notes under a table). */
  plain: 'plain',
  /** 落款: unit name and date, right-aligned. */
  signature: 'signature',
  date: 'date',
  blank: 'blank',
} as const;
export type ParagraphRole = (typeof ParagraphRole)[keyof typeof ParagraphRole];

export type ParagraphBlock = {
  readonly kind: 'paragraph';
  readonly role: ParagraphRole;
  readonly text: string;
};

/** How a number in a cell is kept in a spreadsheet (the text shown is always `Cell.text`). */
export const ValueKind = {
  /** 万元 with two decimals: #,##0.00 */
  money: 'money',
  /** A rate: the value is the fraction (0.8411), shown as 84.11%. */
  percent: 'percent',
  /** Points or a score: up to the scheme's decimals. */
  score: 'score',
  /** A count or measured value: shown with `numberFormat`. */
  number: 'number',
} as const;
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind];

export type CellValue = {
  readonly kind: ValueKind;
  readonly value: Dec;
  /** Spreadsheet number format that shows the value exactly as `Cell.text` (e.g. `"≥"0"%"`). */
  readonly numberFormat?: string;
};

/**
 * A live spreadsheet formula over other cells of the same table, named by their `id`. The docx shows the
 * engine's value (`Cell.text`); the xlsx writes the formula so that Excel, WPS or LibreOffice recompute it.
 */
export type Formula =
  /** Σ of the cells (blank cells count as 0). */
  | { readonly kind: 'sum'; readonly of: readonly string[]; readonly decimals: number; readonly mode: RoundingMode }
  /** a − b. */
  | { readonly kind: 'difference'; readonly minuend: string; readonly subtrahend: string; readonly decimals: number }
  /** numerator ÷ denominator as a fraction rounded to `decimals` (4 for a percentage with 2 decimals). */
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string; readonly decimals: number }
  /** MIN(actual ÷ denominator, cap) × points (预算执行率得分). */
  | {
      readonly kind: 'executionScore';
      readonly actual: string;
      readonly denominator: string;
      readonly points: string;
      readonly cap: number | null;
      readonly decimals: number;
      readonly mode: RoundingMode;
    }
  /** A quantitative indicator's score from its target, actual and points cells. */
  | {
      readonly kind: 'indicatorScore';
      readonly rule: 'proportional' | 'reverseRatio' | 'reverseLinear' | 'equalsZero' | 'equalsExact';
      readonly target: string;
      readonly actual: string;
      readonly points: string;
      readonly decimals: number;
      readonly mode: RoundingMode;
    }
  /** The grade band the total falls in (highest first). */
  | { readonly kind: 'grade'; readonly total: string; readonly grades: readonly { readonly name: string; readonly min: number }[] };

export type CellRole = 'header' | 'label' | 'value' | 'text';

export type Cell = {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
  readonly role: CellRole;
  readonly align?: 'left' | 'center' | 'right';
  /** The number behind the text, for spreadsheets. */
  readonly value?: CellValue;
  /** Name other cells' formulas use. */
  readonly id?: string;
  readonly formula?: Formula;
  /** In a corrected document: the correction of this cell's figure (old → new, why), also a cell note. */
  readonly note?: string;
};

/**
 * A table as written: rows of the cells that start at that row (a merged cell appears once, at its
 * top-left; positions it covers are left out), like `SourceTable`.
 */
export type TableModel = {
  readonly id: string;
  /** Relative column widths. */
  readonly columns: readonly number[];
  readonly rows: readonly (readonly Cell[])[];
  /**
   * The column header rows (一级指标 … 得分; 经费控制情况 …) that a page continuing the table repeats: the
   * spreadsheet's print titles, the .docx's repeated header rows.
   */
  readonly headerRows?: { readonly start: number; readonly count: number };
};

/** An attachment: label (附件1-1), title, subtitle, header line, the table, and lines under it. */
export type AttachmentBlock = {
  readonly kind: 'attachment';
  readonly label: string;
  readonly title: string;
  readonly subtitle: string | null;
  /** 填报单位（盖章）：…   填报时间：… — left part and right part. */
  readonly headerLine: readonly [string, string];
  readonly table: TableModel;
  /** Lines under the table: sign-off and notes. */
  readonly footerLines: readonly string[];
  /** Sheet name for spreadsheets (≤ 31 characters). */
  readonly sheetName: string;
};

export type Block = ParagraphBlock | AttachmentBlock;

export type DocumentSection = {
  readonly orientation: 'portrait' | 'landscape';
  readonly blocks: readonly Block[];
};

export type Correction = {
  /** Field path in the model: selfEvaluation.totalScore, execution.threePublic.items[0].budget … */
  readonly path: string;
  /** The figure as the unit wrote it (formatted). */
  readonly stated: string;
  /** The figure the document uses. */
  readonly used: string;
  /** In Chinese: what it is, why the document uses another figure. */
  readonly message: string;
};

export type ReportDocument = {
  readonly kind: 'department' | 'project';
  /** Document title for file properties: 衡阳县自然资源局2022年度部门整体支出绩效自评报告. */
  readonly title: string;
  readonly sections: readonly DocumentSection[];
  /** Every place where the stated figure was replaced by the computed one. */
  readonly corrections: readonly Correction[];
};

/** The attachments of a document, in order (what the spreadsheet holds). */
export function attachmentsOf(document: ReportDocument): AttachmentBlock[] {
  return document.sections.flatMap((s) => s.blocks.filter((b): b is AttachmentBlock => b.kind === 'attachment'));
}

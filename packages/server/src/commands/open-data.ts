/**
 * Open data (公开数据): the results of a year's PUBLISHED evaluations (status `published` only), as two
 * tidy tables described by a data dictionary (数据字典):
 *
 * - `evaluations` — one row per evaluation: unit, region, year, kind, scheme, the unit's own score and
 *   grade, the computed score and grade, the review score, the execution rate, findings by severity, and
 *   the headline funds of each budget phase;
 * - `figures` — long form, one row per evaluation × figure × item × phase: every amount the model holds
 *   with its budget phase — 年初预算 (`initial`), 调整预算／全年预算 (`adjusted`), 执行 (`actual`) — per
 *   funding source (项目资金的资金来源、部门资金按收入性质) or spending kind, in 万元.
 *
 * Amounts are read from the stored (validated) document field by field with the core's own `amount`
 * schema and converted to 万元 with `Dec` arithmetic (a document written in 元 is divided by 10,000 exactly):
 * decimal strings, never floats. Scores, grade and finding counts are the summary the core computed when
 * the version was saved; the execution rate is migration 0002's `execution_rate` (全年执行数 ÷ 全年预算数
 * × 100, exact numeric, two decimals half up — the core's `derive` gives the same; the tests check it).
 *
 * Rows are read a page at a time (keyset pagination), so a province's 100,000 evaluations are never all
 * in memory; the writers (`open-data-files.ts`) stream each page out before the next is read.
 * @module
 */
import { type Dec, format, normalize, projectFundRowSchema } from '@jixiao/core';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../storage/database.ts';
import { KIND_NAMES } from './evaluations.ts';

export const OPEN_DATA_VERSION = '1';
export const OPEN_DATA_LICENCE = '知识共享 署名 4.0 国际许可协议（CC BY 4.0）：可自由复制、分发、改编和商业使用，须注明来源';

export const PHASES = { initial: '年初预算', adjusted: '调整预算（全年预算）', actual: '执行（决算）' } as const;
export type Phase = keyof typeof PHASES;

// -------------------------------------------------------------------------------------------------
// What is exported of each document: figure → item → phase ← the model field.

type FigureSpec = {
  readonly figure: string;
  readonly label: string;
  /** The document path of the object holding the rows (read with jsonb `#>`). */
  readonly path: readonly string[];
  readonly items: readonly { readonly item: string; readonly label: string; readonly phases: Partial<Record<Phase, string>> }[];
};

const FUND_ROW_PHASES = { initial: 'initialBudget', adjusted: 'budget', actual: 'actual' } as const;
const CONTROL_ROW_PHASES = { adjusted: 'budget', actual: 'actual' } as const;

/** 项目支出绩效自评表 · 项目资金（万元）: one row per funding source, three phases. */
const PROJECT_FIGURES: readonly FigureSpec[] = [{
  figure: 'project-funds', label: '项目资金', path: ['funds'],
  items: [
    { item: 'total', label: '年度资金总额', phases: FUND_ROW_PHASES },
    { item: 'fiscalAppropriation', label: '其中：本年财政拨款', phases: FUND_ROW_PHASES },
    { item: 'priorCarryover', label: '上年结转资金', phases: FUND_ROW_PHASES },
    { item: 'otherFunds', label: '其他资金', phases: FUND_ROW_PHASES },
  ],
}];

const CONTROL_ROWS = [
  ['basicSpending', '部门基本支出'], ['generalSpendingCut', '其中：压缩一般性支出'], ['threePublic', '三公经费'], ['vehicle', '公务用车'],
  ['vehiclePurchase', '公务用车购置'], ['vehicleOperation', '公务用车运行维护'], ['reception', '公务接待'], ['overseasTravel', '因公出国（境）'],
  ['projectSpending', '部门项目支出'], ['procurement', '政府采购金额'],
] as const;

/**
 * 部门整体: 附件1-2 自评表的部门资金（全年预算数、全年执行数），按收入性质分类（全年预算数的构成：core 的
 * sum-mismatch 核对 全年预算数 = 按收入性质分类之和）、按支出性质分类（全年执行数的构成：全年执行数 = 基本支出 + 项目支出），
 * and 附件1-1 基础数据表的经费控制情况（当年预算数、当年决算数）.
 */
const DEPARTMENT_FIGURES: readonly FigureSpec[] = [
  {
    figure: 'department-funds', label: '部门资金', path: ['selfEvaluation', 'funds'],
    items: [{ item: 'total', label: '年度资金总额', phases: { adjusted: 'budget', actual: 'actual' } }],
  },
  {
    figure: 'department-income', label: '部门资金（按收入性质分类）', path: ['selfEvaluation', 'income'],
    items: [
      { item: 'generalBudget', label: '一般公共预算拨款', phases: { adjusted: 'generalBudget' } },
      { item: 'governmentFund', label: '政府性基金拨款', phases: { adjusted: 'governmentFund' } },
      { item: 'nonTaxIncome', label: '纳入管理的非税收入拨款', phases: { adjusted: 'nonTaxIncome' } },
      { item: 'other', label: '其他资金', phases: { adjusted: 'other' } },
    ],
  },
  {
    figure: 'department-spending', label: '部门资金（按支出性质分类）', path: ['selfEvaluation', 'spending'],
    items: [
      { item: 'basic', label: '基本支出', phases: { actual: 'basic' } },
      { item: 'personnel', label: '其中：人员经费', phases: { actual: 'personnel' } },
      { item: 'operating', label: '其中：公用经费', phases: { actual: 'operating' } },
      { item: 'threePublic', label: '其中：三公经费', phases: { actual: 'threePublic' } },
      { item: 'project', label: '项目支出', phases: { actual: 'project' } },
    ],
  },
  { figure: 'basic-data', label: '基础数据表·经费控制情况', path: ['basicData'], items: CONTROL_ROWS.map(([item, label]) => ({ item, label, phases: CONTROL_ROW_PHASES })) },
];

/** An item of rows written with their own labels (其他收入来源、项目类别): the item code is this prefix + a number. */
const ADDITIONAL_INCOME = 'additional';
const PROJECT_CATEGORY = 'projectCategory';

export const FIGURE_NAMES: Record<string, string> = Object.fromEntries([...PROJECT_FIGURES, ...DEPARTMENT_FIGURES].map((f) => [f.figure, f.label]));

// -------------------------------------------------------------------------------------------------
// The data dictionary

export type ColumnType = 'string' | 'integer' | 'decimal';
export type DictionaryColumn = {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  /** 万元, 分, %, 个 — or null. */
  readonly unit: string | null;
  readonly description: string;
  /** Allowed values with their Chinese labels, when the column is a code. */
  readonly values: readonly { readonly value: string; readonly label: string }[] | null;
  readonly nullable: boolean;
};
export type DictionaryTable = { readonly name: string; readonly file: string; readonly label: string; readonly description: string; readonly columns: readonly DictionaryColumn[] };
export type Dictionary = { readonly version: string; readonly moneyUnit: '万元'; readonly licence: string; readonly tables: readonly DictionaryTable[] };

const col = (name: string, label: string, type: ColumnType, description: string, extra: { unit?: string; values?: DictionaryColumn['values']; nullable?: boolean } = {}): DictionaryColumn => ({
  name, label, type, unit: extra.unit ?? null, description, values: extra.values ?? null, nullable: extra.nullable ?? false,
});

const KIND_VALUES = Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }));
const IDENTITY_COLUMNS: readonly DictionaryColumn[] = [
  col('evaluation_id', '自评编号', 'string', '自评在本系统中的唯一编号（两张表据此关联）'),
  col('region', '地区', 'string', '单位所在地区（县、市、省）'),
  col('unit', '单位', 'string', '填报单位名称'),
  col('unit_code', '单位代码', 'string', '单位代码（统一社会信用代码或预算单位编码），未登记时为空', { nullable: true }),
  col('year', '年度', 'integer', '自评所属的预算年度'),
  col('kind', '自评类型', 'string', '部门整体支出绩效自评或项目支出绩效自评', { values: KIND_VALUES }),
  col('project_name', '项目名称', 'string', '项目支出绩效自评的项目名称；部门整体为空', { nullable: true }),
];

const figureValues = (figures: readonly FigureSpec[]) => figures.map((f) => ({ value: f.figure, label: f.label }));
const itemValues = (): { value: string; label: string }[] => {
  const seen = new Map<string, string>();
  for (const f of [...PROJECT_FIGURES, ...DEPARTMENT_FIGURES]) for (const i of f.items) if (!seen.has(i.item)) seen.set(i.item, i.label);
  seen.set(`${ADDITIONAL_INCOME}-1, ${ADDITIONAL_INCOME}-2, …`, '其他收入来源（名称见 item_label，按填报顺序编号）');
  seen.set(`${PROJECT_CATEGORY}-1, ${PROJECT_CATEGORY}-2, …`, '基础数据表的项目支出类别合计（类别名称见 item_label，按填报顺序编号）');
  return [...seen].map(([value, label]) => ({ value, label }));
};

export const DICTIONARY: Dictionary = {
  version: OPEN_DATA_VERSION,
  moneyUnit: '万元',
  licence: OPEN_DATA_LICENCE,
  tables: [
    {
      name: 'evaluations', file: 'evaluations.csv', label: '自评结果',
      description: '每份已公开自评一行：单位、地区、年度、类型、评价方案、自评得分与等级、系统计算得分与等级、复核得分、预算执行率、审核发现的问题数，以及各预算阶段的资金总额',
      columns: [
        ...IDENTITY_COLUMNS,
        col('scheme_id', '评价方案', 'string', '计分所用评价方案的编号（权重、计分规则、等级划分）'),
        col('self_score', '自评得分', 'decimal', '单位在自评表中填写的总分（按所写原样）', { unit: '分', nullable: true }),
        col('self_grade', '自评等级', 'string', '单位在自评表中填写的综合评定等级', { nullable: true }),
        col('computed_score', '计算得分', 'decimal', '系统按评价方案从自评表数据计算的总分（两位小数）', { unit: '分', nullable: true }),
        col('computed_grade', '计算等级', 'string', '按计算得分与评价方案的等级划分得到的等级', { nullable: true }),
        col('review_score', '复核得分', 'decimal', '财政审核通过时给出的复核得分', { unit: '分', nullable: true }),
        col('execution_rate', '预算执行率', 'decimal', '全年执行数 ÷ 全年预算数 × 100，两位小数，四舍五入；未填预算数或执行数时为空', { unit: '%', nullable: true }),
        col('errors', '错误数', 'integer', '审核发现的错误级别问题数（数字不一致、必填缺失等）', { unit: '个' }),
        col('warnings', '警告数', 'integer', '审核发现的警告级别问题数', { unit: '个' }),
        col('infos', '提示数', 'integer', '审核发现的提示级别问题数', { unit: '个' }),
        col('funds_initial', '年初预算数', 'decimal', '资金总额的年初预算数（项目支出自评填写；部门整体自评表没有此栏，为空）', { unit: '万元', nullable: true }),
        col('funds_adjusted', '全年预算数', 'decimal', '资金总额的调整预算（全年预算数）', { unit: '万元', nullable: true }),
        col('funds_actual', '全年执行数', 'decimal', '资金总额的执行数（全年执行数）', { unit: '万元', nullable: true }),
      ],
    },
    {
      name: 'figures', file: 'figures.csv', label: '分预算阶段的资金数据（长表）',
      description: '每份已公开自评 × 每个数据项 × 每个预算阶段一行（只列出填写了的金额）：项目资金按资金来源，部门资金按收入性质与支出性质，基础数据表按经费类别',
      columns: [
        ...IDENTITY_COLUMNS,
        col('figure', '数据表', 'string', '金额所在的表或栏目', { values: [...figureValues(PROJECT_FIGURES), ...figureValues(DEPARTMENT_FIGURES)] }),
        col('figure_label', '数据表名称', 'string', 'figure 的中文名称'),
        col('item', '数据项', 'string', '资金来源、收入性质、支出性质或经费类别', { values: itemValues() }),
        col('item_label', '数据项名称', 'string', 'item 的中文名称（其他收入来源、项目类别为单位所写的名称）'),
        col('phase', '预算阶段', 'string', '金额所属的预算阶段', { values: Object.entries(PHASES).map(([value, label]) => ({ value, label })) }),
        col('phase_label', '预算阶段名称', 'string', 'phase 的中文名称'),
        col('amount', '金额', 'decimal', '金额（万元；以元填写的已除以 10,000，精确换算，不经浮点运算）', { unit: '万元' }),
      ],
    },
  ],
};

// -------------------------------------------------------------------------------------------------
// Reading: one page of published evaluations at a time.

export type EvaluationRecord = Readonly<Record<'evaluation_id' | 'region' | 'unit' | 'year' | 'kind' | 'scheme_id' | 'errors' | 'warnings' | 'infos', string | number>> & {
  readonly unit_code: string | null;
  readonly project_name: string | null;
  readonly self_score: string | null;
  readonly self_grade: string | null;
  readonly computed_score: string | null;
  readonly computed_grade: string | null;
  readonly review_score: string | null;
  readonly execution_rate: string | null;
  readonly funds_initial: string | null;
  readonly funds_adjusted: string | null;
  readonly funds_actual: string | null;
};
export type FigureRecord = {
  readonly figure: string;
  readonly figure_label: string;
  readonly item: string;
  readonly item_label: string;
  readonly phase: Phase;
  readonly phase_label: string;
  readonly amount: string;
};
export type OpenDataRecord = { readonly evaluation: EvaluationRecord; readonly figures: readonly FigureRecord[] };

export type OpenDataScope = { readonly year: number; readonly regionId: string | null };

type Row = {
  id: string; region: string; unit: string; unit_code: string | null; year: number; kind: string; project_name: string; review_score: string | null;
  scheme_id: string; stated_total: string | null; computed_total: string | null; computed_grade: string | null; execution_rate: string | null;
  error_count: number; warning_count: number; info_count: number; money_unit: string | null; self_grade: string | null; parts: Record<string, unknown> | null;
};

/** The document's subtrees that hold amounts: only these leave the database (not the whole document). */
const PARTS = sql.raw(`jsonb_build_object(${[...PROJECT_FIGURES, ...DEPARTMENT_FIGURES].map((f) => `'${f.path.join('.')}', v.document #> '{${f.path.join(',')}}'`).join(', ')})`);

export const OPEN_DATA_PAGE = 500;

/**
 * The published evaluations of a year (and region), in region, unit, kind, project order, a page at a
 * time: keyset pagination over the sort key, the page's keys chosen first and only then its documents read.
 */
export async function* publishedRecords(db: Db, scope: OpenDataScope, pageSize = OPEN_DATA_PAGE): AsyncGenerator<OpenDataRecord[]> {
  let after: [string, string, string, string, string] | null = null;
  for (;;) {
    const keyset: SQL = after ? sql` AND (r.name, u.name, e.kind, e.project_name, e.id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]}, ${after[4]})` : sql``;
    const result = await db.execute(sql`
      WITH page AS (
        SELECT e.id, r.name AS region, u.name AS unit, u.code AS unit_code, e.year, e.kind, e.project_name, e.review_score,
          coalesce(e.submitted_version, e.current_version) AS version
        FROM evaluations e JOIN units u ON u.id = e.unit_id JOIN regions r ON r.id = u.region_id
        WHERE e.year = ${scope.year}::int AND e.status = 'published'${scope.regionId ? sql` AND u.region_id = ${scope.regionId}` : sql``}${keyset}
        ORDER BY r.name, u.name, e.kind, e.project_name, e.id
        LIMIT ${pageSize})
      SELECT p.id, p.region, p.unit, p.unit_code, p.year, p.kind, p.project_name, p.review_score::text AS review_score,
        v.scheme_id, v.stated_total, v.computed_total::text AS computed_total, v.computed_grade, v.execution_rate::text AS execution_rate,
        v.error_count, v.warning_count, v.info_count, v.document ->> 'moneyUnit' AS money_unit,
        coalesce(v.document #>> '{selfEvaluation,grade}', v.document ->> 'grade') AS self_grade, ${PARTS} AS parts
      FROM page p JOIN evaluation_versions v ON v.evaluation_id = p.id AND v.number = p.version
      ORDER BY p.region, p.unit, p.kind, p.project_name, p.id`);
    const rows = (result as unknown as { rows: Row[] }).rows;
    if (rows.length === 0) return;
    yield rows.map(recordOf);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1] as Row;
    after = [last.region, last.unit, last.kind, last.project_name, last.id];
  }
}

/** The core's own schema of a written amount ("8,642.30", 8642.3, "　"): the field type of every money field of the model. */
const amountField = projectFundRowSchema.shape.actual;

/** An amount as the core reads it, in 万元 (exact: 元 ÷ 10,000 shifts the decimal point), or null. */
export function amountInWan(value: unknown, moneyUnit: string | null): string | null {
  const parsed = amountField.safeParse(value);
  const d: Dec | null = parsed.success ? parsed.data : null;
  if (!d) return null;
  const wan = moneyUnit === '元' ? normalize({ units: d.units, scale: d.scale + 4 }) : d;
  return format(wan, Math.max(wan.scale, 2), false);
}

/** Every amount of one document's amount-holding parts, tagged with figure, item and phase. */
export function figuresOf(kind: string, parts: Record<string, unknown>, moneyUnit: string | null): FigureRecord[] {
  const out: FigureRecord[] = [];
  const push = (figure: string, figureLabel: string, item: string, itemLabel: string, phase: Phase, value: unknown) => {
    const amount = amountInWan(value, moneyUnit);
    if (amount !== null) out.push({ figure, figure_label: figureLabel, item, item_label: itemLabel, phase, phase_label: PHASES[phase], amount });
  };
  const objectAt = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  for (const spec of kind === 'project' ? PROJECT_FIGURES : DEPARTMENT_FIGURES) {
    const holder = objectAt(parts[spec.path.join('.')]);
    // A funds table keeps one object per row; the income, spending and total rows are fields of one object.
    const rowOf = (item: string) => (spec.figure === 'project-funds' || spec.figure === 'basic-data' ? objectAt(holder[item]) : holder);
    for (const item of spec.items) {
      const row = rowOf(item.item);
      for (const [phase, field] of Object.entries(item.phases) as [Phase, string][]) push(spec.figure, spec.label, item.item, item.label, phase, row[field]);
    }
    if (spec.figure === 'department-income' && Array.isArray(holder['additional'])) {
      holder['additional'].forEach((a: unknown, i) => push(spec.figure, spec.label, `${ADDITIONAL_INCOME}-${i + 1}`, String(objectAt(a)['label'] ?? ''), 'adjusted', objectAt(a)['amount']));
    }
    if (spec.figure === 'basic-data' && Array.isArray(holder['projectCategories'])) {
      holder['projectCategories'].forEach((c: unknown, i) => {
        const category = objectAt(c);
        for (const [phase, field] of Object.entries(CONTROL_ROW_PHASES) as [Phase, string][]) {
          push(spec.figure, spec.label, `${PROJECT_CATEGORY}-${i + 1}`, String(category['label'] ?? ''), phase, objectAt(category['total'])[field]);
        }
      });
    }
  }
  return out;
}

function recordOf(row: Row): OpenDataRecord {
  const figures = figuresOf(row.kind, row.parts ?? {}, row.money_unit);
  const headline = (phase: Phase) => figures.find((f) => (f.figure === 'project-funds' || f.figure === 'department-funds') && f.item === 'total' && f.phase === phase)?.amount ?? null;
  return {
    evaluation: {
      evaluation_id: row.id, region: row.region, unit: row.unit, unit_code: row.unit_code, year: Number(row.year), kind: row.kind,
      project_name: row.project_name || null, scheme_id: row.scheme_id, self_score: row.stated_total, self_grade: row.self_grade,
      computed_score: row.computed_total, computed_grade: row.computed_grade, review_score: row.review_score, execution_rate: row.execution_rate,
      errors: Number(row.error_count), warnings: Number(row.warning_count), infos: Number(row.info_count),
      funds_initial: headline('initial'), funds_adjusted: headline('adjusted'), funds_actual: headline('actual'),
    },
    figures,
  };
}

// -------------------------------------------------------------------------------------------------

export const OPEN_DATA_FORMATS = ['zip', 'csv', 'json'] as const;
export const openDataInput = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  regionId: z.string().trim().min(1).max(100).optional(),
  /** zip: every file; csv: one table; json: both tables nested (evaluations with their figures). */
  format: z.enum(OPEN_DATA_FORMATS).default('zip'),
  table: z.enum(['figures', 'evaluations']).default('figures'),
});
export type OpenDataInput = z.output<typeof openDataInput>;

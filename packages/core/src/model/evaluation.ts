/**
 * The self-evaluation model: a 部门整体支出绩效自评 (department) and a 项目支出绩效自评 (project).
 *
 * Everything here is what the unit STATES, as written (totals, rates, scores, counts, grade included).
 * What the engine computes lives in `derive`; checks compare the two.
 *
 * Reference: the Hunan county template (DOMAIN.md, seed 衡阳县自然资源局 2022); 财预〔2020〕10号 项目支出绩效自评表.
 * @module
 */
import { z } from 'zod';
import {
  amount, breakdown, count, labelledAmount, namedList, points, rate, signOff, sourceLocation, text, textList,
  writtenDate,
} from './fields.ts';

export const Direction = {
  higherIsBetter: 'higherIsBetter',
  lowerIsBetter: 'lowerIsBetter',
  equals: 'equals',
  qualitative: 'qualitative',
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const QualitativeGrade = {
  achieved: 'achieved',
  partiallyAchieved: 'partiallyAchieved',
  notAchieved: 'notAchieved',
} as const;
export type QualitativeGrade = (typeof QualitativeGrade)[keyof typeof QualitativeGrade];

/** A third-level indicator row: 一级 / 二级 / 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施. */
export const indicatorSchema = z.strictObject({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  /** 年度指标值 as written ("≥90%", "800", "形成项目清单"). */
  target: text,
  /** 实际完成值 as written. */
  actual: text,
  /** Unit of measure when written in its own column or known (本, 个, %). */
  unit: text,
  /** When absent, inferred from the target (≥ / ≤ / = / text). */
  direction: z.enum(['higherIsBetter', 'lowerIsBetter', 'equals', 'qualitative']).nullish(),
  points,
  score: points,
  deviationExplanation: text,
  /** For qualitative indicators: the grade the unit chose (达成 / 部分达成 / 未达成). */
  qualitativeGrade: z.enum(['achieved', 'partiallyAchieved', 'notAchieved']).nullish(),
  notApplicable: z.boolean().default(false),
});
export type Indicator = z.output<typeof indicatorSchema>;
export type IndicatorInput = z.input<typeof indicatorSchema>;

/** A first-level group as its header states it: 产出指标（50分）. */
export const level1HeaderSchema = z.strictObject({ name: z.string(), points });

/** 年度总体目标: 年初预期（设定）目标 vs 全年实际完成情况. */
export const goalsSchema = z.strictObject({ expected: text, achieved: text });

// ---------------------------------------------------------------------------------------------------------
// 部门整体

/** A row of 附件1-1 经费控制情况: 当年决算数 | 当年预算数 | 上年决算数. */
export const controlRowSchema = z.strictObject({ actual: amount, budget: amount, priorActual: amount });
const emptyRow = { actual: null, budget: null, priorActual: null };

export const ThreePublicCategory = {
  reception: 'reception',
  vehiclePurchase: 'vehiclePurchase',
  vehicleOperation: 'vehicleOperation',
  vehicle: 'vehicle',
  overseasTravel: 'overseasTravel',
} as const;
export type ThreePublicCategory = (typeof ThreePublicCategory)[keyof typeof ThreePublicCategory];

/** One 三公经费 category as the narrative states it: budget, actual, change on the prior year, why. */
export const threePublicItemSchema = z.strictObject({
  category: z.enum(['reception', 'vehiclePurchase', 'vehicleOperation', 'vehicle', 'overseasTravel']),
  budget: amount,
  actual: amount,
  priorActual: amount,
  /** 比上年增加 (positive) / 减少 (negative) as stated. */
  changeFromPrior: amount,
  explanation: text,
});

/** A figure the narrative states about a group of indicators (六（二）): 产出指标总分为50分，得分48分；数量5个. */
export const narrativeStatementSchema = z.strictObject({
  /** What the statement is about: the funds block, or indicators by first- and second-level names. */
  scope: z.strictObject({
    funds: z.boolean().default(false),
    level1: z.array(z.string()).default([]),
    level2: text,
  }),
  points,
  score: points,
  /** How many indicators the text says there are (数量指标5个). */
  indicatorCount: count,
  /** How many it says lost points (1个有扣分). */
  deductedCount: count,
  /** The items the text lists with the count (①…⑥). */
  listedItems: textList,
  amount,
  executionRate: rate,
  text,
});

/** 附件1-1 部门整体支出绩效评价基础数据表. */
export const basicDataSchema = z.strictObject({
  staffing: z
    .strictObject({ authorized: count, actual: count, controlRate: rate })
    .default({ authorized: null, actual: null, controlRate: null }),
  basicSpending: controlRowSchema.default(emptyRow),
  generalSpendingCut: controlRowSchema.default(emptyRow),
  threePublic: controlRowSchema.default(emptyRow),
  vehicle: controlRowSchema.default(emptyRow),
  vehiclePurchase: controlRowSchema.default(emptyRow),
  vehicleOperation: controlRowSchema.default(emptyRow),
  reception: controlRowSchema.default(emptyRow),
  overseasTravel: controlRowSchema.default(emptyRow),
  projectSpending: controlRowSchema.default(emptyRow),
  projectCategories: z
    .array(
      z.strictObject({
        category: z.enum(['business', 'operation', 'countySpecial', 'other']),
        label: z.string(),
        total: controlRowSchema.default(emptyRow),
        items: z.array(z.strictObject({ name: z.string(), row: controlRowSchema })).default([]),
      }),
    )
    .default([]),
  procurement: controlRowSchema.default(emptyRow),
  savingMeasures: text,
  preparedOn: writtenDate,
  signOff: signOff.default({ preparer: null, phone: null, unitHead: null }),
});
export type BasicData = z.output<typeof basicDataSchema>;

/** 附件1-2 部门整体支出绩效自评表. */
export const departmentTableSchema = z.strictObject({
  funds: z.strictObject({ budget: amount, received: amount, actual: amount, executionRate: rate, points, score: points }),
  income: z
    .strictObject({
      generalBudget: amount,
      governmentFund: amount,
      nonTaxIncome: amount,
      other: amount,
      additional: z.array(labelledAmount).default([]),
    })
    .default({ generalBudget: null, governmentFund: null, nonTaxIncome: null, other: null, additional: [] }),
  spending: z
    .strictObject({ basic: amount, personnel: amount, operating: amount, threePublic: amount, project: amount })
    .default({ basic: null, personnel: null, operating: null, threePublic: null, project: null }),
  goals: goalsSchema.default({ expected: null, achieved: null }),
  level1: z.array(level1HeaderSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  grade: text,
  totalPoints: points,
  totalScore: points,
  deviationAnalysis: text,
  measures: text,
  preparedOn: writtenDate,
  signOff: signOff.default({ preparer: null, phone: null, unitHead: null }),
});
export type DepartmentTable = z.output<typeof departmentTableSchema>;

const budgetSectionSchema = z.strictObject({ income: amount, spending: amount, text });

export const departmentEvaluationSchema = z.strictObject({
  kind: z.literal('department'),
  schemeId: text,
  year: z.number().int().min(2000).max(2100),
  /** 万元 unless stated. */
  moneyUnit: z.enum(['万元', '元']).default('万元'),
  title: text,
  /** The unit's opening paragraph(s) before 一、 (根据…现将自评情况报告如下), as written; null when it wrote none. */
  introduction: text,
  unit: z.strictObject({
    name: z.string().min(1),
    code: text,
    region: text,
    supervisingDepartment: text,
    rank: text,
    fundingType: text,
    divisions: namedList.optional(),
    massOrganizations: namedList.optional(),
    subordinateUnits: namedList.optional(),
    branchOffices: namedList.optional(),
    profileText: text,
  }),
  staffing: z
    .strictObject({ authorized: breakdown.optional(), actual: breakdown.optional(), retired: count })
    .optional(),
  duties: textList,
  /** 二（一）经批复的预、决算情况: labelled amounts as listed. */
  approvedBudget: z
    .strictObject({
      generalBudgetIncome: amount,
      basicSpending: amount,
      personnel: amount,
      operating: amount,
      threePublicBudget: amount,
      items: z.array(labelledAmount).default([]),
    })
    .optional(),
  /** 二（二）部门预算执行情况. */
  execution: z
    .strictObject({
      income: z
        .strictObject({ total: amount, fiscalAppropriation: amount, generalBudget: amount, governmentFund: amount, other: amount })
        .optional(),
      spendingBudget: amount,
      basicSpending: z
        .strictObject({ total: amount, personnel: amount, personnelParts: z.array(labelledAmount).default([]), operating: amount, text })
        .optional(),
      projectSpending: z
        .strictObject({ total: amount, fiscal: amount, other: amount, projects: z.array(labelledAmount).default([]), text })
        .optional(),
      threePublic: z
        .strictObject({ budgetTotal: amount, actualTotal: amount, items: z.array(threePublicItemSchema).default([]) })
        .optional(),
      carryover: z.strictObject({ amount, text }).optional(),
      management: text,
    })
    .optional(),
  governmentFund: budgetSectionSchema.optional(),
  stateCapital: budgetSectionSchema.optional(),
  socialInsurance: budgetSectionSchema.optional(),
  /** 六、部门整体支出绩效情况. */
  performance: z
    .strictObject({
      conclusion: z.strictObject({ text, grade: text }).optional(),
      statements: z.array(narrativeStatementSchema).default([]),
      /** The narrative's own account of project execution (成本指标): budget, actual, 结余, rate. */
      projectExecution: z.strictObject({ budget: amount, actual: amount, surplus: amount, executionRate: rate }).optional(),
      paragraphs: z.array(z.strictObject({ heading: text, text: z.string() })).default([]),
    })
    .optional(),
  problems: text,
  measures: textList,
  signature: z.strictObject({ unit: text, date: writtenDate }).optional(),
  basicData: basicDataSchema.optional(),
  selfEvaluation: departmentTableSchema.optional(),
  sourceMap: z.record(z.string(), sourceLocation).default({}),
});
export type DepartmentEvaluation = z.output<typeof departmentEvaluationSchema>;

// ---------------------------------------------------------------------------------------------------------
// 项目

/** A row of 项目资金（万元）: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
export const projectFundRowSchema = z.strictObject({
  initialBudget: amount,
  budget: amount,
  /** 实际到位资金, for schemes whose execution rate is 实际支出 / 实际到位资金. */
  received: amount,
  actual: amount,
  points,
  executionRate: rate,
  score: points,
});
const emptyFundRow = { initialBudget: null, budget: null, received: null, actual: null, points: null, executionRate: null, score: null };

export const projectEvaluationSchema = z.strictObject({
  kind: z.literal('project'),
  schemeId: text,
  year: z.number().int().min(2000).max(2100),
  moneyUnit: z.enum(['万元', '元']).default('万元'),
  project: z.strictObject({
    name: z.string().min(1),
    code: text,
    supervisingDepartment: text,
    implementingUnit: text,
    region: text,
  }),
  funds: z.strictObject({
    total: projectFundRowSchema,
    fiscalAppropriation: projectFundRowSchema.default(emptyFundRow),
    priorCarryover: projectFundRowSchema.default(emptyFundRow),
    otherFunds: projectFundRowSchema.default(emptyFundRow),
  }),
  goals: goalsSchema.default({ expected: null, achieved: null }),
  level1: z.array(level1HeaderSchema).default([]),
  indicators: z.array(indicatorSchema).default([]),
  totalPoints: points,
  totalScore: points,
  grade: text,
  /** The short report that goes with the table. */
  report: z.array(z.strictObject({ heading: text, text: z.string() })).default([]),
  preparedOn: writtenDate,
  signOff: signOff.default({ preparer: null, phone: null, unitHead: null }),
  sourceMap: z.record(z.string(), sourceLocation).default({}),
});
export type ProjectEvaluation = z.output<typeof projectEvaluationSchema>;

export const evaluationSchema = z.discriminatedUnion('kind', [departmentEvaluationSchema, projectEvaluationSchema]);
export type Evaluation = z.output<typeof evaluationSchema>;
export type EvaluationInput = z.input<typeof evaluationSchema>;

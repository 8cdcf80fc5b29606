/**
 * Evaluation schemes (评价方案) as data: one JSON file per province, year and kind in `schemes/`.
 *
 * A scheme fixes the first-level groups and their points, where each group's score comes from (the funds
 * block's execution rate, the unit's own indicators, or indicators the scheme computes from the report's
 * figures), the scoring rule of each direction, over-achievement, grades, rounding and how
 * not-applicable indicators are handled. A new province is a new file, never a code change.
 *
 * Reference: DOMAIN.md "Scoring rules"; RULES.md §1.1, §1.2, §2.2, §2.4.
 * @module
 */
import { z } from 'zod';

const nonNegative = z.number().min(0);

/** 等级 bands, highest first: 优秀 ≥ 90, … */
const gradeSchema = z.strictObject({
  name: z.string().min(1),
  /** Lower bound, inclusive. */
  min: nonNegative,
  /** Other names that mean this grade (优 for 优秀). */
  aliases: z.array(z.string()).default([]),
});

const qualitativeBandSchema = z.strictObject({
  grade: z.enum(['achieved', 'partiallyAchieved', 'notAchieved']),
  label: z.string(),
  /** Fractions of the points: [min, max] with min inclusive, max inclusive only for the top band. */
  min: z.number().min(0).max(1),
  max: z.number().min(0).max(1),
});

/** A rule that turns a measured value into a score. */
export const ruleSchema = z.discriminatedUnion('kind', [
  /** 正向: a ≥ t → w, else a/t × w. */
  z.strictObject({ kind: z.literal('proportional') }),
  /** 反向: a ≤ t → w; `ratio`: t/a × w; `linear`: (1 − (a−t)/t) × w, 0 at a ≥ 2t. */
  z.strictObject({ kind: z.literal('reverse'), formula: z.enum(['ratio', 'linear']) }),
  /** 等于: t = 0 → (a ≤ 0 ? w : 0); t ≠ 0 → `otherwise` (proportional by default). */
  z.strictObject({ kind: z.literal('equals'), otherwise: z.enum(['proportional', 'exact']).default('proportional') }),
  /** 定性: the unit's score must lie in the band of its grade. */
  z.strictObject({ kind: z.literal('qualitative'), bands: z.array(qualitativeBandSchema).min(1) }),
  /** −perPoint for each percentage point beyond the bound (above or below), floor `floor`. */
  z.strictObject({
    kind: z.literal('deduction'),
    bound: z.number(),
    side: z.enum(['above', 'below']),
    perPoint: nonNegative,
    floor: nonNegative.default(0),
  }),
  /** Stepped bands: the first band whose [min, max) holds the value gives the score. */
  z.strictObject({
    kind: z.literal('bands'),
    bands: z
      .array(z.strictObject({ min: z.number().nullable(), max: z.number().nullable(), score: nonNegative, maxInclusive: z.boolean().default(false) }))
      .min(1),
  }),
]);
export type Rule = z.output<typeof ruleSchema>;

/** An indicator the scheme computes from the report's figures (the 2013 framework's ratios). */
const computedIndicatorSchema = z.strictObject({
  level2: z.string(),
  name: z.string(),
  points: nonNegative,
  /** An arithmetic expression over named figures, e.g. "(threePublic.actual - threePublic.priorActual) / threePublic.priorActual * 100". */
  formula: z.string().min(1),
  unit: z.string().default('%'),
  rule: ruleSchema,
});

const groupSchema = z.discriminatedUnion('source', [
  /** 预算执行率: funds block, rate × points, capped. */
  z.strictObject({
    source: z.literal('executionRate'),
    name: z.string(),
    points: nonNegative,
    /** `budget`: 全年执行数 / 全年预算数; `fundsReceived`: 实际支出 / 实际到位资金. */
    denominator: z.enum(['budget', 'fundsReceived']).default('budget'),
    /** Rate cap as a fraction (1 = 100 %); null for no cap. */
    cap: z.number().positive().nullable().default(1),
  }),
  /** The unit's own indicators whose first-level name is one of `level1`. */
  z.strictObject({
    source: z.literal('unitIndicators'),
    name: z.string(),
    points: nonNegative,
    level1: z.array(z.string()).min(1),
    /** When the unit's points for these indicators differ from the group's, scale scores to the group. */
    rescale: z.boolean().default(false),
  }),
  /** Indicators the scheme computes itself. */
  z.strictObject({
    source: z.literal('schemeIndicators'),
    name: z.string(),
    points: nonNegative,
    indicators: z.array(computedIndicatorSchema).min(1),
  }),
]);
export type SchemeGroup = z.output<typeof groupSchema>;

export const schemeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/u, 'id 只能用小写字母、数字和连字符'),
    name: z.string(),
    /** Where it comes from: the rule or template clause. */
    basis: z.string(),
    region: z.string(),
    year: z.number().int(),
    kind: z.enum(['department', 'project']),
    totalPoints: z.number().positive().default(100),
    groups: z.array(groupSchema).min(1),
    /** The second-level catalogue per first level, offered when units build their indicator tree. */
    catalogue: z.record(z.string(), z.array(z.string())).default({}),
    directionRules: z.strictObject({
      higherIsBetter: ruleSchema,
      lowerIsBetter: ruleSchema,
      equals: ruleSchema,
      qualitative: ruleSchema,
    }),
    overAchievement: z
      .strictObject({
        /** actual / target at or above which over-achievement is flagged; null for none. */
        trigger: z.number().min(1).nullable(),
        effect: z.enum(['flag', 'requireExplanation', 'reduce']),
        /** With `reduce`: the share of the points taken off per percentage point above the trigger, and its cap. */
        reducePerPoint: nonNegative.default(0),
        maxReduction: z.number().min(0).max(1).default(0),
      })
      .default({ trigger: null, effect: 'flag', reducePerPoint: 0, maxReduction: 0 }),
    grades: z.array(gradeSchema).min(1),
    rounding: z
      .strictObject({ mode: z.enum(['halfUp', 'halfEven', 'truncate']), decimals: z.number().int().min(0).max(4) })
      .default({ mode: 'halfUp', decimals: 2 }),
    /** 不适用 indicators: dropped (their points lost from the total) or the rest rescaled to the total. */
    notApplicable: z.enum(['drop', 'rescale']).default('drop'),
    /** Execution rate of the funds block and other rates are computed to this many decimals (percent). */
    rateDecimals: z.number().int().min(0).max(4).default(2),
  })
  .superRefine((scheme, ctx) => {
    const sum = scheme.groups.reduce((s, g) => s + g.points, 0);
    if (Math.abs(sum - scheme.totalPoints) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `各一级分值之和 ${sum} 不等于总分 ${scheme.totalPoints}` });
    }
    scheme.groups.forEach((group, i) => {
      if (group.source !== 'schemeIndicators') return;
      const inner = group.indicators.reduce((s, x) => s + x.points, 0);
      if (Math.abs(inner - group.points) > 1e-9) {
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'indicators'], message: `「${group.name}」下指标分值之和 ${inner} 不等于 ${group.points}` });
      }
    });
    const mins = scheme.grades.map((g) => g.min);
    if (mins.some((m, i) => i > 0 && m >= (mins[i - 1] ?? Infinity))) {
      ctx.addIssue({ code: 'custom', path: ['grades'], message: '等级须按下限从高到低排列' });
    }
  });
export type Scheme = z.output<typeof schemeSchema>;
export type SchemeInput = z.input<typeof schemeSchema>;

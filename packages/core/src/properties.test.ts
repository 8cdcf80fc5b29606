/**
 * Properties of the engine over generated reports (fast-check): derived sums are sums, scores never
 * exceed points, correctly rounded figures never raise an error, schemes round-trip through their schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './checks/index.ts';
import { runChecks } from './checks/run.ts';
import { CLEAN_DEPARTMENT, HUNAN, LEGACY, merge, NATIONAL } from './checks/testing/fixtures.ts';
import { type Dec, cmp, dec, divide, format, round, sum, ZERO } from './decimal.ts';
import { derive } from './derive/derive.ts';
import type { EvaluationInput } from './model/evaluation.ts';
import { parseEvaluation } from './model/parse.ts';
import { parseScheme } from './scheme/parse.ts';
import { applyRule } from './scoring/rules.ts';
import type { Rule } from './scheme/schema.ts';

const SCHEMES = [HUNAN, NATIONAL, LEGACY];
const text = (d: Dec, decimals = d.scale): string => format(d, decimals, false);

const indicatorArb = fc.record({
  level1: fc.constantFrom('产出指标', '效益指标', '满意度指标'),
  level2: fc.constantFrom('数量指标', '质量指标', '社会效益指标', '服务对象满意度指标'),
  name: fc.string({ minLength: 1, maxLength: 8 }),
  comparison: fc.constantFrom('', '≥', '≤', '='),
  target: fc.integer({ min: 0, max: 5000 }),
  actual: fc.integer({ min: -10, max: 8000 }),
  qualitative: fc.boolean(),
  points: fc.integer({ min: 1, max: 40 }),
  scoreUnits: fc.integer({ min: 0, max: 4000 }),
});

const projectArb = fc.record({
  budget: fc.integer({ min: 1, max: 10_000_000 }),
  actual: fc.integer({ min: 0, max: 12_000_000 }),
  indicators: fc.array(indicatorArb, { minLength: 0, maxLength: 30 }),
});

type Generated = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function projectInput(p: Generated): EvaluationInput {
  return {
    kind: 'project',
    year: 2023,
    project: { name: '生成的项目' },
    funds: { total: { budget: text(dec(p.budget, 2)), actual: text(dec(p.actual, 2)), points: '10', score: '10' } },
    indicators: p.indicators.map((x) => ({
      level1: x.level1,
      level2: x.level2,
      name: x.name,
      target: x.qualitative ? '明显提升' : `${x.comparison}${x.target}`,
      actual: x.qualitative ? '有所提升' : String(x.actual),
      points: String(x.points),
      score: text(dec(x.scoreUnits, 2)),
    })),
  };
}

describe('derivation', () => {
  it('gives level and group sums that are the sums of their rows, for any report and scheme', () => {
    fc.assert(
      fc.property(projectArb, fc.constantFrom(...SCHEMES), (p, scheme) => {
        const derived = derive(parseEvaluation(projectInput(p)), scheme);
        for (const level of derived.levels) {
          const rows = level.indicatorIndexes.map((i) => derived.indicators[i]);
          expect(level.points).toEqual(sum(rows.map((r) => r?.indicator.points ?? ZERO)));
          expect(level.counted).toEqual(sum(rows.map((r) => r?.counted ?? ZERO)));
        }
        const groupSum = round(sum(derived.groups.map((g) => g.score)), scheme.rounding.decimals, scheme.rounding.mode);
        if (scheme.notApplicable === 'drop') expect(cmp(derived.total.computed, groupSum)).toBe(0);
        const stated = sum([dec(10), ...p.indicators.map((x) => dec(x.scoreUnits, 2))]);
        expect(cmp(derived.total.statedSum ?? ZERO, stated)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a score above its points or below zero', () => {
    const rules: Rule[] = [
      { kind: 'proportional' },
      { kind: 'reverse', formula: 'ratio' },
      { kind: 'reverse', formula: 'linear' },
      { kind: 'equals', otherwise: 'proportional' },
      { kind: 'equals', otherwise: 'exact' },
      { kind: 'deduction', bound: 100, side: 'above', perPoint: 0.5, floor: 0 },
      { kind: 'deduction', bound: 90, side: 'below', perPoint: 2, floor: 1 },
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
        fc.integer({ min: -1000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom('halfUp', 'halfEven', 'truncate') as fc.Arbitrary<'halfUp' | 'halfEven' | 'truncate'>,
        (rule, target, actual, points, decimals, mode) => {
          const w = dec(points, 2);
          const outcome = applyRule(rule, target === null ? null : dec(target, 2), dec(actual, 2), w, { mode, decimals });
          if (outcome.score === null) return;
          expect(cmp(outcome.score, w)).toBeLessThanOrEqual(0);
          expect(cmp(outcome.score, ZERO)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('rounding', () => {
  // Exact amounts in 0.0001 万元 (1 元), written rounded to 0.01 万元 as units do.
  const amount = fc.integer({ min: 0, max: 500_000_000 });
  const rounded = (units: number): string => text(round(dec(units, 4), 2, 'halfUp'));

  it('raises no error on a report whose stated figures were rounded correctly from exact values', () => {
    fc.assert(
      fc.property(
        fc.record({ general: amount, fund: amount, other: amount, personnel: amount, operating: amount, project: amount, unspent: fc.integer({ min: 0, max: 50_000_000 }) }),
        fc.record({ authorized: fc.integer({ min: 1, max: 2000 }), vacancy: fc.integer({ min: 0, max: 200 }) }),
        fc.record({ reception: amount, vehicle: amount, priorReception: amount, priorVehicle: amount }),
        (x, staff, tp) => {
          const actual = x.personnel + x.operating + x.project;
          const budget = actual + x.unspent;
          if (budget === 0) return;
          // Income: the exact budget split into three exact parts (the last part takes the remainder).
          const general = Math.min(x.general, budget);
          const fund = Math.min(x.fund, budget - general);
          const other = budget - general - fund;
          const exactRate = divide(dec(actual, 4), dec(budget, 4), 2, 'halfUp', 100) ?? ZERO;
          const exactScore = round(divide(dec(actual * 10, 4), dec(budget, 4), 10) ?? ZERO, 2, 'halfUp');
          const actualStaff = Math.max(0, staff.authorized - staff.vacancy);
          const staffRate = divide(dec(actualStaff), dec(staff.authorized), 2, 'halfUp', 100) ?? ZERO;
          const indicatorScore = 90;
          const total = round(sum([exactScore, dec(indicatorScore)]), 2, 'halfUp');
          const patch = {
            approvedBudget: undefined,
            execution: {
              income: { total: rounded(budget), fiscalAppropriation: rounded(general + fund), generalBudget: rounded(general), governmentFund: rounded(fund), other: rounded(other) },
              spendingBudget: rounded(budget),
              basicSpending: { total: rounded(x.personnel + x.operating), personnel: rounded(x.personnel), personnelParts: [], operating: rounded(x.operating) },
              projectSpending: { total: rounded(x.project), fiscal: null, other: null, projects: [] },
              threePublic: {
                budgetTotal: rounded(tp.reception + tp.vehicle),
                items: [
                  { category: 'reception', budget: rounded(tp.reception), actual: rounded(tp.reception), changeFromPrior: rounded(tp.reception - tp.priorReception) },
                  { category: 'vehicleOperation', budget: rounded(tp.vehicle), actual: rounded(tp.vehicle), changeFromPrior: rounded(tp.vehicle - tp.priorVehicle) },
                ],
              },
              carryover: { amount: rounded(x.unspent) },
            },
            performance: {
              conclusion: { grade: null },
              statements: [{ scope: { funds: true }, points: '10', score: text(exactScore), executionRate: text(exactRate) }],
              projectExecution: undefined,
            },
            staffing: { authorized: { total: String(staff.authorized), parts: [] }, actual: { total: String(actualStaff), parts: [] } },
            basicData: {
              staffing: { authorized: String(staff.authorized), actual: String(actualStaff), controlRate: `${text(staffRate)}%` },
              basicSpending: { actual: rounded(x.personnel + x.operating), budget: null, priorActual: null },
              reception: { actual: rounded(tp.reception), budget: rounded(tp.reception), priorActual: rounded(tp.priorReception) },
              vehicleOperation: { actual: rounded(tp.vehicle), budget: rounded(tp.vehicle), priorActual: rounded(tp.priorVehicle) },
              threePublic: { actual: rounded(tp.reception + tp.vehicle), budget: rounded(tp.reception + tp.vehicle), priorActual: rounded(tp.priorReception + tp.priorVehicle) },
              projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: rounded(x.project), budget: null, priorActual: null } }],
              procurement: { actual: null, budget: null, priorActual: null },
            },
            selfEvaluation: {
              funds: { budget: rounded(budget), actual: rounded(actual), executionRate: `${text(exactRate)}%`, points: '10', score: text(exactScore) },
              income: { generalBudget: rounded(general), governmentFund: rounded(fund), other: rounded(other) },
              spending: { basic: null, personnel: rounded(x.personnel), operating: rounded(x.operating), threePublic: rounded(tp.reception + tp.vehicle), project: rounded(x.project) },
              indicators: [
                { level1: '产出指标', level2: '数量指标', name: '甲', target: '100个', actual: '100个', points: '50', score: '50' },
                { level1: '效益指标', level2: '社会效益指标', name: '乙', target: '明显改善', actual: '道路通行时间缩短', points: '30', score: '30', qualitativeGrade: 'achieved' },
                { level1: '满意度指标', level2: '社会公众或服务对象满意度指标', name: '丙', target: '≥90%', actual: '92%', points: '10', score: '10' },
              ],
              totalScore: text(total),
              grade: null,
            },
          };
          const evaluation = parseEvaluation(merge(CLEAN_DEPARTMENT as unknown as EvaluationInput, patch));
          const findings = runChecks(CHECKS, evaluation, derive(evaluation, HUNAN));
          const errors = findings.filter((f) => f.severity === 'error');
          expect(errors.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('schemes', () => {
  const weights = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 5 });

  it('round-trip through their schema: the files and generated variants', () => {
    for (const scheme of SCHEMES) expect(parseScheme(JSON.parse(JSON.stringify(scheme)))).toEqual(scheme);
    fc.assert(
      fc.property(weights, fc.constantFrom('halfUp', 'halfEven', 'truncate'), fc.integer({ min: 0, max: 4 }), fc.option(fc.double({ min: 1, max: 2, noNaN: true }), { nil: null }), (w, mode, decimals, trigger) => {
        const scheme = {
          ...JSON.parse(JSON.stringify(NATIONAL)),
          id: 'generated',
          totalPoints: w.reduce((a, b) => a + b, 0),
          groups: w.map((points, i) => ({ source: 'unitIndicators', name: `组${i}`, points, level1: [`组${i}`], rescale: false })),
          rounding: { mode, decimals },
          overAchievement: { trigger, effect: 'flag', reducePerPoint: 0, maxReduction: 0 },
        };
        const parsed = parseScheme(scheme);
        expect(parseScheme(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a scheme whose groups do not add up to its total, naming the field', () => {
    const bad = { ...JSON.parse(JSON.stringify(HUNAN)), totalPoints: 90 };
    expect(() => parseScheme(bad, 'bad.json')).toThrow(/bad\.json 格式错误/u);
    try {
      parseScheme(bad, 'bad.json');
    } catch (e) {
      expect((e as { details: string[] }).details.join()).toContain('groups：各一级分值之和 100 不等于总分 90');
    }
  });
});

/**
 * What the writer's tests and benchmark share: the example models and schemes of the repository, a
 * synthetic department evaluation of any size, and whether the external tools (soffice, poppler) are here.
 * @module
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { dec, type Evaluation, type EvaluationInput, format, parseEvaluation, parseScheme, type Scheme } from '@jixiao/core';
import fc from 'fast-check';

const ROOT = new URL('../../../../', import.meta.url);

export const EXAMPLE_FILES = ['hengyang-natural-resources-2022', 'clean-department-2023', 'clean-project-2023'] as const;
export type ExampleName = (typeof EXAMPLE_FILES)[number];

export function loadScheme(id: string): Scheme {
  return parseScheme(JSON.parse(readFileSync(new URL(`schemes/${id}.json`, ROOT), 'utf8')), id);
}

/** An example of `examples/` with the scheme its `schemeId` names. */
export function loadExample(name: ExampleName): { evaluation: Evaluation; scheme: Scheme } {
  const evaluation = parseEvaluation(JSON.parse(readFileSync(new URL(`examples/${name}.json`, ROOT), 'utf8')));
  if (!evaluation.schemeId) throw new Error(`examples/${name}.json 没有 schemeId`);
  return { evaluation, scheme: loadScheme(evaluation.schemeId) };
}

/** The repository root (for artefacts). */
export const REPOSITORY_ROOT = ROOT;

/** Is the command an executable on PATH? */
export function hasCommand(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    if (!dir) return false;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const LEVELS = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['社会公众或服务对象满意度指标']],
] as const;
const GROUP_POINTS = [50, 30, 10] as const;

/**
 * A consistent department evaluation with `indicatorCount` indicators (≥ 3), deterministic: points per
 * first-level group sum to 50 / 30 / 10 (in hundredths), targets and actuals vary, stated scores are left
 * blank for the engine to fill.
 */
export function syntheticDepartment(indicatorCount: number): EvaluationInput {
  const count = Math.max(3, indicatorCount);
  const perGroup = [Math.max(1, Math.floor(count * 0.6)), Math.max(1, Math.floor(count * 0.3))];
  perGroup.push(count - (perGroup[0] ?? 0) - (perGroup[1] ?? 0));
  const indicators: NonNullable<Extract<EvaluationInput, { kind: 'department' }>['selfEvaluation']>['indicators'] = [];
  LEVELS.forEach(([level1, level2s], g) => {
    const n = perGroup[g] ?? 1;
    const total = GROUP_POINTS[g] ?? 10;
    const base = Math.floor((total * 100) / n);
    for (let i = 0; i < n; i++) {
      const hundredths = i === n - 1 ? total * 100 - base * (n - 1) : base;
      const target = 10 + ((i * 37) % 90);
      const actual = target + ((i * 13) % 7) - 3;
      const qualitative = i % 5 === 4;
      indicators.push({
        level1,
        level2: level2s[i % level2s.length] ?? level2s[0],
        name: `第${i + 1}项${level1.slice(0, 2)}工作`,
        target: qualitative ? '按期完成' : `≥${target}个`,
        actual: qualitative ? '已按期完成' : `${actual}个`,
        points: (hundredths / 100).toFixed(2),
        score: qualitative ? (hundredths / 100).toFixed(2) : null,
        qualitativeGrade: qualitative ? 'achieved' : null,
        deviationExplanation: actual < target ? `受客观因素影响，第${i + 1}项完成${actual}个，少于目标${target}个，下年度提前安排。` : null,
      });
    }
  });
  return {
    kind: 'department',
    schemeId: 'hunan-county-department-2022',
    year: 2023,
    unit: { name: '某县综合测试局', rank: '正科级', fundingType: '全额拨款行政单位' },
    staffing: { authorized: { total: 120, parts: [] }, actual: { total: 112, parts: [] }, retired: 30 },
    duties: ['负责本县综合测试工作。', '承办县人民政府交办的其他事项。'],
    execution: {
      income: { total: '5,000.00', fiscalAppropriation: '4,800.00', other: '200.00' },
      spendingBudget: '5,000.00',
      basicSpending: { total: '2,000.00', personnel: '1,600.00', operating: '400.00', personnelParts: [] },
      projectSpending: { total: '2,950.00', projects: [] },
      management: '严格执行财务管理制度。',
    },
    problems: '部分指标设置不够细化。',
    measures: ['进一步细化绩效指标。'],
    signature: { unit: '某县综合测试局', date: '2024-02-20' },
    basicData: {
      staffing: { authorized: 120, actual: 112 },
      basicSpending: { actual: '2,000.00', budget: '2,100.00', priorActual: '1,950.00' },
      reception: { actual: '10.00', budget: '12.00', priorActual: '11.00' },
      vehicleOperation: { actual: '8.00', budget: '8.00', priorActual: '7.50' },
      projectCategories: [
        { category: 'business', label: '业务工作专项', items: [
          { name: '测试项目一', row: { actual: '1,950.00', budget: '2,000.00', priorActual: '1,800.00' } },
          { name: '测试项目二', row: { actual: '1,000.00', budget: '1,050.00', priorActual: '900.00' } },
        ] },
      ],
      procurement: { actual: '300.00', budget: '320.00', priorActual: '280.00' },
      savingMeasures: '严格控制三公经费。',
      preparedOn: '2024-02-20',
      signOff: { preparer: '张三', phone: '0000-0000000', unitHead: '李四' },
    },
    selfEvaluation: {
      funds: { budget: '5,000.00', actual: '4,950.00', points: 10 },
      income: { generalBudget: '4,800.00', other: '200.00' },
      spending: { personnel: '1,600.00', operating: '400.00', project: '2,950.00' },
      goals: { expected: '完成年度测试任务。', achieved: '已完成年度测试任务。' },
      level1: LEVELS.map(([name], g) => ({ name, points: GROUP_POINTS[g] ?? 0 })),
      indicators,
      deviationAnalysis: '个别指标未完成。',
      measures: '加强过程管理。',
      preparedOn: '2024-02-20',
      signOff: { preparer: '张三', phone: '0000-0000000', unitHead: '李四' },
    },
  };
}

/** The synthetic evaluation parsed. */
export const syntheticDepartmentEvaluation = (indicatorCount: number): Evaluation => parseEvaluation(syntheticDepartment(indicatorCount));

// ---------------------------------------------------------------------------------------------------------
// Generated models

const money = (cents: number): string => format(dec(cents, 2), 2);
const GENERATED_LEVELS = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标']],
  ['满意度指标', ['社会公众或服务对象满意度指标']],
] as const;

const indicatorArbitrary = fc.record({
  group: fc.integer({ min: 0, max: 2 }),
  sub: fc.integer({ min: 0, max: 3 }),
  kind: fc.constantFrom('atLeast', 'plain', 'atMost', 'percent', 'text'),
  target: fc.integer({ min: 1, max: 2000 }),
  actual: fc.integer({ min: 0, max: 3000 }),
  points: fc.integer({ min: 1, max: 40 }).map((n) => n / 2),
  stated: fc.option(fc.integer({ min: 0, max: 40 }).map((n) => n / 2), { nil: null }),
});

/** Department evaluations of every shape the writer must handle (property tests of the round trip). */
export const departmentArbitrary = fc.record({
  budget: fc.integer({ min: 100_00, max: 50_000_00 }),
  spentShare: fc.integer({ min: 0, max: 120 }),
  personnel: fc.integer({ min: 0, max: 5_000_00 }),
  operating: fc.integer({ min: 0, max: 1_000_00 }),
  reception: fc.tuple(fc.integer({ min: 0, max: 100_00 }), fc.integer({ min: 0, max: 100_00 }), fc.integer({ min: 0, max: 100_00 })),
  items: fc.array(fc.tuple(fc.integer({ min: 0, max: 900_00 }), fc.integer({ min: 0, max: 900_00 })), { minLength: 0, maxLength: 4 }),
  indicators: fc.array(indicatorArbitrary, { minLength: 1, maxLength: 10 }),
  statedTotal: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  authorized: fc.integer({ min: 1, max: 900 }),
  actualStaff: fc.integer({ min: 0, max: 1000 }),
});

export type DepartmentSample = typeof departmentArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The model of a generated sample: 附件1-1 and 附件1-2 filled, indicators of every kind, stated scores or none. */
export function generatedDepartment(input: DepartmentSample): EvaluationInput {
  const actual = Math.round((input.budget * input.spentShare) / 100);
  return {
    kind: 'department',
    year: 2023,
    unit: { name: '某县生成局' },
    basicData: {
      staffing: { authorized: input.authorized, actual: input.actualStaff },
      reception: { actual: money(input.reception[0]), budget: money(input.reception[1]), priorActual: money(input.reception[2]) },
      projectCategories: [{ category: 'business', label: '业务工作专项', items: input.items.map(([a, b], i) => ({ name: `项目${i + 1}`, row: { actual: money(a), budget: money(b) } })) }],
      preparedOn: '2024-01-31',
    },
    selfEvaluation: {
      funds: { budget: money(input.budget), actual: money(actual) },
      spending: { personnel: money(input.personnel), operating: money(input.operating) },
      indicators: input.indicators.map((x, i) => {
        const [level1, level2s] = GENERATED_LEVELS[x.group] ?? GENERATED_LEVELS[0];
        const text = x.kind === 'text';
        const target = { atLeast: `≥${x.target}个`, plain: `${x.target}`, atMost: `≤${x.target}元`, percent: `≥${x.target % 101}%`, text: '按期完成' }[x.kind];
        const actualText = { atLeast: `${x.actual}个`, plain: `${x.actual}`, atMost: `${x.actual}元`, percent: `${x.actual % 101}%`, text: '已按期完成' }[x.kind];
        return {
          level1, level2: level2s[x.sub % level2s.length] ?? level2s[0], name: `指标${i + 1}`, target, actual: actualText,
          points: x.points, score: text ? Math.min(x.points, x.stated ?? x.points) : x.stated, qualitativeGrade: text ? 'achieved' : null,
        };
      }),
      totalScore: input.statedTotal,
      preparedOn: '2024-01-31',
    },
    signature: { date: '2024-02-01' },
  } as EvaluationInput;
}

/**
 * Clean, consistent reports for check tests, and builders that change one thing at a time.
 * Every figure here agrees with every other under the Hunan county scheme (department) and the national
 * project scheme (project): a check that reports anything on them is wrong.
 * @module
 */
import type { EvaluationInput } from '../../model/evaluation.ts';
import { parseScheme } from '../../scheme/parse.ts';
import hunan from '../../../../../schemes/hunan-county-department-2022.json' with { type: 'json' };
import national from '../../../../../schemes/national-project-2020.json' with { type: 'json' };
import legacy from '../../../../../schemes/hunan-department-legacy-2013.json' with { type: 'json' };

export const HUNAN = parseScheme(hunan);
export const NATIONAL = parseScheme(national);
export const LEGACY = parseScheme(legacy);

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge: objects merge, arrays and scalars replace; `undefined` deletes. */
export function merge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k], v) : v;
  }
  return out as T;
}

export const CLEAN_DEPARTMENT = {
  kind: 'department',
  schemeId: 'hunan-county-department-2022',
  year: 2022,
  unit: { name: '某县林业局', rank: '正科级', fundingType: '全额拨款行政单位' },
  staffing: {
    authorized: { total: '50', parts: [{ label: '行政编制', count: '20' }, { label: '事业编制', count: '30' }] },
    actual: { total: '48', parts: [{ label: '行政人员', count: '19' }, { label: '事业人员', count: '29' }] },
    retired: '12',
  },
  duties: ['负责全县林业资源保护'],
  approvedBudget: { generalBudgetIncome: '1,000.00', basicSpending: '600.00', personnel: '500.00', operating: '100.00', threePublicBudget: '10.00' },
  execution: {
    income: { total: '1,000.00', fiscalAppropriation: '1,000.00', generalBudget: '1,000.00', other: '0.00' },
    spendingBudget: '1,000.00',
    basicSpending: { total: '600.00', personnel: '500.00', personnelParts: [{ label: '工资福利支出', amount: '480.00' }, { label: '对个人和家庭的补助', amount: '20.00' }], operating: '100.00' },
    projectSpending: { total: '380.00', fiscal: '380.00', other: '0.00', projects: [{ label: '森林防火', amount: '200.00' }, { label: '植树造林', amount: '180.00' }] },
    threePublic: {
      budgetTotal: '10.00',
      items: [
        { category: 'reception', budget: '6.00', actual: '5.00', changeFromPrior: '-1.00', explanation: '压减接待' },
        { category: 'vehicleOperation', budget: '4.00', actual: '4.00', changeFromPrior: '0.50', explanation: '车辆老化维修增加' },
      ],
    },
    carryover: { amount: '20.00', text: '结转20.00万元' },
  },
  performance: {
    conclusion: { text: '完成年度目标', grade: '优秀' },
    statements: [
      { scope: { funds: true }, points: '10', score: '9.8', executionRate: '98.00%' },
      { scope: { level1: ['产出指标'] }, points: '50', score: '50' },
      { scope: { level1: ['产出指标'], level2: '数量指标' }, indicatorCount: '1', listedItems: ['造林面积'] },
    ],
    projectExecution: { budget: '400.00', actual: '380.00', surplus: '20.00', executionRate: '95.00%' },
  },
  problems: '个别项目进度偏慢。',
  measures: ['加强项目调度。'],
  signature: { unit: '某县林业局', date: '2023年2月20日' },
  basicData: {
    staffing: { authorized: '50', actual: '48', controlRate: '96.00%' },
    basicSpending: { actual: '600.00', budget: '600.00', priorActual: '590.00' },
    vehicleOperation: { actual: '4.00', budget: '4.00', priorActual: '3.50' },
    reception: { actual: '5.00', budget: '6.00', priorActual: '6.00' },
    projectCategories: [{ category: 'business', label: '业务工作专项', total: { actual: '380.00', budget: '400.00', priorActual: '350.00' } }],
    procurement: { actual: '50.00', budget: '60.00', priorActual: '40.00' },
    preparedOn: '2023-02-20',
    signOff: { preparer: '张三', phone: '0734-1234567', unitHead: '李四' },
  },
  selfEvaluation: {
    funds: { budget: '1,000.00', actual: '980.00', executionRate: '98.00%', points: '10', score: '9.8' },
    income: { generalBudget: '1,000.00', other: '0.00' },
    spending: { basic: '600.00', personnel: '500.00', operating: '100.00', threePublic: '9.00', project: '380.00' },
    goals: { expected: '完成造林1000亩', achieved: '完成造林1000亩' },
    level1: [{ name: '产出指标', points: '50' }, { name: '效益指标', points: '30' }, { name: '满意度指标', points: '10' }],
    indicators: [
      { level1: '产出指标', level2: '数量指标', name: '造林面积', target: '1000亩', actual: '1000亩', points: '25', score: '25' },
      { level1: '产出指标', level2: '质量指标', name: '苗木成活率', target: '≥85%', actual: '90%', points: '25', score: '25' },
      { level1: '效益指标', level2: '生态效益指标', name: '森林覆盖率提升', target: '提升', actual: '提升0.2个百分点', points: '30', score: '30', qualitativeGrade: 'achieved' },
      { level1: '满意度指标', level2: '社会公众或服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '95%', points: '10', score: '10' },
    ],
    grade: '优秀',
    totalPoints: '100',
    totalScore: '99.8',
    deviationAnalysis: '预算执行率98.00%，森林防火项目结转20.00万元。',
    measures: '加快项目支付进度。',
    preparedOn: '2023-02-20',
    signOff: { preparer: '张三', phone: '0734-1234567', unitHead: '李四' },
  },
} as const satisfies EvaluationInput;

export const CLEAN_PROJECT = {
  kind: 'project',
  schemeId: 'national-project-2020',
  year: 2023,
  project: { name: '农村公路养护项目', supervisingDepartment: '某县交通运输局', implementingUnit: '某县公路养护中心' },
  funds: {
    total: { initialBudget: '500.00', budget: '500.00', actual: '500.00', points: '10', executionRate: '100.00%', score: '10' },
    fiscalAppropriation: { initialBudget: '500.00', budget: '500.00', actual: '500.00' },
  },
  goals: { expected: '养护农村公路300公里', achieved: '养护农村公路300公里' },
  level1: [{ name: '产出指标', points: '50' }, { name: '效益指标', points: '30' }, { name: '满意度指标', points: '10' }],
  indicators: [
    { level1: '产出指标', level2: '数量指标', name: '养护里程', target: '≥300公里', actual: '300公里', points: '20', score: '20' },
    { level1: '产出指标', level2: '质量指标', name: '路面优良率', target: '≥80%', actual: '82%', points: '15', score: '15' },
    { level1: '产出指标', level2: '时效指标', name: '完成时间', target: '2023年12月底前', actual: '2023年11月完成', points: '5', score: '5', qualitativeGrade: 'achieved' },
    { level1: '产出指标', level2: '成本指标', name: '每公里养护成本', target: '≤1.7万元', actual: '1.6万元', points: '10', score: '10' },
    { level1: '效益指标', level2: '社会效益指标', name: '群众出行条件', target: '明显改善', actual: '路况明显改善，沿线群众出行时间缩短', points: '30', score: '30', qualitativeGrade: 'achieved' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '沿线群众满意度', target: '≥90%', actual: '93%', points: '10', score: '10' },
  ],
  totalPoints: '100',
  totalScore: '100',
  grade: '优',
  preparedOn: '2024-02-28',
  signOff: { preparer: '王五', phone: '0734-7654321', unitHead: '赵六' },
} as const satisfies EvaluationInput;

export const department = (patch: unknown = {}): EvaluationInput => merge(CLEAN_DEPARTMENT as unknown as EvaluationInput, patch);
export const project = (patch: unknown = {}): EvaluationInput => merge(CLEAN_PROJECT as unknown as EvaluationInput, patch);

/** Replaces one indicator of the department's table (by index) with a patched copy. */
export function departmentWithIndicator(index: number, patch: Record<string, unknown>): EvaluationInput {
  const indicators = CLEAN_DEPARTMENT.selfEvaluation.indicators.map((x, i) => (i === index ? { ...x, ...patch } : x));
  return department({ selfEvaluation: { indicators } });
}

export function projectWithIndicator(index: number, patch: Record<string, unknown>): EvaluationInput {
  const indicators = CLEAN_PROJECT.indicators.map((x, i) => (i === index ? { ...x, ...patch } : x));
  return project({ indicators });
}

/**
 * Synthetic demo data at scale: regions, units and one evaluation per unit and year, built from the
 * consistent examples in `examples/` and varied (amounts, execution, satisfaction, statuses). The scores,
 * total and grade of a clean evaluation are the core's own (`derive`), so a clean evaluation has no error;
 * defects are then injected at known rates, each one a change that a named check must find.
 *
 * Pure and deterministic: the same options give the same data (a seeded PRNG, no clock, no I/O).
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  add, constant, type Dec, derive, DomainError, format, multiply, normalize, parseDec, parseEvaluation, round, type Scheme, selectScheme,
} from '@jixiao/core';
import type { Status } from '../domain/workflow.ts';

/** The defects the generator can inject, and the check that must find each. */
export const DEMO_DEFECTS = {
  /** 总分 ≠ 各项得分之和 */
  totalScore: 'total-score-mismatch',
  /** 预算执行率 ≠ 执行数 / 预算数 */
  executionRate: 'rate-mismatch',
  /** 等级与总分不符 */
  grade: 'grade-mismatch',
  /** 报告文字中的总分与自评表不符 */
  narrative: 'narrative-score-mismatch',
  /** 执行率低于 90% 却给预算执行率满分 */
  fullScoreLowExecution: 'execution-score-plausibility',
} as const;
export type DemoDefect = keyof typeof DEMO_DEFECTS;
export const DEMO_DEFECT_NAMES: Record<DemoDefect, string> = {
  totalScore: '总分不等于各项得分之和', executionRate: '预算执行率算错', grade: '等级与总分不符', narrative: '报告文字与自评表得分不符',
  fullScoreLowExecution: '执行率低却得满分',
};

export const DEFAULT_DEFECT_RATES: Record<DemoDefect, number> = { totalScore: 0.1, executionRate: 0.08, grade: 0.05, narrative: 0.1, fullScoreLowExecution: 0.05 };

export type DemoOptions = {
  readonly units: number;
  readonly years: number;
  readonly seed?: string | undefined;
  /** The last year generated (default 2023); the years are lastYear − years + 1 … lastYear. */
  readonly lastYear?: number | undefined;
  /** Units per region (default 100, a county). */
  readonly unitsPerRegion?: number | undefined;
  /** Share of department (部门整体) evaluations; the rest are project evaluations (default 0.4). */
  readonly departmentShare?: number | undefined;
  readonly defectRates?: Partial<Record<DemoDefect, number>> | undefined;
};

export type DemoRegion = { readonly index: number; readonly name: string; readonly financeBureau: string };
export type DemoUnit = { readonly index: number; readonly regionIndex: number; readonly name: string; readonly code: string };
export type DemoEvaluation = {
  readonly unitIndex: number;
  readonly year: number;
  readonly kind: 'department' | 'project';
  readonly projectName: string;
  readonly status: Status;
  readonly defects: readonly DemoDefect[];
  readonly document: Record<string, unknown>;
};
export type DemoData = {
  /** The options it was generated from (a worker thread regenerates the same data from them). */
  readonly options: DemoOptions;
  readonly seed: string;
  readonly years: readonly number[];
  readonly regions: readonly DemoRegion[];
  readonly units: readonly DemoUnit[];
  /** Unit by unit, year by year (unit-major), so that a batch covers few units; units `from` ≤ index < `to`. */
  evaluations(from?: number, to?: number): Generator<DemoEvaluation>;
  readonly evaluationCount: number;
};

export const MAX_DEMO_UNITS = 200_000;
/** Changes whenever the same options would generate different data (benchmarks reuse stored data of the same version). */
export const DEMO_GENERATOR_VERSION = '2';
export const MAX_DEMO_YEARS = 10;

// -------------------------------------------------------------------------------------------------
// A small seeded PRNG (sfc32 seeded from a string hash): fast, reproducible, good enough for demo data.

function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export type Random = { next(): number; int(min: number, max: number): number; pick<T>(list: readonly T[]): T; chance(p: number): boolean };

export function seededRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    chance: (p) => next() < p,
  };
}

// -------------------------------------------------------------------------------------------------

const COUNTIES = ['青山', '白沙', '云溪', '石门', '桃源', '龙泉', '清河', '松阳', '金城', '安平', '永宁', '长乐', '凤台', '兴华', '临江', '平川'];
const DEPARTMENTS = [
  '农业农村局', '水利局', '教育局', '卫生健康局', '交通运输局', '自然资源局', '住房和城乡建设局', '民政局', '文化旅游广电局', '生态环境局',
  '人力资源和社会保障局', '市场监督管理局', '林业局', '应急管理局', '司法局', '统计局', '审计局', '商务局', '科技局', '退役军人事务局',
];
const PROJECTS = ['高标准农田建设', '农村公路养护', '乡村学校改造', '基层医疗设备购置', '小型水库除险加固', '农村饮水安全巩固', '城乡环境整治', '森林防火能力建设'];

const example = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)), 'utf8');

/** 万元 in hundredths (integer cents of 万元), formatted as written: 2,980.00. */
const amountText = (hundredths: number): string => format({ units: hundredths, scale: 2 });
/** numerator / denominator in percent, two decimals, half up — integer arithmetic only. */
function percentText(numerator: number, denominator: number): string {
  const n = BigInt(numerator) * 10000n * 2n + BigInt(denominator);
  const q = n / (2n * BigInt(denominator));
  return `${format({ units: Number(q), scale: 2 }, 2, false)}%`;
}
const show = (d: Dec): string => {
  const n = normalize(d);
  return format(n, n.scale, false);
};

/** The examples are of 2023, reported in 2024: moves both years in one pass. */
const shiftYears = (text: string, year: number): string => text.replace(/202([34])/gu, (_m, d: string) => String(d === '3' ? year : year + 1));

type Templates = { readonly department: string; readonly project: string; readonly schemes: readonly Scheme[] };

function otherGrade(scheme: Scheme, grade: string): string {
  return scheme.grades.find((g) => g.name !== grade)?.name ?? `${grade}以上`;
}

/** Writes the core's own scores, total and grade into a document (so the clean document is consistent). */
function settle(doc: Record<string, unknown>, scheme: Scheme): { total: Dec; grade: string } {
  const derived = derive(parseEvaluation(doc), scheme);
  const table = (doc['kind'] === 'project' ? doc : doc['selfEvaluation']) as Record<string, unknown>;
  const funds = (doc['kind'] === 'project' ? (doc['funds'] as Record<string, Record<string, unknown>>)['total'] : table['funds']) as Record<string, unknown>;
  if (derived.funds.score) funds['score'] = show(derived.funds.score);
  const indicators = table['indicators'] as Record<string, unknown>[];
  derived.indicators.forEach((r, i) => {
    const target = indicators[i];
    if (target && r.expected) target['score'] = show(r.expected);
  });
  // The computed total is the sum of the scores just written, and its grade the scheme's.
  const total = derived.total.computed;
  table['totalScore'] = show(total);
  table['grade'] = derived.grade.name;
  return { total, grade: derived.grade.name };
}

function projectDocument(t: Templates, r: Random, unitName: string, year: number, projectName: string, lowExecution: boolean): { doc: Record<string, unknown>; scheme: Scheme } {
  const doc = JSON.parse(shiftYears(t.project, year)) as Record<string, unknown>;
  const scheme = selectScheme(t.schemes, 'project', doc['schemeId'] as string);
  const budget = r.int(50_00, 6000_00);
  const rate = !lowExecution && r.chance(0.75) ? 0.9 + r.next() * 0.1 : 0.45 + r.next() * 0.44;
  const actual = Math.min(budget, Math.round(budget * rate));
  const row = (points: string | null, score: string | null) => ({
    initialBudget: amountText(budget), budget: amountText(budget), received: amountText(budget), actual: amountText(actual),
    points, executionRate: percentText(actual, budget), score,
  });
  const zero = { initialBudget: '0.00', budget: '0.00', received: '0.00', actual: '0.00', points: null, executionRate: null, score: null };
  doc['funds'] = { total: row('10', '10'), fiscalAppropriation: row(null, null), priorCarryover: zero, otherFunds: { ...zero } };
  doc['project'] = { ...(doc['project'] as object), name: projectName, supervisingDepartment: unitName, implementingUnit: unitName };
  const indicators = doc['indicators'] as Record<string, unknown>[];
  const satisfaction = indicators[indicators.length - 1] as Record<string, unknown>;
  const tenths = r.chance(0.8) ? r.int(900, 990) : r.int(820, 899);
  const satisfactionText = `${show({ units: tenths, scale: 1 })}%`;
  satisfaction['actual'] = satisfactionText;
  if (tenths < 900) {
    satisfaction['deviationExplanation'] = `受益农户满意度${satisfactionText}，低于年度指标90%，主要是部分农户对工程进度和施工期间出行不便有意见。改进措施：施工前公示工期和临时通道，完工后逐户回访。`;
  }
  // A weaker project (one in five) falls short on several quantitative targets.
  if (r.chance(0.2)) {
    for (const indicator of indicators.slice(0, -1)) {
      if (indicator['direction'] !== 'higherIsBetter' || !r.chance(0.6)) continue;
      const target = /^[≥]?\s*(\d+(?:\.\d+)?)(.*)$/u.exec(String(indicator['target'] ?? ''));
      const value = target ? parseDec(target[1] ?? '') : null;
      if (!target || !value) continue;
      const reached = show(round(multiply(value, { units: r.int(40, 95), scale: 2 }), 2));
      indicator['actual'] = `${reached}${target[2] ?? ''}`;
      indicator['deviationExplanation'] = `${String(indicator['name'])}实际完成${reached}${target[2] ?? ''}，未达到年度指标${String(indicator['target'])}，主要原因是部分工程受汛期和征地影响推迟实施。改进措施：下一年度提前开展前期工作，按月调度进度，未完成部分在次年6月底前完成。`;
    }
  }
  const { total, grade } = settle(doc, scheme);
  const report = doc['report'] as { heading: string; text: string }[];
  const money = doc['funds'] as Record<string, Record<string, string>>;
  const totalRow = money['total'] as Record<string, string>;
  const paragraphs = [
    `${projectName}由${unitName}组织实施，全年预算${totalRow['budget']}万元，全部为本年财政拨款。`,
    `项目全年预算${totalRow['budget']}万元，全年执行${totalRow['actual']}万元，预算执行率${totalRow['executionRate']}。项目资金实行专账核算，按进度拨付。`,
    `各项产出和效益指标按计划推进，受益农户满意度${satisfactionText}。`,
    (report[3] as { text: string }).text,
    `项目自评得分${show(total)}分，自评等级为${grade}。`,
  ];
  doc['report'] = report.map((p, i) => ({ heading: p.heading, text: paragraphs[i] ?? p.text }));
  return { doc, scheme };
}

function departmentDocument(t: Templates, unitName: string, year: number): { doc: Record<string, unknown>; scheme: Scheme } {
  const text = shiftYears(t.department.replaceAll('某县农业农村局', unitName), year);
  const doc = JSON.parse(text) as Record<string, unknown>;
  return { doc, scheme: selectScheme(t.schemes, 'department', doc['schemeId'] as string) };
}

/** Whether a defect can be injected in a document of this kind. */
export const defectApplies = (defect: DemoDefect, kind: 'department' | 'project'): boolean =>
  defect === 'narrative' ? kind === 'department' : defect === 'fullScoreLowExecution' ? kind === 'project' : true;

/** Injects one defect in place. */
function inject(defect: DemoDefect, doc: Record<string, unknown>, scheme: Scheme, r: Random): void {
  const isProject = doc['kind'] === 'project';
  const table = (isProject ? doc : doc['selfEvaluation']) as Record<string, unknown>;
  const funds = (isProject ? (doc['funds'] as Record<string, unknown>)['total'] : table['funds']) as Record<string, unknown>;
  switch (defect) {
    case 'totalScore': {
      const stated = parseEvaluation(doc);
      const current = (stated.kind === 'project' ? stated.totalScore : stated.selfEvaluation?.totalScore) ?? constant(0);
      table['totalScore'] = show(add(current, constant(-r.int(2, 6))));
      return;
    }
    case 'executionRate': {
      const written = String(funds['executionRate'] ?? '0%').replace('%', '');
      const value = Number.parseFloat(written);
      funds['executionRate'] = `${(value >= 60 ? value - r.int(3, 9) : value + r.int(3, 9)).toFixed(2)}%`;
      return;
    }
    case 'fullScoreLowExecution':
      // The document was built with an execution rate below 90 %: the funds score is claimed in full.
      funds['score'] = funds['points'];
      return;
    case 'grade':
      table['grade'] = otherGrade(scheme, String(table['grade'] ?? ''));
      return;
    case 'narrative': {
      // 部门整体 only: the core compares the narrative's statements with the table (a project's report is free text).
      const performance = doc['performance'] as { statements: { score?: string | null; text: string }[] };
      const statement = performance.statements.find((s) => s.score);
      if (!statement?.score) return;
      const written = statement.score;
      const changed = show(add(normalize({ units: Math.round(Number.parseFloat(written) * 100), scale: 2 }), constant(-r.int(2, 5))));
      statement.score = changed;
      statement.text = statement.text.replace(`得分${written}分`, `得分${changed}分`);
      return;
    }
  }
}

const LATEST_STATUSES: readonly [Status, number][] = [['draft', 0.15], ['submitted', 0.25], ['returned', 0.05], ['approved', 0.25], ['published', 0.3]];
const PAST_STATUSES: readonly [Status, number][] = [['approved', 0.15], ['published', 0.85]];

function pickWeighted(r: Random, list: readonly [Status, number][]): Status {
  let x = r.next();
  for (const [s, w] of list) {
    if (x < w) return s;
    x -= w;
  }
  return (list[list.length - 1] as [Status, number])[0];
}

/** @throws DomainError `demo-invalid` for out-of-range sizes or rates */
export function generateDemo(options: DemoOptions, schemes: readonly Scheme[]): DemoData {
  const { units: unitCount, years: yearCount } = options;
  if (!Number.isInteger(unitCount) || unitCount < 1 || unitCount > MAX_DEMO_UNITS) {
    throw new DomainError('demo-invalid', `--units 应为 1 到 ${MAX_DEMO_UNITS} 之间的整数，收到 ${String(unitCount)}`);
  }
  if (!Number.isInteger(yearCount) || yearCount < 1 || yearCount > MAX_DEMO_YEARS) {
    throw new DomainError('demo-invalid', `--years 应为 1 到 ${MAX_DEMO_YEARS} 之间的整数，收到 ${String(yearCount)}`);
  }
  const rates = { ...DEFAULT_DEFECT_RATES, ...options.defectRates };
  for (const [k, v] of Object.entries(rates)) {
    if (!(v >= 0 && v <= 1)) throw new DomainError('demo-invalid', `缺陷比例 ${k} 应在 0 到 1 之间，收到 ${String(v)}`);
  }
  const seed = options.seed ?? 'jixiao-demo';
  const lastYear = options.lastYear ?? 2023;
  const perRegion = Math.max(1, options.unitsPerRegion ?? 100);
  const departmentShare = options.departmentShare ?? 0.4;
  const years = Array.from({ length: yearCount }, (_, i) => lastYear - yearCount + 1 + i);
  const regionCount = Math.ceil(unitCount / perRegion);
  const regions: DemoRegion[] = Array.from({ length: regionCount }, (_, i) => {
    const name = `演示${COUNTIES[i % COUNTIES.length]}县${i >= COUNTIES.length ? Math.floor(i / COUNTIES.length) + 1 : ''}（${seed}）`;
    return { index: i, name, financeBureau: `${name}财政局` };
  });
  const units: DemoUnit[] = Array.from({ length: unitCount }, (_, i) => {
    const regionIndex = Math.floor(i / perRegion);
    const within = i % perRegion;
    const department = DEPARTMENTS[within % DEPARTMENTS.length] as string;
    const suffix = within >= DEPARTMENTS.length ? `第${Math.floor(within / DEPARTMENTS.length) + 1}分局` : '';
    const county = (regions[regionIndex] as DemoRegion).name.replace(/^演示/u, '').replace(/（.*）$/u, '');
    return { index: i, regionIndex, name: `${county}${department}${suffix}`, code: `D${String(regionIndex).padStart(4, '0')}${String(within).padStart(4, '0')}` };
  });
  const templates: Templates = { department: example('clean-department-2023.json'), project: example('clean-project-2023.json'), schemes };
  const latest = years[years.length - 1] as number;

  function* evaluations(from = 0, to = units.length): Generator<DemoEvaluation> {
    for (const unit of units.slice(from, to)) {
      // One stream per unit: a unit's data does not depend on how many units come before it.
      const r = seededRandom(`${seed}#${unit.index}`);
      const isDepartment = r.chance(departmentShare);
      const projectKind = r.pick(PROJECTS);
      for (const year of years) {
        const projectName = isDepartment ? '' : `${year}年${unit.name}${projectKind}项目`;
        const kind = isDepartment ? 'department' : 'project';
        const defects = (Object.keys(DEMO_DEFECTS) as DemoDefect[]).filter((d) => r.chance(rates[d]) && defectApplies(d, kind));
        const built = isDepartment
          ? departmentDocument(templates, unit.name, year)
          : projectDocument(templates, r, unit.name, year, projectName, defects.includes('fullScoreLowExecution'));
        for (const d of defects) inject(d, built.doc, built.scheme, r);
        const status = pickWeighted(r, year === latest ? LATEST_STATUSES : PAST_STATUSES);
        yield { unitIndex: unit.index, year, kind, projectName, status, defects, document: built.doc };
      }
    }
  }
  return { options, seed, years, regions, units, evaluations, evaluationCount: unitCount * yearCount };
}

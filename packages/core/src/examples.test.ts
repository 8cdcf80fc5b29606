/**
 * The example reports in `examples/`: each parses, derives under its scheme, and keeps the facts computed
 * by hand below. The seed (衡阳县自然资源局 2022) is entered as written, errors included: its derived
 * figures must disagree with its stated ones exactly where the real report is wrong. The `clean-*`
 * examples must agree with themselves everywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Dec, type Derived, type Evaluation, type Scheme, add, cmp, derive, divide, format, normalize, parseEvaluation,
  parseScheme, resolveGrade, round, sub, sum, sumConsistent, toNumber,
} from './index.ts';

const ROOT = new URL('../../../', import.meta.url);
const EXAMPLES = new URL('examples/', ROOT);

type Example = { file: string; raw: unknown; evaluation: Evaluation; scheme: Scheme; derived: Derived };

function load(file: string): Example {
  const raw: unknown = JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8'));
  const evaluation = parseEvaluation(raw);
  if (!evaluation.schemeId) throw new Error(`${file}: schemeId missing`);
  const scheme = parseScheme(JSON.parse(readFileSync(new URL(`schemes/${evaluation.schemeId}.json`, ROOT), 'utf8')), evaluation.schemeId);
  return { file, raw, evaluation, scheme, derived: derive(evaluation, scheme) };
}

const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
const examples = new Map(files.map((f) => [f, load(f)]));
function example(file: string): Example {
  const found = examples.get(file);
  if (!found) throw new Error(`examples/${file} missing`);
  return found;
}
function department(file: string) {
  const ex = example(file);
  if (ex.evaluation.kind !== 'department') throw new Error(`${file} is not a department evaluation`);
  return { ...ex, evaluation: ex.evaluation };
}
function project(file: string) {
  const ex = example(file);
  if (ex.evaluation.kind !== 'project') throw new Error(`${file} is not a project evaluation`);
  return { ...ex, evaluation: ex.evaluation };
}

const ZERO: Dec = { units: 0, scale: 0 };
/** A decimal as plain text without trailing zeros ("97.92", "10"), or null. */
const str = (d: Dec | null | undefined): string | null => {
  if (d === null || d === undefined) return null;
  const n = normalize(d);
  return format(n, n.scale, false);
};
/** Present decimals of a list, summed exactly. */
const total = (values: readonly (Dec | null)[]): string | null => str(sum(values.filter((v): v is Dec => v !== null)));
const percent = (n: Dec | null, d: Dec | null): string | null => (n && d ? str(divide(n, d, 2, 'halfUp', 100)) : null);
const minus = (a: Dec | null, b: Dec | null): string | null => (a && b ? str(sub(a, b)) : null);
/** A decimal as a report writes it: its own precision, thousands separators from 1,000 on. */
const written = (d: Dec): string => format(d, d.scale, Math.abs(toNumber(d)) >= 1000);
const blank = (s: string): string => s.replace(/[\s\u3000\u00a0\u2002]/gu, '');

/** The raw JSON value at a field path like `selfEvaluation.indicators[3].score`. */
function at(raw: unknown, path: string): unknown {
  let value = raw;
  for (const key of path.split(/\.|(?=\[)/u)) {
    const index = /^\[(\d+)\]$/u.exec(key);
    if (index) value = Array.isArray(value) ? value[Number(index[1])] : undefined;
    else value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

describe('every example', () => {
  it('includes the seed and a clean example of each kind', () => {
    expect(files).toEqual(expect.arrayContaining(['hengyang-natural-resources-2022.json', 'clean-department-2023.json', 'clean-project-2023.json']));
  });

  describe.each(files)('%s', (file) => {
    const { evaluation, scheme, derived, raw } = example(file);

    it('is derived under the scheme of its own kind', () => {
      expect(scheme.id).toBe(evaluation.schemeId);
      expect(scheme.kind).toBe(evaluation.kind);
      expect(derived.card).not.toBeNull();
      expect(derived.indicators.length).toBeGreaterThan(0);
      expect(derived.groups.map((g) => str(g.points))).toEqual(scheme.groups.map((g) => String(g.points)));
    });

    it('every sourceMap entry points at a line that holds its excerpt, and the excerpt holds the value', () => {
      const sources = new Map<string, string[]>();
      for (const [path, location] of Object.entries(evaluation.sourceMap)) {
        expect(location.file, path).toBeTruthy();
        expect(location.line, path).toBeGreaterThan(0);
        const name = location.file ?? '';
        if (!sources.has(name)) sources.set(name, readFileSync(new URL(name, EXAMPLES), 'utf8').split('\n'));
        const line = sources.get(name)?.[(location.line ?? 0) - 1] ?? '';
        const excerpt = location.excerpt ?? '';
        expect(line, `${path} → ${name}:${location.line}`).toContain(excerpt);
        const value = at(raw, path);
        expect(typeof value, `${path} has no written value`).toBe('string');
        const v = blank(String(value));
        const e = blank(excerpt);
        expect(v.includes(e) || e.includes(v), `${path}: 「${String(value)}」 vs 「${excerpt}」`).toBe(true);
      }
    });
  });
});

describe('hengyang-natural-resources-2022.json (the seed, errors kept)', () => {
  const { evaluation: e, derived: d, scheme } = department('hengyang-natural-resources-2022.json');
  const se = e.selfEvaluation;
  const bd = e.basicData;
  const perf = e.performance;
  const level = (name: string) => d.levels.find((l) => l.name === name);

  it('is the 2022 department report of 衡阳县自然资源局 under the Hunan county scheme', () => {
    expect(e.unit.name).toBe('衡阳县自然资源局');
    expect(e.year).toBe(2022);
    expect(e.schemeId).toBe('hunan-county-department-2022');
    expect(e.signature?.date).toBe('2023-02-20');
    expect(e.duties).toHaveLength(18);
    expect(e.unit.divisions?.names).toHaveLength(20);
    expect(str(e.unit.divisions?.count)).toBe('20');
    expect(e.unit.subordinateUnits?.names).toHaveLength(13);
    expect(e.unit.massOrganizations?.names).toHaveLength(4);
    expect(str(e.unit.branchOffices?.count)).toBe('25');
  });

  it('derives a total of 98 while the table states 97', () => {
    expect(str(d.funds.rate)).toBe('100');
    expect(str(d.funds.score)).toBe('10');
    expect(d.groups.map((g) => [g.name, str(g.score)])).toEqual([
      ['预算执行率', '10'], ['产出指标', '48'], ['效益指标', '30'], ['满意度指标', '10'],
    ]);
    expect(str(d.total.computed)).toBe('98');
    expect(str(d.total.statedSum)).toBe('98');
    expect(str(se?.totalScore)).toBe('97');
    expect(str(se?.totalPoints)).toBe('100');
  });

  it('states the grade as 优, an alias of the template’s 优秀, which the derived total also gives', () => {
    expect(se?.grade).toBe('优');
    expect(resolveGrade(scheme, '优')).toEqual({ name: '优秀', isAlias: true });
    expect(d.grade.name).toBe('优秀');
    expect(perf?.conclusion?.grade).toBe('优秀');
  });

  it('has the 14 filled indicator rows whose points add up to 90 and scores to 88', () => {
    expect(se?.indicators).toHaveLength(14);
    expect(se?.indicators.some((x) => x.level2 === '可持续影响指标')).toBe(false);
    expect(total(se?.indicators.map((x) => x.points) ?? [])).toBe('90');
    expect(total(se?.indicators.map((x) => x.score) ?? [])).toBe('88');
    expect(d.levels.map((l) => [l.name, str(l.statedPoints), str(l.points), str(l.statedScore)])).toEqual([
      ['产出指标', '50', '50', '48'], ['效益指标', '30', '30', '30'], ['满意度指标', '10', '10', '10'],
    ]);
  });

  it('says 产出及效益 scored 77 of 80 where the table gives 48 + 30 = 78', () => {
    const statement = perf?.statements[1];
    expect(statement?.scope.level1).toEqual(['产出指标', '效益指标']);
    expect(str(statement?.points)).toBe('80');
    expect(str(statement?.score)).toBe('77');
    const output = level('产出指标');
    const benefit = level('效益指标');
    expect(output && benefit ? str(add(output.statedScore, benefit.statedScore)) : null).toBe('78');
    expect(str(perf?.statements[2]?.score)).toBe('48');
  });

  it('says there are 5 数量 indicators but lists six and the table has six (30 points)', () => {
    const statement = perf?.statements[3];
    expect(statement?.scope.level2).toBe('数量指标');
    expect(str(statement?.indicatorCount)).toBe('5');
    expect(statement?.listedItems).toHaveLength(6);
    const quantity = level('产出指标')?.level2.find((l) => l.name === '数量指标');
    expect(quantity?.indicatorIndexes).toHaveLength(6);
    expect(str(quantity?.points)).toBe('30');
    expect(str(perf?.statements[4]?.indicatorCount)).toBe('2');
    expect(perf?.statements[4]?.listedItems).toHaveLength(2);
  });

  it('scores the five quantity rows above target in full but flags them at ≥ 120 % of target', () => {
    const flagged = d.indicators.filter((r) => r.isOverAchieved).map((r) => [r.index, str(r.achievement)]);
    expect(flagged).toEqual([[0, '130'], [1, '126'], [3, '121'], [4, '120'], [5, '140']]);
    expect(d.indicators.slice(0, 6).map((r) => str(r.expected))).toEqual(['5', '5', '5', '5', '5', '5']);
  });

  it('reads the text targets of 质量, 时效, 成本 and 效益 as qualitative (4 counted for 时效 and 成本) and 90%以上 as 90', () => {
    for (const i of [6, 7, 8, 9, 10, 11, 12]) {
      expect(d.indicators[i]?.direction).toBe('qualitative');
      expect(d.indicators[i]?.directionInferred).toBe(true);
    }
    expect([8, 9].map((i) => str(d.indicators[i]?.counted))).toEqual(['4', '4']);
    expect(se?.indicators[11]?.target).toBeNull();
    const satisfaction = d.indicators[13];
    expect(satisfaction?.direction).toBe('higherIsBetter');
    expect(str(satisfaction?.actual.value)).toBe('90');
    expect(str(satisfaction?.expected)).toBe('10');
  });

  it('states a project surplus of 11,853.56 where 11,853.56 − 9,970.25 = 1,883.31, at 84.11 %', () => {
    const pe = perf?.projectExecution;
    expect(str(pe?.surplus)).toBe('11853.56');
    expect(minus(pe?.budget ?? null, pe?.actual ?? null)).toBe('1883.31');
    expect(percent(pe?.actual ?? null, pe?.budget ?? null)).toBe('84.11');
    expect(str(pe?.executionRate)).toBe('84.11');
    expect(str(bd?.projectCategories[0]?.total.budget)).toBe('11853.56');
  });

  it('gives 644 staff in the text, 645 in the table, and a control rate of 87.15 % that neither gives', () => {
    expect(str(e.staffing?.authorized?.total)).toBe('716');
    expect(total(e.staffing?.authorized?.parts.map((p) => p.count) ?? [])).toBe('716');
    expect(str(e.staffing?.actual?.total)).toBe('644');
    expect(total(e.staffing?.actual?.parts.map((p) => p.count) ?? [])).toBe('644');
    expect(str(bd?.staffing.actual)).toBe('645');
    expect(str(bd?.staffing.controlRate)).toBe('87.15');
    expect(percent(bd?.staffing.actual ?? null, bd?.staffing.authorized ?? null)).toBe('90.08');
    expect(percent(e.staffing?.actual?.total ?? null, bd?.staffing.authorized ?? null)).toBe('89.94');
  });

  it('gives the reception budget as 60.11 in the text and 62.11 in the table; 62.11 + 11.52 = 73.63', () => {
    const reception = e.execution?.threePublic?.items.find((i) => i.category === 'reception');
    expect(str(reception?.budget)).toBe('60.11');
    expect(str(bd?.reception.budget)).toBe('62.11');
    expect(total([bd?.reception.budget ?? null, bd?.vehicleOperation.budget ?? null])).toBe('73.63');
    expect(str(e.execution?.threePublic?.budgetTotal)).toBe('73.63');
    expect(str(d.figures['threePublic.actual'])).toBe('51.63');
    expect(str(se?.spending.threePublic)).toBe('51.63');
    expect(minus(bd?.reception.actual ?? null, bd?.reception.priorActual ?? null)).toBe(str(reception?.changeFromPrior));
  });

  it('has income parts that add to 17,485.16, consistent with 17,485.15 only as rounded figures', () => {
    const income = se?.income;
    const parts = [income?.generalBudget, income?.governmentFund, income?.other].filter((x): x is Dec => !!x);
    expect(str(sum(parts))).toBe('17485.16');
    expect(se?.funds.budget ? sumConsistent(se.funds.budget, parts) : null).toBe(true);
    expect(total([se?.spending.personnel ?? null, se?.spending.operating ?? null, se?.spending.project ?? null])).toBe('17485.15');
  });

  it('lists 11 projects adding to 9,970.27 against 9,970.25, keeping 70 and 16 as written', () => {
    const ps = e.execution?.projectSpending;
    expect(ps?.projects).toHaveLength(11);
    expect(total(ps?.projects.map((p) => p.amount) ?? [])).toBe('9970.27');
    expect(total(ps?.projects.slice(0, 10).map((p) => p.amount) ?? [])).toBe('8515.75');
    expect(str(ps?.fiscal)).toBe('8515.74');
    expect(ps?.projects[5]?.amount).toEqual({ units: 70, scale: 0 });
    expect(ps?.projects[8]?.amount).toEqual({ units: 16, scale: 0 });
    expect(e.execution?.basicSpending?.total).toEqual({ units: 751490, scale: 2 });
  });

  it('has a basic-spending budget of 5,947.80 under its actual 7,514.90 and blank sign-offs', () => {
    expect(cmp(bd?.basicSpending.budget ?? ZERO, bd?.basicSpending.actual ?? ZERO)).toBe(-1);
    expect(bd?.signOff).toEqual({ preparer: null, phone: null, unitHead: null });
    expect(se?.signOff).toEqual({ preparer: null, phone: null, unitHead: null });
    expect(bd?.generalSpendingCut.budget).toBeNull();
  });

  it('keeps the pasted 库区/移民 paragraph and the duplicated 地质灾害 sentence', () => {
    expect(perf?.paragraphs.at(-1)?.text).toContain('库区和移民安置区');
    const ecology = perf?.paragraphs[2]?.text ?? '';
    expect(ecology.split('开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》').length - 1).toBe(2);
  });

  it('maps the stated figures to their lines in the seed', () => {
    const map = e.sourceMap;
    expect(Object.keys(map).length).toBeGreaterThan(150);
    se?.indicators.forEach((_, i) => expect(map[`selfEvaluation.indicators[${i}].score`], `indicator ${i}`).toBeDefined());
    expect(map['selfEvaluation.totalScore']?.line).toBe(511);
    expect(map['selfEvaluation.indicators[0].score']?.line).toBe(354);
    expect(map['basicData.staffing.controlRate']?.line).toBe(143);
    expect(map['performance.statements[1].score']?.line).toBe(82);
    expect(map['execution.threePublic.items[0].budget']?.line).toBe(53);
    expect(map['staffing.actual.total']?.line).toBe(12);
  });
});

/** Everything a clean department report must agree with, computed exactly. */
function expectCleanDepartment(file: string) {
  const { evaluation: e, derived: d, scheme } = department(file);
  const se = e.selfEvaluation;
  const bd = e.basicData;
  const ex = e.execution;
  if (!se || !bd || !ex || !e.performance) throw new Error(`${file}: incomplete`);

  it('states the total, group scores, rate and grade that the scheme gives', () => {
    expect(str(se.totalScore)).toBe(str(d.total.computed));
    expect(str(d.total.statedSum)).toBe(str(d.total.computed));
    expect(str(se.funds.executionRate)).toBe(str(d.funds.rate));
    expect(str(se.funds.score)).toBe(str(d.funds.score));
    expect(resolveGrade(scheme, se.grade ?? '')?.name).toBe(d.grade.name);
    expect(e.performance?.conclusion?.grade).toBe(d.grade.name);
    for (const l of d.levels) {
      expect(str(l.statedPoints), l.name).toBe(str(l.points));
      expect(str(l.statedScore), l.name).toBe(str(l.counted));
    }
  });

  it('scores every indicator by its rule, within its band, and explains every lost point', () => {
    for (const r of d.indicators) {
      const x = r.indicator;
      expect(r.directionInferred, x.name).toBe(false);
      if (r.expected) expect(str(x.score), x.name).toBe(str(r.expected));
      if (r.direction === 'qualitative') expect(r.scoreBand, x.name).toBe(x.qualitativeGrade);
      expect(r.isOverAchieved, x.name).toBe(false);
      const lost = x.score && x.points && cmp(x.score, x.points) < 0;
      expect(Boolean(x.deviationExplanation), x.name).toBe(Boolean(lost));
    }
  });

  it('says in the narrative what the tables say', () => {
    for (const s of e.performance?.statements ?? []) {
      const rows = d.indicators.filter(
        (r) => s.scope.level1.includes(r.indicator.level1) && (s.scope.level2 === null || r.indicator.level2 === s.scope.level2),
      );
      if (s.scope.funds) {
        expect(str(s.score)).toBe(str(se.funds.score));
        expect(str(s.amount)).toBe(str(se.funds.budget));
        expect(str(s.executionRate)).toBe(str(se.funds.executionRate));
      } else {
        expect(rows.length, s.text ?? '').toBeGreaterThan(0);
        if (s.points) expect(str(s.points), s.text ?? '').toBe(total(rows.map((r) => r.indicator.points)));
        if (s.score) expect(str(s.score), s.text ?? '').toBe(total(rows.map((r) => r.indicator.score)));
        if (s.indicatorCount) expect(str(s.indicatorCount), s.text ?? '').toBe(String(rows.length));
        if (s.listedItems.length > 0) expect(s.listedItems, s.text ?? '').toHaveLength(rows.length);
        const deducted = rows.filter((r) => r.indicator.score && r.indicator.points && cmp(r.indicator.score, r.indicator.points) < 0);
        if (s.deductedCount) expect(str(s.deductedCount), s.text ?? '').toBe(String(deducted.length));
      }
      for (const figure of [s.points, s.score, s.amount, s.executionRate, s.indicatorCount]) {
        if (figure) expect(s.text, s.text ?? '').toContain(written(figure));
      }
    }
    const pe = e.performance?.projectExecution;
    expect(str(pe?.budget)).toBe(str(bd.projectSpending.budget));
    expect(str(pe?.actual)).toBe(str(bd.projectSpending.actual));
    expect(str(pe?.surplus)).toBe(minus(pe?.budget ?? null, pe?.actual ?? null));
    expect(str(pe?.executionRate)).toBe(percent(pe?.actual ?? null, pe?.budget ?? null));
  });

  it('adds up: income, spending, basic and project spending, carry-over', () => {
    const inc = ex.income;
    expect(total([inc?.fiscalAppropriation ?? null, inc?.other ?? null])).toBe(str(inc?.total));
    expect(total([inc?.generalBudget ?? null, inc?.governmentFund ?? null])).toBe(str(inc?.fiscalAppropriation));
    expect(str(ex.spendingBudget)).toBe(str(se.funds.budget));
    expect(total([se.income.generalBudget, se.income.governmentFund, se.income.nonTaxIncome, se.income.other])).toBe(str(se.funds.budget));
    expect(str(se.income.generalBudget)).toBe(str(e.approvedBudget?.generalBudgetIncome));
    expect(total([se.spending.basic, se.spending.project])).toBe(str(se.funds.actual));
    expect(total([se.spending.personnel, se.spending.operating])).toBe(str(se.spending.basic));
    const basic = ex.basicSpending;
    expect(total([basic?.personnel ?? null, basic?.operating ?? null])).toBe(str(basic?.total));
    expect(total(basic?.personnelParts.map((p) => p.amount) ?? [])).toBe(str(basic?.personnel));
    expect(str(basic?.total)).toBe(str(bd.basicSpending.actual));
    expect(str(basic?.total)).toBe(str(se.spending.basic));
    expect(total([e.approvedBudget?.personnel ?? null, e.approvedBudget?.operating ?? null])).toBe(str(e.approvedBudget?.basicSpending));
    // 二（一）经批复的预、决算情况 states the 决算 of basic spending (as the seed does) and the 三公 budget.
    expect(str(e.approvedBudget?.basicSpending)).toBe(str(basic?.total));
    expect(str(e.approvedBudget?.personnel)).toBe(str(basic?.personnel));
    expect(str(e.approvedBudget?.operating)).toBe(str(basic?.operating));
    const ps = ex.projectSpending;
    expect(total([ps?.fiscal ?? null, ps?.other ?? null])).toBe(str(ps?.total));
    expect(total(ps?.projects.map((p) => p.amount) ?? [])).toBe(str(ps?.total));
    expect(str(ps?.total)).toBe(str(se.spending.project));
    expect(total([bd.basicSpending.budget, bd.projectSpending.budget])).toBe(str(se.funds.budget));
    expect(minus(se.funds.budget, se.funds.actual)).toBe(str(ex.carryover?.amount));
    expect(percent(se.funds.actual, se.funds.budget)).toBe(str(se.funds.executionRate));
  });

  it('agrees between the 附件1-1 rows, their parts and the narrative', () => {
    const keys = ['actual', 'budget', 'priorActual'] as const;
    const byName = new Map(ex.projectSpending?.projects.map((p) => [p.label, p.amount]));
    for (const k of keys) {
      const categories = bd.projectCategories.map((c) => c.total[k]);
      expect(total(categories), k).toBe(str(bd.projectSpending[k]));
      for (const c of bd.projectCategories) expect(total(c.items.map((i) => i.row[k])), `${c.label} ${k}`).toBe(str(c.total[k]));
      expect(total([bd.vehiclePurchase[k], bd.vehicleOperation[k]]), k).toBe(str(bd.vehicle[k]));
      expect(total([bd.vehicle[k], bd.reception[k], bd.overseasTravel[k]]), k).toBe(str(bd.threePublic[k]));
    }
    const items = bd.projectCategories.flatMap((c) => c.items);
    expect(items.map((i) => [i.name, str(i.row.actual)]).sort()).toEqual([...byName].map(([n, a]) => [n, str(a)]).sort());
    const tp = ex.threePublic;
    expect(total(tp?.items.map((i) => i.budget) ?? [])).toBe(str(tp?.budgetTotal));
    expect(total(tp?.items.map((i) => i.actual) ?? [])).toBe(str(tp?.actualTotal));
    expect(str(tp?.budgetTotal)).toBe(str(bd.threePublic.budget));
    expect(str(tp?.budgetTotal)).toBe(str(e.approvedBudget?.threePublicBudget));
    expect(str(tp?.actualTotal)).toBe(str(bd.threePublic.actual));
    expect(str(tp?.actualTotal)).toBe(str(se.spending.threePublic));
    for (const item of tp?.items ?? []) {
      const row = bd[item.category];
      expect(str(item.budget), item.category).toBe(str(row.budget));
      expect(str(item.actual), item.category).toBe(str(row.actual));
      expect(str(item.priorActual), item.category).toBe(str(row.priorActual));
      expect(str(item.changeFromPrior), item.category).toBe(minus(item.actual, item.priorActual));
      expect(cmp(item.actual ?? ZERO, item.budget ?? ZERO), item.category).toBeLessThanOrEqual(0);
    }
  });

  it('keeps staff within establishment and states the control rate', () => {
    const s = e.staffing;
    expect(total(s?.authorized?.parts.map((p) => p.count) ?? [])).toBe(str(s?.authorized?.total));
    expect(total(s?.actual?.parts.map((p) => p.count) ?? [])).toBe(str(s?.actual?.total));
    expect(str(bd.staffing.authorized)).toBe(str(s?.authorized?.total));
    expect(str(bd.staffing.actual)).toBe(str(s?.actual?.total));
    expect(cmp(bd.staffing.actual ?? ZERO, bd.staffing.authorized ?? ZERO)).toBeLessThanOrEqual(0);
    expect(str(bd.staffing.controlRate)).toBe(percent(bd.staffing.actual, bd.staffing.authorized));
  });

  it('is signed off and dated', () => {
    for (const so of [bd.signOff, se.signOff]) expect(Object.values(so).every((v) => Boolean(v))).toBe(true);
    expect(bd.preparedOn).toBeTruthy();
    expect(se.preparedOn).toBe(e.signature?.date);
    expect(e.signature?.unit).toBe(e.unit.name);
  });

  return { e, d };
}

describe('clean-department-2023.json (某县农业农村局, consistent)', () => {
  const { e, d } = expectCleanDepartment('clean-department-2023.json');

  it('scores 97.92 (9.67 + 49.75 + 28.50 + 10), 优秀', () => {
    expect(str(d.funds.rate)).toBe('96.69');
    expect(d.groups.map((g) => str(g.score))).toEqual(['9.67', '49.75', '28.5', '10']);
    expect(str(d.total.computed)).toBe('97.92');
    expect(d.grade.name).toBe('优秀');
    expect(str(e.execution?.carryover?.amount)).toBe('285.82');
  });

  it('loses points on one quantity row (1140 of 1200 → 4.75) and one qualitative row (部分达成 → 3.50)', () => {
    const lost = d.indicators.filter((r) => r.indicator.score && r.indicator.points && cmp(r.indicator.score, r.indicator.points) < 0);
    expect(lost.map((r) => [r.indicator.name, str(r.counted)])).toEqual([
      ['农产品质量安全例行监测批次', '4.75'],
      ['高标准农田建后管护机制', '3.5'],
    ]);
    expect(str(d.figures['threePublic.actual'])).toBe('23.18');
    expect(percent(d.figures['staff.actual'] ?? null, d.figures['staff.authorized'] ?? null)).toBe('91.94');
  });
});

describe('clean-project-2023.json (高标准农田建设项目, national table)', () => {
  const { evaluation: p, derived: d, scheme } = project('clean-project-2023.json');
  const f = p.funds;

  it('has fund rows that add up and rates that match them', () => {
    for (const k of ['initialBudget', 'budget', 'actual'] as const) {
      expect(total([f.fiscalAppropriation[k], f.priorCarryover[k], f.otherFunds[k]]), k).toBe(str(f.total[k]));
    }
    for (const row of [f.total, f.fiscalAppropriation, f.priorCarryover]) {
      expect(str(row.executionRate)).toBe(percent(row.actual, row.budget));
    }
    expect(str(d.funds.rate)).toBe('97.39');
    expect(str(d.funds.score)).toBe('9.74');
    expect(str(f.total.score)).toBe('9.74');
  });

  it('scores 99.42 (9.74 + 49.68 + 30 + 10), 优, as stated', () => {
    expect(d.groups.map((g) => str(g.score))).toEqual(['9.74', '49.68', '30', '10']);
    expect(str(d.total.computed)).toBe('99.42');
    expect(str(p.totalScore)).toBe('99.42');
    expect(str(d.total.statedSum)).toBe('99.42');
    expect(d.grade.name).toBe('优');
    expect(resolveGrade(scheme, p.grade ?? '')?.name).toBe('优');
    for (const l of d.levels) {
      expect(str(l.statedPoints), l.name).toBe(str(l.points));
      expect(str(l.statedScore), l.name).toBe(str(l.counted));
    }
  });

  it('has 12 indicators with a 反向, a zero-target 等于 and qualitative rows, all scored by rule', () => {
    expect(d.indicators).toHaveLength(12);
    const directions = d.indicators.map((r) => r.direction);
    expect(directions.filter((x) => x === 'lowerIsBetter')).toHaveLength(1);
    const equals = d.indicators.find((r) => r.direction === 'equals');
    expect(str(equals?.target.value)).toBe('0');
    expect(str(equals?.expected)).toBe(str(equals?.indicator.points));
    const qualitative = d.indicators.filter((r) => r.direction === 'qualitative');
    expect(qualitative.length).toBeGreaterThanOrEqual(2);
    for (const r of qualitative) expect(r.scoreBand, r.indicator.name).toBe(r.indicator.qualitativeGrade);
    for (const r of d.indicators) {
      expect(r.directionInferred, r.indicator.name).toBe(false);
      if (r.expected) expect(str(r.indicator.score), r.indicator.name).toBe(str(r.expected));
      expect(r.isOverAchieved, r.indicator.name).toBe(false);
    }
  });

  it('explains its one unmet indicator: 33.6 of 35 km → 7.68 of 8', () => {
    const unmet = d.indicators.filter((r) => r.indicator.score && r.indicator.points && cmp(r.indicator.score, r.indicator.points) < 0);
    expect(unmet).toHaveLength(1);
    expect(unmet[0]?.indicator.name).toBe('新建（改造）灌排渠道长度');
    expect(str(unmet[0]?.expected)).toBe('7.68');
    expect(unmet[0]?.indicator.deviationExplanation).toContain('33.6');
    expect(d.indicators.filter((r) => r.indicator.deviationExplanation)).toHaveLength(1);
  });

  it('repeats its figures in the report and is signed off', () => {
    const report = p.report.map((s) => s.text).join('\n');
    for (const figure of [f.total.budget, f.total.actual, f.total.executionRate, p.totalScore]) {
      expect(report).toContain(figure ? written(figure) : '（空）');
    }
    expect(str(round(sub(f.total.budget ?? ZERO, f.total.actual ?? ZERO), 2))).toBe('80');
    expect(report).toContain('80.00万元');
    expect(Object.values(p.signOff).every((v) => Boolean(v))).toBe(true);
    expect(p.preparedOn).toBe('2024-02-26');
  });
});

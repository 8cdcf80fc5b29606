/**
 * Narrative facts against the tables: a figure the text states about a standard quantity of the
 * templates (人员经费, 公用经费, 基本支出, 项目支出, 三公经费 and its categories × 预算/实际/上年, 编制数,
 * 在职人数, 控制率, 年度资金, income by source, the section scores and indicator counts, the indicators'
 * own targets and actuals) must equal the same figure in the model's tables (附件1-1 基础数据表, 附件1-2
 * 自评表, the project's 自评表). Only table fields are used: the model's narrative fields came from the
 * same text. Whatever the model lacks is not compared.
 * @module
 */
import {
  type Dec, type Derived, type Evaluation, type FundsBlock, type Indicator, type Scheme, abs, derive, divide,
  cmp, figuresOf, format, normalizeName, parseDec, parseMeasure, ratioConsistent, scorecardOf, sub, sum, ZERO,
} from '@jixiao/core';
import { differenceMatches, inDirection, sameFigure, show, sumMatches } from './intervals.ts';
import { componentsOf } from './structure.ts';
import { normalizeSubject } from './labels.ts';
import { type Fact, FactKind, type PlacedFact } from './types.ts';

type Column = 'actual' | 'budget' | 'prior' | 'points' | 'score' | 'rate' | 'count';

/** A figure of the model's tables a fact can be compared with. */
export type ModelFigure = {
  readonly name: string;
  readonly column: Column;
  readonly path: string;
  readonly table: string;
  readonly expected: string;
  /** The expected figure as a number, where `expected` is worded (增加15.18万元 → 15.18): in the fact's own direction. */
  readonly value?: number;
  readonly matches: (fact: Fact) => boolean;
};

type Quantity = {
  readonly name: string;
  readonly subject: RegExp;
  readonly kinds: readonly Fact['kind'][];
  readonly figures: (m: ModelView) => ModelFigure[];
};

const BASIC_TABLE = '附件1-1 基础数据表';
const SELF_TABLE = '附件1-2 自评表';
const PROJECT_TABLE = '项目支出绩效自评表';

const written = (d: Dec): string => format(d, d.scale);

/** A written model value compared as an interval with the fact. */
function figure(name: string, column: Column, path: string, table: string, value: Dec | null | undefined, unit: string): ModelFigure[] {
  if (!value) return [];
  return [{ name, column, path, table, expected: `${written(value)}${unit}`, matches: (f) => sameFigure(f, { value }) }];
}

/** A model value computed as a sum of written values. */
function sumFigure(name: string, column: Column, path: string, table: string, parts: readonly (Dec | null | undefined)[], unit: string): ModelFigure[] {
  const present = parts.filter((p): p is Dec => p !== null && p !== undefined);
  if (present.length !== parts.length || present.length === 0) return [];
  const total = sum(present);
  return [{ name, column, path, table, expected: `${written(total)}${unit}`, matches: (f) => sumMatches(f, present.map((value) => ({ value }))) }];
}

type ModelView = {
  readonly evaluation: Evaluation;
  readonly figures: Readonly<Record<string, Dec | null>>;
  readonly levels: readonly LevelView[];
  /** Every level's second-level groups, in order. */
  readonly level2: readonly LevelView['level2'][number][];
  /** The standard quantity of a subject and kind (`quantityOf` without the 本局 rule), once per subject. */
  readonly quantityNamed: (kind: Fact['kind'], subject: string) => Quantity | null;
  readonly indicators: readonly Indicator[];
  /** The indicators' names without blanks and quotes, as a subject is compared with them. */
  readonly indicatorNames: readonly string[];
  readonly indicatorPath: (i: number) => string;
  /** `quantity.figures(this)`, built once per quantity and model (their expected texts are formatted). */
  readonly figuresOf: (quantity: Quantity) => ModelFigure[];
  readonly fundsPath: string;
  readonly funds: FundsBlock;
  readonly tableName: string;
};

type LevelView = {
  readonly key: string;
  readonly name: string;
  readonly points: Dec;
  readonly score: Dec;
  readonly level2: readonly { readonly key: string; readonly name: string; readonly indexes: readonly number[] }[];
  readonly indexes: readonly number[];
};

function levelsOf(indicators: readonly Indicator[], headers: readonly { name: string; points: Dec | null }[], derived: Derived | null): LevelView[] {
  const map = new Map<string, { name: string; indexes: number[]; level2: Map<string, { name: string; indexes: number[] }> }>();
  indicators.forEach((x, i) => {
    if (x.notApplicable) return;
    const key = normalizeName(x.level1);
    let level = map.get(key);
    if (!level) {
      level = { name: x.level1, indexes: [], level2: new Map() };
      map.set(key, level);
    }
    level.indexes.push(i);
    const key2 = normalizeName(x.level2);
    let l2 = level.level2.get(key2);
    if (!l2) {
      l2 = { name: x.level2, indexes: [] };
      level.level2.set(key2, l2);
    }
    l2.indexes.push(i);
  });
  return [...map.entries()].map(([key, level]) => {
    const fromDerived = derived?.levels.find((l) => l.key === key);
    const header = headers.find((h) => normalizeName(h.name) === key)?.points ?? null;
    const rows = level.indexes.map((i) => indicators[i]).filter((x): x is Indicator => x !== undefined);
    return {
      key,
      name: level.name,
      points: fromDerived?.statedPoints ?? header ?? fromDerived?.points ?? sum(rows.map((r) => r.points ?? ZERO)),
      score: fromDerived?.statedScore ?? sum(rows.map((r) => r.score ?? ZERO)),
      indexes: level.indexes,
      level2: [...level.level2.entries()].map(([k, l2]) => ({ key: k, name: l2.name, indexes: l2.indexes })),
    };
  });
}

const cols = (row: { actual: Dec | null; budget: Dec | null; priorActual: Dec | null } | undefined, name: string, path: string): ModelFigure[] =>
  row
    ? [
        ...figure(name, 'actual', `${path}.actual`, BASIC_TABLE, row.actual, '万元'),
        ...figure(name, 'budget', `${path}.budget`, BASIC_TABLE, row.budget, '万元'),
        ...figure(name, 'prior', `${path}.priorActual`, BASIC_TABLE, row.priorActual, '万元'),
      ]
    : [];

const dept = (m: ModelView) => (m.evaluation.kind === 'department' ? m.evaluation : null);

/** Standard quantities, by the subjects that name them in the narrative. */
const QUANTITIES: readonly Quantity[] = [
  {
    name: '人员经费', subject: /^(?:基本支出)?人员经费$/u, kinds: ['amount'],
    figures: (m) => figure('人员经费', 'actual', 'selfEvaluation.spending.personnel', SELF_TABLE, dept(m)?.selfEvaluation?.spending.personnel, '万元'),
  },
  {
    name: '公用经费', subject: /^(?:日常)?公用经费$/u, kinds: ['amount'],
    figures: (m) => figure('公用经费', 'actual', 'selfEvaluation.spending.operating', SELF_TABLE, dept(m)?.selfEvaluation?.spending.operating, '万元'),
  },
  {
    name: '基本支出', subject: /^(?:一般公共预算)?(?:部门)?基本支出$/u, kinds: ['amount'],
    figures: (m) => [
      ...cols(dept(m)?.basicData?.basicSpending, '部门基本支出', 'basicData.basicSpending'),
      ...figure('基本支出', 'actual', 'selfEvaluation.spending.basic', SELF_TABLE, dept(m)?.selfEvaluation?.spending.basic, '万元'),
    ],
  },
  {
    name: '项目支出', subject: /^(?:部门)?(?:项目支出|专项资金支出|专项支出|项目资金支出|项目)$/u, kinds: ['amount'],
    figures: (m) => {
      if (m.evaluation.kind === 'project') return [];
      return [
        ...figure('部门项目支出', 'actual', 'basicData.projectSpending.actual', BASIC_TABLE, m.figures['project.actual'], '万元'),
        ...figure('部门项目支出', 'budget', 'basicData.projectSpending.budget', BASIC_TABLE, m.figures['project.budget'], '万元'),
        ...figure('部门项目支出', 'prior', 'basicData.projectSpending.priorActual', BASIC_TABLE, m.figures['project.priorActual'], '万元'),
        ...figure('项目支出', 'actual', 'selfEvaluation.spending.project', SELF_TABLE, dept(m)?.selfEvaluation?.spending.project, '万元'),
      ];
    },
  },
  {
    name: '三公经费', subject: /^三公经费(?:支出)?$/u, kinds: ['amount'],
    figures: (m) => [
      ...figure('三公经费', 'actual', 'basicData.threePublic.actual', BASIC_TABLE, m.figures['threePublic.actual'], '万元'),
      ...figure('三公经费', 'budget', 'basicData.threePublic.budget', BASIC_TABLE, m.figures['threePublic.budget'], '万元'),
      ...figure('三公经费', 'prior', 'basicData.threePublic.priorActual', BASIC_TABLE, m.figures['threePublic.priorActual'], '万元'),
    ],
  },
  { name: '公务接待费', subject: /^公务接待(?:费|经费)?$/u, kinds: ['amount'], figures: (m) => cols(dept(m)?.basicData?.reception, '公务接待', 'basicData.reception') },
  {
    name: '公务用车运行维护费', subject: /^(?:公务用车|公车)运行(?:维护)?(?:费|经费)?$/u, kinds: ['amount'],
    figures: (m) => cols(dept(m)?.basicData?.vehicleOperation, '公车运行维护', 'basicData.vehicleOperation'),
  },
  {
    name: '公务用车购置费', subject: /^(?:公务用车|公车)购置(?:费|经费)?$/u, kinds: ['amount'],
    figures: (m) => cols(dept(m)?.basicData?.vehiclePurchase, '公车购置', 'basicData.vehiclePurchase'),
  },
  {
    name: '公务用车购置及运行维护费', subject: /^(?:公务用车|公车)购置(?:和|及)运行(?:维护)?(?:费|经费)?$/u, kinds: ['amount'],
    figures: (m) => cols(dept(m)?.basicData?.vehicle, '公务用车购置和维护经费', 'basicData.vehicle'),
  },
  { name: '因公出国（境）费', subject: /^因公出国(?:境)?(?:费|经费)?$/u, kinds: ['amount'], figures: (m) => cols(dept(m)?.basicData?.overseasTravel, '出国（境）经费', 'basicData.overseasTravel') },
  { name: '政府采购金额', subject: /^政府采购(?:金额|支出|资金)?$/u, kinds: ['amount'], figures: (m) => cols(dept(m)?.basicData?.procurement, '政府采购金额', 'basicData.procurement') },
  {
    name: '编制数', subject: /^(?:核定)?(?:定编|编制数?|编制总数|核定编制|编制人数)$/u, kinds: ['count'],
    figures: (m) => figure('编制数', 'count', 'basicData.staffing.authorized', BASIC_TABLE, dept(m)?.basicData?.staffing.authorized, '人'),
  },
  {
    name: '年末实际在职人数', subject: /^(?:年末)?(?:实有|实际)?在职(?:人员|人数|职工|干部职工|干部)?(?:总数)?$/u, kinds: ['count'],
    figures: (m) => figure('年末实际在职人数', 'count', 'basicData.staffing.actual', BASIC_TABLE, dept(m)?.basicData?.staffing.actual, '人'),
  },
  {
    name: '在职人员控制率', subject: /^(?:在职人员|财政供养人员|人员)?控制率$/u, kinds: ['rate'],
    figures: (m) => figure('控制率', 'rate', 'basicData.staffing.controlRate', BASIC_TABLE, dept(m)?.basicData?.staffing.controlRate, '%'),
  },
  {
    name: '一般公共预算拨款', subject: /^一般公共预算(?:拨款|收入|财政拨款)?$/u, kinds: ['amount'],
    figures: (m) => figure('一般公共预算拨款', 'budget', 'selfEvaluation.income.generalBudget', SELF_TABLE, dept(m)?.selfEvaluation?.income.generalBudget, '万元'),
  },
  {
    name: '政府性基金拨款', subject: /^政府性基金(?:预算)?(?:拨款|收入)?$/u, kinds: ['amount'],
    figures: (m) => figure('政府性基金拨款', 'budget', 'selfEvaluation.income.governmentFund', SELF_TABLE, dept(m)?.selfEvaluation?.income.governmentFund, '万元'),
  },
  {
    name: '其他资金', subject: /^其他(?:资金|收入)$/u, kinds: ['amount'],
    figures: (m) =>
      m.evaluation.kind === 'project'
        ? figure('其他资金', 'budget', 'funds.otherFunds.budget', PROJECT_TABLE, m.evaluation.funds.otherFunds.budget, '万元')
        : figure('其他资金', 'budget', 'selfEvaluation.income.other', SELF_TABLE, m.evaluation.selfEvaluation?.income.other, '万元'),
  },
  {
    name: '财政拨款', subject: /^财政拨款(?:收入)?$/u, kinds: ['amount'],
    figures: (m) => {
      if (m.evaluation.kind === 'project') return figure('其中：本年财政拨款', 'budget', 'funds.fiscalAppropriation.budget', PROJECT_TABLE, m.evaluation.funds.fiscalAppropriation.budget, '万元');
      const income = m.evaluation.selfEvaluation?.income;
      return sumFigure('一般公共预算拨款 + 政府性基金拨款', 'budget', 'selfEvaluation.income', SELF_TABLE, [income?.generalBudget, income?.governmentFund], '万元');
    },
  },
  {
    name: '年度资金', subject: /^(?:年度资金|部门资金|资金总额|年度资金总额|项目资金|部门整体支出|收入|支出|总收入|总支出)$/u, kinds: ['amount'],
    figures: (m) => [
      ...figure('年度资金总额 全年预算数', 'budget', `${m.fundsPath}.budget`, m.tableName, m.funds.budget, '万元'),
      ...figure('年度资金总额 全年执行数', 'actual', `${m.fundsPath}.actual`, m.tableName, m.funds.actual, '万元'),
    ],
  },
];

/**
 * Words that name the unit's whole figure only when the text says whose (本局项目预算, 衡阳县自然资源局2022年
 * 收入预算): a paragraph about one project may well say 项目预算 of that project.
 */
const BARE = /^(?:项目|收入|支出|总收入|总支出)$/u;

/** A fact's subject as the standard quantities are named: normalised, without quotes and brackets. */
const plainSubjectOf = (fact: Fact): string => normalizeSubject(fact.subject).replace(/[“”"（）()]/gu, '');

/** The quantity a fact names, if it is one of the standard ones. */
export function quantityOf(fact: Fact): Quantity | null {
  return quantityNamed(fact, plainSubjectOf(fact));
}

/** `quantityOf` with the fact's plain subject already at hand; `named` finds the quantity of a kind and subject. */
function quantityNamed(fact: Fact, subject: string, named: (kind: Fact['kind'], subject: string) => Quantity | null = quantityByName): Quantity | null {
  if (BARE.test(subject) && !fact.selfReference) return null;
  return named(fact.kind, subject);
}

/** The standard quantities of each kind, in order (a subject is tested only against those of its fact's kind). */
const QUANTITIES_BY_KIND = new Map<Fact['kind'], readonly Quantity[]>(
  Object.values(FactKind).map((kind) => [kind, QUANTITIES.filter((q) => q.kinds.includes(kind))]),
);

const quantityByName = (kind: Fact['kind'], subject: string): Quantity | null =>
  QUANTITIES_BY_KIND.get(kind)?.find((q) => q.subject.test(subject)) ?? null;

function columnsFor(fact: Fact, quantity: Quantity): Column[] {
  if (fact.kind === 'count') return ['count'];
  if (fact.kind === 'rate') return ['rate'];
  switch (fact.qualifier) {
    case 'budget':
      return ['budget'];
    case 'actual':
      return ['actual'];
    case 'prior':
      return ['prior'];
    case undefined:
      // 收入 or 支出 alone is not the funds total
      return quantity.name === '年度资金' && /^(?:收入|支出|总收入|总支出)$/u.test(normalizeSubject(fact.subject)) ? [] : ['actual', 'budget'];
    default:
      return [];
  }
}

export type Discrepancy = { readonly fact: Fact; readonly figure: ModelFigure };

const usable = (f: Fact): boolean => !f.approximate && !f.comparison && !f.upper;

/** The last derivation of each model under each scheme: the audit derives once for the core's checks and once here. */
const derivations = new WeakMap<Evaluation, { scheme: Scheme; derived: Derived }>();

/**
 * `derive(evaluation, scheme)`, computed once per model and scheme (a model is not changed once built).
 * @throws what `derive` throws
 */
export function deriveOnce(evaluation: Evaluation, scheme: Scheme): Derived {
  const known = derivations.get(evaluation);
  if (known?.scheme === scheme) return known.derived;
  const derived = derive(evaluation, scheme);
  derivations.set(evaluation, { scheme, derived });
  return derived;
}

/** What an indicator's name and a subject are compared without. */
const INDICATOR_NAME_DROPPED = /[\s\u3000“”"]/gu;

function view(evaluation: Evaluation, scheme: Scheme | null): ModelView | null {
  const card = scorecardOf(evaluation);
  let derived: Derived | null = null;
  if (scheme && scheme.kind === evaluation.kind) {
    try {
      derived = deriveOnce(evaluation, scheme);
    } catch {
      derived = null;
    }
  }
  const indicators = card?.indicators ?? [];
  const figures = new Map<Quantity, ModelFigure[]>();
  const quantities = new Map<string, Quantity | null>();
  const levels = levelsOf(indicators, card?.level1 ?? [], derived);
  const m: ModelView = {
    evaluation,
    figures: figuresOf(evaluation),
    levels,
    level2: levels.flatMap((l) => l.level2),
    quantityNamed: (kind, subject) => {
      const key = `${kind}|${subject}`;
      let q = quantities.get(key);
      if (q === undefined) {
        q = quantityByName(kind, subject);
        quantities.set(key, q);
      }
      return q;
    },
    indicators,
    indicatorNames: indicators.map((x) => x.name.replace(INDICATOR_NAME_DROPPED, '')),
    indicatorPath: (i) => `${card?.path ? `${card.path}.` : ''}indicators[${i}]`,
    figuresOf: (quantity) => {
      let list = figures.get(quantity);
      if (!list) {
        list = quantity.figures(m);
        figures.set(quantity, list);
      }
      return list;
    },
    fundsPath: card?.fundsPath ?? 'selfEvaluation.funds',
    funds: card?.funds ?? { budget: null, received: null, actual: null, executionRate: null, points: null, score: null },
    tableName: evaluation.kind === 'project' ? PROJECT_TABLE : SELF_TABLE,
  };
  return m;
}

/** Fund block names in the narrative: 部门资金情况, 预算执行率, 项目资金. */
const FUNDS_SUBJECT = /^(?:部门资金|项目资金|资金|预算执行率?|预算资金|年度资金|资金管理|资金投入|部门预算资金)$/u;
const TOTAL_SUBJECT = /^(?:综合|总|自评总|绩效自评总?|(?:部门)?整体支出绩效(?:自评|评价)?|项目支出绩效(?:自评|评价)?|项目绩效(?:自评)?|绩效|自评|绩效评价)$/u;

/** Section scores, indicator counts and the indicators' own values. */
function scorecardDiscrepancies(fact: Fact, m: ModelView): Discrepancy[] {
  const out: Discrepancy[] = [];
  const subject = normalizeSubject(fact.subject);
  const key = normalizeName(subject);
  const table = m.tableName;
  if (fact.kind === 'score' && (fact.qualifier === 'points' || fact.qualifier === 'score')) {
    const column = fact.qualifier;
    const columnName = column === 'points' ? '分值' : '得分';
    let values: { value: Dec; path: string; name: string; parts?: readonly Dec[] } | null = null;
    if (FUNDS_SUBJECT.test(subject)) {
      const v = column === 'points' ? m.funds.points : m.funds.score;
      if (v) values = { value: v, path: `${m.fundsPath}.${column === 'points' ? 'points' : 'score'}`, name: `部门资金（预算执行率）${columnName}` };
    } else if (TOTAL_SUBJECT.test(subject)) {
      const card = scorecardOf(m.evaluation);
      // "自评总分为97.92分" uses 总分 for the score: a total that matches either the points or the score agrees.
      const other = column === 'points' ? card?.totalScore : card?.totalPoints;
      if (other && sameFigure(fact, { value: other })) return out;
      const v = column === 'points' ? card?.totalPoints : card?.totalScore;
      if (v) values = { value: v, path: `${card?.path ? `${card.path}.` : ''}${column === 'points' ? 'totalPoints' : 'totalScore'}`, name: `总分${columnName}` };
    } else {
      const level = m.levels.find((l) => l.key === key);
      const components = level ? null : componentsOf(subject);
      if (level) {
        values = { value: column === 'points' ? level.points : level.score, path: `${m.indicatorPath(level.indexes[0] ?? 0).replace(/\[\d+\]$/u, '')}`, name: `${level.name}${columnName}` };
      } else if (components) {
        const found = components.map((c) => m.levels.find((l) => l.key === normalizeName(c)));
        if (found.every((l) => l !== undefined)) {
          const parts = found.map((l) => (column === 'points' ? l.points : l.score));
          values = { value: sum(parts), path: m.indicatorPath(0).replace(/\[\d+\]$/u, ''), name: `${found.map((l) => l.name).join('、')}${columnName}之和`, parts };
        }
      }
    }
    if (values && !sameFigure(fact, { value: values.value })) {
      out.push({
        fact,
        figure: { name: values.name, column, path: values.path, table, expected: `${show(values.value)}分`, matches: () => false },
      });
    }
    return out;
  }
  if (fact.kind === 'count' && /^(?:个|项)$/u.test(fact.unit)) {
    const level1 = m.levels.find((l) => l.key === key);
    const level2 = level1 ? null : m.level2.filter((l2) => l2.key === key);
    const indexes = level1?.indexes ?? (level2 && level2.length === 1 ? level2[0]?.indexes : undefined);
    const name = level1?.name ?? level2?.[0]?.name;
    if (!indexes || !name) return out;
    const rows = indexes.map((i) => m.indicators[i]).filter((x): x is Indicator => x !== undefined);
    const deducted = /扣分|未完成|未达/u.test(fact.after);
    const counted = deducted
      ? rows.filter((r) => r.points !== null && r.score !== null && cmp(r.score, r.points) < 0).length
      : rows.length;
    if (counted !== fact.value.units || fact.value.scale !== 0) {
      out.push({
        fact,
        figure: {
          name: deducted ? `${name}中得分低于分值的指标个数` : `${name}个数`,
          column: 'count',
          path: m.indicatorPath(indexes[0] ?? 0).replace(/\[\d+\]$/u, ''),
          table,
          expected: `${counted}个`,
          matches: () => false,
        },
      });
    }
    return out;
  }
  // an indicator's own target or actual value, named in the fact's subject
  if (fact.kind === 'count' || fact.kind === 'other' || fact.kind === 'rate' || fact.kind === 'amount') {
    if (fact.qualifier !== undefined && fact.qualifier !== 'target' && fact.qualifier !== 'actual') return out;
    const plain = subject.replace(INDICATOR_NAME_DROPPED, '');
    // the one indicator whose name the subject contains (a name longer than the subject is not in it)
    let i = -1;
    for (let k = 0; k < m.indicatorNames.length; k++) {
      const name = m.indicatorNames[k] ?? '';
      if (name.length < 4 || name.length > plain.length || !plain.includes(name)) continue;
      if (i !== -1) return out;
      i = k;
    }
    const x = m.indicators[i];
    if (!x) return out;
    const target = parseMeasure(x.target);
    const actual = parseMeasure(x.actual);
    const isPercent = fact.unit === '%';
    const options = [
      ...(fact.qualifier !== 'target' && actual.value && !actual.comparison && actual.isPercent === isPercent ? [{ v: actual.value, column: '实际完成值', path: 'actual', unit: actual.unit }] : []),
      ...(fact.qualifier !== 'actual' && target.value && !target.comparison && target.isPercent === isPercent ? [{ v: target.value, column: '年度指标值', path: 'target', unit: target.unit }] : []),
    ];
    if (options.length === 0) return out;
    // The indicator's cell is in its own unit (1,515元/亩): compare the figure as written, not as 万元.
    const asWritten = parseDec(fact.written.replace(/^[^\d+-]*/u, '').replace(/[^\d.,+-].*$/u, ''));
    const factAsWritten = asWritten ? { ...fact, value: asWritten } : fact;
    if (options.some((o) => sameFigure(fact, { value: o.v }) || sameFigure(factAsWritten, { value: o.v }))) return out;
    const o = options[0];
    if (!o) return out;
    out.push({
      fact,
      figure: { name: `指标「${x.name}」${o.column}`, column: 'count', path: `${m.indicatorPath(i)}.${o.path}`, table, expected: `${written(o.v)}${o.unit ?? fact.unit}`, matches: () => false },
    });
  }
  return out;
}

/** Rates, balances and changes of standard quantities, computed from the table's columns. */
function derivedDiscrepancies(fact: Fact, m: ModelView, subject: string): Discrepancy[] {
  if (m.evaluation.kind === 'department' && BARE.test(subject) && !fact.selfReference) return [];
  const project = /^(?:部门)?(?:项目支出|专项资金支出|专项支出|项目资金支出|项目)$/u.test(subject);
  const funds = /^(?:年度资金|部门资金|资金总额|年度资金总额|部门整体支出|预算)$/u.test(subject) || (m.evaluation.kind === 'project' && /^(?:项目|项目资金)$/u.test(subject));
  const rows: { actual: Dec | null; budget: Dec | null; path: string; name: string; table: string } | null = project && m.evaluation.kind === 'department'
    ? { actual: m.figures['project.actual'] ?? null, budget: m.figures['project.budget'] ?? null, path: 'basicData.projectSpending', name: '部门项目支出', table: BASIC_TABLE }
    : funds
      ? { actual: m.funds.actual, budget: m.funds.budget, path: m.fundsPath, name: '年度资金总额', table: m.tableName }
      : null;
  if (!rows || !rows.actual || !rows.budget) return [];
  const { actual, budget } = rows;
  if (fact.kind === 'rate' && fact.unit === '%' && /执行率|支出率|执行进度/u.test(fact.label) && !fact.comparison) {
    if (ratioConsistent(fact.value, actual, budget, 100)) return [];
    const expected = divide(actual, budget, 2, 'halfUp', 100);
    if (!expected) return [];
    return [{ fact, figure: { name: `${rows.name} 实际数 ÷ 预算数`, column: 'rate', path: rows.path, table: rows.table, expected: `${show(expected, 2)}%`, matches: () => false } }];
  }
  if (fact.kind === 'amount' && fact.qualifier === 'balance') {
    if (differenceMatches(fact, { value: budget }, { value: actual })) return [];
    const expected = sub(budget, actual);
    return [{ fact, figure: { name: `${rows.name} 预算数 − 实际数`, column: 'actual', path: rows.path, table: rows.table, expected: `${show(expected, Math.max(budget.scale, actual.scale))}万元`, matches: () => false } }];
  }
  return [];
}

/** 比上年增加/减少 of a category with a 上年决算数 column, when the sentence's own figure is the table's actual. */
function changeDiscrepancies(fact: Fact, quantity: Quantity, m: ModelView, sentence: readonly Fact[]): Discrepancy[] {
  if (fact.kind !== 'amount' || (fact.qualifier !== 'increase' && fact.qualifier !== 'decrease')) return [];
  const figures = m.figuresOf(quantity);
  const actual = figures.find((f) => f.column === 'actual');
  const prior = figures.find((f) => f.column === 'prior');
  if (!actual || !prior) return [];
  const base = [...sentence]
    .filter((g) => g !== fact && g.kind === 'amount' && normalizeSubject(g.subject) === normalizeSubject(fact.subject) && g.qualifier !== 'increase' && g.qualifier !== 'decrease' && g.qualifier !== 'prior')
    .pop();
  if (!base || !actual.matches(base)) return [];
  const actualValue = m.evaluation.kind === 'department' ? valueOfPath(m, actual.path) : null;
  const priorValue = m.evaluation.kind === 'department' ? valueOfPath(m, prior.path) : null;
  if (!actualValue || !priorValue) return [];
  const [a, b] = fact.qualifier === 'increase' ? [actualValue, priorValue] : [priorValue, actualValue];
  if (differenceMatches(fact, { value: a }, { value: b })) return [];
  const delta = sub(actualValue, priorValue);
  return [{
    fact,
    figure: {
      name: `${prior.name} 当年决算数 − 上年决算数`, column: 'actual', path: prior.path, table: BASIC_TABLE,
      expected: `${delta.units >= 0 ? '增加' : '减少'}${show(abs(delta), Math.max(actualValue.scale, priorValue.scale))}万元`,
      value: inDirection(fact.qualifier === 'increase' ? 1 : -1, delta.units >= 0, show(abs(delta), Math.max(actualValue.scale, priorValue.scale))),
      matches: () => false,
    }
  }];
}

function valueOfPath(m: ModelView, path: string): Dec | null {
  let node: unknown = m.evaluation;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  if (node && typeof node === 'object' && 'units' in node && 'scale' in node) return node as Dec;
  if (path.startsWith('basicData.projectSpending.')) {
    const column = path.split('.').pop();
    return m.figures[column === 'priorActual' ? 'project.priorActual' : `project.${column}`] ?? null;
  }
  return null;
}

/** The facts of a fact's sentence up to it (none for facts that carry no place). */
function sentenceBefore(facts: readonly Fact[], fact: Fact): Fact[] {
  const placed = fact as Partial<PlacedFact>;
  if (placed.block === undefined) return [];
  return facts.filter((g) => {
    const p = g as Partial<PlacedFact>;
    return p.block === placed.block && p.sentence === placed.sentence && (p.start ?? 0) <= (placed.start ?? 0);
  });
}

/**
 * Compares narrative facts with the model's tables. `scheme` is optional: with it the section sums come
 * from `derive`; without it from the indicator rows.
 */
export function reconcile(facts: readonly Fact[], evaluation: Evaluation, scheme: Scheme | null = null): Discrepancy[] {
  const m = view(evaluation, scheme);
  if (!m) return [];
  const out: Discrepancy[] = [];
  for (const fact of facts) {
    if (!usable(fact)) continue;
    const subject = plainSubjectOf(fact);
    const quantity = quantityNamed(fact, subject, m.quantityNamed);
    if (quantity) {
      if (fact.year !== undefined && fact.year !== evaluation.year) continue;
      const change = fact.qualifier === 'increase' || fact.qualifier === 'decrease' ? changeDiscrepancies(fact, quantity, m, sentenceBefore(facts, fact)) : [];
      if (change.length > 0) {
        out.push(...change);
        continue;
      }
      const derived = derivedDiscrepancies(fact, m, subject);
      if (derived.length > 0) {
        out.push(...derived);
        continue;
      }
      const columns = columnsFor(fact, quantity);
      const candidates = m.figuresOf(quantity).filter((f) => columns.includes(f.column));
      if (candidates.length === 0 || candidates.some((c) => c.matches(fact))) continue;
      const first = candidates[0];
      if (first) out.push({ fact, figure: first });
      continue;
    }
    out.push(...derivedDiscrepancies(fact, m, subject));
    out.push(...scorecardDiscrepancies(fact, m));
  }
  return out;
}

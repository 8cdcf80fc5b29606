/**
 * A new year's evaluation from last year's: the unit, staffing, duties and the indicator tree (names,
 * directions, units, targets, points) carried over; last year's 当年决算数 moved into the 上年决算数
 * column of 附件1-1; every figure of the year itself (amounts, actuals, scores, totals, narrative,
 * dates) left blank to fill in.
 * @module
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const CONTROL_ROWS = [
  'basicSpending', 'generalSpendingCut', 'threePublic', 'vehicle', 'vehiclePurchase', 'vehicleOperation', 'reception',
  'overseasTravel', 'projectSpending', 'procurement',
] as const;

/** 当年决算数 → 上年决算数; this year's budget and actual blank. */
const rollRow = (row: unknown) => ({ actual: null, budget: null, priorActual: obj(row).actual ?? null });

const rollIndicator = (x: unknown) => {
  const i = obj(x);
  return {
    level1: i.level1 ?? '',
    level2: i.level2 ?? '',
    name: i.name ?? '',
    target: i.target ?? null,
    actual: null,
    unit: i.unit ?? null,
    direction: i.direction ?? null,
    points: i.points ?? null,
    score: null,
    deviationExplanation: null,
    qualitativeGrade: null,
    notApplicable: i.notApplicable === true,
  };
};

const goals = (g: unknown) => ({ expected: obj(g).expected ?? null, achieved: null });

function rollBasicData(b: Json): Json {
  const out: Json = {};
  for (const key of CONTROL_ROWS) out[key] = rollRow(b[key]);
  const staffing = obj(b.staffing);
  out.staffing = { authorized: staffing.authorized ?? null, actual: null, controlRate: null };
  out.projectCategories = list(b.projectCategories).map((c) => {
    const cat = obj(c);
    return {
      category: cat.category,
      label: cat.label,
      total: rollRow(cat.total),
      items: list(cat.items).map((it) => ({ name: obj(it).name ?? '', row: rollRow(obj(it).row) })),
    };
  });
  out.savingMeasures = b.savingMeasures ?? null;
  out.preparedOn = null;
  out.signOff = b.signOff ?? { preparer: null, phone: null, unitHead: null };
  return out;
}

export function rollForward(previous: Json): Json {
  const year = typeof previous.year === 'number' ? previous.year + 1 : new Date().getFullYear() - 1;
  if (previous.kind === 'project') {
    const funds = obj(previous.funds);
    const fundRow = (r: unknown) => ({ initialBudget: null, budget: null, received: null, actual: null, points: obj(r).points ?? null, executionRate: null, score: null });
    return {
      kind: 'project',
      schemeId: previous.schemeId ?? null,
      year,
      moneyUnit: previous.moneyUnit ?? '万元',
      project: previous.project,
      funds: { total: fundRow(funds.total), fiscalAppropriation: fundRow(funds.fiscalAppropriation), priorCarryover: fundRow(funds.priorCarryover), otherFunds: fundRow(funds.otherFunds) },
      goals: goals(previous.goals),
      level1: list(previous.level1),
      indicators: list(previous.indicators).map(rollIndicator),
      totalPoints: previous.totalPoints ?? null,
      totalScore: null,
      grade: null,
      report: [],
      preparedOn: null,
      signOff: previous.signOff ?? { preparer: null, phone: null, unitHead: null },
    };
  }
  const table = obj(previous.selfEvaluation);
  const funds = obj(table.funds);
  return {
    kind: 'department',
    schemeId: previous.schemeId ?? null,
    year,
    moneyUnit: previous.moneyUnit ?? '万元',
    title: previous.title ?? null,
    unit: previous.unit,
    ...(previous.staffing ? { staffing: previous.staffing } : {}),
    duties: list(previous.duties),
    problems: null,
    measures: [],
    signature: { unit: obj(previous.signature).unit ?? null, date: null },
    ...(previous.basicData ? { basicData: rollBasicData(obj(previous.basicData)) } : {}),
    selfEvaluation: {
      funds: { budget: null, received: null, actual: null, executionRate: null, points: funds.points ?? null, score: null },
      goals: goals(table.goals),
      level1: list(table.level1),
      indicators: list(table.indicators).map(rollIndicator),
      grade: null,
      totalPoints: table.totalPoints ?? null,
      totalScore: null,
      deviationAnalysis: null,
      measures: null,
      preparedOn: null,
      signOff: table.signOff ?? { preparer: null, phone: null, unitHead: null },
    },
  };
}

/**
 * Named figures of a report that scheme formulas and checks refer to (`staff.actual`,
 * `threePublic.priorActual` …), each taken from the most authoritative place that states it.
 * @module
 */
import { type Dec, sum } from '../decimal.ts';
import type { Evaluation } from '../model/evaluation.ts';

export type Figures = Readonly<Record<string, Dec | null>>;

const total = (values: readonly (Dec | null | undefined)[]): Dec | null => {
  const present = values.filter((v): v is Dec => v !== null && v !== undefined);
  return present.length > 0 ? sum(present) : null;
};

export function figuresOf(evaluation: Evaluation): Figures {
  if (evaluation.kind === 'project') {
    const row = evaluation.funds.total;
    return {
      'total.budget': row.budget,
      'total.initialBudget': row.initialBudget,
      'total.received': row.received,
      'total.actual': row.actual,
    };
  }
  const basic = evaluation.basicData;
  const table = evaluation.selfEvaluation;
  const execution = evaluation.execution;
  const threePublicRows = basic
    ? [basic.reception, basic.overseasTravel, ...(basic.vehiclePurchase.actual ?? basic.vehicleOperation.actual ?? basic.vehiclePurchase.budget ?? basic.vehicleOperation.budget
        ? [basic.vehiclePurchase, basic.vehicleOperation]
        : [basic.vehicle])]
    : [];
  const threePublicOf = (key: 'actual' | 'budget' | 'priorActual'): Dec | null =>
    total(threePublicRows.map((r) => r[key])) ?? basic?.threePublic[key] ?? null;
  const projectCategoryTotal = (key: 'actual' | 'budget' | 'priorActual'): Dec | null =>
    basic?.projectSpending[key] ?? total((basic?.projectCategories ?? []).map((c) => c.total[key] ?? total(c.items.map((i) => i.row[key]))));
  return {
    'staff.authorized': basic?.staffing.authorized ?? evaluation.staffing?.authorized?.total ?? null,
    'staff.actual': basic?.staffing.actual ?? evaluation.staffing?.actual?.total ?? null,
    'threePublic.actual': threePublicOf('actual') ?? table?.spending.threePublic ?? null,
    'threePublic.budget': threePublicOf('budget') ?? execution?.threePublic?.budgetTotal ?? null,
    'threePublic.priorActual': threePublicOf('priorActual'),
    'total.budget': table?.funds.budget ?? null,
    'total.received': table?.funds.received ?? null,
    'total.actual': table?.funds.actual ?? null,
    'basic.actual': basic?.basicSpending.actual ?? table?.spending.basic ?? null,
    'basic.budget': basic?.basicSpending.budget ?? null,
    'basic.priorActual': basic?.basicSpending.priorActual ?? null,
    'operating.actual': table?.spending.operating ?? execution?.basicSpending?.operating ?? null,
    'operating.budget': evaluation.approvedBudget?.operating ?? null,
    'personnel.actual': table?.spending.personnel ?? execution?.basicSpending?.personnel ?? null,
    'project.actual': projectCategoryTotal('actual') ?? table?.spending.project ?? null,
    'project.budget': projectCategoryTotal('budget'),
    'project.priorActual': projectCategoryTotal('priorActual'),
    'procurement.actual': basic?.procurement.actual ?? null,
    'procurement.budget': basic?.procurement.budget ?? null,
    'procurement.priorActual': basic?.procurement.priorActual ?? null,
    'carryover.amount': execution?.carryover?.amount ?? null,
    'spending.budget': execution?.spendingBudget ?? null,
  };
}

/**
 * Test data for the web package's unit tests: the seed example and the schemes, read from the repository
 * (Node only; the app itself imports them through Vite).
 * @module
 */
import { readFileSync, readdirSync } from 'node:fs';
import { type Scheme, parseScheme } from '@jixiao/core';

const root = new URL('../../../../', import.meta.url);

export function loadSchemesFromRepo(): Scheme[] {
  const dir = new URL('schemes/', root);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseScheme(JSON.parse(readFileSync(new URL(name, dir), 'utf8')), name));
}

export function loadExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`examples/${name}.json`, root), 'utf8')) as Record<string, unknown>;
}

/** The fixes a preparer makes to the seed so that no finding is an error (each one a figure in the report). */
export const SEED_FIXES: readonly (readonly [path: string, value: string])[] = [
  ['execution.threePublic.items[0].budget', '62.11'],
  ['basicData.staffing.actual', '644'],
  ['basicData.staffing.controlRate', '89.94%'],
  ['performance.projectExecution.surplus', '1,883.31'],
  ['selfEvaluation.totalScore', '98'],
  ['approvedBudget.generalBudgetIncome', '13,749.75'],
  ['basicData.basicSpending.budget', '5,631.59'],
  ['performance.statements[1].score', '78'],
  ['performance.statements[3].indicatorCount', '6'],
];

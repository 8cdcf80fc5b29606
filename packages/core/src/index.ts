/**
 * @jixiao/core — the model, schemes, derivation, scoring and checks of 预算绩效自评. Pure TypeScript,
 * no I/O: runs in Node and in the browser.
 * @module
 */
export * from './decimal.ts';
export * from './measure.ts';
export * from './names.ts';
export * from './errors.ts';
export * from './model/evaluation.ts';
export * from './model/parse.ts';
export * from './scheme/schema.ts';
export * from './scheme/parse.ts';
export * from './scheme/expression.ts';
export * from './scoring/rules.ts';
export * from './scoring/direction.ts';
export * from './derive/scorecard.ts';
export * from './derive/figures.ts';
export * from './derive/derive.ts';
export * from './checks/types.ts';
export * from './checks/run.ts';
export * from './checks/index.ts';
export * from './checks/catalogue.ts';
export * from './checks/check-names.ts';

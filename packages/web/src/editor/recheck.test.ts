import { CHECKS, type Scheme, audit, parseEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { setAt } from '../lib/paths.ts';
import { SEED_FIXES, loadExample, loadSchemesFromRepo } from '../testing/seed.ts';
import { getAt } from '../lib/paths.ts';
import { FORMAT_CHECK, negativeFields, parseLenient, recheck, saveableInput } from './recheck.ts';

const schemes = loadSchemesFromRepo();

describe('recheck', () => {
  it('finds the seed’s errors and scores it as the engine does', () => {
    const r = recheck(loadExample('hengyang-natural-resources-2022'), schemes);
    expect(r.scheme?.id).toBe('hunan-county-department-2022');
    // The same findings as the engine run directly (others keep adding checks: compare, do not hard-code).
    const direct = audit(CHECKS, parseEvaluation(loadExample('hengyang-natural-resources-2022')), r.scheme as Scheme);
    expect(r.findings).toEqual(direct.findings);
    expect(r.counts.error).toBe(direct.findings.filter((f) => f.severity === 'error').length);
    expect(r.counts.error).toBeGreaterThanOrEqual(10);
    const paths = r.findings.filter((f) => f.severity === 'error').map((f) => f.location.path);
    expect(paths).toContain('selfEvaluation.totalScore');
    expect(paths).toContain('basicData.staffing.controlRate');
    expect(r.derived?.total.computed).toEqual({ units: 9800, scale: 2 });
  });

  it('reaches no error after the preparer’s fixes, one by one', () => {
    let input: unknown = loadExample('hengyang-natural-resources-2022');
    let errors = recheck(input, schemes).counts.error;
    for (const [path, value] of SEED_FIXES) {
      input = setAt(input, path, value);
      const next = recheck(input, schemes).counts.error;
      expect(next, `修改 ${path}`).toBeLessThan(errors);
      errors = next;
    }
    expect(errors).toBe(0);
  });

  it('keeps scoring live when one field does not parse, and names the field', () => {
    const input = setAt(loadExample('hengyang-natural-resources-2022'), 'selfEvaluation.indicators[0].score', '五');
    const r = recheck(input, schemes);
    const format = r.findings.find((f) => f.check === 'model-invalid');
    expect(format?.location.path).toBe('selfEvaluation.indicators[0].score');
    expect(format?.message).toContain('「五」');
    expect(r.derived).not.toBeNull();
  });

  it('says in Chinese when the input is not an evaluation', () => {
    const r = parseLenient({ year: 2022 });
    expect(r.evaluation).toBeNull();
    expect(r.findings[0]?.message).toContain('缺少类型');
    expect(r.findings[0]?.message).not.toMatch(/[a-z]/u);
  });

  it('scores the clean project example with no error', () => {
    const r = recheck(loadExample('clean-project-2023'), schemes);
    expect(r.scheme?.id).toBe('national-project-2020');
    expect(r.counts.error).toBe(0);
  });

  it('marks a negative amount where none can be negative, and not 比上年增减', () => {
    let input = loadExample('hengyang-natural-resources-2022');
    input = setAt(input, 'approvedBudget.generalBudgetIncome', '-500');
    input = setAt(input, 'execution.threePublic.items[0].changeFromPrior', '-1.5');
    input = setAt(input, 'selfEvaluation.indicators[1].score', -2);
    expect(negativeFields('department', input).map((x) => x.path)).toEqual(['approvedBudget.generalBudgetIncome', 'selfEvaluation.indicators[1].score']);
    const r = recheck(input, schemes);
    const bad = r.findings.filter((f) => f.check === FORMAT_CHECK);
    expect(bad.map((f) => f.location.path)).toEqual(['approvedBudget.generalBudgetIncome', 'selfEvaluation.indicators[1].score']);
    expect(bad[0]?.message).toContain('不能为负数');
    expect(r.derived).not.toBeNull();
  });

  it('saves every readable field and keeps the server’s value where one cannot be read', () => {
    const onServer = loadExample('hengyang-natural-resources-2022');
    let typed = setAt(onServer, 'approvedBudget.generalBudgetIncome', 'abc');
    typed = setAt(typed, 'approvedBudget.operating', '-500');
    typed = setAt(typed, 'approvedBudget.personnel', '123.45');
    typed = setAt(typed, 'problems', '新写的问题');
    const r = recheck(typed, schemes);
    const out = saveableInput(typed, onServer, r.findings);
    expect(out?.withheld.sort()).toEqual(['approvedBudget.generalBudgetIncome', 'approvedBudget.operating']);
    expect(getAt(out?.document, 'approvedBudget.generalBudgetIncome')).toBe(getAt(onServer, 'approvedBudget.generalBudgetIncome'));
    expect(getAt(out?.document, 'approvedBudget.operating')).toBe(getAt(onServer, 'approvedBudget.operating'));
    expect(getAt(out?.document, 'approvedBudget.personnel')).toBe('123.45');
    expect(getAt(out?.document, 'problems')).toBe('新写的问题');
    // What is saved parses whole: the server takes it.
    expect(() => parseEvaluation(out?.document)).not.toThrow();
    expect(recheck(out?.document, schemes).findings.filter((f) => f.check === FORMAT_CHECK)).toEqual([]);
  });
});

import { safeParseEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { getAt } from '../lib/paths.ts';
import { loadExample } from '../testing/seed.ts';
import { rollForward } from './roll-forward.ts';

describe('roll forward', () => {
  it('makes next year’s department evaluation with last year’s actuals as prior-year figures', () => {
    const seed = loadExample('hengyang-natural-resources-2022');
    const next = rollForward(seed);
    expect(next.year).toBe(2023);
    expect(getAt(next, 'basicData.basicSpending')).toEqual({ actual: null, budget: null, priorActual: '7,514.90' });
    expect(getAt(next, 'basicData.reception.priorActual')).toBe('40.11');
    expect(getAt(next, 'basicData.staffing.authorized')).toBe(getAt(seed, 'basicData.staffing.authorized'));
    expect(getAt(next, 'selfEvaluation.indicators[1]')).toMatchObject({ name: '办理不动产登记证', target: '800', points: '5', actual: null, score: null });
    expect(getAt(next, 'selfEvaluation.totalScore')).toBeNull();
    expect(getAt(next, 'unit.name')).toBe('衡阳县自然资源局');
    expect(next.sourceMap).toBeUndefined();
    const parsed = safeParseEvaluation(next);
    expect(parsed.ok, parsed.ok ? '' : parsed.error.details.join('\n')).toBe(true);
  });

  it('makes next year’s project evaluation with the funds blank and points kept', () => {
    const project = loadExample('clean-project-2023');
    const next = rollForward(project);
    expect(next.year).toBe(2024);
    expect(getAt(next, 'funds.total')).toMatchObject({ budget: null, actual: null, points: getAt(project, 'funds.total.points') });
    expect((getAt(next, 'indicators') as unknown[]).length).toBe((getAt(project, 'indicators') as unknown[]).length);
    expect(safeParseEvaluation(next).ok).toBe(true);
  });
});

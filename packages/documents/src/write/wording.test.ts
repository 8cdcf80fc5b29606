import { describe, expect, it } from 'vitest';
import { OPENING, sentence } from './wording.ts';

describe('sentences written and read by one definition', () => {
  const income = sentence`一般公共预算收入${'amount'}${'moneyUnit'}。`;
  it('reads back what it fills, and nothing else', () => {
    expect(income.fill({ amount: '16,030.63', moneyUnit: '万元' })).toBe('一般公共预算收入16,030.63万元。');
    expect(income.read('一般公共预算收入16,030.63万元。')).toEqual({ amount: '16,030.63', moneyUnit: '万元' });
    expect(income.read('一般公共预算收入约一万元。')).toBeNull();
    expect(income.read('1.一般公共预算收入16,030.63万元。')).toBeNull();
  });
  it('a slot named twice reads the same text both times', () => {
    const text = OPENING.fill({ year: '2022', unitName: '某局' });
    expect(text).toBe('根据财政部门关于开展2022年度预算绩效自评工作的要求，某局对2022年度部门整体支出绩效情况进行了自评。现将自评情况报告如下。');
    expect(OPENING.read(text)).toEqual({ year: '2022', unitName: '某局' });
    expect(OPENING.read(text.replace('对2022', '对2021'))).toBeNull();
    // a unit's own opening is not the writer's sentence
    expect(OPENING.read('根据县财政局《关于开展2022年度财政支出绩效自评工作的通知》精神，我局对2022年预算支出绩效情况进行了全面综合评价。')).toBeNull();
  });
});

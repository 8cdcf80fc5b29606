import { describe, expect, it } from 'vitest';
import { APPROVED_BASIC, LABELLED_AMOUNT, NUMBERED_LINE, OPENING, sentence } from './wording.ts';

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

describe('the lines of 经批复的预、决算情况', () => {
  it('fill and read through the same definitions', () => {
    const rest = `，其中：${LABELLED_AMOUNT.fill({ label: '人员经费', amount: '6,506.26', moneyUnit: '万元' })}`;
    const line = NUMBERED_LINE.fill({ number: '2', line: APPROVED_BASIC.fill({ amount: '7,514.90', moneyUnit: '万元', rest }) });
    expect(line).toBe('2.一般公共预算基本支出7,514.90万元，其中：人员经费6,506.26万元。');
    expect(APPROVED_BASIC.read(NUMBERED_LINE.read(line)?.line ?? '')).toEqual({ amount: '7,514.90', moneyUnit: '万元', rest });
    expect(NUMBERED_LINE.read('2、一般公共预算基本支出7,514.90万元。')).toBeNull();
  });
});

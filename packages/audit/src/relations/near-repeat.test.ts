import { describe, expect, it } from 'vitest';
import { judgeRelations } from './index.ts';
import { nearRepeat } from './near-repeat.ts';
import { readRelations, textDocument } from './testing.ts';

describe('nearRepeat', () => {
  it.each([
    ['two digits swapped', ['项目资金1,253.40万元已下达。', '其余略。', '全年执行1,235.40万元，执行率100%。', '项目资金1,235.40万元全部支出。'], ['equal? 1,235.40万元 1,253.40万元']],
    ['a shifted point', ['下达资金356.8万元。', '到位资金3568万元。'], ['equal? 356.8万元 3568万元']],
    ['a changed digit between figures named differently is a coincidence', ['培训经费356.82万元。', '设备购置386.82万元。'], []],
    ['a changed digit between figures named alike', ['下达培训经费356.82万元。', '下达培训经费386.82万元。'], ['equal? 356.82万元 386.82万元']],
    ['round figures coincide', ['预算100.00万元。', '支出10.00万元。'], []],
    ['dates and codes are no amounts', ['1.2021', '2.2021'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(nearRepeat, ...lines)).toEqual(expected);
  });

  it('blames the rarer statement, with the other as expected', () => {
    const doc = textDocument('项目资金1,253.40万元已下达。', '全年执行1,235.40万元。', '项目资金1,235.40万元全部支出。');
    const relations = nearRepeat.extract({ doc, evaluation: null, scheme: null, year: null });
    expect(judgeRelations(relations)).toMatchObject([{ check: 'relation-equal', severity: 'warning', stated: 1253.4, expected: 1235.4, location: { line: 1 } }]);
  });
});

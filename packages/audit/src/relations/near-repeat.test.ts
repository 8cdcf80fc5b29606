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
    ['an amount in traditional characters', ['共下達補助資金246.2萬元。', '共下達我區補助資金264.2萬元。'], ['equal? 246.2萬元 264.2萬元']],
    ['a count of things named alike', ['实际完成农村危房改造264户。', '实际完成农村危房改造284户，发放补助资金。'], ['equal? 264户 284户']],
    ['a short amount named the same in two statements', ['项目总投资850万元，全部来源于统筹整合资金。', '该项目总投资580万元。'], ['equal? 850万元 580万元']],
    ['short amounts named differently coincide', ['下达建设资金56万元。', '安排培训经费65万元。'], []],
    ['one line, two sentences naming the same', ['实际完成农村危房改造264户，发放补助资金。最终确定实际完成农村危房改造284户。'], ['equal? 264户 284户']],
    ['one line, one clause list of columns', ['补助资金 | 246.2 | 264.2 |'], []],
    ['the target and the actual in two cells of one row', ['\t新建和改造供水管网120公里，新增受益人口1.2万人。\t\t实际新建和改造供水管网126公里。'], []],
    ['one planned and one done', ['上年结转资金44.89万元。', '结转资金实际完成44.85万元。'], []],
    ['figures of two projects', ['1、甲村道路建设项目，总得分为90.76分。', '2、乙村市场建设项目，总得分为90.36分。'], []],
    ['figures of two projects named in more than one clause', ['1、甲村道路建设项目，总得分为90.76分。', '2、乙村村内干道，巷道路面硬化建设项目，总得分为90.36分。'], []],
    ['a sum stated after its two parts', ['甲村挡墙建设360立方米；乙村挡墙建设600立方米。完成挡墙建设960立方米。'], []],
    ['a list of parallel things named alike', ['张家寨村内道路硬化700平方米；中寨村内道路硬化900平方米；新下寨村内道路硬化400平方米。'], []],
    ['a list restated with one of its items', ['甲村新建道路硬化720平方米、乙村新建道路硬化920平方米、丙村新建道路硬化480平方米。', '完成新建道路硬化920平方米。'], []],
    ['the staff of two units', ['下属国有林场现有干部职工163人。局机关现有干部职工169人。'], []],
    ['round figures named alike', ['结案全年指标50件。', '全年结案60件。'], []],
    ['counts of things named differently', ['完成改造264户。', '受益群众246户。'], []],
    ['counts of different things', ['实际完成改造264户。', '实际完成改造246人。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(nearRepeat, ...lines)).toEqual(expected);
  });

  it('blames the number the document writes less often (tables too)', () => {
    const doc = textDocument('下达补助资金264.2万元。', '全年下达补助资金246.2万元。', '| 补助资金 | 246.2 | 246.2 |');
    const relations = nearRepeat.extract({ doc, evaluation: null, scheme: null, year: null });
    expect(judgeRelations(relations)).toMatchObject([{ check: 'relation-equal', stated: 264.2, expected: 246.2, location: { line: 1 } }]);
  });

  it('blames the rarer statement, with the other as expected', () => {
    const doc = textDocument('项目资金1,253.40万元已下达。', '全年执行1,235.40万元。', '项目资金1,235.40万元全部支出。');
    const relations = nearRepeat.extract({ doc, evaluation: null, scheme: null, year: null });
    expect(judgeRelations(relations)).toMatchObject([{ check: 'relation-equal', severity: 'warning', stated: 1253.4, expected: 1235.4, location: { line: 1 } }]);
  });
});

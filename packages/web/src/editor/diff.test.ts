import { describe, expect, it } from 'vitest';
import { setAt } from '../lib/paths.ts';
import { loadExample } from '../testing/seed.ts';
import { diffEvaluations } from './diff.ts';

describe('diff', () => {
  it('lists changed fields by Chinese name with before and after', () => {
    const before = loadExample('hengyang-natural-resources-2022');
    let after = setAt(before, 'selfEvaluation.totalScore', '98');
    after = setAt(after, 'basicData.signOff.preparer', '张三');
    after = setAt(after, 'sourceMap', {});
    const changes = diffEvaluations('department', before, after);
    expect(changes).toEqual([
      { path: 'basicData.signOff.preparer', label: '基础数据表 · 填表人', change: 'added', before: '（空）', after: '张三' },
      { path: 'selfEvaluation.totalScore', label: '自评表 · 得分', change: 'changed', before: '97', after: '98' },
    ].sort((a, b) => changes.findIndex((c) => c.path === a.path) - changes.findIndex((c) => c.path === b.path)));
  });

  it('ignores blanks that only changed form, and sees removals', () => {
    expect(diffEvaluations('department', { problems: '' }, { problems: null })).toEqual([]);
    const removed = diffEvaluations('department', { measures: ['a', 'b'] }, { measures: ['a'] });
    expect(removed).toEqual([{ path: 'measures[1]', label: '问题与措施 · 改进措施和有关建议 第2条', change: 'removed', before: 'b', after: '（空）' }]);
  });
});

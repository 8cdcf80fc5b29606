import { describe, expect, it } from 'vitest';
import { getAt } from '../lib/paths.ts';
import { loadExample, loadSchemesFromRepo } from '../testing/seed.ts';
import { recheck } from './recheck.ts';
import { labelOfPath, namedDetails, sectionOfPath, sectionsOf } from './sections.ts';

describe('sections', () => {
  it('follow the report outline', () => {
    expect(sectionsOf('department').map((s) => s.title)).toEqual([
      '基本情况', '预决算', '基本支出', '项目支出', '三公经费', '结转结余', '政府性基金等', '综合评价', '绩效指标', '年度目标', '问题与措施', '基础数据表', '自评表',
    ]);
    expect(sectionsOf('project').map((s) => s.key)).toContain('indicators');
  });

  it('place each finding of the seed in a section that edits its path', () => {
    const r = recheck(loadExample('hengyang-natural-resources-2022'), loadSchemesFromRepo());
    const where = (path: string) => sectionOfPath('department', path).title;
    expect(where('selfEvaluation.indicators[3].score')).toBe('绩效指标');
    expect(where('selfEvaluation.totalScore')).toBe('自评表');
    expect(where('selfEvaluation.goals.expected')).toBe('年度目标');
    expect(where('execution.threePublic.items[0].budget')).toBe('三公经费');
    expect(where('execution.basicSpending.total')).toBe('基本支出');
    expect(where('basicData.reception.budget')).toBe('基础数据表');
    for (const f of r.findings) expect(sectionOfPath('department', f.location.path).prefixes.some((p) => f.location.path.startsWith(p))).toBe(true);
  });

  it('field paths exist in the seed model where the seed writes them', () => {
    const seed = loadExample('hengyang-natural-resources-2022');
    const fields = sectionsOf('department').flatMap((s) => s.blocks.flatMap((b) => (b.type === 'fields' ? b.fields : [])));
    const written = fields.filter((x) => getAt(seed, x.path) !== undefined);
    expect(written.length).toBeGreaterThan(fields.length * 0.8);
    expect(new Set(fields.map((x) => x.path)).size).toBe(fields.length);
  });

  it('names paths in Chinese', () => {
    expect(labelOfPath('department', 'selfEvaluation.totalScore')).toBe('自评表 · 得分');
    expect(labelOfPath('department', 'selfEvaluation.indicators[3].score')).toBe('绩效指标 · 第4行 · 得分');
    expect(labelOfPath('department', 'basicData.reception.budget')).toBe('基础数据表 · 公务接待 · 当年预算数');
    expect(labelOfPath('department', 'execution.threePublic.items[0].budget')).toBe('三公经费 · 分项 第1个分项 · 预算');
    expect(labelOfPath('department', 'selfEvaluation.level1[0].points')).toBe('绩效指标 · 第1个一级指标 · 分值');
    expect(labelOfPath('project', 'funds.total.actual')).toBe('项目资金 · 年度资金总额 · 全年执行数');
    expect(labelOfPath('department', 'unknownThing.deep')).not.toMatch(/[A-Za-z]/u);
    expect(namedDetails('department', ['approvedBudget.generalBudgetIncome：不是有效的金额：「abc」', '年度不对'])).toEqual(['预决算 · 一般公共预算收入：不是有效的金额：「abc」', '年度不对']);
  });
});

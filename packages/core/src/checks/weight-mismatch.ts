/**
 * Weights add up: third-level points to their first-level header, first-level points to the scheme's,
 * the 预算执行率 points to the scheme's; every first-level name belongs to the scheme. Weights are read as
 * written: a not-applicable row keeps its points in the table (the scheme drops or rescales its score).
 * @module
 */
import { add, cmp, type Dec, parseDec, sum, ZERO } from '../decimal.ts';
import { normalizeName } from '../names.ts';
import { pathIn } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { num, showAmount, showComputed } from './util.ts';

export const weightMismatch = defineCheck({
  id: 'weight-mismatch',
  meta: {
    category: 'scoring',
    description: '权重应逐级相符：三级指标分值之和等于一级指标分值，一级指标分值与预算执行率分值符合评价方案',
    basis: '财预〔2020〕10号：预算执行率10%、产出50%、效益30%、满意度10%，二三级指标权重由单位设定但须合计为上级权重；各省评价方案',
    defaultSeverity: 'error',
    messages: {
      headerSum: '一级指标「{{name}}」表头写 {{stated}} 分，其下三级指标分值合计 {{expected}} 分',
      schemeLevel: '「{{name}}」类指标分值合计 {{stated}} 分，评价方案规定为 {{expected}} 分',
      fundsPoints: '预算执行率分值写为 {{stated}}，评价方案规定为 {{expected}}',
      unknownLevel: '一级指标「{{name}}」不在评价方案「{{scheme}}」中（方案为：{{names}}）',
    },
  },
  run(ctx) {
    const { card, scheme, levels } = ctx.derived;
    if (!card) return;
    const notApplicable = new Map<string, Dec>();
    for (const x of card.indicators) {
      if (!x.notApplicable || !x.points) continue;
      const key = normalizeName(x.level1);
      notApplicable.set(key, add(notApplicable.get(key) ?? ZERO, x.points));
    }
    const written = (level: (typeof levels)[number]): Dec => add(level.points, notApplicable.get(level.key) ?? ZERO);
    for (const level of levels) {
      const points = written(level);
      if (level.statedPoints && cmp(level.statedPoints, points) !== 0) {
        const index = card.level1.findIndex((h) => normalizeName(h.name) === level.key);
        ctx.report({
          messageId: 'headerSum',
          path: pathIn(card, `level1[${index}].points`),
          data: { name: level.name, stated: showAmount(level.statedPoints), expected: showComputed(points) },
          stated: num(level.statedPoints),
          expected: num(points),
        });
      }
    }
    const known = new Set<string>();
    for (const group of scheme.groups) {
      if (group.source !== 'unitIndicators') continue;
      const keys = group.level1.map(normalizeName);
      keys.forEach((k) => known.add(k));
      if (group.rescale) continue;
      const rows = levels.filter((l) => keys.includes(l.key));
      if (rows.length === 0) continue;
      const points = sum(rows.map(written));
      const expected = parseDec(String(group.points)) ?? ZERO;
      if (cmp(points, expected) !== 0) {
        const first = rows[0];
        ctx.report({
          messageId: 'schemeLevel',
          path: first ? `${pathIn(card, 'indicators')}[${first.indicatorIndexes[0] ?? 0}].points` : pathIn(card, 'indicators'),
          data: { name: group.name, stated: showComputed(points), expected: group.points },
          stated: num(points),
          expected: group.points,
        });
      }
    }
    const fundsGroup = scheme.groups.find((g) => g.source === 'executionRate');
    if (fundsGroup && card.funds.points && cmp(card.funds.points, parseDec(String(fundsGroup.points)) ?? ZERO) !== 0) {
      ctx.report({
        messageId: 'fundsPoints',
        path: `${card.fundsPath}.points`,
        data: { stated: showAmount(card.funds.points), expected: fundsGroup.points },
        stated: num(card.funds.points),
        expected: fundsGroup.points,
      });
    }
    const names = scheme.groups.filter((g) => g.source === 'unitIndicators').flatMap((g) => (g.source === 'unitIndicators' ? g.level1 : [])).join('、');
    if (known.size === 0) return;
    for (const level of levels) {
      if (known.has(level.key)) continue;
      ctx.report({
        messageId: 'unknownLevel',
        path: `${pathIn(card, 'indicators')}[${level.indicatorIndexes[0] ?? 0}].level1`,
        data: { name: level.name, scheme: scheme.name, names },
        severity: 'warning',
      });
    }
  },
});

/**
 * The grade (综合评定等级) matches the band of the total under the scheme, and is named as the scheme
 * names it — in the table and in the narrative conclusion.
 * @module
 */
import { gradeOf, resolveGrade } from '../derive/derive.ts';
import { pathIn } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';
import { isBlankText, showComputed } from './util.ts';

export const gradeMismatch = defineCheck({
  id: 'grade-mismatch',
  meta: {
    category: 'scoring',
    description: '综合评定等级应与总分所在档次一致，并使用评价方案规定的等级名称',
    basis: '评价方案的等级与分数段（如湖南：优秀 S≥90、良好 90＞S≥80、较差 80＞S≥60、差 S＜60；财预〔2020〕10号：优、良、中、差）',
    defaultSeverity: 'error',
    messages: {
      wrongBand: '{{where}}等级写为「{{stated}}」，按总分 {{total}} 应为「{{expected}}」',
      alias: '{{where}}等级写为「{{stated}}」，评价方案的名称是「{{expected}}」（{{names}}）',
      unknown: '{{where}}等级「{{stated}}」不是评价方案的等级（{{names}}）；按总分 {{total}} 应为「{{expected}}」',
      missing: '{{where}}未填写综合评定等级；按总分 {{total}} 应为「{{expected}}」',
    },
  },
  run(ctx) {
    const { card, scheme, total } = ctx.derived;
    if (!card) return;
    const expected = gradeOf(scheme, total.computed);
    const names = scheme.grades.map((g) => g.name).join('、');
    const places: { where: string; path: string; written: string | null | undefined }[] = [
      { where: '自评表', path: pathIn(card, 'grade'), written: card.grade },
    ];
    if (ctx.evaluation.kind === 'department' && ctx.evaluation.performance?.conclusion) {
      places.push({ where: '综合评价结论', path: 'performance.conclusion.grade', written: ctx.evaluation.performance.conclusion.grade });
    }
    for (const place of places) {
      const data = { where: place.where, stated: place.written ?? '', expected, total: showComputed(total.computed), names };
      if (isBlankText(place.written)) {
        if (place.where === '自评表') ctx.report({ messageId: 'missing', path: place.path, data, expected, severity: 'warning' });
        continue;
      }
      const resolved = resolveGrade(scheme, place.written ?? '');
      if (!resolved) {
        ctx.report({ messageId: 'unknown', path: place.path, data, stated: place.written ?? '', expected });
      } else if (resolved.name !== expected) {
        ctx.report({ messageId: 'wrongBand', path: place.path, data, stated: place.written ?? '', expected });
      } else if (resolved.isAlias) {
        ctx.report({ messageId: 'alias', path: place.path, data, stated: place.written ?? '', expected, severity: 'warning' });
      }
    }
  },
});

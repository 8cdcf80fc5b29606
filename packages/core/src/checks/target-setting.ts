/**
 * Signs of targets written after the fact: every quantitative target met exactly, or most targets
 * exceeded by far (targets set too low).
 * @module
 */
import { cmp, parseDec, ZERO } from '../decimal.ts';
import { pathIn } from '../derive/scorecard.ts';
import { defineCheck } from './types.ts';

const FAR = parseDec('120') ?? ZERO;
const MIN_INDICATORS = 3;

export const targetSetting = defineCheck({
  id: 'target-setting',
  meta: {
    category: 'plausibility',
    description: '全部定量指标恰好完成或普遍大幅超额，提示目标可能事后填写或设定偏低',
    basis: 'DOMAIN.md 审核要点5（每个目标都恰好完成、目标远低于实际）；财预〔2020〕10号 目标设定明显偏低的应调减',
    defaultSeverity: 'warning',
    messages: {
      allExact: '{{count}} 个定量指标的实际完成值全部恰好等于年度指标值，请核实目标是否事后按完成情况填写',
      mostFar: '{{far}}/{{count}} 个正向定量指标超额 20% 以上（{{names}}），目标可能设定偏低',
    },
  },
  run(ctx) {
    const { card, indicators } = ctx.derived;
    if (!card) return;
    const quantitative = indicators.filter((r) => !r.indicator.notApplicable && r.rule.kind !== 'qualitative' && r.target.value && r.actual.value);
    if (quantitative.length < MIN_INDICATORS) return;
    if (quantitative.every((r) => r.target.value && r.actual.value && cmp(r.target.value, r.actual.value) === 0)) {
      ctx.report({ messageId: 'allExact', path: pathIn(card, 'indicators'), data: { count: quantitative.length } });
      return;
    }
    const positive = quantitative.filter((r) => r.direction === 'higherIsBetter');
    const far = positive.filter((r) => r.achievement && cmp(r.achievement, FAR) >= 0);
    if (positive.length >= MIN_INDICATORS && far.length * 2 > positive.length) {
      ctx.report({
        messageId: 'mostFar',
        path: pathIn(card, 'indicators'),
        data: { far: far.length, count: positive.length, names: far.map((r) => r.indicator.name).join('、') },
      });
    }
  },
});

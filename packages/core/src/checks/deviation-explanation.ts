/**
 * Where a score is below its points, the deviation must be explained, specifically: the explanation
 * names the indicator (or its kind), and is not the report's generic problems paragraph.
 * @module
 */
import { cmp, isPlaceholder } from '../decimal.ts';
import { indicatorPath, pathIn } from '../derive/scorecard.ts';
import { normalizeName } from '../names.ts';
import { defineCheck } from './types.ts';
import { isBlankText, showAmount } from './util.ts';

const squash = (t: string): string => t.replace(/[\s\u3000，。、；：,.;:“”"'（）()]/gu, '');

/** Does the text speak of this indicator: one of its name's 3-grams (or 2-char name), or its kind? */
export function mentions(text: string, name: string, level2: string): boolean {
  const t = squash(text);
  const n = squash(name);
  if (n.length > 0 && n.length <= 3 && t.includes(n)) return true;
  for (let i = 0; i + 3 <= n.length; i++) if (t.includes(n.slice(i, i + 3))) return true;
  const kind = normalizeName(level2);
  return kind.length >= 2 && t.includes(kind);
}

export const deviationExplanation = defineCheck({
  id: 'deviation-explanation',
  meta: {
    category: 'scoring',
    description: '得分低于分值的指标须写明具体的偏差原因和改进措施',
    basis: '财预〔2020〕10号 自评表“偏差原因分析及改进措施”栏；一体化系统校验：得分小于权重时偏差原因必填',
    defaultSeverity: 'error',
    messages: {
      missing: '「{{name}}」得分 {{score}} 低于分值 {{points}}，但没有偏差原因分析及改进措施',
      generic: '「{{name}}」得分 {{score}} 低于分值 {{points}}，但偏差说明没有提到该指标，是泛泛而谈',
      copied: '「{{name}}」的偏差说明与“存在的主要问题”一字不差，没有针对该指标分析原因',
    },
  },
  run(ctx) {
    const { card, indicators } = ctx.derived;
    if (!card) return;
    const e = ctx.evaluation;
    const tableText = e.kind === 'department' ? e.selfEvaluation?.deviationAnalysis : null;
    const problems = e.kind === 'department' ? e.problems : null;
    for (const r of indicators) {
      const { score, points, name, level2, deviationExplanation: own, notApplicable } = r.indicator;
      if (notApplicable || !score || !points || cmp(score, points) >= 0) continue;
      const data = { name, score: showAmount(score), points: showAmount(points) };
      const text = !isBlankText(own) ? own : tableText;
      const path = !isBlankText(own) || e.kind === 'project' ? indicatorPath(card, r.index, 'deviationExplanation') : pathIn(card, 'deviationAnalysis');
      if (isBlankText(text) || isPlaceholder(text ?? '') || /^[\s\u3000]*略[\s\u3000]*$/u.test(text ?? '')) {
        ctx.report({ messageId: 'missing', path, data, related: [indicatorPath(card, r.index, 'score')] });
      } else if (problems && squash(text ?? '') === squash(problems)) {
        ctx.report({ messageId: 'copied', path, data, related: [indicatorPath(card, r.index, 'score'), 'problems'], severity: 'warning' });
      } else if (!mentions(text ?? '', name, level2)) {
        ctx.report({ messageId: 'generic', path, data, related: [indicatorPath(card, r.index, 'score')], severity: 'warning' });
      }
    }
  },
});

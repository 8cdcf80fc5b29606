/**
 * The direction of an indicator: stated, or read from how its target is written.
 * "≥90%" and "800" are 正向; "≤5%" or "5%以内" 反向; "=0" 等于; text is 定性.
 * @module
 */
import type { Direction, Indicator } from '../model/evaluation.ts';
import type { Measure } from '../measure.ts';

export function inferDirection(indicator: Indicator, target: Measure, actual: Measure): { direction: Direction; inferred: boolean } {
  if (indicator.direction) return { direction: indicator.direction, inferred: false };
  if (target.value === null) return { direction: 'qualitative', inferred: true };
  if (target.comparison === '≤' || target.comparison === '<' || target.qualifier === '以下' || target.qualifier === '以内') {
    return { direction: 'lowerIsBetter', inferred: true };
  }
  if (target.comparison === '=') return { direction: 'equals', inferred: true };
  // A numeric target with a text actual ("已完成") cannot be scored by formula: treat as qualitative.
  if (actual.value === null && !actual.isBlank) return { direction: 'qualitative', inferred: true };
  return { direction: 'higherIsBetter', inferred: true };
}

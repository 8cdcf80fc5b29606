/**
 * Loading a scheme from its data (the caller reads the file: core does no I/O).
 * @module
 */
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { describeIssues } from '../model/parse.ts';
import { parseExpression } from './expression.ts';
import { type Scheme, schemeSchema } from './schema.ts';

const zhCN = z.locales.zhCN();

/** @throws DomainError `scheme-invalid` naming each bad field. */
export function parseScheme(input: unknown, source = '评价方案'): Scheme {
  const result = schemeSchema.safeParse(input, { error: zhCN.localeError });
  if (!result.success) {
    const details = describeIssues(result.error);
    throw new DomainError('scheme-invalid', `${source} 格式错误（${details.length} 处）`, details);
  }
  const details: string[] = [];
  result.data.groups.forEach((group, g) => {
    if (group.source !== 'schemeIndicators') return;
    group.indicators.forEach((indicator, i) => {
      try {
        parseExpression(indicator.formula);
      } catch (e) {
        details.push(`groups[${g}].indicators[${i}].formula：${(e as Error).message}`);
      }
    });
  });
  if (details.length > 0) throw new DomainError('scheme-invalid', `${source} 的公式有错`, details);
  return result.data;
}

/** Picks the scheme for an evaluation: its own schemeId, or the only one of its kind. */
export function selectScheme(schemes: readonly Scheme[], kind: 'department' | 'project', schemeId?: string | null): Scheme {
  if (schemeId) {
    const found = schemes.find((s) => s.id === schemeId);
    if (!found) {
      throw new DomainError('scheme-not-found', `找不到评价方案「${schemeId}」；可用：${schemes.map((s) => s.id).join('、')}`);
    }
    return found;
  }
  const ofKind = schemes.filter((s) => s.kind === kind);
  const first = ofKind[0];
  if (!first) throw new DomainError('scheme-not-found', `没有适用于${kind === 'department' ? '部门整体' : '项目'}自评的评价方案`);
  return first;
}

/**
 * The same sentence written twice in the report's prose (a paste slip): reported once, at its second
 * occurrence. Sentences shorter than a clause are ignored.
 * @module
 */
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';

const MIN_LENGTH = 15;

/** Every free-text field of a report, with its path. */
export function proseFields(e: Evaluation): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const add = (path: string, text: string | null | undefined): void => {
    if (text) out.push({ path, text });
  };
  if (e.kind === 'project') {
    e.report.forEach((s, i) => add(`report[${i}].text`, s.text));
    add('goals.achieved', e.goals.achieved);
    return out;
  }
  add('unit.profileText', e.unit.profileText);
  add('execution.management', e.execution?.management);
  add('execution.basicSpending.text', e.execution?.basicSpending?.text);
  add('execution.projectSpending.text', e.execution?.projectSpending?.text);
  add('performance.conclusion.text', e.performance?.conclusion?.text);
  e.performance?.paragraphs.forEach((p, i) => add(`performance.paragraphs[${i}].text`, p.text));
  add('problems', e.problems);
  e.measures.forEach((m, i) => add(`measures[${i}]`, m));
  return out;
}

export const splitSentences = (text: string): string[] =>
  text.split(/(?<=[。！？；!?;])|\n+/u).map((s) => s.trim()).filter((s) => s.length > 0);

const normalize = (s: string): string => s.replace(/[\s\u3000，。、；：！？,.;:!?“”"']/gu, '');

export const duplicateSentence = defineCheck({
  id: 'duplicate-sentence',
  meta: {
    category: 'text',
    description: '报告正文中同一句话不应重复出现',
    basis: 'DOMAIN.md 审核要点6（重复的句子）',
    defaultSeverity: 'warning',
    messages: {
      repeated: '这句话重复出现：「{{sentence}}」',
    },
  },
  run(ctx) {
    const seen = new Map<string, string>();
    for (const field of proseFields(ctx.evaluation)) {
      for (const sentence of splitSentences(field.text)) {
        const key = normalize(sentence);
        if (key.length < MIN_LENGTH) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, field.path);
          continue;
        }
        ctx.report({ messageId: 'repeated', path: field.path, data: { sentence: sentence.length > 60 ? `${sentence.slice(0, 60)}…` : sentence }, related: first === field.path ? [] : [first] });
      }
    }
  },
});

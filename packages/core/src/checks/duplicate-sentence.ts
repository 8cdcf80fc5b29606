/**
 * The same sentence written twice in the report's prose (a paste slip): reported once, at its second
 * occurrence. Sentences shorter than a clause are ignored.
 * @module
 */
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';

const MIN_LENGTH = 15;
/**
 * A run of clauses repeated inside one paragraph is a paste slip even when the sentence around it differs:
 * two or more clauses in a row (20+ characters), or one long clause (24+). One short clause said twice is
 * often parallel wording ("主要原因是……，公务接待减少；主要原因是……，公务用车减少").
 */
const MIN_CLAUSE = 8;
const MIN_RUN = 20;
const MIN_SINGLE = 24;

const splitClauses = (text: string): string[] => text.split(/[，,；;。！？!?\n]/u).map((c) => c.trim()).filter((c) => c.length > 0);

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
  text.replace(/[。！？；!?;]/gu, '$&\n').split('\n').map((s) => s.trim()).filter((s) => s.length > 0);

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
      repeatedClause: '同一段中这段话写了两遍：「{{sentence}}」',
    },
  },
  run(ctx) {
    const seen = new Map<string, string>();
    const short = (t: string): string => (t.length > 60 ? `${t.slice(0, 60)}…` : t);
    for (const field of proseFields(ctx.evaluation)) {
      const clauses = splitClauses(field.text);
      const keys = clauses.map(normalize);
      const firstAt = new Map<string, number>();
      keys.forEach((k, i) => {
        if (!firstAt.has(k)) firstAt.set(k, i);
      });
      const reported = new Set<number>();
      for (let j = 1; j < clauses.length; j++) {
        if (reported.has(j) || (keys[j] ?? '').length < MIN_CLAUSE) continue;
        const i = firstAt.get(keys[j] ?? '') ?? -1;
        if (i < 0 || i >= j) continue;
        let k = 1;
        while (i + k < j && j + k < clauses.length && keys[i + k] === keys[j + k]) k++;
        const length = keys.slice(j, j + k).join('').length;
        if ((k === 1 && length < MIN_SINGLE) || length < MIN_RUN) continue;
        for (let m = j; m < j + k; m++) reported.add(m);
        ctx.report({ messageId: 'repeatedClause', path: field.path, data: { sentence: short(clauses.slice(j, j + k).join('，')) } });
      }
      if (reported.size > 0) continue;
      for (const sentence of splitSentences(field.text)) {
        const key = normalize(sentence);
        if (key.length < MIN_LENGTH) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, field.path);
          continue;
        }
        ctx.report({ messageId: 'repeated', path: field.path, data: { sentence: short(sentence) }, related: first === field.path ? [] : [first] });
      }
    }
  },
});

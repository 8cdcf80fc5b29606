/**
 * The evaluated year against the years a report gives itself: titles (2022年度…绩效自评报告), table
 * headings (（2022年度）), the period (2022年1月起至2022年12月止), the first words of a passage (2022年，…),
 * year columns of the funds (2022年预算数) and what was received or spent in the year (2022年共支出…).
 * Citations of documents (《…》 titles other than the evaluation's own, 〔2022〕 file numbers), dates,
 * other years named as such (上年, 计划, 以来 …) and ranges are not claims about the evaluated year.
 *
 * The evaluated year is the clear majority of the titles when there is one (a title copied from last year's
 * report is outvoted by the rest), else the year the whole text names most, else the model's or the
 * document's own.
 * @module
 */
import { dec } from '@jixiao/core';
import { halfWidth } from '../facts/text.ts';
import type { Extractor, Figure, YearRelation } from './types.ts';

const OTHER_YEARS = /上年|去年|往年|历年|以前|此前|前期|上一年|整改|连续|对比|相比|比较|发现|指出|反馈|计划|预计|拟|明年|下一年|下年|展望|打算|同比|以来|至今|将|力争|推行/u;
const SEGMENT_END = /[，,。；;：:!！?？|]/u;
const LEADING_MARKER = /^[\s\u3000]*(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])?[\s\u3000]*$/u;

type Mention = { readonly year: number; readonly line: number; readonly written: string; readonly excerpt: string; readonly title: boolean };

/** The segment around a match, split at clause punctuation and table bars. */
function segment(t: string, s: number, e: number): { pre: string; post: string } {
  let a = s;
  while (a > 0 && !SEGMENT_END.test(t[a - 1] ?? '')) a--;
  let b = e;
  while (b < t.length && !SEGMENT_END.test(t[b] ?? '')) b++;
  return { pre: t.slice(a, s), post: t.slice(e, b) };
}

/** Is the year at [s, e) the report speaking of its own year? `title` when it names the evaluation itself. */
function classify(t: string, s: number, e: number): { title: boolean } | null {
  const after = t.slice(e, e + 40);
  const before = t.slice(Math.max(0, s - 3), s);
  const { pre, post } = segment(t, s, e);
  if (/^\s*年\s*(?:1|一|元)\s*月(?:\s*1\s*日)?\s*起?\s*至/u.test(after)) return { title: false };
  if (/(?:起|日)\s*至\s*$/u.test(pre) && /^\s*年\s*12\s*月/u.test(after)) return { title: false };
  if (/[〔【[(（]\s*$/u.test(t.slice(Math.max(0, s - 1), s)) && /^\s*[〕】\])）]/u.test(t.slice(e, e + 2))) return null;
  if (!/^\s*年/u.test(after)) return null;
  if (/^\s*年度?\s*(?:起|以后|之后|以前|之前)/u.test(after)) return null;
  if (/^\s*年\s*\d{1,2}\s*月/u.test(after) || /^\s*年\s*[底末初中]/u.test(after)) return null;
  if (/^\s*年?\s*[-—~～至到]/u.test(after) || /[-—~～至到]\s*$/u.test(before)) return null;
  if (OTHER_YEARS.test(pre + post)) return null;
  // a cited notice names the year of its own work (关于开展2022年…绩效自评工作的通知 for the 2021 report)
  if (t.lastIndexOf('《', s) > t.lastIndexOf('》', s)) return null;
  if (/[（(]\s*$/u.test(t.slice(Math.max(0, s - 2), s)) && /^\s*年度\s*[)）]/u.test(after)) return { title: true };
  if (/^\s*年度?[^，,。；;]{0,30}?(?:绩效|自评|评价|考核)/u.test(after)) return { title: true };
  if (LEADING_MARKER.test(pre) && /^\s*年度?\s*[,，]/u.test(after)) return { title: false };
  if (/^\s*年度?(?:部门预算|共收到|共支出|支出|预算收入|共下达|下达)/u.test(after)) return { title: false };
  return null;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;

export function yearMentions(lines: readonly { readonly line: number; readonly text: string }[]): Mention[] {
  const out: Mention[] = [];
  for (const l of lines) {
    const t = halfWidth(l.text);
    if (!/(?:19|20)\d{2}/u.test(t)) continue;
    for (const m of t.matchAll(YEAR)) {
      const c = classify(t, m.index, m.index + m[0].length);
      if (!c) continue;
      out.push({ year: Number(m[0]), line: l.line, written: `${l.text.slice(m.index, m.index + m[0].length)}年`, excerpt: t.slice(Math.max(0, m.index - 10), m.index + 24).trim(), title: c.title });
    }
  }
  return out;
}

/** The clear majority of the mentions (more than any other year, at least two), or null. */
export function majorityYear(mentions: readonly Mention[]): number | null {
  const counts = new Map<number, number>();
  for (const m of mentions) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const [best, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 2 || (second && second[1] >= best[1])) return null;
  return best[0];
}

/**
 * The year the whole text speaks of most: every 20xx年 outside citations (《…》, 〔2022〕), when it is named at
 * least three times and half as often again as any other year. A single title copied from another year
 * is outvoted by the text.
 */
export function frequentYear(lines: readonly { readonly line: number; readonly text: string }[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const t = halfWidth(l.text);
    if (!/(?:19|20)\d{2}/u.test(t)) continue;
    for (const m of t.matchAll(/(?<![\d〔【[])((?:19|20)\d{2})\s*年/gu)) {
      if (t.lastIndexOf('《', m.index) > t.lastIndexOf('》', m.index)) continue;
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  const [best, second] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 3 || (second && second[1] * 3 > best[1] * 2)) return null;
  return best[0];
}

export const sentenceYear: Extractor = {
  id: 'sentence-year',
  description: '报告自述的年度（标题、表头、评价期间、段首年份、资金年度）与评价年度',
  extract({ doc, year }) {
    const mentions = yearMentions(doc.lines);
    const byTitles = majorityYear(mentions.filter((m) => m.title));
    const byText = byTitles === null ? frequentYear(doc.lines) : null;
    const evaluated = byTitles ?? byText ?? year ?? majorityYear(mentions);
    if (evaluated === null) return [];
    // a year taken from how often the text names it is a likely reading only
    const sure = byText === null || byText === year;
    return mentions.map((m): YearRelation => {
      const figure: Figure = { value: dec(m.year), written: m.written, label: m.title ? '报告自述的评价年度' : '所述年度', line: m.line, excerpt: m.excerpt, exact: true };
      return m.title && sure
        ? { kind: 'year', source: 'sentence-year', confidence: 'certain', year: figure, evaluatedYear: evaluated }
        : { kind: 'year', source: 'sentence-year', confidence: 'likely', assumption: m.title ? `按全文最常提到的 ${evaluated} 年为评价年度` : '按此处年份为所评价的年度', year: figure, evaluatedYear: evaluated };
    });
  },
};

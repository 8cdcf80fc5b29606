/**
 * Years that contradict the evaluated year. Plans and history are fine (a 2021 report may name 2023年计划
 * or 2019年的项目); what is wrong is the report speaking of itself with another year (2019年度部门整体支出
 * 绩效自评 or （2019年度） in a 2022 report: an old report reused), a report or form date outside the
 * evaluated year and the next, and work "already done" in a year that had not come when it was written.
 * @module
 */
import { defineTextCheck } from '../facts/types.ts';
import { clauseAround, halfWidth, insideBookTitle, lineOf, OTHER_YEARS, SELF_YEAR as SELF, selfYears, TABLE_YEAR } from '../facts/text.ts';

/**
 * Every pattern below needs a year written in digits, 19xx or 20xx once made half-width: text without one
 * is not made half-width nor scanned. The test reads the text as written, full-width digits (０-９) and
 * all, rather than `/(?:19|20)\d{2}/u` on a half-width copy of every line.
 */
export const HAS_YEAR = /(?:[1１][9９]|[2２][0０])[0-9０-９]{2}/u;
const OWN_EVALUATION = /((?:19|20)\d{2})\s*年度?\s*(?:预算支出|财政支出|部门整体支出|项目支出|资金)(?:的)?绩效情况进行了/gu;
const DATE_LINE = /^[\s\u3000]*(?:(?:填报|报告|编制|成文)?(?:时间|日期)\s*[:：]\s*)?((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s\u3000]*$/u;
const DATE_FIELD = /(?:填报|报告|编制|成文)(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/gu;
const FUTURE_DONE = /(?:截至|截止到?|至)?\s*((?:19|20)\d{2})\s*年(?:底|末)?[^，,。；;]{0,20}?(?:已经?[\u3400-\u9fff]{0,4}?(?:完成|建成|实现)|完成了|实现了|建成了)/gu;
function reportInconsistent(
  lines: readonly { line: number; text: string }[],
  report: (r: { messageId: 'inconsistent'; data: Record<string, string | number>; line: number; excerpt: string }) => void,
): void {
  const mentions = selfYears(lines);
  const first = mentions[0];
  if (!first) return;
  for (const m of mentions) {
    if (m.year === first.year) continue;
    report({ messageId: 'inconsistent', data: { line: m.line, text: m.text, firstLine: first.line, first: first.text }, line: m.line, excerpt: m.text });
  }
}

export const yearMismatch = defineTextCheck({
  id: 'year-mismatch',
  meta: {
    category: 'text',
    description: '与评价年度矛盾的年份：报告自称的年度不是评价年度、报告日期不在评价年度或次年、把未到来的年份说成已完成',
    basis: 'DOMAIN.md：自评在预算年度结束后（次年1—3月）进行；RULES.md §3.6 模板沿用',
    defaultSeverity: 'error',
    messages: {
      self: '第{{line}}行写「{{text}}」，与评价年度 {{year}} 年不符（{{source}}）；疑为沿用往年报告，请改正。',
      date: '第{{line}}行的日期「{{text}}」不在评价年度 {{year}} 年或其次年；请核对日期。',
      future: '第{{line}}行称「{{text}}」，但评价的是 {{year}} 年，报告编写时 {{when}} 年尚未到来；请核对年份。',
      inconsistent: '第{{line}}行写「{{text}}」，而第{{firstLine}}行写「{{first}}」，报告自述的评价年度前后不一致；请核对。',
    },
  },
  run(context, report) {
    const year = context.year;
    if (year === null) {
      reportInconsistent(context.lines, report);
      return;
    }
    const source = context.yearSource;
    for (const block of context.blocks) {
      if (!HAS_YEAR.test(block.text)) continue;
      const text = halfWidth(block.text);
      const seen = new Set<number>();
      for (const re of [SELF, OWN_EVALUATION]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          const y = Number(m[1]);
          if (y === year || seen.has(m.index) || insideBookTitle(text, m.index)) continue;
          if (OTHER_YEARS.test(clauseAround(text, m.index, m.index + m[0].length))) continue;
          seen.add(m.index);
          const line = lineOf(block, m.index);
          report({ messageId: 'self', data: { line, text: m[0], year, source }, line, excerpt: block.text.slice(m.index, m.index + m[0].length + 10), stated: y, expected: year });
        }
      }
      FUTURE_DONE.lastIndex = 0;
      let f: RegExpExecArray | null;
      while ((f = FUTURE_DONE.exec(text)) !== null) {
        const y = Number(f[1]);
        if (y < year + 2) continue;
        const line = lineOf(block, f.index);
        report({ messageId: 'future', data: { line, text: f[0].trim(), year, when: y }, line, excerpt: f[0].trim(), stated: y, expected: year });
      }
    }
    for (const l of context.lines) {
      if (!HAS_YEAR.test(l.text)) continue;
      const t = halfWidth(l.text);
      const own = TABLE_YEAR.exec(t);
      if (own?.[1] && Number(own[1]) !== year) {
        report({ messageId: 'self', data: { line: l.line, text: t.trim(), year, source }, line: l.line, excerpt: t.trim(), stated: Number(own[1]), expected: year });
      }
      const dates = [DATE_LINE.exec(t), ...t.matchAll(DATE_FIELD)].filter((d): d is RegExpExecArray => d !== null);
      const reported = new Set<string>();
      for (const d of dates) {
        const y = Number(d[1]);
        const text = d[0].replace(/^.*?[:：]\s*/u, '').trim();
        if (y === year || y === year + 1 || reported.has(text)) continue;
        reported.add(text);
        report({ messageId: 'date', data: { line: l.line, text, year }, line: l.line, excerpt: t.trim(), stated: y, expected: `${year}或${year + 1}` });
      }
    }
  },
});

/**
 * Years that contradict the evaluated year. Plans and history are fine (a 2021 report may name 2023年计划
 * or 2019年的项目); what is wrong is the report speaking of itself with another year (2019年度部门整体支出
 * 绩效自评 or （2019年度） in a 2022 report: an old report reused), a report or form date outside the
 * evaluated year and the next, and work "already done" in a year that had not come when it was written.
 * A year that is part of the project's own name (项目名称 隆阳区2021年中央…补助资金, a fund named by the year it was
 * allocated) is not the report speaking of itself. When the document's own file name, as the text writes it
 * (《…2022年度部门整体绩效自评表.docx》), names another year than the tables' headings (from which the
 * evaluated year was read), the headings are reported as warnings: one of the two is wrong, the file name
 * is assumed right (the body's figures are the file's), and the message says so.
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
/** A document's file name written in the text, with a year: 《…2022年度部门整体绩效自评表.docx》, 附件：….pdf. */
const FILE_NAME_YEAR = /((?:19|20)\d{2})\s*年度?[^《》<>\n|/\\]{0,40}?(?:绩效|自评|评价)[^《》<>\n|/\\.]{0,20}\.(?:docx?|pdf|xlsx?|wps)/giu;

/** The year every file name written in the text gives (null when none does or they disagree). */
export function fileNameYear(lines: readonly { line: number; text: string }[]): { year: number; text: string; line: number } | null {
  let found: { year: number; text: string; line: number } | null = null;
  for (const l of lines) {
    if (!HAS_YEAR.test(l.text) || !/\.(?:docx?|pdf|xlsx?|wps)/iu.test(l.text)) continue;
    for (const m of halfWidth(l.text).matchAll(FILE_NAME_YEAR)) {
      const year = Number(m[1]);
      if (found && found.year !== year) return null;
      found ??= { year, text: m[0], line: l.line };
    }
  }
  return found;
}

/**
 * Names of the project the document writes after 项目名称 (not the model's name, which may have been taken
 * from the title whose year is in question).
 */
function projectNames(context: { readonly lines: readonly { text: string }[] }): string[] {
  const out: string[] = [];
  for (const l of context.lines) {
    const m = /项目名称\s*[:：|｜\t ]\s*[|｜]?\s*([^|｜\t\n]{4,60})/u.exec(l.text);
    if (m?.[1]) out.push(halfWidth(m[1].trim()));
  }
  return out;
}

/** Whether the year at `at` in `text` begins a stretch of a project name that has the year in it. */
function inProjectName(text: string, at: number, year: number, names: readonly string[]): boolean {
  for (const name of names) {
    const k = name.indexOf(`${year}年`);
    if (k === -1) continue;
    const rest = name.slice(k, k + 10);
    if (rest.length >= 8 && text.startsWith(rest, at)) return true;
  }
  return false;
}

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
      fileName: '第{{line}}行写「{{text}}」，而第{{fileLine}}行的文件名「{{file}}」为 {{named}} 年；按文件名，评价年度应为 {{named}} 年，请核对表头或文件名。',
    },
  },
  run(context, report) {
    const year = context.year;
    if (year === null) {
      reportInconsistent(context.lines, report);
      return;
    }
    const source = context.yearSource;
    const named = fileNameYear(context.lines);
    // the headings gave the evaluated year, the file name another: headings with that year are the suspects
    const other = named && named.year !== year ? named : null;
    let names: string[] | undefined;
    const reportSelf = (line: number, text: string, excerpt: string, y: number): void => {
      if (other) {
        if (y === other.year) return;
        report({ messageId: 'fileName', data: { line, text, fileLine: other.line, file: other.text, named: other.year }, line, excerpt, stated: y, expected: other.year, severity: 'warning' });
        return;
      }
      report({ messageId: 'self', data: { line, text, year, source }, line, excerpt, stated: y, expected: year });
    };
    for (const block of context.blocks) {
      if (!HAS_YEAR.test(block.text)) continue;
      const text = halfWidth(block.text);
      const seen = new Set<number>();
      for (const re of [SELF, OWN_EVALUATION]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          const y = Number(m[1]);
          if ((y === year && !other) || seen.has(m.index) || insideBookTitle(text, m.index)) continue;
          if (OTHER_YEARS.test(clauseAround(text, m.index, m.index + m[0].length))) continue;
          if (inProjectName(text, m.index, y, (names ??= projectNames(context)))) continue;
          seen.add(m.index);
          reportSelf(lineOf(block, m.index), m[0], block.text.slice(m.index, m.index + m[0].length + 10), y);
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
      if (own?.[1] && (Number(own[1]) !== year || other)) reportSelf(l.line, t.trim(), t.trim(), Number(own[1]));
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

/**
 * The evaluated year against the years a report gives itself: titles (2022年度…绩效自评报告, 績效自評 in
 * traditional characters, file names 《…2022年度…自评表.docx》), headings and table titles (（2022年度）,
 * 2022年度) on its own line, 评价年度：2022), the period (2022年1月起至2022年12月止) and what the report says
 * of its own year: a clause that opens with it (2022年，… / 2022年共下达… / 我市2022年农村危房改造任务数…),
 * year columns (2022年预算数), 2022年末 in-post staff.
 * Not claims about the evaluated year: citations of documents (《…》 titles other than the evaluation's own,
 * 〔2022〕 file numbers), dates (2022年3月5日, 2022-03-05), other years named as such (上年, 计划, 以来, 截至 …),
 * ranges, and the page's own metadata (发布日期, 索引号).
 *
 * The evaluated year a mention is judged against comes from the rest of the report (the mention itself
 * left out, so a mistyped title is not its own witness): the titles weigh most, then the other mentions;
 * a title with nothing else is judged only against the page's publication date (a year not over when the
 * page was published in its first half cannot be the evaluated one). A title judged against
 * other titles is an error; anything else is a warning that says which reading it took.
 * @module
 */
import { dec } from '@jixiao/core';
import { halfWidth } from '../facts/text.ts';
import type { Extractor, Figure, YearRelation } from './types.ts';

const OTHER_YEARS = /上年|去年|往年|历年|以前|此前|前期|上一年|整改|连续|对比|相比|比较|发现|指出|反馈|计划|預計|预计|拟|明年|下一年|下年|展望|打算|同比|以来|至今|(?<!现)将|力争|推行|截至|截止|结转|結轉|累计|累計/u;
/** Words that make a whole sentence about another year than the evaluated one (a comparison, a plan). */
const OTHER_YEARS_SENTENCE = /上年|去年|往年|历年|上一年|同比|相比|对比|比较|以来|整改|计划|预计|明年|下一年|下年|展望/u;
const SEGMENT_END = /[，,。；;：:!！?？|]/u;
/** The evaluation itself, in simplified or traditional characters. */
const EVALUATION_WORD = /绩效|績效|自评|自評|评价|評價|考核|决算|決算/u;
/** A subject before the year: the unit or the place speaking of its own year (我局2022年…, 全区2022年…). */
const OWN_SUBJECT = /(?:我|本|全)(?:[县市区镇乡州省旗局委办厅校院站所馆會会縣區鄉]|单位|部门|中心|项目)$/u;
/** The page's metadata, not the report: 发布日期 2022-05-16, 索引号 …/2022-00230. */
const METADATA = /发布|發布|成文|索引|日期|时间|時間|浏览|来源|編輯|编辑/u;

export type Mention = {
  readonly year: number;
  readonly line: number;
  readonly written: string;
  readonly excerpt: string;
  readonly title: boolean;
  /** The document's own file name written in the text (《…2022年度…自评表.docx》): it weighs most. */
  readonly file?: boolean;
  /** A year column of a table (2022年决算数): the year before the evaluated one is the comparison column. */
  readonly column?: boolean;
  /** The other years written later in the same sentence (2021年…，2022年… compares two years). */
  readonly companions?: readonly number[];
};

/** The segment around a match, split at clause punctuation and table bars. */
function segment(t: string, s: number, e: number): { pre: string; post: string } {
  let a = s;
  while (a > 0 && !SEGMENT_END.test(t[a - 1] ?? '')) a--;
  let b = e;
  while (b < t.length && !SEGMENT_END.test(t[b] ?? '')) b++;
  return { pre: t.slice(a, s), post: t.slice(e, b) };
}

/** Is the year at [s, e) the report speaking of its own year? `title` when it names the evaluation itself. */
function classify(t: string, s: number, e: number): { title: boolean; file?: boolean; column?: boolean } | null {
  const after = t.slice(e, e + 40);
  const before = t.slice(Math.max(0, s - 8), s);
  const { pre, post } = segment(t, s, e);
  // 评价年度：2022 / 年度：2022年
  if (/(?:评价|評價)?年度\s*[:：]\s*$/u.test(before) && /^\s*(?:年度?)?\s*(?:$|[|\s，,。；;])/u.test(after)) return { title: true };
  if (/^\s*年\s*(?:1|一|元)\s*月(?:\s*1\s*日)?\s*起?\s*至/u.test(after)) return { title: false };
  if (/(?:起|日)\s*至\s*$/u.test(pre) && /^\s*年\s*12\s*月/u.test(after)) return { title: false };
  if (/[〔【[(（﹝]\s*$/u.test(t.slice(Math.max(0, s - 1), s)) && /^\s*[〕】\])）﹞]/u.test(t.slice(e, e + 2))) return null;
  if (/^\s*[-/.]\s*\d{1,2}/u.test(after) || /[-/]\s*$/u.test(before)) return null;
  // 2018绩效评价自评报告: the year run into the title
  const runIn = /^\s*(?:绩效|績效|部门整体|项目支出)/u.test(after);
  if (!runIn && !/^\s*年/u.test(after)) return null;
  if (/^\s*年度?\s*(?:起|以后|之后|以前|之前|及以后)/u.test(after)) return null;
  if (/^\s*年\s*\d{1,2}\s*月/u.test(after) || /^\s*年\s*(?:底|中(?![央国華华]))/u.test(after)) return null;
  if (/^\s*年?\s*[-—~～至到]/u.test(after) || /[-—~～至到]\s*$/u.test(before)) return null;
  if (OTHER_YEARS.test(pre + post)) return null;
  if (METADATA.test(pre)) return null;
  // a cited document names the year of its own work (关于开展2022年…绩效自评工作的通知 for the 2021 report)
  if (t.lastIndexOf('《', s) > t.lastIndexOf('》', s)) {
    const close = t.indexOf('》', e);
    const inside = t.slice(e, close === -1 ? t.length : close);
    // …except the report's own file name: 《…2022年度部门整体绩效自评表.docx》
    if (/\.(?:docx?|pdf|xlsx?|wps)/iu.test(inside) && EVALUATION_WORD.test(inside)) return { title: true, file: true };
    // …and notices about the evaluated year itself: 关于开展2022年度…绩效自评工作的通知, 提前下达2022年…资金预算的通知,
    // 《2020年项目支出绩效目标表》 (a notice of the year's work, 开展2023年州级绩效评价工作, is not one)
    const open = t.slice(t.lastIndexOf('《', s) + 1, s);
    if (/^\s*年度[^》]{0,40}?(?:绩效|績效|自评|自評|评价|評價)/u.test(inside) && !/^\s*年度?\s*(?:市|州|县|省|区)级绩效/u.test(inside)) return { title: false };
    if (/下[达達]\s*$/u.test(open) && /^\s*年/u.test(inside)) return { title: false };
    if (/^\s*$/u.test(open) && /^\s*年度?[^》]{0,30}(?:绩效目标表|评价指标表)$/u.test(inside)) return { title: false };
    return null;
  }
  if (/[“"]\s*$/u.test(pre)) return null;
  if (/[（(]\s*$/u.test(t.slice(Math.max(0, s - 2), s)) && /^\s*年度?\s*[)）]/u.test(after)) return { title: true };
  // 2019年度) at the start of a line: the table title's bracket broken onto the line above
  if (/^[\s\u3000]*$/u.test(t.slice(0, s)) && /^\s*年度\s*[)）]/u.test(after)) return { title: true };
  if (runIn || /^\s*年度?[^，,。；;！!？?]{0,30}?(?:绩效|績效|自评|自評|評價|考核|评价(?:报告|表|自评|结果|工作|情况))/u.test(after)) return { title: true };
  // a heading on its own line: 保山市林业和草原局2021年度 / **河县2023年度中央水利发展资金
  if (t.trim().length <= 30 && !/[，,。；;：:|]/u.test(t) && /^\s*年度/u.test(after)) return { title: true };
  if (/^\s*年\s*年?\s*[末初]/u.test(after)) return /^\s*年\s*年?\s*[末初]\s*(?:实有|实际|在职|有|农村|[\u3400-\u9fff]{0,8}(?:预算|人数|资产))/u.test(after) ? { title: false } : null;
  if (/^\s*年度?\s*(?:预算|決算|决算)数/u.test(after)) return { title: false, column: true };
  const sentence = t.slice(Math.max(t.lastIndexOf('。', s), t.lastIndexOf('；', s), t.lastIndexOf(';', s)) + 1, s);
  const lead = sentence.replace(/^[\s\u3000]*(?:[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])?[\s\u3000]*/u, '');
  // the sentence opens with the year: after a heading (1.资金：), an enumeration (一是) or the unit or place as subject
  const opens =
    lead === '' ||
    /^(?:[一二三四五六七八九十]是)\s*$/u.test(lead) ||
    (/^[^，,:：。]{0,24}[:：]\s*(?:[一二三四五六七八九十]是)?\s*$/u.test(lead) && !/如下\s*[:：]/u.test(lead)) ||
    /^[^，,:：“”《》]{0,20}(?:[县市区镇乡州旗省縣區鄉局委办院校站所馆厅]|中心|政府)$/u.test(lead);
  const sentenceEnd = t.slice(e).search(/[。；;]/u);
  if (OTHER_YEARS_SENTENCE.test(t.slice(s - sentence.length, sentenceEnd === -1 ? t.length : e + sentenceEnd))) return null;
  if (opens || OWN_SUBJECT.test(pre) || /(?:现将|对)\s*$/u.test(pre)) {
    // the clause opens with the year, or the unit speaks of its year: a claim about the year the report is about
    if (/^\s*年度?\s*[,，]/u.test(after) || /^\s*年度?\s*[\u3400-\u9fff*\d]/u.test(after)) return { title: false };
  }
  // a clause that opens with the year's funds: ，2024年中央、省、市财政衔接资金1749万元
  if (pre.trim() === '' && /^\s*年度?\s*(?:中央|省级|省|市级|市|县级|县|区级|区)[^，,。；;]{0,24}?(?:资金|经费)/u.test(after)) return { title: false };
  // the period of the project: 项目起止时间 | 2020年度
  if (/(?:起止时间|实施期|实施周期|执行期)\s*[为:：|｜\s]*$/u.test(before) && /^\s*年度?\s*(?:$|[|｜,，。；;\s])/u.test(after)) return { title: false };
  // a year column of a table: 2022年预算数 / 2023 年决算数
  if (/^\s*年度?\s*(?:预算|決算|决算|实际|實際|财政|財政|部门|共|全|累|收|支|下达|下達)/u.test(after)) return { title: false };
  return null;
}

const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;

/**
 * The years in the project's own name (项目名称 隆阳区2021年中央…补助资金: a fund named by the year it was
 * allocated, evaluated the year after), as the name goes on after the year.
 */
function namedYears(lines: readonly { readonly text: string }[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!l.text.includes('项目名称')) continue;
    const m = /项目名称\s*[:：|｜\t ]\s*[|｜]?\s*([^|｜\t\n]{4,60})/u.exec(halfWidth(l.text));
    const y = m?.[1] ? /(?:19|20)\d{2}\s*年度?[^|｜\t\s]{4}/u.exec(m[1]) : null;
    if (y) out.push(y[0]);
  }
  return out;
}

export function yearMentions(lines: readonly { readonly line: number; readonly text: string }[]): Mention[] {
  const out: Mention[] = [];
  const named = namedYears(lines);
  for (const l of lines) {
    if (!/(?:19|20)\d{2}/u.test(l.text) && !/[１２][９０]/u.test(l.text)) continue;
    const t = halfWidth(l.text);
    for (const m of t.matchAll(YEAR)) {
      const c = classify(t, m.index, m.index + m[0].length);
      if (!c || named.some((n) => t.startsWith(n, m.index))) continue;
      const next = t.slice(m.index).search(/[。；]/u);
      // the years written later in the sentence: a comparison names the earlier year first (2023年度…64万元,2024年度…76万元)
      const companions = [...t.slice(m.index + m[0].length, next === -1 ? t.length : m.index + next).matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/gu)]
        .map((x) => Number(x[1]))
        .filter((y) => y !== Number(m[0]));
      out.push({ year: Number(m[0]), line: l.line, written: `${l.text.slice(m.index, m.index + m[0].length)}年`, excerpt: t.slice(Math.max(0, m.index - 10), m.index + 24).trim(), title: c.title, companions, ...(c.file ? { file: true } : {}), ...(c.column ? { column: true } : {}) });
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

/** The year the page was published (发布日期 2022-05-16, 成文日期：2022年5月16日), when written in its first half. */
export function publishedYear(lines: readonly { readonly line: number; readonly text: string }[]): number | null {
  for (const l of lines) {
    if (!/日期|时间|時間/u.test(l.text)) continue;
    const m = /(?:发布|發布|成文|发文|發文)?(?:日期|时间|時間)\s*[:：|\]]?[\s|]*((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})/u.exec(halfWidth(l.text));
    if (m) return Number(m[2]) <= 6 ? Number(m[1]) : null;
  }
  return null;
}

type Witness = { readonly year: number; readonly how: 'titles' | 'text' | 'published'; readonly strong: boolean; readonly weight: number };

/**
 * The evaluated year by the rest of the report, `skip` left out: titles weigh three, other mentions one;
 * a year wins with at least twice the weight of any other. Without any, the year before the publication.
 */
export function witnessYear(mentions: readonly Mention[], skip: number, published: number | null): Witness | null {
  const weight = new Map<number, number>();
  const titles = new Map<number, number>();
  mentions.forEach((m, i) => {
    if (i === skip) return;
    weight.set(m.year, (weight.get(m.year) ?? 0) + (m.file ? 4 : m.title ? 3 : 1));
    if (m.title) titles.set(m.year, (titles.get(m.year) ?? 0) + 1);
  });
  const [best, second] = [...weight.entries()].sort((a, b) => b[1] - a[1]);
  // a title is judged even against one clause of the text; a clause needs more than one other mention
  if (best && best[1] >= (mentions[skip]?.title ? 1 : 2) && (!second || (best[1] >= 2 * second[1] && best[1] >= second[1] + 3))) {
    const t = titles.get(best[0]) ?? 0;
    const otherTitles = [...titles.entries()].some(([y, n]) => y !== best[0] && n > 0);
    return { year: best[0], how: t > 0 ? 'titles' : 'text', strong: t > 0 && !otherTitles && (second?.[1] ?? 0) === 0, weight: best[1] };
  }
  // a year not yet over when the page was published cannot have been evaluated in it
  const own = mentions[skip];
  if (!best && published !== null && own?.title && own.year >= published) return { year: published - 1, how: 'published', strong: false, weight: 0 };
  return null;
}

export const sentenceYear: Extractor = {
  id: 'sentence-year',
  description: '报告自述的年度（标题、表头、文件名、评价期间、段首年份、资金年度）与报告其余部分所示的评价年度',
  extract({ doc }) {
    const mentions = yearMentions(doc.lines);
    if (mentions.length === 0) return [];
    const published = publishedYear(doc.lines);
    const out: YearRelation[] = [];
    mentions.forEach((m, i) => {
      const w = witnessYear(mentions, i, published);
      if (!w) return;
      if (!m.title) {
        // a clause two years or more away speaks of another period; one naming the next year too is a comparison
        if (Math.abs(m.year - w.year) > 1 || m.companions?.includes(m.year + 1) || (m.column && m.year === w.year - 1)) return;
      } else if (w.how === 'text' && w.weight < 3 && Math.abs(m.year - w.year) > 1) return;
      const figure: Figure = { value: dec(m.year), written: m.written, label: m.title ? '报告自述的评价年度' : '所述年度', line: m.line, excerpt: m.excerpt, exact: true };
      const base = { kind: 'year', source: 'sentence-year', year: figure, evaluatedYear: w.year } as const;
      if (m.title && w.strong) out.push({ ...base, confidence: 'certain' });
      else {
        const by = w.how === 'titles' ? `按报告其余标题所示的 ${w.year} 年为评价年度` : w.how === 'text' ? `按报告其余各处所述的 ${w.year} 年为评价年度` : `按发布日期推定 ${w.year} 年为评价年度`;
        out.push({ ...base, confidence: 'likely', assumption: m.title ? by : `${by}，此处年份按所评价的年度` });
      }
    });
    return out;
  },
};

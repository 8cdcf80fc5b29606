/**
 * Labels: the words before a figure that say what it is (人员经费, 公务接待费预算, 实有在职人员, 结案率,
 * 产出指标总分), cleaned of list markers, years, self references and filler words, and split into the
 * quantity (subject) and what of it the figure is (qualifier).
 * @module
 */
import type { FactKind, Qualifier } from './types.ts';

const LEADING = [
  /^[\u2460-\u2473\u2474-\u2487\u2488-\u249b]/u,
  /^[（(][一二三四五六七八九十\d]{1,3}[)）]/u,
  /^[一二三四五六七八九十]+[、.．]/u,
  /^\d{1,2}(?:[.．](?!\d)|、)/u,
  /^[一二三四五六七八九十]是/u,
  /^(?:其中|其次|首先|另外|此外|同时|具体(?:情况)?|分别(?:是|为)?|主要(?:是|有)?|包括|以及|及|和|与|还|并|且|但|而|对|在|为|向|由|把|将|从|于|按|经|截至|截止)/u,
  /^(?:全年|本年度|本年|今年|当年|年内|全县|全市|全区|全省|全镇|全乡|全系统|全行业|目前|当前|现已|截至目前|至今|今年来|年来)/u,
  /^(?:共有|共计|合计|总计|共|已|实现了?|总共|一共)/u,
  /^(?:本|我|全|该)(?:局|委|办|单位|部门|院|校|中心|所|站|厅|队|会|处|科|室|县|市|区|省|镇|乡)/u,
  /^我们/u,
];

const TRAILING = /(?:达到了|达到|为了|共有|共计|合计|总计|只有|仅有|分别|约为|约|近|逾|为|是|达|共|了|有|的|已|仅|计有|高达|占|均|则|超|由|及|和|与)$/u;

const YEAR_IN_LABEL = /((?:19|20)\d{2})\s*年度?/gu;
const PERIOD_IN_LABEL = /\d{1,2}月(?:\d{1,2}日)?(?:底|初|中旬|上旬|下旬|前|后|份)?/gu;
/** Any of {@link LEADING} (a pass strips them in turn only when one of them starts the label). */
const ANY_LEADING = new RegExp(`^(?:${LEADING.map((p) => p.source.slice(1)).join('|')})`, 'u');

/** Names that contain 预算 without being a budget figure. */
const BUDGET_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算内|预算绩效|预算单位|预算部门|预算管理/gu;

export type CleanLabel = {
  readonly text: string;
  readonly year?: number;
  /** A month or day the label named (3月底), taken out of the text. */
  readonly period?: string;
  /** The label named the unit itself (本局, 我单位, the unit's name): a figure of the whole unit. */
  readonly selfReference?: boolean;
};

/** The unit's name as labels are compared with it, for the last name asked (one document's, asked per figure). */
let lastUnitName = '';
let lastUnitKey = '';
function unitKey(unitName: string): string {
  if (unitName !== lastUnitName) {
    lastUnitName = unitName;
    lastUnitKey = unitName.replace(/[\s\u3000]/gu, '');
  }
  return lastUnitKey;
}

/** Cleans the words before a figure. `unitName` is stripped where it starts the label. */
export function cleanLabel(raw: string, unitName: string | null): CleanLabel {
  let t = raw.replace(/[\s\u3000\u00a0“”"‘’'「」]/gu, '');
  let year: number | undefined;
  // a period names 月 and a year 年: labels without them skip those expressions
  const periods = t.includes('月') ? (t.match(PERIOD_IN_LABEL) ?? []) : [];
  if (periods.length > 0) t = t.replace(PERIOD_IN_LABEL, '');
  if (t.includes('年')) {
    // the last year named wins, as each replacement set it in turn
    YEAR_IN_LABEL.lastIndex = 0;
    for (let m = YEAR_IN_LABEL.exec(t); m !== null; m = YEAR_IN_LABEL.exec(t)) year = Number(m[1]);
    if (year !== undefined) t = t.replace(YEAR_IN_LABEL, '');
  }
  let selfReference = /^(?:本|我|全|该)(?:局|委|办|单位|部门|院|校|中心|所|站|厅)|^我们/u.test(t);
  if (unitName) {
    const name = unitKey(unitName);
    if (name.length >= 2 && t.includes(name)) {
      selfReference = true;
      t = t.split(name).join('');
    }
  }
  for (let guard = 0; guard < 12; guard++) {
    const before = t;
    if (ANY_LEADING.test(t)) for (const p of LEADING) t = t.replace(p, '');
    t = t.replace(TRAILING, '');
    if (t === before) break;
  }
  const out: { -readonly [K in keyof CleanLabel]: CleanLabel[K] } = { text: t };
  if (year !== undefined) out.year = year;
  if (periods.length > 0) out.period = periods.join('');
  if (selfReference) out.selfReference = selfReference;
  return out;
}

export type Parsed = {
  readonly subject: string;
  readonly qualifier?: Qualifier;
  /** The qualifier as written (预算, 实际使用, 得分 …), '' when none. */
  readonly qualifierText: string;
  /** A rate name (执行率) or a generic word that needs the sentence's subject. */
  readonly needsContext: boolean;
};

/** Rates whose name does not say of what (执行率 of the project, of the funds …). */
export const GENERIC_RATES = /^(?:预算)?(?:执行率|完成率|到位率|控制率|增长率|增幅|支出率|使用率|变动率|达标率|合格率|结转结余率|结余率|支付率|兑现率|下降率|降幅|完成进度|支出进度)$/u;

const GENERIC_RATE_AT_END = /(?:预算)?(?:执行率|完成率|到位率|控制率|支出率|使用率|执行进度|支出进度)$/u;

/** Subjects too vague to compare on their own. */
const GENERIC_SUBJECTS = new Set(['', '数', '金额', '总额', '数额', '资金', '合计', '总计', '其中', '情况', '数量', '任务', '金', '额', '人数', '总数', '共', '达到', '实现', '完成', '项', '个', '得', '分', '总', '值', '指标', '年度', '年']);

export const isGenericSubject = (s: string): boolean => GENERIC_SUBJECTS.has(s) || s.length < 2;

/** After a qualifier (上年支出, 实际使用) these words do not name a quantity of their own. */
const VAGUE_AFTER_QUALIFIER = /^(?:支出|收入|使用|经费|资金|金额|数|费用)$/u;
const vague = (s: string): boolean => isGenericSubject(s) || VAGUE_AFTER_QUALIFIER.test(s);
/** A subject that names no quantity of its own: generic, or a bare 支出/收入/使用 (已于本年度支出75万元). */
export const isVagueSubject = vague;

const CHANGE = /(?:比|较|同比|环比|相比)(?:上年度?|去年|上一年度?|上年同期|同期|前一年)?(?:相比)?(?:增加|增长|上升|提高|多|减少|下降|降低|少|节约|节省|持平|无变化)了?$|^(?:同比)?(?:增加|增长|上升|提高|减少|下降|降低|节约|节省)了?$/u;
const INCREASE = /(?:增加|增长|上升|提高|多)了?$/u;

/** Splits a cleaned label into subject and qualifier. `kind` decides whether 总分/得分 apply. */
export function parseLabel(label: string, kind: FactKind, clauseText: string): Parsed {
  // every name BUDGET_NAMES masks contains 预算
  const masked = label.includes('预算') ? label.replace(BUDGET_NAMES, (m) => '＃'.repeat(m.length)) : label;

  if (kind === 'rate' && /率$|进度$|增幅$|降幅$/u.test(label)) {
    // 项目执行率: the rate 执行率 of 项目
    const generic = GENERIC_RATE_AT_END.exec(label);
    if (generic && generic.index > 0) return { subject: label.slice(0, generic.index), qualifierText: generic[0], needsContext: false };
    return { subject: label, qualifierText: '', needsContext: GENERIC_RATES.test(label) };
  }
  const change = CHANGE.exec(masked) ?? (/(?:比|较)(?:上年|去年)/u.test(clauseText) ? /(?:增加|增长|上升|减少|下降|降低)了?$/u.exec(masked) : null);
  if (change) {
    const subject = label.slice(0, change.index).replace(/(?:比|较)$/u, '');
    return {
      subject,
      qualifier: INCREASE.test(change[0]) ? 'increase' : 'decrease',
      qualifierText: change[0],
      needsContext: vague(subject),
    };
  }
  if (kind === 'score' || kind === 'other' || kind === 'count') {
    const points = /(?:总分|分值|满分|权重|总分值)$/u.exec(masked);
    if (points && kind === 'score') {
      const subject = label.slice(0, points.index);
      return { subject, qualifier: 'points', qualifierText: points[0], needsContext: vague(subject) };
    }
    // 自评10分: the self-assessed score (分值10分，自评10分)
    const score = /(?:自评得分|实际得分|得分|评分|实得|自评|得)$/u.exec(masked);
    if (score && kind === 'score') {
      const subject = label.slice(0, score.index);
      return { subject, qualifier: 'score', qualifierText: score[0], needsContext: vague(subject) };
    }
  }
  const balance = /(?:结转结余|结余|盈余|节余|结转|剩余|余额)(?:资金|金额|数)?$/u.exec(masked);
  if (balance) {
    const subject = label.slice(0, balance.index);
    return { subject, qualifier: 'balance', qualifierText: balance[0], needsContext: vague(subject) };
  }
  const prior = /^(?:上年度?|去年|上一年度?|上年同期|前一年)/u.exec(masked);
  if (prior) {
    const subject = label.slice(prior[0].length).replace(/^(?:的|同期)/u, '');
    return { subject, qualifier: 'prior', qualifierText: prior[0], needsContext: vague(subject) };
  }
  // an amount is budgeted, not targeted: 营养改善计划1,974.30万元 is a programme's name
  const target = kind === 'amount' ? null : (/(?:年度指标值?|全年指标|指标值|目标值|目标|计划数?|预计|预期|任务数?)$/u.exec(masked) ?? /^(?:预计|计划|预期|目标)/u.exec(masked));
  if (target) {
    const subject = target.index === 0 && target[0].length < label.length && /^(?:预计|计划|预期|目标)/u.test(masked)
      ? label.slice(target[0].length)
      : label.slice(0, target.index);
    return { subject: subject.replace(/(?:年度|全年)$/u, ''), qualifier: 'target', qualifierText: target[0], needsContext: isGenericSubject(subject) };
  }
  const budget = /(?:年初预算|全年预算|调整后预算|预算)(?:数|额|金额|资金|安排|批复)?$|(?:批复|安排)(?:资金|金额)?$/u.exec(masked);
  if (budget) {
    const subject = label.slice(0, budget.index);
    return { subject, qualifier: 'budget', qualifierText: budget[0], needsContext: vague(subject) };
  }
  const actualPrefix = /^实际(?:完成|支出|使用|执行|发生|到位|拨付)?/u.exec(masked);
  if (actualPrefix) {
    const subject = label.slice(actualPrefix[0].length);
    return { subject, qualifier: 'actual', qualifierText: actualPrefix[0], needsContext: subject.length <= 2 };
  }
  const actual = /(?:实际(?:完成|支出|使用|执行|发生|到位|拨付)?|决算数?|执行数|支出数|完成数|实际数|已完成|完成了?|使用了?|实现了?)$/u.exec(masked);
  if (actual) {
    const subject = label.slice(0, actual.index);
    return { subject, qualifier: 'actual', qualifierText: actual[0], needsContext: vague(subject) };
  }
  return { subject: label, qualifierText: '', needsContext: isGenericSubject(label) };
}

const subjects = new Map<string, string>();

/** Drops endings that do not change what a quantity is: 情况, 金额, 总额. */
export function normalizeSubject(subject: string): string {
  // the checks ask for the same few subjects again and again
  let out = subjects.get(subject);
  if (out === undefined) {
    out = subject
      .replace(/[（(][^）)]*[）)]/gu, '')
      .replace(/(?:情况|金额|总额|数额|总数|共计|合计)$/u, '')
      .replace(/^(?:各类|各项|全部|所有)/u, '');
    if (subjects.size >= 10_000) subjects.clear();
    subjects.set(subject, out);
  }
  return out;
}

/**
 * Finding the figures in a passage: 6,506.26万元, 644人, 93.75%, 6.45万本, 53243平方米, 9.388公顷, ≥90%,
 * 140余万元, 19-29批次, 四家. Years (2022年), dates (2月10日, 5·12), scales (1：10000), numbers in names
 * (22号, 177号地, 附件1-1, 第3批), list markers (①⑴⒈, 1.) are not figures; years are kept separately
 * because labels and the year check need them.
 * @module
 */
import { type Dec, dec, parseDec } from '@jixiao/core';
import { chineseNumber, halfWidth } from './text.ts';
import type { FactKind } from './types.ts';

export type Figure = {
  /** Offsets in the passage: the whole token (sign and unit included) and the number itself. */
  readonly start: number;
  readonly end: number;
  readonly numberStart: number;
  /** As written in its unit (6.45 in 6.45万本). */
  readonly written: Dec;
  /** Normalised: money in 万元. */
  readonly value: Dec;
  readonly unit: string;
  readonly kind: FactKind;
  readonly text: string;
  readonly comparison?: '≥' | '≤' | '>' | '<';
  readonly approximate?: boolean;
  readonly upper?: Dec;
  readonly tolerance?: Dec;
  /** A Chinese numeral (四家). */
  readonly chinese?: boolean;
};

export type YearMention = { readonly start: number; readonly end: number; readonly year: number; readonly text: string };

const MONEY: Record<string, (d: Dec) => { value: Dec; tolerance?: Dec }> = {
  万元: (d) => ({ value: d }),
  元: (d) => ({ value: dec(d.units, d.scale + 4) }),
  千元: (d) => ({ value: dec(d.units, d.scale + 1) }),
  亿元: (d) =>
    d.scale >= 4
      ? { value: dec(d.units, d.scale - 4) }
      : { value: dec(d.units * 10 ** (4 - d.scale), 0), tolerance: dec(5 * 10 ** (3 - d.scale), 0) },
};

/** Counting classifiers: the figure counts things. */
const COUNT_UNITS = [
  '人次', '户次', '家次', '车次', '台次', '场次', '架次', '批次', '课时', '学时',
  '人', '名', '个', '项', '件', '家', '户', '宗', '本', '册', '份', '次', '台', '处', '座', '所', '条', '张', '辆', '套',
  '批', '类', '场', '篇', '栋', '间', '种', '只', '头', '棵', '株', '块', '组', '支', '队', '笔', '起', '例', '床', '单',
  '部', '门', '期', '轮', '村', '镇', '乡', '校', '园', '班', '节', '幅', '枚', '盏', '根', '口', '眼', '艘', '架', '匹',
];
/** Measures: areas, lengths, weights, durations. */
const MEASURE_UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '公顷', '亩', '公里', '千米', '米', '吨', '千克', '公斤', '小时', '个月',
  '天', '周', '年', '岁', '千瓦', '兆瓦', '千瓦时', '度', '升', 'km', 'kg', 'm²', '㎡', 'm',
];
const RATE_UNITS = ['个百分点', '%', '‰'];

const ALL_UNITS = [...RATE_UNITS, ...MEASURE_UNITS, ...COUNT_UNITS].sort((a, b) => b.length - a.length);
/** The units by their first character, longest first as in `ALL_UNITS`: a unit can only start where its first character is. */
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of ALL_UNITS) {
  const list = UNITS_BY_FIRST.get(u.charAt(0)) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u.charAt(0), list);
}
/** The first unit of `ALL_UNITS` that `text` starts with (and that `accept` takes). */
const unitAtStart = (text: string, accept: (u: string) => boolean = () => true): string | undefined =>
  UNITS_BY_FIRST.get(text.charAt(0))?.find((u) => accept(u) && text.startsWith(u));

const CJK = /[\u3400-\u9fff]/u;

/** A unit right after a number (a year is never followed by one). */
const startsWithUnit = (rest: string): boolean => {
  const t = rest.replace(/^\s*(?:余|多)?(?:万|亿|千)?(?:余|多)?/u, '');
  return /^(?:元|分)/u.test(t) || unitAtStart(t, (u) => u !== '年') !== undefined;
};

/** 分 is a score unless it starts a word (分钟, 分局, 分别, 分管 …). */
function isScoreFen(after: string): boolean {
  const next = after[0] ?? '';
  if (next === '' || !CJK.test(next)) return true;
  return /^(?:的|以|左|其|得|为|扣|，|。|、|；)/u.test(after) && !/^以内/u.test(after);
}

const SIGN_BEFORE: readonly [RegExp, '≥' | '≤' | '>' | '<'][] = [
  [/(?:≥|>=|≧|不低于|不少于|大于等于|至少)\s*$/u, '≥'],
  [/(?:≤|<=|≦|不高于|不超过|小于等于|不多于|控制在)\s*$/u, '≤'],
  [/(?:>|＞|大于|高于|超过)\s*$/u, '>'],
  [/(?:<|＜|小于|低于)\s*$/u, '<'],
];
const APPROX_BEFORE = /(?:约|近|逾|超|大约|将近|接近|近乎|大概|约合)\s*$/u;

export type Scan = { readonly figures: Figure[]; readonly years: YearMention[] };

/** The decimal places `parseDec` keeps (it cuts the rest). */
const MAX_SCALE = 8;

/**
 * `parseDec` of a number the scan matched: ASCII digits with optional thousands commas and fraction, so
 * none of `parseDec`'s clean-up (full-width forms, blanks, sign) applies. Null where `parseDec` gives null
 * (more digits than a safe integer holds). numbers.test.ts checks it against `parseDec`.
 */
export function decOfDigits(whole: string, fraction: string | undefined): Dec | null {
  const digits = fraction === undefined ? '' : fraction.slice(0, MAX_SCALE);
  const units = Number((whole.includes(',') ? whole.replaceAll(',', '') : whole) + digits);
  return Number.isSafeInteger(units) ? dec(units, digits.length) : null;
}

/** Words after which a number is part of a name or an identifier (附件1, 表2, 编号3): `before` ends in one, blanks aside. */
const NAME_BEFORE = ['附件', '表', '图', '编号', '号码', '电话', '代码'];

/** Scans a passage for figures and year mentions. */
export function scanFigures(source: string): Scan {
  const text = halfWidth(source);
  const figures: Figure[] = [];
  const years: YearMention[] = [];
  const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    const numberStart = m.index;
    let end = m.index + m[0].length;
    const before = text.slice(Math.max(0, numberStart - 6), numberStart);
    const prev = text[numberStart - 1] ?? '';
    const written = decOfDigits(m[1] ?? '', m[2]);
    if (!written) continue;
    const rest = text.slice(end);
    const integer = m[2] === undefined && !m[1]?.includes(',');

    // 2022年, 2022年度, 2023-02-20, 2023.2.20, and a bare 2023 before words ("2023基本完成")
    if (integer && m[0].length === 4 && written.units >= 1900 && written.units <= 2100) {
      const date = /^\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?/u.exec(rest);
      if (date) {
        years.push({ start: numberStart, end: end + date[0].length, year: written.units, text: text.slice(numberStart, end + date[0].length) });
        NUMBER.lastIndex = end + date[0].length;
        continue;
      }
      const y = /^\s*年(度)?/u.exec(rest);
      if (y || !/^\s*(?:[\d.,%]|[^\u3400-\u9fff\s])/u.test(rest)) {
        if (y || !startsWithUnit(rest)) {
          const stop = end + (y ? y[0].length : 0);
          years.push({ start: numberStart, end: stop, year: written.units, text: text.slice(numberStart, stop) });
          NUMBER.lastIndex = stop;
          continue;
        }
      }
    }
    // numbers inside names or identifiers, ordinals, dates, times, scales
    if (/[A-Za-z]/u.test(prev)) continue;
    if (/^[A-Za-z]/u.test(rest) && !/^(?:km|kg|m²|m)(?![A-Za-z])/u.test(rest)) continue;
    const beforeWord = before.trimEnd();
    if (beforeWord.endsWith('第') || NAME_BEFORE.some((w) => beforeWord.endsWith(w))) {
      NUMBER.lastIndex = skipRange(text, end);
      continue;
    }
    if (/^\s*(?:月|日|号|时|点(?!\d)|秒|届|楼|栋号|#|版)/u.test(rest)) continue;
    if (/[·:：]$/u.test(prev) && /\d/u.test(text[numberStart - 2] ?? '')) continue;
    if (/^[·:：]\d/u.test(rest)) {
      NUMBER.lastIndex = skipRange(text, end + 1);
      continue;
    }

    // a range: 19-29, 80～90, 5至10
    let upper: Dec | undefined;
    const range = /^\s*(?:-|－|~|～|至|到|—|–)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/u.exec(rest);
    if (range && range[1]) {
      upper = parseDec(range[1]) ?? undefined;
      end += range[0].length;
    }

    let tail = text.slice(end);
    let approximate = false;
    let comparison: Figure['comparison'];
    const approx1 = /^(?:余|多)/u.exec(tail);
    if (approx1) {
      approximate = true;
      end += approx1[0].length;
      tail = text.slice(end);
    }
    let multiplier = '';
    const mult = /^(?:万|亿|千)(?=[\u3400-\u9fff%a-z]|余|多)/u.exec(tail);
    if (mult && !/^千(?:米|克|瓦)/u.test(tail)) {
      multiplier = mult[0];
      end += 1;
      tail = text.slice(end);
      const approx2 = /^(?:余|多)/u.exec(tail);
      if (approx2) {
        approximate = true;
        end += approx2[0].length;
        tail = text.slice(end);
      }
    }
    let unit = '';
    let kind: FactKind | null = null;
    let value: Dec = written;
    let tolerance: Dec | undefined;
    const money = /^元/u.test(tail) ? `${multiplier}元` : null;
    if (money && MONEY[money]) {
      const normal = MONEY[money](written);
      value = normal.value;
      tolerance = normal.tolerance;
      unit = '万元';
      kind = 'amount';
      end += 1;
    } else if (tail.startsWith('分') && multiplier === '' && isScoreFen(tail.slice(1))) {
      unit = '分';
      kind = 'score';
      end += 1;
    } else {
      const u = unitAtStart(tail);
      if (u) {
        // 年 after a small number is a duration; 个 is not a unit when 个百分点 matched first (longest first)
        unit = `${multiplier}${u}`;
        kind = RATE_UNITS.includes(u) ? 'rate' : COUNT_UNITS.includes(u) ? 'count' : 'other';
        end += u.length;
      } else if (multiplier) {
        unit = multiplier;
        kind = 'other';
      }
    }
    if (!kind) {
      if (upper) NUMBER.lastIndex = end;
      continue;
    }
    if (upper && kind === 'amount' && unit === '万元' && money && MONEY[money]) upper = MONEY[money](upper).value;
    const post = /^(?:左右|上下|以上|以下|以内|之多|多)/u.exec(text.slice(end));
    if (post) {
      if (post[0] === '以上') comparison = '≥';
      else if (post[0] === '以下' || post[0] === '以内') comparison = '≤';
      else approximate = true;
      end += post[0].length;
    }
    let start = numberStart;
    for (const [pattern, sign] of SIGN_BEFORE) {
      const s = pattern.exec(before);
      if (s) {
        comparison ??= sign;
        start = numberStart - s[0].length;
        break;
      }
    }
    const a = APPROX_BEFORE.exec(before);
    if (a) {
      approximate = true;
      start = Math.min(start, numberStart - a[0].length);
    }
    const figure = { start, end, numberStart, written, value, unit, kind, text: source.slice(start, end) } as { -readonly [K in keyof Figure]: Figure[K] };
    if (comparison) figure.comparison = comparison;
    if (approximate) figure.approximate = approximate;
    if (upper) figure.upper = upper;
    if (tolerance) figure.tolerance = tolerance;
    figures.push(figure);
    NUMBER.lastIndex = end;
  }
  for (const figure of chineseFigures(text, source, figures)) figures.push(figure);
  // a stable sort leaves figures already in order as they are: most passages have no Chinese numeral
  if (figures.some((f, i) => i > 0 && (figures[i - 1]?.start ?? 0) > f.start)) figures.sort((x, y) => x.start - y.start);
  return { figures, years };
}

/** Skips the rest of a compound identifier like 1-1 or 3.2.1. */
function skipRange(text: string, from: number): number {
  const m = /^(?:[-－.·:：]\d+)*/u.exec(text.slice(from));
  return from + (m ? m[0].length : 0);
}

const CN_CLASSIFIERS = ['个', '项', '家', '件', '类', '次', '人', '名', '所', '条', '处', '本', '批', '宗', '台', '辆', '座', '户', '种', '支', '期'];
/** Every classifier is one character: the one after the numeral is the unit or there is none. */
const CN_CLASSIFIER_SET: ReadonlySet<string> = new Set(CN_CLASSIFIERS);

/** 四家, 两个, 十二项: Chinese numerals of 2 … 99 right before a classifier. */
function chineseFigures(text: string, source: string, taken: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  const CN = /[两二三四五六七八九十]+/gu;
  let m: RegExpExecArray | null;
  while ((m = CN.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = text[start - 1] ?? '';
    if (/[第一二三四五六七八九十百千万两（(零]/u.test(prev)) continue;
    // the classifier first: most runs of 一 … 十 in a text are not followed by one
    const unit = text.charAt(end);
    if (!CN_CLASSIFIER_SET.has(unit)) continue;
    const value = chineseNumber(m[0]);
    if (value === null || value < 2) continue;
    // 个别, 个人, 项目, 次要, 件事 …: the classifier must not start a common word
    const next = text.slice(end, end + 2);
    if (/^(?:个别|个人|项目|次要|条件|批示|处理|期间|支出|类别|人员|名称|家庭|台账)/u.test(next)) continue;
    if (taken.some((f) => f.start <= start && f.end >= end)) continue;
    const written = dec(value, 0);
    out.push({
      start,
      end: end + unit.length,
      numberStart: start,
      written,
      value: written,
      unit,
      kind: 'count',
      text: source.slice(start, end + unit.length),
      chinese: true,
    });
  }
  return out;
}

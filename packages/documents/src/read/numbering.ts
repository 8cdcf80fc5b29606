/**
 * Word's automatic list numbers rendered as text ("一、", "（十八）", "1.", "⑴", "①"), so a paragraph
 * numbered by Word reads the same as one numbered by hand.
 *
 * Reference: ECMA-376 Part 1 §17.9 (numbering: abstractNum, num, lvl, numFmt, lvlText, start, suff,
 * lvlOverride/startOverride) and §17.18.59 ST_NumberFormat.
 * @module
 */
const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (counting form used in headings). */
export function chineseNumber(n: number, digits = CHINESE_DIGITS, units = ['', '十', '百', '千']): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return digits[0] ?? '零';
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i] ?? '';
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && parts.length > 0) parts.push(digits[0] ?? '零');
    zero = false;
    // 十一 rather than 一十一 when the number starts with the tens
    if (!(d === 1 && unit === units[1] && i === 0)) parts.push(digits[d] ?? '');
    parts.push(unit);
  }
  return parts.join('');
}

const roman = (n: number): string => {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return out;
};

const letters = (n: number): string => {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
};

const enclosed = (n: number, first: number, last: number): string =>
  n >= 1 && n <= last - first + 1 ? String.fromCodePoint(first + n - 1) : String(n);

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** One number in a numbering format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal': return String(n);
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'upperLetter': return letters(n);
    case 'lowerLetter': return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
      return chineseNumber(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographTraditional': return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac': return DIZHI[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 0x2473); // ①–⑳
    case 'decimalEnclosedParen': return enclosed(n, 0x2474, 0x2487); // ⑴–⒇
    case 'decimalEnclosedFullstop': return enclosed(n, 0x2488, 0x249b); // ⒈–⒛
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'none': return '';
    default: return String(n);
  }
}

export type NumberingLevel = {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly suffix: 'tab' | 'space' | 'nothing';
  readonly legal: boolean;
};

export type NumberingDefinitions = {
  /** numId → abstract levels (index = ilvl) and start overrides. */
  readonly nums: ReadonlyMap<string, { readonly abstractId: string; readonly starts: ReadonlyMap<number, number> }>;
  readonly abstracts: ReadonlyMap<string, readonly (NumberingLevel | undefined)[]>;
};

/** Counts list items as Word does and renders each item's label. */
export class NumberingCounter {
  readonly #counters = new Map<string, number[]>();
  /** The item just numbered, when nothing unnumbered came after it. */
  #previous: { abstractId: string; ilvl: number; format: string; text: string; value: number } | null = null;
  constructor(private readonly defs: NumberingDefinitions) {}

  /** An unnumbered paragraph came: the next list is not the direct continuation of the last one. */
  gap(): void {
    this.#previous = null;
  }

  /** The label of the next item of list `numId` at level `ilvl`, or '' when unknown. */
  next(numId: string, ilvl: number): string {
    const num = this.defs.nums.get(numId);
    if (!num) return '';
    const levels = this.defs.abstracts.get(num.abstractId) ?? [];
    const level = levels[ilvl];
    if (!level) return '';
    // Lists sharing one abstract definition continue each other's numbering, as Word does.
    const key = num.abstractId;
    const counters = this.#counters.get(key) ?? [];
    this.#counters.set(key, counters);
    const startOf = (l: number) => num.starts.get(l) ?? levels[l]?.start ?? 1;
    const previous = this.#previous;
    // LibreOffice, saving a .doc as .docx, may split one list into two identical definitions right after
    // its first item; a list that starts afresh on the very next paragraph, same level and same format,
    // goes on counting instead.
    const continues = counters[ilvl] === undefined && previous !== null && previous.abstractId !== key &&
      previous.ilvl === ilvl && previous.format === level.format && previous.text === level.text && !num.starts.has(ilvl);
    counters[ilvl] = continues ? (previous?.value ?? 0) + 1 : counters[ilvl] === undefined ? startOf(ilvl) : (counters[ilvl] ?? 0) + 1;
    counters.length = ilvl + 1;
    this.#previous = { abstractId: key, ilvl, format: level.format, text: level.text, value: counters[ilvl] ?? 0 };
    if (level.format === 'bullet') return '';
    const label = level.text.replace(/%([1-9])/gu, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters[l] ?? startOf(l);
      const fmt = level.legal && l !== ilvl ? 'decimal' : (levels[l]?.format ?? 'decimal');
      return formatNumber(value, level.legal ? 'decimal' : fmt);
    });
    if (label === '') return '';
    if (level.suffix === 'space') return `${label} `;
    if (level.suffix === 'nothing') return label;
    // A tab after the label: nothing after CJK punctuation (一、承担…), a space after a bare number.
    return /[、.．)）:：\]】]$/u.test(label) ? label : `${label} `;
  }
}

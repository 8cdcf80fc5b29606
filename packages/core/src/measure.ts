/**
 * Reading an indicator's target or actual value as written: "≥90%", "　10", "800本", "90%以上",
 * "形成项目清单". A value is numeric only when the whole cell is one number with an optional comparison
 * sign, a short unit and 以上/以下; anything longer is text (a qualitative statement).
 *
 * Reference: DOMAIN.md scoring rules (正向/反向/等于/定性); 财预〔2020〕10号 附件 self-evaluation table.
 * @module
 */
import { type Dec, isPlaceholder, parseDec } from './decimal.ts';

export const Comparison = { atLeast: '≥', atMost: '≤', equal: '=', greater: '>', less: '<' } as const;
export type Comparison = (typeof Comparison)[keyof typeof Comparison];

export type Measure = {
  /** The text as written, trimmed. */
  readonly text: string;
  readonly isBlank: boolean;
  /** The single number, when the cell is numeric. */
  readonly value: Dec | null;
  readonly comparison: Comparison | null;
  readonly unit: string | null;
  readonly isPercent: boolean;
  /** 以上 / 以下 / 以内 after the number: a bound, not a measured value. */
  readonly qualifier: '以上' | '以下' | '以内' | null;
};

const SIGNS: Record<string, Comparison> = {
  '≥': '≥', '>=': '≥', '＞＝': '≥', '≧': '≥', '不低于': '≥', '不少于': '≥', '大于等于': '≥', '至少': '≥',
  '≤': '≤', '<=': '≤', '＜＝': '≤', '≦': '≤', '不高于': '≤', '不超过': '≤', '小于等于': '≤', '不多于': '≤',
  '=': '=', '＝': '=', '等于': '=',
  '>': '>', '＞': '>', '大于': '>', '高于': '>',
  '<': '<', '＜': '<', '小于': '<', '低于': '<',
};
const SIGN_PATTERN = Object.keys(SIGNS)
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
  .join('|');

// sign? number unit? qualifier?  — the unit is at most 4 non-digit characters (个, 万元, 平方米, %, ‰ …).
const NUMERIC = new RegExp(
  `^(${SIGN_PATTERN})?\\s*([+-]?[0-9０-９][0-9０-９,，.．]*)\\s*([^0-9０-９\\s]{1,4}?)?\\s*(以上|以下|以内)?$`,
  'u',
);

const EMPTY: Omit<Measure, 'text' | 'isBlank'> = {
  value: null, comparison: null, unit: null, isPercent: false, qualifier: null,
};

const CACHE_LIMIT = 20_000;
const cache = new Map<string, Measure>();

/**
 * Reads a target or actual as written. Results are memoised by text: a form rechecked on every
 * keystroke re-reads the same cells.
 */
export function parseMeasure(written: string | null | undefined): Measure {
  const key = written ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const measure = Object.freeze(readMeasure(key));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, measure);
  return measure;
}

function readMeasure(written: string): Measure {
  const text = (written ?? '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '');
  if (text === '' || isPlaceholder(text)) return { text, isBlank: true, ...EMPTY };
  const match = NUMERIC.exec(text);
  if (!match) return { text, isBlank: false, ...EMPTY };
  const [, sign, number = '', rawUnit, qualifier] = match;
  const value = parseDec(number.replace(/，/gu, ','));
  if (!value) return { text, isBlank: false, ...EMPTY };
  const unit = rawUnit ? rawUnit.replace(/％/gu, '%') : null;
  return {
    text,
    isBlank: false,
    value,
    comparison: sign ? (SIGNS[sign] ?? null) : null,
    unit,
    isPercent: unit === '%',
    qualifier: (qualifier as Measure['qualifier']) ?? null,
  };
}

export const isNumeric = (m: Measure): boolean => m.value !== null;

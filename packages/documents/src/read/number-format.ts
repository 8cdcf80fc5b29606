/**
 * A spreadsheet number shown as Excel shows it: exceljs gives 17485.15 and the format `#,##0.00`; the
 * person saw "17,485.15", and that written form (its precision) is what the model keeps. Rounding is done
 * on the decimal string (Excel's 15 significant digits, half away from zero), never in float arithmetic.
 *
 * Covered: General, 0 / 0.00 / #,##0.00 and the like, percent, literal text ("万元", \x, _x), sections
 * (positive;negative;zero), colours and locale tags ([Red], [$-804]), text format @, dates.
 * @module
 */

/** `v` to `decimals` places, half away from zero, from its 15-significant-digit decimal form. */
export function roundDecimal(v: number, decimals: number, scalePow10 = 0): string {
  if (!Number.isFinite(v)) return String(v);
  const negative = v < 0;
  const [mantissa = '0', exponentText = '0'] = Math.abs(v).toPrecision(15).split('e');
  const [intPart = '0', fracPart = ''] = mantissa.split('.');
  let digits = intPart + fracPart;
  let point = intPart.length + Number(exponentText) + scalePow10;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (digits.length < point) digits += '0'.repeat(point - digits.length);
  const keep = point + decimals;
  let kept = digits.slice(0, Math.max(0, keep)).padEnd(Math.max(0, keep), '0');
  const next = digits.charCodeAt(keep) - 48;
  if (keep >= 0 && next >= 5) {
    // increment the kept digits
    const arr = kept.split('');
    let i = arr.length - 1;
    for (; i >= 0; i--) {
      if (arr[i] === '9') arr[i] = '0';
      else {
        arr[i] = String(Number(arr[i]) + 1);
        break;
      }
    }
    kept = (i < 0 ? '1' : '') + arr.join('');
    if (i < 0) point += 1;
  }
  const whole = kept.slice(0, kept.length - decimals).replace(/^0+(?=\d)/u, '') || '0';
  const frac = decimals > 0 ? kept.slice(kept.length - decimals) : '';
  const text = frac ? `${whole}.${frac}` : whole;
  const isZero = /^[0.]*$/u.test(text);
  return negative && !isZero ? `-${text}` : text;
}

const group = (whole: string): string => whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',');

/** Excel's General: up to 10 significant digits after rounding, no trailing zeros. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e11 || (abs < 1e-9 && abs > 0)) return v.toPrecision(6).replace(/\.?0+e/u, 'E').replace('e', 'E');
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 0;
  const decimals = Math.max(0, 10 - intDigits);
  return roundDecimal(v, decimals).replace(/(\.\d*?)0+$/u, '$1').replace(/\.$/u, '');
}

/** Splits a format into sections at unquoted semicolons. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? '';
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const isDateFormat = (section: string): boolean => {
  const bare = section.replace(/"[^"]*"/gu, '').replace(/\\./gu, '').replace(/\[[^\]]*\]/gu, '');
  return /[yYdD]|[hH]|[sS]|m/u.test(bare) && !/[0#?]/u.test(bare);
};

/** Formats a number with an Excel number format string. */
export function formatNumber(v: number, format: string | undefined): string {
  if (!format || /^general$/iu.test(format.trim())) return formatGeneral(v);
  const parts = sections(format);
  let section = parts[0] ?? '';
  let value = v;
  if (v < 0 && parts.length >= 2) {
    section = parts[1] ?? '';
    value = -v;
  } else if (v === 0 && parts.length >= 3) section = parts[2] ?? '';
  if (section.trim() === '@') return formatGeneral(v);
  if (isDateFormat(section)) return formatGeneral(v);
  // literal text and the number pattern
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let inPattern = false;
  let done = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] ?? '';
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end === -1 ? undefined : end);
      i = end === -1 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i++;
    } else if (ch === '_' || ch === '*') {
      i++; // padding: width of the next character, no visible text
      continue;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end === -1 ? section.length : end;
      continue;
    } else if (/[0#?.,%]/u.test(ch) && !done) {
      pattern += ch;
      inPattern = true;
      continue;
    } else if (ch === '%') {
      pattern += ch;
      continue;
    } else {
      literal = ch;
    }
    if (inPattern) done = true;
    if (literal !== null) {
      if (inPattern || done) suffix += literal;
      else prefix += literal;
    }
  }
  if (!pattern) return prefix + suffix; // a section of literal text only ("—"), or empty: no number shown
  const percent = (pattern.match(/%/gu) ?? []).length;
  const [intPattern = '', fracPattern = ''] = pattern.replace(/%/gu, '').split('.');
  // trailing commas scale by 1000 each
  const scaleCommas = (/,+$/u.exec(intPattern)?.[0].length ?? 0);
  const decimals = (fracPattern.match(/[0#?]/gu) ?? []).length;
  const optionalDecimals = (fracPattern.match(/[#?]/gu) ?? []).length;
  const grouping = intPattern.replace(/,+$/u, '').includes(',');
  let text = roundDecimal(value, decimals, percent * 2 - scaleCommas * 3);
  if (optionalDecimals > 0 && text.includes('.')) {
    const [w = '', f = ''] = text.split('.');
    const required = decimals - optionalDecimals;
    let trimmed = f;
    while (trimmed.length > required && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
    text = trimmed ? `${w}.${trimmed}` : w;
  }
  const negative = text.startsWith('-');
  if (negative) text = text.slice(1);
  const [wholeText = '0', frac] = text.split('.');
  let whole = wholeText;
  const minInt = (intPattern.match(/0/gu) ?? []).length;
  if (minInt === 0 && whole === '0' && frac) whole = '';
  whole = whole.padStart(minInt, '0');
  if (grouping) whole = group(whole);
  const body = frac !== undefined ? `${whole}.${frac}` : whole;
  const sign = negative && parts.length < 2 ? '-' : '';
  return `${sign}${prefix}${body}${'%'.repeat(percent)}${suffix}`;
}

/** A date as a Chinese reader writes it: 2023年2月20日 when the format says 年, else 2023-02-20. */
export function formatDate(d: Date, format: string | undefined): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (format && format.includes('年')) return `${y}年${m}月${day}日`;
  return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

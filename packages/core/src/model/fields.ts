/**
 * Field schemas shared by the model: amounts, rates, counts and scores as written.
 *
 * Every number is accepted as a JSON number or as the string the unit wrote ("17,485.15", "87.15%",
 * "　"), and becomes a {@link Dec} that keeps its written precision, or null when nothing was written.
 * @module
 */
import { z } from 'zod';
import { type Dec, isPlaceholder, parseDec } from '../decimal.ts';

const writtenNumber = (what: string, stripPercent: boolean) =>
  z
    .union([z.number(), z.string()])
    .nullish()
    .transform((value, ctx): Dec | null => {
      if (value === null || value === undefined) return null;
      if (typeof value === 'string') {
        let text = value.trim();
        if (isPlaceholder(text)) return null;
        if (stripPercent) text = text.replace(/[%％]$/u, '');
        const parsed = parseDec(text);
        if (parsed) return parsed;
        ctx.issues.push({ code: 'custom', message: `不是有效的${what}：「${value}」`, input: value });
        return z.NEVER;
      }
      const parsed = parseDec(value);
      if (parsed) return parsed;
      ctx.issues.push({ code: 'custom', message: `不是有效的${what}：${value}`, input: value });
      return z.NEVER;
    });

/** An amount in the evaluation's money unit (万元 by default). */
export const amount = writtenNumber('金额', false);
/** A rate in percent: "84.11%", "84.11" and 84.11 all mean 84.11 %. */
export const rate = writtenNumber('百分比', true);
/** A count of people, items, indicators. */
export const count = writtenNumber('数量', false);
/** Points (分值) or a score (得分). */
export const points = writtenNumber('分值', false);

export const text = z.string().nullish().transform((v) => (v === null || v === undefined ? null : v));
export const textList = z.array(z.string()).default([]);

export const labelledAmount = z.strictObject({
  label: z.string(),
  amount,
});

/** A named list whose count the report states: 内设20个机构 (then the names). */
export const namedList = z.strictObject({
  count: count,
  names: textList,
});

export const breakdown = z.strictObject({
  total: count,
  parts: z.array(z.strictObject({ label: z.string(), count })).default([]),
});

/** 填表人 / 联系电话 / 单位负责人签字. */
export const signOff = z.strictObject({
  preparer: text,
  phone: text,
  unitHead: text,
});

/** A date written as 2023-02-20 or 2023年2月20日. */
export const writtenDate = z
  .string()
  .nullish()
  .transform((value, ctx): string | null => {
    if (!value || isPlaceholder(value)) return null;
    const m = /^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$/u.exec(value.trim());
    if (!m) {
      ctx.issues.push({ code: 'custom', message: `不是有效的日期：「${value}」（应为 2023年2月20日 或 2023-02-20）`, input: value });
      return z.NEVER;
    }
    const [, y, mo, d] = m;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

/** Where a field came from in a source document (set by importers). */
export const sourceLocation = z.strictObject({
  line: z.number().int().optional(),
  excerpt: z.string().optional(),
  file: z.string().optional(),
});

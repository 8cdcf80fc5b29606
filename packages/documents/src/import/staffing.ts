/**
 * The 人员编制 sentence of a 部门整体 report as model fields: 编制 716 个（其中：行政编制 26 个…），年末实有在职
 * 644 人（其中：行政人员 29 人…），退休 138 人 — numbers kept as written strings. Written the way jixiao writes
 * it and the ways the seed and county reports do (共定编716个, 实有在职人员644人, 退休人员138人).
 * @module
 */
import type { Mutable } from './context.ts';

const NUMBER = '([0-9][0-9,]*)';
const AUTHORIZED = new RegExp(`(?:共有编制|共定编|定编|核定编制|编制数|编制)[为共：:\\s]*${NUMBER}\\s*(?:个|名|人)`, 'u');
const ACTUAL = new RegExp(`(?:实有在职人员|在职人员|实有人员|在职|实有)[为共：:\\s]*${NUMBER}\\s*(?:人|名)`, 'u');
const RETIRED = new RegExp(`退休(?:人员)?[为共：:\\s]*${NUMBER}\\s*(?:人|名)`, 'u');

/** 其中：行政编制26个，机关工勤编制2个 → parts, from the text right after a total up to the next ；。 */
function partsAfter(text: string, from: number, unitWord: string): Mutable[] {
  const rest = text.slice(from);
  const m = /^[，,]?\s*其中[:：]?([^；;。]*)/u.exec(rest);
  if (!m?.[1]) return [];
  const parts: Mutable[] = [];
  for (const piece of m[1].split(/[，,、]/u)) {
    const p = new RegExp(`^\\s*([^0-9\\s]+?)\\s*${NUMBER}\\s*${unitWord}?\\s*$`, 'u').exec(piece);
    if (!p?.[1] || !p[2]) return [];
    parts.push({ label: p[1], count: p[2].replace(/,/gu, '') });
  }
  return parts;
}

/** The staffing fields a text states, or null when it states none. */
export function staffingFromText(text: string): Mutable | null {
  const out: Mutable = {};
  const authorized = AUTHORIZED.exec(text);
  if (authorized?.[1]) {
    out.authorized = { total: authorized[1].replace(/,/gu, ''), parts: partsAfter(text, authorized.index + authorized[0].length, '个') };
  }
  const afterAuthorized = authorized ? authorized.index + authorized[0].length : 0;
  const actual = ACTUAL.exec(text.slice(afterAuthorized));
  if (actual?.[1]) {
    const at = afterAuthorized + actual.index + actual[0].length;
    out.actual = { total: actual[1].replace(/,/gu, ''), parts: partsAfter(text, at, '人') };
  }
  const retired = RETIRED.exec(text);
  if (retired?.[1]) out.retired = retired[1].replace(/,/gu, '');
  return Object.keys(out).length > 0 ? out : null;
}

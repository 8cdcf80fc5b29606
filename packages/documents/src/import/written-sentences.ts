/**
 * The writer's own sentences read back into their fields (a document jixiao rendered): each is recognised
 * by the definition the writer printed it with (`write/wording.ts`), so the wording lives in one place.
 * A line that is not one of them stays the unit's text and is listed as not imported.
 * @module
 */
import type { SourceLine } from '../source.ts';
import {
  APPROVED_BASIC, APPROVED_INCOME, APPROVED_ITEM, APPROVED_PARTS, LABELLED_AMOUNT, NUMBERED_LINE, PARTS_INTRO,
} from '../write/wording.ts';
import type { ImportContext, Mutable } from './context.ts';
import { cleanValue } from './normalize.ts';

/**
 * 二（一）经批复的预、决算情况 as the writer prints it (1.一般公共预算收入…。2.一般公共预算基本支出…，其中：…。3.…),
 * into `approvedBudget`; returns the lines it could not read (all of them when it read none).
 */
export function approvedBudgetFrom(lines: readonly SourceLine[], ctx: ImportContext): { approvedBudget: Mutable | null; unread: SourceLine[] } {
  const approved: Mutable = {};
  const items: Mutable[] = [];
  const unread: SourceLine[] = [];
  for (const l of lines) {
    // the writer numbers every line 1. 2. (a unit's own 1、 is its text)
    const line = NUMBERED_LINE.read(cleanValue(l.text))?.line;
    if (line === undefined) {
      unread.push(l);
      continue;
    }
    const income = APPROVED_INCOME.read(line);
    if (income) {
      approved.generalBudgetIncome = income.amount;
      ctx.source('approvedBudget.generalBudgetIncome', l.line, income.amount);
      continue;
    }
    const basic = APPROVED_BASIC.read(line);
    const parts = basic ? readParts(basic.rest) : null;
    if (basic && parts) {
      approved.basicSpending = basic.amount;
      ctx.source('approvedBudget.basicSpending', l.line, basic.amount);
      for (const [key, amount] of parts) {
        approved[key] = amount;
        ctx.source(`approvedBudget.${key}`, l.line, amount);
      }
      continue;
    }
    const item = APPROVED_ITEM.read(line);
    if (item) {
      ctx.source(`approvedBudget.items[${items.length}].amount`, l.line, item.amount);
      items.push({ label: item.label, amount: item.amount });
      continue;
    }
    unread.push(l);
  }
  if (items.length > 0) approved.items = items;
  return Object.keys(approved).length > 0 ? { approvedBudget: approved, unread } : { approvedBudget: null, unread: [...lines] };
}

/** ，其中：人员经费…，公用经费…: the parts by field, or null when a part is not one the writer prints. */
function readParts(rest: string): [keyof typeof APPROVED_PARTS, string][] | null {
  if (rest === '') return [];
  if (!rest.startsWith(PARTS_INTRO)) return null;
  const out: [keyof typeof APPROVED_PARTS, string][] = [];
  for (const part of rest.slice(PARTS_INTRO.length).split('，')) {
    const read = LABELLED_AMOUNT.read(part);
    const key = read ? (Object.keys(APPROVED_PARTS) as (keyof typeof APPROVED_PARTS)[]).find((k) => APPROVED_PARTS[k] === read.label) : undefined;
    if (!read || !key) return null;
    out.push([key, read.amount]);
  }
  return out;
}

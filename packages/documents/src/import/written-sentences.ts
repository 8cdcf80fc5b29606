/**
 * The writer's own sentences read back into their fields (a document jixiao rendered): each is recognised
 * by the definition the writer printed it with (`write/wording.ts`), so the wording lives in one place.
 * A line that is not one of them stays the unit's text and is listed as not imported.
 * @module
 */
import type { SourceLine } from '../source.ts';
import {
  APPROVED_BASIC, APPROVED_INCOME, APPROVED_ITEM, APPROVED_PARTS, CHANGE_WORDS, LABELLED_AMOUNT, NUMBERED_LINE, PARTS_INTRO,
  THREE_PUBLIC_ITEM_LABELS, THREE_PUBLIC_ITEMS_INTRO, THREE_PUBLIC_NAMES, THREE_PUBLIC_TOTAL_LABELS, THREE_PUBLIC_TOTALS,
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

type Labels = Readonly<Record<string, string>>;
/** Leading 标签+金额 parts (by field, in the order of `labels`); returns the fields and the parts left over. */
function leadingFigures(parts: readonly string[], labels: Labels): { figures: Mutable; rest: string[] } {
  const figures: Mutable = {};
  let i = 0;
  for (const [key, name] of Object.entries(labels)) {
    const read = parts[i] === undefined ? null : LABELLED_AMOUNT.read(parts[i] as string);
    if (read?.label === name) {
      figures[key] = read.amount;
      i++;
    }
  }
  return { figures, rest: parts.slice(i) };
}

/**
 * 二（二）3.三公经费 as the writer prints it (one paragraph: the totals, then 其中：each item with its figures,
 * its change from the prior year and the unit's explanation) into `execution.threePublic`, or null when the
 * paragraph is not the writer's.
 */
export function threePublicFrom(lines: readonly SourceLine[], ctx: ImportContext): Mutable | null {
  const only = lines.length === 1 ? lines[0] : undefined;
  if (!only) return null;
  const text = cleanValue(only.text).replace(/。$/u, '');
  const at = text.indexOf(THREE_PUBLIC_ITEMS_INTRO);
  const totals = THREE_PUBLIC_TOTALS.read(at >= 0 ? text.slice(0, at) : text);
  if (!totals) return null;
  const head = leadingFigures(totals.rest === '' ? [] : totals.rest.split('，'), THREE_PUBLIC_TOTAL_LABELS);
  if (head.rest.length > 0) return null;
  const out: Mutable = { ...head.figures };
  const items: Mutable[] = [];
  for (const itemText of at >= 0 ? text.slice(at + THREE_PUBLIC_ITEMS_INTRO.length).split('；') : []) {
    const category = (Object.keys(THREE_PUBLIC_NAMES) as (keyof typeof THREE_PUBLIC_NAMES)[]).find((k) => itemText.startsWith(THREE_PUBLIC_NAMES[k]));
    if (!category) return null;
    const { figures, rest } = leadingFigures(itemText.slice(THREE_PUBLIC_NAMES[category].length).split('，'), THREE_PUBLIC_ITEM_LABELS);
    const item: Mutable = { category, ...figures };
    const change = rest[0] === undefined ? null : LABELLED_AMOUNT.read(rest[0]);
    if (rest[0] === CHANGE_WORDS.none) item.changeFromPrior = '0';
    else if (change?.label === CHANGE_WORDS.up) item.changeFromPrior = change.amount;
    else if (change?.label === CHANGE_WORDS.down) item.changeFromPrior = `-${change.amount}`;
    const explanation = rest.slice('changeFromPrior' in item ? 1 : 0).join('，');
    if (explanation) item.explanation = explanation;
    items.push(item);
  }
  if (items.length > 0) out.items = items;
  for (const [key, value] of Object.entries(head.figures)) ctx.source(`execution.threePublic.${key}`, only.line, value as string);
  items.forEach((item, i) => {
    for (const key of ['budget', 'actual', 'priorActual', 'changeFromPrior']) if (typeof item[key] === 'string') ctx.source(`execution.threePublic.items[${i}].${key}`, only.line, item[key]);
  });
  return out;
}

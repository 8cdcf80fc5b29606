/**
 * The indicator rows of a self-evaluation table, in any layout and any template whose header names its
 * points and score columns (分值 … 得分, 权重 … 自评得分): each row's score ≤ its points, the points of a
 * block against its header (产出指标(50分)), the stated 总分 against the points and the scores of every row
 * (the funds row's included), and the grade against the total (national bands, or the table's own).
 *
 * A row is recognised by its last cells: after the header's value columns (指标值, 实际完成值) come the
 * points and score columns, so the last numbers of a run of numbers are the row's points and score, in
 * the header's order. Points and scores are assigned, not measured: every relation here is exact.
 * @module
 */
import { type Dec, dec, parseDec } from '@jixiao/core';
import { fundsBlocks } from './grid-funds.ts';
import { cellFigure, notJudgedByModel, numberCell, type Token, tokensOf, type Written } from './grid-tokens.ts';
import type { Extractor, ExtractorInput, Figure, Relation } from './types.ts';

const VALUE_CAPTION = /^(?:三级指标|指标名称|年度指标值|指标值|目标值|年度目标值|实际完成值|完成值|实际值|全年实际值|评价标准|指标内容|指标解释|指标说明|评分标准|评分细则|指标说明及评分标准|评价要点|评分办法)$/u;
const POINTS_CAPTION = /^(?:分值|权重|指标分值|标准分|指标权重)(?:[(（]分[)）])?$/u;
const SCORE_CAPTION = /^(?:得分|自评得分|评价得分|实际得分|自评分)(?:[(（]分[)）])?$/u;
/** A block header with its points: 产出指标(50分), 效益指标（30分）, 决策(20分). */
const BLOCK = /^(产出|效益|满意度|效果|决策|过程|项目决策|项目管理|项目绩效|项目产出|项目效益|成本)(?:指标)?[(（](\d+(?:\.\d+)?)分?[)）]$/u;
/**
 * A level-1 block's points in a cell of their own, its name lost or in the cell before: (50分) after 产出指标 or
 * after nothing a reader kept. After a level-2 name (数量指标 (20分)) it is that indicator's, not a block's.
 */
const BARE_BLOCK = /^[(（](\d+(?:\.\d+)?)分[)）]$/u;
const LEVEL2_NAME = /(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)(?:指标)?$/u;
/** A header over all indicator blocks, written just before the indicator header: 绩效指标(90分), 年度绩效目标(80分). */
const TOP = /^(?:年度)?绩效(?:指标|目标)[(（](\d+(?:\.\d+)?)分[)）]$/u;
/** A level-1 name without points: it ends the block before it. */
const LEVEL1 = /^(?:产出|效益|满意度)指标$/u;
const TOTAL = /^(?:总分|合计|总计|自评总分|综合得分)$/u;
const END = /^(?:填表人|填报人|联系人|单位负责人|财务负责人|说明|注|备注)/u;
const GRADE_WORD = /^(?:评价)?(?:等级|评级|自评等级|绩效等级|评价结果|自评结果)$/u;
const GRADE = /^(优|良|中|差|优秀|良好|合格|不合格)$/u;

const NATIONAL: readonly { grade: string; min: Dec }[] = [
  { grade: '优', min: dec(90) }, { grade: '良', min: dec(80) }, { grade: '中', min: dec(60) }, { grade: '差', min: dec(0) },
];
/** The same bands named as some tables name them (优秀 / 良好 / 合格 / 不合格). */
const NATIONAL_WORDS: readonly { grade: string; min: Dec }[] = NATIONAL.map((b, k) => ({ ...b, grade: ['优秀', '良好', '合格', '不合格'][k] ?? b.grade }));

/**
 * The indicator header: its points and score columns among the number columns at its end (`width` of
 * them, the last cells of a row), or — where the value columns come between (分值 年度指标值 实际完成值 得分) —
 * the number of value columns `gap` between the points and the score.
 */
type Header = { end: number; points: number; score: number; width: number; gap: number };

const REASON = /^(?:偏差原因|原因|未完成原因|备注|扣分原因|问题)/u;

/** The indicator header at `i` (a value caption), or null. */
function headerAt(tokens: readonly Token[], i: number): Header | null {
  const seq: ('value' | 'points' | 'score' | 'other')[] = [];
  let j = i;
  for (; j < tokens.length && j < i + 14; j++) {
    const c = (tokens[j] as Token).caption;
    if (numberCell(c)) break;
    if (VALUE_CAPTION.test(c)) seq.push('value');
    else if (POINTS_CAPTION.test(c)) seq.push('points');
    else if (SCORE_CAPTION.test(c)) seq.push('score');
    else if (/^(?:复核分|复核得分|评审得分)$/u.test(c)) seq.push('other');
    else if (seq.some((x) => x !== 'value') && !REASON.test(c)) break;
  }
  const p = seq.indexOf('points');
  const s = seq.indexOf('score');
  if (p < 0 || s < 0 || !seq.includes('value')) return null;
  const between = seq.slice(Math.min(p, s) + 1, Math.max(p, s));
  if (p < s && between.length > 0 && between.every((x) => x === 'value')) return { end: j, points: 0, score: 1, width: 2, gap: between.length };
  // the number columns at the end of the header
  let start = seq.length;
  while (start > 0 && seq[start - 1] !== 'value') start--;
  const numbers = seq.slice(start);
  const points = numbers.indexOf('points');
  const score = numbers.indexOf('score');
  if (points < 0 || score < 0) return null;
  return { end: j, points, score, width: numbers.length, gap: 0 };
}

type Row = { points: Figure; score: Figure };
type Block = { header: Figure; rows: Row[]; name: string; closed: boolean };

function fig(t: Token, n: Written, label: string): Figure {
  return cellFigure(t, n, label, true);
}

/** The relations of the indicator part of one table, from the header at `h`. */
function readTable(tokens: readonly Token[], h: Header, funds: { points?: Figure; score?: Figure } | undefined, source: string, top: Figure | null = null): Relation[] {
  const out: Relation[] = [];
  const rows: Row[] = [];
  const blocks: Block[] = [];
  let block: Block | null = null;
  let run: { t: Token; n: Written }[] = [];
  let lastName = '';
  let totals: { t: Token; n: Written }[] | null = null;
  let totalScore: Figure | null = null;
  let grade: { text: string; line: number } | null = null;
  // whether the table ended within the excerpt (a 总分 row, a signature), so that no row is missing
  let ended = false;
  const closeRun = () => {
    if (h.gap === 0 && run.length >= h.width) {
      const tail = run.slice(run.length - h.width);
      const p = tail[h.points];
      const s = tail[h.score];
      if (p && s && !p.n.percent && !s.n.percent && Number(p.n.text) <= 100 && Number(s.n.text) <= 100 && p.n.value.units >= 0) {
        const row = { points: fig(p.t, p.n, `「${lastName}」分值`), score: fig(s.t, s.n, `「${lastName}」得分`) };
        rows.push(row);
        block?.rows.push(row);
      }
    }
    run = [];
  };
  let j = h.end;
  for (; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    const c = t.caption;
    const n = numberCell(c);
    if (n && !totals && h.gap > 0) {
      // points, the value cells, score: the points right after the row's name
      const prev = tokens[j - 1];
      const far = tokens[j + h.gap + 1];
      const sn = far ? numberCell(far.caption) : null;
      const inside = tokens.slice(j + 1, j + h.gap + 1).every((x) => !BLOCK.test(x.caption) && !TOTAL.test(x.caption));
      // where the layout shows rows, the score is in the points' row: a row short of a cell (a value left
      // empty) would otherwise pair its points with the next row's points
      const sameRow = tokens.slice(j + 1, j + h.gap + 2).every((x) => !x.rowStart);
      if (prev && !numberCell(prev.caption) && far && sn && inside && sameRow && !n.percent && !sn.percent && Number(n.text) <= 100 && Number(sn.text) <= 100) {
        const row = { points: fig(t, n, `「${lastName}」分值`), score: fig(far, sn, `「${lastName}」得分`) };
        rows.push(row);
        block?.rows.push(row);
        j += h.gap + 1;
      }
      continue;
    }
    if (n && !totals) {
      if (t.rowStart) closeRun();
      run.push({ t, n });
      continue;
    }
    closeRun();
    if (totals) {
      // the numbers of the 总分 row, then its grade if any
      if (n && totals.length < h.width) {
        totals.push({ t, n });
        continue;
      }
      if (GRADE_WORD.test(c) || GRADE.test(c)) {
        const g = GRADE.exec(c) ?? GRADE.exec((tokens[j + 1] as Token | undefined)?.caption ?? '');
        if (g?.[1]) grade = { text: g[1], line: GRADE.test(c) ? t.line : ((tokens[j + 1] as Token).line) };
      }
      break;
    }
    const bare = BARE_BLOCK.exec(c);
    const before = (tokens[j - 1] as Token | undefined)?.caption ?? '';
    const b = BLOCK.exec(c) ?? (bare && !LEVEL2_NAME.test(before) ? [c, LEVEL1.test(before) ? before.replace(/指标$/u, '') : '一级', bare[1]] : null);
    if ((b?.[2] || TOTAL.test(c) || END.test(c)) && block) block.closed = true;
    if (b?.[2]) {
      const v = parseDec(b[2]);
      if (v) {
        block = { header: { value: v, written: `${b[2]}分`, label: `${b[1]}指标分值`, line: t.line, exact: true }, rows: [], name: b[1] ?? '', closed: false };
        blocks.push(block);
      }
      continue;
    }
    if (LEVEL1.test(c) && block && block.rows.length > 0) {
      block.closed = true;
      block = null;
      continue;
    }
    if (TOTAL.test(c)) {
      totals = [];
      ended = true;
      continue;
    }
    if (END.test(c)) ended = true;
    if (END.test(c) || (VALUE_CAPTION.test(c) && rows.length > 0) || /^(?:年初预算数|项目名称)$/u.test(c)) break;
    lastName = t.text.length <= 30 ? t.text : `${t.text.slice(0, 30)}…`;
  }
  closeRun();
  for (const r of rows) out.push({ kind: 'cap', source, confidence: 'certain', score: r.score, points: r.points });
  for (const b of blocks) {
    // a block cut off by the end of the excerpt may miss rows
    if (b.rows.length === 0 || !b.closed) continue;
    out.push({ kind: 'score-sum', source, confidence: 'certain', total: b.header, parts: b.rows.map((r) => r.points) });
  }
  // the header over all blocks: the points of every indicator row (the funds row is not under it)
  if (top && ended && rows.length > 0) out.push({ kind: 'score-sum', source, confidence: 'certain', total: top, parts: rows.map((r) => r.points) });
  // without the funds row's points and score (a funds block not read) the 总分 cannot be checked
  if (totals && totals.length === h.width && rows.length > 0 && (!funds || (funds.points && funds.score))) {
    const tp = totals[h.points];
    const ts = totals[h.score];
    const withFunds = (xs: Figure[], f: Figure | undefined) => (f ? [f, ...xs] : xs);
    if (tp && !tp.n.percent) {
      out.push({
        kind: 'score-sum', source, confidence: 'certain',
        total: fig(tp.t, tp.n, '总分分值'), parts: withFunds(rows.map((r) => r.points), funds?.points),
      });
    }
    if (ts && !ts.n.percent) {
      totalScore = fig(ts.t, ts.n, '总分');
      out.push({ kind: 'score-sum', source, confidence: 'certain', total: totalScore, parts: withFunds(rows.map((r) => r.score), funds?.score) });
    }
  }
  if (grade && totalScore) {
    out.push({ kind: 'grade', source, confidence: 'likely', assumption: '按全国通用等级：90分（含）以上为优，80（含）—90分为良，60（含）—80分为中，60分以下为差', score: totalScore, grade, bands: grade.text.length === 1 ? NATIONAL : NATIONAL_WORDS });
  }
  return out;
}

export function extractIndicators(input: ExtractorInput, source = 'grid-indicators'): Relation[] {
  const tokens = tokensOf(input.doc);
  const { blocks: funds } = fundsBlocks(tokens);
  const out: Relation[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!VALUE_CAPTION.test((tokens[i] as Token).caption)) continue;
    const h = headerAt(tokens, i);
    if (!h) continue;
    const before = funds.filter((f) => f.start < i).at(-1);
    // 绩效指标(90分) right before the header (its level captions between)
    let top: Figure | null = null;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const t = tokens[k] as Token;
      const m = TOP.exec(t.caption);
      const v = m?.[1] ? parseDec(m[1]) : null;
      if (m?.[1] && v) {
        top = { value: v, written: `${m[1]}分`, label: '绩效指标分值', line: t.line, exact: true };
        break;
      }
      if (!/^[一二三]级指标$/u.test(t.caption)) break;
    }
    out.push(...readTable(tokens, h, before, source, top));
    i = h.end - 1;
  }
  return out;
}

export const gridIndicators: Extractor = {
  id: 'grid-indicators',
  description: '自评表指标各行：得分不超过分值，各级指标分值与表头分值、总分，等级与总分',
  extract: (input) => notJudgedByModel(input, extractIndicators(input)),
};

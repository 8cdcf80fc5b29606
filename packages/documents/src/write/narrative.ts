/**
 * The narrative of how the evaluation scored, group by group, written from the engine's derivation: the
 * execution rate, then each first-level group with its second-level groups and every third-level
 * indicator's target, actual, points and score (with the deviation explanation where points were lost).
 * Shared by the 部门整体 report (六（二）) and the 项目 report.
 *
 * Reference: DOMAIN.md "Scoring rules"; the seed's 六（二）综合评价情况 (what it states, made consistent).
 * @module
 */
import { cmp, type Dec, type Derived, type IndicatorResult, normalizeName, type Scheme } from '@jixiao/core';
import type { ParagraphBlock } from './document-model.ts';
import { isCounted } from './indicator-table.ts';
import { circled, GROUP_SENTENCE, groupName, money, percent, plain, RenderMode, sumPresent, written } from './wording.ts';

export type FundsFacts = {
  readonly budget: Dec | null;
  readonly actual: Dec | null;
  readonly rate: Dec | null;
  /** The funds block's points and score as printed (the stated ones in a document as written). */
  readonly points: Dec | null;
  readonly score: Dec | null;
  /** 部门资金 / 项目资金 */
  readonly name: string;
  readonly unit: string;
};

const body = (text: string): ParagraphBlock => ({ kind: 'paragraph', role: 'body', text });
const heading3 = (text: string): ParagraphBlock => ({ kind: 'paragraph', role: 'heading3', text });

/**
 * Paragraphs for each scheme group. `afterSecondLevel` adds the unit's own paragraphs that belong to a
 * second-level group (e.g. its 经济效益 text) right after that group's sentence.
 */
export function groupsNarrative(
  derived: Derived,
  scheme: Scheme,
  funds: FundsFacts,
  mode: RenderMode,
  afterSecondLevel: (level2: string) => readonly ParagraphBlock[] = () => [],
): ParagraphBlock[] {
  const out: ParagraphBlock[] = [];
  /** An indicator's score as printed: as written, the stated one (the computed one where none was stated). */
  const scoreOf = (r: IndicatorResult): Dec => (mode === RenderMode.asWritten ? (r.indicator.score ?? r.counted) : r.counted);
  const m = (d: Dec): string => `${money(d)}${funds.unit}`;
  const results = derived.indicators.filter((r) => !r.indicator.notApplicable);
  derived.groups.forEach((group, g) => {
    const heading = `${g + 1}.${group.name}`;
    if (group.source === 'executionRate') {
      out.push(heading3(`${heading}（${funds.name}）`));
      const figures = [
        funds.budget ? `全年预算数${m(funds.budget)}` : '',
        funds.actual ? `全年执行数${m(funds.actual)}` : '',
        funds.rate ? `预算执行率${percent(funds.rate)}` : '',
      ].filter((x) => x);
      out.push(body(`${group.name}总分${plain(funds.points ?? group.points)}分，得分${plain(funds.score ?? group.score)}分。${figures.length > 0 ? `${figures.join('，')}。` : ''}`));
      return;
    }
    if (group.source === 'schemeIndicators') {
      out.push(heading3(heading));
      out.push(body(`${group.name}总分${plain(group.points)}分，得分${plain(group.score)}分。${group.computed.map((c, i) => `${circled(i)}${c.name}：${c.explanation}`).join('；')}。`));
      return;
    }
    const schemeGroup = scheme.groups[g];
    const keys = new Set(schemeGroup && schemeGroup.source === 'unitIndicators' ? schemeGroup.level1.map(normalizeName) : []);
    const rows = results.filter((r) => keys.has(normalizeName(r.indicator.level1)));
    const rescaled = schemeGroup?.source === 'unitIndicators' && schemeGroup.rescale;
    const shownPoints = rescaled ? group.points : (sumPresent(rows.map((r) => r.indicator.points)) ?? group.points);
    out.push(heading3(heading));
    const shownScore = mode === RenderMode.asWritten && !rescaled ? (sumPresent(rows.map(scoreOf)) ?? group.score) : group.score;
    out.push(body(`${group.name}共${rows.length}个三级指标，总分${plain(shownPoints)}分，得分${plain(shownScore)}分。`));
    const level2Names: string[] = [];
    for (const r of rows) if (!level2Names.some((n) => normalizeName(n) === normalizeName(r.indicator.level2))) level2Names.push(r.indicator.level2);
    level2Names.forEach((name2, k) => {
      const inGroup = rows.filter((r) => normalizeName(r.indicator.level2) === normalizeName(name2));
      const lostPoints = (r: IndicatorResult): boolean => r.indicator.points !== null && cmp(scoreOf(r), r.indicator.points) < 0;
      const deducted = inGroup.filter(lostPoints);
      const listed = inGroup.map((r, i) => {
        const pts = r.indicator.points;
        const why = lostPoints(r) && r.indicator.deviationExplanation ? `，偏差原因：${r.indicator.deviationExplanation.trim().replace(/[。；]$/u, '')}` : '';
        const target = written(r.indicator.target);
        const actual = written(r.indicator.actual);
        return `${circled(i)}${r.indicator.name.trim()}${target ? `，年度指标值${target}` : ''}${actual ? `，实际完成${actual}` : ''}${pts ? `，分值${plain(pts)}分，得分${plain(scoreOf(r))}分` : ''}${why}`;
      });
      const one = inGroup.length === 1;
      const summary = deducted.length === 0 ? (one ? '得满分' : '均得满分') : deducted.length === inGroup.length ? (one ? '有扣分' : '均有扣分') : `其中${inGroup.length - deducted.length}个得满分，${deducted.length}个有扣分`;
      out.push(body(GROUP_SENTENCE.fill({ number: String(k + 1), group: groupName(name2 || '其他'), count: String(inGroup.length), summary, items: listed.join('；') })));
      out.push(...afterSecondLevel(name2));
    });
  });
  const uncounted = results.filter((r) => !isCounted(r, scheme));
  if (uncounted.length > 0) {
    out.push(body(`另有${uncounted.length}个指标不属于评价方案的一级指标，未计入总分：${uncounted.map((r) => `${groupName(r.indicator.level1)}·${r.indicator.name.trim()}`).join('、')}。`));
  }
  return out;
}

/**
 * 以上合计，总分97分（预算执行率10分，…），综合评定等级为“优秀”. As written: the stated total and grade,
 * without the computed group scores (which need not add up to the stated total).
 */
export function totalSentence(derived: Derived, mode: RenderMode, printed: { readonly score: Dec; readonly grade: string }): string {
  const groups = mode === RenderMode.corrected ? `（${derived.groups.map((x) => `${x.name}${plain(x.score)}分`).join('，')}）` : '';
  return `以上合计，总分${plain(printed.score)}分${groups}，综合评定等级为“${printed.grade}”。`;
}

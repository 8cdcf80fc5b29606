/**
 * The 部门整体支出绩效自评报告 as a declarative document: the narrative in the Hunan county outline (一 to 八),
 * the sign-off, and the attachments 附件1-1 and 附件1-2.
 *
 * As written (the default): each table prints the unit's figures, the narrative prints the unit's own text
 * paragraph by paragraph, and sentences are made from the unit's figures only where it wrote no text
 * (三公经费 items, 人员编制); a figure the unit left blank is filled with the computed one. Every figure the
 * engine computes differently (sums, rates, scores, total, grade, the narrative against the tables) is
 * recorded in `corrections` for the separate review — never printed into the unit's text.
 * Corrected: the computed figures are printed, each marked in place; the unit's texts are followed by the
 * marks of the figures they state.
 *
 * Reference: DOMAIN.md "The 部门整体 report"; RULES.md §2.1 (outline, 附件1-1, 附件1-2), §3.8 (the seed's
 * problems that this makes impossible).
 * @module
 */
import {
  add, cmp, type Dec, dec, type DepartmentEvaluation, type Derived, divide, eq, normalizeName, resolveGrade, type Scheme,
  sub, sumConsistent,
} from '@jixiao/core';
import { blank, countCell, header, label, moneyCell, percentCell, scoreCell, textCell } from './cells.ts';
import type { AttachmentBlock, Block, Cell, DocumentSection, Formula, ParagraphBlock, ParagraphRole, ReportDocument } from './document-model.ts';
import { gradeFormula, indicatorBlock, indicatorRows, totalIsPlainSum } from './indicator-table.ts';
import { groupsNarrative, totalSentence } from './narrative.ts';
import {
  APPROVED_BASIC, APPROVED_INCOME, APPROVED_ITEM, APPROVED_PARTS, CHANGE_WORDS, LABELLED_AMOUNT, NUMBERED_LINE, PARTS_INTRO,
  THREE_PUBLIC_ITEM_LABELS, THREE_PUBLIC_ITEMS_INTRO, THREE_PUBLIC_NAMES, THREE_PUBLIC_TOTAL_LABELS, THREE_PUBLIC_TOTALS,
  chineseDate, chineseNumeral, correctionLog, groupName, isDivergent, money, OPENING, paragraphs, percent, plain, RenderMode, sumPresent,
} from './wording.ts';

type Column = 'actual' | 'budget' | 'priorActual';
const COLUMNS: readonly Column[] = ['actual', 'budget', 'priorActual'];
/**
 * A row of 附件1-1: the figures used for further sums and checks (the stated one, else the computed one),
 * the figures printed (as written: blank where the unit left it blank), and which are sums of other rows.
 */
type Row3 = Readonly<Record<Column, Dec | null>> & {
  readonly printed: Readonly<Record<Column, Dec | null>>;
  readonly computed: Readonly<Record<Column, boolean>>;
};
const COLUMN_NAMES: Record<Column, string> = { actual: '当年决算数', budget: '当年预算数', priorActual: '上年决算数' };

const p = (role: ParagraphRole, text: string): ParagraphBlock => ({ kind: 'paragraph', role, text });

type ThreePublicKey = keyof typeof THREE_PUBLIC_NAMES;

/** 比上年增加 15.18 万元 / 减少 … / 与上年持平. */
function change(d: Dec, unit: string): string {
  if (d.units === 0) return CHANGE_WORDS.none;
  return LABELLED_AMOUNT.fill({ label: d.units > 0 ? CHANGE_WORDS.up : CHANGE_WORDS.down, amount: money(d.units > 0 ? d : dec(-d.units, d.scale)), moneyUnit: unit });
}

/** Grade band notes: 优秀（S≥90）、良好（90＞S≥80）… */
export function gradeBandsText(scheme: Scheme): string {
  return scheme.grades
    .map((g, i) => {
      const upper = scheme.grades[i - 1]?.min;
      if (upper === undefined) return `${g.name}（S≥${g.min}）`;
      if (g.min <= 0) return `${g.name}（S＜${upper}）`;
      return `${g.name}（${upper}＞S≥${g.min}）`;
    })
    .join('、');
}

/** 分值设定100分，其中预算执行率10分、产出指标50分… */
export function weightsText(scheme: Scheme): string {
  return `分值设定${scheme.totalPoints}分，其中${scheme.groups.map((g) => `${g.name}${g.points}分`).join('、')}。`;
}

export function buildDepartmentDocument(evaluation: DepartmentEvaluation, scheme: Scheme, derived: Derived, mode: RenderMode = RenderMode.asWritten): ReportDocument {
  const log = correctionLog(mode);
  const unit = evaluation.moneyUnit;
  const m = (d: Dec): string => `${money(d)}${unit}`;
  const year = evaluation.year;
  const unitName = evaluation.unit.name;
  const table = evaluation.selfEvaluation;
  const basic = evaluation.basicData;
  const execution = evaluation.execution;
  const rateDecimals = scheme.rateDecimals;
  const ratePercent = (n: Dec | null, d: Dec | null): Dec | null => (n && d ? divide(n, d, rateDecimals, 'halfUp', 100) : null);
  /** The canonical figure, correcting a stated one that differs. */
  const agree = (path: string, stated: Dec | null | undefined, canonical: Dec | null, what: string, basis: string, show = money): Dec | null =>
    log.figure(path, stated, canonical, show, what, basis);

  // ---------------------------------------------------------------------------------------------------
  // Figures

  const fundsBudget = table?.funds.budget ?? execution?.income?.total ?? null;
  const fundsActual = table?.funds.actual ?? null;
  if (table) agree('execution.income.total', execution?.income?.total, table.funds.budget, '正文收入预算', '附件1-2 全年预算数');
  const fundsRate = table ? agree('selfEvaluation.funds.executionRate', table.funds.executionRate, derived.funds.rate, '预算执行率', '全年执行数 ÷ 全年预算数', (d) => percent(d)) : derived.funds.rate;
  const fundsPoints = table ? agree('selfEvaluation.funds.points', table.funds.points, derived.funds.points, '预算执行率分值', '评价方案规定', plain) : derived.funds.points;
  const fundsScore = table ? agree('selfEvaluation.funds.score', table.funds.score, derived.funds.score, '预算执行率得分', `按评分规则（${derived.funds.explanation}）`, plain) : derived.funds.score;

  // 附件1-2's figures as written there; the narrative's own figures as written in the narrative.
  const tableIncome = {
    generalBudget: table?.income.generalBudget ?? null,
    governmentFund: table?.income.governmentFund ?? null,
    nonTax: table?.income.nonTaxIncome ?? null,
    other: table?.income.other ?? null,
  };
  const income = {
    generalBudget: agree('execution.income.generalBudget', execution?.income?.generalBudget, tableIncome.generalBudget, '正文一般公共预算拨款', '附件1-2'),
    governmentFund: agree('execution.income.governmentFund', execution?.income?.governmentFund, tableIncome.governmentFund, '正文政府性基金拨款', '附件1-2'),
    nonTax: tableIncome.nonTax,
    other: agree('execution.income.other', execution?.income?.other, tableIncome.other, '正文其他收入', '附件1-2 其他资金'),
  };
  const fiscal = agree(
    'execution.income.fiscalAppropriation', execution?.income?.fiscalAppropriation,
    sumPresent([tableIncome.generalBudget ?? income.generalBudget, tableIncome.governmentFund ?? income.governmentFund, tableIncome.nonTax]),
    '财政拨款', '一般公共预算拨款、政府性基金拨款与纳入管理的非税收入拨款之和',
  );

  const personnel = agree('execution.basicSpending.personnel', execution?.basicSpending?.personnel, table?.spending.personnel ?? null, '正文人员经费', '附件1-2 人员经费');
  const operating = agree('execution.basicSpending.operating', execution?.basicSpending?.operating, table?.spending.operating ?? null, '正文公用经费', '附件1-2 公用经费');
  const tablePersonnel = table?.spending.personnel ?? personnel;
  const tableOperating = table?.spending.operating ?? operating;
  const basicFromParts = tablePersonnel && tableOperating ? add(tablePersonnel, tableOperating) : null;
  const basicComputed = basicFromParts ?? table?.spending.basic ?? basic?.basicSpending.actual ?? execution?.basicSpending?.total ?? null;
  const basicBasis = basicFromParts ? '人员经费与公用经费之和' : '附表所列';
  const tableBasic = agree('selfEvaluation.spending.basic', table?.spending.basic, basicComputed, '附件1-2 基本支出', basicBasis);
  const basicDataBasic = agree('basicData.basicSpending.actual', basic?.basicSpending.actual, basicComputed, '附件1-1 部门基本支出当年决算数', basicBasis);
  const basicActual = agree('execution.basicSpending.total', execution?.basicSpending?.total, basicComputed, '正文基本支出', basicBasis);

  // 三公经费: the rows of 附件1-1 (or the narrative's items when there is no 附件1-1).
  const none = (): Record<Column, Dec | null> => ({ actual: null, budget: null, priorActual: null });
  const emptyRow3 = (): Row3 => ({ ...none(), printed: none(), computed: { actual: false, budget: false, priorActual: false } });
  const sumRow = (path: string, stated: Readonly<Record<Column, Dec | null>> | null, parts: readonly Readonly<Record<Column, Dec | null>>[], what: string, basis: string): Row3 => {
    const out = { ...none(), printed: none(), computed: { actual: false, budget: false, priorActual: false } };
    for (const k of COLUMNS) {
      const computed = parts.length > 0 ? sumPresent(parts.map((r) => r[k])) : null;
      out.printed[k] = agree(`${path}.${k}`, stated?.[k], computed, `${what}${COLUMN_NAMES[k]}`, basis);
      out[k] = out.printed[k] ?? computed;
      out.computed[k] = computed !== null;
    }
    return out;
  };
  const asRow = (r: Readonly<Record<Column, Dec | null>> | null | undefined): Row3 => {
    const values = { actual: r?.actual ?? null, budget: r?.budget ?? null, priorActual: r?.priorActual ?? null };
    return { ...values, printed: values, computed: { actual: false, budget: false, priorActual: false } };
  };
  const items = execution?.threePublic?.items ?? [];
  const threePublicRows: Record<ThreePublicKey, Row3> = {
    vehiclePurchase: asRow(basic?.vehiclePurchase),
    vehicleOperation: asRow(basic?.vehicleOperation),
    vehicle: emptyRow3(),
    reception: asRow(basic?.reception),
    overseasTravel: asRow(basic?.overseasTravel),
  };
  if (basic) {
    threePublicRows.vehicle = sumRow('basicData.vehicle', basic.vehicle, [basic.vehiclePurchase, basic.vehicleOperation], '公务用车购置和维护经费', '公车购置与公车运行维护之和');
  } else {
    for (const item of items) threePublicRows[item.category] = asRow(item);
  }
  const threePublicParts = [threePublicRows.reception, threePublicRows.overseasTravel, basic ? threePublicRows.vehicle
    : sumRow('execution.threePublic.vehicle', null, [threePublicRows.vehiclePurchase, threePublicRows.vehicleOperation, threePublicRows.vehicle], '公务用车', '')];
  const threePublicTotal = sumRow('basicData.threePublic', basic?.threePublic ?? null, threePublicParts, '三公经费', '各项三公经费之和');
  agree('execution.threePublic.budgetTotal', execution?.threePublic?.budgetTotal, threePublicTotal.budget, '正文三公经费预算', '各项三公经费预算之和');
  agree('execution.threePublic.actualTotal', execution?.threePublic?.actualTotal, threePublicTotal.actual, '正文三公经费实际支出', '各项三公经费实际支出之和');
  agree('approvedBudget.threePublicBudget', evaluation.approvedBudget?.threePublicBudget, threePublicTotal.budget, '批复的三公经费预算', '各项三公经费预算之和');
  const tableThreePublic = agree('selfEvaluation.spending.threePublic', table?.spending.threePublic, threePublicTotal.actual, '附件1-2 三公经费', '各项三公经费实际支出之和');

  // 项目支出 by category and item (附件1-1).
  const categories = (basic?.projectCategories ?? []).map((c, i) => ({
    label: c.label,
    items: c.items,
    total: sumRow(`basicData.projectCategories[${i}].total`, c.total, c.items.map((x) => x.row), `「${c.label}」`, '其下各项目之和'),
  }));
  const projectRow = basic
    ? sumRow('basicData.projectSpending', basic.projectSpending, categories.map((c) => c.total), '部门项目支出', '各类项目支出之和')
    : asRow({ actual: table?.spending.project ?? execution?.projectSpending?.total ?? null, budget: null, priorActual: null });
  const projectActual = projectRow.actual ?? table?.spending.project ?? execution?.projectSpending?.total ?? null;
  const narrativeProject = agree('execution.projectSpending.total', execution?.projectSpending?.total, projectActual, '正文项目支出', '附件1-1 部门项目支出');
  const tableProject = agree('selfEvaluation.spending.project', table?.spending.project, projectActual, '附件1-2 项目支出', '附件1-1 部门项目支出');
  const projectBudget = projectRow.budget;
  const projectSurplus = projectBudget && projectActual ? sub(projectBudget, projectActual) : null;
  const projectRate = ratePercent(projectActual, projectBudget);

  // 人员: 附件1-1 (the table's figures) and the narrative's own figures, each as written where written.
  const staffing = evaluation.staffing;
  const tableAuthorized = basic?.staffing.authorized ?? null;
  const tableActual = basic?.staffing.actual ?? null;
  const authorized = tableAuthorized ?? staffing?.authorized?.total ?? sumPresent(staffing?.authorized?.parts.map((x) => x.count) ?? []);
  const actualStaff = tableActual ?? staffing?.actual?.total ?? sumPresent(staffing?.actual?.parts.map((x) => x.count) ?? []);
  // The narrative's figures; with no staffing text at all, its sentence is made from the table's figures.
  const narrativeAuthorized = agree('staffing.authorized.total', staffing?.authorized?.total, authorized, '正文编制数', '附件1-1 编制数', plain) ?? (staffing ? null : authorized);
  const narrativeActual = agree('staffing.actual.total', staffing?.actual?.total, actualStaff, '正文实有在职人数', '附件1-1 年末实际在职人数', plain) ?? (staffing ? null : actualStaff);
  const controlRate = agree('basicData.staffing.controlRate', basic?.staffing.controlRate, ratePercent(actualStaff, authorized), '在职人员控制率', '年末实际在职人数 ÷ 编制数', (d) => percent(d));
  /** A breakdown as written; one that does not add up to its total is recorded (and left out, marked, when corrected). */
  const breakdown = (path: string, total: Dec | null, parts: readonly { label: string; count: Dec | null }[] | undefined, what: string, unitWord: string): { parts: readonly { label: string; count: Dec | null }[]; mark: string } => {
    if (!parts || parts.length === 0) return { parts: [], mark: '' };
    const counts = parts.map((x) => x.count);
    if (!total || (counts.every((c): c is Dec => c !== null) && eq(sumPresent(counts) ?? dec(0), total))) return { parts, mark: '' };
    const stated = parts.map((x) => `${x.label}${x.count ? plain(x.count) : '？'}${unitWord}`).join('＋');
    const printed = log.text(path, stated, '', `${what}分项之和与总数 ${plain(dec(total.units, total.scale))} 不一致，请核对`);
    return log.mode === RenderMode.asWritten ? { parts, mark: '' } : { parts: [], mark: printed };
  };
  const authorizedParts = breakdown('staffing.authorized.parts', narrativeAuthorized, staffing?.authorized?.parts, '编制数', '个');
  const actualParts = breakdown('staffing.actual.parts', narrativeActual, staffing?.actual?.parts, '实有在职人数', '人');

  const carryoverComputed = fundsBudget && fundsActual ? sub(fundsBudget, fundsActual) : null;
  const carryover = agree('execution.carryover.amount', execution?.carryover?.amount, carryoverComputed, '结转结余', '全年预算数减全年执行数');

  const governmentFundIncome = agree('governmentFund.income', evaluation.governmentFund?.income, income.governmentFund, '政府性基金预算收入', '附件1-2 政府性基金拨款');

  // Totals and grade.
  const totalScore = (table ? agree('selfEvaluation.totalScore', table.totalScore, derived.total.computed, '总分得分', `按评分规则（${derived.total.explanation}）`, plain) : null) ?? derived.total.computed;
  const totalPoints = (table ? agree('selfEvaluation.totalPoints', table.totalPoints, derived.total.points, '总分分值', '评价方案规定', plain) : null) ?? derived.total.points;
  const computedGrade = derived.grade.name;
  /** The grade as printed: the stated one as written (a different one recorded), the computed one where none was stated. */
  const printedGrade = (path: string, stated: string | null | undefined): string => {
    if (!stated || stated.trim() === '' || stated.trim() === computedGrade) return computedGrade;
    const resolved = resolveGrade(scheme, stated);
    const message = resolved?.name === computedGrade
      ? `综合评定等级「${stated.trim()}」按评价方案统一写作「${computedGrade}」`
      : `综合评定等级填报为「${stated.trim()}」，按总分 ${plain(derived.total.computed)} 应为「${computedGrade}」`;
    return log.text(path, stated.trim(), computedGrade, message);
  };
  const grade = printedGrade('selfEvaluation.grade', table?.grade);
  const conclusionGrade = printedGrade('performance.conclusion.grade', evaluation.performance?.conclusion?.grade);

  // The narrative's own statements about groups of indicators (六（二）).
  const results = derived.indicators.filter((r) => !r.indicator.notApplicable);
  (evaluation.performance?.statements ?? []).forEach((s, i) => {
    const at = `performance.statements[${i}]`;
    if (s.scope.funds) {
      agree(`${at}.points`, s.points, derived.funds.points, '正文部门资金分值', '评价方案规定', plain);
      agree(`${at}.score`, s.score, derived.funds.score, '正文部门资金得分', '预算执行率得分', plain);
      agree(`${at}.amount`, s.amount, fundsBudget, '正文年度资金金额', '附件1-2 全年预算数');
      agree(`${at}.executionRate`, s.executionRate, derived.funds.rate, '正文执行率', '全年执行数 ÷ 全年预算数', (d) => percent(d));
      return;
    }
    const level1 = new Set(s.scope.level1.map(normalizeName));
    const level2 = s.scope.level2 ? normalizeName(s.scope.level2) : null;
    const scope = results.filter((r) => (level1.size === 0 || level1.has(normalizeName(r.indicator.level1))) && (level2 === null || normalizeName(r.indicator.level2) === level2));
    if (scope.length === 0) return;
    const name = [...s.scope.level1, s.scope.level2 ?? ''].filter((x) => x).map(groupName).join('及');
    const points = sumPresent(scope.map((r) => r.indicator.points));
    agree(`${at}.points`, s.points, points, `正文${name}总分`, '其下指标分值之和', plain);
    agree(`${at}.score`, s.score, sumPresent(scope.map((r) => r.counted)), `正文${name}得分`, '其下指标得分之和', plain);
    agree(`${at}.indicatorCount`, s.indicatorCount, dec(scope.length), `正文${name}个数`, '附件1-2 所列指标数', plain);
    agree(`${at}.deductedCount`, s.deductedCount, dec(scope.filter((r) => r.indicator.points && cmp(r.counted, r.indicator.points) < 0).length), `正文${name}扣分个数`, '附件1-2 得分低于分值的指标数', plain);
  });
  const projectExecution = evaluation.performance?.projectExecution;
  if (projectExecution) {
    agree('performance.projectExecution.budget', projectExecution.budget, projectBudget, '正文项目预算', '附件1-1 部门项目支出当年预算数');
    agree('performance.projectExecution.actual', projectExecution.actual, projectActual, '正文项目实际支出', '附件1-1 部门项目支出当年决算数');
    agree('performance.projectExecution.surplus', projectExecution.surplus, projectSurplus, '正文项目结余', '项目预算减实际支出');
    agree('performance.projectExecution.executionRate', projectExecution.executionRate, projectRate, '正文项目执行率', '项目实际支出 ÷ 项目预算', (d) => percent(d));
  }

  // ---------------------------------------------------------------------------------------------------
  // Narrative: the unit's text as written; sentences made from its figures only where it wrote no text.

  const blocks: Block[] = [];
  const add1 = (role: ParagraphRole, text: string): void => {
    if (text.trim() !== '') blocks.push(p(role, text));
  };
  /** In a corrected document, the marks of the corrections under the given model paths ('' as written). */
  const marksUnder = (...prefixes: string[]): string => (log.mode === RenderMode.corrected
    ? log.items
        .filter((c) => prefixes.some((x) => c.path === x || c.path.startsWith(`${x}.`) || c.path.startsWith(`${x}[`)))
        .map((c) => `〔更正：${c.message}〕`)
        .join('')
    : '');
  /** The unit's text as written, paragraph by paragraph (with the marks of its figures in a corrected document). */
  const ownText = (text: string | null | undefined, ...paths: string[]): boolean => {
    const paras = paragraphs(text);
    const marks = paths.length > 0 ? marksUnder(...paths) : '';
    paras.forEach((para, i) => add1('body', i === paras.length - 1 ? `${para}${marks}` : para));
    return paras.length > 0;
  };
  const title = evaluation.title?.trim() || '部门整体支出绩效自评报告';
  if (title.includes(unitName)) add1('title', title);
  else {
    add1('title', unitName);
    add1('title', title);
  }
  blocks.push(p('blank', ''));
  // the unit's own opening as written; a generated sentence only where it wrote none
  if (!ownText(evaluation.introduction)) add1('body', OPENING.fill({ year: String(year), unitName }));

  // 一、部门基本情况
  add1('heading1', '一、部门基本情况');
  add1('heading2', '（一）机构设置');
  const u = evaluation.unit;
  const lists = [
    ['内设机构', u.divisions, 'unit.divisions'], ['群团组织', u.massOrganizations, 'unit.massOrganizations'],
    ['下设二级机构', u.subordinateUnits, 'unit.subordinateUnits'], ['派出机构', u.branchOffices, 'unit.branchOffices'],
  ] as const;
  const listCounts = lists.map(([name, list, path]) => (list && list.names.length > 0
    ? agree(`${path}.count`, list.count, dec(list.names.length), `${name}个数`, '所列名称个数', plain)
    : (list?.count ?? null)));
  const profileText = (u.profileText ?? '').replace(/^[\s\u3000]*[（(]一[)）]机构设置[:：]/u, '');
  if (!ownText(profileText, 'unit.divisions', 'unit.massOrganizations', 'unit.subordinateUnits', 'unit.branchOffices')) {
    const profileIntro = [u.rank, u.fundingType].filter((x) => x && x.trim() !== '').join('');
    if (profileIntro) add1('body', `${unitName}为${profileIntro}${/单位$/u.test(profileIntro) ? '' : '单位'}。`);
    lists.forEach(([name, list], i) => {
      const count = listCounts[i] ?? null;
      if (!list || (!count && list.names.length === 0)) return;
      add1('body', `${name}${count ? `${plain(count)}个` : ''}${list.names.length > 0 ? `：${list.names.join('、')}` : ''}。`);
    });
  }
  add1('heading2', '（二）人员编制');
  const staffSentences: string[] = [];
  if (narrativeAuthorized) {
    staffSentences.push(`${unitName}共有编制${plain(narrativeAuthorized)}个${authorizedParts.parts.length > 0 ? `，其中：${authorizedParts.parts.map((x) => `${x.label}${x.count ? plain(x.count) : ''}个`).join('，')}` : ''}${authorizedParts.mark}`);
  }
  if (narrativeActual) {
    staffSentences.push(`年末实有在职人员${plain(narrativeActual)}人${actualParts.parts.length > 0 ? `，其中：${actualParts.parts.map((x) => `${x.label}${x.count ? plain(x.count) : ''}人`).join('，')}` : ''}${actualParts.mark}`);
  }
  if (!staffing && controlRate) staffSentences.push(`在职人员控制率${percent(controlRate)}`);
  if (staffing?.retired) staffSentences.push(`退休人员${plain(staffing.retired)}人`);
  if (staffSentences.length > 0) add1('body', `${staffSentences.join('；')}。`);
  add1('heading2', '（三）部门职责');
  // Numbered as the template numbers them (the model keeps the duties without their markers).
  evaluation.duties.forEach((duty, i) => add1('body', /^[（(][一二三四五六七八九十]+[)）]/u.test(duty.trim()) ? duty.trim() : `（${chineseNumeral(i + 1)}）${duty.trim()}`));

  // 二、部门整体支出管理及使用情况
  add1('heading1', '二、部门整体支出管理及使用情况');
  add1('heading2', '（一）经批复的预、决算情况');
  const approved = evaluation.approvedBudget;
  const basicText = execution?.basicSpending?.text ?? '';
  if (approved) {
    const approvedBasic = approved.personnel && approved.operating
      ? agree('approvedBudget.basicSpending', approved.basicSpending, add(approved.personnel, approved.operating), '批复的基本支出', '人员经费与公用经费之和')
      : approved.basicSpending;
    const lines: string[] = [];
    // 一般公共预算收入 is the 自评表's 一般公共预算拨款 (the seed wrote 财政拨款 under this name).
    const generalIncome = agree('approvedBudget.generalBudgetIncome', approved.generalBudgetIncome, income.generalBudget, '批复的一般公共预算收入', '附件1-2 一般公共预算拨款');
    const approvedThreePublic = agree('approvedBudget.threePublicBudget', approved.threePublicBudget, threePublicTotal.budget, '批复的三公经费预算', '各项三公经费预算之和');
    // the sentences the importer reads back (wording.ts)
    if (generalIncome) lines.push(APPROVED_INCOME.fill({ amount: money(generalIncome), moneyUnit: unit }));
    if (approvedBasic) {
      const figures = { personnel: approved.personnel, operating: approved.operating, threePublicBudget: approvedThreePublic };
      const parts = (Object.keys(APPROVED_PARTS) as (keyof typeof APPROVED_PARTS)[])
        .flatMap((key) => { const d = figures[key]; return d ? [LABELLED_AMOUNT.fill({ label: APPROVED_PARTS[key], amount: money(d), moneyUnit: unit })] : []; });
      lines.push(APPROVED_BASIC.fill({ amount: money(approvedBasic), moneyUnit: unit, rest: parts.length > 0 ? `${PARTS_INTRO}${parts.join('，')}` : '' }));
    }
    for (const item of approved.items) if (item.amount) lines.push(APPROVED_ITEM.fill({ label: item.label, amount: money(item.amount), moneyUnit: unit }));
    lines.forEach((line, i) => add1('body', NUMBERED_LINE.fill({ number: String(i + 1), line })));
  } else if (basicText.trim() === '') {
    const budgetParts: string[] = [];
    if (fundsBudget) {
      const fiscalParts = [
        income.generalBudget ? `一般公共预算拨款${m(income.generalBudget)}` : '',
        income.governmentFund ? `政府性基金拨款${m(income.governmentFund)}` : '',
        income.nonTax ? `纳入管理的非税收入拨款${m(income.nonTax)}` : '',
      ].filter((x) => x);
      const total = agree('execution.income.total', execution?.income?.total, fundsBudget, '正文收入预算', '附件1-2 全年预算数') ?? fundsBudget;
      budgetParts.push(`${year}年收入预算${m(total)}${fiscal ? `，其中财政拨款${m(fiscal)}${fiscalParts.length > 1 ? `（${fiscalParts.join('，')}）` : ''}` : ''}${income.other ? `，其他收入${m(income.other)}` : ''}`);
    }
    for (const extra of table?.income.additional ?? []) if (extra.amount) budgetParts.push(`${extra.label}${m(extra.amount)}`);
    if (execution?.spendingBudget) budgetParts.push(`支出预算${m(execution.spendingBudget)}`);
    if (budgetParts.length > 0) add1('body', `${budgetParts.join('；')}。`);
  }

  add1('heading2', '（二）部门预算执行情况');
  add1('heading3', '1.基本支出情况');
  const personnelParts = execution?.basicSpending?.personnelParts ?? [];
  const personnelPartsAddUp = personnelParts.length > 0 && personnel !== null
    && personnelParts.every((x) => x.amount) && sumConsistent(personnel, personnelParts.map((x) => x.amount as Dec));
  const personnelPartsMark = personnelParts.length > 0 && !personnelPartsAddUp && personnel
    ? log.text('execution.basicSpending.personnelParts', personnelParts.map((x) => `${x.label}${x.amount ? money(x.amount) : '？'}`).join('＋'), '',
        `人员经费分项之和与人员经费 ${money(personnel)} 不一致，请核对`)
    : '';
  const personnelPartsShown = personnelParts.length > 0 && personnelParts.every((x) => x.amount) && (personnelPartsAddUp || log.mode === RenderMode.asWritten);
  if (!ownText(basicText, 'execution.income', 'execution.spendingBudget', 'execution.basicSpending')) {
    add1('body', basicActual ? `${year}年基本支出${m(basicActual)}${personnel || operating ? '，其中' : ''}${personnel ? `人员经费${m(personnel)}${personnelPartsShown ? `（${personnelParts.map((x) => `${x.label}${m(x.amount as Dec)}`).join('，')}）` : personnelPartsMark}` : ''}${personnel && operating ? '，' : ''}${operating ? `公用经费${m(operating)}` : ''}。` : '');
  }

  add1('heading3', '2.项目支出情况');
  const projectSpending = execution?.projectSpending;
  const projectSplitAddsUp = projectActual && projectSpending?.fiscal && projectSpending.other ? sumConsistent(projectActual, [projectSpending.fiscal, projectSpending.other]) : true;
  const projectSplitMark = projectSplitAddsUp || !projectSpending?.fiscal || !projectSpending.other || !projectActual ? ''
    : log.text('execution.projectSpending.fiscal', `${money(projectSpending.fiscal)}＋${money(projectSpending.other)}`, '', `项目支出的财政资金与其他资金之和与项目支出 ${money(projectActual)} 不一致，请核对`);
  const listedProjects = projectSpending?.projects ?? [];
  const projectsAddUp = listedProjects.length > 0 && projectActual !== null && listedProjects.every((x) => x.amount) && sumConsistent(projectActual, listedProjects.map((x) => x.amount as Dec));
  const projectsMark = listedProjects.length > 0 && !projectsAddUp && projectActual
    ? log.text('execution.projectSpending.projects', `${listedProjects.length} 个项目`, '', `正文所列各项目金额之和与项目支出 ${money(projectActual)} 不一致，请核对`)
    : '';
  if (!ownText(projectSpending?.text, 'execution.projectSpending')) {
    const projectSentences: string[] = [];
    if (narrativeProject) {
      const splitShown = projectSpending?.fiscal && projectSpending.other && (projectSplitAddsUp || log.mode === RenderMode.asWritten);
      projectSentences.push(`${year}年项目支出${m(narrativeProject)}${splitShown ? `，其中财政资金${m(projectSpending.fiscal as Dec)}，其他资金${m(projectSpending.other as Dec)}` : projectSplitMark}。`);
      if (listedProjects.length > 0 && listedProjects.every((x) => x.amount) && (projectsAddUp || log.mode === RenderMode.asWritten)) {
        projectSentences.push(`具体情况如下：${listedProjects.map((x) => `${x.label}${m(x.amount as Dec)}`).join('，')}。`);
      } else if (projectsMark) projectSentences.push(projectsMark);
    }
    if (projectBudget && projectActual && projectSurplus && projectRate) {
      projectSentences.push(`项目支出预算${m(projectBudget)}，实际支出${m(projectActual)}，${projectSurplus.units === 0 ? '无结余' : `结余${m(projectSurplus)}`}，执行率${percent(projectRate)}。`);
    }
    add1('body', projectSentences.join(''));
  }

  add1('heading3', '3.三公经费');
  const threePublicSentences: string[] = [];
  if (items.length > 0 || execution?.threePublic?.budgetTotal || execution?.threePublic?.actualTotal) {
    // The narrative's own figures, as written.
    const budgetTotal = agree('execution.threePublic.budgetTotal', execution?.threePublic?.budgetTotal, threePublicTotal.budget, '正文三公经费预算', '各项三公经费预算之和');
    const actualTotal = agree('execution.threePublic.actualTotal', execution?.threePublic?.actualTotal, null, '正文三公经费实际支出', '各项三公经费实际支出之和');
    if (budgetTotal || actualTotal) {
      const totals = { budgetTotal, actualTotal };
      const rest = (Object.keys(THREE_PUBLIC_TOTAL_LABELS) as (keyof typeof totals)[])
        .flatMap((k) => { const d = totals[k]; return d ? [LABELLED_AMOUNT.fill({ label: THREE_PUBLIC_TOTAL_LABELS[k], amount: money(d), moneyUnit: unit })] : []; });
      threePublicSentences.push(`${THREE_PUBLIC_TOTALS.fill({ year: String(year), rest: rest.join('，') })}。`);
    }
  } else if (threePublicTotal.budget || threePublicTotal.actual) {
    const changeTotal = threePublicTotal.actual && threePublicTotal.priorActual ? `，${change(sub(threePublicTotal.actual, threePublicTotal.priorActual), unit)}` : '';
    threePublicSentences.push(`${year}年三公经费${threePublicTotal.budget ? `预算${m(threePublicTotal.budget)}` : ''}${threePublicTotal.budget && threePublicTotal.actual ? '，' : ''}${threePublicTotal.actual ? `实际支出${m(threePublicTotal.actual)}` : ''}${changeTotal}。`);
  }
  const narrated: { key: ThreePublicKey; index: number | null }[] = items.length > 0
    ? items.map((x, i) => ({ key: x.category, index: i }))
    : (['vehiclePurchase', 'vehicleOperation', 'reception', 'overseasTravel'] as const)
        .filter((k) => COLUMNS.some((c) => threePublicRows[k][c] !== null))
        .map((k) => ({ key: k, index: null }));
  const itemTexts: string[] = [];
  for (const { key, index } of narrated) {
    const row = key === 'vehicle' && basic ? threePublicRows.vehicle : threePublicRows[key];
    const item = index === null ? null : items[index];
    const at = `execution.threePublic.items[${index}]`;
    const name = THREE_PUBLIC_NAMES[key];
    const budget = item ? agree(`${at}.budget`, item.budget, row.budget, `正文${name}预算`, '附件1-1 当年预算数') : row.budget;
    const actual = item ? agree(`${at}.actual`, item.actual, row.actual, `正文${name}实际使用`, '附件1-1 当年决算数') : row.actual;
    const prior = item ? agree(`${at}.priorActual`, item.priorActual, row.priorActual, `正文${name}上年数`, '附件1-1 上年决算数') : row.priorActual;
    const computedDelta = actual && prior ? sub(actual, prior) : null;
    const delta = item ? agree(`${at}.changeFromPrior`, item.changeFromPrior, computedDelta, `正文${name}比上年增减`, '当年决算数减上年决算数') : computedDelta;
    const parts = [
      budget ? LABELLED_AMOUNT.fill({ label: THREE_PUBLIC_ITEM_LABELS.budget, amount: money(budget), moneyUnit: unit }) : '',
      actual ? LABELLED_AMOUNT.fill({ label: THREE_PUBLIC_ITEM_LABELS.actual, amount: money(actual), moneyUnit: unit }) : '',
      // the prior year's figure where the unit stated it (it reads back; a sentence made from the table gives the change only)
      item?.priorActual && prior ? LABELLED_AMOUNT.fill({ label: THREE_PUBLIC_ITEM_LABELS.priorActual, amount: money(prior), moneyUnit: unit }) : '',
      delta ? change(delta, unit) : '',
    ].filter((x) => x);
    const why = item?.explanation ? item.explanation.trim().replace(/[。；]$/u, '') : '';
    itemTexts.push(`${name}${parts.join('，')}${why ? `，${why}` : ''}`);
  }
  if (itemTexts.length > 0) threePublicSentences.push(`${THREE_PUBLIC_ITEMS_INTRO.slice(1)}${itemTexts.join('；')}。`);
  add1('body', threePublicSentences.join(''));

  add1('heading3', '4.资金结转和结余情况');
  if (!ownText(execution?.carryover?.text, 'execution.carryover') && carryover) {
    add1('body', `${year}年全年预算数${fundsBudget ? m(fundsBudget) : ''}，全年执行数${fundsActual ? m(fundsActual) : ''}，${carryover.units === 0 ? '本年度无结转结余' : `年末结转结余${m(carryover)}`}。`);
  }
  add1('heading3', '5.部门整体支出管理与制度建设情况');
  ownText(execution?.management);

  const budgetSection = (heading: string, section: DepartmentEvaluation['governmentFund'], incomeFigure: Dec | null, what: string, path: string): void => {
    add1('heading1', heading);
    if (ownText(section?.text, path)) return;
    const figures: string[] = [];
    if (incomeFigure) figures.push(`${year}年${what}预算收入${m(incomeFigure)}`);
    if (section?.spending) figures.push(`本年支出${m(section.spending)}`);
    add1('body', figures.length > 0 ? `${figures.join('，')}。` : '无');
  };
  budgetSection('三、政府性基金预算支出情况', evaluation.governmentFund, governmentFundIncome, '政府性基金', 'governmentFund');
  budgetSection('四、国有资本经营预算支出情况', evaluation.stateCapital, evaluation.stateCapital?.income ?? null, '国有资本经营', 'stateCapital');
  budgetSection('五、社会保险基金预算支出情况', evaluation.socialInsurance, evaluation.socialInsurance?.income ?? null, '社会保险基金', 'socialInsurance');

  // 六、部门整体支出绩效情况
  add1('heading1', '六、部门整体支出绩效情况');
  add1('heading2', '（一）综合评价结论');
  if (!ownText(evaluation.performance?.conclusion?.text, 'performance.conclusion')) {
    add1('body', `经自评，${year}年度部门整体支出绩效自评总分${plain(totalScore)}分，综合评定等级为“${conclusionGrade}”。`);
  }
  add1('heading2', '（二）综合评价情况');
  const performanceParagraphs = (evaluation.performance?.paragraphs ?? []).map((x) => ({ ...x, used: false }));
  const headingKey = (h: string | null): string => normalizeName(groupName((h ?? '').replace(/^[\s.．、·]+/u, '')));
  const ownParagraph = (para: (typeof performanceParagraphs)[number]): void => {
    para.used = true;
    if (para.heading && para.heading.trim() !== '') add1('heading3', para.heading.trim().replace(/^[.．、·]+/u, ''));
    ownText(para.text);
  };
  const statements = evaluation.performance?.statements ?? [];
  if (statements.length > 0) {
    // The unit's statements in order; its headed paragraphs (经济效益 …) after the statement of their group.
    const level1Of = (heading: string | null): string | null => {
      if (!heading || heading.trim() === '') return null;
      const key = headingKey(heading);
      const r = derived.indicators.find((x) => normalizeName(groupName(x.indicator.level2)) === key);
      return r ? normalizeName(r.indicator.level1) : null;
    };
    const lastStatementOf = new Map<string, number>();
    statements.forEach((st, i) => { for (const l1 of st.scope.level1) lastStatementOf.set(normalizeName(l1), i); });
    const surplusText = projectExecution?.surplus ? money(projectExecution.surplus) : null;
    statements.forEach((st, i) => {
      const paths = [`performance.statements[${i}]`];
      if (surplusText && st.text?.includes(surplusText)) paths.push('performance.projectExecution');
      ownText(st.text, ...paths);
      for (const para of performanceParagraphs) {
        if (para.used) continue;
        const level1 = level1Of(para.heading);
        const ownLevel2 = st.scope.level2 !== null && st.scope.level2 !== undefined && headingKey(st.scope.level2) === headingKey(para.heading);
        if (ownLevel2 || (level1 !== null && lastStatementOf.get(level1) === i)) ownParagraph(para);
      }
    });
    for (const para of performanceParagraphs) if (!para.used) ownParagraph(para);
  } else {
    // Nothing written: the narrative is made from the figures (the stated ones where stated).
    const afterSecondLevel = (name2: string): ParagraphBlock[] => {
      const out: ParagraphBlock[] = [];
      for (const para of performanceParagraphs) {
        if (para.used || para.heading === null || para.heading.trim() === '' || headingKey(para.heading) !== headingKey(name2)) continue;
        para.used = true;
        for (const text of paragraphs(para.text)) out.push(p('body', text));
      }
      if (projectExecution && normalizeName(name2) === '成本' && projectBudget && projectActual && projectSurplus && projectRate) {
        out.push(p('body', `${year}年度项目预算${m(projectBudget)}，实际支出${m(projectActual)}，${projectSurplus.units === 0 ? '无结余' : `结余${m(projectSurplus)}`}，执行率${percent(projectRate)}。`));
      }
      return out;
    };
    const narrativeFacts = { budget: fundsBudget, actual: fundsActual, rate: fundsRate, points: fundsPoints, score: fundsScore, name: '部门资金', unit };
    blocks.push(...groupsNarrative(derived, scheme, narrativeFacts, log.mode, afterSecondLevel));
    for (const para of performanceParagraphs) if (!para.used) ownParagraph(para);
    add1('body', totalSentence(derived, log.mode, { score: totalScore, grade }));
  }

  add1('heading1', '七、存在的主要问题');
  const problems = paragraphs(evaluation.problems);
  for (const para of problems) add1('body', para);
  if (problems.length === 0) add1('body', '无');
  add1('heading1', '八、改进措施和有关建议');
  evaluation.measures.forEach((measure, i) => {
    const t = measure.trim();
    add1('body', /^(?:\d+[.．、]|[（(]?[一二三四五六七八九十]+[)）、])/u.test(t) ? t : `${i + 1}.${t}`);
  });
  if (evaluation.measures.length === 0) add1('body', '无');

  // 附件说明 and 落款.
  const attachmentTitles = [basic ? '部门整体支出绩效评价基础数据表' : null, table ? '部门整体支出绩效自评表' : null].filter((x): x is string => x !== null);
  blocks.push(p('blank', ''));
  attachmentTitles.forEach((t, i) => add1('body', `${i === 0 ? '附件：' : '　　　'}${attachmentTitles.length > 1 ? `${i + 1}.` : ''}${t}`));
  const date = evaluation.signature?.date ?? table?.preparedOn ?? basic?.preparedOn ?? null;
  blocks.push(p('blank', ''), p('blank', ''));
  add1('signature', evaluation.signature?.unit?.trim() || unitName);
  add1('date', chineseDate(date));

  const sections: DocumentSection[] = [{ orientation: 'portrait', blocks }];
  let attachmentNumber = 0;
  if (basic) {
    attachmentNumber += 1;
    sections.push({ orientation: 'landscape', blocks: [basicDataAttachment(`附件1-${attachmentNumber}`)] });
  }
  if (table) {
    attachmentNumber += 1;
    sections.push({ orientation: 'landscape', blocks: [selfEvaluationAttachment(`附件1-${attachmentNumber}`)] });
  }
  return {
    kind: 'department',
    title: `${unitName}${year}年度部门整体支出绩效自评报告`,
    sections,
    corrections: log.items,
  };

  // ---------------------------------------------------------------------------------------------------
  // 附件1-1 部门整体支出绩效评价基础数据表

  function basicDataAttachment(labelText: string): AttachmentBlock {
    const data = basic as NonNullable<typeof basic>;
    const rows: Cell[][] = [];
    const row3 = (text: string, row: Row3, id: string, parts: readonly string[] = []): void => {
      const cells: Cell[] = [label(text)];
      for (const k of COLUMNS) {
        const formula: Formula | undefined = row.computed[k] && parts.length > 0
          ? { kind: 'sum', of: parts.map((x) => `${x}.${k}`), decimals: 2, mode: 'halfUp' }
          : undefined;
        cells.push(moneyCell(row.printed[k], { id: `${id}.${k}`, ...(formula ? { formula } : {}) }));
      }
      rows.push(cells);
    };
    rows.push([header('财政供养人员情况'), header('编制数'), header('年末实际在职人数'), header('控制率')]);
    rows.push([
      blank(),
      countCell(authorized, { id: 'staff.authorized' }),
      countCell(actualStaff, { id: 'staff.actual' }),
      percentCell(controlRate, controlRate && authorized && actualStaff ? { formula: { kind: 'ratio', numerator: 'staff.actual', denominator: 'staff.authorized', decimals: rateDecimals + 2 } } : {}),
    ]);
    rows.push([header('经费控制情况'), header('当年决算数'), header('当年预算数'), header('上年决算数')]);
    const basicRow = asRow(data.basicSpending);
    row3('一、部门基本支出', { ...basicRow, printed: { ...basicRow.printed, actual: basicDataBasic } }, 'basic');
    row3('　　其中：1.压缩一般性支出', asRow(data.generalSpendingCut), 'cut');
    row3('　　2.三公经费', threePublicTotal, 'threePublic', ['vehicle', 'reception', 'overseas']);
    row3('　　公务用车购置和维护经费', threePublicRows.vehicle, 'vehicle', ['purchase', 'operation']);
    row3('　　　　其中：公车购置', threePublicRows.vehiclePurchase, 'purchase');
    row3('　　　　　　　公车运行维护', threePublicRows.vehicleOperation, 'operation');
    row3('　　公务接待', threePublicRows.reception, 'reception');
    row3('　　出国（境）经费', threePublicRows.overseasTravel, 'overseas');
    row3('二、部门项目支出', projectRow, 'project', categories.map((_, i) => `category${i}`));
    categories.forEach((c, i) => {
      row3(`　　${c.label}`, c.total, `category${i}`, c.items.map((_, j) => `category${i}.item${j}`));
      c.items.forEach((item, j) => row3(`　　　　${item.name}`, asRow(item.row), `category${i}.item${j}`));
    });
    row3('政府采购金额', asRow(data.procurement), 'procurement');
    rows.push([label('厉行节约保障措施'), textCell(data.savingMeasures, { colSpan: 3 })]);
    return {
      kind: 'attachment',
      label: labelText,
      title: '部门整体支出绩效评价基础数据表',
      subtitle: null,
      headerLine: [`填报单位：${unitName}`, `填报时间：${chineseDate(data.preparedOn ?? date)}`],
      table: { id: 'basic-data', columns: [5, 2, 2, 2], rows, headerRows: { start: 2, count: 1 } },
      footerLines: [
        '说明：“公用经费”填报基本支出中的一般商品和服务支出；“项目支出”需要填报基本支出以外的所有项目支出情况，包括业务工作项目、运行维护项目和县级专项资金等。',
        signOffLine(data.signOff),
      ],
      sheetName: `${labelText} 基础数据表`,
    };
  }

  // ---------------------------------------------------------------------------------------------------
  // 附件1-2 部门整体支出绩效自评表

  function selfEvaluationAttachment(labelText: string): AttachmentBlock {
    const data = table as NonNullable<typeof table>;
    const fundsGroup = scheme.groups.find((g) => g.source === 'executionRate');
    const rows: Cell[][] = [];
    const incomeRows: [string, Dec | null][] = [
      ['一般公共预算拨款', tableIncome.generalBudget],
      ['政府性基金拨款', tableIncome.governmentFund],
      ['纳入管理的非税收入拨款', tableIncome.nonTax],
      ...data.income.additional.map((x): [string, Dec | null] => [x.label, x.amount]),
      ['其他资金', tableIncome.other],
    ];
    const spendingRows: [string, Dec | null, string, Formula | undefined][] = [
      ['基本支出', tableBasic, 'spending.basic', basicFromParts ? { kind: 'sum', of: ['spending.personnel', 'spending.operating'], decimals: 2, mode: 'halfUp' } : undefined],
      ['　1.人员经费', tablePersonnel, 'spending.personnel', undefined],
      ['　2.公用经费', tableOperating, 'spending.operating', undefined],
      ['　其中：三公经费', tableThreePublic, 'spending.threePublic', undefined],
      ['项目支出', tableProject, 'spending.project', undefined],
    ];
    const breakdownRows = Math.max(incomeRows.length, spendingRows.length);
    rows.push([
      label('部门资金（万元）', { rowSpan: 3 + breakdownRows, align: 'center' }),
      header('', { colSpan: 2 }), header('全年预算数'), header('全年执行数'), header('预算执行率'), header('分值'), header('得分'),
    ]);
    const canFormula = fundsGroup?.source === 'executionRate' && fundsGroup.denominator === 'budget' && scheme.rounding.mode !== 'halfEven';
    rows.push([
      label('年度资金总额', { colSpan: 2 }),
      moneyCell(fundsBudget, { id: 'funds.budget' }),
      moneyCell(fundsActual, { id: 'funds.actual' }),
      percentCell(fundsRate, fundsRate && canFormula ? { formula: { kind: 'ratio', numerator: 'funds.actual', denominator: 'funds.budget', decimals: rateDecimals + 2 } } : {}),
      scoreCell(fundsPoints, { id: 'funds.points' }),
      scoreCell(fundsScore, {
        id: 'funds.score',
        ...(fundsScore && canFormula && fundsGroup?.source === 'executionRate'
          ? { formula: { kind: 'executionScore', actual: 'funds.actual', denominator: 'funds.budget', points: 'funds.points', cap: fundsGroup.cap, decimals: scheme.rounding.decimals, mode: scheme.rounding.mode } }
          : {}),
      }),
    ]);
    rows.push([header('按收入性质分类', { colSpan: 3 }), header('按支出性质分类', { colSpan: 4 })]);
    for (let i = 0; i < breakdownRows; i++) {
      const inc = incomeRows[i];
      const spe = spendingRows[i];
      rows.push([
        ...(inc ? [label(inc[0], { colSpan: 2 }), moneyCell(inc[1])] : [blank({ colSpan: 2 }), blank()]),
        ...(spe ? [label(spe[0], { colSpan: 2 }), moneyCell(spe[1], { id: spe[2], colSpan: 2, ...(spe[3] ? { formula: spe[3] } : {}) })] : [blank({ colSpan: 2 }), blank({ colSpan: 2 })]),
      ]);
    }
    rows.push([label('年度总体目标', { rowSpan: 2, align: 'center' }), header('年初预期（设定）目标', { colSpan: 4 }), header('全年实际完成情况', { colSpan: 3 })]);
    rows.push([textCell(data.goals.expected, { colSpan: 4 }), textCell(data.goals.achieved, { colSpan: 3 })]);
    const block = indicatorBlock(derived, scheme, log, 'selfEvaluation', false);
    const indicatorHeader = rows.length;
    rows.push(...indicatorRows(block));
    const totalFormula: Formula | undefined = totalIsPlainSum(derived, scheme)
      ? { kind: 'sum', of: ['funds.score', ...block.countedScoreIds], decimals: scheme.rounding.decimals, mode: scheme.rounding.mode }
      : undefined;
    rows.push([
      label('综合评定等级', { colSpan: 2, align: 'center' }),
      textCell(grade, { colSpan: 2, align: 'center', ...(grade === computedGrade && !isDivergent(totalScore) ? { formula: gradeFormula(scheme, 'total.score') } : {}) }),
      label('总分', { colSpan: 2, align: 'center' }),
      scoreCell(totalPoints),
      scoreCell(totalScore, { id: 'total.score', ...(totalFormula ? { formula: totalFormula } : {}) }),
    ]);
    rows.push([label('说明', { rowSpan: 2, align: 'center' }), header('偏差及原因分析', { colSpan: 4 }), header('改进措施', { colSpan: 3 })]);
    rows.push([textCell(data.deviationAnalysis, { colSpan: 4 }), textCell(data.measures, { colSpan: 3 })]);
    return {
      kind: 'attachment',
      label: labelText,
      title: '部门整体支出绩效自评表',
      subtitle: `（${year}年度）`,
      headerLine: [`填报单位（盖章）：${unitName}`, `填报时间：${chineseDate(data.preparedOn ?? date)}`],
      table: { id: 'self-evaluation', columns: [1.1, 1.3, 1.6, 2.8, 2.2, 4.8, 0.8, 0.8], rows, headerRows: { start: indicatorHeader, count: 1 } },
      footerLines: [
        signOffLine(data.signOff),
        `说明：1.${weightsText(scheme)}除${fundsGroup?.name ?? '预算执行率'}外的指标应根据权重自行合理设定分值。`,
        `　　　2.综合评价等级分为${gradeBandsText(scheme)}。`,
        '　　　3.三级绩效指标按需自行增减行。个别不涉及的二级指标可自行删除。',
      ],
      sheetName: `${labelText} 自评表`,
    };
  }
}

export function signOffLine(signOff: { preparer: string | null; phone: string | null; unitHead: string | null }): string {
  const pad = (s: string | null): string => (s && s.trim() !== '' ? s.trim() : '　　　　　　');
  return `填表人：${pad(signOff.preparer)}　　联系电话：${pad(signOff.phone)}　　单位负责人签字：${pad(signOff.unitHead)}`;
}

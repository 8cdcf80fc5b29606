/**
 * The 项目支出绩效自评 as a declarative document: a short report written from the figures (funds,
 * execution, indicators, total and grade) followed by the unit's own report text, the sign-off, and the
 * national 项目支出绩效自评表 as a landscape attachment.
 *
 * Reference: 财政部《项目支出绩效评价管理办法》(财预〔2020〕10号) 附件 项目支出绩效自评表; DOMAIN.md "The 项目
 * table (national)".
 * @module
 */
import { type Dec, type Derived, type ProjectEvaluation, resolveGrade, type Scheme } from '@jixiao/core';
import { header, label, moneyCell, percentCell, scoreCell, textCell } from './cells.ts';
import { gradeBandsText, signOffLine, weightsText } from './build-department.ts';
import type { AttachmentBlock, Block, Cell, Formula, ParagraphBlock, ParagraphRole, ReportDocument } from './document-model.ts';
import { gradeFormula, indicatorBlock, indicatorRows, totalIsPlainSum } from './indicator-table.ts';
import { groupsNarrative, totalSentence } from './narrative.ts';
import { chineseDate, chineseNumeral, correctionLog, isDivergent, money, paragraphs, percent, plain, RenderMode } from './wording.ts';

const p = (role: ParagraphRole, text: string): ParagraphBlock => ({ kind: 'paragraph', role, text });
const MARKER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])\s*/u;

export function buildProjectDocument(evaluation: ProjectEvaluation, scheme: Scheme, derived: Derived, mode: RenderMode = RenderMode.asWritten): ReportDocument {
  const log = correctionLog(mode);
  const unit = evaluation.moneyUnit;
  const m = (d: Dec): string => `${money(d)}${unit}`;
  const year = evaluation.year;
  const project = evaluation.project;
  const funds = evaluation.funds.total;
  const fundsGroup = scheme.groups.find((g) => g.source === 'executionRate');

  const rate = log.figure('funds.total.executionRate', funds.executionRate, derived.funds.rate, (d) => percent(d), '预算执行率', fundsGroup?.source === 'executionRate' && fundsGroup.denominator === 'fundsReceived' ? '实际支出 ÷ 实际到位资金' : '全年执行数 ÷ 全年预算数');
  const points = log.figure('funds.total.points', funds.points, derived.funds.points, plain, '预算执行率分值', '评价方案规定');
  const score = log.figure('funds.total.score', funds.score, derived.funds.score, plain, '预算执行率得分', `按评分规则（${derived.funds.explanation}）`);
  const totalScore = log.figure('totalScore', evaluation.totalScore, derived.total.computed, plain, '总分得分', `按评分规则（${derived.total.explanation}）`) ?? derived.total.computed;
  const totalPoints = log.figure('totalPoints', evaluation.totalPoints, derived.total.points, plain, '总分分值', '评价方案规定') ?? derived.total.points;
  const computedGrade = derived.grade.name;
  let grade = computedGrade;
  if (evaluation.grade && evaluation.grade.trim() !== '' && evaluation.grade.trim() !== computedGrade) {
    const stated = evaluation.grade.trim();
    grade = log.text('grade', stated, computedGrade, resolveGrade(scheme, stated)?.name === computedGrade
      ? `自评等级「${stated}」按评价方案统一写作「${computedGrade}」`
      : `自评等级填报为「${stated}」，按总分 ${plain(derived.total.computed)} 应为「${computedGrade}」`);
  }

  // The short report.
  const blocks: Block[] = [];
  const add = (role: ParagraphRole, text: string): void => {
    if (text.trim() !== '') blocks.push(p(role, text));
  };
  add('title', project.name);
  add('title', '项目支出绩效自评报告');
  blocks.push(p('blank', ''));
  // The unit's own report sections as written (renumbered in order); a section is made from the figures only
  // where the unit wrote none of that kind. In a corrected document the marks of the figures follow the text.
  type Section = { readonly title: string; readonly match: RegExp | null; readonly marks: readonly string[]; readonly generated: readonly ParagraphBlock[]; readonly own: string[] };
  const fundFigures = [
    funds.initialBudget ? `年初预算数${m(funds.initialBudget)}` : '',
    funds.budget ? `全年预算数${m(funds.budget)}` : '',
    funds.received ? `实际到位资金${m(funds.received)}` : '',
    funds.actual ? `全年执行数${m(funds.actual)}` : '',
    rate ? `预算执行率${percent(rate)}` : '',
  ].filter((x) => x);
  const sources = ([['本年财政拨款', evaluation.funds.fiscalAppropriation], ['上年结转资金', evaluation.funds.priorCarryover], ['其他资金', evaluation.funds.otherFunds]] as const)
    .filter(([, row]) => row.budget || row.actual)
    .map(([name, row]) => `${name}${row.budget ? `预算${m(row.budget)}` : ''}${row.budget && row.actual ? '、' : ''}${row.actual ? `执行${m(row.actual)}` : ''}`);
  const generatedSections: Section[] = [
    {
      title: '项目基本情况', match: /基本情况|概况/u, marks: [], own: [],
      generated: [p('body', [
        `项目名称：${project.name}`,
        project.code ? `项目编码：${project.code}` : '',
        project.supervisingDepartment ? `主管部门：${project.supervisingDepartment}` : '',
        project.implementingUnit ? `实施单位：${project.implementingUnit}` : '',
        project.region ? `实施地区：${project.region}` : '',
      ].filter((x) => x).join('；') + '。')],
    },
    {
      title: '项目资金使用及管理情况', match: /资金/u, marks: ['funds'], own: [],
      generated: fundFigures.length + sources.length === 0 ? [] : [p('body',
        `${year}年度项目${fundFigures.join('，')}${fundFigures.length > 0 ? '。' : ''}${sources.length > 0 ? `其中：${sources.join('；')}。` : ''}`)],
    },
    {
      title: '项目绩效目标完成情况', match: /目标|完成情况/u, marks: ['indicators', 'level1'], own: [],
      generated: [
        ...(evaluation.goals.expected ? [p('body', `年度总体目标：${evaluation.goals.expected.trim()}`)] : []),
        ...(evaluation.goals.achieved ? [p('body', `全年实际完成情况：${evaluation.goals.achieved.trim()}`)] : []),
        ...groupsNarrative(derived, scheme, { budget: funds.budget, actual: funds.actual, rate, points, score, name: '项目资金', unit }, mode),
      ],
    },
  ];
  const conclusion: Section = { title: '自评结论', match: /结论|结果/u, marks: ['totalScore', 'totalPoints', 'grade'], own: [], generated: [p('body', totalSentence(derived, mode, { score: totalScore, grade }))] };
  const ownSections: Section[] = [];
  for (const entry of evaluation.report) {
    const heading = (entry.heading ?? '').trim().replace(MARKER, '');
    const target = [...generatedSections, conclusion].find((x) => heading !== '' && x.match?.test(heading));
    if (target) target.own.push(entry.text);
    else if (heading === '' && ownSections.length > 0) ownSections[ownSections.length - 1]?.own.push(entry.text);
    else ownSections.push({ title: heading || '其他情况', match: null, marks: [], own: [entry.text], generated: [] });
  }
  const marksUnder = (prefixes: readonly string[]): string => (mode === RenderMode.corrected
    ? log.items.filter((c) => prefixes.some((x) => c.path === x || c.path.startsWith(`${x}.`) || c.path.startsWith(`${x}[`))).map((c) => `〔更正：${c.message}〕`).join('')
    : '');
  [...generatedSections, ...ownSections, conclusion].forEach((section, i) => {
    const own = section.own.flatMap((text) => paragraphs(text));
    if (own.length === 0 && section.generated.length === 0) return;
    add('heading1', `${chineseNumeral(i + 1)}、${section.title}`);
    if (own.length === 0) {
      blocks.push(...section.generated);
      return;
    }
    const marks = marksUnder(section.marks);
    own.forEach((para, k) => add('body', k === own.length - 1 ? `${para}${marks}` : para));
  });
  blocks.push(p('blank', ''));
  add('body', '附件：项目支出绩效自评表');
  blocks.push(p('blank', ''), p('blank', ''));
  add('signature', project.implementingUnit?.trim() || project.supervisingDepartment?.trim() || '');
  add('date', chineseDate(evaluation.preparedOn));

  // The national table: columns A 标签 | B 一级 | C 二级 | D 三级 | E 年度指标值 | F 实际完成值 | G 分值 | H 得分 | I 偏差原因.
  const rows: Cell[][] = [];
  rows.push([label('项目名称', { colSpan: 2, align: 'center' }), textCell(project.name, { colSpan: 7 })]);
  rows.push([
    label('主管部门', { colSpan: 2, align: 'center' }), textCell(project.supervisingDepartment, { colSpan: 3 }),
    label('实施单位', { colSpan: 2, align: 'center' }), textCell(project.implementingUnit, { colSpan: 2 }),
  ]);
  rows.push([
    label('项目资金（万元）', { rowSpan: 5, align: 'center' }),
    header('', { colSpan: 2 }), header('年初预算数'), header('全年预算数'), header('全年执行数'), header('分值'), header('执行率'), header('得分'),
  ]);
  const canFormula = fundsGroup?.source === 'executionRate' && fundsGroup.denominator === 'budget' && scheme.rounding.mode !== 'halfEven';
  rows.push([
    label('年度资金总额', { colSpan: 2 }),
    moneyCell(funds.initialBudget), moneyCell(funds.budget, { id: 'funds.budget' }), moneyCell(funds.actual, { id: 'funds.actual' }),
    scoreCell(points, { id: 'funds.points' }),
    percentCell(rate, rate && canFormula ? { formula: { kind: 'ratio', numerator: 'funds.actual', denominator: 'funds.budget', decimals: scheme.rateDecimals + 2 } } : {}),
    scoreCell(score, {
      id: 'funds.score',
      ...(score && canFormula && fundsGroup?.source === 'executionRate'
        ? { formula: { kind: 'executionScore', actual: 'funds.actual', denominator: 'funds.budget', points: 'funds.points', cap: fundsGroup.cap, decimals: scheme.rounding.decimals, mode: scheme.rounding.mode } }
        : {}),
    }),
  ]);
  const sourceRow = (name: string, row: ProjectEvaluation['funds']['fiscalAppropriation']): Cell[] => [
    label(name, { colSpan: 2 }), moneyCell(row.initialBudget), moneyCell(row.budget), moneyCell(row.actual),
    textCell('—', { align: 'center' }), textCell('—', { align: 'center' }), textCell('—', { align: 'center' }),
  ];
  rows.push(sourceRow('其中：本年财政拨款', evaluation.funds.fiscalAppropriation));
  rows.push(sourceRow('　　　上年结转资金', evaluation.funds.priorCarryover));
  rows.push(sourceRow('　　　其他资金', evaluation.funds.otherFunds));
  rows.push([label('年度总体目标', { rowSpan: 2, align: 'center' }), header('预期目标', { colSpan: 5 }), header('实际完成情况', { colSpan: 3 })]);
  rows.push([textCell(evaluation.goals.expected, { colSpan: 5 }), textCell(evaluation.goals.achieved, { colSpan: 3 })]);
  const block = indicatorBlock(derived, scheme, log, '', true);
  const indicatorHeader = rows.length;
  rows.push(...indicatorRows(block));
  const totalFormula: Formula | undefined = totalIsPlainSum(derived, scheme)
    ? { kind: 'sum', of: ['funds.score', ...block.countedScoreIds], decimals: scheme.rounding.decimals, mode: scheme.rounding.mode }
    : undefined;
  rows.push([
    label('总分', { colSpan: 6, align: 'center' }),
    scoreCell(totalPoints),
    scoreCell(totalScore, { id: 'total.score', ...(totalFormula ? { formula: totalFormula } : {}) }),
    textCell(grade, { align: 'center', ...(grade === computedGrade && !isDivergent(totalScore) ? { formula: gradeFormula(scheme, 'total.score') } : {}) }),
  ]);
  const attachment: AttachmentBlock = {
    kind: 'attachment',
    label: '附件',
    title: '项目支出绩效自评表',
    subtitle: `（${year}年度）`,
    headerLine: [`填报单位（盖章）：${project.implementingUnit ?? project.supervisingDepartment ?? ''}`, `填报时间：${chineseDate(evaluation.preparedOn)}`],
    table: { id: 'project', columns: [1.2, 1.3, 1.5, 2.5, 1.7, 2.1, 0.9, 1.2, 3.0], rows, headerRows: { start: indicatorHeader, count: 1 } },
    footerLines: [
      signOffLine(evaluation.signOff),
      `说明：1.${weightsText(scheme)}`,
      `　　　2.评价等级分为${gradeBandsText(scheme)}。`,
    ],
    sheetName: '项目支出绩效自评表',
  };
  return {
    kind: 'project',
    title: `${project.name}${year}年度项目支出绩效自评报告`,
    sections: [{ orientation: 'portrait', blocks }, { orientation: 'landscape', blocks: [attachment] }],
    corrections: log.items,
  };
}

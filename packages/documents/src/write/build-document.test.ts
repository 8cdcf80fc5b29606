import { derive, DomainError, type EvaluationInput, parseEvaluation } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { measureNumber } from './cells.ts';
import { formulaReferences } from './render-xlsx.ts';
import { type AttachmentBlock, attachmentsOf, type Cell, type ParagraphBlock, type ReportDocument, type TableModel } from './document-model.ts';
import { loadExample, loadScheme } from './test-support.ts';
import { RenderMode } from './wording.ts';

const paragraphsOf = (doc: ReportDocument, role?: ParagraphBlock['role']): string[] =>
  doc.sections.flatMap((s) => s.blocks).filter((b): b is ParagraphBlock => b.kind === 'paragraph' && (role === undefined || b.role === role)).map((b) => b.text);
const bodyText = (doc: ReportDocument): string => paragraphsOf(doc).join('\n');

/** Every row covers exactly the table's columns once (merges included), and formulas name cells that exist. */
function expectWellFormed(table: TableModel): void {
  const covered: Set<number>[] = [];
  const ids = new Set<string>();
  table.rows.forEach((cells, r) => {
    const taken = (covered[r] ??= new Set());
    let col = 0;
    for (const cell of cells) {
      while (taken.has(col)) col++;
      for (let k = 0; k < (cell.rowSpan ?? 1); k++) {
        const set = (covered[r + k] ??= new Set());
        for (let c = col; c < col + (cell.colSpan ?? 1); c++) {
          expect(set.has(c), `${table.id} 第 ${r + k + 1} 行第 ${c + 1} 列被两个单元格占用`).toBe(false);
          set.add(c);
        }
      }
      col += cell.colSpan ?? 1;
      if (cell.id) {
        expect(ids.has(cell.id), `重复的单元格名 ${cell.id}`).toBe(false);
        ids.add(cell.id);
      }
    }
  });
  expect(covered.length).toBe(table.rows.length);
  covered.forEach((set, r) => expect([...set].sort((a, b) => a - b), `${table.id} 第 ${r + 1} 行`).toEqual(table.columns.map((_, i) => i)));
  const referenced = (cell: Cell): string[] => (cell.formula ? formulaReferences(cell.formula) : []);
  for (const cell of table.rows.flat()) for (const id of referenced(cell)) expect(ids.has(id), `公式引用 ${id}`).toBe(true);
}

const attachment = (doc: ReportDocument, title: string): AttachmentBlock => {
  const found = attachmentsOf(doc).find((a) => a.title === title);
  if (!found) throw new Error(`没有附件「${title}」`);
  return found;
};
const rowStartingWith = (table: TableModel, text: string): readonly Cell[] => {
  const row = table.rows.find((cells) => cells.some((c) => c.text === text));
  if (!row) throw new Error(`没有「${text}」行`);
  return row;
};

describe('buildDocument — the 衡阳 2022 seed', () => {
  const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
  const doc = buildDocument(evaluation, scheme);

  it('follows the county outline 一 to 八 with the template sub-headings', () => {
    expect(paragraphsOf(doc, 'title')).toEqual(['衡阳县自然资源局', '部门整体支出绩效自评报告']);
    expect(paragraphsOf(doc, 'heading1')).toEqual([
      '一、部门基本情况', '二、部门整体支出管理及使用情况', '三、政府性基金预算支出情况', '四、国有资本经营预算支出情况',
      '五、社会保险基金预算支出情况', '六、部门整体支出绩效情况', '七、存在的主要问题', '八、改进措施和有关建议',
    ]);
    expect(paragraphsOf(doc, 'heading2')).toEqual([
      '（一）机构设置', '（二）人员编制', '（三）部门职责', '（一）经批复的预、决算情况', '（二）部门预算执行情况', '（一）综合评价结论', '（二）综合评价情况',
    ]);
    expect(paragraphsOf(doc, 'heading3').slice(0, 5)).toEqual([
      '1.基本支出情况', '2.项目支出情况', '3.三公经费', '4.资金结转和结余情况', '5.部门整体支出管理与制度建设情况',
    ]);
  });

  it('ends with the attachment list, the unit and the date written 2023年2月20日, then two landscape attachments', () => {
    expect(paragraphsOf(doc, 'signature')).toEqual(['衡阳县自然资源局']);
    expect(paragraphsOf(doc, 'date')).toEqual(['2023年2月20日']);
    expect(bodyText(doc)).toContain('附件：1.部门整体支出绩效评价基础数据表');
    expect(doc.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape', 'landscape']);
    expect(attachmentsOf(doc).map((a) => a.label)).toEqual(['附件1-1', '附件1-2']);
    for (const a of attachmentsOf(doc)) expectWellFormed(a.table);
  });

  it('prints every figure as the unit wrote it and lists the engine’s other figure apart', () => {
    const byPath = new Map(doc.corrections.map((c) => [c.path, c]));
    expect(byPath.get('selfEvaluation.totalScore')).toMatchObject({ stated: '97', used: '98' });
    expect(byPath.get('basicData.staffing.controlRate')).toMatchObject({ stated: '87.15%', used: '90.08%' });
    expect(byPath.get('execution.threePublic.items[0].budget')).toMatchObject({ stated: '60.11', used: '62.11' });
    expect(byPath.get('performance.projectExecution.surplus')).toMatchObject({ stated: '11,853.56', used: '1,883.31' });
    expect(byPath.get('performance.statements[1].score')).toMatchObject({ stated: '77', used: '78' });
    expect(byPath.get('performance.statements[3].indicatorCount')).toMatchObject({ stated: '5', used: '6' });
    expect(byPath.get('staffing.actual.total')).toMatchObject({ stated: '644', used: '645' });
    expect(byPath.get('selfEvaluation.grade')).toMatchObject({ stated: '优', used: '优秀' });
    expect(byPath.get('execution.income.fiscalAppropriation')).toMatchObject({ stated: '16,030.63', used: '16,030.64' });
    // 100% is the computed 100.00% written with fewer decimals: not a difference
    expect(byPath.has('selfEvaluation.funds.executionRate')).toBe(false);
    expect(byPath.has('performance.statements[0].executionRate')).toBe(false);
    for (const c of doc.corrections) expect(c.message).toMatch(/[\u4e00-\u9fa5]/u);
    // and the document prints what the unit wrote
    const text = bodyText(doc);
    expect(text).toContain('公务接待费预算60.11万元');
    expect(text).not.toContain('62.11万元');
    expect(text).toContain('盈余11,853.56万元，执行率84.11%');
    expect(text).not.toContain('1,883.31');
    expect(text).toContain('产出及效益指标总分为80分，得分77分');
    expect(text).toContain('自查自评结果为优秀');
    expect(text).toContain('年末实有在职人员644人，其中：行政人员29人，事业编615人');
    expect(text).toContain('财政拨款16,030.63万元');
    expect(text).toContain('数量5个均完成指标值');
    expect(text).not.toMatch(/未填|（不列/u);
  });

  it('keeps the unit’s text whole: its sentences with figures, explanations and reasons for lost points', () => {
    const text = bodyText(doc);
    expect(text).toContain('基本支出是用于维持单位的正常运转');
    expect(text).toContain('2022年专项资金支出9,970.25万元，财政资金8,515.74万元，其他资金1,454.52万元。');
    expect(text).toContain('主要原因是2021年受疫情影响严重');
    expect(text).toContain('纵深推进资源执法监察');
    expect(text).toContain('三是时效指标1个有扣分，2022年本局部分项目未能结项。原因是：因疫情影响，项目进度稍有减缓；');
    expect(text).toContain('①摸排化解房地产历史遗留办证年度指标10个楼盘，实际完成13个楼盘');
    expect(text).toContain('本年度衡阳县自然资源局无结转结余');
    // the unit's 经济效益 paragraph comes after its 效益指标 statement, the unheaded ones at the end
    const paras = paragraphsOf(doc);
    const at = (needle: string): number => paras.findIndex((x) => x.includes(needle));
    expect(at('效益指标总分30分')).toBeLessThan(at('围绕保障和改善民生'));
    expect(at('⒊满意度指标总分为10分')).toBeLessThan(at('我单位工作公众满意度≥90%'));
    expect(paras.filter((x) => x.includes('公众满意度≥90%'))).toHaveLength(1);
  });

  it('in the corrected version prints the engine’s figures, each marked in place with the unit’s and why', () => {
    const corrected = buildDocument(evaluation, scheme, RenderMode.corrected);
    const text = bodyText(corrected);
    expect(text).toContain('公务接待费预算62.11〔更正：原填60.11；附件1-1 当年预算数为 62.11〕万元');
    expect(text).toContain('得分77分，主要情况如下：〔更正：正文产出指标及效益指标得分填报为 77，其下指标得分之和为 78〕');
    const table = attachment(corrected, '部门整体支出绩效自评表').table;
    const total = table.rows.flat().find((c) => c.id === 'total.score');
    expect(total?.text).toMatch(/^98〔更正：原填97；/u);
    expect(total?.note).toMatch(/^〔更正：原填97；/u);
    const basicData = attachment(corrected, '部门整体支出绩效评价基础数据表').table;
    expect(rowStartingWith(basicData, '716').map((c) => c.text)[3]).toMatch(/^90\.08%〔更正：原填87\.15%/u);
    expect(corrected.corrections.map((c) => c.path)).toEqual(expect.arrayContaining(doc.corrections.map((c) => c.path)));
    // 644 corrected to 645: its parts 29 + 615 no longer add up, and are left out with a mark
    expect(text).toContain('年末实有在职人员645〔更正：原填644；附件1-1 年末实际在职人数为 645〕人〔更正：原填「行政人员29人＋事业编615人」；实有在职人数分项之和与总数 645 不一致，请核对〕');
  });

  it('builds 附件1-2 with first- and second-level names merged over their rows and live score formulas', () => {
    const table = attachment(doc, '部门整体支出绩效自评表').table;
    const derived = derive(evaluation, scheme);
    const output = table.rows.flat().find((c) => c.text === '产出指标（50分）');
    expect(output?.rowSpan).toBe(derived.levels.find((l) => l.key === '产出')?.indicatorIndexes.length);
    expect(table.rows.flat().find((c) => c.text === '数量指标')?.rowSpan).toBe(6);
    expect(table.rows.flat().find((c) => c.text === '绩效指标')?.rowSpan).toBeUndefined();
    expect(table.headerRows).toEqual({ start: table.rows.findIndex((r) => r[0]?.text === '绩效指标'), count: 1 });
    const total = table.rows.flat().find((c) => c.id === 'total.score');
    expect(total?.text).toBe('97'); // as written; no formula, which would show the engine's 98
    expect(total?.formula).toBeUndefined();
    expect(table.rows.flat().find((c) => c.text === '优')?.formula).toBeUndefined();
    // a formula for each quantitative indicator whose target and actual are bare numbers (not ≥90%, 90%以上)
    const quantitative = derived.indicators.filter((r) => r.expected !== null && measureNumber(r.target) && measureNumber(r.actual));
    expect(quantitative.length).toBe(derived.indicators.filter((r) => r.expected !== null).length - 1);
    const formulas = table.rows.flat().filter((c) => c.formula?.kind === 'indicatorScore');
    expect(formulas.length).toBe(quantitative.length);
    expect(rowStartingWith(table, '年度资金总额').map((c) => c.text)).toEqual(['年度资金总额', '17,485.15', '17,485.15', '100%', '10', '10']);
    expect(rowStartingWith(table, '基本支出').at(-1)?.text).toBe(''); // blank in the seed, left blank
  });

  it('builds 附件1-1 leaving blank the 三公 and project totals the unit left blank (the corrected version fills them)', () => {
    const table = attachment(doc, '部门整体支出绩效评价基础数据表').table;
    expect(rowStartingWith(table, '　　2.三公经费').slice(1).map((c) => [c.text, c.formula])).toEqual([['', undefined], ['', undefined], ['', undefined]]);
    expect(rowStartingWith(table, '二、部门项目支出').slice(1).map((c) => c.text)).toEqual(['', '', '']);
    const corrected = attachment(buildDocument(evaluation, scheme, RenderMode.corrected), '部门整体支出绩效评价基础数据表').table;
    expect(rowStartingWith(corrected, '　　2.三公经费').slice(1).map((c) => c.text)).toEqual(['51.63', '73.63', '31.86']);
    expect(rowStartingWith(corrected, '二、部门项目支出').slice(1).map((c) => c.text)).toEqual(['9,970.25', '11,853.56', '11,947.15']);
    expect(rowStartingWith(table, '716').map((c) => c.text)).toEqual(['', '716', '645', '87.15%']);
    expect(rowStartingWith(table, '716')[3]?.formula).toBeUndefined();
  });
});

describe('buildDocument — clean examples', () => {
  it.each(['clean-department-2023', 'clean-project-2023'] as const)('%s needs no correction', (name) => {
    const { evaluation, scheme } = loadExample(name);
    const doc = buildDocument(evaluation, scheme);
    expect(doc.corrections).toEqual([]);
    for (const a of attachmentsOf(doc)) expectWellFormed(a.table);
  });

  it('writes the national 项目 table with the funds block, the deviation column and the total', () => {
    const { evaluation, scheme } = loadExample('clean-project-2023');
    const doc = buildDocument(evaluation, scheme);
    expect(doc.sections.map((s) => s.orientation)).toEqual(['portrait', 'landscape']);
    const table = attachment(doc, '项目支出绩效自评表').table;
    expect(table.columns).toHaveLength(9);
    expect(rowStartingWith(table, '年度资金总额').map((c) => c.text)).toEqual(['年度资金总额', '2,800.00', '3,060.00', '2,980.00', '10', '97.39%', '9.74']);
    expect(table.rows.flat().some((c) => c.text === '偏差原因分析及改进措施')).toBe(true);
    const totalRow = rowStartingWith(table, '总分');
    expect(totalRow.map((c) => c.text)).toEqual(['总分', '100', '99.42', '优']);
    expect(paragraphsOf(doc, 'date')).toEqual(['2024年2月26日']);
    expect(bodyText(doc)).toContain('预算执行率97.39%');
  });
});

describe('buildDocument — a small model', () => {
  const input = (over: Record<string, unknown> = {}, indicators?: unknown[]): EvaluationInput => ({
    kind: 'department',
    year: 2023,
    unit: { name: '某县测试局' },
    selfEvaluation: {
      funds: { budget: '1,000.00', actual: '800.00', executionRate: '80%', points: 10, score: 8 },
      spending: { personnel: '300.00', operating: '100.00', basic: '400.00', project: '400.00' },
      level1: [{ name: '产出指标', points: 50 }, { name: '效益指标', points: 30 }, { name: '满意度指标', points: 10 }],
      indicators: indicators ?? [
        { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥100人次', actual: '80人次', points: 50, score: 50 },
        { level1: '效益指标', level2: '社会效益指标', name: '服务覆盖', target: '全覆盖', actual: '基本覆盖', points: 30, score: 27, qualitativeGrade: 'achieved' },
        { level1: '满意度指标', level2: '满意度指标', name: '满意度', target: '≥90%', actual: '95%', points: 10, score: 10 },
      ],
      grade: '良好',
      totalScore: 95,
      ...over,
    },
    signature: { date: '2024-03-01' },
  } as EvaluationInput);
  const scheme = loadScheme('hunan-county-department-2022');

  it('prints the unit’s score where the engine computes another and lists the difference with its path', () => {
    const doc = buildDocument(parseEvaluation(input()), scheme);
    const byPath = new Map(doc.corrections.map((c) => [c.path, c]));
    // 80 of 100 → 40 of 50 points
    expect(byPath.get('selfEvaluation.indicators[0].score')).toMatchObject({ stated: '50', used: '40' });
    // 8 + 40 + 27 + 10 = 85
    expect(byPath.get('selfEvaluation.totalScore')).toMatchObject({ stated: '95', used: '85' });
    expect(byPath.has('selfEvaluation.grade')).toBe(false); // 良好 is right for 85
    const table = attachmentsOf(doc)[0]?.table;
    expect(table?.rows.flat().find((c) => c.id === 'indicator0.score')?.text).toBe('50');
    expect(paragraphsOf(doc, 'date')).toEqual(['2024年3月1日']);
    // with no text of its own, the narrative is made from the unit's figures
    expect(bodyText(doc)).toContain('（1）数量指标1个，得满分：①培训人次，年度指标值≥100人次，实际完成80人次，分值50分，得分50分');
    expect(bodyText(doc)).toContain('以上合计，总分95分，综合评定等级为“良好”。');
    const corrected = buildDocument(parseEvaluation(input()), scheme, RenderMode.corrected);
    expect(bodyText(corrected)).toContain('（1）数量指标1个，有扣分：①培训人次，年度指标值≥100人次，实际完成80人次，分值50分，得分40分');
  });

  it('leaves blank what the unit left blank, but the total and the grade; the corrected version fills them in', () => {
    const blankModel = parseEvaluation(input({ totalScore: null, grade: null, funds: { budget: '1,000.00', actual: '800.00' } }));
    const doc = buildDocument(blankModel, scheme);
    expect(doc.corrections.filter((c) => c.path === 'selfEvaluation.totalScore' || c.path.startsWith('selfEvaluation.funds'))).toEqual([]);
    const table = attachmentsOf(doc)[0]?.table;
    expect(table?.rows.flat().find((c) => c.id === 'total.score')?.text).toBe('85');
    expect(table?.rows.flat().find((c) => c.id === 'funds.score')?.text).toBe('');
    const corrected = attachmentsOf(buildDocument(blankModel, scheme, RenderMode.corrected))[0]?.table;
    expect(corrected?.rows.flat().find((c) => c.id === 'funds.score')?.text).toBe('8');
  });

  it('names a stated grade of the wrong band', () => {
    const doc = buildDocument(parseEvaluation(input({ grade: '优秀' })), scheme);
    const c = doc.corrections.find((x) => x.path === 'selfEvaluation.grade');
    expect(c).toMatchObject({ stated: '优秀', used: '良好' });
    expect(c?.message).toContain('按总分 85 应为「良好」');
  });

  it('refuses a scheme of the other kind with a Chinese message', () => {
    const evaluation = parseEvaluation(input());
    expect(() => buildDocument(evaluation, loadScheme('national-project-2020'))).toThrowError(DomainError);
    expect(() => buildDocument(evaluation, loadScheme('national-project-2020'))).toThrowError(/用于项目自评，而数据是部门整体自评/u);
  });
});

describe('buildDocument — models with almost nothing', () => {
  it('writes the whole outline for a department with only its name, with no placeholder in print', async () => {
    const doc = buildDocument(parseEvaluation({ kind: 'department', year: 2023, unit: { name: '某局' } }), loadScheme('hunan-county-department-2022'));
    expect(paragraphsOf(doc, 'heading1')).toHaveLength(8);
    expect(bodyText(doc)).not.toMatch(/未填/u);
    expect(attachmentsOf(doc)).toEqual([]);
    expect(paragraphsOf(doc, 'date')).toEqual(['　　年　月　日']);
    expect(doc.corrections).toEqual([]);
  });

  it('writes a project with only its name', () => {
    const doc = buildDocument(parseEvaluation({ kind: 'project', year: 2023, project: { name: '某项目' }, funds: { total: {} } }), loadScheme('national-project-2020'));
    expect(bodyText(doc)).not.toMatch(/未填/u);
    expect(paragraphsOf(doc, 'heading1')).not.toContain('二、项目资金使用及管理情况');
    expect(attachmentsOf(doc)).toHaveLength(1);
  });
});

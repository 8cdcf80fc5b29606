import { readFileSync } from 'node:fs';
import {
  type Dec, type DepartmentEvaluation, derive, format, normalize, type Evaluation, type ProjectEvaluation, parseEvaluation, parseScheme, safeParseEvaluation, selectScheme,
} from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../read/read-document.ts';
import { examplePath, fixture, seedBytes, soffice } from '../read/testing.ts';
import { render } from '../write/index.ts';
import { departmentArbitrary, generatedDepartment } from '../write/test-support.ts';
import { importEvaluation, parseImported } from './import-evaluation.ts';

/** A model as plain data without nulls, undefined and the source map, for comparisons. */
/** As `plain`, with every figure as its value (0 and 0.00 are one figure: the writer prints amounts with two decimals). */
const byValue = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (k, v: unknown) => {
    if (k === 'sourceMap' || v === null) return undefined;
    if (v && typeof v === 'object' && 'units' in v && 'scale' in v) {
      const n = normalize(v as Dec);
      return format(n, n.scale, false);
    }
    return v;
  }));
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'sourceMap' || v === null ? undefined : v)));

/**
 * The statements of 六（二） by value. Listed items by their number only where the text numbers them (①②…):
 * the hand-entered models hold some items shortened, or split at ； where the text does not number them.
 */
/** 11,853.56: an amount as the writer prints it. */
const amountWritten = (d: Dec): string => format(d, 2);
const statementsOf = (e: DepartmentEvaluation): unknown =>
  (e.performance?.statements ?? []).map((st) => ({
    ...(byValue({ ...st, listedItems: undefined }) as object),
    listed: /[①-⑳]/u.test(st.text ?? '') ? st.listedItems.length : null,
  }));

const example = parseEvaluation(JSON.parse(readFileSync(examplePath('hengyang-natural-resources-2022.json'), 'utf8'))) as DepartmentEvaluation;

async function imported(bytes: Uint8Array, name: string) {
  const doc = await readDocument(bytes, name);
  return { doc, ...importEvaluation(doc) };
}
const department = (e: Evaluation | null): DepartmentEvaluation => {
  expect(e?.kind).toBe('department');
  return e as DepartmentEvaluation;
};

describe('the seed in every format gives the hand-entered model’s tables', () => {
  const cases: [string, () => Uint8Array, boolean][] = [
    ['hengyang-natural-resources-2022.txt', seedBytes, true],
    ['hengyang-2022.docx', () => fixture('hengyang-2022.docx'), true],
    ['hengyang-2022.pdf', () => fixture('hengyang-2022.pdf'), true],
    ['hengyang-2022-attachments.xlsx', () => fixture('hengyang-2022-attachments.xlsx'), false],
    ['tricky-tab-separated.txt', () => fixture('tricky-tab-separated.txt'), true],
  ];
  for (const [name, bytes, whole] of cases) {
    it(name, async () => {
      const { evaluation, unmapped } = await imported(bytes(), name);
      const e = department(evaluation);
      expect(e.year).toBe(2022);
      expect(e.unit.name).toBe('衡阳县自然资源局');
      expect(plain(e.basicData)).toEqual(plain(example.basicData));
      const self = plain(e.selfEvaluation) as Record<string, unknown>;
      const expected = plain(example.selfEvaluation) as Record<string, unknown>;
      if (name.endsWith('.pdf')) {
        // the PDF prints the full-width space after "1." as a plain one
        (expected.goals as Record<string, string>).achieved = (expected.goals as Record<string, string>).achieved?.replace('1.　', '1. ') ?? '';
      }
      expect(self).toEqual(expected);
      if (whole) {
        expect(e.duties).toEqual(example.duties);
        expect(e.problems).toBe(example.problems);
        expect(e.measures).toEqual(example.measures);
        expect(e.signature).toEqual(example.signature);
        expect(e.performance?.conclusion).toEqual(example.performance?.conclusion);
        expect(e.title).toBe('部门整体支出绩效自评报告');
      }
      expect(unmapped.filter((u) => !/文字未导入|没有找到/u.test(u))).toEqual([]);
      // the unit's own 1、2、 lines of 经批复的预、决算情况 stay its text (not read as the writer's sentences), and are listed
      if (whole && !name.startsWith('tricky')) {
        expect(e.approvedBudget).toBeUndefined();
        expect(unmapped.some((u) => u.includes('经批复的预、决算情况'))).toBe(true);
      }
    });
  }

  it.skipIf(!soffice)('hengyang-2022.doc and hengyang-2022-attachments.xls (through LibreOffice)', async () => {
    for (const name of ['hengyang-2022.doc', 'hengyang-2022-attachments.xls']) {
      const e = department((await imported(fixture(name), name)).evaluation);
      expect(plain(e.basicData)).toEqual(plain(example.basicData));
      expect(plain(e.selfEvaluation)).toEqual(plain(example.selfEvaluation));
    }
  });

  it('points every mapped figure at its line, as the hand-entered model does', async () => {
    const { evaluation } = await imported(seedBytes(), 'hengyang-natural-resources-2022.txt');
    const map = department(evaluation).sourceMap;
    for (const path of ['basicData.staffing.authorized', 'selfEvaluation.funds.budget', 'selfEvaluation.indicators[0].score', 'selfEvaluation.indicators[13].target', 'selfEvaluation.totalScore', 'basicData.reception.budget']) {
      expect({ path, line: map[path]?.line, excerpt: map[path]?.excerpt }).toEqual({ path, line: example.sourceMap[path]?.line, excerpt: example.sourceMap[path]?.excerpt });
    }
    expect(map['selfEvaluation.totalScore']).toEqual({ line: 511, excerpt: '97', file: 'hengyang-natural-resources-2022.txt' });
  });

  it('in a .docx, figures point at the paragraph lines of their cells', async () => {
    const { doc, evaluation } = await imported(fixture('hengyang-2022.docx'), 'hengyang-2022.docx');
    const at = department(evaluation).sourceMap['selfEvaluation.indicators[1].actual'];
    expect(doc.lines[(at?.line ?? 0) - 1]?.text).toBe('1008');
  });
});

describe('tricky layouts', () => {
  it('web mirror: navigation, 来源/发布时间, print and share buttons are ignored, the report is read', async () => {
    const { evaluation, unmapped } = await imported(fixture('tricky-web-mirror.txt'), 'tricky-web-mirror.txt');
    const e = department(evaluation);
    expect(e.year).toBe(2022); // not 2023 from 发布时间：2023-03-08
    expect(e.unit.name).toBe('衡阳县自然资源局');
    expect(plain(e.basicData)).toEqual(plain(example.basicData));
    const { goals: _g, ...self } = plain(e.selfEvaluation) as Record<string, unknown>;
    const { goals: _e, ...expected } = plain(example.selfEvaluation) as Record<string, unknown>;
    expect(self).toEqual(expected);
    expect(unmapped).toContain('已忽略网页附带的文字（第 1、3–5、212–215 行）');
  });

  it('traditional characters and full-width digits: group names and the grade read as simplified, figures as written', async () => {
    const e = department((await imported(fixture('tricky-traditional.txt'), 'tricky-traditional.txt')).evaluation);
    const table = e.selfEvaluation;
    expect(table?.indicators.map((x) => [x.level1, x.level2, x.points, x.score])).toEqual(example.selfEvaluation?.indicators.map((x) => [x.level1, x.level2, x.points, x.score]));
    expect(table?.indicators[1]?.name).toBe('辦理不動產登記證');
    expect(table?.grade).toBe('优');
    expect(plain(table?.funds)).toEqual(plain(example.selfEvaluation?.funds));
    expect(plain(table?.income)).toEqual(plain(example.selfEvaluation?.income));
    expect(table?.level1.map((h) => h.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
  });

  it('run-together columns: boundaries recovered where certain, nothing invented where not', async () => {
    const { evaluation, unmapped } = await imported(fixture('tricky-run-together.txt'), 'tricky-run-together.txt');
    const table = department(evaluation).selfEvaluation;
    expect(plain(table?.funds)).toEqual(plain({ budget: { units: 1748515, scale: 2 }, actual: { units: 1748515, scale: 2 }, executionRate: { units: 100, scale: 0 } }));
    const second = table?.indicators[1];
    expect(second?.name).toBe('办理不动产登记证');
    expect([second?.target, second?.actual, second?.points, second?.score]).toEqual([null, null, null, null]);
    expect(table?.indicators.filter((x) => x !== second).every((x) => x.points !== null && x.score !== null)).toBe(true);
    expect(plain(department(evaluation).basicData?.basicSpending)).toEqual(plain(example.basicData?.basicSpending));
    expect(unmapped).toEqual([
      '第 6 行：「1010」可能是几个数字连在一起（列的边界无法确定），分值未读取',
      '第 9 行：这一行的列数与表头不符（可能有几列连在一起），只读取了指标名称「办理不动产登记证」',
    ]);
  });

  it('an excerpt cut in the middle of the indicator rows maps what is there, and says where it was cut', async () => {
    const { evaluation, unmapped } = await imported(fixture('tricky-excerpt.txt'), 'tricky-excerpt.txt');
    const table = department(evaluation).selfEvaluation;
    expect(table?.indicators.map((x) => x.name)).toEqual(['摸排化解房地产历史遗留办证', '办理不动产登记证', '绿色矿山建设']);
    expect([table?.totalPoints, table?.totalScore, table?.grade]).toEqual([null, null, null]);
    expect(unmapped).toContain('第 293 行：表格在这一行被截断，这一行不完整，未导入');
  });

  it('an excerpt starting inside the indicator rows (no header) reads them in the standard column order', async () => {
    const doc = await readDocument(fixture('tricky-excerpt-headerless.txt'), 'tricky-excerpt-headerless.txt');
    const none = importEvaluation(doc);
    expect(none.evaluation).toBeNull();
    expect(none.unmapped).toContain('没有找到评价年度（如「2022年度」），无法建立模型；请用选项指定年度');
    const { evaluation, unmapped } = importEvaluation(doc, { year: 2022, unitName: '衡阳县自然资源局' });
    const table = department(evaluation).selfEvaluation;
    expect(table?.indicators.map((x) => [x.level1, x.level2, x.name])).toEqual(example.selfEvaluation?.indicators.slice(6).map((x) => [x.level1, x.level2, x.name]));
    expect([table?.totalPoints, table?.totalScore, table?.grade]).toEqual([{ units: 100, scale: 0 }, { units: 97, scale: 0 }, '优']);
    expect(unmapped).toContain('第 2 行：没有一级指标名称，按二级指标「质量指标」推断为「产出指标」');
  });

  it.each(['tricky-project.txt', 'tricky-project.xlsx'])('a national 项目支出绩效自评表 (%s)', async (name) => {
    const { evaluation, kind } = await imported(fixture(name), name);
    expect(kind).toBe('project');
    const p = evaluation as ProjectEvaluation;
    expect(p.project).toMatchObject({ name: '衡阳县2022年地质灾害防治项目', supervisingDepartment: '衡阳县自然资源局', implementingUnit: '衡阳县自然资源局' });
    expect(p.year).toBe(2022);
    expect(plain(p.funds)).toEqual(plain({
      total: { initialBudget: { units: 40000, scale: 2 }, budget: { units: 38688, scale: 2 }, actual: { units: 38688, scale: 2 }, points: { units: 10, scale: 0 }, executionRate: { units: 100, scale: 0 }, score: { units: 10, scale: 0 } },
      fiscalAppropriation: { initialBudget: { units: 40000, scale: 2 }, budget: { units: 38688, scale: 2 }, actual: { units: 38688, scale: 2 } },
      priorCarryover: {}, otherFunds: {},
    }));
    expect(p.indicators.map((x) => [x.level1, x.level2, x.name, x.target, x.actual, x.points?.units, x.score?.units])).toEqual([
      ['产出指标', '数量指标', '普适化监测隐患点', '≥5处', '5处', 20, 20],
      ['产出指标', '数量指标', '地质灾害防治培训', '≥25个乡镇', '25个乡镇', 10, 10],
      ['产出指标', '质量指标', '监测设备在线率', '≥95%', '92%', 10, 9],
      ['产出指标', '时效指标', '排危除险完成时间', '2022年12月底前', '2022年12月完成', 10, 10],
      ['效益指标', '社会效益指标', '地质灾害造成人员伤亡', '0人', '0人', 15, 15],
      ['效益指标', '可持续影响指标', '隐患点监测长效机制', '建立', '已建立', 15, 15],
      ['满意度指标', '服务对象满意度指标', '受威胁群众满意度', '≥90%', '95%', 10, 10],
    ]);
    expect(p.indicators[2]?.deviationExplanation).toBe('部分设备受雷击损坏，已更换');
    expect([p.totalPoints?.units, p.totalScore?.units]).toEqual([100, 99]);
  });
});

describe('documents holding more than one evaluation', () => {
  const project = new TextDecoder().decode(fixture('tricky-project.txt'));

  it('a department report with a project table appended keeps the project’s indicators out of the department’s', async () => {
    const seed = new TextDecoder().decode(seedBytes());
    const { evaluation, unmapped } = await imported(new TextEncoder().encode(`${seed}\n\n附件2\n${project}`), 'with-project.txt');
    const e = department(evaluation);
    expect(plain(e.selfEvaluation)).toEqual(plain(example.selfEvaluation));
    expect(unmapped.some((u) => u.endsWith('这里起是一张项目支出绩效自评表；按部门整体评价导入时不取其中的数据'))).toBe(true);
  });

  it('two project tables: the first is imported, the second is named as left out', async () => {
    const second = project.replace('项目名称\t衡阳县2022年地质灾害防治项目', '项目名称\t衡阳县2022年矿山修复项目').replace(/^衡阳县2022年地质灾害防治项目支出绩效自评报告$/mu, '');
    expect(second).toContain('衡阳县2022年矿山修复项目');
    const { evaluation, unmapped } = await imported(new TextEncoder().encode(`${project}\n\n${second}`), 'two-projects.txt');
    const p = evaluation as ProjectEvaluation;
    expect(p.project.name).toBe('衡阳县2022年地质灾害防治项目');
    expect(p.indicators).toHaveLength(7);
    expect(unmapped.some((u) => u.includes('另一个项目「衡阳县2022年矿山修复项目」'))).toBe(true);
  });

  it('a year in brackets inside a sentence is not the evaluation year', async () => {
    const text = '某局部门整体支出绩效自评报告\n一、部门基本情况\n上年项目资金（2021年）已全部结清。\n（2022年度）\n部门资金（万元）\t全年预算数\t全年执行数\n年度资金总额\t100.00\t90.00\n';
    const { evaluation } = await imported(new TextEncoder().encode(text), 'year.txt');
    expect(evaluation?.year).toBe(2022);
  });

  it('a grade written with its label in one cell (自评等级：优)', async () => {
    const text = '（2022年度）\n部门资金（万元）\t全年预算数\t全年执行数\t预算执行率\t分值\t得分\n年度资金总额\t100.00\t90.00\t90%\t10\t9\n总分\t100\t89\t自评等级：良\n';
    const { evaluation } = await imported(new TextEncoder().encode(text), 'grade.txt');
    const table = department(evaluation).selfEvaluation;
    expect([table?.totalPoints?.units, table?.totalScore?.units, table?.grade]).toEqual([100, 89, '良']);
  });
});

describe('round trip: a model written by the writer and read back', () => {
  const schemes = ['hunan-county-department-2022', 'national-project-2020'].map((s) =>
    parseScheme(JSON.parse(readFileSync(examplePath(`../schemes/${s}.json`), 'utf8'))),
  );
  const formats = soffice ? (['docx', 'xlsx', 'pdf'] as const) : (['docx', 'xlsx'] as const);
  for (const file of ['hengyang-natural-resources-2022.json', 'clean-department-2023.json', 'clean-project-2023.json']) {
    for (const format of formats) {
      it(`${file} as .${format}`, async () => {
        const model = parseEvaluation(JSON.parse(readFileSync(examplePath(file), 'utf8')));
        const { bytes } = await render(model, selectScheme(schemes, model.kind, model.schemeId), format);
        const { evaluation } = await imported(bytes, `round-trip.${format}`);
        expect(evaluation?.kind).toBe(model.kind);
        const card = (e: Evaluation) => (e.kind === 'department' ? e.selfEvaluation : e);
        const printed = (e: Evaluation) =>
          card(e)?.indicators.map((x) => [x.level1, x.level2, x.name, x.target?.replace(/\s+/gu, ''), x.actual?.replace(/\s+/gu, ''), x.points && x.points.units / 10 ** x.points.scale, x.score && x.score.units / 10 ** x.score.scale]);
        expect(printed(evaluation as Evaluation)).toEqual(printed(model));
        expect(plain(card(evaluation as Evaluation)?.funds)).toMatchObject(
          model.kind === 'department'
            ? plain({ ...model.selfEvaluation?.funds, received: null }) as object
            : plain({ total: { ...model.funds.total, received: null } }) as object,
        );
        expect(plain([card(evaluation as Evaluation)?.totalPoints, card(evaluation as Evaluation)?.totalScore, card(evaluation as Evaluation)?.grade]))
          .toEqual(plain([card(model)?.totalPoints, card(model)?.totalScore, card(model)?.grade]));
        if (model.kind === 'project' && evaluation?.kind === 'project' && format === 'docx') {
          // the report's sections as written: not the project's name above the title, not the attachments' lines
          expect(evaluation.report).toEqual(model.report);
        }
        if (model.kind === 'department' && evaluation?.kind === 'department' && format !== 'xlsx') {
          // the unit's statements of 六（二） read back from the text as written (the narrative is not in the .xlsx)
          expect(statementsOf(evaluation)).toEqual(statementsOf(model));
          // the narrative's project execution where the unit's text states it (the clean example keeps it apart from its text)
          const execution = model.performance?.projectExecution;
          const stated = execution?.budget && (model.performance?.statements ?? []).some((st) => st.text?.includes(amountWritten(execution.budget as Dec)));
          expect(byValue(evaluation.performance?.projectExecution ?? {})).toEqual(stated ? byValue(execution) : {});
        }
        if (model.kind === 'department' && evaluation?.kind === 'department') {
          expect(plain(evaluation.basicData?.projectCategories)).toEqual(plain(model.basicData?.projectCategories));
          expect(plain(evaluation.basicData?.staffing)).toEqual(plain(model.basicData?.staffing));
          expect(plain(evaluation.selfEvaluation?.income)).toEqual(plain(model.selfEvaluation?.income));
          expect(plain(evaluation.selfEvaluation?.spending)).toEqual(plain(model.selfEvaluation?.spending));
        }
      }, format === 'pdf' ? 240_000 : 60_000); // a PDF is laid out again where a table's merge runs over a page break
    }
  }
});

describe('round trip of a department report’s text: render as written, import, the same text and staffing', () => {
  const schemes = ['hunan-county-department-2022'].map((s) => parseScheme(JSON.parse(readFileSync(examplePath(`../schemes/${s}.json`), 'utf8'))));
  const text = (s: string | null | undefined): string => (s ?? '').replace(/^[（(]一[)）]机构设置[:：]/u, '').replace(/[\s\u3000]+/gu, '');
  it.each(['hengyang-natural-resources-2022.json', 'clean-department-2023.json'])('%s', async (file) => {
    const model = department(parseEvaluation(JSON.parse(readFileSync(examplePath(file), 'utf8'))));
    const { bytes } = await render(model, selectScheme(schemes, model.kind, model.schemeId), 'docx');
    const result = await imported(bytes, 'round-trip.docx');
    const back = department(result.evaluation);
    expect(plain(back.staffing)).toEqual(plain(model.staffing));
    // the unit's opening as written; the sentence the writer generates where it wrote none is not read as the unit's
    expect(back.introduction).toBe(model.introduction);
    expect(back.duties).toEqual(model.duties);
    expect(text(back.unit.profileText)).toBe(text(model.unit.profileText));
    for (const key of ['basicSpending', 'projectSpending', 'carryover'] as const) {
      expect(text(back.execution?.[key]?.text), key).toBe(text(model.execution?.[key]?.text));
    }
    expect(text(back.execution?.management)).toBe(text(model.execution?.management));
    expect(text(back.governmentFund?.text)).toBe(text(model.governmentFund?.text));
    expect(text(back.performance?.conclusion?.text)).toBe(text(model.performance?.conclusion?.text));
    // the conclusion is read once, as the conclusion (not again as paragraphs of 六)
    const conclusion = text(model.performance?.conclusion?.text);
    expect((back.performance?.paragraphs ?? []).filter((p) => conclusion.includes(text(p.text)))).toEqual([]);
    expect(text(back.problems)).toBe(text(model.problems));
    expect(back.measures.map(text)).toEqual(model.measures.map(text));
    expect(back.signature).toMatchObject({ unit: model.signature?.unit });
    // the writer's own sentences of 二（一） read back into their fields, by the wording the writer prints them with
    expect(plain(back.approvedBudget)).toEqual(plain(model.approvedBudget));
    expect(result.unmapped.some((u) => u.includes('经批复的预、决算情况'))).toBe(false);
    // and 三公经费: the totals, each item's figures, its change from the prior year and the unit's explanation
    expect(byValue(back.execution?.threePublic)).toEqual(byValue(model.execution?.threePublic));
    expect(result.unmapped.some((u) => u.includes('三公经费'))).toBe(false);
  });
});

describe('round trip of generated department evaluations: render as written, import, the same tables', () => {
  const scheme = parseScheme(JSON.parse(readFileSync(examplePath('../schemes/hunan-county-department-2022.json'), 'utf8')));
  const figure = (d: { units: number; scale: number } | null | undefined): number | null => (d ? d.units / 10 ** d.scale : null);
  const indicators = (e: DepartmentEvaluation) => e.selfEvaluation?.indicators.map((x) => [x.level1, x.level2, x.name, x.target, x.actual, figure(x.points), figure(x.score)]);
  it.each(['docx', 'xlsx'] as const)('as .%s', async (format) => {
    await fc.assert(
      fc.asyncProperty(departmentArbitrary, async (sample) => {
        const model = department(parseEvaluation(generatedDepartment(sample)));
        const { bytes } = await render(model, scheme, format);
        const result = await imported(bytes, `generated.${format}`);
        const back = department(result.evaluation);
        expect(indicators(back)).toEqual(indicators(model));
        expect(plain(back.selfEvaluation?.funds)).toMatchObject(plain({ ...model.selfEvaluation?.funds, received: null }) as object);
        expect(plain(back.selfEvaluation?.spending)).toEqual(plain(model.selfEvaluation?.spending));
        expect(figure(back.selfEvaluation?.totalScore)).toBe(figure(model.selfEvaluation?.totalScore) ?? figure(derive(model, scheme).total.computed));
        expect(plain(back.basicData?.staffing)).toEqual(plain(model.basicData?.staffing));
        expect(plain(back.basicData?.reception)).toEqual(plain(model.basicData?.reception));
        for (const u of result.unmapped) expect(u).toMatch(/[\u4e00-\u9fa5]/u);
        // the sentences the writer made where the unit wrote nothing are not read as the unit's: no opening, no
        // 三公经费 figures in the narrative (that paragraph is listed as not imported)
        expect(back.introduction).toBeNull();
        expect(back.execution?.threePublic).toBeUndefined();
        if (format === 'docx') expect(result.unmapped.some((u) => u.includes('三公经费'))).toBe(true);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});

describe('the source map checked by the importer instead of entry by entry by the schema', () => {
  const full = (input: Record<string, unknown>) => {
    const r = safeParseEvaluation(input);
    return r.ok ? { ok: true, value: JSON.stringify(r.value) } : { ok: false, message: r.error.message, details: r.error.details };
  };
  const fast = (input: Record<string, unknown>) => {
    const r = parseImported(input, input.sourceMap as never);
    return r.ok ? { ok: true, value: JSON.stringify(r.value) } : { ok: false, message: r.error.message, details: r.error.details };
  };

  it.each([
    ['hengyang-natural-resources-2022.txt', seedBytes],
    ['hengyang-2022.docx', () => fixture('hengyang-2022.docx')],
    ['tricky-tab-separated.txt', () => fixture('tricky-tab-separated.txt')],
  ])('gives the model the schema gives, keys in the same order (%s)', async (name, bytes) => {
    const { input, evaluation } = await imported(bytes(), name);
    expect(evaluation).not.toBeNull();
    expect(JSON.stringify(evaluation)).toBe(JSON.stringify(safeParseEvaluation(input).ok ? (safeParseEvaluation(input) as { value: unknown }).value : null));
    expect(fast(input)).toEqual(full(input));
  });

  it('leaves entries of any other shape, and models the schema refuses, to the schema (same messages)', async () => {
    const { input } = await imported(seedBytes(), 'seed.txt');
    const map = input.sourceMap as Record<string, unknown>;
    const variants: Record<string, unknown>[] = [
      { 'x.y': { line: 1.5, excerpt: 'a', file: 'f' } },
      { 'x.y': { line: 3, excerpt: 'a', file: 'f', extra: 1 } },
      { 'x.y': { excerpt: 'a' } },
      { 'x.y': { file: 'f', excerpt: 'a' } },
      { 'x.y': { line: '3', excerpt: 'a', file: 'f' } },
      { 'x.y': null },
      { 'x.y': [] },
      { 'x.y': { line: undefined, excerpt: 'a', file: 'f' } },
    ];
    for (const extra of variants) {
      const changed = { ...input, sourceMap: { ...map, ...extra } };
      expect(fast(changed)).toEqual(full(changed));
    }
    const badYear = { ...input, year: 1900 };
    expect(fast(badYear)).toEqual(full(badYear));
    expect(fast(badYear).ok).toBe(false);
  });
});

/**
 * Real published reports, and reports of our own making in other provinces' templates.
 *
 * The real ones are documents of the labelled corpus (corpus/reports: the text as retrieved, its labels
 * written and recomputed before the audit was run on it). Their expectations are derived from the labels:
 * every labelled violation is found (the audit reports one of its figures with the value that makes the
 * relation hold, as `npm run eval` counts it), except the known misses listed below — what the next issue
 * must clear; and no error or warning falls outside the labels (neither a violated relation nor a soft
 * defect), except the findings listed below. Both lists are exact: a known miss that starts to be found,
 * or a listed finding that disappears, fails here too, so the lists stay true.
 *
 * The styled ones (fixtures/styled, ours) keep the findings judged by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme, type Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { loadDocument, verifyDocument } from '../../../../scripts/corpus/corpus.ts';
import { classify } from '../../../../scripts/corpus/evaluate.ts';
import { ROOT } from './testing.ts';
import { auditDocument } from './audit-document.ts';
import { REAL_REPORTS } from './testing.ts';

const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(join(ROOT, 'schemes', f), 'utf8'))));
const here = new URL('.', import.meta.url).pathname;

async function audit(bytes: Uint8Array, name: string): Promise<Finding[]> {
  return (await auditDocument(bytes, name, schemes)).findings;
}
const fixture = (folder: string, name: string): Promise<Finding[]> => audit(new Uint8Array(readFileSync(join(here, 'fixtures', folder, name))), name);
const bySeverity = (findings: readonly Finding[], severity: Finding['severity']): string[] =>
  findings.filter((f) => f.severity === severity).map((f) => `${f.location.line ?? '-'} ${f.check}`);

type Expectation = {
  /** Labelled violations the audit does not find yet (relation id → why): the next issue's work. */
  readonly knownMisses?: Readonly<Record<string, string>>;
  /** Errors and warnings outside the labels ("line severity check" → what they are). */
  readonly beyondLabels?: Readonly<Record<string, string>>;
};

/**
 * The real reports that were this suite's fixtures (fixtures/real until issue 12), now corpus documents.
 * Lines are the corpus file's: one less than the old fixture's, whose first line was our source note.
 */
const REAL: Record<string, Expectation> = {
  // 安徽 怀远县 2021 衔接资金自评: 7700 − 7650 = 50 万元对；分值与自评分是两个项目的；102.964 分含加分项
  'anhui-huaiyuan-rural-revitalization-transfer-2021': {},
  // 安徽 霍邱县教育局 2022: 每类项目"已于本年度支出…万元"各不相同，不是同一数据
  'anhui-huoqiu-education-department-2022': {},
  // 重庆 大足区发改委 2020 部门整体（开头）: 列出的科室正好 12 个、2 个管理机构
  'chongqing-dazu-development-reform-department-2020': {},
  // 广东 茂名市发改局 2021 部门整体（PDF 文字层转载，开头）: 引用的 2022 年通知不是年份矛盾
  'guangdong-maoming-development-reform-department-2021': {},
  // 海南 海口市秀英区水务局 2022（转载，开头）: “????”是网页的乱码，不是模板残留
  'hainan-haikou-xiuying-water-project-2022': {},
  // 河南 西平县交通运输局 2022: 2113.63 ÷ 2179 = 97.00%（写 97%）、指标 3 + 9 个二级、12 个三级
  'henan-xiping-transport-project-2022': {},
  // 湖北 鄂州市财政局 2019 两张项目自评表（以空格分列）: 总分值 10 + 100 = 110 写 100（r12）、总得分漏了预算执行率得分 6（r13），都发现
  'hubei-ezhou-finance-project-2019': {
    beyondLabels: {
      // 方案规则，不是正文的算术关系，标注格式里没有这一类：产出指标 15+20+15+20 再加落在其下的社会效益 15，共 85 分，方案为 50 分
      '23 warning weight-mismatch': '产出指标分值合计 85 分，方案（财预〔2020〕10号）为 50 分：属实，方案规则',
      '27 warning unmeasured-actual': '实际完成值照抄目标“≥80%”，是区间不是实测值：属实，不是算术关系',
    },
  },
  // 湖南 南县政协 2021: 收入792.22 比上年增加189.25 增长31.39%、支出799.12 = 434.89 + 77.4 + 286.83
  'hunan-nanxian-cppcc-department-2021': {},
  // 湖南 岳阳市城管监督指挥中心 2018（单元格逐行）: 编号「4.」重复是标注的软缺陷
  'hunan-yueyang-city-management-department-2018': {},
  // 内蒙古 巴彦淖尔 2024 项目自评表: 其他资金 1.8 ÷ 1.8 的执行率写 0（r7），发现
  'neimenggu-bayannur-natural-resources-project-2024': {},
  // 四川 青神县发改局 2023 项目自评表（每格一行）: 模板的“(100字以内)”“(200字以内)”是标注的软缺陷
  'sichuan-qingshen-development-reform-project-2023': {},
  // 四川 中江县水利局 2022 衔接资金项目自评表（连成一行）
  'sichuan-zhongjiang-water-project-2022': {
    knownMisses: {
      r4: '产出指标表头 70 分与表注“产出指标50分”不符：表格连成一行，审核没有读出表头与表注',
      r5: '效益指标表头 20 分与表注“效益指标30分”不符：同上',
    },
  },
  // 云南 昌宁县第一示范小学 2023: 两处资金 16.20 万元、执行率 100% 是同一事实的两处陈述
  'yunnan-changning-school-project-2023': {},
  // 云南 红河州数据发展中心 2024 项目支出自评报告（开头）: 曾判为“没有矛盾”，重算后“实施项目共15个”≠ 年初批复 8 个 + 年中增加 8 个
  'yunnan-honghe-data-center-project-2024': {
    knownMisses: { r3: '实施项目共 15 个，年初批复 8 个 + 年中增加 8 个 = 16：句中的个数之和没有核对' },
  },
};

describe('real published reports (corpus documents): the labelled violations found, nothing outside the labels', () => {
  for (const [id, expectation] of Object.entries(REAL)) {
    it(id, async () => {
      const doc = loadDocument(id);
      expect(verifyDocument(doc)).toEqual([]);
      const outcome = classify(doc, await audit(new TextEncoder().encode(doc.text), `${id}.txt`));
      const missed = outcome.violations.filter((v) => !v.found).map((v) => v.id);
      expect(missed.sort()).toEqual(Object.keys(expectation.knownMisses ?? {}).sort());
      const outside = outcome.findings.filter((f) => f.class === 'holding' || f.class === 'unlabelled').map((f) => `${f.line ?? '-'} ${f.severity} ${f.check}`);
      expect(outside.sort()).toEqual(Object.keys(expectation.beyondLabels ?? {}).sort());
    });
  }

  it('every real report of the tests has its expectation', () => {
    expect(Object.keys(REAL).sort()).toEqual([...REAL_REPORTS].sort());
  });
});

/** Errors and warnings judged by hand for each styled report (line and check); info notes are not asserted. */
const JUDGED: Record<string, { errors: string[]; warnings: string[] }> = {
  // 浙江式县教育局部门整体（自拟）: 各项合计、结余、比上年、满意率都对
  'zhejiang-style-county-education-2023.txt': { errors: [], warnings: [] },
  // 湖北式县农业农村局部门整体（自拟）: 占比、比上年、结转结余（收入 − 支出，不是预算 − 支出）、亩均、完成率、满意度都对；
  // 次年计划里的 2023 年不是年份矛盾
  'hubei-style-agriculture-2022.txt': { errors: [], warnings: [] },
  // 湖南县级项目自评表（自拟，只有表，财预〔2020〕10号格式）: 满意度 88/90×10 = 9.78、总分 99.48 都按方案；
  // 该格式没有等级栏，不称等级缺失（曾误报）
  'hunan-style-project-table-only-2023.txt': { errors: [], warnings: [] },
  // 广东式项目自评表（自拟，决策/过程/产出/效益）: 与财预〔2020〕10号方案不同，只提示一级指标与方案不符；
  // 没有偏差原因列、指标值列和资金栏时不报“未填写”，不按不适用的方案重算总分（曾误报 12 个错误）；签字栏空着属实
  'guangdong-style-project-2022.txt': {
    errors: [],
    warnings: ['- sign-off', '20 weight-mismatch', '23 weight-mismatch', '27 weight-mismatch'],
  },
};

describe('reports in other provinces’ templates (our own): exactly the findings judged by hand', () => {
  for (const [name, judged] of Object.entries(JUDGED)) {
    it(name, async () => {
      const findings = await fixture('styled', name);
      expect(bySeverity(findings, 'error')).toEqual(judged.errors);
      expect(bySeverity(findings, 'warning')).toEqual(judged.warnings);
    });
  }

  it('every styled fixture is judged', () => {
    const files = readdirSync(join(here, 'fixtures', 'styled')).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual(Object.keys(JUDGED).sort());
  });
});

describe('causes of false alarms found on real reports, in general form', () => {
  const text = (s: string) => new TextEncoder().encode(s);

  it('a 2021 report written in 2022 cites 《关于开展2022年…绩效自评工作的通知》: the year is 2021, and the notice is no claim about it', async () => {
    const report = [
      '2021年某市统计局部门整体支出绩效自评报告',
      '根据《关于开展 2022 年市级财政资金绩效自评工作的通知》（某财绩函〔2022〕2 号）要求，我局认真开展自评，现将 2021 年整体支出绩效自评情况报告如下。',
      '一、部门基本情况',
      '我局实有编制数 40 人，2021 年末在职人数 38 人。',
    ].join('\n');
    const { evaluation, findings } = await auditDocument(text(report), 'notice.txt', schemes);
    expect(evaluation?.year).toBe(2021);
    expect(findings.filter((f) => f.check === 'year-mismatch')).toEqual([]);
  });

  it('a 自评表 run together into one line (no table can be recovered): no grade said to be missing', async () => {
    const report = '附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 某镇人民政府 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标(50分) 数量指标 委托业务项目数量 ≥50个 50 8 8\n';
    const findings = await audit(text(report), 'run-together.txt');
    expect(bySeverity(findings, 'error')).toEqual([]);
    expect(findings.filter((f) => f.check === 'grade-mismatch')).toEqual([]);
  });

  it('1. 2. run on in one paragraph: a repeated or skipped number is found; figures and a new list are not numbers out of order', async () => {
    const findings = await audit(text([
      '一、年度主要工作',
      '1.完成监督调度工作。2.做好平台维护。3.完成信息整理。3.完成考核考评。4.做好业务指导。',
      '二、成效',
      '1.预算执行率95.10%。2.满意度较上年提高1.5个百分点。1.加强管理；2.提高效率。',
    ].join('\n')), 'inline.txt');
    expect(findings.filter((f) => f.check === 'numbering-sequence').map((f) => [f.location.line, f.message])).toEqual([[2, '第2行编号「3.」与第2行重复；请核对编号。']]);
  });

  it('a 联系电话 in the publishing note is no sign-off block: its absence is not "unsigned"; an empty 填表人 row still is', async () => {
    const table = [
      '项目支出绩效自评表', '（2022年度）',
      '\t项目名称', '\t某项目', '',
      '\t项目资金（万元）', '\t年初预算数', '\t全年预算数', '\t全年执行数', '\t分值', '\t执行率', '\t得分', '',
      '\t年度资金总额', '\t20', '\t20', '\t20', '\t10', '\t100.00%', '\t10', '',
    ];
    const notice = ['意见收集人：罗某，联系电话：0838-72×××××。', ...table].join('\n');
    expect((await audit(text(notice), 'notice.txt')).filter((f) => f.check === 'sign-off')).toEqual([]);
    const signed = [...table, '填表人：            联系电话：               单位负责人签字：'].join('\n');
    expect((await audit(text(signed), 'signed.txt')).filter((f) => f.check === 'sign-off').length).toBeGreaterThan(0);
  });

  it('a masked phone number (0734-68××××) is not an unfilled placeholder; ××× alone still is', async () => {
    const findings = await audit(text('一、基本情况\n联系人：张某，联系电话：0734-68××××。\n本单位负责×××工作。\n'), 'phone.txt');
    expect(findings.filter((f) => f.check === 'template-residue').map((f) => f.location.line)).toEqual([3]);
  });
});

/**
 * Reports published by units of several provinces (fixtures/real: text as stored from the government
 * pages, a source line on top) and reports of our own making in other provinces' templates
 * (fixtures/styled). Each is audited and its findings compared with the set judged by hand: the
 * inconsistencies of the report itself are expected, anything else is a false alarm. A regression of
 * either kind fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScheme, type Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../read/testing.ts';
import { auditDocument } from './audit-document.ts';

const schemes = readdirSync(join(ROOT, 'schemes')).filter((f) => f.endsWith('.json')).map((f) => parseScheme(JSON.parse(readFileSync(join(ROOT, 'schemes', f), 'utf8'))));
const here = new URL('.', import.meta.url).pathname;

async function audit(bytes: Uint8Array, name: string): Promise<Finding[]> {
  return (await auditDocument(bytes, name, schemes)).findings;
}
/**
 * The fixture's bytes, its first line blanked where it is our source note ("# 来源：…"): the note is not
 * the report's and must not be read as its title or unit; the line stays so that lines keep their numbers.
 */
const fixtureBytes = (folder: string, name: string): Uint8Array => {
  const text = readFileSync(join(here, 'fixtures', folder, name), 'utf8');
  return new TextEncoder().encode(text.startsWith('# 来源') ? text.replace(/^[^\n]*/u, '') : text);
};
const fixture = (folder: string, name: string): Promise<Finding[]> => audit(fixtureBytes(folder, name), name);
const bySeverity = (findings: readonly Finding[], severity: Finding['severity']): string[] =>
  findings.filter((f) => f.severity === severity).map((f) => `${f.location.line ?? '-'} ${f.check}`);

/** Errors and warnings judged by hand for each fixture (line and check); info notes are not asserted. */
const JUDGED: Record<string, { folder: string; errors: string[]; warnings: string[] }> = {
  // 云南 红河州数据发展中心 2024 项目支出自评报告（开头）: figures of 15 projects, none contradicting another
  'yunnan-honghe-data-center-project-2024.txt': { folder: 'real', errors: [], warnings: [] },
  // 湖南 岳阳市城管监督指挥中心 2018 部门整体（表格式报告，单元格逐行）: 人员编制21 = 实有人数21；
  // 年度主要工作内容「1.…2.…3.…4.…4.…5.」编号重复，属实
  'hunan-yueyang-city-management-2018.txt': { folder: 'real', errors: [], warnings: ['61 numbering-sequence'] },
  // 安徽 霍邱县教育局 2022: 每类项目"已于本年度支出…万元"各不相同，不是同一数据（曾误报 fact-conflict）
  'anhui-huoqiu-education-2022.txt': { folder: 'real', errors: [], warnings: [] },
  // 湖南 南县政协 2021: 收入792.22 比上年增加189.25 增长31.39%、支出799.12 = 434.89 + 77.4 + 286.83，都对
  'hunan-nanxian-cppcc-2021.txt': { folder: 'real', errors: [], warnings: [] },
  // 四川 青神县发改局 2023 项目自评表（每格一行）: 模板的填写说明「(100字以内)」「(200字以内)」留在表中未填，属实；
  // 0.00 | 0.00 | … 各行数字相同不是重复句子（曾误报），没有总分和等级时不称等级缺失（曾误报“按总分 0 应为差”）
  'sichuan-qingshen-development-reform-project-2023.txt': {
    folder: 'real',
    errors: [],
    warnings: ['20 template-residue', '39 template-residue', '104 template-residue', '106 template-residue', '108 template-residue'],
  },
  // 河南 西平县交通运输局 2022 衔接资金项目自评总结: 2113.63 ÷ 2179 = 97.00%（写 97%）、指标 3 + 9 个二级、12 个三级，都对
  'henan-xiping-transport-project-2022.txt': { folder: 'real', errors: [], warnings: [] },
  // 重庆 大足区发改委 2020 部门整体（开头）: 列出的科室正好 12 个、2 个管理机构，都对
  'chongqing-dazu-development-reform-2020.txt': { folder: 'real', errors: [], warnings: [] },
  // 广东 茂名市发改局 2021 部门整体（PDF 文字层转载，开头）: 编制 63、在职 57、工作 1.–9. 编号连续；引用的 2022 年通知不是年份矛盾
  'guangdong-maoming-development-reform-2021.txt': { folder: 'real', errors: [], warnings: [] },
  // 安徽 怀远县 2021 衔接资金自评: 7700 − 7650 = 50 万元对；“(分值10分),自评10分”与其子项“(分值5分),自评5分”
  // 是两个项目的得分（曾误报 fact-conflict）；自评得分 102.964 分含该省办法的加分项，不算超过满分
  'anhui-huaiyuan-rural-revitalization-2021.txt': { folder: 'real', errors: [], warnings: [] },
  // 海南 海口市秀英区水务局 2022 衔接资金项目（转载，开头）: 105 万元、完成率 100% 没有矛盾；“????”是网页的乱码，不是模板残留
  'hainan-haikou-xiuying-water-project-2022.txt': { folder: 'real', errors: [], warnings: [] },
  // 湖北 鄂州市财政局 2019 两张项目自评表（以空格分列的文字，空格子也是一个空格）: 第二张表重复的栏目行不是重复句子（曾误报）；
  // 第二张表是另一个项目，不导入。指标栏现在也恢复：表头“年度/指标值”“实际/完成值”分在两行，接成年度指标值、实际完成值；
  // 指标行比表头多一个开头的空格子，从右对齐后分值、得分才落在分值、得分栏；“社会效益/指标”“满意度/指标”的第二行接回原格。
  // 第一张表（购买第三方服务）的结果，逐条核对:
  // - 14 score-rule-mismatch（警告）: 171/287 = 59.58%，×10 分 = 5.96，表中把执行率取整为 60% 再算得 6，与方案“保留 2 位小数”不符，属实
  // - 24 weight-mismatch（警告：2019 年的表，方案是 2020 年的规则）: 产出指标 15+20+15+20 分，再加上一级指标格空着、按表落在产出指标下的“社会效益指标”15 分，共 85 分，
  //   方案（财预〔2020〕10号，本表即该格式：预算执行率 10 分）为 50 分；即使把社会效益算作效益指标，产出也是 70 分，属实
  // - 27 score-rule-mismatch: 计划完成率 目标 90%、实际 60%、分值 20，按方案 60/90×20 = 13.33，写 10，属实
  // - 27 deviation-explanation（警告）: 偏差说明“部分项目延续至下年”没有说到计划完成率，第二张表里同一句又写给另两个指标，属泛泛而谈
  // - 28 unmeasured-actual（警告）: 财政工作运行效率 实际完成值照抄目标“≥80%”，是区间不是实测值，属实
  // - 30 weight-mismatch（警告，同上）: 满意度指标 15 分，方案为 10 分，属实
  // - 32 total-score-mismatch: 总分得分写 90，只是各指标得分之和，漏了预算执行率得分 6（应为 96），属实
  // - 32 total-score-mismatch: 分值 10 + 100 = 110，总分写 100，属实
  // - 32 total-score-computed: 按方案（5.96、13.33）总分应为 99.29，写 90，由上两处错误而来，属实
  'hubei-ezhou-finance-project-table-2019.txt': {
    folder: 'real',
    errors: ['27 score-rule-mismatch', '32 total-score-mismatch', '32 total-score-mismatch', '32 total-score-computed'],
    warnings: ['14 score-rule-mismatch', '24 weight-mismatch', '27 deviation-explanation', '28 unmeasured-actual', '30 weight-mismatch'],
  },
  // 内蒙古 巴彦淖尔市自然资源局口岸分局 2024 项目自评表（每格一行、以 | 结尾，行以成串的 | 补齐到 12 列）: 表格现在恢复。
  // 第 53 行其他资金全年预算 1.8、执行 1.8，执行率写 0，应为 100%，属实。
  // “指标2 宣传美工制作个数”标“正向”却配“小于等于”：没有检查指标性质与方向是否相符，未能发现，见报告
  'neimenggu-bayannur-natural-resources-project-2024.txt': { folder: 'real', errors: ['53 rate-mismatch'], warnings: [] },
  // 四川 中江县水利局 2022 衔接资金项目自评表（连成一行）: 年初目标与完成情况两格写法相同，格界已失，不是一句中重复（曾误报）；
  // 发布说明里的“联系电话”不是自评表的签字栏（曾误报 3 个 sign-off）。一级指标 70/20/10 与表注 50/30/10 不符、
  // 分值合计 110 与总分 100 不符，表格连成一行无法恢复，未能发现，见报告
  'sichuan-zhongjiang-water-project-table-2022.txt': { folder: 'real', errors: [], warnings: [] },
  // 云南 昌宁县第一示范小学 2023 项目自评报告: 自评结论与佐证材料按模板两处都写资金 16.20 万元、执行率 100%，
  // 是同一事实的两处陈述，不是重复句子（曾误报）
  'yunnan-changning-school-project-2023.txt': { folder: 'real', errors: [], warnings: [] },
  // 浙江式县教育局部门整体（自拟）: 各项合计、结余、比上年、满意率都对
  'zhejiang-style-county-education-2023.txt': { folder: 'styled', errors: [], warnings: [] },
  // 湖北式县农业农村局部门整体（自拟）: 占比、比上年、结转结余（收入 − 支出，不是预算 − 支出）、亩均、完成率、满意度都对；
  // 次年计划里的 2023 年不是年份矛盾
  'hubei-style-agriculture-2022.txt': { folder: 'styled', errors: [], warnings: [] },
  // 湖南县级项目自评表（自拟，只有表，财预〔2020〕10号格式）: 满意度 88/90×10 = 9.78、总分 99.48 都按方案；
  // 该格式没有等级栏，不称等级缺失（曾误报）
  'hunan-style-project-table-only-2023.txt': { folder: 'styled', errors: [], warnings: [] },
  // 广东式项目自评表（自拟，决策/过程/产出/效益）: 与财预〔2020〕10号方案不同，只提示一级指标与方案不符；
  // 没有偏差原因列、指标值列和资金栏时不报“未填写”，不按不适用的方案重算总分（曾误报 12 个错误）；签字栏空着属实
  'guangdong-style-project-2022.txt': {
    folder: 'styled',
    errors: [],
    warnings: ['- sign-off', '20 weight-mismatch', '23 weight-mismatch', '27 weight-mismatch'],
  },
};

describe('real published reports and reports in other provinces’ templates: exactly the findings judged by hand', () => {
  for (const [name, judged] of Object.entries(JUDGED)) {
    it(name, async () => {
      const findings = await fixture(judged.folder, name);
      expect(bySeverity(findings, 'error')).toEqual(judged.errors);
      expect(bySeverity(findings, 'warning')).toEqual(judged.warnings);
    });
  }

  it('every fixture is judged', () => {
    const files = ['real', 'styled'].flatMap((folder) => readdirSync(join(here, 'fixtures', folder)).filter((f) => f.endsWith('.txt')));
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

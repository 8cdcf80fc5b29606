import { describe, expect, it } from 'vitest';
import { textDocument } from './testing.ts';
import { frequentYear, majorityYear, publishedYear, sentenceYear, witnessYear, yearMentions, type Mention } from './sentence-year.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

describe('yearMentions', () => {
  it.each([
    ['衡阳县自然资源局2022年度部门整体支出绩效自评报告', [[2022, true]]],
    ['（2022年度）', [[2022, true]]],
    ['( 2021 年度) |', [[2021, true]]],
    ['2019年度)', [[2019, true]]],
    ['黃岡市檔案館2020年度 項目績效自評報告', [[2020, true]]],
    ['岳阳市城市管理监督指挥中心2018绩效评价自评报告', [[2018, true]]],
    ['評價年度:2022', [[2022, true]]],
    ['**河县2023年度中央水利发展资金', [[2023, true]]],
    ['《重庆市梁平区林业局2022年度部门整体绩效自评表.docx》由会员分享', [[2022, true]]],
    ['2022年1月起至2022年12月止', [[2022, false], [2022, false]]],
    ['2022年，我局共支出1211.89万元', [[2022, false]]],
    ['2022年共支出1211.89万元。', [[2022, false]]],
    ['2023年共下達補助資金246.2萬元', [[2023, false]]],
    ['根据要求,我市2022年农村危房改造任务数为115户', [[2022, false]]],
    ['2.资金:2022年云龙产业园项目预算经费为3483万元', [[2022, false]]],
    ['大足区林业局(本级)2020年末实际在职人数41人', [[2020, false]]],
    ['  (四)年末固定资产状况:2018年年末有固定资产1222.06万元。', [[2018, false]]],
    ['(一)海口市秀英区水务局2022年衔接资金共下达105万元,用于实施蔬菜园产业项目。', [[2022, false]]],
    ['项目绩效目标完成情况:一是2020年,文化站组织开展活动', [[2020, false]]],
    ['2022年支出76.36万元,其中基本支出76.36万元,结余结转0万元', [[2022, false]]],
    ['本项目2021年主要是对溪南线的路况进行提升', [[2021, false]]],
    ['及时组织技术员对我县2021年1万亩森林抚育项目进行规划设计', [[2021, false]]],
    ['及时下达预算指标并分配落实到项目,2024年中央、省、市财政衔接推进乡村振兴补助资金1749万元', [[2024, false]]],
    ['项目起止时间 | 2020年度 |', [[2020, false]]],
    ['根据《省财政厅 省教育厅关于下达2021年普通高校学生资助补助经费预算的通知》', [[2021, false]]],
    ['2023 年决算数', [[2023, false]]],
    ['根据《财政部关于开展2020年度中央对地方转移支付预算执行情况绩效自评工作的通知》', [[2020, false]]],
    ['根据省财政厅《提前下达2022年中央支持地方公共文化服务体系建设补助资金预算的通知》', [[2022, false]]],
    // negative cases: citations of the year's work, file numbers, dates, other years, ranges, plans, lists of other years' funds
    ['根据《关于开展2023年市级财政资金绩效自评工作的通知》（茂财绩函〔2023〕2号）', []],
    ['根据《中华人民共和国预算法》（财预〔2022〕5号）', []],
    ['截至2022年12月31日，已支付', []],
    ['截至2022年底，累计完成', []],
    ['2021年受疫情影响严重，比上年减少', []],
    ['同时争取2023年计划项目1个', []],
    ['2019-2022年连续三年', []],
    ['（二）2023年起全面推行绩效目标与预算同步编报。', []],
    ['发布日期：2022-05-16', []],
    ['发布时间:2023年07月03日', []],
    ['具体情况如下：2021年增减挂钩项目资金3,200.00万元', []],
    ['该指标以2015年完工的新建楼堂馆所为评价内容', []],
    ['4.全面完成2022年度10个省级中心村各项建设任务,并顺利通过省级验收', []],
    ['结余资金将作为我校2022年应征入伍学生国家资助经费使用', []],
  ] as const)('%s', (text, expected) => {
    expect(yearMentions(lines(text)).map((m) => [m.year, m.title])).toEqual(expected);
  });
});

describe('witnessYear (the mention judged is left out)', () => {
  const m = (year: number, title: boolean, extra: Partial<Mention> = {}): Mention => ({ year, line: 1, written: `${year}年`, excerpt: '', title, ...extra });
  it('takes the other titles and mentions, never the mention itself', () => {
    expect(witnessYear([m(2023, true), m(2022, true), m(2022, false)], 0, null)).toMatchObject({ year: 2022, how: 'titles', strong: true });
    expect(witnessYear([m(2023, true)], 0, null)).toBeNull();
    // a title is judged against even one clause; a clause needs more than one other clause
    expect(witnessYear([m(2023, true), m(2022, false)], 0, null)).toMatchObject({ year: 2022, how: 'text', strong: false });
    expect(witnessYear([m(2021, false), m(2022, false)], 0, null)).toBeNull();
    // two titles that disagree: no witness for either
    expect(witnessYear([m(2022, true), m(2023, true), m(2022, false)], 0, null)).toBeNull();
  });
  it('weighs the file name above a heading', () => {
    expect(witnessYear([m(2023, true), m(2022, true, { file: true }), m(2022, true, { file: true })], 0, null)).toMatchObject({ year: 2022 });
    expect(witnessYear([m(2022, true, { file: true }), m(2022, true, { file: true }), m(2023, true)], 0, null)).toBeNull();
  });
  it('falls back on the publication only for a year not over when published', () => {
    expect(witnessYear([m(2021, true)], 0, 2021)).toMatchObject({ year: 2020, how: 'published', strong: false });
    // a report published two years later is not a slip
    expect(witnessYear([m(2019, true)], 0, 2021)).toBeNull();
  });
});

describe('publishedYear', () => {
  it('reads the page date in the first half of the year', () => {
    expect(publishedYear(lines('[ 发布日期 ] 2021-06-03'))).toBe(2021);
    expect(publishedYear(lines('[ 发布日期 ] 2021-08-03'))).toBeNull();
    expect(publishedYear(lines('发布时间:2023年05月03日'))).toBe(2023);
    expect(publishedYear(lines('发布日期: 2022-12-10'))).toBeNull();
  });
});

describe('sentenceYear', () => {
  const relations = (...texts: string[]) =>
    sentenceYear
      .extract({ doc: textDocument(...texts), evaluation: null, scheme: null, year: null })
      .map((r) => (r.kind === 'year' ? [r.year.line, r.year.value.units, r.evaluatedYear, r.confidence] : null));
  it('judges a mistyped title against the rest of the report', () => {
    expect(relations('某局2021年度部门整体支出绩效自评报告', '（2022年度）', '2022年，我局共支出100万元。', '某局2022年度部门整体支出绩效自评报告')).toContainEqual([1, 2021, 2022, 'certain']);
  });
  it('warns on a clause of the report against its titles', () => {
    expect(relations('某局2022年度部门整体支出绩效自评报告', '2021年共下达资金100万元。', '（2022年度）')).toContainEqual([2, 2021, 2022, 'likely']);
  });
  it('leaves other years alone: two years off, or compared with the next year', () => {
    expect(relations('某局2022年度部门整体支出绩效自评报告', '2019年共下达资金100万元。', '（2022年度）').filter((r) => r?.[0] === 2)).toEqual([]);
    expect(relations('某局2022年度部门整体支出绩效自评报告', '2021年度安排资金64万元,2022年度安排资金76万元。', '（2022年度）').filter((r) => r?.[1] === 2021)).toEqual([]);
  });
  it('does not report a title without any other witness', () => {
    expect(relations('某局2021年度部门整体支出绩效自评报告', '一、基本情况')).toEqual([]);
  });
});

describe('frequentYear', () => {
  it('is the year the text names most, clearly', () => {
    expect(frequentYear(lines('2023年度绩效自评报告', '2022年，我局收到资金。', '2022年支出10万元。', '2022年完成。'))).toBe(2022);
    expect(frequentYear(lines('2022年', '2022年', '2021年', '2021年'))).toBeNull();
    expect(frequentYear(lines('《2022年资金管理办法》', '《2022年资金管理办法》', '《2022年资金管理办法》'))).toBeNull();
  });
});

describe('majorityYear', () => {
  it('needs a clear majority of at least two', () => {
    const m = (...years: number[]) => years.map((year, i) => ({ year, line: i, written: `${year}年`, excerpt: '', title: true }));
    expect(majorityYear(m(2022, 2022, 2023))).toBe(2022);
    expect(majorityYear(m(2022, 2023))).toBeNull();
    expect(majorityYear(m(2022))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sentenceCount } from './sentence-count.ts';
import { readRelations } from './testing.ts';

describe('sentenceCount', () => {
  it.each([
    ['the list before its count', ['大足区林业局内设办公室、计划财务科、造林绿化科、林业产业科4个内设机构。'], ['count 4个']],
    ['等 closing a full list: likely', ['内设办公室、组织人事股、规划财务股、造林绿化股等4个股室。'], ['count? 4个']],
    ['等 before a much larger count: examples, no relation', ['下设办公室、预算股、人事教育股等16个股室。'], []],
    ['等 with more items than the count: certain', ['下设办公室、预算股、人事教育股等2个股室。'], ['count 2个']],
    ['the list the clause before 共N项', ['开展了法治宣传、安全检查、业务培训，共3项。'], ['count 3项']],
    ['the list after 即, with 和 joining the last two', ['直属事业单位3个，即县国库集中支付中心、县财政信息中心和县会计服务中心。'], ['count 3个']],
    ['分别为 … 及', ['纳入预算编制范围的单位有3个，分别为财政局机关本级、财政事务中心及国库集中支付中心。'], ['count 3个']],
    ['a 和 inside a name: the reading that fits', ['设有2个办公室，分别为党政综合办公室、社会治安和应急管理办公室。'], ['count 2个']],
    ['a list in brackets after the noun', ['辖4个全额拨款事业单位（岣嵝峰林场、陈坪林场、三阳林场、九峰林场）、1个差额拨款事业单位（县苗圃）。'], ['count 4个', 'count 1个']],
    ['brackets inside items do not split', ['设有办公室（信访科、政策法规科）、规划财务科、社会救助科3个科室。'], ['count 3个']],
    ['a count of people or times is no count of kinds', ['组织党员、干部、群众300人参加培训。', '开展培训、宣讲、座谈12次。'], []],
    ['items holding figures are a sum, not a list', ['下设33个指标，包括23个数量指标、2个质量指标、8个效益指标。'], []],
    ['a clause of its own after the count', ['三批项目涉及临城镇（北驾廻村、陈家崇村）。'], []],
    ['a count inside quotes', ['宣传马克思列宁主义、毛泽东思想、邓小平理论和“三个代表”重要思想。'], []],
    ['一是…二是 after the count', ['下设2个管理机构，一是区经济信息中心；二是区军粮供应站。'], ['count 2个']],
    ['one item in brackets for a count of two: likely', ['辖2个差额拨款事业单位（县苗圃）。'], ['count? 2个']],
    ['a bare comma before a list of names: likely', ['内设副科级事业单位2个，财政事务中心和国库集中支付中心。'], ['count? 2个']],
    ['a bare comma before a clause: no list', ['完成项目3个，道路和桥梁均已验收。'], []],
    ['内设N个科室 running into the first name: likely', ['内设7个职能科室办公室、表演艺术部、造型艺术部。'], ['count? 7个']],
    ['one name in brackets for a larger count is another name of the kind', ['解决15个乡镇（街道办事处）出行难问题。'], []],
    ['为 before one clause is no list', ['购置2个配套压缩箱，为促进垃圾分类工作。'], []],
    ['a bare comma before one clause is no list', ['配套压缩箱2个，促进农村生活垃圾分类工作。'], []],
    ['a count in words before 一是…: a heading, not read', ['分为七个方面，一是教育管理；二是学前教育。'], []],
    ['romanization in brackets is no item', ['新建水庫13宗(kù)。'], []],
    ['a list that ends in 等 after the count', ['内设6个股室，分别是办公室、人事股、督导室等。'], []],
  ])('%s', (_name, lines, expected) => {
    expect(readRelations(sentenceCount, ...lines)).toEqual(expected);
  });

  it('judges the count against the items', () => {
    const [relation] = sentenceCount.extract({
      doc: { file: 't.txt', format: 'txt', lines: [{ line: 1, text: '直属事业单位10个，即县国库集中支付中心、县财政信息中心、县会计服务中心。' }], tables: [], warnings: [] },
      evaluation: null, scheme: null, year: null,
    });
    expect(relation).toMatchObject({ kind: 'count', confidence: 'certain', items: ['县国库集中支付中心', '县财政信息中心', '县会计服务中心'] });
  });
});

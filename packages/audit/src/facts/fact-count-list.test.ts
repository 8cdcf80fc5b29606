import { describe, expect, it } from 'vitest';
import { factCountList } from './fact-count-list.ts';
import { runOn } from './testing.ts';

const run = (text: string) => runOn(factCountList, text).map((f) => [f.location.line, f.stated, f.expected]);

describe('fact-count-list', () => {
  it.each([
    ['names after 分别是', '内设6个股室，分别是办公室、计划财务股、基础教育股、人事股、督导室、安全稳定股。'],
    ['the seed: 内设20个机构 … 内设股室分别是 twenty names', '内设20个机构，4个群团组织，下设13个二级机构及25个国土资源所。内设股室分别是办公室、人事宣教股、计财股、法规股、信访股、行政审批股、国土空间用途管制股、调查监测股、耕地保护监督股、所有者权益股、矿业权管理股、地质勘查和地质灾害管理股、确权登记股、测绘地理信息股、国土空间规划股、生态修复股、城乡开发利用股、工程规划股、建设规划设计股、执法监察股。'],
    ['the seed: 质量指标2个 … ①②', '二是质量指标2个均完成指标值。分别是：①高质量推进总体规划编制。与有关部门多次会商。②稳妥推进村庄规划编制。目前已完成。\n三是时效指标1个有扣分。'],
    ['items on their own lines', '设定数量指标3个，分别是：\n①居民健康档案建档；\n②高血压患者健康管理；\n③老年人健康管理。\n二、其他'],
    ['a list that ends in 等 is not all', '内设6个股室，分别是办公室、人事股、督导室等。'],
    ['a count of a part (其中) is not the list', '共6个股室，其中包括办公室、人事股。'],
    ['no announced list', '内设6个股室。办公室负责综合协调。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['the seed: 数量5个 … ①…⑥', '一是数量5个均完成指标值。分别是：①摸排化解10个楼盘；②办证800本；③绿色矿山4家；④拆违200处；⑤结案50件；⑥月清10宗。\n二是质量指标2个。', [[1, 5, 6]]],
    ['names after 分别是', '内设6个股室，分别是办公室、计划财务股、基础教育股、人事股、督导室、安全稳定股、法规股。', [[1, 6, 7]]],
    ['items on their own lines', '设定数量指标3个，分别是：\n①居民健康档案建档；\n②高血压患者健康管理；\n③老年人健康管理；\n④家庭医生签约。', [[1, 3, 4]]],
    ['一是…三是 after a count', '主要开展了两项工作：一是加强培训；二是完善制度；三是强化考核。', [[1, '两项', 3]]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

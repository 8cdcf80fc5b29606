import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOn } from '../facts/testing.ts';
import { blankBeforeYear, RESIDUE, templateResidue } from './template-residue.ts';

const run = (text: string) => runOn(templateResidue, text).map((f) => [f.location.line, f.severity]);

describe('template-residue', () => {
  it.each([
    ['ordinary text with brackets', '公用经费（一般商品服务支出）1,008.64万元，行政处罚罚没款464.6万元（已收缴罚没款140余万元）。'],
    ['a filled date and unit', '填报单位（盖章）：衡阳县自然资源局     填报时间：2023年2月20日'],
    ['template notes under the tables in the attachments', '附件1-2\n说明：1.分值设定100分。\n3.三级绩效指标按需自行增减行。个别不涉及的二级指标可自行删除。'],
    ['（一个项目一行） inside a table', '\t  1、业务工作专项(一个项目一行)\n\t9,970.25'],
    ['multiplication between figures', '面积2×3米，规格10×20厘米。'],
    ['a mirror\'s masks', '2024年度****部门整体支出绩效自评报告\n**县水务局、****财政局下达资金2263万元。'],
    ['check boxes, ticked or not', '评价类型:事前评价R 事中评价□ 事后评价□\n1、常年性 2、延续性□ 3、一次性□\n1、部门预算项目 □ 2、上级专项 þ\n中介机构评价□'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['XXX', '填报人：XXX', [[1, 'error']]],
    ['×××', '联系人：×××', [[1, 'error']]],
    ['某某', '某某单位2022年度部门整体支出绩效自评报告', [[1, 'error']]],
    ['【请填写】', '项目名称：【请填写项目名称】', [[1, 'error']]],
    ['an empty date', '报告日期：    年   月   日', [[1, 'error']]],
    ['boxes standing for characters', '20□□年度□□□局绩效自评报告', [[1, 'error'], [1, 'error']]],
    ['报告应包括以下附件 (seed)', '报告应包括以下附件：\n1.部门整体支出绩效基础数据表', [[1, 'warning']]],
    ['（一个项目一行） in the report body', '1、业务工作专项(一个项目一行)：完成项目12个。', [[1, 'warning']]],
    ['an instruction in brackets', '②（请简要说明绩效管理存在的其他问题）', [[1, 'warning']]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

describe('template-residue: the tests before the patterns', () => {
  it('passes every text a pattern matches (a text that fails is rightly not searched)', () => {
    const unit = fc.constantFrom('年', '月', '日', ' 年', '\u3000月', ' 日', ' ', '\u3000', '\t', '\u00a0', '\ufeff', '\n', '2', '０', '：', '期', '□', '□□', '■', 'a');
    const text = fc.oneof(fc.array(unit, { maxLength: 16 }).map((units) => units.join('')), fc.string({ maxLength: 12 }));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (const { re, mayMatch } of RESIDUE) {
          if (!mayMatch) continue;
          const matches = new RegExp(re.source, 'u').test(t);
          if (matches) {
            matched++;
            expect(mayMatch(t)).toBe(true);
          }
        }
      }),
      { numRuns: 5000 },
    );
    expect(matched).toBeGreaterThan(100);
  });

  it('finds the blank before 年 anywhere, the text\'s second unit included', () => {
    expect(blankBeforeYear(' 年 月 日')).toBe(true);
    expect(blankBeforeYear('年 月 日')).toBe(false);
    expect(blankBeforeYear('2023年2月 年')).toBe(true);
  });
});

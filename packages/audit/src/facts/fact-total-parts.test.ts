import { describe, expect, it } from 'vitest';
import { factTotalParts } from './fact-total-parts.ts';
import { runOn } from './testing.ts';

const run = (text: string) => runOn(factTotalParts, text).map((f) => [f.location.line, f.stated, f.expected]);

describe('fact-total-parts', () => {
  it.each([
    ['其中 parts that add up', '基本支出7,514.90万元，其中：人员经费6,506.26万元，公用经费1,008.64万元。'],
    ['其中 parts that leave something out', '支出预算17,485.15万元，其中基本支出7,514.90万元。'],
    ['三公经费 under 基本支出 is part of 公用经费, not a third part', '基本支出7,514.90万元，其中：人员经费6,506.26万元，公用经费1,008.64万元，三公经费73.63万元。'],
    ['rounding inside the written precision', '专项资金支出9,970.25万元，财政资金8,515.74万元，其他资金1,454.52万元。'],
    ['bracketed parts', '人员经费6,506.26万元（工资福利支出6,408.86万元，对个人和家庭的补助支出97.40万元）'],
    ['counts', '共定编716个，其中：行政编制26个，机关工勤编制2个，事业编制688个；实有在职人员644人，其中：行政人员29人，事业编615人。'],
    ['a composite name', '产出及效益指标总分为80分，得分78分。产出指标总分为50分，得分48分。效益指标总分30分，得分30分。'],
    ['三公经费 by its categories', '三公经费预算73.63万元，公务接待费预算62.11万元；公务用车运行维护费预算11.52万元；因公出国（境）费预算0万元。'],
    ['what was paid so far is no part of what was allocated', '统筹整合使用财政涉农资金107.13万元，其中项目管理费1.07万元，目前项目资金已拨付106.36万元。'],
    ['one figure in brackets is another measure, not a part', '机关现有干部职工128人（编制169人）。'],
    ['an approximate part says nothing', '罚没款464.6万元（已收缴罚没款140余万元，尚有500余万元未缴）'],
    ['one source among others is not a total', '一般公共预算拨款13,749.75万元，政府性基金拨款2,280.89万元，其他资金1,454.52万元。'],
    ['a list after 如下 that adds up', '项目支出100.00万元，具体情况如下：A项目40.00万元，B项目50.00万元，其他项目10.00万元。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['其中 parts above the total', '实有在职人员3,198人，其中：教师2,954人，行政后勤人员294人。', [[1, 3198, 3248]]],
    ['a complete breakdown (其他) that does not add up', '收入预算17,485.15万元，财政拨款16,030.63万元，其他收入1,404.52万元。', [[1, 17485.15, 17435.15]]],
    ['a composite name (产出及效益 = 产出 + 效益)', '⒉产出及效益指标总分为80分，得分77分。\n⑴产出指标总分为50分，得分48分。\n效益指标总分30分，得分30分。', [[1, 77, 78]]],
    ['三公经费 by its categories (seed)', '2022年三公经费预算为73.63万元，公务接待费预算60.11万元，实际使用40.11万元；公务用车运行维护费预算11.52万元，实际使用11.52万元；因公出国（境）费预算0万元，使用0万元。', [[1, 73.63, 71.63]]],
    ['bracketed parts above the figure', '人员经费6,506.26万元（工资福利支出6,508.86万元，对个人和家庭的补助支出97.40万元）', [[1, 6506.26, 6606.26]]],
    ['a 如下 list with 其他 that does not add up', '项目支出100.00万元。具体情况如下：A项目40.00万元，B项目50.00万元，其他项目20.00万元。', [[1, 100, 110]]],
  ])('invalid: %s', (_, text, expected) => {
    expect(run(text)).toEqual(expected);
  });
});

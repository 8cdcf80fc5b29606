import { describe, expect, it } from 'vitest';
import { extractFromText } from './grid-testing.ts';
import { headingScores } from './heading-scores.ts';

const run = (text: string) => extractFromText(headingScores, text);

describe('heading-scores', () => {
  it('sums the scores of the headings under each scored heading, by the levels of their numbering', async () => {
    const text = [
      '二、预算执行情况(自评得分10分)',
      '预算执行率为100%。',
      '三、绩效指标完成情况(自评得分88分)',
      '(一)产出指标(自评得分48分)',
      '1.数量指标(自评得分20分):完成改造30座。',
      '2.质量指标(自评得分18分):验收合格率为95%。',
      '3.时效指标(自评得分10分):按期完成。',
      '(二)效益指标(自评得分40分)',
      '4.社会效益指标(自评得分30分):群众满意。',
      '四、存在的问题',
    ].join('\n');
    expect(await run(text)).toEqual([
      'score-sum certain 88分@3 = 48分@4 + 40分@8',
      'score-sum certain 48分@4 = 20分@5 + 18分@6 + 10分@7',
      'score-sum certain 40分@8 = 30分@9',
    ]);
  });

  it('leaves a heading unchecked when a heading under it has no score, is of another kind, or its section may go on', async () => {
    const text = [
      '一、决策情况(自评得分20分)',
      '1.项目立项(自评得分10分)',
      '2.绩效目标',
      '二、过程情况(分值20分)',
      '1.资金管理(自评得分12分)',
      '2.组织实施(自评得分8分)',
      '三、产出情况(自评得分30分)',
      '1.数量(自评得分20分)',
    ].join('\n');
    expect(await run(text)).toEqual([]);
  });

  it('reads no heading in a list of a paragraph, nor a bracket that is not the heading\'s points', async () => {
    const text = [
      '一、项目概况(自评得分10分)',
      '1.项目于2022年3月开工(投资10分之一),',
      '二、其他',
    ].join('\n');
    expect(await run(text)).toEqual([]);
  });
});

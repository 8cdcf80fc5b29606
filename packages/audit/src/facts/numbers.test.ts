import { dec, format, parseDec } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decOfDigits, scanFigures } from './numbers.ts';

const figures = (text: string) =>
  scanFigures(text).figures.map((f) => ({
    value: format(f.value), unit: f.unit, kind: f.kind,
    ...(f.comparison ? { comparison: f.comparison } : {}),
    ...(f.approximate ? { approximate: true } : {}),
    ...(f.upper ? { upper: format(f.upper) } : {}),
  }));

describe('scanFigures', () => {
  it.each([
    ['人员经费6,506.26万元', [{ value: '6,506.26', unit: '万元', kind: 'amount' }]],
    ['实有在职人员644人', [{ value: '644', unit: '人', kind: 'count' }]],
    ['结案率93.75%', [{ value: '93.75', unit: '%', kind: 'rate' }]],
    ['发放证书6.45万本', [{ value: '6.45', unit: '万本', kind: 'count' }]],
    ['拆除违法违章建筑物53243平方米', [{ value: '53,243', unit: '平方米', kind: 'other' }]],
    ['修复废弃矿山面积9.388公顷', [{ value: '9.388', unit: '公顷', kind: 'other' }]],
    ['产出指标总分为50分，得分48分', [{ value: '50', unit: '分', kind: 'score' }, { value: '48', unit: '分', kind: 'score' }]],
    ['满意度≥90%', [{ value: '90', unit: '%', kind: 'rate', comparison: '≥' }]],
    ['满意度90%以上', [{ value: '90', unit: '%', kind: 'rate', comparison: '≥' }]],
    ['已收缴罚没款140余万元', [{ value: '140', unit: '万元', kind: 'amount', approximate: true }]],
    ['约300元', [{ value: '0.0300', unit: '万元', kind: 'amount', approximate: true }]],
    ['19-29批次', [{ value: '19', unit: '批次', kind: 'count', upper: '29' }]],
    ['完成80～90公里', [{ value: '80', unit: '公里', kind: 'other', upper: '90' }]],
    ['预计四家基本完成建设', [{ value: '4', unit: '家', kind: 'count' }]],
    ['比上年提高1.5个百分点', [{ value: '1.5', unit: '个百分点', kind: 'rate' }]],
    ['未来15年', [{ value: '15', unit: '年', kind: 'other' }]],
    ['招聘2000人', [{ value: '2,000', unit: '人', kind: 'count' }]],
    ['争取资金2100万元', [{ value: '2,100', unit: '万元', kind: 'amount' }]],
    ['全角数字１２．５万元', [{ value: '12.5', unit: '万元', kind: 'amount' }]],
  ])('%s', (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });

  it.each([
    ['2022年'], ['2022年度部门整体支出'], ['2023年2月10日前'], ['于4月、8月、11月'], ['5·12防灾减灾日'], ['开展了1：10000地质灾害调查'],
    ['蒸阳西路22号'], ['（2019网挂177号地）'], ['附件1-1'], ['第3批'], ['①摸排⑴产出⒈部门'], ['1.基本支出情况'], ['近成万册'],
    ['2023基本完成'], ['5分钟'], ['高新区分局'], ['G107国道'],
  ])('%s has no figure', (text) => {
    expect(figures(text)).toEqual([]);
  });

  it('keeps years apart for the year checks', () => {
    expect(scanFigures('2022年部门整体支出，2023年2月10日前完成').years.map((y) => y.year)).toEqual([2022, 2023]);
  });

  it('normalises 元 and 亿元 to 万元 exactly, keeping how coarse 亿 was', () => {
    const [yuan] = scanFigures('支出1,234.56元').figures;
    expect(yuan?.value).toEqual(dec(123456, 6));
    const [yi] = scanFigures('投资1.2亿元').figures;
    expect(yi?.value).toEqual(dec(12000, 0));
    expect(yi?.tolerance).toEqual(dec(500, 0));
  });

  it('reads any amount in 元 as the same amount in 万元 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), (cents) => {
        const written = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
        const [f] = scanFigures(`金额${written}元`).figures;
        return f !== undefined && f.unit === '万元' && f.value.units === cents && f.value.scale === 6;
      }),
    );
  });

  it('never takes a year followed by 年 for a figure (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2100 }), (year) => scanFigures(`${year}年完成`).figures.length === 0),
    );
  });

  it('decOfDigits = parseDec on what the scan matches', () => {
    const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/gu;
    const alphabet = fc.constantFrom(...'0123456789,.'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
        for (const m of text.matchAll(NUMBER)) expect(decOfDigits(m[1] ?? '', m[2])).toEqual(parseDec(m[0]));
      }),
      { numRuns: 2000 },
    );
  });

  it('a number after 第, 附件, 表, 编号 … (blanks between) is no figure; after other words it is', () => {
    const words = fc.constantFrom('第', '附件', '附表', '表', '图', '编号', '号码', '电话', '代码', '件', '号', '码', '话', '甲', ' ', '\u3000', '为');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 4 }).map((ws) => ws.join('')), (before) => {
        const named = /第\s*$/u.test(before) || /(?:附件|附表|表|图|编号|号码|电话|代码)\s*$/u.test(before);
        expect(scanFigures(`${before}12个`).figures.some((f) => f.unit === '个' && f.value.units === 12)).toBe(!named);
      }),
      { numRuns: 1000 },
    );
  });
});


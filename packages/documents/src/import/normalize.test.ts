import { isPlaceholder } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplified, toTraditionalForm, traditionalCount } from './hanzi.ts';
import { isJunkLine } from './junk.ts';
import { cleanValue, findDate, halfWidth, isBlankText, isBlankValue, isPlainLabel, isSpaceCode, label, stripMarker } from './normalize.ts';
import { compact, readAmount, readCount, readRate, shiftDecimal, splitRunTogether, unitIn } from './numbers.ts';
import { MARKERS, markerOf, signatureIn } from './outline.ts';
import { runsUpTo } from './rows.ts';

describe('written numbers', () => {
  it.each([
    ['17,485.15', '17,485.15'],
    ['　1,454.52', '1,454.52'],
    ['１７，４８５．１５', '17,485.15'],
    ['17,485.15万元', '17,485.15'],
    ['￥386.88', '386.88'],
    ['-33.16', '-33.16'],
  ])('amount %s → %s', (text, value) => {
    expect(readAmount(text)).toEqual({ kind: 'number', value });
  });

  it('converts 元 and 亿元 to 万元 exactly by moving the decimal point, and says so', () => {
    expect(readAmount('3,868,800.00元')).toEqual({ kind: 'number', value: '386.880000', converted: '3,868,800.00元' });
    expect(readAmount('1.75', '万元', '亿元')).toEqual({ kind: 'number', value: '17500', converted: '1.75亿元' });
    expect(readAmount('386.88', '元', '万元')).toEqual({ kind: 'number', value: '3868800', converted: '386.88万元' });
    expect(unitIn('部门资金（万元）')).toBe('万元');
    expect(unitIn('金额单位：元')).toBe('元');
    expect(unitIn('部门资金')).toBeNull();
  });

  it('shifting the decimal point there and back gives the same value', () => {
    const canonical = (t: string) => {
      const negative = t.startsWith('-');
      const [w = '', f = ''] = t.replace(/^-/u, '').replace(/,/gu, '').split('.');
      const whole = w.replace(/^0+/u, '') || '0';
      const frac = f.replace(/0+$/u, '');
      const body = frac ? `${whole}.${frac}` : whole;
      return negative && body !== '0' ? `-${body}` : body;
    };
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -8, max: 8 }), (units, scale, exponent) => {
        const abs = Math.abs(units);
        const written = `${units < 0 ? '-' : ''}${scale === 0 ? abs : `${Math.floor(abs / 10 ** scale).toLocaleString('en-US')}.${String(abs % 10 ** scale).padStart(scale, '0')}`}`;
        expect(canonical(shiftDecimal(shiftDecimal(written, exponent), -exponent))).toBe(canonical(written));
        expect(shiftDecimal('386.88', 4)).toBe('3868800');
        expect(shiftDecimal('3,868,800.00', -4)).toBe('386.880000');
      }),
    );
  });

  it('placeholders are blank, words are not numbers', () => {
    for (const t of ['', '　', '—', '/', '……', '-', '无']) expect(readAmount(t)).toEqual({ kind: 'blank' });
    expect(readAmount('基本到位')).toEqual({ kind: 'invalid', text: '基本到位' });
    expect(readRate('87.15%　')).toEqual({ kind: 'number', value: '87.15%' });
    expect(readCount('716人')).toEqual({ kind: 'number', value: '716' });
    expect(readCount('5分')).toEqual({ kind: 'number', value: '5' });
  });

  it('splits run-together columns only where the boundary is certain', () => {
    expect(splitRunTogether('17,485.1517,485.15')).toEqual({ pieces: ['17,485.15', '17,485.15'], rest: null });
    expect(splitRunTogether('7,514.905,947.806,468.11')).toEqual({ pieces: ['7,514.90', '5,947.80', '6,468.11'], rest: null });
    expect(splitRunTogether('9,970.2584.11%')).toEqual({ pieces: ['9,970.25', '84.11%'], rest: null });
    expect(splitRunTogether('100%1010')).toEqual({ pieces: ['100%'], rest: '1010' });
    // one number stays one number, even when it could hide two
    expect(splitRunTogether('10085')).toEqual({ pieces: ['10085'], rest: null });
    expect(splitRunTogether('9.388')).toEqual({ pieces: ['9.388'], rest: null });
    expect(splitRunTogether('拆违控建')).toEqual({ pieces: ['拆违控建'], rest: null });
  });

  it('split pieces always rebuild the token (nothing added, nothing lost)', () => {
    const amount = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([w, f]) => `${w.toLocaleString('en-US')}.${String(f).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(amount, fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`)), { minLength: 1, maxLength: 5 }), fc.option(fc.integer({ min: 0, max: 9999 }).map(String)), (parts, tail) => {
        const token = parts.join('') + (tail ?? '');
        const { pieces, rest } = splitRunTogether(token);
        expect(pieces.join('') + (rest ?? '')).toBe(token);
        // a token that is itself one number (100.0010) may hide two: it is left whole, never split by guess
        const single = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/u.test(token);
        if (!single) {
          expect(pieces).toEqual(parts);
          expect(rest).toBe(tail);
        }
      }),
    );
  });
});

describe('text normalisation', () => {
  it('labels: simplified, half-width, without blanks', () => {
    expect(label('產出\n\n指標\n\n（50分）')).toBe('产出指标(50分)');
    expect(label('总  分')).toBe('总分');
    expect(label('ＡＢ　１２')).toBe('AB12');
  });

  it('values keep their wording, lose blank lines and surrounding blanks', () => {
    expect(cleanValue('　1、注重空间规划\n\n2、较好服务　\n')).toBe('1、注重空间规划\n2、较好服务');
    expect(cleanValue('1.　高位推进')).toBe('1.　高位推进');
  });

  it('traditional characters round-trip through the table for the domain’s words', () => {
    const words = '部门整体支出绩效自评表 填报单位（盖章） 产出指标 数量指标 质量指标 时效指标 成本指标 效益指标 满意度指标 综合评定等级 总分 得分 分值 年度指标值 实际完成值 偏差原因分析及改进措施 基础数据表 财政供养人员情况 经费控制情况 当年决算数 公务接待 政府采购金额 厉行节约保障措施 填表人 联系电话 单位负责人签字 优秀 良好 较差';
    const traditional = toTraditionalForm(words);
    expect(traditional).toContain('部門整體支出績效自評表');
    expect(traditionalCount(traditional)).toBeGreaterThan(40);
    expect(toSimplified(traditional)).toBe(words);
  });

  it('list markers and dates', () => {
    expect(stripMarker('（十八）承办县人民政府交办的其他事项。')).toBe('承办县人民政府交办的其他事项。');
    expect(stripMarker('1.5万元')).toBe('1.5万元');
    expect(markerOf('⑴产出指标')).toEqual({ level: 4, marker: '⑴', rest: '产出指标' });
    expect(markerOf('2022年')).toBeNull();
    expect(findDate('填报时间：2023年2月20日')?.normalized).toBe('2023年2月20日');
    expect(findDate('二〇二三年二月二十日')?.normalized).toBe('2023年2月20日');
    expect(findDate('2023 年 2 月 20 日')?.normalized).toBe('2023年2月20日');
    expect(findDate('2023年13月40日')).toBeNull();
    expect(isBlankValue('……')).toBe(true);
  });

  it('the sign-off: the unit on one line, the date alone on the next', () => {
    const lines = ['八、改进措施', '加强管理。', '衡阳县自然资源局', '', '2023年2月20日'].map((text, i) => ({ line: i + 1, text }));
    expect(signatureIn(lines)).toMatchObject({ unit: '衡阳县自然资源局', date: '2023年2月20日' });
    expect(signatureIn(lines.slice(0, 2))).toBeNull();
  });
});

describe('web-page junk', () => {
  it.each([
    '首页 > 政务公开 > 财政资金 > 部门整体支出绩效自评',
    '来源：衡阳县自然资源局    发布时间：2023-03-08 10:21    浏览次数：1024',
    '【字体：大 中 小】  打印本页  关闭窗口',
    '分享到： 微信 微博 QQ空间',
    '【打印本页】【关闭窗口】',
    '网站标识码：4304210001  湘ICP备05001234号',
    '【大】【中】【小】',
    '政务公开 » 财政资金 › 绩效评价',
    '政务公开＞财政资金＞绩效评价',
    '信息公开>预决算公开>部门整体',
    '上传人:王** 文档编号:292440 上传时间:2023-04-28 格式:DOCX 页数:15 大小:49.51KB',
    '下载 相关 举报',
    '第2页 / 共15页',
    '部门整体支出绩效自评表(4).docx_第9页',
    '- 3 -',
    '亲,该文档总共15页,到这儿已超出免费预览范围,如果喜欢就下载吧!',
    '《部门整体支出绩效自评表(4).docx》由会员分享,可在线阅读',
  ])('%s', (line) => {
    expect(isJunkLine(line)).toBe(true);
  });

  it.each([
    '衡阳县自然资源局2022年度部门整体支出绩效自评报告',
    '一、部门基本情况',
    '2022年三公经费预算为73.63万元，公务接待费预算60.11万元。',
    '填报单位：衡阳县自然资源局',
    '第2页',
    '10/10',
    '附件：部门整体支出绩效自评表.docx',
  ])('not junk: %s', (line) => {
    expect(isJunkLine(line)).toBe(false);
  });
});

describe('fast paths give the same text as the regular expressions they stand in for', () => {
  it('isSpaceCode is \\s', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(`U+${c.toString(16)}`);
    expect(differ).toEqual([]);
  });

  const pieces = ['部門', '绩效', '　', ' ', '\t', '\n', '\u200b', '\ufeff', '\u00ad', '１２', 'Ａ', '（', '：', '12', '—', '\u00a0', '\u2003', '經費', '表'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

  it('label, cleanValue, halfWidth and toSimplified as their regex forms', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(label(s)).toBe(halfWidth(toSimplified(s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, ''))).replace(/[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu, ''));
        expect(halfWidth(s)).toBe(s.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
        const needs = /[\n\u200b-\u200d\u2060\ufeff\u00ad]|^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/u.test(s);
        if (!needs) expect(cleanValue(s)).toBe(s);
        else expect(cleanValue(s)).toBe(cleanValue(`${s}\n`));
        expect(toSimplified(s)).toBe(s.replace(/[部門經費]/gu, (c) => ({ 部: '部', 門: '门', 經: '经', 費: '费' })[c] ?? c));
      }),
      { numRuns: 500 },
    );
  });
});

describe('label in one pass', () => {
  // any UTF-16 units, weighted towards those label changes: blanks, zero-width, full-width, traditional
  const special = fc.constantFrom('門', '經', '費', '體', '績', '　', ' ', '\u00a0', '\u2003', '\u200b', '\ufeff', '\u00ad', '\n', '（', '：', '１', 'Ａ', '～', '！');
  const texts = fc.array(fc.oneof(special, fc.string({ unit: 'binary', maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 16 }).map((p) => p.join(''));
  const slowLabel = (s: string) =>
    s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, '').replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu, '');
  it('is zero-width removed, simplified, half-width and blanks removed, as regular expressions', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(label(s)).toBe(slowLabel(toSimplified(s)));
        expect(halfWidth(s)).toBe(s.replace(/[\uff01-\uff5e]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
      }),
      { numRuns: 2000 },
    );
  });
  it('is the same for a text and the text trimmed (the junk test labels lines untrimmed)', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(label(s.trim())).toBe(label(s));
      }),
      { numRuns: 1000 },
    );
  });
  it('words counted without splitting are the words split at blanks', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 5 }), (s, max) => {
        const words = s.trim() === '' ? 0 : s.trim().split(/[\s\u3000\u00a0]+/u).length;
        expect(runsUpTo(s, max)).toBe(Math.min(max, words));
      }),
      { numRuns: 2000 },
    );
  });
  it('makes no 元 or 填 of another character (unitIn and parseSignOff refuse texts without them before simplifying)', () => {
    const made: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (ch !== '元' && ch !== '填' && /[元填]/u.test(toSimplified(ch))) made.push(ch);
    }
    expect(made).toEqual([]);
  });
  it('compact leaves the texts label leaves (its quick path) and is the regular expressions otherwise', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(compact(s)).toBe(halfWidth(toSimplified(s)).replace(/[\s\u3000\u00a0]+/gu, '').replace(/，/gu, ','));
        if (isPlainLabel(s)) expect(label(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
  it('changes every unit as the regular expressions do', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `甲${String.fromCharCode(c)}乙`;
      if (label(s) !== slowLabel(toSimplified(s))) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });
});

describe('outline fast paths', () => {
  // the patterns themselves, without the first-character refusal
  const slowMarker = (text: string) => {
    const t = text.replace(/^[\s\u3000\u00a0]+/u, '');
    for (const [re, level] of MARKERS) {
      const m = re.exec(t);
      if (m?.[1]) return { level, marker: m[1], rest: t.slice(m[1].length).trim() };
    }
    return null;
  };
  const pieces = ['一、', '十二.', '（三）', '(4)', '12.', '3、', '1.5', '⒈', '⑴', '①', '⑳', '⒛', ' ', '　', '\u00a0', '\u200b', '部门', '年', '2023', '（', '十', 'x'];
  const texts = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 6 }).map((p) => p.join(''));

  it('markerOf refuses by the first character exactly where the patterns find no marker', () => {
    fc.assert(
      fc.property(texts, (s) => {
        expect(markerOf(s)).toEqual(slowMarker(s));
      }),
      { numRuns: 5000 },
    );
    for (let c = 0; c < 0x10000; c++) {
      const s = `${String.fromCharCode(c)}1、`;
      expect(markerOf(s)).toEqual(slowMarker(s));
    }
  });

  it('signatureIn looks for the date only on lines short enough to hold a date alone', () => {
    const slowSignature = (lines: readonly { line: number; text: string }[]) => {
      for (let i = lines.length - 1; i >= 0; i--) {
        const dateLine = lines[i];
        if (!dateLine) continue;
        const date = findDate(dateLine.text);
        if (!date) continue;
        const rest = halfWidth(toSimplified(cleanValue(dateLine.text))).replace(date.written, '').replace(/[（(]?盖章[)）]?/u, '').trim();
        if (rest !== '') continue;
        let j = i - 1;
        while (j >= 0 && cleanValue(lines[j]?.text ?? '') === '') j--;
        const unitLine = lines[j];
        if (unitLine && cleanValue(unitLine.text).length >= 3 && /局$/u.test(cleanValue(unitLine.text))) return { unit: cleanValue(unitLine.text), date: date.normalized };
      }
      return null;
    };
    const date = fc.oneof(
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('年', '-', '/', '.'), fc.constantFrom('', ' ', '  '))
        .map(([y, m, d, sep, sp]) => `${y}${sp}${sep}${sp}${String(m).padStart(2, '0')}${sp}${sep === '年' ? '月' : sep}${sp}${String(d).padStart(2, '0')}${sep === '年' ? '日' : ''}`),
      fc.constantFrom('二〇二三年十二月三十一日', '二〇二三年二月二十日', '２０２３年２月２０日', '2023年2月20日'),
    );
    const line = fc.oneof(
      date,
      date.map((d) => `（盖章）${d}`),
      date.map((d) => `${d}（盖章）`),
      date.map((d) => `\u3000\u3000${d}\u200b　 `),
      date.map((d) => `填报日期：${d}`),
      fc.constantFrom('衡阳县自然资源局', '', '　', '加强管理。', '盖章'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), (texts) => {
        const lines = texts.map((text, i) => ({ line: i + 1, text }));
        const fast = signatureIn(lines);
        const slow = slowSignature(lines);
        expect(fast === null ? null : { unit: fast.unit, date: fast.date }).toEqual(slow);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('isBlankValue', () => {
  const pieces = ['甲', '1', ' ', '　', '\t', '\u00a0', '\n', '\u200b', '\ufeff', '\u00ad', '-', '—', '–', '－', '―', '/', '／', '\\', '…', '．', '.', '·',
    '无', '空', '略', '暂', '暂无', '不', '不适用', '拨款', 'x'];
  const texts = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 8 }).map((p) => p.join(''));
  it('is the regular expressions on the cleaned text (its quick refusal by the first character is exact)', () => {
    const slow = (s: string) => {
      const t = cleanValue(s);
      return t === '' || isPlaceholder(t) || /^[…．.·\-—－/／\\]+$/u.test(t.replace(/[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu, '')) ||
        /^(?:无|空|略|暂无|不适用|\/|—)$/u.test(t);
    };
    fc.assert(
      fc.property(texts, (s) => {
        expect(isBlankValue(s)).toBe(slow(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('cleanValue', () => {
  const pieces = ['甲', ' ', '　', '\t', '\u00a0', '\u2003', '\n', '\u200b', '\ufeff', 'b', '\r'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
  it('is the line-by-line cleaning it stands in for', () => {
    const slow = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/gu, '').split('\n')
      .map((l) => l.replace(/[\s\u3000\u00a0]+$/u, '')).filter((l) => l.replace(/[\s\u3000\u00a0\u2000-\u200a\u202f\u205f]+/gu, '') !== '')
      .join('\n').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '');
    fc.assert(
      fc.property(texts, (s) => {
        expect(cleanValue(s)).toBe(slow(s));
        expect(isBlankText(s)).toBe(slow(s) === '');
        // longer texts go through the memo: the same cleaning
        const long = `${s}${'甲'.repeat(40)}${s}`;
        expect(cleanValue(long)).toBe(slow(long));
        expect(cleanValue(long)).toBe(slow(long));
      }),
      { numRuns: 1000 },
    );
  });
});

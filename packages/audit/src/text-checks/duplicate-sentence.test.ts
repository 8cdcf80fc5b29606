import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildContext } from '../facts/audit.ts';
import { lineOf, normalizeForCompare } from '../facts/text.ts';
import { documentOf, runOn } from '../facts/testing.ts';
import type { TextContext, TextReport } from '../facts/types.ts';
import {
  clausesOf, conclusionSections, duplicateSentence, isAbstractOf, isFundsStatement, LETTER_END, isRunTogetherTable, isSpacedRow, keptHash, MIN_ACROSS_SECTIONS, MIN_RUN, MIN_SENTENCE, MIN_WORDS,
} from './duplicate-sentence.ts';

const run = (text: string) => runOn(duplicateSentence, text).map((f) => f.location.line);

describe('duplicate-sentence', () => {
  it.each([
    ['different sentences', '加强预算绩效管理，提高资金使用效益。规范资金管理，确保资金安全。'],
    ['short repeated sentences (headings, 无)', '四、国有资本经营预算支出情况\n无。\n五、社会保险基金预算支出情况\n无。'],
    ['repeated text in the attachments (tables and notes repeat the report)', '七、存在的主要问题\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。\n附件1-2\n对于绩效评价的认识不够深入，把预算绩效简单等同于工作目标。'],
    ['a short repeat in another section', '一、情况\n完成了年度目标任务。\n二、问题\n完成了年度目标任务。'],
    ['similar but not equal clauses', '开展了地质灾害调查，编制了防治方案，开展了地质灾害排危除险工作。'],
    // 湖北 鄂州市财政局 2019: two 自评表 as text, cells set apart by blanks, each with the same caption row
    ['the caption row of each of two tables flattened with blanks', '项目支出绩效自评表\n项目名称 购买第三方服务\n项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分\n\n项目支出绩效自评表\n项目名称 财政政务管理\n项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分'],
    // 四川 中江县水利局 2022: the table run together; the 完成情况 cell repeats the end of the 目标 cell
    ['a 自评表 run together into one sentence (cell boundaries lost)', '资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:202010100.00%10年度总体目标年初设定目标年度总体目标完成情况综述对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,对项目区农业用水计量,为项目区农业生产夯实基础,绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分'],
    // 云南 昌宁县第一示范小学 2023: 自评结论 and 佐证材料 both give the funds, as the template asks
    ['a statement of the funds in the conclusion and again in the section on funds', '一、自评结论\n2023年度我校教育专项工作经费项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。\n二、佐证材料\n2023年度我校教育专项工作经费项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。'],
    ['a page that repeats its title', '成安县民政局2020年度预算项目绩效自评表\n\n发布日期: 2021.07.14\n成安县民政局2020年度预算项目绩效自评表\n一、基本情况 项目名称: 高龄津贴'],
    ['an attachment\'s file name written twice', '附件2:某区农林水务局2022年度项目支出部门评价报告和绩效自评表(共15个).pdf\n正文。\n附件2:某区农林水务局2022年度项目支出部门评价报告和绩效自评表(共15个).pdf'],
    ['a target and its achievement alike in a | row', '目标1:继续为0-6岁适龄儿童常规接种。 | 目标1:继续为0-6岁适龄儿童常规接种。 | ||'],
    ['a ledger\'s rows written with |', '30226 勞務費 |50,000.00 |2020年01月記賬 9 |\n30226 勞務費 |50,000.00 |2020年01月記賬 9 |'],
    ['a ledger one cell per line, each closed by |', '||||\n30226 勞務費支出記賬憑證第九號 |\n50,000.00 |\n||||\n30226 勞務費支出記賬憑證第九號 |\n50,000.00 |'],
    ['the set wording of two notices quoted one after another', '城管委:\n现下达你单位资金3400万元。\n请你单位及时将本次资金支付到最终收款方,并建立实名台账,确保精准下达。\n特此通知。\n2020年7月22日\n城管委:\n现收回你单位资金500万元。\n请你单位及时将本次资金支付到最终收款方,并建立实名台账,确保精准下达。\n特此通知。'],
    ['a page\'s abstract above the text it abstracts', '扶贫资金绩效自评报告 一、目标下达情况 年度资金40.83万元,本年度财政拨款40.83万元,执行率100%。\n扶贫资金绩效自评报告\n一、目标下达情况\n年度资金40.83万元,本年度财政拨款40.83万元,执行率100%。'],
    ['a summary said again to give its breakdown', '文件下达资金2263万元。文件下达乡村衔接资金791万元。\n文件下达乡村衔接资金791万元。其中:河流治理491万元,小流域治理300万元。'],
  ])('valid: %s', (_, text) => {
    expect(run(text)).toEqual([]);
  });

  it.each([
    ['clauses repeated inside one sentence (seed)', '地质灾害防治扎实有效。开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》，开展了1：10000地质灾害调查和风险评价，编制了《衡阳县2022年度地质灾害防治方案》。', [1]],
    ['a sentence written twice', '一、情况\n通过发放问卷开展满意度调查，共发放问卷1,200份。\n家长满意度96.50%。通过发放问卷开展满意度调查，共发放问卷1,200份。', [3]],
    ['a long sentence repeated in another section', '一、情况\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。\n二、管理\n我局严格执行财务管理制度和内部控制制度，所有开支均经集体研究审批后支出。', [4]],
    ['a statement of the funds repeated within one section', '一、自评结论\n项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。\n项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。', [3]],
    ['a statement of the funds repeated between two sections of the body (no conclusion)', '二、预算执行情况\n2022年本单位政府性基金预算收入2,280.89万元，本年支出2,280.89万元。\n三、政府性基金预算支出情况\n2022年本单位政府性基金预算收入2,280.89万元，本年支出2,280.89万元。', [4]],
    ['narrative with counts repeated in another section (not a statement of the funds)', '一、情况\n全年摸排化解房地产历史遗留办证共13个楼盘，办理不动产登记证1008本，维护了群众的利益。\n二、成效\n全年摸排化解房地产历史遗留办证共13个楼盘，办理不动产登记证1008本，维护了群众的利益。', [4]],
    ['a paragraph pasted twice below the first line (no abstract)', '一、情况\n完成道路硬化三十公里，惠及群众两万余人。新建桥梁两座，方便沿线群众出行往来。\n完成道路硬化三十公里，惠及群众两万余人。\n新建桥梁两座，方便沿线群众出行往来。', [3, 4]],
    ['a sentence repeated within one notice', '城管委:\n请你单位及时将本次资金支付到最终收款方,并建立实名台账,确保精准下达。\n请你单位及时将本次资金支付到最终收款方,并建立实名台账,确保精准下达。\n特此通知。', [3]],
    ['the first line written again and again (a line repeated is no abstract of the lines after it)', '预算执行率为100%，项目资金1万元。\n预算执行率为100%，项目资金1万元。\n预算执行率为100%，项目资金1万元。', [2, 3]],
    ['a sentence with blanks but with punctuation is prose', '一、情况\n我局实有编制数 63 人，2021 年末在职人数 57 人、离 退休人数 94 人。\n我局实有编制数 63 人，2021 年末在职人数 57 人、离 退休人数 94 人。', [3]],
  ])('invalid: %s', (_, text, lines) => {
    expect(run(text)).toEqual(lines);
  });

  it.each([
    ['项目资金   年初预算数 全年预算数 全年执行数 分值 执行率 得分', true],
    ['  产出指标 数量指标 服务对象人数 100人次 100人次 15 15', true],
    ['我局实有编制数 63 人，2021 年末在职人数 57 人', false],
    ['项目名称 购买第三方服务', false],
  ])('a row of cells set apart by blanks: %s → %s', (text, expected) => {
    expect(isSpacedRow(text)).toBe(expected);
  });

  it('the conclusion part is found by its title', () => {
    const blocks = [
      { text: '一、自评结论', section: 0 },
      { text: '二、佐证材料', section: 1 },
      { text: '五、评价结论及建议', section: 4 },
      { text: '根据评价结论，我局将加强管理。', section: 4 },
    ] as unknown as Parameters<typeof conclusionSections>[0];
    expect([...conclusionSections(blocks)]).toEqual([0, 4]);
  });

  it.each([
    ['绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分', true],
    ['产出指标包括数量指标、质量指标，一级指标3个，二级指标9个。', false],
  ])('a 自评表 run together: %s → %s', (text, expected) => {
    expect(isRunTogetherTable(text)).toBe(expected);
  });

  it.each([
    ['2023年度我校项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。', true],
    ['项目资金共2179万元,已完成拨付2113.63万元,执行率97%。', true],
    ['全年摸排化解办证共13个楼盘，办理不动产登记证1008本。', false],
    ['全年支出1,000.00万元，严格执行财务管理制度和内部控制制度。', false],
    ['预算执行率100%。', false],
  ])('a statement of the funds: %s → %s', (text, expected) => {
    expect(isFundsStatement(text)).toBe(expected);
  });
});

/** The check as first written: every clause and sentence normalised, one map by normalised sentence. */
function plainRun(context: TextContext): TextReport[] {
  const out: TextReport[] = [];
  const shorten = (t: string, n = 40): string => (t.length > n ? `${t.slice(0, n)}…` : t);
  const words = (t: string): number => [...t].filter((c) => /[\u3400-\u9fff]/u.test(c)).length;
  const seen = new Map<string, { line: number; section: number }>();
  for (const block of context.blocks) {
    if (block.inAttachments || block.isHeading) continue;
    for (const [start, end] of block.sentences) {
      const raw = block.text.slice(start, end);
      const line = lineOf(block, start);
      const clauses = raw.split(/[，,；;]/u).map((c) => ({ raw: c, norm: normalizeForCompare(c) }));
      let runReported = false;
      for (let size = Math.floor(clauses.length / 2); size >= 1 && !runReported; size--) {
        for (let i = 0; i + 2 * size <= clauses.length; i++) {
          const a = clauses.slice(i, i + size);
          const b = clauses.slice(i + size, i + 2 * size);
          const text = a.map((c) => c.norm).join('');
          if (text.length < MIN_RUN || text !== b.map((c) => c.norm).join('') || words(text) < MIN_WORDS) continue;
          const offset = start + raw.indexOf(b[0]?.raw ?? '');
          out.push({ messageId: 'run', data: { line: lineOf(block, offset), text: shorten(a.map((c) => c.raw.trim()).join('，')) }, line: lineOf(block, offset), excerpt: shorten(raw, 80) });
          runReported = true;
          break;
        }
      }
      const norm = normalizeForCompare(raw);
      if (norm.length < MIN_SENTENCE || words(norm) < MIN_WORDS) continue;
      const first = seen.get(norm);
      if (!first) {
        seen.set(norm, { line, section: block.section });
        continue;
      }
      if (first.section !== block.section && norm.length < MIN_ACROSS_SECTIONS) continue;
      if (context.lines.some((l) => l.line > first.line && l.line < line && LETTER_END.test(l.text)) || isAbstractOf(context.lines, first.line)) continue;
      out.push({
        messageId: first.line === line ? 'sentenceSameLine' : 'sentence',
        data: { line, firstLine: first.line, text: shorten(raw.trim()) },
        line,
        excerpt: shorten(raw.trim(), 80),
        related: [{ path: 'text', line: first.line }],
      });
    }
  }
  return out;
}

describe('duplicate-sentence: clauses and their normal form', () => {
  // separators, list markers of every style, full-width digits, blanks and dropped punctuation, text
  const unit = fc.constantFrom(
    '，', ',', '；', ';', '。', '、', '.', '．', '1', '2', '１', '０', '％', '一', '二', '十', '是', '（', '）', '(', ')', '①', '⑴', '⒈',
    ' ', '\u3000', '\t', '“', '”', '《', '》', '：', '-', '…', '开', '展', '调', '查', 'a',
  );
  const sentence = fc.array(unit, { maxLength: 40 }).map((units) => units.join(''));

  it('splits at ，,；; as split(/[，,；;]/u) does', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 30 })), (s) => {
        expect(clausesOf(s).join('|')).toBe(s.split(/[，,；;]/u).join('|'));
        expect(clausesOf(s)).toEqual(s.split(/[，,；;]/u));
      }),
      { numRuns: 3000 },
    );
  });

  it('normalising keeps the hashed characters, never lengthens a text and adds no CJK character', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 30 })), (s) => {
        const norm = normalizeForCompare(s);
        expect(keptHash(norm)).toBe(keptHash(s));
        expect(norm.length).toBeLessThanOrEqual(s.length);
        expect(norm.replace(/[^\u3400-\u9fff]/gu, '').length).toBeLessThanOrEqual(s.replace(/[^\u3400-\u9fff]/gu, '').length);
      }),
      { numRuns: 3000 },
    );
  });

  it('reports what normalising every clause and sentence reports', () => {
    // clauses from a few pieces, so that sentences and runs of clauses repeat, written differently (markers,
    // full-width digits, blanks, quotes) as often as not
    const piece = fc.constantFrom('开展了地质灾害调查', '编制了防治方案', '完成1200亩', '完成１２００亩', '“项目”验收', '一是', '（二）', '2.', ' ', '是');
    const clause = fc.array(piece, { minLength: 1, maxLength: 3 }).map((ps) => ps.join(''));
    const sep = fc.constantFrom('，', '；', ',');
    const sentenceOf = fc.tuple(fc.array(fc.tuple(clause, sep), { maxLength: 4 }), fc.boolean(), fc.constantFrom('。', '！')).map(([cs, doubled, end]) => {
      const body = cs.map(([c, p]) => c + p).join('');
      return `${doubled ? body + body : body}${end}`;
    });
    const pool = fc.array(sentenceOf, { minLength: 1, maxLength: 5 });
    const doc = pool.chain((sentences) =>
      fc.array(fc.tuple(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '一、情况', '附件1-2')), { maxLength: 8 }),
    ).map((lines) => lines.flatMap(([ss, heading]) => (heading ? [heading, ss.join('')] : [ss.join('')])).join('\n'));
    let reported = 0;
    fc.assert(
      fc.property(doc, (text) => {
        const context = buildContext(documentOf(text), null, null);
        const found: TextReport[] = [];
        duplicateSentence.run(context, (r) => found.push(r as TextReport));
        expect(found).toEqual(plainRun(context));
        reported += found.length;
      }),
      { numRuns: 1000 },
    );
    expect(reported).toBeGreaterThan(100);
  });
});

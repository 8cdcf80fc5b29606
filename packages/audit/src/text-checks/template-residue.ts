/**
 * Template residue: placeholders nobody filled (XXX, ×××, 某某, □, ____, 【请填写】, 年 月 日 without figures)
 * and the template's own instructions left in the report body (报告应包括以下附件, （一个项目一行）,
 * （请简要说明…）, 可自行增减). Instructions printed with the template's tables — the notes after 附件1-1 and
 * 附件1-2, the （一个项目一行） rows inside the table — belong there and are not reported.
 * What is not the unit's is not reported: stars (`**县`, `****局`) are a mirror site's masks, not a blank the
 * unit left; a single □ is a check box (事前评价□ 事中评价□ 事后评价R, 1、常年性 2、延续性□, ticked or not), and
 * only a run of them (□□□, 20□□年) stands for characters not filled in.
 * @module
 */
import { defineTextCheck } from '../facts/types.ts';
import { isBlankUnit, lineOf } from '../facts/text.ts';

type Pattern = {
  readonly re: RegExp;
  readonly kind: 'placeholder' | 'instruction';
  /**
   * A test every text `re` matches passes, much cheaper than `re` where `re` has no literal to look for
   * first: a text that fails it is not searched.
   */
  readonly mayMatch?: (text: string) => boolean;
};

/** Whether a blank is right before a 年 (as in every empty date 年 月 日): a scan from 年 to 年. */
export function blankBeforeYear(text: string): boolean {
  for (let i = text.indexOf('年', 1); i !== -1; i = text.indexOf('年', i + 1)) if (isBlankUnit(text.charCodeAt(i - 1))) return true;
  return false;
}

export const RESIDUE: readonly Pattern[] = [
  // not digits masked after digits (a published phone number 0734-68××××: the run starts after a digit); not stars
  { re: /(?<![A-Za-z0-9XxＸｘ×＊*])[XxＸｘ×]{2,}(?![A-Za-z0-9])/gu, kind: 'placeholder' },
  { re: /某某/gu, kind: 'placeholder' },
  { re: /□{2,}/gu, kind: 'placeholder', mayMatch: (text) => text.includes('□□') },
  { re: /_{3,}|＿{2,}/gu, kind: 'placeholder' },
  { re: /【\s*】|【[^】]{0,20}(?:填写|填报|请|此处|输入|选择)[^】]{0,20}】/gu, kind: 'placeholder' },
  { re: /(?:^|[^\d\s])[\s\u3000]+年[\s\u3000]+月[\s\u3000]+日/gu, kind: 'placeholder', mayMatch: blankBeforeYear },
  {
    re: /[（(]\s*(?:请|此处|在此|简要|简述|填写|填报|列出|描述|根据实际|按实际|如有|可根据|可自行|一个项目|一个专项|每个项目|\d+字以内|不超过\d+字)[^）)]{0,40}[）)]/gu,
    kind: 'instruction',
  },
  {
    re: /报告应包括以下附件|报告(?:应|须|需)(?:包括|包含|附)|应包括以下(?:内容|附件|几个方面)|参考格式|填报说明|此处填写|请在此处|根据实际情况填写|按需自行增减|可自行增减|可自行删除|本模板|模板说明/gu,
    kind: 'instruction',
  },
];

export const templateResidue = defineTextCheck({
  id: 'template-residue',
  meta: {
    category: 'text',
    description: '未填写的占位符（XXX、×××、某某、□、【请填写】、空白日期）和留在正文中的模板说明文字',
    basis: 'DOMAIN.md「What a reviewer checks」6：未填写的占位符；模板说明不属于报告内容',
    defaultSeverity: 'warning',
    messages: {
      placeholder: '第{{line}}行有未填写的占位内容「{{text}}」；请填写实际内容或删除。',
      instruction: '第{{line}}行「{{text}}」是模板的说明文字，不应留在报告正文中；请删除或改写（附件可写作“附件：1.…”）。',
    },
  },
  run(context, report) {
    for (const block of context.blocks) {
      for (const { re, kind, mayMatch } of RESIDUE) {
        if (kind === 'instruction' && block.inAttachments) continue;
        if (mayMatch && !mayMatch(block.text)) continue;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(block.text)) !== null) {
          const text = m[0].replace(/^[^\s\u3000年]*(?=[\s\u3000]+年)/u, '').trim();
          const line = lineOf(block, m.index);
          report({
            messageId: kind,
            data: { line, text },
            line,
            excerpt: block.text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20),
            severity: kind === 'placeholder' ? 'error' : 'warning',
          });
        }
      }
    }
  },
});

/**
 * Text that web mirrors and government portals add around a published report: navigation trails,
 * 来源/发布时间/浏览次数 lines, 打印本页/关闭窗口, share buttons, font-size switches, footers with
 * 主办单位 and ICP numbers; and what document-sharing sites add around a preview: 上传人/文档编号 lines, page
 * counters (第3页 / 共15页, 报告.docx_第3页), 下载 相关 举报, the end-of-preview notice. Such lines are left out of
 * every inference (a 发布时间 is not the report's date) and of the text checks (a page counter is no list).
 * @module
 */
import type { SourceDocument } from '../source.ts';
import { label } from './normalize.ts';

const STARTS = new RegExp(
  '^(?:首页|当前位置|您当前的位置|您的位置|你的位置|所在位置|位置[:：]|来源[:：]|信息来源|文章来源|发布时间|发布日期|发布机构|发文机关|' +
    '浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|访问次数|作者[:：]|编辑[:：]|责任编辑|审核[:：]|字号|字体[:：]|【字体|【打印|【关闭|' +
    '【收藏|【大|\\[大|打印本页|打印此页|打印[:：]?$|关闭窗口|关闭本页|关闭$|分享到|分享[:：]|扫一扫|用手机扫|手机扫描|收藏本页|加入收藏|返回顶部|' +
    '返回首页|上一篇|下一篇|上一条|下一条|相关链接|相关文章|相关新闻|附件下载|网站地图|联系我们|主办单位|承办单位|主办[:：]|承办[:：]|' +
    '技术支持|网站标识码|版权所有|copyright|©|索引号|主题分类|信息分类|公开方式|公开范围|公开时限|视力保护色|无障碍|繁體|简体版|' +
    '登录|注册|设为首页|政务微博|政务微信|官方微信|官方微博|上传人[:：]|上传者[:：]|上传时间|文档编号|文档格式|下载积分|资源描述|' +
    '下载\\s*相关\\s*举报|亲[,，]该文档|该文档总共|还剩\\d+页未读|继续阅读|免费预览)',
  'iu',
);
const CONTAINS = /ICP备|公网安备|网站标识码|建议使用.{0,20}浏览器|分辨率.{0,10}浏览|本站|本网|由会员分享|文档仅供参考|超出免费预览/iu;
/** A page counter of a preview: 第3页 / 共15页, 报告(4).docx_第3页, - 3 -. */
const PAGE = /^(?:第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页|[-—–]\s*\d+\s*[-—–]|.{1,80}\.(?:docx?|pdf|xlsx?|wps|pptx?)_第\s*\d+\s*页)$/iu;
const SHARE = /^(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|朋友圈|人人网|豆瓣|复制链接|分享|[|｜、,，/\s])+$/iu;
const FONT_SIZE = /^[【[(（]?\s*(?:大|中|小|默认)\s*[】\])）]?(?:\s*[【[(（]?\s*(?:大|中|小|默认)\s*[】\])）]?)+$/u;
/** 首页 > 政务公开 > 财政资金: several short parts joined by > or » or /. */
const TRAIL = /^[^>＞»›]{1,14}(?:\s*[>＞»›]\s*[^>＞»›]{1,16}){2,}$/u;

/** Whether `t` has a > ＞ » › that {@link TRAIL} needs (tried on a line without one, it backtracks up to 14 times). */
const hasTrailSign = (t: string): boolean => {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3e || c === 0xff1e || c === 0xbb || c === 0x203a) return true;
  }
  return false;
};

/** Whether a line is web-page furniture rather than report text. */
export function isJunkLine(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  // label drops every blank trim drops: the line's own label, shared with the outline's through the memo
  const l = label(text);
  return STARTS.test(l) || CONTAINS.test(t) || SHARE.test(t) || FONT_SIZE.test(t) || PAGE.test(t) || (hasTrailSign(t) && TRAIL.test(t));
}

/** Line numbers of web-page furniture outside tables. */
export function junkLines(doc: SourceDocument): Set<number> {
  const out = new Set<number>();
  for (const l of doc.lines) if (l.table === undefined && isJunkLine(l.text)) out.add(l.line);
  return out;
}

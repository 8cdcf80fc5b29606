/**
 * Traditional characters (繁體) read as simplified, for recognising labels and names in reports written or
 * converted in traditional characters (部門整體支出績效自評表 → 部门整体支出绩效自评表). A hand-made table of the
 * characters of this domain's vocabulary, not a general converter: characters it does not know are kept.
 * @module
 */

/** Pairs traditional → simplified that also convert back (used to build test fixtures). */
const TWO_WAY = [
  '門门們们閉闭問问間间開开關关閱阅闊阔閃闪閑闲閣阁體体績绩評评報报單单蓋盖時时資资萬万預预數数執执額额質质類类撥拨納纳稅税',
  '員员經经費费項项標标設设實实際际況况規规劃划領领較较務务縣县濟济發发護护責责積积極极國国專专調调級级產产歷历遺遗辦办證证',
  '動动記记綠绿礦矿違违結结兩两進进編编將将莊庄個个節节點点術术準准備备礎础階阶並并傳传達达廳厅決决盤盘樓楼維维眾众現现網网',
  '縮缩會会監监處处罰罚沒没繳缴餘余財财轉转賬账採采機机運运輸输車车輛辆臺台築筑態态見见復复廢废棄弃頃顷續续響响滿满對对綜综',
  '優优總总說说認认識识夠够簡简據据過过約约計计測测強强廣广範范確确觀观狀状為为後后該该導导聯联電电話话負负簽签應应權权價价',
  '減减別别刪删陽阳養养職职當当壓压購购厲厉議议堅坚儉俭則则嚴严從从圍围團团鄉乡鎮镇區区環环與与這这麼么讓让東东長长學学習习',
  '書书寫写聽听顏颜頁页順顺題题風风飛飞馬马魚鱼鳥鸟龍龙齊齐號号於于來来瀏浏覽览億亿圓圆貳贰參参陸陆審审紀纪組组織织細细',
  '終终給给統统絡络綱纲線线練练繼继紅红純纯紙纸紛纷緊紧縱纵語语讀读談谈論论訪访試试詳详課课請请謝谢譽誉變变訂订訓训許许訴诉',
  '診诊詢询誤误誠诚誰谁諾诺謀谋謂谓講讲譜谱貝贝貢贡貨货販贩貧贫貴贵貸贷賦赋賢贤賣卖賽赛贈赠贊赞贏赢賠赔賞赏賴赖銀银錢钱鐵铁',
  '鋼钢鍋锅錯错錄录鐘钟針针銷销鋪铺鏈链鑒鉴驗验駐驻騰腾軍军載载輕轻輔辅輪轮須须頻频顯显願愿顧顾頓顿飯饭館馆飲饮陰阴隊队隨随',
  '險险陳陈無无興兴舉举覺觉黨党嘗尝屆届層层屬属歲岁島岛峽峡幾几庫库張张彈弹歸归徵征戰战戲戏擴扩揮挥損损換换擔担擁拥擇择擊击',
  '攜携敵敌斷断晝昼條条構构樣样檢检櫃柜殘残氣气漢汉溝沟滅灭潔洁澤泽灣湾災灾煉炼燈灯營营爭争爾尔牆墙獨独獎奖畢毕畫画異异療疗',
  '盡尽禮礼禦御種种稱称穩稳窮穷競竞筆笔糧粮羅罗義义聖圣聲声腦脑臨临舊旧艱艰藝艺藥药蘇苏蟲虫衛卫補补裝装複复視视親亲豐丰',
  '貿贸趕赶趨趋跡迹踐践蹤踪軟软農农遠远適适選选遷迁邊边遞递還还郵邮鄰邻醫医釋释雜杂雙双難难雲云靈灵韓韩頭头饋馈鬥斗鬧闹麥麦',
  '黃黄齡龄儀仪債债僅仅偉伟儲储倉仓側侧偵侦兒儿內内冊册劍剑劉刘剛刚創创勞劳勢势勵励勸劝協协卻却敘叙園园圖图場场塊块壞坏墾垦',
  '壯壮夢梦奪夺奮奋婦妇媽妈嬰婴孫孙寧宁寬宽尋寻崗岗幣币帥帅師师帳帐幫帮廠厂廟庙彎弯徑径憑凭懸悬懷怀戶户擬拟攤摊敗败斂敛曉晓',
  '暫暂曬晒殺杀滯滞漲涨淺浅渾浑溫温濕湿烏乌熱热爺爷獲获猶犹瑣琐畝亩疊叠祿禄禍祸窩窝籌筹糾纠絕绝絲丝緒绪締缔罷罢肅肃脅胁腳脚',
  '膽胆臉脸艦舰葉叶蔣蒋薦荐蘭兰虧亏螢萤襲袭詞词誌志諮咨謹谨譯译豬猪貞贞趙赵軌轨轄辖辭辞遙遥遲迟邁迈鄭郑鈔钞鉛铅鍵键鎖锁鏡镜',
  '陣阵隱隐雖虽雞鸡離离靜静頂顶驚惊鹽盐麗丽齒齿龜龟匯汇嗎吗幹干',
].join('');

/** Pairs that only convert to simplified (the simplified character has other traditional forms). */
const ONE_WAY = [
  '繫系髮发檯台颱台鍾钟儘尽曆历裏里裡里衆众爲为麪面麵面閒闲鑑鉴穫获佈布綫线覈核祕秘週周隻只遊游鹹咸滙汇彙汇係系製制',
].join('');

const toSimple = new Map<string, string>();
const toTraditional = new Map<string, string>();
for (const [table, both] of [[TWO_WAY, true], [ONE_WAY, false]] as const) {
  const chars = Array.from(table);
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i] ?? '';
    const s = chars[i + 1] ?? '';
    toSimple.set(t, s);
    if (both && !toTraditional.has(s)) toTraditional.set(s, t);
  }
}

const TRADITIONAL = new RegExp(`[${[...toSimple.keys()].join('')}]`, 'gu');

/** By UTF-16 unit: 1 where a traditional form this table knows starts (its first unit, for the rare astral one). */
export const TRADITIONAL_UNITS = new Uint8Array(0x10000);
for (const t of toSimple.keys()) TRADITIONAL_UNITS[t.charCodeAt(0)] = 1;

/** By UTF-16 unit: the simplified form of a traditional form written in one unit, as one unit (0 when none). */
export const SIMPLIFIED_UNITS = new Uint16Array(0x10000);
for (const [t, s] of toSimple) if (t.length === 1 && s.length === 1) SIMPLIFIED_UNITS[t.charCodeAt(0)] = s.charCodeAt(0);

/** Whether `text` has a character this table converts (a look-up per character, no string made). */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TRADITIONAL_UNITS[text.charCodeAt(i)] === 1) return true;
  return false;
}

const simplifiedMemo = new Map<string, string>();

/** Forgets the memo of simplified texts (kept within one document, see `beginDocument`). */
export function clearSimplifiedMemo(): void {
  simplifiedMemo.clear();
}

/** Replaces the traditional characters this table knows by their simplified forms. */
export function toSimplified(text: string): string {
  // Most text has none: checking is cheaper than a memo look-up of the whole text.
  if (!hasTraditional(text)) return text;
  const hit = simplifiedMemo.get(text);
  if (hit !== undefined) return hit;
  const out = text.replace(TRADITIONAL, (c) => toSimple.get(c) ?? c);
  if (simplifiedMemo.size < 100_000) simplifiedMemo.set(text, out);
  return out;
}

/** How many characters of `text` are traditional forms this table knows. */
export const traditionalCount = (text: string): number => text.match(TRADITIONAL)?.length ?? 0;

/** Simplified → traditional for the characters of the table (fixtures of reports written in 繁體). */
export const toTraditionalForm = (text: string): string => Array.from(text, (c) => toTraditional.get(c) ?? c).join('');

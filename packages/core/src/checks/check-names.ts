/**
 * The short Chinese name of every check a person may read about — the engine's, the document reader's
 * text and fact checks, and the format finding — in one place. A person never reads a check id: the web
 * app, the batch .xlsx and the dashboard export show these names (ids stay in JSON). Core names the
 * documents package's checks by id only (it imports nothing); a test there keeps this list complete.
 * @module
 */

export const CHECK_NAMES: Readonly<Record<string, string>> = {
  // packages/core/src/checks
  'deviation-explanation': '偏差原因说明',
  'difference-mismatch': '差额不符',
  'duplicate-sentence': '重复语句',
  'execution-score-plausibility': '执行率与得分不相称',
  'figure-mismatch': '正文与附表数字不一致',
  'grade-mismatch': '等级与总分不符',
  'impossible-value': '数值不可能',
  'listed-count-mismatch': '个数与列举不符',
  'narrative-score-mismatch': '正文分值与自评表不符',
  'over-achievement': '大幅超额完成',
  'qualitative-score-band': '定性得分超出等级区间',
  'quantity-unit': '缺少计量单位',
  'rate-mismatch': '百分比计算不符',
  'report-date': '自评日期不合理',
  'required-fields': '必填项缺失',
  'score-exceeds-points': '得分超出分值',
  'score-rule-mismatch': '得分与评分规则不符',
  'sections-present': '报告结构不完整',
  'sign-off': '签字落款缺失',
  'spending-over-budget': '支出超预算',
  'staff-over-establishment': '实有人数超编制',
  'sum-mismatch': '合计与分项之和不符',
  'target-setting': '目标设定偏低',
  'total-score-computed': '总分与方案计算不符',
  'total-score-mismatch': '总分与各项得分之和不符',
  'unmeasured-actual': '完成值未实测',
  'weight-mismatch': '权重不符',
  // packages/documents: facts in the text and checks of the text
  'fact-conflict': '正文数据前后矛盾',
  'fact-count-list': '正文个数与列举不符',
  'fact-difference': '正文差额不符',
  'fact-rate': '正文比率不符',
  'fact-total-parts': '正文合计与分项不符',
  'fact-vs-table': '正文与附表数据不一致',
  'foreign-paragraph': '疑似他单位段落',
  'numbering-sequence': '编号跳号或重复',
  'template-residue': '模板占位符未填',
  'year-mismatch': '年份与评价年度矛盾',
  'document-unreadable-part': '文档部分内容无法读取',
  // packages/audit/src/relations: relations between written figures, in sentences and any table
  'relation-sum': '合计与分项之和不符',
  'relation-score-sum': '分值或得分之和不符',
  'relation-rate': '比率计算不符',
  'relation-growth': '增减幅度不符',
  'relation-difference': '差额不符',
  'relation-product': '得分与分值乘比率不符',
  'relation-cap': '得分超出分值',
  'relation-grade': '等级与总分不符',
  'relation-count': '个数与列举不符',
  'relation-equal': '同一数字前后不一致',
  'relation-unit': '元与万元换算不符',
  'relation-year': '年度与评价年度不符',
  // the format of the data itself
  'model-invalid': '格式错误',
  scheme: '评价方案',
};

/** The Chinese name of a check; never the id. */
export const checkName = (id: string): string => CHECK_NAMES[id] ?? '其他审核规则';

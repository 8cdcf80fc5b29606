/**
 * The editor's outline: sections that follow the report (一、部门基本情况 … 附件1-2 自评表) and the fields in
 * each, by model path. One table of data drives the forms, the jump from a finding to its field, and the
 * labels of the version diff.
 * @module
 */
import { type PathKey, formatPath, parsePath } from '../lib/paths.ts';

export type EvaluationKind = 'department' | 'project';

/** How a field is edited and shown: numbers right-aligned, as written. */
export type FieldKind = 'amount' | 'rate' | 'count' | 'points' | 'text' | 'textarea' | 'date' | 'lines';

export const NUMERIC_KINDS: ReadonlySet<FieldKind> = new Set(['amount', 'rate', 'count', 'points']);

/** `signed`: a number that may be below zero (比上年增减, 结余); every other number cannot. */
export type FieldSpec = { readonly path: string; readonly label: string; readonly kind: FieldKind; readonly wide?: boolean; readonly signed?: boolean };

export type ColumnSpec = { readonly key: string; readonly label: string; readonly kind: FieldKind; readonly signed?: boolean };

export type Block =
  | { readonly type: 'fields'; readonly title?: string; readonly fields: readonly FieldSpec[] }
  /** A list of { label, <valueKey> } rows: 二（一）的其他项、项目明细、编制构成. */
  | { readonly type: 'list'; readonly title: string; readonly path: string; readonly columns: readonly ColumnSpec[]; readonly itemLabel: string }
  /** A fixed matrix: rows by key under `path`, the same columns in each (附件1-1 经费控制情况, 项目资金). */
  | { readonly type: 'matrix'; readonly title: string; readonly path: string; readonly rows: readonly { readonly key: string; readonly label: string }[]; readonly columns: readonly ColumnSpec[] }
  | { readonly type: 'indicators'; readonly base: string };

export type Section = {
  readonly key: string;
  readonly title: string;
  /** Model paths this section edits (longest match wins when locating a finding). */
  readonly prefixes: readonly string[];
  readonly blocks: readonly Block[];
};

const f = (path: string, label: string, kind: FieldKind, wide = false, signed = false): FieldSpec => ({ path, label, kind, wide, signed });
const amountCol = (key: string, label: string): ColumnSpec => ({ key, label, kind: 'amount' });

const CONTROL_COLUMNS: readonly ColumnSpec[] = [
  amountCol('actual', '当年决算数'),
  amountCol('budget', '当年预算数'),
  amountCol('priorActual', '上年决算数'),
];

export const THREE_PUBLIC_CATEGORIES = {
  reception: '公务接待费',
  vehiclePurchase: '公务用车购置费',
  vehicleOperation: '公务用车运行维护费',
  vehicle: '公务用车购置及运行维护费',
  overseasTravel: '因公出国（境）费',
} as const;

const DEPARTMENT: readonly Section[] = [
  {
    key: 'profile',
    title: '基本情况',
    prefixes: ['unit', 'staffing', 'duties', 'title', 'year', 'schemeId', 'moneyUnit', 'kind'],
    blocks: [
      {
        type: 'fields',
        title: '一、部门基本情况',
        fields: [
          f('unit.name', '单位名称', 'text'),
          f('title', '报告标题', 'text'),
          f('unit.rank', '机构级别', 'text'),
          f('unit.fundingType', '经费形式', 'text'),
          f('unit.supervisingDepartment', '主管部门', 'text'),
          f('unit.profileText', '机构设置', 'textarea', true),
          f('staffing.authorized.total', '编制数', 'count'),
          f('staffing.actual.total', '实有在职人数', 'count'),
          f('staffing.retired', '退休人员', 'count'),
          f('duties', '部门职责（每行一条）', 'lines', true),
        ],
      },
      { type: 'list', title: '编制构成', path: 'staffing.authorized.parts', itemLabel: '编制', columns: [{ key: 'label', label: '类别', kind: 'text' }, { key: 'count', label: '编制数', kind: 'count' }] },
      { type: 'list', title: '在职人员构成', path: 'staffing.actual.parts', itemLabel: '人员', columns: [{ key: 'label', label: '类别', kind: 'text' }, { key: 'count', label: '人数', kind: 'count' }] },
    ],
  },
  {
    key: 'approved',
    title: '预决算',
    prefixes: ['approvedBudget'],
    blocks: [
      {
        type: 'fields',
        title: '二（一）经批复的预、决算情况',
        fields: [
          f('approvedBudget.generalBudgetIncome', '一般公共预算收入', 'amount'),
          f('approvedBudget.basicSpending', '一般公共预算基本支出', 'amount'),
          f('approvedBudget.personnel', '其中：人员经费', 'amount'),
          f('approvedBudget.operating', '公用经费', 'amount'),
          f('approvedBudget.threePublicBudget', '三公经费预算', 'amount'),
        ],
      },
      { type: 'list', title: '其他列示项', path: 'approvedBudget.items', itemLabel: '项', columns: [{ key: 'label', label: '项目', kind: 'text' }, amountCol('amount', '金额')] },
    ],
  },
  {
    key: 'basic',
    title: '基本支出',
    prefixes: ['execution.income', 'execution.spendingBudget', 'execution.basicSpending', 'execution'],
    blocks: [
      {
        type: 'fields',
        title: '二（二）1. 收入预算与基本支出',
        fields: [
          f('execution.income.total', '收入预算', 'amount'),
          f('execution.income.fiscalAppropriation', '财政拨款', 'amount'),
          f('execution.income.generalBudget', '一般公共预算', 'amount'),
          f('execution.income.governmentFund', '政府性基金', 'amount'),
          f('execution.income.other', '其他收入', 'amount'),
          f('execution.spendingBudget', '支出预算', 'amount'),
          f('execution.basicSpending.total', '基本支出', 'amount'),
          f('execution.basicSpending.personnel', '人员经费', 'amount'),
          f('execution.basicSpending.operating', '公用经费', 'amount'),
          f('execution.basicSpending.text', '说明', 'textarea', true),
        ],
      },
      { type: 'list', title: '人员经费构成', path: 'execution.basicSpending.personnelParts', itemLabel: '项', columns: [{ key: 'label', label: '项目', kind: 'text' }, amountCol('amount', '金额')] },
    ],
  },
  {
    key: 'project',
    title: '项目支出',
    prefixes: ['execution.projectSpending'],
    blocks: [
      {
        type: 'fields',
        title: '二（二）2. 项目支出情况',
        fields: [
          f('execution.projectSpending.total', '专项资金支出', 'amount'),
          f('execution.projectSpending.fiscal', '其中：财政资金', 'amount'),
          f('execution.projectSpending.other', '其他资金', 'amount'),
          f('execution.projectSpending.text', '说明', 'textarea', true),
        ],
      },
      { type: 'list', title: '项目明细', path: 'execution.projectSpending.projects', itemLabel: '项目', columns: [{ key: 'label', label: '项目名称', kind: 'text' }, amountCol('amount', '金额')] },
    ],
  },
  {
    key: 'threePublic',
    title: '三公经费',
    prefixes: ['execution.threePublic'],
    blocks: [
      {
        type: 'fields',
        title: '二（二）3. 三公经费',
        fields: [f('execution.threePublic.budgetTotal', '三公经费预算合计', 'amount'), f('execution.threePublic.actualTotal', '实际支出合计', 'amount')],
      },
      {
        type: 'list',
        title: '分项',
        path: 'execution.threePublic.items',
        itemLabel: '分项',
        columns: [
          { key: 'category', label: '类别', kind: 'text' },
          amountCol('budget', '预算'),
          amountCol('actual', '实际使用'),
          amountCol('priorActual', '上年实际'),
          { ...amountCol('changeFromPrior', '比上年增减'), signed: true },
          { key: 'explanation', label: '原因说明', kind: 'textarea' },
        ],
      },
    ],
  },
  {
    key: 'carryover',
    title: '结转结余',
    prefixes: ['execution.carryover', 'execution.management'],
    blocks: [
      {
        type: 'fields',
        title: '二（二）4–5. 资金结转和结余、管理与制度建设',
        fields: [
          f('execution.carryover.amount', '结转结余金额', 'amount'),
          f('execution.carryover.text', '结转结余说明', 'textarea', true),
          f('execution.management', '管理与制度建设情况', 'textarea', true),
        ],
      },
    ],
  },
  {
    key: 'funds',
    title: '政府性基金等',
    prefixes: ['governmentFund', 'stateCapital', 'socialInsurance'],
    blocks: [
      { type: 'fields', title: '三、政府性基金预算支出', fields: [f('governmentFund.income', '收入', 'amount'), f('governmentFund.spending', '支出', 'amount'), f('governmentFund.text', '说明', 'textarea', true)] },
      { type: 'fields', title: '四、国有资本经营预算支出', fields: [f('stateCapital.income', '收入', 'amount'), f('stateCapital.spending', '支出', 'amount'), f('stateCapital.text', '说明', 'textarea', true)] },
      { type: 'fields', title: '五、社会保险基金预算支出', fields: [f('socialInsurance.income', '收入', 'amount'), f('socialInsurance.spending', '支出', 'amount'), f('socialInsurance.text', '说明', 'textarea', true)] },
    ],
  },
  {
    key: 'performance',
    title: '综合评价',
    prefixes: ['performance'],
    blocks: [
      {
        type: 'fields',
        title: '六、部门整体支出绩效情况',
        fields: [
          f('performance.conclusion.grade', '自评结果（等级）', 'text'),
          f('performance.conclusion.text', '综合评价结论', 'textarea', true),
          f('performance.projectExecution.budget', '项目预算', 'amount'),
          f('performance.projectExecution.actual', '项目实际支出', 'amount'),
          f('performance.projectExecution.surplus', '项目结余', 'amount', false, true),
          f('performance.projectExecution.executionRate', '项目执行率', 'rate'),
        ],
      },
      {
        type: 'list',
        title: '正文中的分数与个数陈述',
        path: 'performance.statements',
        itemLabel: '陈述',
        columns: [
          { key: 'text', label: '原文', kind: 'textarea' },
          { key: 'points', label: '总分', kind: 'points' },
          { key: 'score', label: '得分', kind: 'points' },
          { key: 'indicatorCount', label: '指标个数', kind: 'count' },
          { key: 'deductedCount', label: '扣分个数', kind: 'count' },
        ],
      },
      { type: 'list', title: '正文段落', path: 'performance.paragraphs', itemLabel: '段落', columns: [{ key: 'heading', label: '标题', kind: 'text' }, { key: 'text', label: '内容', kind: 'textarea' }] },
    ],
  },
  {
    key: 'indicators',
    title: '绩效指标',
    prefixes: ['selfEvaluation.indicators', 'selfEvaluation.level1'],
    blocks: [{ type: 'indicators', base: 'selfEvaluation' }],
  },
  {
    key: 'goals',
    title: '年度目标',
    prefixes: ['selfEvaluation.goals'],
    blocks: [
      {
        type: 'fields',
        title: '年度总体目标',
        fields: [f('selfEvaluation.goals.expected', '年初预期（设定）目标', 'textarea', true), f('selfEvaluation.goals.achieved', '全年实际完成情况', 'textarea', true)],
      },
    ],
  },
  {
    key: 'problems',
    title: '问题与措施',
    prefixes: ['problems', 'measures', 'signature'],
    blocks: [
      {
        type: 'fields',
        title: '七、存在的主要问题　八、改进措施和有关建议',
        fields: [
          f('problems', '存在的主要问题', 'textarea', true),
          f('measures', '改进措施和有关建议（每行一条）', 'lines', true),
          f('signature.unit', '落款单位', 'text'),
          f('signature.date', '落款日期', 'date'),
        ],
      },
    ],
  },
  {
    key: 'basicData',
    title: '基础数据表',
    prefixes: ['basicData'],
    blocks: [
      {
        type: 'fields',
        title: '附件1-1　财政供养人员情况',
        fields: [
          f('basicData.staffing.authorized', '编制数', 'count'),
          f('basicData.staffing.actual', '年末实际在职人数', 'count'),
          f('basicData.staffing.controlRate', '控制率', 'rate'),
        ],
      },
      {
        type: 'matrix',
        title: '经费控制情况（万元）',
        path: 'basicData',
        columns: CONTROL_COLUMNS,
        rows: [
          { key: 'basicSpending', label: '一、部门基本支出' },
          { key: 'generalSpendingCut', label: '其中：压缩一般性支出' },
          { key: 'threePublic', label: '三公经费' },
          { key: 'vehicle', label: '公务用车购置和维护经费' },
          { key: 'vehiclePurchase', label: '其中：公车购置' },
          { key: 'vehicleOperation', label: '公车运行维护' },
          { key: 'reception', label: '公务接待' },
          { key: 'overseasTravel', label: '出国（境）经费' },
          { key: 'projectSpending', label: '二、部门项目支出' },
          { key: 'procurement', label: '政府采购金额' },
        ],
      },
      {
        type: 'fields',
        fields: [
          f('basicData.savingMeasures', '厉行节约保障措施', 'textarea', true),
          f('basicData.preparedOn', '填报时间', 'date'),
          f('basicData.signOff.preparer', '填表人', 'text'),
          f('basicData.signOff.phone', '联系电话', 'text'),
          f('basicData.signOff.unitHead', '单位负责人签字', 'text'),
        ],
      },
    ],
  },
  {
    key: 'table',
    title: '自评表',
    prefixes: ['selfEvaluation'],
    blocks: [
      {
        type: 'fields',
        title: '附件1-2　部门资金（万元）',
        fields: [
          f('selfEvaluation.funds.budget', '全年预算数', 'amount'),
          f('selfEvaluation.funds.actual', '全年执行数', 'amount'),
          f('selfEvaluation.funds.executionRate', '预算执行率', 'rate'),
          f('selfEvaluation.funds.points', '分值', 'points'),
          f('selfEvaluation.funds.score', '得分', 'points'),
        ],
      },
      {
        type: 'fields',
        title: '按收入性质分类',
        fields: [
          f('selfEvaluation.income.generalBudget', '一般公共预算拨款', 'amount'),
          f('selfEvaluation.income.governmentFund', '政府性基金拨款', 'amount'),
          f('selfEvaluation.income.nonTaxIncome', '纳入管理的非税收入拨款', 'amount'),
          f('selfEvaluation.income.other', '其他资金', 'amount'),
        ],
      },
      {
        type: 'fields',
        title: '按支出性质分类',
        fields: [
          f('selfEvaluation.spending.basic', '基本支出', 'amount'),
          f('selfEvaluation.spending.personnel', '人员经费', 'amount'),
          f('selfEvaluation.spending.operating', '公用经费', 'amount'),
          f('selfEvaluation.spending.threePublic', '其中：三公经费', 'amount'),
          f('selfEvaluation.spending.project', '项目支出', 'amount'),
        ],
      },
      {
        type: 'fields',
        title: '综合评定',
        fields: [
          f('selfEvaluation.totalPoints', '总分', 'points'),
          f('selfEvaluation.totalScore', '得分', 'points'),
          f('selfEvaluation.grade', '综合评定等级', 'text'),
          f('selfEvaluation.deviationAnalysis', '偏差及原因分析', 'textarea', true),
          f('selfEvaluation.measures', '改进措施', 'textarea', true),
          f('selfEvaluation.preparedOn', '填报时间', 'date'),
          f('selfEvaluation.signOff.preparer', '填表人', 'text'),
          f('selfEvaluation.signOff.phone', '联系电话', 'text'),
          f('selfEvaluation.signOff.unitHead', '单位负责人签字', 'text'),
        ],
      },
    ],
  },
];

const FUND_COLUMNS: readonly ColumnSpec[] = [
  amountCol('initialBudget', '年初预算数'),
  amountCol('budget', '全年预算数'),
  amountCol('received', '实际到位'),
  amountCol('actual', '全年执行数'),
  { key: 'points', label: '分值', kind: 'points' },
  { key: 'executionRate', label: '执行率', kind: 'rate' },
  { key: 'score', label: '得分', kind: 'points' },
];

const PROJECT: readonly Section[] = [
  {
    key: 'profile',
    title: '项目信息',
    prefixes: ['project', 'year', 'schemeId', 'moneyUnit', 'kind'],
    blocks: [
      {
        type: 'fields',
        title: '项目基本情况',
        fields: [
          f('project.name', '项目名称', 'text'),
          f('project.code', '项目编码', 'text'),
          f('project.supervisingDepartment', '主管部门', 'text'),
          f('project.implementingUnit', '实施单位', 'text'),
          f('project.region', '地区', 'text'),
        ],
      },
    ],
  },
  {
    key: 'funds',
    title: '项目资金',
    prefixes: ['funds'],
    blocks: [
      {
        type: 'matrix',
        title: '项目资金（万元）',
        path: 'funds',
        columns: FUND_COLUMNS,
        rows: [
          { key: 'total', label: '年度资金总额' },
          { key: 'fiscalAppropriation', label: '其中：本年财政拨款' },
          { key: 'priorCarryover', label: '上年结转资金' },
          { key: 'otherFunds', label: '其他资金' },
        ],
      },
    ],
  },
  {
    key: 'goals',
    title: '年度目标',
    prefixes: ['goals'],
    blocks: [{ type: 'fields', title: '年度总体目标', fields: [f('goals.expected', '预期目标', 'textarea', true), f('goals.achieved', '实际完成情况', 'textarea', true)] }],
  },
  { key: 'indicators', title: '绩效指标', prefixes: ['indicators', 'level1'], blocks: [{ type: 'indicators', base: '' }] },
  {
    key: 'result',
    title: '自评结果',
    prefixes: ['totalPoints', 'totalScore', 'grade', 'preparedOn', 'signOff'],
    blocks: [
      {
        type: 'fields',
        title: '总分与等级',
        fields: [
          f('totalPoints', '总分', 'points'),
          f('totalScore', '得分', 'points'),
          f('grade', '自评等级', 'text'),
          f('preparedOn', '填报时间', 'date'),
          f('signOff.preparer', '填表人', 'text'),
          f('signOff.phone', '联系电话', 'text'),
          f('signOff.unitHead', '单位负责人签字', 'text'),
        ],
      },
    ],
  },
  {
    key: 'report',
    title: '自评报告',
    prefixes: ['report'],
    blocks: [{ type: 'list', title: '报告段落', path: 'report', itemLabel: '段落', columns: [{ key: 'heading', label: '标题', kind: 'text' }, { key: 'text', label: '内容', kind: 'textarea' }] }],
  },
];

export function sectionsOf(kind: EvaluationKind): readonly Section[] {
  return kind === 'project' ? PROJECT : DEPARTMENT;
}

/** Where the indicator rows live: `selfEvaluation.indicators` (部门整体) or `indicators` (项目). */
export const indicatorsPath = (kind: EvaluationKind): string => (kind === 'project' ? 'indicators' : 'selfEvaluation.indicators');
export const level1Path = (kind: EvaluationKind): string => (kind === 'project' ? 'level1' : 'selfEvaluation.level1');

const startsWithPath = (path: string, prefix: string): boolean =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

const sectionCache = new Map<string, Section>();

/** The section a model path belongs to (longest prefix wins); the first section when none matches. */
export function sectionOfPath(kind: EvaluationKind, path: string): Section {
  const key = `${kind}:${path}`;
  let hit = sectionCache.get(key);
  if (!hit) {
    hit = findSection(kind, path);
    if (sectionCache.size > 5000) sectionCache.clear();
    sectionCache.set(key, hit);
  }
  return hit;
}

function findSection(kind: EvaluationKind, path: string): Section {
  const sections = sectionsOf(kind);
  let best: Section | undefined;
  let bestLength = -1;
  for (const section of sections) {
    for (const prefix of section.prefixes) {
      if (startsWithPath(path, prefix) && prefix.length > bestLength) {
        best = section;
        bestLength = prefix.length;
      }
    }
  }
  return best ?? (sections[0] as Section);
}

export const INDICATOR_FIELDS: readonly ColumnSpec[] = [
  { key: 'name', label: '三级指标', kind: 'text' },
  { key: 'direction', label: '方向', kind: 'text' },
  { key: 'unit', label: '单位', kind: 'text' },
  { key: 'target', label: '年度指标值', kind: 'text' },
  { key: 'actual', label: '实际完成值', kind: 'text' },
  { key: 'points', label: '分值', kind: 'points' },
  { key: 'score', label: '得分', kind: 'points' },
  { key: 'qualitativeGrade', label: '定性等级', kind: 'text' },
  { key: 'deviationExplanation', label: '偏差原因分析及改进措施', kind: 'textarea' },
  { key: 'notApplicable', label: '不适用', kind: 'text' },
  { key: 'level1', label: '一级指标', kind: 'text' },
  { key: 'level2', label: '二级指标', kind: 'text' },
];

/** What the outline knows of a model path: its Chinese name, and how it is edited when it is a field. */
export type PathInfo = { readonly label: string; readonly kind: FieldKind | null; readonly signed: boolean };

const infoCache = new Map<string, PathInfo>();

/** The Chinese name and field kind of a model path (cached): 「自评表 · 全年预算数」, 'amount'. */
export function fieldOfPath(kind: EvaluationKind, path: string): PathInfo {
  const key = `${kind}:${path}`;
  let hit = infoCache.get(key);
  if (hit === undefined) {
    hit = findField(kind, path);
    if (infoCache.size > 5000) infoCache.clear();
    infoCache.set(key, hit);
  }
  return hit;
}

/** A readable Chinese name for a model path: 「自评表 · 全年预算数」, 「绩效指标 · 第4行 · 得分」. */
export const labelOfPath = (kind: EvaluationKind, path: string): string => fieldOfPath(kind, path).label;

const info = (label: string, spec?: { readonly kind: FieldKind; readonly signed?: boolean }): PathInfo => ({ label, kind: spec?.kind ?? null, signed: spec?.signed ?? false });

function findField(kind: EvaluationKind, path: string): PathInfo {
  const keys = parsePath(path);
  const section = sectionOfPath(kind, path);
  for (const block of section.blocks) {
    if (block.type === 'fields') {
      const field = block.fields.find((x) => x.path === path);
      if (field) return info(`${section.title} · ${field.label}`, field);
      const line = block.fields.find((x) => x.kind === 'lines' && path.startsWith(`${x.path}[`));
      const n = line ? /^\[(\d+)\]$/u.exec(path.slice(line.path.length))?.[1] : undefined;
      if (line && n !== undefined) return info(`${section.title} · ${line.label.replace(/（每行一条）$/u, '')} 第${Number(n) + 1}条`);
    } else if (block.type === 'list' || block.type === 'matrix') {
      const base = parsePath(block.path);
      if (keys.length <= base.length || formatPath(keys.slice(0, base.length)) !== block.path) continue;
      const rest = keys.slice(base.length);
      if (block.type === 'list') {
        const [index, column] = rest as [PathKey?, PathKey?];
        if (typeof index !== 'number') continue;
        const col = block.columns.find((c) => c.key === column);
        return info(`${section.title} · ${block.title} 第${index + 1}${block.itemLabel === '项' ? '项' : `个${block.itemLabel}`}${col ? ` · ${col.label}` : ''}`, rest.length === 2 ? col : undefined);
      }
      const [rowKey, column] = rest;
      const row = block.rows.find((r) => r.key === rowKey);
      const col = block.columns.find((c) => c.key === column);
      if (row) return info(`${section.title} · ${row.label}${col ? ` · ${col.label}` : ''}`, rest.length === 2 ? col : undefined);
    } else {
      const headers = parsePath(level1Path(kind));
      if (formatPath(keys.slice(0, headers.length)) === level1Path(kind)) {
        const [index, column] = keys.slice(headers.length);
        if (typeof index === 'number') {
          return info(`${section.title} · 第${index + 1}个一级指标${column === 'points' ? ' · 分值' : column === 'name' ? ' · 名称' : ''}`, column === 'points' ? { kind: 'points' } : undefined);
        }
        return info(section.title);
      }
      const base = parsePath(indicatorsPath(kind));
      if (formatPath(keys.slice(0, base.length)) !== indicatorsPath(kind)) continue;
      const [index, column] = keys.slice(base.length);
      if (typeof index !== 'number') return info(section.title);
      const col = INDICATOR_FIELDS.find((c) => c.key === column);
      return info(`${section.title} · 第${index + 1}行${col ? ` · ${col.label}` : ''}`, keys.length === base.length + 2 ? col : undefined);
    }
  }
  // Never the path itself: a person reads this.
  return info(section.title);
}

/** A server's detail 「path：message」 with the path named in Chinese (a person never reads a field path). */
export function namedDetails(kind: EvaluationKind, details: readonly string[]): string[] {
  return details.map((d) => {
    const cut = d.indexOf('：');
    const head = cut > 0 ? d.slice(0, cut) : '';
    return /^[A-Za-z][\w.[\]]*$/u.test(head) ? `${labelOfPath(kind, head)}：${d.slice(cut + 1)}` : d;
  });
}

/**
 * The tables are signed off: 填表人, 联系电话, 单位负责人签字, and the report carries its unit and date.
 * @module
 */
import type { Evaluation } from '../model/evaluation.ts';
import { defineCheck } from './types.ts';
import { isBlankText } from './util.ts';

type Place = { readonly where: string; readonly path: string; readonly signOff: { preparer: string | null; phone: string | null; unitHead: string | null } };

function places(e: Evaluation): Place[] {
  if (e.kind === 'project') return [{ where: '项目支出绩效自评表', path: 'signOff', signOff: e.signOff }];
  const out: Place[] = [];
  if (e.basicData) out.push({ where: '基础数据表', path: 'basicData.signOff', signOff: e.basicData.signOff });
  if (e.selfEvaluation) out.push({ where: '自评表', path: 'selfEvaluation.signOff', signOff: e.selfEvaluation.signOff });
  return out;
}

export const signOff = defineCheck({
  id: 'sign-off',
  meta: {
    category: 'completeness',
    description: '附表须填写填表人、联系电话和单位负责人签字，报告须落款单位和日期',
    basis: '湖南部门整体自评表、基础数据表表尾“填表人／联系电话／单位负责人签字”；GB/T 9704 落款与成文日期',
    defaultSeverity: 'warning',
    messages: {
      blank: '{{where}}未填写{{field}}',
      noDate: '报告没有落款日期',
      noUnit: '报告没有落款单位',
    },
  },
  run(ctx) {
    for (const place of places(ctx.evaluation)) {
      for (const [key, field] of [['preparer', '填表人'], ['phone', '联系电话'], ['unitHead', '单位负责人签字']] as const) {
        if (isBlankText(place.signOff[key])) ctx.report({ messageId: 'blank', path: `${place.path}.${key}`, data: { where: place.where, field } });
      }
    }
    const e = ctx.evaluation;
    if (e.kind === 'department' && e.signature && isBlankText(e.signature.unit)) ctx.report({ messageId: 'noUnit', path: 'signature.unit' });
    if (e.kind === 'department' && e.signature && !e.signature.date) ctx.report({ messageId: 'noDate', path: 'signature.date' });
  },
});

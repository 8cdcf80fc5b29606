/**
 * Core engine benchmark: derive + check against JSON.parse + schema validation of the same input, for
 * the seed example and a generated 500-indicator project report.
 * Targets (issue 2): the engine costs at most 3× parsing and validating; a seed-size recheck < 1 ms.
 * @module
 */
import { readFileSync } from 'node:fs';
import { CHECKS, derive, parseEvaluation, runChecks, type Scheme } from '@jixiao/core';
import { loadSchemes } from '../packages/documents/src/schemes.ts';
import { ms, ratio, time } from './measure.ts';

export function generatedProject(indicators: number): unknown {
  const level1 = ['产出指标', '效益指标', '满意度指标'];
  const level2: Record<string, string[]> = {
    产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
    效益指标: ['经济效益指标', '社会效益指标', '生态效益指标'],
    满意度指标: ['服务对象满意度指标'],
  };
  const rows = Array.from({ length: indicators }, (_, i) => {
    const l1 = level1[i % 3] ?? '产出指标';
    const l2 = level2[l1]?.[i % (level2[l1]?.length ?? 1)] ?? '数量指标';
    const kind = i % 4;
    const target = 100 + (i % 37);
    if (kind === 3) return { level1: l1, level2: l2, name: `定性指标${i}`, target: '明显提升', actual: '有所提升', points: '0.18', score: '0.15', qualitativeGrade: 'achieved', deviationExplanation: `定性指标${i}部分工作延期` };
    if (kind === 2) return { level1: l1, level2: l2, name: `成本指标${i}`, target: `≤${target}万元`, actual: `${target - 3}万元`, points: '0.18', score: '0.18' };
    return { level1: l1, level2: l2, name: `数量指标${i}`, target: `≥${target}个`, actual: `${target + (i % 5)}个`, points: '0.18', score: '0.18' };
  });
  return {
    kind: 'project',
    schemeId: 'national-project-2020',
    year: 2023,
    project: { name: '生成的大型项目', supervisingDepartment: '某县财政局' },
    funds: { total: { initialBudget: '12,000.00', budget: '12,345.67', actual: '12,001.23', points: '10', executionRate: '97.21%', score: '9.72' } },
    indicators: rows,
    totalPoints: '100',
    totalScore: '95.00',
    grade: '优',
  };
}

function benchOne(label: string, text: string, schemes: readonly Scheme[]): string[] {
  const evaluation = parseEvaluation(JSON.parse(text));
  const scheme = schemes.find((s) => s.id === evaluation.schemeId) ?? schemes[0];
  if (!scheme) throw new Error('no scheme');
  const parse = time(() => parseEvaluation(JSON.parse(text)));
  const engine = time(() => runChecks(CHECKS, evaluation, derive(evaluation, scheme)));
  const findings = runChecks(CHECKS, evaluation, derive(evaluation, scheme)).length;
  return [
    `${label}（${(text.length / 1024).toFixed(1)} KB，${findings} 条发现）`,
    `  JSON.parse + 校验：中位数 ${ms(parse.medianMs)}（p90 ${ms(parse.p90Ms)}；CPU ${ms(parse.cpuMs)}；${parse.runs} 次）`,
    `  推导 + 审核：    中位数 ${ms(engine.medianMs)}（p90 ${ms(engine.p90Ms)}；CPU ${ms(engine.cpuMs)}；${engine.runs} 次）`,
    `  比值（引擎 ÷ 解析校验）：墙钟 ${ratio(engine.medianMs, parse.medianMs)}，CPU ${ratio(engine.cpuMs, parse.cpuMs)}   目标 ≤ 3×；重新审核一次 ${ms(engine.medianMs)}（目标 < 1 ms）；单核约 ${Math.round(1000 / (parse.cpuMs + engine.cpuMs))} 份/秒`,
  ];
}

export function benchCore(): string[] {
  const schemes = loadSchemes();
  const seed = readFileSync(new URL('../examples/hengyang-natural-resources-2022.json', import.meta.url), 'utf8');
  return [
    '== 核心引擎（推导 + 审核 对比 JSON 解析 + 校验）==',
    ...benchOne('种子报告 衡阳县自然资源局 2022', seed, schemes),
    ...benchOne('生成的 500 个指标的项目自评', JSON.stringify(generatedProject(500)), schemes),
  ];
}

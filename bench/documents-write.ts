/**
 * Document writing benchmark (issue 4): .docx and .xlsx generation (model → document → bytes) for the
 * 衡阳 2022 seed and for a generated 500-indicator department report, and LibreOffice's conversion of the
 * same .docx to PDF (warm profile), with its ratio to the .docx generation.
 * @module
 */
import { buildDocument, convertWithLibreOffice, findLibreOffice, renderDocx, renderXlsx } from '../packages/documents/src/write/index.ts';
import { loadExample, loadScheme, syntheticDepartmentEvaluation } from '../packages/documents/src/write/test-support.ts';
import { ms, ratio, timeAsync } from './measure.ts';

export async function benchWrite(): Promise<string[]> {
  const seed = loadExample('hengyang-natural-resources-2022');
  const large = { evaluation: syntheticDepartmentEvaluation(500), scheme: loadScheme('hunan-county-department-2022') };
  const cases = [
    { name: '衡阳 2022 原报告（14 个指标）', ...seed, runs: 10, conversions: 3 },
    { name: '生成的部门报告（500 个指标）', ...large, runs: 5, conversions: 1 },
  ];
  const lines = ['文档生成（model → .docx / .xlsx 字节；中位数）'];
  const soffice = findLibreOffice();
  for (const c of cases) {
    const docx = await timeAsync(async () => renderDocx(buildDocument(c.evaluation, c.scheme)), { warmup: 2, minRuns: c.runs, minMs: 0 });
    const xlsx = await timeAsync(async () => renderXlsx(buildDocument(c.evaluation, c.scheme)), { warmup: 2, minRuns: c.runs, minMs: 0 });
    const bytes = await renderDocx(buildDocument(c.evaluation, c.scheme));
    lines.push(`  ${c.name}：.docx ${ms(docx.medianMs)}（${(bytes.length / 1024).toFixed(0)} KB），.xlsx ${ms(xlsx.medianMs)}（各 ${docx.runs} / ${xlsx.runs} 次）`);
    if (soffice) {
      // The first conversion warms the worker's profile; the large report then reuses it (one run: ~25 s).
      const pdf = await timeAsync(async () => convertWithLibreOffice(bytes, 'docx', 'pdf'), { warmup: c.conversions > 1 ? 1 : 0, minRuns: c.conversions, minMs: 0 });
      lines.push(`  　LibreOffice 转同一 .docx 为 PDF：${ms(pdf.medianMs)}，为 .docx 生成的 ${ratio(pdf.medianMs, docx.medianMs)}（${pdf.runs} 次，已预热的配置目录）`);
    } else {
      lines.push('  　LibreOffice 转换：本机没有 soffice，未测');
    }
  }
  return lines;
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN_DEPARTMENT, CLEAN_PROJECT, merge } from '../../core/src/checks/testing/fixtures.ts';
import { main } from './main.ts';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-'));
const write = (name: string, data: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
};

describe('jixiao check', () => {
  it('exits 0 and says so when a clean report has no finding', async () => {
    const r = await run(['check', write('clean.json', CLEAN_DEPARTMENT)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未发现问题');
  });

  it('exits 1 with the stable JSON contract when there are error findings', async () => {
    const file = write('bad.json', merge(CLEAN_DEPARTMENT, { selfEvaluation: { totalScore: '97' } }));
    const r = await run(['check', '--format', 'json', file]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { reports: { file: string; findings: { check: string; severity: string; message: string; stated?: number; expected?: number; location: { path: string; line?: number } }[] }[] };
    expect(json.reports).toHaveLength(1);
    expect(json.reports[0]?.file).toBe(file);
    const finding = json.reports[0]?.findings.find((f) => f.check === 'total-score-mismatch');
    expect(finding).toMatchObject({ severity: 'error', stated: 97, expected: 99.8, location: { path: 'selfEvaluation.totalScore' } });
    expect(typeof finding?.location.line).toBe('number');
    expect(finding?.message).toMatch(/总得分写为 97/u);
  });

  it('states and expects numbers in JSON where the message words them (比上年增加…, 下降…%)', async () => {
    const report = [
      '2022年某局部门整体支出绩效自评报告',
      '公务接待费实际支出6.20万元，上年支出7.40万元，比上年增加1.20万元。',
      '三公经费支出15.82万元，比上年减少3.06万元，下降17.21%。上年三公经费支出18.88万元。',
    ].join('\n');
    const r = await run(['check', '--format', 'json', write('worded.txt', report)]);
    const json = JSON.parse(r.out) as { reports: { findings: { check: string; message: string; stated?: unknown; expected?: unknown; location: { line?: number } }[] }[] };
    const changes = (json.reports[0]?.findings ?? []).filter((f) => f.check === 'fact-difference').map((f) => [f.location.line, f.stated, f.expected]);
    // 增加 1.20 when it went down by 1.20: the figure in the stated's own direction is −1.2
    expect(changes).toEqual([[2, 1.2, -1.2], [3, 17.21, 16.21]]);
    expect(json.reports[0]?.findings.find((f) => f.location.line === 2)?.message).toMatch(/减少/u);
  });

  it('exits 2 with a Chinese message naming the file when nothing could be read', async () => {
    const r = await run(['check', '--format', 'json', write('broken.json', '{"kind": "department",\n')]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/broken\.json 不是有效的 JSON：第 2 行/u);
    expect(r.out).not.toMatch(/at .*\.ts:\d+/u);
  });

  it('names the bad field of an invalid model in Chinese', async () => {
    const r = await run(['check', write('invalid.json', merge(CLEAN_PROJECT, { funds: { total: { budget: '五百' } } }))]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('funds.total.budget：不是有效的金额：「五百」');
  });

  it('checks the readable files when another is missing, and exits by their findings', async () => {
    const r = await run(['check', write('ok.json', CLEAN_PROJECT), join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('找不到文件');
  });
});

describe('jixiao score, schemes and usage', () => {
  it('shows the computed total and grade with how they were reached', async () => {
    const r = await run(['score', write('score.json', merge(CLEAN_DEPARTMENT, { selfEvaluation: { totalScore: '97' } }))]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('按方案计算：99.8');
    expect(r.out).toContain('按方案：「优秀」');
    expect(r.out).toContain('预算执行率 = 全年执行数 980 ÷ 全年预算数 1000 = 98%');
  });

  it('scores the same report differently under another scheme', async () => {
    const r = await run(['score', '--scheme', 'hunan-department-legacy-2013', write('legacy.json', CLEAN_DEPARTMENT)]);
    expect(r.out).toContain('按方案计算：99');
    expect(r.out).toContain('结转结余率 = 2%');
  });

  it('lists the schemes', async () => {
    const r = await run(['schemes']);
    expect(r.out).toContain('hunan-county-department-2022');
    expect(r.out).toContain('national-project-2020');
  });

  it('rejects an unknown command and an unknown scheme with exit 2', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const r = await run(['check', '--scheme', 'nowhere', write('s.json', CLEAN_PROJECT)]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('找不到评价方案「nowhere」');
    const bad = await run(['check', '--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('参数有误');
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).out).toContain('jixiao check');
    expect((await run(['--version'])).out).toMatch(/^\d+\.\d+\.\d+$/u);
  });
});

describe('jixiao checks', () => {
  it('lists every check, and docs/checks.md is the generated catalogue', async () => {
    const { readFileSync } = await import('node:fs');
    const { CHECKS } = await import('@jixiao/core');
    const text = await run(['checks']);
    for (const c of CHECKS) expect(text.out).toContain(c.id);
    const markdown = await run(['checks', '--format', 'markdown']);
    expect(readFileSync(new URL('../../../docs/checks.md', import.meta.url), 'utf8')).toBe(`${markdown.out}\n`);
  });
});

describe('jixiao render', () => {
  const seedJson = new URL('../../../examples/hengyang-natural-resources-2022.json', import.meta.url).pathname;

  it('writes the seed as written, its 审核意见 apart, and the audit summary of the file it wrote', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const { readDocument } = await import('@jixiao/documents');
    const output = join(dir, 'seed.docx');
    const r = await run(['render', seedJson, '--to', 'docx', '-o', output]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已生成 ${output}`);
    expect(r.out).toContain('按单位填报原样印出');
    const review = join(dir, 'seed-审核意见.docx');
    expect(existsSync(review)).toBe(true);
    const reviewText = (await readDocument(readFileSync(review), 'seed-审核意见.docx')).lines.map((l) => l.text).join('\n');
    expect(reviewText).toContain('审核意见及更正建议');
    expect(reviewText).toContain('总分得分填报为 97');
    expect(reviewText).toContain('建议更正为 98');
    // the audit of the rendered file finds what the unit wrote: 97 where the scores add up to 98, …
    expect(r.out).toMatch(/审核所生成的文件：错误 [1-9]\d* 处/u);
    const json = await run(['check', '--format', 'json', output]);
    const findings = (JSON.parse(json.out) as { reports: { findings: { stated?: number; expected?: number }[] }[] }).reports[0]?.findings ?? [];
    const found = (stated: number, expected: number): boolean => findings.some((f) => f.stated === stated && f.expected === expected);
    expect([found(97, 98), found(87.15, 90.08), found(60.11, 62.11), found(644, 645)]).toEqual([true, true, true, true]);
    const report = (await readDocument(readFileSync(output), 'seed.docx')).lines.map((l) => l.text).join('\n');
    expect(report).toContain('年末实有在职人员644人');
    expect(report).not.toContain('审核意见');
  });

  it('--strict exits 1 when the rendered file still has errors, 0 for the clean project', async () => {
    const seed = await run(['render', seedJson, '--to', 'docx', '-o', join(dir, 'strict.docx'), '--strict']);
    expect(seed.code).toBe(1);
    expect(seed.err).toContain('--strict');
    const clean = await run(['render', new URL('../../../examples/clean-project-2023.json', import.meta.url).pathname, '--to', 'docx', '-o', join(dir, 'clean.docx'), '--strict']);
    expect(clean.out).toMatch(/审核所生成的文件：错误 0 处/u);
    expect(clean.code).toBe(0);
  });

  const cleanDepartment = new URL('../../../examples/clean-department-2023.json', import.meta.url).pathname;

  it('the clean department’s attachment tables (.xlsx) audit without errors', async () => {
    const r = await run(['render', cleanDepartment, '--to', 'xlsx', '-o', join(dir, 'clean-department.xlsx'), '--strict']);
    expect(r.out).toMatch(/审核所生成的文件：错误 0 处/u);
    expect(r.code).toBe(0);
  });

  // The clean department as written, rendered to .docx (and PDF: the same findings), should audit without
  // errors: its figures are consistent and the audit of its model is clean. It does not yet: the text checks
  // of packages/audit misread four of the unit's sentences (printed exactly as the model holds them):
  // - fact-total-parts and fact-vs-table: 亩均财政投入1515元（3,060.00万元÷2.02万亩） — a quotient in brackets is
  //   taken as a list of parts, and 3,060.00万元 / 2.02万亩 compared with the 1,515元/亩 of the table;
  // - fact-vs-table: 基本支出结余91.72万元（人员经费63.55万元，公用经费28.17万元） — the parts of a 结余 are compared
  //   with the table's 人员经费 2,316.45 and 公用经费 287.63 (the spending, not what was left of it);
  // - fact-vs-table: 可持续影响指标1个有扣分：……18个乡镇中尚有5个未建立 — 5个 (townships) read as the count of indicators;
  // - relation-sum (warning): 结转结余285.82万元，其中基本支出结余91.72万元，项目支出结转194.10万元，主要是…保证金80.00万元…
  //   53.50万元 — the items after 主要是 are parts of the 194.10, not further parts of the 285.82.
  // This test documents the expectation; it is to become a plain `it` once the audit reads these sentences.
  it.fails('the clean department as written (.docx) audits without errors — fails until the audit reads the sentences above', async () => {
    const r = await run(['render', cleanDepartment, '--to', 'docx', '-o', join(dir, 'clean-department.docx'), '--strict']);
    expect(r.out).toMatch(/审核所生成的文件：错误 0 处/u);
    expect(r.code).toBe(0);
  });

  it('--corrected prints the computed figures marked in place', async () => {
    const { readFileSync } = await import('node:fs');
    const { readDocument } = await import('@jixiao/documents');
    const output = join(dir, 'corrected.docx');
    const r = await run(['render', seedJson, '--to', 'docx', '-o', output, '--corrected']);
    expect(r.out).toContain('更正版');
    const report = (await readDocument(readFileSync(output), 'corrected.docx')).lines.map((l) => l.text).join('\n');
    expect(report).toContain('645〔更正：原填644');
  });

  it('refuses an unknown target format', async () => {
    const r = await run(['render', write('r.json', CLEAN_PROJECT), '--to', 'odt']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--to 只能是 docx、xlsx 或 pdf');
  });
});

describe('jixiao check on reports written by others', () => {
  const seedTxt = new URL('../../../examples/hengyang-natural-resources-2022.txt', import.meta.url).pathname;

  it('audits the seed .txt: narrative against tables, with lines', async () => {
    const r = await run(['check', '--format', 'json', seedTxt]);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { reports: { findings: { check: string; stated?: number; expected?: number; location: { line?: number } }[] }[] }).reports[0]?.findings ?? [];
    const at = (check: string, stated: number, expected: number) => findings.find((f) => f.check === check && f.stated === stated && f.expected === expected);
    expect(at('total-score-mismatch', 97, 98)?.location.line).toBe(511);
    expect(at('rate-mismatch', 87.15, 90.08)?.location.line).toBe(143);
    expect(findings.some((f) => f.stated === 11853.56 && f.expected === 1883.31 && f.location.line === 88)).toBe(true);
    expect(findings.some((f) => f.stated === 60.11 && f.expected === 62.11 && f.location.line === 53)).toBe(true);
    expect(findings.some((f) => f.stated === 644 && f.expected === 645 && f.location.line === 12)).toBe(true);
  });

  it('audits the seed saved as a government web page (.html, gb2312) with the same errors as the .txt', async () => {
    const errors = async (file: string) => {
      const r = await run(['check', '--format', 'json', file]);
      expect(r.code).toBe(1);
      const findings = (JSON.parse(r.out) as { reports: { findings: { check: string; severity: string; stated?: number; expected?: number }[] }[] }).reports[0]?.findings ?? [];
      // by figures: the .txt's 六（二） statements reach the model, whose checks then report what the page's text checks do
      return findings.filter((f) => f.severity === 'error').map((f) => `${f.stated} ${f.expected}`).sort();
    };
    const html = await errors(new URL('../../documents/fixtures/hengyang-2022.html', import.meta.url).pathname);
    expect(html).toHaveLength(10);
    expect(html).toEqual(await errors(seedTxt));
  });

  it('walks a folder, checks every report in it and ends with a summary table', async () => {
    const r = await run(['check', new URL('../../../examples/', import.meta.url).pathname]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('clean-project-2023.json');
    expect(r.out).toContain('hengyang-natural-resources-2022.txt');
    expect(r.out).toMatch(/合计 \d+ 个文件/u);
  });

  it('imports a report into a model file and lists what it could not map', async () => {
    const output = join(dir, 'imported.json');
    const r = await run(['import', seedTxt, '-o', output]);
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const model = JSON.parse(readFileSync(output, 'utf8')) as { kind: string; selfEvaluation: { totalScore: string } };
    expect(model.kind).toBe('department');
    expect(model.selfEvaluation.totalScore).toBe('97');
  });

  it('says in Chinese which file is not a report, and still checks the others', async () => {
    const junk = write('junk.docx', 'not a zip at all');
    const r = await run(['check', junk, write('fine.json', CLEAN_PROJECT)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('junk.docx');
    expect(r.out).not.toMatch(/at .*\.ts:\d+/u);
  });
});

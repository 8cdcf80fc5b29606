import { parseEvaluation, parseScheme } from '@jixiao/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersOf } from './audit.ts';
import { hengyangTables } from './fixtures/hengyang-tables.ts';
import { auditText, factChecks, inferUnitName, inferYear, textChecks } from './index.ts';
import { documentOf, fixture, seedText } from './testing.ts';

const scheme = parseScheme(JSON.parse(readFileSync(fileURLToPath(new URL('../../../../schemes/hunan-county-department-2022.json', import.meta.url)), 'utf8')));
const tables = parseEvaluation(hengyangTables);
const summary = (text: string, evaluation = null as typeof tables | null) =>
  auditText(documentOf(text), evaluation, evaluation ? scheme : null).map((f) => `${f.location.line} ${f.check}`);

describe('auditText on the seed (衡阳县自然资源局 2022)', () => {
  const textOnly = [
    '53 fact-total-parts', // 三公经费预算73.63 vs 60.11 + 11.52 + 0
    '82 fact-total-parts', // 产出及效益得分77 vs 48 + 30
    '84 fact-count-list', // 数量5个 vs ①…⑥
    '88 fact-difference', // 盈余11,853.56 vs 1,883.31
    '102 duplicate-sentence', // 地质灾害调查 … twice
    '106 foreign-paragraph', // 库区和移民
    '118 template-residue', // 报告应包括以下附件
  ];

  it('finds the narrative’s own inconsistencies without the tables', () => {
    expect(summary(seedText())).toEqual(textOnly);
  });

  it('adds the narrative-vs-table ones with the tables, each error once', () => {
    expect(summary(seedText(), tables)).toEqual([
      '12 fact-vs-table', // 实有在职人员644 vs 645
      '38 fact-vs-table', // 一般公共预算收入16,030.63 vs 一般公共预算拨款13,749.75
      '53 fact-total-parts',
      '53 fact-vs-table', // 公务接待费预算60.11 vs 62.11
      ...textOnly.slice(1),
    ]);
  });

  it('does not flag 结案率93.75% = 60 / 64, nor the correct changes on last year', () => {
    const findings = auditText(documentOf(seedText()), tables, scheme);
    expect(findings.filter((f) => f.location.line === 98 || f.location.line === 53 && f.stated === '15.18万元')).toEqual([]);
  });

  it('reports in the core’s Finding shape with Chinese messages and the figures', () => {
    const [fact] = auditText(documentOf(seedText()), tables, scheme).filter((f) => f.check === 'fact-difference');
    expect(fact).toMatchObject({
      category: 'arithmetic', severity: 'error', stated: 11853.56, expected: 1883.31,
      location: { path: 'text', line: 88, file: 'test.txt' },
    });
    expect(fact?.message).toContain('1,883.31');
  });
});

describe('auditText on reports of other departments', () => {
  it.each([['education-2021-clean.txt'], ['health-project-2022-clean.txt'], ['transport-2022-clean.txt'], ['agriculture-2023-clean.txt']])('raises no alarm on a clean report: %s', (name) => {
    expect(summary(fixture(name))).toEqual([]);
  });

  it('finds every error injected into a 教育局 report', () => {
    expect(summary(fixture('education-2021-errors.txt'))).toEqual([
      // 20: 基本支出 stated twice (32,410.50 and 32,140.50): the second is also not 人员经费 + 公用经费
      '7 fact-count-list', '8 fact-total-parts', '20 fact-total-parts', '24 fact-total-parts', '24 fact-difference', '26 fact-difference',
      '33 year-mismatch', '35 fact-rate', '38 numbering-sequence', '39 foreign-paragraph', '40 numbering-sequence',
      '41 duplicate-sentence', '44 template-residue', '44 numbering-sequence', '50 template-residue',
    ]);
  });

  it('finds every error injected into a 卫健 project report', () => {
    expect(summary(fixture('health-project-2022-errors.txt'))).toEqual([
      '3 year-mismatch', '9 fact-total-parts', '9 fact-difference', '15 fact-count-list', '15 template-residue', '16 fact-rate',
      '21 foreign-paragraph', '27 fact-difference', '36 numbering-sequence',
    ]);
  });

  it('checks the project report’s dates against the model’s year', () => {
    const model = parseEvaluation({ kind: 'project', year: 2022, project: { name: '基本公共卫生服务项目' }, funds: { total: { budget: '3,088.00' } } });
    const found = auditText(documentOf(fixture('health-project-2022-errors.txt')), model, null).filter((f) => f.check === 'year-mismatch');
    expect(found.map((f) => [f.location.line, f.stated])).toEqual([[3, 2021], [42, 2021]]);
  });
});

describe('auditText on partial documents', () => {
  it('says nothing about a single table', () => {
    const table = seedText().split('\n').slice(258, 520).join('\n');
    expect(table).toContain('\t部门资金');
    expect(summary(table)).toEqual([]);
  });

  it('checks what an excerpt contains and nothing it lacks', () => {
    const excerpt = seedText().split('\n').slice(83, 88).join('\n');
    expect(summary(excerpt)).toEqual(['1 fact-count-list', '5 fact-difference']);
  });

  it('runs on an empty document', () => {
    expect(summary('')).toEqual([]);
  });
});

describe('what the document says about itself', () => {
  it('infers the year and the unit', () => {
    const lines = documentOf(seedText()).lines;
    expect(inferYear(lines)?.year).toBe(2022);
    expect(inferUnitName(lines)).toBe('衡阳县自然资源局');
    expect(inferYear(documentOf('2021年度部门整体支出绩效自评报告\n（2022年度）').lines)).toBeNull();
    // a reference to last year's evaluation is not the report's own year
    expect(inferYear(documentOf('2023年度部门整体支出绩效自评报告\n对2022年度绩效评价中发现的问题已全部整改。').lines)?.year).toBe(2023);
  });

  it('lists every check once, with kebab-case ids and Chinese messages', () => {
    const all = [...factChecks, ...textChecks];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const check of all) {
      expect(check.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
      expect(Object.values(check.meta.messages).every((m) => /[\u4e00-\u9fff]/u.test(m))).toBe(true);
    }
  });
});

describe('numbersOf', () => {
  it('= the figure without anything but digits, points and minus signs', () => {
    const units = fc.constantFrom(...'0123456789.-,+e万元%人 ５'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.array(units, { maxLength: 12 }).map((cs) => cs.join('')), fc.double(), fc.integer()), (v) => {
        expect(numbersOf(v)).toBe(String(v).replace(/[^\d.-]/gu, ''));
      }),
      { numRuns: 1000 },
    );
    expect(numbersOf(undefined)).toBe('');
  });
});


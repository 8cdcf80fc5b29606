import { dec } from '@jixiao/core';
import type { SourceDocument } from '@jixiao/documents';
import { describe, expect, it } from 'vitest';
import { judgeRelations, relationFindings } from './index.ts';
import { RELATION_CHECKS } from './report.ts';
import { fig } from './testing.ts';
import type { Extractor, Relation } from './types.ts';

const certain = { source: 'test', confidence: 'certain' } as const;

describe('relation findings', () => {
  it('a typo in a part: the part, its line, both numbers and the likely correction', () => {
    const relations: Relation[] = [{ ...certain, kind: 'sum', total: fig('3,806.65万元', 1, { label: '支出合计' }), parts: [fig('1,253.40万元', 2, { label: '人员经费' }), fig('2,571.25万元', 3, { label: '公用经费' })] }];
    const [f, ...rest] = judgeRelations(relations, 'a.txt');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ check: 'relation-sum', severity: 'error', stated: 1253.4, expected: 1235.4, location: { line: 2, file: 'a.txt' } });
    expect(f?.message).toBe('第2行「人员经费」写为 1,253.40万元，按「支出合计」3,806.65万元 减去其余分项应为 1,235.40万元；疑似录入错误：1,253.40万元 应为 1,235.40万元');
  });

  it('a likely reading is a warning that says what it assumed, and by how much', () => {
    const relations: Relation[] = [{ source: 'test', confidence: 'likely', assumption: '按“其中”所列分项为全部分项', kind: 'sum', total: fig('100.00万元', 4, { label: '项目资金' }), parts: [fig('30.00万元', 4, { label: '人员经费' }), fig('40.00万元', 4, { label: '公用经费' })] }];
    const [f] = judgeRelations(relations);
    expect(f).toMatchObject({ check: 'relation-sum', severity: 'warning', stated: 100, expected: 70 });
    expect(f?.message).toContain('（此处按“其中”所列分项为全部分项）');
  });

  it('figures written in 元 keep 元 in stated and expected', () => {
    const relations: Relation[] = [{ ...certain, kind: 'unit', a: { ...fig('2026400元', 5), value: dec(2026400) }, b: fig('202.46万元', 6) }];
    const [f] = judgeRelations(relations);
    expect(f).toMatchObject({ check: 'relation-unit', stated: 202.46, expected: 202.64 });
  });

  it('a wrong grade is reported at the grade', () => {
    const relations: Relation[] = [{ ...certain, kind: 'grade', score: fig('85', 3, { exact: true }), grade: { text: '优秀', line: 4 }, bands: [{ grade: '优秀', min: dec(90) }, { grade: '良好', min: dec(80) }] }];
    expect(judgeRelations(relations)).toMatchObject([{ check: 'relation-grade', stated: '优秀', expected: '良好', location: { line: 4 } }]);
  });

  it('every kind has a check with a Chinese description', () => {
    for (const [kind, c] of Object.entries(RELATION_CHECKS)) {
      expect(c.id).toBe(`relation-${kind}`);
      expect(c.meta.description).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('the same relation read by two extractors is one finding', () => {
    const relation: Relation = { ...certain, kind: 'count', count: fig('4个', 7, { exact: true }), items: ['甲', '乙', '丙'] };
    const twice: Extractor[] = [1, 2].map((i) => ({ id: `x${i}`, description: '测试', extract: () => [{ ...relation, count: { ...relation.count } }] }));
    const doc = { file: 'a.txt', format: 'txt', lines: [], tables: [], warnings: [] } as unknown as SourceDocument;
    expect(relationFindings({ doc, evaluation: null, scheme: null, year: null }, twice)).toMatchObject([{ check: 'relation-count', stated: 4, expected: 3 }]);
  });
});

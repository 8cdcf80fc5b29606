import { describe } from 'vitest';
import { listedCountMismatch } from './listed-count-mismatch.ts';
import { CLEAN_DEPARTMENT, HUNAN, NATIONAL, department, project } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

const unit = (patch: Record<string, unknown>) => department({ unit: patch });
const [fundsStatement, outputStatement] = CLEAN_DEPARTMENT.performance.statements;
const quantity = (indicatorCount: string, listedItems: string[]) =>
  department({ performance: { statements: [fundsStatement, outputStatement, { scope: { level1: ['产出指标'], level2: '数量指标' }, indicatorCount, listedItems }] } });

describe('listed-count-mismatch', () => {
  testCheck(listedCountMismatch, HUNAN, {
    valid: [
      { name: 'the clean narrative lists as many items as it counts', evaluation: department() },
      { name: 'a project has no such lists', evaluation: project(), scheme: NATIONAL },
      {
        // the seed: 4个群团组织 — 机关党总支、机关工会、机关共青团、机关妇联
        name: 'the seed mass organizations, four counted and four named',
        evaluation: unit({ massOrganizations: { count: '4', names: ['机关党总支', '机关工会', '机关共青团', '机关妇联'] } }),
      },
      { name: 'a count without names', evaluation: unit({ divisions: { count: '20', names: [] } }) },
      { name: 'names without a count', evaluation: unit({ divisions: { count: null, names: ['办公室', '计财股'] } }) },
      { name: 'a statement count without listed items', evaluation: quantity('5', []) },
    ],
    invalid: [
      {
        name: 'three divisions counted, two named',
        evaluation: unit({ divisions: { count: '3', names: ['办公室', '计财股'] } }),
        findings: [{ messageId: 'unitList', path: 'unit.divisions.count', stated: 3, expected: 2, severity: 'error' }],
      },
      {
        name: 'mass organizations counted 4, five named',
        evaluation: unit({ massOrganizations: { count: '4', names: ['机关党总支', '机关工会', '机关共青团', '机关妇联', '机关团支部'] } }),
        findings: [{ messageId: 'unitList', path: 'unit.massOrganizations.count', stated: 4, expected: 5 }],
      },
      {
        name: 'subordinate units counted 13, twelve named',
        evaluation: unit({ subordinateUnits: { count: '13', names: Array.from({ length: 12 }, (_, i) => `二级机构${i + 1}`) } }),
        findings: [{ messageId: 'unitList', path: 'unit.subordinateUnits.count', stated: 13, expected: 12 }],
      },
      {
        name: 'branch offices counted 25, 26 named',
        evaluation: unit({ branchOffices: { count: '25', names: Array.from({ length: 26 }, (_, i) => `国土资源所${i + 1}`) } }),
        findings: [{ messageId: 'unitList', path: 'unit.branchOffices.count', stated: 25, expected: 26 }],
      },
      {
        name: 'two lists wrong, in the order of the report',
        evaluation: unit({ divisions: { count: '2', names: ['办公室'] }, branchOffices: { count: '1', names: ['甲所', '乙所'] } }),
        findings: [
          { messageId: 'unitList', path: 'unit.divisions.count', stated: 2, expected: 1 },
          { messageId: 'unitList', path: 'unit.branchOffices.count', stated: 1, expected: 2 },
        ],
      },
      {
        // the seed: 数量5个 followed by ①…⑥
        name: 'the seed quantity statement counts 5 and lists 6',
        evaluation: quantity('5', ['摸排化解房地产历史遗留办证', '办理不动产登记证', '绿色矿山建设', '拆违控建', '自然资源违法违规案件结案', '月清三地两矿工作']),
        findings: [{ messageId: 'statementList', path: 'performance.statements[2].indicatorCount', stated: 5, expected: 6, severity: 'error' }],
      },
    ],
  });
});

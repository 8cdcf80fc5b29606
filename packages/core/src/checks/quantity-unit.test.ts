import { describe } from 'vitest';
import { quantityUnit } from './quantity-unit.ts';
import { HUNAN, NATIONAL, department, departmentWithIndicator, project, projectWithIndicator } from './testing/fixtures.ts';
import { testCheck } from './testing/tester.ts';

describe('quantity-unit', () => {
  testCheck(quantityUnit, HUNAN, {
    valid: [
      { name: 'every quantitative target of the clean department has a unit (亩, %)', evaluation: department() },
      { name: 'every quantitative target of the clean project has a unit (公里, %, 万元)', evaluation: project(), scheme: NATIONAL },
      { name: 'the unit is written in its own column', evaluation: departmentWithIndicator(0, { target: '1000', actual: '1000', unit: '亩' }) },
      { name: 'a unit of several characters follows the number', evaluation: departmentWithIndicator(0, { target: '10个楼盘', actual: '13个楼盘' }) },
      { name: 'a text target is qualitative and has no unit to give', evaluation: departmentWithIndicator(0, { target: '形成项目清单', actual: '已形成' }) },
      {
        name: 'a numeric target with a text actual is scored as qualitative',
        evaluation: departmentWithIndicator(0, { target: '120', actual: '已全部完成', score: '25' }),
      },
      { name: 'a not-applicable row is skipped', evaluation: departmentWithIndicator(0, { target: '1000', actual: '1000', notApplicable: true }) },
      { name: 'a partial report without the table', evaluation: department({ selfEvaluation: undefined }) },
    ],
    invalid: [
      {
        name: 'a count target is a bare number (the seed: 办理不动产登记证 800)',
        evaluation: departmentWithIndicator(0, { target: '800', actual: '1008' }),
        findings: [{ messageId: 'missingUnit', path: 'selfEvaluation.indicators[0].target', severity: 'warning' }],
      },
      {
        name: 'a ≥ target has a number but no unit, and the unit column is blank',
        evaluation: departmentWithIndicator(1, { target: '≥85', actual: '90', unit: '　' }),
        findings: [{ messageId: 'missingUnit', path: 'selfEvaluation.indicators[1].target' }],
      },
      {
        name: 'a reverse (≤) project target has no unit',
        evaluation: projectWithIndicator(3, { target: '≤1.7', actual: '1.6万元' }),
        scheme: NATIONAL,
        findings: [{ messageId: 'missingUnit', path: 'indicators[3].target' }],
      },
      {
        name: 'two rows lack units, reported in row order',
        evaluation: department({
          selfEvaluation: {
            indicators: [
              { level1: '产出指标', level2: '数量指标', name: '造林面积', target: '1000', actual: '1000', points: '25', score: '25' },
              { level1: '产出指标', level2: '数量指标', name: '抚育面积', target: '　500', actual: '500', points: '25', score: '25' },
            ],
          },
        }),
        findings: [
          { messageId: 'missingUnit', path: 'selfEvaluation.indicators[0].target' },
          { messageId: 'missingUnit', path: 'selfEvaluation.indicators[1].target' },
        ],
      },
    ],
  });
});

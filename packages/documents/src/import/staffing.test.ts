import { describe, expect, it } from 'vitest';
import { staffingFromText } from './staffing.ts';

describe('staffingFromText', () => {
  it('reads the sentence jixiao writes', () => {
    expect(staffingFromText('某局共有编制716个，其中：行政编制26个，机关工勤编制2个，事业编制688个；年末实有在职人员644人，其中：行政人员29人，事业编615人；退休人员138人。')).toEqual({
      authorized: { total: '716', parts: [{ label: '行政编制', count: '26' }, { label: '机关工勤编制', count: '2' }, { label: '事业编制', count: '688' }] },
      actual: { total: '644', parts: [{ label: '行政人员', count: '29' }, { label: '事业编', count: '615' }] },
      retired: '138',
    });
  });

  it('reads the seed’s own wording (共定编, a space before a number, a full stop before 退休)', () => {
    expect(staffingFromText('人员编制：衡阳县自然资源局共定编716个,其中：行政编制26个，机关工勤编制2个，事业编制 688个；实有在职人员644人，其中：行政人员29人，事业编615人 。退休人员138人。')).toMatchObject({
      authorized: { total: '716', parts: [{ label: '行政编制' }, { label: '机关工勤编制' }, { label: '事业编制', count: '688' }] },
      actual: { total: '644', parts: [{ label: '行政人员', count: '29' }, { label: '事业编', count: '615' }] },
      retired: '138',
    });
  });

  it('gives null for a text that states no staffing figure', () => {
    expect(staffingFromText('内设20个机构，4个群团组织。')).toBeNull();
  });
});

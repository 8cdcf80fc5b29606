import { describe, expect, it } from 'vitest';
import { buildDocument } from './build-document.ts';
import { describeSubstitutions, fontSubstitutions } from './fonts.ts';
import { hasCommand, loadExample } from './test-support.ts';

describe('describeSubstitutions', () => {
  it('names the face behind each font and the characters another face supplies', () => {
    expect(describeSubstitutions([
      { requested: '仿宋_GB2312', used: 'FandolFang', missing: '' },
      { requested: '黑体', used: '黑体', missing: '' },
      { requested: '楷体_GB2312', used: 'AR PL KaitiM GB', missing: '骉' },
    ])).toEqual(['仿宋_GB2312 → FandolFang', '黑体（已安装）', '楷体_GB2312 → AR PL KaitiM GB（缺 1 字，由其他字体补：骉）']);
  });
});

describe.skipIf(!hasCommand('fc-match') || !hasCommand('fc-query'))('fontSubstitutions (fontconfig)', () => {
  it('reports a face for every font the seed document uses, each covering the characters set in it', () => {
    const { evaluation, scheme } = loadExample('hengyang-natural-resources-2022');
    const substitutions = fontSubstitutions(buildDocument(evaluation, scheme)) ?? [];
    expect(substitutions.map((s) => s.requested).sort()).toEqual(['仿宋_GB2312', '宋体', '方正小标宋简体', '楷体_GB2312', '黑体'].sort());
    for (const s of substitutions) expect(s.used, s.requested).not.toBe('');
    // the body face: Fandol's FangSong when installed (.ci/run), which has every character of the report
    const body = substitutions.find((s) => s.requested === '仿宋_GB2312');
    if (body?.used === 'FandolFang') expect(body.missing).toBe('');
  });
});

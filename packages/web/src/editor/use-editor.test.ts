import type { Finding } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { statusesOf } from './use-editor.ts';

const finding = (severity: Finding['severity'], path: string, related: string[] = []): Finding => ({
  check: 'x', category: 'arithmetic', severity, message: 'm', location: { path }, ...(related.length ? { related: related.map((p) => ({ path: p })) } : {}),
});

describe('field statuses from findings', () => {
  it('mark the finding’s field with its severity, errors winning', () => {
    const s = statusesOf([finding('warning', 'a'), finding('error', 'a'), finding('warning', 'b'), finding('info', 'c')]);
    expect(s.get('a')).toBe('error');
    expect(s.get('b')).toBe('warning');
    expect(s.has('c')).toBe(false);
  });

  it('mark the fields an error involves as warnings', () => {
    const s = statusesOf([finding('error', 'total', ['part1', 'part2']), finding('warning', 'w', ['other'])]);
    expect(s.get('total')).toBe('error');
    expect(s.get('part1')).toBe('warning');
    expect(s.has('other')).toBe(false);
  });
});

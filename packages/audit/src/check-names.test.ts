import { CHECKS, CHECK_NAMES, checkName } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { factChecks, textChecks } from './facts/index.ts';
import { relationChecks } from './relations/index.ts';

describe('check names', () => {
  it('names every check of the engine and of the document reader in Chinese', () => {
    const ids = [...CHECKS, ...factChecks, ...textChecks, ...relationChecks].map((c) => c.id);
    for (const id of ids) {
      expect(CHECK_NAMES[id], id).toBeDefined();
      expect(checkName(id), id).toMatch(/^[\u4e00-\u9fff][\u4e00-\u9fff、与和或]*$/u);
    }
    expect(checkName('fact-vs-table')).toBe('正文与附表数据不一致');
    expect(checkName('sign-off')).toBe('签字落款缺失');
    expect(checkName('no-such-check')).not.toMatch(/[A-Za-z]/u);
  });
});

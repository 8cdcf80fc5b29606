import { describe, expect, it } from 'vitest';
import { ROUTES } from '../http/routes.ts';
import { COMMANDS } from './index.ts';
import { findNul } from './registry.ts';

describe('the command registry', () => {
  it('names every command by its key, in kebab-case noun-verb form, with a Chinese summary', () => {
    for (const [key, command] of Object.entries(COMMANDS)) {
      expect(command.name).toBe(key);
      expect(key).toMatch(/^[a-z]+(?:-[a-z]+)+$/u);
      expect(command.summary).toMatch(/[\u4e00-\u9fff]/u);
    }
  });

  it('has an HTTP route for every command (every action of the web app is an API call)', () => {
    expect(new Set(ROUTES.map((r) => r.command))).toEqual(new Set(Object.keys(COMMANDS)));
  });

  it('finds NUL characters anywhere in an input', () => {
    expect(findNul({ a: [{ b: 'x\u0000' }] })).toBe('a[0].b');
    expect(findNul({ a: ['ok'], data: new Uint8Array([0]) })).toBeNull();
  });
});

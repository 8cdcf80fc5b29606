/**
 * Keeps the registry in step with the folder: every check file is registered once, named after its id,
 * documented, and reports only (and all of) the messages it declares.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from './index.ts';
import type { Check } from './types.ts';

/** Files of this folder that are not checks. */
const HELPERS = new Set(['index.ts', 'types.ts', 'run.ts', 'util.ts', 'scoring-util.ts', 'catalogue.ts', 'check-names.ts']);
const FOLDER = new URL('./', import.meta.url);
const files = readdirSync(FOLDER, { withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') && !HELPERS.has(d.name))
  .map((d) => d.name)
  .sort();
const source = (file: string): string => readFileSync(new URL(file, FOLDER), 'utf8');

const isCheck = (v: unknown): v is Check =>
  typeof v === 'object' && v !== null && typeof (v as Check).id === 'string' && typeof (v as Check).run === 'function' && typeof (v as Check).meta === 'object';

/** The messageIds a source reports: every quoted string in a `messageId:` expression. */
function reportedIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const m of text.matchAll(/messageId:\s*([^,\n}]+)/gu)) {
    for (const q of (m[1] ?? '').matchAll(/'([^']+)'/gu)) ids.add(q[1] ?? '');
  }
  return ids;
}

const ORDER = ['completeness', 'arithmetic', 'scoring', 'crossDocument', 'plausibility', 'text'];

describe('check registry', () => {
  it('finds the check files of the folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(26);
    expect(files).toContain('sum-mismatch.ts');
  });

  it('registers every check once, with unique ids, and nothing else', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(files.map((f) => f.replace(/\.ts$/u, '')));
  });

  for (const file of files) {
    describe(file, () => {
      it('exports exactly one check, registered once by identity', async () => {
        const module: Record<string, unknown> = await import(new URL(file, FOLDER).href);
        const checks = Object.values(module).filter(isCheck);
        expect(checks).toHaveLength(1);
        expect(CHECKS.filter((c) => c === checks[0])).toHaveLength(1);
      });

      it('has a kebab-case id equal to its file name', async () => {
        const module: Record<string, unknown> = await import(new URL(file, FOLDER).href);
        const check = Object.values(module).find(isCheck);
        expect(check?.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u);
        expect(`${check?.id}.ts`).toBe(file);
      });

      it('is documented: description, basis and at least one non-empty message', () => {
        const check = CHECKS.find((c) => `${c.id}.ts` === file);
        expect(check).toBeDefined();
        if (!check) return;
        expect(check.meta.description.trim()).not.toBe('');
        expect(check.meta.basis.trim()).not.toBe('');
        const messages = Object.entries(check.meta.messages as Record<string, string>);
        expect(messages.length).toBeGreaterThan(0);
        for (const [, text] of messages) expect(text.trim()).not.toBe('');
      });

      it('reports every message it declares, and only those', () => {
        const check = CHECKS.find((c) => `${c.id}.ts` === file);
        const declared = Object.keys((check?.meta.messages ?? {}) as Record<string, string>).sort();
        expect([...reportedIds(source(file))].sort()).toEqual(declared);
      });

      it('has a table test next to it that expects every message', () => {
        const testFile = file.replace(/\.ts$/u, '.test.ts');
        expect(readdirSync(FOLDER)).toContain(testFile);
        const check = CHECKS.find((c) => `${c.id}.ts` === file);
        const expected = [...source(testFile).matchAll(/messageId: '([^']+)'/gu)].map((m) => m[1]);
        for (const id of Object.keys((check?.meta.messages ?? {}) as Record<string, string>)) expect(expected).toContain(id);
      });
    });
  }

  it('lists the checks in report order of their categories', () => {
    const ranks = CHECKS.map((c) => ORDER.indexOf(c.meta.category));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

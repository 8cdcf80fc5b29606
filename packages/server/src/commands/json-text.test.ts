import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonText, stringifyWithJsonText } from './json-text.ts';

describe('JsonText', () => {
  it('is written verbatim where it stands, and parsed only when read', () => {
    const text = '{"b": [1, 2.50, "二"],  "a":null}';
    const json = new JsonText(text);
    expect(stringifyWithJsonText({ x: 1, doc: json, list: [json, '\u4e2d'] })).toBe(`{"x":1,"doc":${text},"list":[${text},"中"]}`);
    expect(json.value).toEqual({ b: [1, 2.5, '二'], a: null });
  });

  it('gives the same JSON as JSON.stringify for any value and any stored document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (outer, inner) => {
        const text = JSON.stringify(inner);
        const withText = stringifyWithJsonText({ outer, inner: new JsonText(text) });
        expect(JSON.parse(withText)).toEqual(JSON.parse(JSON.stringify({ outer, inner })));
      }),
      { numRuns: 300 },
    );
  });
});

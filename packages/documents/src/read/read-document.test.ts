import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHtml } from './html.ts';
import { resolveLimits } from './limits.ts';
import { sniff } from './read-document.ts';

describe('sniff', () => {
  // bytes around the start of a page or a .mht: zero bytes, byte-order marks, blanks, <, header names, Chinese lead bytes
  const piece = fc.oneof(
    fc.constantFrom(0x00, 0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x3c, 0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0x1c, 0x1f, 0xa0, 0x85, 0x2d, 0x5f, 0x4d, 0x3a, 0x60, 0x7b, 0xe4, 0xb8, 0xad, 0xd6, 0xd0).map((b) => [b]),
    fc.constantFrom('<html>', '<!-- x -->', '<p>', 'MIME-Version: 1.0\r\n', 'Content-Type: text/html\r\n\r\n', '\uFEFF<table>', '部门').map((t) => [...new TextEncoder().encode(t)]),
    fc.uint8Array({ maxLength: 4 }).map((b) => [...b]),
  );
  const bytes = fc.array(piece, { maxLength: 12 }).map((parts) => new Uint8Array(parts.flat()));

  it('calls a file HTML exactly when isHtml does (its quick refusal of other text is exact)', () => {
    const limits = resolveLimits({});
    fc.assert(
      fc.property(bytes, (b) => {
        const format = sniff(b, 'x', limits);
        if (format === 'html' || format === 'txt') expect(format === 'html').toBe(isHtml(b));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds %PDF- in the first 1,024 bytes and {\\rtf at the start, as in their windows-1252 reading', () => {
    const limits = resolveLimits({});
    const piece = fc.oneof(
      fc.constantFrom('%PDF-', '%PDF', '{\\rtf', '{\\rt', '%', '{', 'x').map((t) => [...new TextEncoder().encode(t)]),
      fc.uint8Array({ maxLength: 300 }).map((b) => [...b].map((x) => (x === 0xd0 || x === 0x50 ? 0x20 : x))),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const b = new Uint8Array(parts.flat());
        const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
        const expected = head.includes('%PDF-') ? 'pdf' : head.startsWith('{\\rtf') ? 'rtf' : null;
        const format = sniff(b, 'x', limits);
        if (expected) expect(format).toBe(expected);
        else expect(['pdf', 'rtf']).not.toContain(format);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a report starting with Chinese as text, a page as HTML', () => {
    const limits = resolveLimits({});
    const encode = (t: string) => new TextEncoder().encode(t);
    expect(sniff(encode('衡阳县自然资源局\n'), 'x', limits)).toBe('txt');
    expect(sniff(encode(' \t衡阳县自然资源局\n'), 'x', limits)).toBe('txt');
    expect(sniff(encode(' MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n'), 'x', limits)).toBe('txt');
    expect(sniff(encode('MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n'), 'x', limits)).toBe('html');
    expect(sniff(encode(' \n <html>'), 'x', limits)).toBe('html');
    expect(sniff(encode('\uFEFF衡阳县自然资源局\n'), 'x', limits)).toBe('txt');
    expect(sniff(encode('\uFEFF<html><body>x</body></html>'), 'x', limits)).toBe('html');
    expect(sniff(encode('\u00a0<p>x</p>'), 'x', limits)).toBe('txt');
    expect(sniff(new Uint8Array([0xa0, 0x3c, 0x70, 0x3e]), 'x', limits)).toBe('html');
  });
});

import { isDomainError } from '@jixiao/core';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Deadline, resolveLimits } from './limits.ts';
import { openZip, readEntry } from './zip.ts';

/** Sets the uncompressed size the central directory records for the only entry. */
function declare(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = out.length - 46; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error('no central directory entry');
}

const read = (zip: Uint8Array): Uint8Array | string => {
  const limits = resolveLimits({});
  const entry = openZip(zip, 'z.docx', limits).entries[0];
  if (!entry) throw new Error('no entry');
  try {
    return readEntry(zip, entry, 'z.docx', limits, new Deadline('z.docx', 60_000), { expanded: 0 });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
};

/** Text that compresses (repeated words) or not (random bytes), around the one-call size limit. */
const content = fc.oneof(
  fc.tuple(fc.array(fc.constantFrom('<w:p>', '</w:p>', '预算', '执行率', '84.11%', ' '), { maxLength: 200 }), fc.nat(800))
    .map(([words, times]) => new TextEncoder().encode(words.join('').repeat(times))),
  fc.uint8Array({ minLength: 0, maxLength: 70_000 }),
);

describe('readEntry: small entries expanded in one call, larger ones streamed, the same bytes and errors', () => {
  it('gives the bytes fflate gives, for honest sizes', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(0, 1, 6, 9), (data, level) => {
        const zip = zipSync({ 'a.xml': data }, { level: level as 0 | 1 | 6 | 9 });
        expect(read(zip)).toEqual(unzipSync(zip)['a.xml']);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses output past a declared size that lies, whatever the path', () => {
    fc.assert(
      fc.property(content.filter((d) => d.length > 0), fc.nat(), (data, seed) => {
        const zip = zipSync({ 'a.xml': data }, { level: 6 });
        expect(read(declare(zip, seed % data.length))).toBe('zip-bomb');
      }),
      { numRuns: 60 },
    );
  });

  it('damaged compressed data is file-corrupt or zip-bomb, never a crash', () => {
    fc.assert(
      fc.property(content.filter((d) => d.length > 100), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), (data, edits) => {
        const zip = zipSync({ 'a.xml': data }, { level: 6 });
        const entry = openZip(zip, 'z', resolveLimits({})).entries[0];
        const start = 30 + ((zip[26] ?? 0) | ((zip[27] ?? 0) << 8)) + ((zip[28] ?? 0) | ((zip[29] ?? 0) << 8));
        const damaged = zip.slice();
        for (const [at, value] of edits) damaged[start + (at % (entry?.compressedSize ?? 1))] = value;
        const out = read(damaged);
        if (typeof out === 'string') expect(['file-corrupt', 'zip-bomb']).toContain(out);
        else expect(out.length).toBeLessThanOrEqual(data.length);
      }),
      { numRuns: 60 },
    );
  });
});

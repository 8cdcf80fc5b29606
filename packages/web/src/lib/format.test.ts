import { dec } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate } from './dates.ts';
import { formatDec, tidyAmount, tidyRate } from './format.ts';

describe('format', () => {
  it('shows amounts with thousands separators at their written precision', () => {
    expect(formatDec(dec(1748515, 2))).toBe('17,485.15');
    expect(formatDec(dec(98, 0), 2)).toBe('98.00');
    expect(formatDec(null)).toBe('—');
  });

  it('tidies a typed amount and keeps text that is no number', () => {
    expect(tidyAmount('17485.15')).toBe('17,485.15');
    expect(tidyAmount(' 1454.52 ')).toBe('1,454.52');
    expect(tidyAmount('１７４８５．１５')).toBe('17,485.15');
    expect(tidyAmount('约一万')).toBe('约一万');
    expect(tidyAmount('　')).toBe('');
  });

  it('tidies rates to 87.15%', () => {
    expect(tidyRate('87.15')).toBe('87.15%');
    expect(tidyRate('90.08 %')).toBe('90.08%');
    expect(tidyRate('九成')).toBe('九成');
  });

  it('writes dates as 2023年2月20日', () => {
    expect(formatDate('2023-02-20')).toBe('2023年2月20日');
    expect(formatDate('2023-12-01T08:00:00.000Z')).toBe('2023年12月1日');
    expect(formatDate(null)).toBe('—');
  });

  it('sizes bundles readably', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MB');
  });
});

/**
 * How numbers and dates look on screen: amounts as 17,485.15 (the written precision kept), dates as
 * 2023年2月20日. Never float arithmetic: written numbers go through core's exact decimals.
 * @module
 */
import { type Dec, format, isPlaceholder, parseDec } from '@jixiao/core';

/** A Dec as 17,485.15 (its own number of decimals unless given). */
export function formatDec(d: Dec | null | undefined, decimals?: number): string {
  if (!d) return '—';
  return format(d, decimals ?? d.scale, true);
}

/** A written amount ("17485.15", "17,485.15", 17485.15) tidied to 17,485.15; text that is no number is kept. */
export function tidyAmount(written: string): string {
  const trimmed = written.trim();
  if (trimmed === '' || isPlaceholder(trimmed)) return trimmed;
  const d = parseDec(trimmed);
  return d ? format(d, d.scale, true) : written;
}

/** A written rate ("87.15", "87.15 %") tidied to 87.15%. */
export function tidyRate(written: string): string {
  const trimmed = written.trim();
  if (trimmed === '' || isPlaceholder(trimmed)) return trimmed;
  const d = parseDec(trimmed.replace(/\s*[%％]$/u, ''));
  return d ? `${format(d, d.scale, false)}%` : written;
}


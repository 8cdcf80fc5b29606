/**
 * The schemes (`/schemes/*.json`) for the core in the browser: bundled with the editor's chunk and parsed
 * once, so live scoring needs no round trip.
 * @module
 */
import { type Scheme, parseScheme } from '@jixiao/core';

const files = import.meta.glob<unknown>('../../../../schemes/*.json', { import: 'default', eager: true });

let parsed: Scheme[] | null = null;

export function bundledSchemes(): Scheme[] {
  parsed ??= Object.entries(files).map(([path, data]) => parseScheme(data, path.split('/').pop() ?? path));
  return parsed;
}

/**
 * Timing helpers for benchmarks: medians over repeated runs after a warm-up, measured side by side.
 * @module
 */
export type Timing = { readonly medianMs: number; readonly p90Ms: number; readonly runs: number };

export function time(fn: () => unknown, { warmup = 20, minRuns = 50, minMs = 400 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { medianMs: at(0.5), p90Ms: at(0.9), runs: samples.length };
}

export async function timeAsync(fn: () => Promise<unknown>, { warmup = 2, minRuns = 5, minMs = 500 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { medianMs: at(0.5), p90Ms: at(0.9), runs: samples.length };
}

export const ms = (t: number): string => (t < 1 ? `${(t * 1000).toFixed(1)} µs` : `${t.toFixed(2)} ms`);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

/**
 * Timing helpers for benchmarks: medians over repeated runs after a warm-up, measured side by side.
 * @module
 */
/**
 * Wall-clock median and p90, and the median CPU time of this process per run (user + system): on a
 * machine shared with other work the CPU time is the fairer per-core figure.
 */
export type Timing = { readonly medianMs: number; readonly p90Ms: number; readonly cpuMs: number; readonly runs: number };

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function time(fn: () => unknown, { warmup = 20, minRuns = 50, minMs = 400 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const c0 = cpuNow();
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  return summarize(samples, cpu);
}

function summarize(samples: number[], cpu: number[]): Timing {
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  // CPU time has a coarse clock for sub-millisecond runs: use the mean then.
  const cpuMedian = at(cpu, 0.5) > 0.5 ? at(cpu, 0.5) : cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length);
  return { medianMs: at(samples, 0.5), p90Ms: at(samples, 0.9), cpuMs: cpuMedian, runs: samples.length };
}

export async function timeAsync(fn: () => Promise<unknown>, { warmup = 2, minRuns = 5, minMs = 500 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const c0 = cpuNow();
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    cpu.push(cpuNow() - c0);
  }
  return summarize(samples, cpu);
}

export const ms = (t: number): string => (t < 1 ? `${(t * 1000).toFixed(1)} µs` : `${t.toFixed(2)} ms`);
export const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

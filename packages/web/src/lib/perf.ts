/**
 * Timing of the edit loop, read by the benchmark (bench/web.ts) from `window.__jixiaoPerf`: when a change
 * entered the editor, and when the findings and score that it produced were committed to the page.
 * @module
 */

/** recheckMs: parse + derive + checks; commitMs: change → findings in the DOM; frameMs: change → the next frame (painted). */
export type EditTiming = { readonly recheckMs: number; readonly commitMs: number; frameMs: number | null };

type PerfStore = { editStart: number | null; timings: EditTiming[]; interactiveAt: number | null; lastRecheckMs: number };

declare global {
  interface Window {
    __jixiaoPerf?: PerfStore;
  }
}

function store(): PerfStore {
  if (typeof window === 'undefined') return { editStart: null, timings: [], interactiveAt: null, lastRecheckMs: 0 };
  window.__jixiaoPerf ??= { editStart: null, timings: [], interactiveAt: null, lastRecheckMs: 0 };
  return window.__jixiaoPerf;
}

/** Called by the editor when a field changes. */
export function markEdit(): void {
  store().editStart = performance.now();
}

/** Called once the findings for the latest change are in the DOM. */
export function markCommitted(recheckMs: number): void {
  const s = store();
  s.lastRecheckMs = recheckMs;
  if (s.editStart === null) return;
  const start = s.editStart;
  const timing: EditTiming = { recheckMs, commitMs: performance.now() - start, frameMs: null };
  s.timings.push(timing);
  if (s.timings.length > 500) s.timings.shift();
  s.editStart = null;
  requestAnimationFrame(() => {
    timing.frameMs = performance.now() - start;
  });
}

/** Called when the editor first shows its fields and findings and accepts input. */
export function markInteractive(): void {
  const s = store();
  s.interactiveAt ??= performance.now();
}

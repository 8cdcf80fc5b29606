/**
 * Loading data that changes on the server while the page is open (a batch being audited): like
 * `useAsync`, and while `keepPolling(data)` holds, loads again every `intervalMs` — quietly, keeping the
 * last data on screen, one request at a time, stopping when the page goes away.
 * @module
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AsyncState } from './use-async.ts';

export function usePolling<T>(load: () => Promise<T>, deps: readonly unknown[], keepPolling: (data: T) => boolean, intervalMs = 1500): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keepRef = useRef(keepPolling);
  keepRef.current = keepPolling;
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async (first: boolean) => {
      if (first) {
        setLoading(true);
        setError(null);
      }
      try {
        const value = await loadRef.current();
        if (!live) return;
        setData(value);
        setError(null);
        if (keepRef.current(value)) timer = setTimeout(() => void tick(false), intervalMs);
      } catch (e) {
        if (!live) return;
        setError(e);
      } finally {
        if (live && first) setLoading(false);
      }
    };
    void tick(true);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [...deps, attempt, intervalMs]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}

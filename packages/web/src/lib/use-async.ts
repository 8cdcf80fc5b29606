/**
 * Loading data for a page: the value, the loading flag and the error (shown as a Chinese message by the
 * page), and a reload.
 * @module
 */
import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> = { readonly data: T | null; readonly loading: boolean; readonly error: unknown; reload(): void };

export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load()
      .then((v) => { if (live) setData(v); })
      .catch((e: unknown) => { if (live) setError(e); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, loading, error, reload };
}

/**
 * Which returns (退回) a unit has already looked at, in this browser: a return answers one submitted
 * version, so it is known by the evaluation and that version; opening the returned evaluation marks it read.
 * @module
 */

const key = (id: string, submittedVersion: number | null) => `jixiao:return-seen:${id}@${submittedVersion ?? 0}`;

export function markReturnSeen(id: string, submittedVersion: number | null): void {
  try {
    window.localStorage.setItem(key(id, submittedVersion), '1');
  } catch {
    // storage full or disabled: the notice stays
  }
}

export function isReturnSeen(id: string, submittedVersion: number | null): boolean {
  try {
    return window.localStorage.getItem(key(id, submittedVersion)) !== null;
  } catch {
    return false;
  }
}

/** The returned evaluations not yet opened since their return. */
export const unreadReturns = <T extends { readonly id: string; readonly status: string; readonly submittedVersion: number | null }>(items: readonly T[]): T[] =>
  items.filter((x) => x.status === 'returned' && !isReturnSeen(x.id, x.submittedVersion));

/**
 * Login accounting that holds under parallel guesses and cannot be turned against the account's owner.
 *
 * - Per account (in the database): an attempt is *reserved* before the hash is checked — one UPDATE that
 *   increments `failed_logins` and, from the 5th failure on, sets `locked_until` (back-off doubling from 1
 *   to 15 minutes) — and only when the account is not locked. Twenty guesses sent at once get five
 *   reservations; the rest are refused without a hash check. A success resets the count: only failures
 *   count.
 * - Unknown usernames get the same accounting in memory (`ShadowAccounts`), the same answers and a dummy
 *   hash of the same cost, so a lock does not tell whether a username exists.
 * - A browser that has signed in to the account holds a device cookie (`deviceToken`, an HMAC keyed by
 *   the account's password hash: a password change revokes it). With it the account lock does not apply;
 *   the device has a failure budget of its own. So strangers locking the account do not lock out its owner.
 * - Per client address (in the HTTP layer, `RateLimiter`): failures only, reserved before and refunded on
 *   success.
 * @module
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DomainError } from '@jixiao/core';
import { sameToken } from './tokens.ts';

export const MAX_FAILED_LOGINS = 5;
/** The first lock; each further failure after a lock doubles it, up to `LOCKOUT_MINUTES`. */
export const FIRST_LOCK_SECONDS = 60;
export const LOCKOUT_MINUTES = 15;

/** Seconds an account is locked after its `failures`-th consecutive failure (0 below the threshold). */
export function lockSeconds(failures: number): number {
  if (failures < MAX_FAILED_LOGINS) return 0;
  return Math.min(LOCKOUT_MINUTES * 60, FIRST_LOCK_SECONDS * 2 ** Math.min(10, failures - MAX_FAILED_LOGINS));
}

export const loginFailed = (): DomainError => new DomainError('login-failed', '用户名或密码不正确');

/** The same answer for a locked account, known or not. */
export function accountLocked(until: Date, now: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return new DomainError('account-locked', `密码错误次数过多，该账户暂时锁定，请在 ${minutes} 分钟后再试，或请管理员解锁；在此浏览器上成功登录过的用户不受影响`);
}

/** A map that forgets its least recently used keys past `max` entries (never all at once). */
export class LruMap<V> {
  readonly #entries = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const v = this.#entries.get(key);
    if (v !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}

type Count = { failures: number; lockedUntil: number };

/**
 * Failure counts kept in memory with the database's rules: for unknown usernames (so that they lock like
 * real ones) and for trusted devices. `reserve` counts an attempt before it is checked; `succeed` forgets.
 */
export class ShadowAccounts {
  readonly #counts: LruMap<Count>;
  constructor(max = 50_000) {
    this.#counts = new LruMap(max);
  }

  /** Counts an attempt: null when it may go on, else the end of the lock. */
  reserve(key: string, now: Date): Date | null {
    const c = this.#counts.get(key) ?? { failures: 0, lockedUntil: 0 };
    if (c.lockedUntil > now.getTime()) return new Date(c.lockedUntil);
    c.failures++;
    const lock = lockSeconds(c.failures);
    if (lock > 0) c.lockedUntil = now.getTime() + lock * 1000;
    this.#counts.set(key, c);
    return null;
  }

  /** Whether the last reservation locked the key (the attempt that reached the threshold). */
  lockedAfter(key: string, now: Date): boolean {
    return (this.#counts.get(key)?.lockedUntil ?? 0) > now.getTime();
  }

  succeed(key: string): void {
    this.#counts.delete(key);
  }
}

/** A device cookie for `userId`: `<userId>.<nonce>.<mac>`, keyed by the account's password hash. */
export function deviceToken(userId: string, passwordHash: string): string {
  const body = `${userId}.${randomBytes(16).toString('base64url')}`;
  return `${body}.${createHmac('sha256', passwordHash).update(body).digest('base64url')}`;
}

/** The device's nonce when `token` is a valid device cookie for this account, else null. */
export function deviceOf(token: string | undefined, userId: string, passwordHash: string): string | null {
  if (!token || token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== userId || !parts[1] || !parts[2]) return null;
  const mac = createHmac('sha256', passwordHash).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  return sameToken(mac, parts[2]) ? parts[1] : null;
}

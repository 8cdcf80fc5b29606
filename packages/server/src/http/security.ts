/**
 * Sessions (HttpOnly SameSite=Strict cookie; the database keeps only the token's hash), CSRF (a
 * per-session token in the `X-CSRF-Token` header on every unsafe request, plus an Origin check), login
 * rate limiting per client address.
 * @module
 */
import { isIP } from 'node:net';
import { DomainError } from '@jixiao/core';
import { LruMap } from '../auth/lockout.ts';
import type { Actor } from '../domain/roles.ts';

export const SESSION_COOKIE = 'jixiao_session';
export const CSRF_HEADER = 'x-csrf-token';
/** A browser that signed in to an account (see `auth/lockout.ts`): the account lock does not apply to it. */
export const DEVICE_COOKIE = 'jixiao_device';

export type AppEnv = { Variables: { session: SessionInfo | null } };

export type SessionInfo = {
  readonly actor: Actor;
  readonly csrfToken: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  /** The password is still one the administrator handed out: only `PASSWORD_CHANGE_ALLOWED` may run. */
  readonly mustChangePassword?: boolean;
};

/** What a session may still do while its password must be changed: see who it is, change it, log out. */
export const PASSWORD_CHANGE_ALLOWED: ReadonlySet<string> = new Set(['session-me', 'password-change', 'session-logout', 'session-login']);

/** The refusal of every other call while the administrator's password is still in use. */
export const passwordChangeRequired = (): DomainError =>
  new DomainError('password-change-required', '请先修改初始密码：您正在使用管理员设置的初始密码，设置自己的新密码后才能继续操作');

/**
 * A short-lived cache of resolved sessions, so reads do not pay a session query each. Dropped on every
 * account or session change made through this process; with several processes on one PostgreSQL, a
 * deactivation elsewhere takes effect within `ttlMs`.
 */
export class SessionCache {
  readonly #entries = new Map<string, { value: SessionInfo | null; at: number }>();
  readonly #resolve: (tokenHash: string) => Promise<SessionInfo | null>;
  readonly #ttlMs: number;

  constructor(resolve: (tokenHash: string) => Promise<SessionInfo | null>, ttlMs = 5000) {
    this.#resolve = resolve;
    this.#ttlMs = ttlMs;
  }

  async get(tokenHash: string, now = Date.now()): Promise<SessionInfo | null> {
    const hit = this.#entries.get(tokenHash);
    if (hit && now - hit.at < this.#ttlMs && (!hit.value || hit.value.expiresAt.getTime() > now)) return hit.value;
    const value = await this.#resolve(tokenHash);
    if (this.#entries.size > 10_000) this.#entries.clear();
    this.#entries.set(tokenHash, { value, at: now });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}

/**
 * A fixed-window counter of failures per key (client address). An attempt is reserved before it is
 * checked (`hit`, so parallel attempts cannot all slip under the limit) and given back when it succeeds
 * (`refund`): only failures count. Past `maxKeys` the least recently used keys are forgotten one by one,
 * never all counters at once.
 */
export class RateLimiter {
  readonly #windows: LruMap<{ start: number; count: number }>;
  readonly max: number;
  readonly windowMs: number;

  constructor(max: number, windowMs: number, maxKeys = 100_000) {
    this.max = max;
    this.windowMs = windowMs;
    this.#windows = new LruMap(maxKeys);
  }

  /** Counts an attempt; returns the seconds to wait when over the limit (the attempt is not counted), else 0. */
  hit(key: string, now = Date.now()): number {
    let w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.#windows.set(key, w);
    }
    if (w.count >= this.max) return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    w.count++;
    return 0;
  }

  /** Gives back an attempt that succeeded. */
  refund(key: string): void {
    const w = this.#windows.get(key);
    if (w && w.count > 0) w.count--;
  }
}

/**
 * Whether a request's Origin (when the browser sends one) is this server or an allowed origin. The request's
 * own origin is built from its Host header, which a page can choose by pointing a DNS name of its own at
 * this server (DNS rebinding): it is trusted only when the host is an IP address or `localhost`. A server
 * reached by name lists its origin in `JIXIAO_ALLOWED_ORIGINS`.
 */
export function isOriginAllowed(origin: string | undefined, requestUrl: string, allowed: readonly string[]): boolean {
  if (!origin) return true; // not a browser cross-site request (curl, the CLI); the CSRF token still applies
  if (origin === 'null') return false;
  if (allowed.includes(origin)) return true;
  const own = new URL(requestUrl);
  if (origin !== own.origin) return false;
  const host = own.hostname.replace(/^\[|\]$/gu, '');
  return host === 'localhost' || isIP(host) !== 0;
}

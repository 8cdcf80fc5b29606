/**
 * Password hashing with node:crypto scrypt (no native dependency). The hash records its own cost, so
 * hashes made with another cost keep verifying: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url).
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@jixiao/core';

export type PasswordCost = { readonly logN: number; readonly r: number; readonly p: number };

/** N = 2^15, r = 8, p = 1: about 0.1 s per hash on the project's machines (STACK.md §5). */
export const DEFAULT_PASSWORD_COST: PasswordCost = { logN: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 128 * 2 ** cost.logN * cost.r * 2 }, (e, key) => (e ? reject(e) : resolve(key)));
  });

export const MIN_PASSWORD_LENGTH = 10;

/** @throws DomainError `password-weak` */
export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('password-weak', `密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  }
  const kinds = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^A-Za-z0-9]/u].filter((r) => r.test(password)).length;
  if (kinds < 2) throw new DomainError('password-weak', '密码须包含字母、数字、符号中的至少两类');
}

export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { logN: Number(logN), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A password to print once: 16 characters from an alphabet without look-alikes (0/O, 1/l/I). */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const limit = 256 - (256 % alphabet.length); // rejecting bytes ≥ limit keeps the choice uniform
  const bytes = randomBytes(length * 2);
  let out = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    out += alphabet[b % alphabet.length];
    if (out.length === length) break;
  }
  // make sure it has a digit, a lower- and an upper-case letter
  return /[0-9]/u.test(out) && /[a-z]/u.test(out) && /[A-Z]/u.test(out) ? out : generatePassword(length);
}

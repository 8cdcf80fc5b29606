/**
 * Password hashing with node:crypto scrypt (no native dependency). The hash records its own cost, so
 * hashes made with another cost keep verifying: `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url).
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@jixiao/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export type PasswordCost = { readonly logN: number; readonly r: number; readonly p: number };

/** N = 2^15, r = 8, p = 1: about 0.1 s per hash on the project's machines (STACK.md §5). */
export const DEFAULT_PASSWORD_COST: PasswordCost = { logN: 15, r: 8, p: 1 };

const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: 128 * 2 ** cost.logN * cost.r * 2 }, (e, key) => (e ? reject(e) : resolve(key)));
  });

export const MIN_PASSWORD_LENGTH = 10;

/**
 * zxcvbn-ts with its maintained common-password list (`passwords-common`, from leaked-password corpora)
 * and keyboard graphs: it also sees repeats (ten blanks and a 1), sequences, dates, l33t spellings and the
 * user's own name. Built on first use (the dictionaries take ~50 ms to index).
 */
let estimator: ZxcvbnFactory | null = null;
const COMMON = (): ReadonlySet<string> => (commonSet ??= new Set(dictionary['passwords-common'].map((w) => w.toLowerCase())));
let commonSet: ReadonlySet<string> | null = null;

/** Characters a password must have besides the username it contains. */
const MIN_OTHER_THAN_NAME = 8;

/** The lowest zxcvbn score accepted (3: "safely unguessable", ~10^8 guesses). */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The password policy: at least 10 characters of two kinds, not the username with a few characters added, not a
 * common password, and not guessable by zxcvbn's patterns (score ≥ 3).
 * @throws DomainError `password-weak`
 */
export function checkPasswordStrength(password: string, user: { readonly username?: string; readonly displayName?: string } = {}): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('password-weak', `密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  }
  const kinds = [/[a-z]/u, /[A-Z]/u, /[0-9]/u, /[^A-Za-z0-9]/u].filter((r) => r.test(password)).length;
  if (kinds < 2) throw new DomainError('password-weak', '密码须包含字母、数字、符号中的至少两类');
  const folded = password.normalize('NFKC').toLowerCase();
  const name = user.username?.normalize('NFKC').toLowerCase().trim() ?? '';
  // the username with a few characters around it (admin123, zhangwei-2023) is guessed first
  if (name.length >= 3 && folded.includes(name) && folded.split(name).join('').length < MIN_OTHER_THAN_NAME) {
    throw new DomainError('password-weak', `密码不能是用户名加上几个字符（除用户名外至少还要 ${MIN_OTHER_THAN_NAME} 个字符）`);
  }
  if (COMMON().has(folded) || COMMON().has(folded.replace(/[^a-z0-9]/gu, ''))) {
    throw new DomainError('password-weak', '这是常见密码，很容易被猜中，请换一个');
  }
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  const inputs = [name, user.displayName ?? '', 'jixiao', '绩效'].filter((s) => s !== '');
  const { score } = estimator.check(password.slice(0, 100), inputs);
  if (score < MIN_PASSWORD_SCORE) {
    throw new DomainError('password-weak', '密码太容易猜到（常见词、重复或连续的字符、键盘上相邻的键、日期或用户名的变形），请换一个更长、更随机的密码');
  }
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

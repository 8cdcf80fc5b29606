import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, generatePassword, hashPassword, verifyPassword } from './password.ts';

describe('passwords', () => {
  it('verifies the password it hashed and nothing else; every hash is salted', async () => {
    const cost = { logN: 10, r: 8, p: 1 };
    const a = await hashPassword('Correct-horse-1', cost);
    const b = await hashPassword('Correct-horse-1', cost);
    expect(a).not.toBe(b);
    expect(await verifyPassword('Correct-horse-1', a)).toBe(true);
    expect(await verifyPassword('correct-horse-1', a)).toBe(false);
    expect(await verifyPassword('Correct-horse-1', 'scrypt$10$8$1$bad')).toBe(false);
    expect(await verifyPassword('Correct-horse-1', 'md5$abc')).toBe(false);
  });

  it('keeps verifying hashes made with another cost (the cost is in the hash)', async () => {
    const cheap = await hashPassword('Correct-horse-1', { logN: 8, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$8$8$1$')).toBe(true);
    expect(await verifyPassword('Correct-horse-1', cheap)).toBe(true);
  });

  it('refuses weak passwords in Chinese', () => {
    expect(() => checkPasswordStrength('short1')).toThrow('密码至少 10 位');
    expect(() => checkPasswordStrength('onlyletterslong')).toThrow('密码须包含字母、数字、符号中的至少两类');
    expect(() => checkPasswordStrength('letters-and-1')).not.toThrow();
  });

  it('generates strong, distinct passwords without look-alike characters', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    expect(new Set(passwords).size).toBe(200);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/u);
      expect(() => checkPasswordStrength(p)).not.toThrow();
    }
  });
});

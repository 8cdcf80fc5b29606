/**
 * Character classes by UTF-16 code unit, shared by the readers, the importer and the checks: scans by
 * character code on hot paths instead of a regular expression per character.
 * @module
 */

/**
 * Whether a UTF-16 unit is one `\s` matches — JavaScript's white space and line terminators, what `trim`
 * removes; U+3000 and U+00A0 among them. NaN (past the text) is not. facts/text.test.ts checks it against
 * `\s` over every unit.
 */
export function isBlankUnit(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A guarded zip reader for .docx/.xlsx: the central directory is read first (entry count and declared
 * sizes checked before anything is expanded), then each entry is inflated in small steps with its output
 * counted, so a zip bomb whose headers lie stops at the limit instead of filling memory.
 *
 * Reference: PKWARE APPNOTE 6.3.10 (local/central headers, ZIP64 extra field 0x0001, flag bit 0 = encrypted).
 * @module
 */
import { isDomainError } from '@jixiao/core';
import { Inflate, inflateSync } from 'fflate';
import { type Deadline, type Limits, ReadErrorCode, formatBytes, readError } from './limits.ts';

export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
};

export type ZipArchive = {
  readonly entries: readonly ZipEntry[];
  /** Looks an entry up by name, case-insensitively and with or without a leading slash. */
  readonly find: (name: string) => ZipEntry | undefined;
};

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7) && (bytes[3] === 4 || bytes[3] === 6 || bytes[3] === 8);

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) + u16(b, o + 2) * 0x10000) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');

/** Where the central directory is: from the end of central directory record (ZIP64 included). */
function locateDirectory(bytes: Uint8Array, base: number, file: string): { count: number; dirSize: number; dirOffset: number } {
  const corrupt = (why: string) => readError(ReadErrorCode.corrupt, file, `已损坏，不是完整的压缩包（${why}）`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到压缩包目录，文件可能被截断');
  let count = u16(bytes, eocd + 10);
  let dirSize = u32(bytes, eocd + 12);
  let dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== SIG_EOCD64_LOCATOR) throw corrupt('ZIP64 目录定位信息缺失');
    const record = u64(bytes, locator + 8) - base;
    if (record < 0 || record + 56 > bytes.length || u32(bytes, record) !== SIG_EOCD64) throw corrupt('ZIP64 目录损坏');
    count = u64(bytes, record + 32);
    dirSize = u64(bytes, record + 40);
    dirOffset = u64(bytes, record + 48);
  }
  return { count, dirSize, dirOffset };
}

/** How many bytes at the end of an archive hold its end records (read these first when reading by ranges). */
export const ZIP_TAIL_BYTES = 22 + 0xffff + 20 + 56;

/**
 * Where an archive read by ranges must start for `openZip` to see its whole central directory: `tail` is
 * the archive's end, starting at byte `base` of it. @throws DomainError file-corrupt
 */
export function zipDirectoryStart(tail: Uint8Array, base: number, file: string): number {
  return Math.min(base, locateDirectory(tail, base, file).dirOffset);
}

/**
 * Reads the central directory. `bytes` is the archive, or its end from byte `base` on (read by ranges:
 * `zipDirectoryStart`); entries' offsets are always from the archive's start.
 * @throws DomainError file-corrupt / zip-bomb / file-encrypted
 */
export function openZip(bytes: Uint8Array, file: string, limits: Limits, base = 0): ZipArchive {
  const corrupt = (why: string) => readError(ReadErrorCode.corrupt, file, `已损坏，不是完整的压缩包（${why}）`);
  const { count, dirSize, dirOffset } = locateDirectory(bytes, base, file);
  const total = base + bytes.length;
  if (count > limits.maxZipEntries) {
    throw readError(ReadErrorCode.zipBomb, file, `的压缩包含 ${count} 个条目，超过 ${limits.maxZipEntries} 个的上限，疑似压缩炸弹，已拒绝`);
  }
  if (dirOffset + dirSize > total) throw corrupt('目录超出文件末尾');
  if (dirOffset < base) throw corrupt('目录不在读取的范围内');
  const entries: ZipEntry[] = [];
  let p = dirOffset - base;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt(`第 ${i + 1} 个目录项损坏`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: only the fields whose 32-bit value is saturated, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) { size = u64(bytes, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, q); q += 8; }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    if ((flags & 1) === 1) {
      throw readError(ReadErrorCode.encrypted, file, '已加密（压缩包设置了密码），请去掉密码后再导入');
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxUncompressedBytes) {
      throw readError(
        ReadErrorCode.zipBomb, file,
        `解压后超过 ${formatBytes(limits.maxUncompressedBytes)}（压缩包只有 ${formatBytes(total)}），疑似压缩炸弹，已拒绝`,
      );
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    p = extraEnd + commentLength;
  }
  const byName = new Map(entries.map((en) => [en.name.replace(/^\/+/u, '').toLowerCase(), en]));
  return { entries, find: (n) => byName.get(n.replace(/^\/+/u, '').toLowerCase()) };
}

/** Entries compressed to at most this many bytes are expanded in one call (at most ~64 MB of work). */
const ONE_SHOT = 64 * 1024;

/** Shared across the entries of one archive: how much has been expanded so far. */
export type InflateBudget = { expanded: number };

/**
 * Expands one entry, never past its declared size nor past the archive's total budget.
 * @throws DomainError zip-bomb / file-corrupt / file-timeout
 */
export function readEntry(
  bytes: Uint8Array, entry: ZipEntry, file: string, limits: Limits, deadline: Deadline, budget: InflateBudget,
): Uint8Array {
  const corrupt = (why: string) => readError(ReadErrorCode.corrupt, file, `已损坏（压缩包中的「${entry.name}」${why}）`);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL) throw corrupt('找不到数据');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt('数据不完整，文件可能被截断');
  const data = bytes.subarray(start, end);
  const cap = Math.min(entry.size, limits.maxUncompressedBytes - budget.expanded);
  const bomb = () =>
    readError(
      ReadErrorCode.zipBomb, file,
      `中的「${entry.name}」解压后超过声明的大小或 ${formatBytes(limits.maxUncompressedBytes)} 的上限，疑似压缩炸弹，已停止读取`,
    );
  if (entry.method === 0) {
    if (data.length > cap) throw bomb();
    budget.expanded += data.length;
    return data;
  }
  if (entry.method !== 8) throw corrupt(`使用了不支持的压缩方式 ${entry.method}`);
  if (data.length > 0 && data.length <= ONE_SHOT) {
    // Small entries (a report's document.xml is some 15 KB compressed) are expanded in one call into a
    // buffer of the declared size, without the stream's window copies and chunks. Deflate expands at most
    // ~1032:1, so the work is bounded as a few steps of the stream would be; output past the buffer is
    // dropped, and an entry that fails or overflows is read again by the stream below, which decides
    // between zip-bomb and file-corrupt exactly as before.
    const out = new Uint8Array(Math.min(cap, data.length * 1032 + 1032) + 1);
    let expanded: Uint8Array | null = null;
    try {
      expanded = inflateSync(data, { out });
    } catch {
      // read again below
    }
    // a full buffer may have dropped output: only a shorter result is certainly whole (and within `cap`)
    if (expanded !== null && expanded.length < out.length) {
      budget.expanded += expanded.length;
      return expanded;
    }
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw bomb();
    chunks.push(chunk);
  });
  const STEP = 8192; // at most ~8 MB of output per step (deflate expands at most ~1032:1)
  try {
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
    for (let i = 0; i < data.length; i += STEP) {
      deadline.check();
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw corrupt('解压失败，数据已损坏');
  }
  budget.expanded += total;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Expands an entry and decodes it as UTF-8 text (XML parts). Null when the entry is absent. */
export function readText(
  bytes: Uint8Array, zip: ZipArchive, name: string, file: string, limits: Limits, deadline: Deadline, budget: InflateBudget,
): string | null {
  const entry = zip.find(name);
  if (!entry) return null;
  if (entry.size > limits.maxXmlBytes) {
    throw readError(ReadErrorCode.tooLarge, file, `中的「${entry.name}」有 ${formatBytes(entry.size)}，超过 ${formatBytes(limits.maxXmlBytes)} 的上限`);
  }
  const data = readEntry(bytes, entry, file, limits, deadline, budget);
  return utf8.decode(data);
}

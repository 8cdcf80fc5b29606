/**
 * The files of a batch upload: report files as they are, and `.zip` archives expanded here — with the
 * guarded zip reader of @jixiao/documents (central directory checked first, each entry inflated by fflate
 * in small steps with its output counted), folders kept in the file name. Entries that are not reports
 * are refused, listed by name; what archivers add by themselves (`__MACOSX/`, `.DS_Store`, `Thumbs.db`,
 * Office lock files `~$…`) is left out silently.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { cleanFileName } from '../domain/evidence-type.ts';

/** Extensions of report files a batch accepts. */
export const REPORT_EXTENSIONS = ['.txt', '.docx', '.doc', '.xlsx', '.xls', '.pdf', '.html', '.htm'] as const;
/** One report file at most (as `document-import`). */
export const MAX_BATCH_FILE_BYTES = 20 * 1024 * 1024;
/** Files in one batch at most. */
export const MAX_BATCH_FILES = 2000;
/** The request body of an upload at most. */
export const MAX_BATCH_UPLOAD_BYTES = 200 * 1024 * 1024;
/** What the zips of one upload may expand to together. */
export const MAX_BATCH_EXPANDED_BYTES = 512 * 1024 * 1024;

export type UploadedFile = { readonly fileName: string; readonly data: Uint8Array };

const extensionOf = (name: string): string => {
  const m = /\.[^./\\]+$/u.exec(name);
  return m ? m[0].toLowerCase() : '';
};
const isReport = (name: string): boolean => (REPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** What an archiver or an editor leaves behind, never a report. */
function isJunk(path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  const base = parts[parts.length - 1] ?? '';
  return parts.some((p) => p === '__MACOSX' || p.startsWith('.')) || /^(?:thumbs\.db|desktop\.ini)$/iu.test(base) || base.startsWith('~$');
}

/** A path inside an archive, each folder cleaned like a file name: `县直单位/财政局.docx`. */
function cleanPath(path: string): string {
  return path.split(/[\\/]/u).map(cleanFileName).filter(Boolean).join('/');
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry's name from its local header: UTF-8 when flagged or valid, otherwise GB18030 (archives made by
 * Chinese Windows tools do not flag their names and write them in the system code page).
 */
function entryName(zip: Uint8Array, localOffset: number, flags: number, decoded: string): string {
  if ((flags & 0x800) !== 0 || !decoded.includes('\ufffd')) return decoded;
  const length = (zip[localOffset + 26] ?? 0) | ((zip[localOffset + 27] ?? 0) << 8);
  const raw = zip.subarray(localOffset + 30, localOffset + 30 + length);
  try {
    return utf8Strict.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}

/** A file's bytes read by ranges (a blob in the store, or bytes in memory). */
export type ByteSource = {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
};

/** Bytes read at once from a source when a file is read whole (4 parts of the blob store). */
export const READ_SLICE_BYTES = 1024 * 1024;

/** A source read whole, slice by slice (in the worker thread that parses it). */
export async function readWhole(source: ByteSource): Promise<Uint8Array> {
  const out = new Uint8Array(source.size);
  for (let at = 0; at < source.size; at += READ_SLICE_BYTES) {
    const slice = await source.read(at, Math.min(READ_SLICE_BYTES, source.size - at));
    if (slice.byteLength === 0) throw new DomainError('blob-incomplete', '文件内容不完整，无法读取');
    out.set(slice, at);
  }
  return out;
}

/** A file of an upload read by ranges (a staged blob, or bytes in memory): a zip is never read whole. */
export type UploadSource = ByteSource & { readonly fileName: string };

/** Shared by the zips of one upload: bytes expanded and files taken so far. */
export type UploadTally = { expanded: number; files: number; bytes: number };

const tooMany = () => new DomainError('batch-too-many-files', `一次最多审核 ${MAX_BATCH_FILES} 个文件，请分批上传`);
const tooLargeEntry = (name: string, size: number) => `${name}：${(size / 1048576).toFixed(1)} MB，超过单个文件 ${MAX_BATCH_FILE_BYTES / 1048576} MB 的上限`;

/** Counts a file taken into the batch. @throws DomainError batch-too-many-files, batch-too-large */
function take(tally: UploadTally, size: number): void {
  tally.files++;
  tally.bytes += size;
  if (tally.files > MAX_BATCH_FILES) throw tooMany();
  if (tally.bytes > MAX_BATCH_EXPANDED_BYTES) {
    throw new DomainError('batch-too-large', `这批报告文件（压缩包按解压后计）合计超过每批 ${MAX_BATCH_EXPANDED_BYTES / 1048576} MB 的上限，请分批上传`);
  }
}

/**
 * Expands one zip read by ranges: its end and central directory first, then each report entry alone (its
 * local header and data), handed to `emit` before the next is read — at most one entry is in memory.
 * Returns the entries refused (by name). @throws DomainError file-corrupt, zip-bomb, file-encrypted, batch-too-*
 */
export async function expandZip(source: UploadSource, tally: UploadTally, emit: (file: UploadedFile) => Promise<void>): Promise<string[]> {
  const { Deadline, isZip, openZip, readEntry, resolveLimits, ZIP_TAIL_BYTES, zipDirectoryStart } = await import('@jixiao/documents');
  const name = source.fileName;
  const limits = resolveLimits({ maxUncompressedBytes: MAX_BATCH_EXPANDED_BYTES, maxZipEntries: 4 * MAX_BATCH_FILES });
  const corrupt = (why: string) => new DomainError('file-corrupt', `文件「${name}」已损坏，不是完整的压缩包（${why}）`);
  if (!isZip(await source.read(0, 4))) throw new DomainError('file-corrupt', `文件「${name}」不是有效的 .zip 压缩包`);
  const tailStart = Math.max(0, source.size - ZIP_TAIL_BYTES);
  const tail = await source.read(tailStart, source.size - tailStart);
  const dirStart = zipDirectoryStart(tail, tailStart, name);
  const directory = dirStart < tailStart ? await source.read(dirStart, source.size - dirStart) : tail;
  const zip = openZip(directory, name, limits, dirStart < tailStart ? dirStart : tailStart);
  const deadline = new Deadline(name, limits.timeoutMs);
  const budget = { expanded: tally.expanded };
  const rejected: string[] = [];
  for (const entry of zip.entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.localOffset + 30 > source.size) throw corrupt(`「${entry.name}」找不到数据`);
    const header = await source.read(entry.localOffset, 30);
    const nameLength = (header[26] ?? 0) | ((header[27] ?? 0) << 8);
    const extraLength = (header[28] ?? 0) | ((header[29] ?? 0) << 8);
    const plain = (entry.flags & 0x800) !== 0 || !entry.name.includes('\ufffd');
    const path = cleanPath(plain ? entry.name : entryName(await source.read(entry.localOffset, 30 + nameLength), 0, entry.flags, entry.name));
    if (path === '' || isJunk(path)) continue;
    if (!isReport(path)) {
      rejected.push(`${name} 中的 ${path}：不是报告文件`);
      continue;
    }
    if (entry.size > MAX_BATCH_FILE_BYTES) {
      rejected.push(`${name} 中的 ${tooLargeEntry(path, entry.size)}`);
      continue;
    }
    // deflate never grows data by more than a little: a larger compressed size is a lie (or a bomb's trick)
    if (entry.compressedSize > entry.size + entry.size / 100 + 1024) throw corrupt(`「${path}」的压缩数据大小与声明不符`);
    const length = Math.min(30 + nameLength + extraLength + entry.compressedSize, source.size - entry.localOffset);
    const data = readEntry(await source.read(entry.localOffset, length), { ...entry, localOffset: 0 }, name, limits, deadline, budget);
    take(tally, data.byteLength);
    await emit({ fileName: path, data });
  }
  tally.expanded = budget.expanded;
  return rejected;
}

/**
 * Sorts an upload's files, in order: report files are kept (`keep`), zips expanded (`zip`), what archivers
 * add skipped, the rest refused — all refusals at once, by name.
 * @throws DomainError batch-empty, batch-files-rejected (with every refused name), batch-too-many-files,
 *   batch-too-large, and the zip reader's errors (file-corrupt, zip-bomb, file-encrypted) naming the zip
 */
export async function sortUpload<T extends UploadSource>(
  files: readonly T[],
  handlers: { zip(file: T, name: string, tally: UploadTally): Promise<string[]>; keep(file: T, name: string): Promise<void> },
): Promise<UploadTally> {
  const tally: UploadTally = { expanded: 0, files: 0, bytes: 0 };
  const rejected: string[] = [];
  for (const file of files) {
    const name = cleanFileName(file.fileName) || '上传的文件';
    if (extensionOf(name) === '.zip') rejected.push(...(await handlers.zip(file, name, tally)));
    else if (isJunk(name)) continue;
    else if (!isReport(name)) rejected.push(`${name}：不是报告文件`);
    else if (file.size > MAX_BATCH_FILE_BYTES) rejected.push(tooLargeEntry(name, file.size));
    else {
      take(tally, file.size);
      await handlers.keep(file, name);
    }
  }
  if (rejected.length > 0) {
    throw new DomainError(
      'batch-files-rejected',
      `有 ${rejected.length} 个文件不能审核（只接受报告文件：${REPORT_EXTENSIONS.join(' ')}，或装有它们的 .zip），本次没有上传任何文件`,
      rejected,
    );
  }
  if (tally.files === 0) throw new DomainError('batch-empty', '上传的内容中没有报告文件');
  return tally;
}

/** Bytes in memory as an upload source. */
export const sourceOf = (file: UploadedFile): UploadSource & { readonly data: Uint8Array } => ({
  fileName: file.fileName,
  size: file.data.byteLength,
  data: file.data,
  read: async (offset, length) => file.data.subarray(offset, offset + length),
});

/** The report files of an upload held in memory, zips expanded in this thread (tests, tools). */
export async function expandUpload(files: readonly UploadedFile[]): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  await sortUpload(files.map(sourceOf), {
    zip: (file, name, tally) => expandZip({ ...file, fileName: name }, tally, async (f) => {
      out.push(f);
    }),
    keep: async (file, name) => {
      out.push({ fileName: name, data: file.data });
    },
  });
  return out;
}

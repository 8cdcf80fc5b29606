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

/**
 * The report files of an upload, zips expanded.
 * @throws DomainError batch-empty, batch-files-rejected (with every refused name), batch-too-many-files,
 *   and the zip reader's errors (file-corrupt, zip-bomb, file-encrypted: a password-protected archive) naming it
 */
export async function expandUpload(files: readonly UploadedFile[]): Promise<UploadedFile[]> {
  const { Deadline, isZip, openZip, readEntry, resolveLimits } = await import('@jixiao/documents');
  const out: UploadedFile[] = [];
  const rejected: string[] = [];
  const budget = { expanded: 0 };
  const limits = resolveLimits({ maxUncompressedBytes: MAX_BATCH_EXPANDED_BYTES, maxZipEntries: 4 * MAX_BATCH_FILES });
  const tooMany = () => new DomainError('batch-too-many-files', `一次最多审核 ${MAX_BATCH_FILES} 个文件，请分批上传`);
  const tooLarge = (name: string, size: number) => `${name}：${(size / 1048576).toFixed(1)} MB，超过单个文件 ${MAX_BATCH_FILE_BYTES / 1048576} MB 的上限`;
  for (const file of files) {
    const name = cleanFileName(file.fileName) || '上传的文件';
    if (extensionOf(name) === '.zip') {
      if (!isZip(file.data)) throw new DomainError('file-corrupt', `文件「${name}」不是有效的 .zip 压缩包`);
      const zip = openZip(file.data, name, limits);
      const deadline = new Deadline(name, limits.timeoutMs);
      for (const entry of zip.entries) {
        const path = cleanPath(entryName(file.data, entry.localOffset, entry.flags, entry.name));
        if (entry.name.endsWith('/') || path === '' || isJunk(path)) continue;
        if (!isReport(path)) {
          rejected.push(`${name} 中的 ${path}：不是报告文件`);
          continue;
        }
        if (entry.size > MAX_BATCH_FILE_BYTES) {
          rejected.push(`${name} 中的 ${tooLarge(path, entry.size)}`);
          continue;
        }
        if (out.length >= MAX_BATCH_FILES) throw tooMany();
        out.push({ fileName: path, data: readEntry(file.data, entry, name, limits, deadline, budget) });
      }
    } else if (isJunk(name)) {
      continue;
    } else if (!isReport(name)) {
      rejected.push(`${name}：不是报告文件`);
    } else if (file.data.byteLength > MAX_BATCH_FILE_BYTES) {
      rejected.push(tooLarge(name, file.data.byteLength));
    } else {
      out.push({ fileName: name, data: file.data });
    }
    if (out.length > MAX_BATCH_FILES) throw tooMany();
  }
  if (rejected.length > 0) {
    throw new DomainError(
      'batch-files-rejected',
      `有 ${rejected.length} 个文件不能审核（只接受报告文件：${REPORT_EXTENSIONS.join(' ')}，或装有它们的 .zip），本次没有上传任何文件`,
      rejected,
    );
  }
  if (out.length === 0) throw new DomainError('batch-empty', '上传的内容中没有报告文件');
  return out;
}

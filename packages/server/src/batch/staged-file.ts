/**
 * A file of an upload written to the database's blob store as it arrives (a batch's reports and zips, a
 * report to import), never whole in memory: the worker thread that reads it asks for its bytes by ranges.
 * A batch links it to its item in the transaction that records the batch; an import removes it once read.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { databaseBlobStore, type StagedBlob } from '../storage/blob-store.ts';
import type { Database } from '../storage/database.ts';
import type { UploadSource } from './upload.ts';

export class StagedFile implements UploadSource {
  constructor(
    readonly id: string,
    readonly fileName: string,
    readonly size: number,
    /** Null when the bytes were not kept (a file the batch refuses by its name or size: only counted). */
    readonly blob: StagedBlob | null,
  ) {}

  read(offset: number, length: number): Promise<Uint8Array> {
    if (!this.blob) return Promise.reject(new DomainError('file-failed', `文件「${this.fileName}」的内容没有保存`));
    return this.blob.read(offset, length);
  }

  async discard(): Promise<void> {
    await this.blob?.abort();
  }
}

export type StageOptions = {
  /** The key's prefix in the blob store (`batch`, `import`). */
  readonly prefix: string;
  /** Keep the bytes at all (false: a file refused by its name, only counted). */
  readonly keep: boolean;
  /** Bytes kept at most; past it `tooLarge` is thrown, or (without it) the bytes are dropped and only counted. */
  readonly maxBytes: number;
  readonly tooLarge?: () => DomainError;
};

/** Streams one file into the database's blob store (outside any transaction) under `options`. */
export async function stageFile(
  services: { readonly database: Database; readonly newId: () => string },
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  options: StageOptions,
): Promise<StagedFile> {
  const id = services.newId();
  const key = `${options.prefix}-${id.replace(/[^A-Za-z0-9_-]/gu, '')}`;
  let size = 0;
  let over = false;
  if (!options.keep) {
    for await (const chunk of chunks) size += chunk.byteLength;
    return new StagedFile(id, fileName, size, null);
  }
  async function* counted() {
    for await (const chunk of chunks) {
      size += chunk.byteLength;
      if (size > options.maxBytes) {
        if (options.tooLarge) throw options.tooLarge();
        // read on to the end (only counted): the rest of the form follows this file
        over = true;
        continue;
      }
      yield chunk;
    }
  }
  const blob = await databaseBlobStore().stage(services.database, key, counted());
  if (!over) return new StagedFile(id, fileName, size, blob);
  // Too large to keep: what was written goes, the file stays (refused by its size, named with the others).
  await blob.abort();
  return new StagedFile(id, fileName, size, null);
}

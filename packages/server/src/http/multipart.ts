/**
 * Multipart uploads read as a stream (@fastify/busboy): the request body is counted as it arrives and the
 * read stops past the route's limit (also when Content-Length lied or was absent); each file part is handed
 * to a consumer as chunks (evidence goes straight to the blob store), so no file is ever whole in memory
 * unless its consumer keeps it.
 * @module
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import { DomainError } from '@jixiao/core';

export type MultipartOptions<T> = {
  /** The whole request body at most. */
  readonly maxBytes: number;
  /** The error past `maxBytes` (a 413 naming the limit). */
  readonly tooLarge: () => DomainError;
  /** Takes one file part; its chunks must be consumed (or an error thrown) before the parse goes on. */
  readonly file: (field: string, fileName: string, chunks: AsyncIterable<Uint8Array>) => Promise<T>;
  /** Undoes a file taken before the parse failed (a staged blob removed). */
  readonly discard?: (value: T) => Promise<void>;
};

export type Multipart<T> = { readonly fields: Record<string, string>; readonly files: { readonly field: string; readonly fileName: string; readonly value: T }[] };

/** Counts the body's bytes and fails the stream past `max`. */
function counted(body: ReadableStream<Uint8Array>, max: number, tooLarge: () => DomainError): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > max) throw tooLarge();
      controller.enqueue(chunk);
    },
  }));
}

export async function readMultipart<T>(request: Request, contentType: string, options: MultipartOptions<T>): Promise<Multipart<T>> {
  const fields: Record<string, string> = {};
  const taken: { field: string; fileName: string; value: T }[] = [];
  const pending: Promise<void>[] = [];
  const open = new Set<BusboyFileStream>();
  const body = request.body ?? new ReadableStream<Uint8Array>({ start: (c) => c.close() });
  const source = Readable.fromWeb(counted(body, options.maxBytes, options.tooLarge) as NodeReadableStream<Uint8Array>);
  let failure: unknown = null;
  const fail = (e: unknown) => {
    if (failure) return;
    failure = e;
    // stop reading the request and every file part still open
    const error = e instanceof Error ? e : new Error(String(e));
    for (const stream of open) stream.destroy(error);
    source.destroy(error);
    // the body may be read to its end already, with the parser waiting on a file part that stopped
    parser?.destroy(error);
  };
  let parser: Writable | undefined;
  try {
    parser = Busboy({ headers: { 'content-type': contentType }, defCharset: 'utf8', limits: { fields: 100, fieldSize: 64 * 1024, parts: 10_000 } });
  } catch {
    throw new DomainError('input-invalid', '上传的表单无法解析（缺少 multipart 边界）');
  }
  parser.on('field', (name: string, value: string) => {
    fields[name] = value;
  });
  parser.on('file', (field: string, stream: BusboyFileStream, written: string | undefined) => {
    // busboy gives no name at all for a part without a filename: the routes judge an empty name
    const fileName = written ?? '';
    open.add(stream);
    pending.push(
      options.file(field, fileName, stream).then(
        (value) => {
          taken.push({ field, fileName, value });
        },
          (e: unknown) => fail(e),
      ).finally(() => open.delete(stream)),
    );
  });
  try {
    await pipeline(source, parser as Writable).catch((e: unknown) => {
      fail(e instanceof DomainError ? e : new DomainError('input-invalid', '上传的表单无法解析'));
    });
    await Promise.all(pending);
    if (failure) throw failure;
    return { fields, files: taken };
  } catch (e) {
    if (options.discard) for (const { value } of taken) await options.discard(value);
    throw failure ?? e;
  }
}

/**
 * Batch files audited in worker threads (reading a .docx or a PDF and checking it is CPU work of tens to
 * hundreds of milliseconds): the server's event loop keeps answering requests while a batch runs.
 * @module
 */
import { threadPool } from '../commands/analysis-pool.ts';
import type { FileAudit, FileAuditor } from './audit-file.ts';

export type FileAuditPool = FileAuditor & { readonly size: number; close(): Promise<void> };

export function fileAuditPool(size: number): FileAuditPool {
  const pool = threadPool<{ bytes: Uint8Array; fileName: string }, FileAudit>(new URL('./audit-worker.ts', import.meta.url), size, 'batch-file-failed');
  // The bytes are copied to the thread (not transferred): the caller's copy stays usable.
  const audit = ((bytes: Uint8Array, fileName: string) => pool({ bytes, fileName })) as FileAuditPool;
  Object.assign(audit, { size, close: () => pool.close() });
  return audit;
}

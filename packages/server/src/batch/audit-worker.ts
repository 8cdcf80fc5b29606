/**
 * The worker thread of the batch audit pool: reads and audits each file it is sent.
 * @module
 */
import { serveThread } from '../commands/analysis-pool.ts';
import { loadSchemes } from '../schemes.ts';
import { auditFile } from './audit-file.ts';

const schemes = loadSchemes();

serveThread(({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) => auditFile(bytes, fileName, schemes), 'batch-file-failed', '审核文件时出错：');

/**
 * The worker thread of `analysis-pool.ts`: analyses each document it is sent with the scheme files.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '@jixiao/core';
import { loadSchemes } from '../schemes.ts';
import { analyse, checkedOf } from './analysis.ts';

const schemes = loadSchemes();

parentPort?.on('message', ({ id, document }: { id: number; document: unknown }) => {
  try {
    parentPort?.postMessage({ id, ok: true, result: checkedOf(analyse(document, schemes)) });
  } catch (e) {
    const error = isDomainError(e)
      ? { code: e.code, message: e.message, details: [...e.details] }
      : { code: 'analysis-failed', message: `审核时出错：${(e as Error).message}`, details: [] };
    parentPort?.postMessage({ id, ok: false, error });
  }
});

/**
 * The worker thread of `analysis-pool.ts`: analyses each document it is sent with the scheme files.
 * @module
 */
import { loadSchemes } from '../schemes.ts';
import { analyse, checkedOf } from './analysis.ts';
import { serveThread } from './analysis-pool.ts';

const schemes = loadSchemes();

serveThread((document: unknown) => checkedOf(analyse(document, schemes)), 'analysis-failed', '审核时出错：');

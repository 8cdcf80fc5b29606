/**
 * The worker thread of `storeDemo`: regenerates the demo data from its options (pure and deterministic,
 * so every thread has the same data) and prepares the rows of the range of units it is sent.
 * @module
 */
import { serveThread } from '../commands/analysis-pool.ts';
import { type DemoData, generateDemo } from './generate.ts';
import { type DemoTask, timedPrepare } from './prepare.ts';

let cached: { key: string; data: DemoData } | null = null;

serveThread(({ options, schemes, from, to }: DemoTask) => {
  const key = JSON.stringify(options);
  if (cached?.key !== key) cached = { key, data: generateDemo(options, schemes) };
  return timedPrepare(cached.data, schemes, from, to);
}, 'demo-failed', '生成演示数据时出错：');

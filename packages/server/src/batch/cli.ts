/**
 * `jixiao worker [--workers N] [--data DIR] [--exit-when-idle]`: batch audit workers in a process of their
 * own, against the server's storage (DATABASE_URL, else the data directory). On PostgreSQL any number of
 * them, on one machine or several, share the queue with the server's own workers. The embedded database
 * can be opened by one process only: there `jixiao worker` runs while the server is stopped (the server
 * audits batches itself).
 * @module
 */
import { DomainError } from '@jixiao/core';
import { configFromEnv } from '../config.ts';
import { openDatabase } from '../storage/open.ts';
import { runBatchWorkers } from './start.ts';

export type WorkerCliOptions = {
  readonly workers?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly exitWhenIdle?: boolean | undefined;
  readonly pollMs?: number | undefined;
  readonly env?: NodeJS.ProcessEnv;
  /** A line of the log (stdout). */
  readonly out: (line: string) => void;
  /** Resolves when the workers should stop (default: SIGINT or SIGTERM). */
  readonly stop?: Promise<unknown>;
};

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export async function workerCommand(options: WorkerCliOptions): Promise<string> {
  const text = options.workers ?? '1';
  const concurrency = Number(text);
  if (!/^\d+$/u.test(text.trim()) || concurrency < 1 || concurrency > 64) throw new DomainError('usage', `--workers 应为 1–64 的整数，收到「${text}」`);
  const c = configFromEnv(options.env ?? process.env);
  const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: options.dataDir ?? c.dataDir });
  const started = Date.now();
  let done = 0;
  let failed = 0;
  try {
    const workers = await runBatchWorkers(database, concurrency, {
      listenUrl: c.databaseUrl,
      exitWhenIdle: options.exitWhenIdle ?? false,
      ...(options.pollMs ? { pollMs: options.pollMs } : {}),
      log: options.out,
      onItem: ({ item, outcome }) => {
        if (outcome === 'done') done++;
        if (outcome === 'failed') failed++;
        const what = { done: '已审核', failed: '无法审核', lost: '租约已被接手，未写入', released: '已放回队列' }[outcome];
        options.out(`${what}：${item.fileName}（批次 ${item.batchId.slice(0, 8)}，第 ${item.attempts} 次）`);
      },
    });
    options.out(`批量审核工作进程已启动（进程 ${process.pid}，${concurrency} 个并发）：${database.description}${options.exitWhenIdle ? '；队列空时退出' : '；按 Ctrl+C 停止'}`);
    const stop = options.stop ?? untilSignal();
    await Promise.race([workers.stopped, stop]);
    await workers.close();
  } finally {
    await database.close();
  }
  return `批量审核工作进程已停止：审核 ${done + failed} 个文件，其中 ${failed} 个无法读取，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`;
}

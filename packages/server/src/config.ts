/**
 * The server's configuration, from the environment. No secret has a default: passwords are generated
 * on first start unless given here.
 * @module
 */
import { DomainError } from '@jixiao/core';
import { DEFAULT_DATA_DIR } from './storage/open.ts';

export type ServerConfig = {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** `database`, or a directory for evidence files. */
  readonly blobs: 'database' | { readonly directory: string };
  readonly adminPassword: string | undefined;
  readonly demo: boolean;
  readonly demoPassword: string | undefined;
  readonly secureCookies: boolean;
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly webRoot: string | null | undefined;
  /** Batch audit loops in the server process (default 1; 0: none, `jixiao worker` processes do the work). */
  readonly batchWorkers?: number;
};

const flag = (value: string | undefined, fallback: boolean) => (value === undefined || value === '' ? fallback : !/^(?:0|false|no|off)$/iu.test(value));

export const ENVIRONMENT_HELP = [
  'PORT（默认 3000）、HOST（默认 127.0.0.1）',
  'DATABASE_URL=postgres://…：使用 PostgreSQL 服务器；不设置时使用内嵌数据库，数据目录 JIXIAO_DATA_DIR（默认 ./data）',
  'JIXIAO_BLOBS：佐证材料存放处，database（默认）或一个目录',
  'JIXIAO_ADMIN_PASSWORD、JIXIAO_DEMO_PASSWORD：首次启动时的密码（不设置则生成并只显示一次）',
  'JIXIAO_DEMO=0：首次启动时不载入演示数据',
  'JIXIAO_SECURE_COOKIES=1（HTTPS 时）、JIXIAO_ALLOWED_ORIGINS（逗号分隔）、JIXIAO_TRUST_PROXY=1',
  'JIXIAO_BATCH_WORKERS：服务器进程内同时审核批量文件的个数（默认 1；0 表示只由 jixiao worker 进程审核）',
];

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DomainError('config-invalid', `PORT 应为 0–65535 的整数，不是「${env['PORT']}」`);
  const url = env['DATABASE_URL']?.trim() || undefined;
  if (url && !/^postgres(?:ql)?:\/\//u.test(url)) throw new DomainError('config-invalid', 'DATABASE_URL 应以 postgres:// 或 postgresql:// 开头');
  const blobs = env['JIXIAO_BLOBS']?.trim();
  const batchWorkers = Number(env['JIXIAO_BATCH_WORKERS']?.trim() || 1);
  if (!Number.isInteger(batchWorkers) || batchWorkers < 0 || batchWorkers > 64) {
    throw new DomainError('config-invalid', `JIXIAO_BATCH_WORKERS 应为 0–64 的整数，不是「${env['JIXIAO_BATCH_WORKERS']}」`);
  }
  return {
    port,
    host: env['HOST']?.trim() || '127.0.0.1',
    databaseUrl: url,
    dataDir: env['JIXIAO_DATA_DIR']?.trim() || DEFAULT_DATA_DIR,
    blobs: !blobs || blobs === 'database' ? 'database' : { directory: blobs },
    adminPassword: env['JIXIAO_ADMIN_PASSWORD'] || undefined,
    demo: flag(env['JIXIAO_DEMO'], true),
    demoPassword: env['JIXIAO_DEMO_PASSWORD'] || undefined,
    secureCookies: flag(env['JIXIAO_SECURE_COOKIES'], false),
    allowedOrigins: (env['JIXIAO_ALLOWED_ORIGINS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: flag(env['JIXIAO_TRUST_PROXY'], false),
    webRoot: undefined,
    batchWorkers,
  };
}

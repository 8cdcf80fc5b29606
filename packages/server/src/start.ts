/**
 * `npm start`: the server and the web app on http://localhost:3000 with the embedded database in
 * ./data (or DATABASE_URL), demo data on first start, and how to log in.
 * @module
 */
import { isDomainError } from '@jixiao/core';
import { configFromEnv, ENVIRONMENT_HELP } from './config.ts';
import { startServer } from './server.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

try {
  const config = configFromEnv();
  const server = await startServer(config);
  out(`jixiao 绩效自评服务已启动：${server.url}`);
  out(`数据库：${server.database.description}`);
  const { bootstrap } = server;
  if (bootstrap.isFirstStart) {
    out('');
    out('首次启动，已创建以下账户。生成的密码只在这里显示这一次，请立即保存（之后可在登录后修改）：');
    for (const c of bootstrap.credentials) {
      out(`  ${c.roleName.padEnd(6, '　')}  用户名 ${c.username.padEnd(10)}  密码 ${c.password ?? '（由环境变量给出）'}`);
    }
    if (bootstrap.demoEvaluationId) out(`已载入演示数据：湖南省衡阳县 · 衡阳县自然资源局 · 2022 年度部门整体支出绩效自评（草稿，编号 ${bootstrap.demoEvaluationId}）`);
  } else {
    out('账户在首次启动时已创建（密码当时已显示）；忘记管理员密码时可用新的数据目录重新开始，或由另一位管理员重置。');
  }
  out('');
  out(`登录：浏览器打开 ${server.url} ；或用 API：`);
  out(`  curl -c cookies.txt -H 'Content-Type: application/json' -d '{"username":"preparer","password":"…"}' ${server.url}/api/auth/login`);
  out(`  curl -b cookies.txt ${server.url}/api/evaluations`);
  out(`接口说明：${server.url}/api/openapi.json    按 Ctrl+C 停止`);
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    out(`\n收到 ${signal}，正在停止……`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`停止时出错：${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (e) {
  if (isDomainError(e)) {
    process.stderr.write(`jixiao：${e.message}\n`);
    for (const d of e.details) process.stderr.write(`  · ${d}\n`);
  } else {
    process.stderr.write(`jixiao：启动失败：${(e as Error).message}${process.env['JIXIAO_DEBUG'] ? `\n${(e as Error).stack ?? ''}` : '（设置 JIXIAO_DEBUG=1 查看详情）'}\n`);
  }
  process.stderr.write(`\n可用的环境变量：\n${ENVIRONMENT_HELP.map((l) => `  ${l}`).join('\n')}\n`);
  process.exit(1);
}

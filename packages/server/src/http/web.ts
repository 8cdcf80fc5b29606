/**
 * The web app: `packages/web/dist` as static files when it has been built (any non-API path falls back to
 * its index.html), otherwise a small Chinese page saying so.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './security.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>jixiao 绩效自评</title>
<style>body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:42rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}code{background:#f3f3f3;padding:0 .3em}</style></head>
<body>
<h1>jixiao 预算绩效自评</h1>
<p>服务器已经运行，但网页端还没有构建（<code>packages/web/dist</code> 不存在）。</p>
<p>现在可以通过 API 使用：接口说明见 <a href="/api/openapi.json">/api/openapi.json</a>，健康检查见 <a href="/api/health">/api/health</a>。
登录：<code>POST /api/auth/login</code>，正文 <code>{"username":"…","password":"…"}</code>；之后的写操作在请求头 <code>X-CSRF-Token</code> 中带上登录返回的 <code>csrfToken</code>。</p>
</body>
</html>`;

export function mountWeb(app: Hono<AppEnv>, webRoot: string | null): void {
  const index = webRoot ? join(webRoot, 'index.html') : null;
  if (webRoot && index && existsSync(index)) {
    app.use('/*', serveStatic({ root: webRoot }));
    app.get('*', (c) => c.html(readFileSync(index, 'utf8')));
    return;
  }
  app.get('*', (c) => c.html(PLACEHOLDER_PAGE));
}

/**
 * The HTTP API (hono): security headers, body limits, sessions, CSRF, login rate limiting, the routes of
 * `routes.ts` each wrapping one command, `/api/openapi.json`, `/api/health`, one error handler, and the
 * web app. `app.request()` runs it without a network port (tests).
 * @module
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { DomainError } from '@jixiao/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { actorForSession, SESSION_HOURS } from '../commands/accounts.ts';
import { batchFileOptions } from '../batch/commands.ts';
import { type StagedFile, stageFile } from '../batch/staged-file.ts';
import { importTooLarge, MAX_IMPORT_BYTES } from '../commands/documents.ts';
import { checkEvidenceTarget, MAX_EVIDENCE_BYTES, StagedEvidence, stageEvidence } from '../commands/evidence.ts';
import { COMMANDS } from '../commands/index.ts';
import { stringifyWithJsonText } from '../commands/json-text.ts';
import { checkAccess, type CommandContext, execute, type Services } from '../commands/registry.ts';
import { hashToken, sameToken } from '../auth/tokens.ts';
import { errorBody, toErrorResponse } from './errors.ts';
import { readMultipart } from './multipart.ts';
import { openApiDocument } from './openapi.ts';
import { bodyKind, pathParams, ROUTES, type RouteSpec } from './routes.ts';
import { type AppEnv, CSRF_HEADER, DEVICE_COOKIE, isOriginAllowed, PASSWORD_CHANGE_ALLOWED, passwordChangeRequired, RateLimiter, SESSION_COOKIE, SessionCache } from './security.ts';
import { mountWeb } from './web.ts';

export type AppOptions = {
  readonly services: Services;
  /** Sets `Secure` on the session cookie (serve over HTTPS, or behind a proxy that does). */
  readonly secureCookies?: boolean;
  /** Other origins allowed to call the API with credentials (the Vite dev server). */
  readonly allowedOrigins?: readonly string[];
  /** `packages/web/dist`, or null for the placeholder page. */
  readonly webRoot?: string | null;
  /** Attempts per client address per window on the login route. */
  readonly loginRateLimit?: { readonly max: number; readonly windowMs: number };
  /** Use the address the trusted proxy appended to X-Forwarded-For (the last one) as the client address. */
  readonly trustProxy?: boolean;
  readonly log?: (line: string) => void;
};

export const MAX_JSON_BYTES = 5 * 1024 * 1024;
/** The request body of an upload of one file (evidence, a report to import): the file plus the form around it. */
const FILE_BODY_LIMIT = Math.max(MAX_EVIDENCE_BYTES, MAX_IMPORT_BYTES) + 1024 * 1024;

const tooLargeError = (limit: number) => new DomainError('payload-too-large', `请求正文超过 ${Math.round(limit / 1048576)} MB 的上限`);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that check a password: throttled per client address (failures only). */
const THROTTLED = new Set(['session-login', 'password-change']);

function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    // The proxy appends the address it saw; whatever comes before it was sent by the client.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

type Staged = StagedEvidence | StagedFile;
const discardStaged = (value: Staged) => (value instanceof StagedEvidence ? value.blob.abort() : value.discard());

/** `staged` receives the files of a multipart form written to the blob store (removed if the command fails). */
async function readInput(c: Context<AppEnv>, route: RouteSpec, services: Services, staged: Staged[]): Promise<Record<string, unknown>> {
  const params = c.req.param() as Record<string, string>;
  const kind = bodyKind(route);
  if (kind === 'query') return { ...c.req.query(), ...params };
  if (kind === 'multipart') {
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) {
      throw new DomainError('unsupported-media-type', '请以 multipart/form-data 上传文件（字段 file）');
    }
    const limit = route.maxBodyBytes ?? FILE_BODY_LIMIT;
    // Every file goes to the blob store as it arrives (evidence; a batch's reports and zips and a report to
    // import, which a worker thread then reads from there): no upload is ever whole in memory.
    const form = await readMultipart<StagedEvidence | StagedFile>(c.req.raw, type, {
      maxBytes: limit,
      tooLarge: () => tooLargeError(limit),
      file: async (_field, fileName, chunks) => {
        if (route.command === 'evidence-add') return stageEvidence(services, fileName, chunks);
        if (route.command === 'batch-create') return stageFile(services, fileName, chunks, batchFileOptions(fileName));
        return stageFile(services, fileName, chunks, { prefix: 'import', keep: true, maxBytes: MAX_IMPORT_BYTES, tooLarge: () => importTooLarge(fileName) });
      },
      discard: discardStaged,
    });
    staged.push(...form.files.map((f) => f.value));
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(form.fields)) if (key !== 'file' && key !== 'files') fields[key] = value;
    const single = form.files.filter((f) => f.field === 'file');
    for (const extra of single.slice(0, -1)) await discardStaged(extra.value);
    const file = single[single.length - 1];
    if (file) {
      fields['fileName'] = file.fileName;
      fields['data'] = file.value;
    }
    // Many files under one name (batch audit): `files`, repeated.
    const many = form.files.filter((f) => f.field === 'files');
    if (many.length > 0) fields['files'] = many.map((f) => ({ fileName: f.fileName, data: f.value }));
    return { ...fields, ...params };
  }
  const text = await c.req.text();
  if (text.trim() === '') return { ...params };
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/iu.test(type)) {
    throw new DomainError('unsupported-media-type', `请求正文须为 JSON（Content-Type: application/json），收到的是「${type || '未注明'}」`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new DomainError('json-invalid', `请求正文不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new DomainError('json-invalid', '请求正文须为 JSON 对象');
  return { ...(body as Record<string, unknown>), ...params };
}

/** `attachment; filename="…"; filename*=UTF-8''…` with an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createApp(options: AppOptions): { app: Hono<AppEnv>; sessions: SessionCache } {
  const { services } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const sessions = new SessionCache(async (tokenHash) => {
    const found = await actorForSession(services.database.db, tokenHash, services.clock());
    return found ? { ...found, tokenHash } : null;
  });
  const loginLimiter = new RateLimiter(options.loginRateLimit?.max ?? 20, options.loginRateLimit?.windowMs ?? 10 * 60_000);
  const allowedOrigins = options.allowedOrigins ?? [];
  const secure = options.secureCookies ?? false;
  const app = new Hono<AppEnv>();

  app.onError((e, c) => {
    const { status, body } = toErrorResponse(e, log);
    return c.json(body, status);
  });

  // Registered before the security headers, so it runs after them: a downloaded file gets a CSP of its own.
  app.use('/api/evidence/*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-disposition')) c.res.headers.set('Content-Security-Policy', "default-src 'none'; sandbox");
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'same-origin',
      strictTransportSecurity: secure ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );

  app.use('/api/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? await sessions.get(hashToken(token)) : null);
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!isOriginAllowed(c.req.header('origin'), c.req.url, allowedOrigins)) {
        throw new DomainError('origin-rejected', '跨站请求被拒绝：请求来源（Origin）不是本站');
      }
      const session = c.get('session');
      if (session && c.req.path !== '/api/auth/login') {
        const sent = c.req.header(CSRF_HEADER) ?? '';
        if (!sameToken(sent, session.csrfToken)) {
          throw new DomainError('csrf-failed', '缺少或错误的 CSRF 令牌：请在请求头 X-CSRF-Token 中带上登录时返回的 csrfToken');
        }
      }
    }
    await next();
  });

  // A declared Content-Length past the limit is refused before the body is read; uploads are counted again
  // as they stream (`readMultipart`), so a body without a length or longer than it said stops at the limit too.
  const tooLarge = (limit: number) => (c: Context) => c.json(errorBody('payload-too-large', tooLargeError(limit).message), 413);
  const limitOf = (maxSize: number) => bodyLimit({ maxSize, onError: tooLarge(maxSize) });
  // (hono's bodyLimit reads a body without Content-Length whole into memory: not for uploads)
  const declaredLimit = (maxSize: number) => async (c: Context, next: () => Promise<void>) => {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > maxSize) return tooLarge(maxSize)(c);
    return next();
  };
  const uploads = ROUTES.filter((r) => bodyKind(r) === 'multipart').map((r) => ({
    method: r.method, path: new RegExp(`^${r.path.replace(/:[A-Za-z]+/gu, '[^/]+')}$`, 'u'), limit: declaredLimit(r.maxBodyBytes ?? FILE_BODY_LIMIT),
  }));
  const jsonLimit = limitOf(MAX_JSON_BYTES);
  app.use('/api/*', async (c, next) => {
    const upload = uploads.find((u) => u.method === c.req.method && u.path.test(c.req.path));
    return upload ? upload.limit(c, next) : jsonLimit(c, next);
  });

  app.get('/api/health', (c) => c.json({ status: 'ok', database: services.database.engine, time: services.clock().toISOString() }));
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openApi));

  for (const route of ROUTES) {
    const command = COMMANDS[route.command];
    app.on(route.method, route.path, async (c) => {
      const session = c.get('session');
      const ctx: CommandContext = {
        ...services,
        actor: session?.actor ?? null,
        sessionTokenHash: session?.tokenHash,
        onAccountsChanged: () => sessions.clear(),
      };
      // A first-run or reset password: nothing but the change itself (and who am I, log out) until it is changed.
      if (session?.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(route.command)) throw passwordChangeRequired();
      checkAccess(command.access, ctx.actor);
      // Password checks (login, password change): failures per client address, reserved before the check.
      const address = THROTTLED.has(route.command) ? clientAddress(c, options.trustProxy ?? false) : null;
      if (address !== null) {
        const wait = loginLimiter.hit(address);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new DomainError('rate-limited', `密码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`);
        }
      }
      if (route.command === 'evidence-add') await checkEvidenceTarget(ctx, c.req.param('id') ?? '');
      const staged: Staged[] = [];
      let result: Record<string, unknown>;
      try {
        const input = await readInput(c, route, services, staged);
        result = (await execute(command as never, address !== null ? { ...ctx, deviceToken: getCookie(c, DEVICE_COOKIE) } : ctx, input)) as Record<string, unknown>;
      } catch (e) {
        // An upload refused (its input, or by the command before it kept the files) leaves nothing behind.
        for (const value of staged) await discardStaged(value).catch(() => undefined);
        throw e;
      }
      if (address !== null) loginLimiter.refund(address);
      switch (route.respond) {
        case 'login': {
          const { token, deviceToken, ...rest } = result as { token: string; deviceToken: string } & Record<string, unknown>;
          setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 });
          setCookie(c, DEVICE_COOKIE, deviceToken, { httpOnly: true, sameSite: 'Strict', secure, path: '/api/auth', maxAge: 365 * 24 * 3600 });
          sessions.clear();
          return c.json(rest);
        }
        case 'logout':
          deleteCookie(c, SESSION_COOKIE, { path: '/', secure });
          return c.json(result);
        case 'file': {
          const file = result as unknown as { fileName: string; mediaType: string; size?: number; data: Uint8Array | ReadableStream<Uint8Array> };
          return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
            ...(file.size === undefined ? {} : { 'Content-Length': String(file.size) }),
            'Content-Type': file.mediaType,
            'Content-Disposition': contentDisposition(file.fileName),
            'X-Content-Type-Options': 'nosniff',
          });
        }
        default:
          if (route.command === 'session-me' && session) return c.json({ ...result, csrfToken: session.csrfToken });
          return c.body(stringifyWithJsonText(result), route.status ?? 200, { 'Content-Type': 'application/json; charset=UTF-8' });
      }
    });
  }

  app.all('/api/*', (c) => c.json(errorBody('route-not-found', `没有这个接口：${c.req.method} ${c.req.path}（接口说明见 /api/openapi.json）`), 404));
  mountWeb(app, options.webRoot === undefined ? null : options.webRoot);
  return { app, sessions };
}

export { pathParams };

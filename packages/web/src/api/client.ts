/**
 * The HTTP layer: JSON in and out, the session cookie, the CSRF header on every write, and one place that
 * turns every failure into an `ApiError` with a Chinese message (the server's own message when it sends
 * `{ error: { code, message } }`).
 * @module
 */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的数据有误',
  401: '尚未登录或登录已过期，请重新登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在或已被删除',
  409: '内容已被他人修改，请刷新后再试',
  413: '文件太大',
  415: '不支持的文件类型',
  422: '数据未通过校验',
  429: '操作太频繁，请稍后再试',
  500: '服务器出错了，请稍后再试',
  502: '服务器暂时无法访问，请稍后再试',
  503: '服务器暂时无法访问，请稍后再试',
};

let csrfToken: string | null = null;
/** Called with the token the server hands out at login and with the session. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

function csrfFromCookie(): string | null {
  if (typeof document === 'undefined') return null;
  const m = /(?:^|;\s*)(?:csrf|csrf_token|XSRF-TOKEN|jixiao_csrf)=([^;]+)/u.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => undefined;
export const setUnauthorizedHandler = (fn: Unauthorized): void => {
  onUnauthorized = fn;
};

type PasswordChangeRequired = () => void;
let onPasswordChangeRequired: PasswordChangeRequired = () => undefined;
/** Called when the server refuses a call because the handed-out password must be changed first. */
export const setPasswordChangeHandler = (fn: PasswordChangeRequired): void => {
  onPasswordChangeRequired = fn;
};

/** The Chinese message for a failed response body, whatever shape it has. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const fallback = STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}）`;
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const e = (body as { error: unknown }).error;
    if (typeof e === 'object' && e !== null) {
      const { code, message, details } = e as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        typeof code === 'string' ? code : `http-${status}`,
        typeof message === 'string' && message ? message : fallback,
        status,
        Array.isArray(details) ? details.map(String) : [],
      );
    }
    if (typeof e === 'string' && e) return new ApiError(`http-${status}`, e, status);
  }
  return new ApiError(`http-${status}`, fallback, status);
}

export type RequestOptions = { readonly signal?: AbortSignal; readonly quietUnauthorized?: boolean };

export async function request<T>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken ?? csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('network', '无法连接服务器，请检查网络后重试', 0);
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (!response.ok) throw errorFromBody(response.status, null);
      throw new ApiError('bad-response', '服务器返回的内容无法识别', response.status);
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed);
    if (response.status === 401 && !options.quietUnauthorized) onUnauthorized();
    if (error.code === 'password-change-required') onPasswordChangeRequired();
    throw error;
  }
  return parsed as T;
}

/** A file download through the session (so errors come back as Chinese messages, not a broken file). */
export async function download(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络后重试', 0);
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw errorFromBody(response.status, body);
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/iu.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/iu.exec(disposition)?.[1];
  const name = star ? decodeURIComponent(star) : plain ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Calling the app as a browser would, without a network port (`app.request`): the session cookie and
 * the CSRF header of a logged-in user.
 * @module
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/security.ts';

export type Session = { readonly cookie: string; readonly csrfToken: string };

export type Reply = { readonly status: number; readonly body: unknown; readonly headers: Headers; readonly text: string };

export type RequestOptions = {
  readonly session?: Session | null;
  readonly json?: unknown;
  readonly form?: FormData;
  readonly body?: string | Uint8Array;
  readonly headers?: Record<string, string>;
  /** Leave the CSRF header out even with a session. */
  readonly withoutCsrf?: boolean;
};

export class TestClient {
  readonly app: Hono<AppEnv>;

  constructor(app: Hono<AppEnv>) {
    this.app = app;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.session) {
      headers['cookie'] = options.session.cookie;
      if (!options.withoutCsrf && method !== 'GET') headers['x-csrf-token'] = options.session.csrfToken;
    }
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      body = options.form;
    } else if (options.body !== undefined) {
      body = options.body as BodyInit;
    }
    const response = await this.app.request(`http://localhost${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  /** Logs in; throws unless the server accepted the credentials. */
  async login(username: string, password: string): Promise<Session> {
    const reply = await this.request('POST', '/api/auth/login', { json: { username, password } });
    if (reply.status !== 200) throw new Error(`login ${username} → ${reply.status} ${reply.text}`);
    const cookie = (reply.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { cookie, csrfToken: (reply.body as { csrfToken: string }).csrfToken };
  }
}

/** Whether a text contains Chinese (every error message must). */
export const hasChinese = (text: unknown): boolean => typeof text === 'string' && /[\u4e00-\u9fff]/u.test(text);

/** A minimal valid PDF. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n');

export function pdfForm(indicatorIndex: number | string, fileName = '佐证材料.pdf', data: Uint8Array = PDF_BYTES): FormData {
  const form = new FormData();
  form.set('file', new File([data as Uint8Array<ArrayBuffer>], fileName, { type: 'application/pdf' }));
  form.set('indicatorIndex', String(indicatorIndex));
  return form;
}

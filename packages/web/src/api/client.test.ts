import { describe, expect, it } from 'vitest';
import { errorFromBody } from './client.ts';

describe('API errors', () => {
  it('keep the server’s Chinese message and code', () => {
    const e = errorFromBody(409, { error: { code: 'version-conflict', message: '该自评已被他人修改' } });
    expect(e.code).toBe('version-conflict');
    expect(e.message).toBe('该自评已被他人修改');
    expect(e.status).toBe(409);
  });

  it('fall back to a Chinese message by status', () => {
    expect(errorFromBody(403, null).message).toBe('没有权限进行此操作');
    expect(errorFromBody(500, '<html>').message).toBe('服务器出错了，请稍后再试');
    expect(errorFromBody(418, {}).message).toBe('请求失败（HTTP 418）');
  });

  it('carry details', () => {
    expect(errorFromBody(400, { error: { code: 'invalid', message: '格式错误', details: ['year：应为整数'] } }).details).toEqual(['year：应为整数']);
  });
});

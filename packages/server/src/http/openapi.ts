/**
 * The OpenAPI 3.1 document, generated from the route table and each command's zod input schema (zod 4's
 * `z.toJSONSchema`); the evaluation document is the core's `evaluationSchema`.
 * @module
 */
import { evaluationSchema } from '@jixiao/core';
import { z } from 'zod';
import { COMMANDS } from '../commands/index.ts';
import { evaluationDocument } from '../commands/registry.ts';
import { STATUS_BY_CODE } from './errors.ts';
import { bodyKind, pathParams, ROUTES } from './routes.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './security.ts';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>>; required?: string[] };

const EVALUATION_REF = '#/components/schemas/Evaluation';

function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === evaluationDocument) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        ctx.jsonSchema['$ref'] = EVALUATION_REF;
      }
    },
  }) as JsonSchema;
  delete json['$schema'];
  return json;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const command = COMMANDS[route.command];
    const schema = inputSchema(command.input);
    const params = pathParams(route.path);
    const properties = { ...(schema.properties ?? {}) };
    const required = new Set(schema.required ?? []);
    const parameters: Record<string, unknown>[] = params.map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }));
    for (const name of params) {
      delete properties[name];
      required.delete(name);
    }
    const kind = bodyKind(route);
    const operation: Record<string, unknown> = {
      operationId: command.name,
      summary: command.summary,
      tags: [route.tag],
      parameters,
      responses: {
        [String(route.status ?? 200)]: route.respond === 'file' ? { description: '文件内容', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } : { description: '成功', content: { 'application/json': { schema: { type: 'object' } } } },
        '400': errorResponse('请求参数有误（中文说明各字段）'),
        '401': errorResponse('未登录'),
        '403': errorResponse('角色无权进行此操作，或 CSRF 令牌错误'),
        '404': errorResponse('不存在，或不在你的权限范围内'),
        '409': errorResponse('冲突：版本已变化、状态不允许'),
      },
      security: command.access === 'public' ? [] : [{ session: [], csrf: [] }],
    };
    if (kind === 'query') {
      for (const [name, s] of Object.entries(properties)) parameters.push({ name, in: 'query', required: required.has(name), schema: s });
    } else if (kind === 'multipart') {
      // One file (`file`), or many under one repeated name (`files`: a batch).
      const many = 'files' in properties;
      const isFilePart = (name: string) => name === 'fileName' || name === 'data' || name === 'files';
      const fields = Object.fromEntries(Object.entries(properties).filter(([name]) => !isFilePart(name)));
      const files = many
        ? { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: '上传的文件（字段 files 可重复；.zip 在服务器上展开）' } }
        : { file: { type: 'string', format: 'binary', description: '上传的文件' } };
      operation['requestBody'] = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { ...files, ...fields },
              required: [many ? 'files' : 'file', ...[...required].filter((name) => !isFilePart(name))],
            },
          },
        },
      };
    } else if (Object.keys(properties).length > 0) {
      operation['requestBody'] = {
        required: required.size > 0,
        content: { 'application/json': { schema: { ...schema, properties, required: [...required] } } },
      };
    }
    const path = route.path.replace(/:([A-Za-z]+)/gu, '{$1}');
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  paths['/api/health'] = { get: { operationId: 'health', summary: '健康检查', tags: ['系统'], responses: { '200': { description: '服务正常' } }, security: [] } };
  const evaluation = z.toJSONSchema(evaluationSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete evaluation['$schema'];
  return {
    openapi: '3.1.0',
    info: {
      title: 'jixiao 预算绩效自评 API',
      version: '0.1.0',
      description: `单位填报、提交，财政局审核、退回或通过、抽查、公开。登录后会话保存在 HttpOnly Cookie（${SESSION_COOKIE}）中；所有写操作须在请求头 X-CSRF-Token 中带上登录返回的 csrfToken。错误统一为 { error: { code, message } }，message 为中文。列表接口分页：page（从 1 起）、pageSize（至多 100），返回 { items, page, pageSize, total }。`,
    },
    servers: [{ url: '/' }],
    tags: [...new Set(ROUTES.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
      },
      schemas: {
        Evaluation: evaluation,
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: {
                code: { type: 'string', description: `错误代码（kebab-case）。状态码：${Object.entries(STATUS_BY_CODE).map(([k, v]) => `${k} ${v}`).join('，')}；其余 *-not-found 为 404，其他为 400` },
                message: { type: 'string', description: '中文说明' },
                details: { type: 'array', items: { type: 'string' } },
                data: {},
              },
              required: ['code', 'message'],
            },
          },
          required: ['error'],
        },
      },
    },
  };
}

/**
 * Documents: the evaluation as the files a unit stamps and files (.docx report, .xlsx attachment tables,
 * .pdf), and the reverse — a report written in Word, Excel, PDF or plain text read into evaluation data
 * (returned, not stored, so that the person checks it before saving). Both through @jixiao/documents,
 * loaded on first use.
 * @module
 */
import { DomainError, parseEvaluation, selectScheme } from '@jixiao/core';
import { z } from 'zod';
import { sharedFileWorkers } from '../batch/file-pool.ts';
import { StagedFile } from '../batch/staged-file.ts';
import { cleanFileName } from '../domain/evidence-type.ts';
import { KIND_NAMES, loadVersion, READERS } from './evaluations.ts';
import { defineCommand, id, requireActor } from './registry.ts';
import { evaluationInScope } from './scope.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A report to import past the limit (said as soon as the upload passes it). */
export const importTooLarge = (fileName: string, size?: number) =>
  new DomainError('file-too-large', `「${cleanFileName(fileName) || '上传的文件'}」${size === undefined ? '' : `有 ${(size / 1048576).toFixed(1)} MB，`}超过 ${MAX_IMPORT_BYTES / 1048576} MB 的上限`);

export const EXPORT_MEDIA_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const evaluationExport = defineCommand({
  name: 'evaluation-export',
  summary: '生成自评文档：.docx 报告（含附表）、.xlsx 附表或 .pdf（默认为当前版本）',
  access: READERS,
  input: z.strictObject({ id: id('自评'), format: z.enum(['docx', 'xlsx', 'pdf']), version: z.coerce.number().int().min(1).optional() }),
  async run(ctx, input) {
    const actor = requireActor(ctx);
    const db = ctx.database.db;
    const e = await evaluationInScope(db, actor, input.id);
    const number = input.version ?? e.currentVersion;
    const { document } = await loadVersion(db, e.id, number);
    const evaluation = parseEvaluation(document);
    const scheme = selectScheme(ctx.schemes, evaluation.kind, evaluation.schemeId);
    const { render } = await import('@jixiao/documents');
    const { bytes, corrections } = await render(evaluation, scheme, input.format);
    const title = `${e.unitName}${e.year}年度${e.projectName ? `「${e.projectName}」` : ''}${KIND_NAMES[e.kind as keyof typeof KIND_NAMES] ?? ''}（第${number}版）`;
    return { fileName: `${cleanFileName(title) || '自评'}.${input.format}`, mediaType: EXPORT_MEDIA_TYPES[input.format], data: bytes, corrections: corrections.length };
  },
});

export const documentImport = defineCommand({
  name: 'document-import',
  summary: '读取 Word、Excel、PDF 或文本格式的自评报告，转为自评数据（只返回，不保存）',
  access: 'signed-in',
  input: z.strictObject({
    fileName: z.string().max(300),
    data: z.union([z.instanceof(Uint8Array), z.instanceof(StagedFile)], { message: '请上传文件（file）' }),
    kind: z.enum(['department', 'project']).optional(),
  }),
  async run(ctx, input) {
    const fileName = cleanFileName(input.fileName) || '上传的文件';
    const { data } = input;
    try {
      const size = data instanceof StagedFile ? data.size : data.byteLength;
      if (size > MAX_IMPORT_BYTES) throw importTooLarge(fileName, size);
      // Read in a worker thread under memory and time limits: never on the thread that answers requests. An
      // upload was streamed into the blob store; the thread reads it from there by ranges.
      const file = data instanceof StagedFile ? { size, read: (offset: number, length: number) => data.read(offset, length) } : data;
      return await (ctx.files ?? sharedFileWorkers()).importDocument(file, fileName, { kind: input.kind, maxBytes: MAX_IMPORT_BYTES });
    } finally {
      // the upload is read, not kept
      if (data instanceof StagedFile) await data.discard();
    }
  },
});

export const DOCUMENT_COMMANDS = { 'evaluation-export': evaluationExport, 'document-import': documentImport } as const;

/**
 * Report files for batch tests and the benchmark: the seed report as text, .docx, .xlsx and PDF (the
 * documents package's fixtures), a corrupt .docx, and zips of them.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import type { UploadedFile } from './upload.ts';

const at = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url))));

export const SAMPLE_FILES = {
  seedText: (): UploadedFile => ({ fileName: '衡阳县自然资源局2022年度部门整体支出绩效自评报告.txt', data: at('examples/hengyang-natural-resources-2022.txt') }),
  seedDocx: (): UploadedFile => ({ fileName: '衡阳县自然资源局2022.docx', data: at('packages/documents/fixtures/hengyang-2022.docx') }),
  seedXlsx: (): UploadedFile => ({ fileName: '衡阳县自然资源局2022附表.xlsx', data: at('packages/documents/fixtures/hengyang-2022-attachments.xlsx') }),
  projectXlsx: (): UploadedFile => ({ fileName: '项目自评表.xlsx', data: at('packages/documents/fixtures/tricky-project.xlsx') }),
  seedPdf: (): UploadedFile => ({ fileName: '衡阳县自然资源局2022.pdf', data: at('packages/documents/fixtures/hengyang-2022.pdf') }),
  /** Starts like a zip, is not one: the reader says file-corrupt. */
  corruptDocx: (name = '已损坏的报告.docx'): UploadedFile => ({ fileName: name, data: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('这不是一个完整的 Word 文档')]) }),
};

/** A zip of the files (paths kept as given: folders inside the zip). */
export function zipOf(fileName: string, files: readonly UploadedFile[]): UploadedFile {
  return { fileName, data: zipSync(Object.fromEntries(files.map((f) => [f.fileName, f.data]))) };
}

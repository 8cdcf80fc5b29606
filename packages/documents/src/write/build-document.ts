/**
 * From an evaluation and its scheme to the declarative document: derive once, then build the 部门整体 or
 * 项目 document. Pure: no I/O.
 * @module
 */
import { derive, DomainError, type Evaluation, type Scheme } from '@jixiao/core';
import { buildDepartmentDocument } from './build-department.ts';
import { buildProjectDocument } from './build-project.ts';
import type { ReportDocument } from './document-model.ts';
import { RenderMode } from './wording.ts';

const KIND_NAMES = { department: '部门整体', project: '项目' } as const;

/** @throws DomainError `scheme-kind-mismatch` when the scheme is for the other kind of evaluation. */
export function buildDocument(evaluation: Evaluation, scheme: Scheme, mode: RenderMode = RenderMode.asWritten): ReportDocument {
  if (scheme.kind !== evaluation.kind) {
    throw new DomainError(
      'scheme-kind-mismatch',
      `评价方案「${scheme.name}」用于${KIND_NAMES[scheme.kind]}自评，而数据是${KIND_NAMES[evaluation.kind]}自评`,
    );
  }
  const derived = derive(evaluation, scheme);
  return evaluation.kind === 'department'
    ? buildDepartmentDocument(evaluation, scheme, derived, mode)
    : buildProjectDocument(evaluation, scheme, derived, mode);
}

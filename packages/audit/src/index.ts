/**
 * @jixiao/audit — the audit of a report written by others: after reading and importing (@jixiao/documents),
 * the core's checks on the mapped model, the facts and relations of the narrative and the tables, and the
 * text checks, merged into one list of findings.
 * @module
 */
export { auditText, extractFacts, factChecks, textChecks } from './facts/index.ts';
export * from './audit/audit-document.ts';
export { relationChecks, relationFindings } from './relations/index.ts';

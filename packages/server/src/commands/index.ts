/**
 * Every command, by name. The HTTP routes and the CLI look commands up here.
 * @module
 */
import { BATCH_COMMANDS } from '../batch/commands.ts';
import { ACCOUNT_COMMANDS } from './accounts.ts';
import { DASHBOARD_COMMANDS } from './dashboard.ts';
import { DOCUMENT_COMMANDS } from './documents.ts';
import { EVALUATION_COMMANDS } from './evaluations.ts';
import { LIFECYCLE_COMMANDS } from './evaluation-lifecycle.ts';
import { EVIDENCE_COMMANDS } from './evidence.ts';
import { OPEN_DATA_COMMANDS } from './open-data-export.ts';
import { REVIEW_COMMANDS } from './reviews.ts';
import { RISK_SPOT_CHECK_COMMANDS } from './spot-checks-risk.ts';
import { SPOT_CHECK_COMMANDS } from './spot-checks.ts';
import { WORKFLOW_COMMANDS } from './workflow.ts';

export const COMMANDS = {
  ...ACCOUNT_COMMANDS,
  ...EVALUATION_COMMANDS,
  ...LIFECYCLE_COMMANDS,
  ...WORKFLOW_COMMANDS,
  ...REVIEW_COMMANDS,
  ...EVIDENCE_COMMANDS,
  ...SPOT_CHECK_COMMANDS,
  ...RISK_SPOT_CHECK_COMMANDS,
  ...DOCUMENT_COMMANDS,
  ...DASHBOARD_COMMANDS,
  ...BATCH_COMMANDS,
  ...OPEN_DATA_COMMANDS,
} as const;

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;

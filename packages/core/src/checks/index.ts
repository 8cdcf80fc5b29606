/**
 * The registry of checks. Every file in this folder that defines a check is listed here (a test keeps
 * the two in step).
 * @module
 */
import type { Check } from './types.ts';

export const CHECKS: readonly Check[] = [];

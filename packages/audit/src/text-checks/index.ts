/**
 * Checks over the text of a report: duplicated sentences, template residue, paragraphs foreign to the
 * unit, years that contradict the evaluated year, numbering that skips or repeats.
 * @module
 */
import type { TextCheck } from '../facts/types.ts';
import { duplicateSentence } from './duplicate-sentence.ts';
import { foreignParagraph } from './foreign-paragraph.ts';
import { numberingSequence } from './numbering-sequence.ts';
import { templateResidue } from './template-residue.ts';
import { yearMismatch } from './year-mismatch.ts';

export const textChecks: readonly TextCheck[] = [duplicateSentence, templateResidue, foreignParagraph, yearMismatch, numberingSequence];

export { duplicateSentence, foreignParagraph, numberingSequence, templateResidue, yearMismatch };
export { foreignPassages, orphansOf, termsOf } from './foreign-paragraph.ts';

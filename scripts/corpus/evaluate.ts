/**
 * The measure itself, apart from its printing: audits every corpus document and every mutant, and
 * classifies each error and warning finding against the labels (./match.ts for the rule).
 * @module
 */
import type { Finding } from '@jixiao/core';
import { goodRelations, type CorpusDocument } from './corpus.ts';
import { cmp, fromNumber, parseWritten } from './exact.ts';
import { aboutFigure, findingLine, findsRelation, findsThrough, numbersIn, touches } from './match.ts';
import { mutantText, type Mutant } from './mutate.ts';
import { figuresOf, sameFigure, withFigure, type Relation } from './schema.ts';

export type Audit = (text: string, fileName: string) => Promise<readonly Finding[]>;

/** What a finding of a document is, against its labels. */
export type FindingClass = 'violation' | 'violation-other-value' | 'holding' | 'soft' | 'unlabelled';

export type ClassifiedFinding = {
  readonly line: number | null;
  readonly check: string;
  readonly severity: 'error' | 'warning';
  readonly stated: number | string | null;
  readonly expected: number | string | null;
  readonly message: string;
  readonly class: FindingClass;
  /** The relations it is about (ids). */
  readonly relations: readonly string[];
  /** On a line labelled not the unit's (mask, junk, …) or left out as unreadable. */
  readonly place: 'not-the-units' | 'omitted' | null;
};

export type DocumentOutcome = {
  readonly id: string;
  readonly violations: readonly { id: string; kind: string; found: boolean; lines: readonly number[] }[];
  readonly findings: readonly ClassifiedFinding[];
  readonly relations: number;
  readonly badLabels: number;
};

export type MutantOutcome = {
  readonly id: string;
  readonly document: string;
  readonly relation: string;
  readonly kind: string;
  readonly slip: string;
  readonly line: number;
  readonly from: string;
  readonly to: string;
  /**
   * found: the changed figure reported with a value restoring the relation; figure: the changed figure
   * reported with another value (or none); relation: another figure of the relation reported; elsewhere:
   * the changed value reported, but on another line (or with no line that can be told); missed.
   */
  readonly outcome: 'found' | 'figure' | 'relation' | 'elsewhere' | 'missed';
  readonly severity: 'error' | 'warning' | null;
  readonly error?: string;
};

const serious = (f: Finding): f is Finding & { severity: 'error' | 'warning' } => f.severity === 'error' || f.severity === 'warning';

export function classify(doc: CorpusDocument, findings: readonly Finding[]): DocumentOutcome {
  const labels = doc.labels;
  const year = labels?.evaluatedYear ?? null;
  const relations = goodRelations(doc);
  const violated = relations.filter((r) => r.verdict === 'violated');
  const holding = relations.filter((r) => r.verdict === 'holds');
  const numbers = numbersIn(doc.lines);
  const softLines = new Set((labels?.soft ?? []).flatMap((s) => s.lines));
  const notUnits = new Set((labels?.notTheUnits ?? []).flatMap((s) => s.lines));
  const omitted = new Set((labels?.omitted ?? []).flatMap((s) => s.lines));
  const found = new Set<string>();
  const out: ClassifiedFinding[] = [];
  for (const f of findings.filter(serious)) {
    const line = findingLine(f, numbers);
    const finds = violated.filter((r) => findsRelation(f, line, r, year));
    for (const r of finds) found.add(r.id);
    const near = violated.filter((r) => touches(f, line, r));
    const onHolding = holding.filter((r) => touches(f, line, r));
    const cls: FindingClass =
      finds.length > 0 ? 'violation' : near.length > 0 ? 'violation-other-value' : line !== null && softLines.has(line) ? 'soft' : onHolding.length > 0 ? 'holding' : 'unlabelled';
    out.push({
      line,
      check: f.check,
      severity: f.severity,
      stated: f.stated ?? null,
      expected: f.expected ?? null,
      message: f.message,
      class: cls,
      relations: (finds.length > 0 ? finds : near.length > 0 ? near : onHolding).map((r) => r.id),
      place: line === null ? null : notUnits.has(line) ? 'not-the-units' : omitted.has(line) ? 'omitted' : null,
    });
  }
  return {
    id: doc.id,
    violations: violated.map((r) => ({ id: r.id, kind: r.kind, found: found.has(r.id), lines: [...new Set(figuresOf(r).map((x) => x.figure.line))] })),
    findings: out,
    relations: relations.length,
    badLabels: (labels?.relations.length ?? 0) - relations.length,
  };
}

/**
 * Whether the mutant's changed figure is reported: with a value restoring its relation (or another
 * relation that holds in the document and has the same figure), or only as the figure.
 */
export function judgeMutant(doc: CorpusDocument, m: Mutant, findings: readonly Finding[]): Pick<MutantOutcome, 'outcome' | 'severity'> {
  const year = doc.labels?.evaluatedYear ?? null;
  const lines = doc.lines.map((l, i) => (i + 1 === m.line ? `${l.slice(0, m.offset)}${m.to}${l.slice(m.offset + m.from.length)}` : l));
  const numbers = numbersIn(lines);
  // every holding relation with this figure, each with the figure as mutated
  const related: { r: Relation; role: string }[] = [];
  for (const r of goodRelations(doc)) {
    if (r.verdict !== 'holds') continue;
    for (const x of figuresOf(r)) if (sameFigure(x.figure, m.figure)) related.push({ r, role: x.role });
  }
  let figure: 'error' | 'warning' | null = null;
  let relation: 'error' | 'warning' | null = null;
  for (const f of findings.filter(serious)) {
    const line = findingLine(f, numbers);
    for (const { r, role } of related) {
      const mutated = mutatedRelation(r, role, m);
      if (findsThrough(f, line, mutated, year, role)) return { outcome: 'found', severity: f.severity };
      const changed = figuresOf(mutated).find((x) => x.role === role)?.figure;
      if (changed && aboutFigure(f, line, changed)) figure ??= f.severity;
      else if (touches(f, line, mutated)) relation ??= f.severity;
    }
  }
  if (figure) return { outcome: 'figure', severity: figure };
  if (relation) return { outcome: 'relation', severity: relation };
  const to = parseWritten(m.to).value;
  const elsewhere = findings.filter(serious).find((f) => typeof f.stated === 'number' && cmp(fromNumber(f.stated), to) === 0);
  return elsewhere ? { outcome: 'elsewhere', severity: elsewhere.severity } : { outcome: 'missed', severity: null };
}

function mutatedRelation(r: Relation, role: string, m: Mutant): Relation {
  const figure = figuresOf(r).find((x) => x.role === role)?.figure;
  return figure ? withFigure(r, role, { ...figure, text: m.to }) : r;
}

export async function auditMutant(doc: CorpusDocument, m: Mutant, audit: Audit): Promise<MutantOutcome> {
  const base = { id: m.id, document: m.document, relation: m.relation.id, kind: m.relation.kind, slip: m.slip, line: m.line, from: m.from, to: m.to };
  try {
    const findings = await audit(mutantText(doc.text, m), `${doc.id}.txt`);
    return { ...base, ...judgeMutant(doc, m, findings) };
  } catch (e) {
    return { ...base, outcome: 'missed', severity: null, error: e instanceof Error ? e.message : String(e) };
  }
}
